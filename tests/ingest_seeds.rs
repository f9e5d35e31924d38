//! The five seed articles, ingested end to end, every field checked.

use std::path::PathBuf;

use hoinghi::bundle::{Article, Block, Conference, ConferenceKind, Confidence, Level, Role};
use hoinghi::ingest::{self, BundleOptions, Meta};
use unicode_normalization::UnicodeNormalization;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");

fn seed_path(prefix: &str) -> PathBuf {
    std::fs::read_dir(SEEDS)
        .expect("seeds folder")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("seed {prefix} missing"))
}

fn seed(prefix: &str) -> Article {
    ingest::ingest_file(&seed_path(prefix)).expect("seed ingests")
}

fn body_text(a: &Article) -> String {
    a.body
        .iter()
        .map(Block::text)
        .collect::<Vec<_>>()
        .join("\n")
}

fn captions(a: &Article) -> Vec<&str> {
    a.body
        .iter()
        .filter_map(|b| match b {
            Block::Caption { text } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// Nothing from the site furniture is left anywhere in the body.
fn assert_clean(a: &Article) {
    let body = body_text(a);
    for clutter in [
        "Thống kê truy cập",
        "Đang truy cập",
        "Hôm nay:",
        "Tháng hiện tại",
        "Tổng:",
        "Tổng truy cập",
        "Các tin khác",
        "Quay lại",
        "Ý kiến ()",
        "500 ký tự",
        "Đang tải dữ liệu",
        "Liên kết web",
        "BẢN ĐỒ HÀNH CHÍNH",
        ".jpg",
        "•",
        "Lượt đọc",
        "lượt xem",
        "Thời gian đăng",
    ] {
        assert!(
            !body.contains(clutter),
            "{}: body still has {clutter:?}",
            a.title
        );
    }
    assert!(!body.lines().any(|l| l.eq_ignore_ascii_case(&a.title) || l.to_lowercase() == a.title.to_lowercase()), "title repeated in body");
    if let Some(author) = &a.author {
        assert!(
            !body
                .lines()
                .any(|l| l.contains(author.as_str()) && l.len() < 80),
            "byline left in body"
        );
    }
}

fn people(c: &Conference) -> Vec<(&str, Vec<&str>, Role)> {
    c.people
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.titles.iter().map(String::as_str).collect(),
                p.role,
            )
        })
        .collect()
}

fn docs(a: &Article) -> Vec<(&str, Option<&str>, Option<&str>)> {
    a.documents
        .iter()
        .map(|d| (d.number.as_str(), d.doc_type.as_deref(), d.date.as_deref()))
        .collect()
}

fn period(c: &Conference) -> (&str, &str, &str) {
    let p = c.period.as_ref().expect("period");
    (p.label.as_str(), p.start.as_str(), p.end.as_str())
}

#[test]
fn seed_000_phu_yen_giao_ban() {
    let a = seed("000_");
    assert_eq!(a.title, "Giao ban công tác Dân vận Quý I/2023");
    assert_eq!(a.published.as_deref(), Some("2023-04-07"));
    assert_eq!(a.views, None);
    assert_eq!(a.author.as_deref(), Some("Mỹ Luận"));
    assert_eq!(a.source, None);
    let p = a.province.as_ref().expect("province");
    assert_eq!(
        (p.name.as_str(), p.confidence),
        ("Phú Yên", Confidence::High)
    );
    assert_eq!(p.name_2025.as_deref(), Some("Đắk Lắk"));
    assert_eq!(p.region.as_deref(), Some("Duyên hải Nam Trung Bộ"));
    assert!(p.evidence.iter().any(|e| e == "tỉnh Phú Yên"));
    assert_eq!(a.conferences.len(), 1);
    let c = &a.conferences[0];
    assert_eq!(c.date.as_deref(), Some("2023-04-07"));
    assert_eq!(c.kind, ConferenceKind::GiaoBan);
    assert_eq!(
        c.name.as_deref(),
        Some("Hội nghị giao ban công tác dân vận Quý I và triển khai nhiệm vụ công tác Quý II năm 2023")
    );
    assert_eq!(period(c), ("Quý I/2023", "2023-01-01", "2023-03-31"));
    assert_eq!(c.level, Some(Level::Province));
    assert!(!c.online);
    assert_eq!(c.host.as_deref(), Some("Ban Dân vận Tỉnh ủy"));
    assert_eq!(
        people(c),
        [(
            "Đinh Thị Thu Thanh",
            vec![
                "Ủy viên Ban thường vụ Tỉnh ủy",
                "Trưởng Ban Dân vận Tỉnh ủy"
            ],
            Role::Chair
        )]
    );
    assert_eq!(
        docs(&a),
        [
            ("132-KH/TU", Some("Kế hoạch"), Some("2023-02-23")),
            ("44-KL/TW", Some("Kết luận"), Some("2022-11-14")),
            ("43-CT/TW", Some("Chỉ thị"), Some("2010-06-08")),
            ("27-CT/TU", Some("Chỉ thị"), Some("2023-02-02")),
            ("03-HD/BDVTW", Some("Hướng dẫn"), Some("2023-01-05")),
            ("130-KH/TU", Some("Kế hoạch"), Some("2023-02-14")),
        ]
    );
    assert_eq!(a.people.len(), 1);
    assert_eq!(captions(&a), ["Quang cảnh hội nghị"]);
    assert!(
        matches!(&a.body[0], Block::Paragraph { text } if text.starts_with("Ngày 7/4, Ban Dân vận Tỉnh ủy"))
    );
    assert_eq!(a.body.len(), 9);
    assert_clean(&a);
}

#[test]
fn seed_001_dien_bien_tong_ket() {
    let a = seed("001_");
    assert_eq!(
        a.title,
        "Hội nghị tổng kết công tác dân vận năm 2023, triển khai nhiệm vụ năm 2024"
    );
    assert_eq!(a.published.as_deref(), Some("2024-01-18T07:34:05"));
    assert_eq!(a.views, Some(2923));
    assert_eq!(a.author.as_deref(), Some("Minh Thùy"));
    let s = a.source.as_ref().expect("source");
    assert_eq!(
        s.name.as_deref(),
        Some("Trang thông tin điện tử Đảng bộ tỉnh Điện Biên")
    );
    assert_eq!((s.url.as_deref(), s.domain.as_deref()), (None, None));
    let p = a.province.as_ref().expect("province");
    assert_eq!(
        (p.name.as_str(), p.confidence, p.region.as_deref()),
        ("Điện Biên", Confidence::High, Some("Tây Bắc Bộ"))
    );
    assert!(p.evidence[0].starts_with("banner: "));
    assert_eq!(a.conferences.len(), 1);
    let c = &a.conferences[0];
    assert_eq!(c.date.as_deref(), Some("2024-01-17"));
    assert_eq!(c.kind, ConferenceKind::TongKet);
    assert_eq!(
        c.name.as_deref(),
        Some("Hội nghị tổng kết công tác dân vận năm 2023; triển khai nhiệm vụ năm 2024")
    );
    assert_eq!(period(c), ("năm 2023", "2023-01-01", "2023-12-31"));
    assert_eq!(c.level, Some(Level::Province));
    assert!(!c.online);
    // The lead names the chairs, not an organiser.
    assert_eq!(c.host, None);
    assert_eq!(
        people(c),
        [
            (
                "Mùa A Sơn",
                vec!["Phó Bí thư Thường trực Tỉnh ủy"],
                Role::Chair
            ),
            (
                "Lò Văn Mừng",
                vec![
                    "Ủy viên Ban Thường vụ Tỉnh ủy",
                    "Trưởng ban Dân vận Tỉnh ủy",
                    "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"
                ],
                Role::Chair
            ),
            (
                "Lò Văn Tiến",
                vec!["Tỉnh ủy viên", "Phó Chủ tịch UBND tỉnh"],
                Role::Chair
            ),
        ]
    );
    assert!(a.documents.is_empty());
    assert_eq!(a.people.len(), 3);
    // The short line after the image file name is its caption.
    assert_eq!(
        captions(&a),
        ["Đồng chí Mùa A Sơn, Phó Bí thư Thường trực Tỉnh ủy phát biểu chỉ đạo hội nghị."]
    );
    assert!(!body_text(&a).contains("TRANG THÔNG TIN"));
    assert_eq!(a.body.len(), 5);
    assert_clean(&a);
}

#[test]
fn seed_002_ben_tre_from_indirect_evidence() {
    let a = seed("002_");
    assert_eq!(
        a.title,
        "Phó Bí thư Thường trực Tỉnh ủy dự hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2022"
    );
    assert_eq!(a.published.as_deref(), Some("2022-08-05"));
    assert_eq!(a.views, None);
    assert_eq!(
        a.author.as_deref(),
        Some("Nguyễn Hiếu (Ban Dân vận Tỉnh ủy)")
    );
    assert_eq!(a.source, None);
    let p = a.province.as_ref().expect("province");
    // Never named outright: Đồng Khởi mới, Cầu Rạch Miễu 2, Nguyễn Đình Chiểu, dừa.
    assert_eq!(
        (p.name.as_str(), p.confidence),
        ("Bến Tre", Confidence::Medium)
    );
    assert_eq!(p.name_2025.as_deref(), Some("Vĩnh Long"));
    for clue in ["Đồng Khởi mới", "Rạch Miễu", "Nguyễn Đình Chiểu", "dừa"] {
        assert!(
            p.evidence.iter().any(|e| e.starts_with(clue)),
            "evidence {clue}"
        );
    }
    assert_eq!(a.conferences.len(), 1);
    let c = &a.conferences[0];
    assert_eq!(c.date.as_deref(), Some("2022-08-04"));
    assert_eq!(c.kind, ConferenceKind::SoKet);
    assert_eq!(
        c.name.as_deref(),
        Some("Hội nghị sơ kết công tác dân vận 06 tháng đầu năm, triển khai nhiệm vụ 06 tháng cuối năm 2022")
    );
    assert_eq!(
        period(c),
        ("6 tháng đầu năm 2022", "2022-01-01", "2022-06-30")
    );
    assert_eq!(c.level, Some(Level::Province));
    assert!(!c.online);
    assert_eq!(c.host.as_deref(), Some("Ban Dân vận Tỉnh ủy"));
    assert_eq!(
        people(c),
        [
            (
                "Hồ Thị Hoàng Yến",
                vec![
                    "Phó Bí thư Thường trực Tỉnh ủy",
                    "Chủ tịch Hội đồng nhân dân tỉnh"
                ],
                Role::Speaker
            ),
            (
                "Bùi Văn Bia",
                vec![
                    "Ủy viên Ban Thường vụ Tỉnh ủy",
                    "Trưởng Ban Dân vận Tỉnh ủy"
                ],
                Role::Chair
            ),
            (
                "Phạm Thị Thanh Thảo",
                vec![
                    "Tỉnh ủy viên",
                    "Phó Trưởng ban Thường trực Ban Dân vận Tỉnh ủy"
                ],
                Role::Chair
            ),
        ]
    );
    assert_eq!(
        docs(&a),
        [
            ("306-QĐ/TU", Some("Quyết định"), None),
            ("08-CT/TU", Some("Chỉ thị"), Some("2021-09-23")),
            ("217-QĐ/TW", Some("Quyết định"), None),
            ("218-QĐ/TW", Some("Quyết định"), None),
            ("124-QĐ/TW", Some("Quy định"), Some("2018-02-02")),
        ]
    );
    assert_eq!(a.people.len(), 3);
    assert_eq!(
        captions(&a),
        [
            "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh Hồ Thị Hoàng Yến phát biểu chỉ đạo hội nghị. (Ảnh: Nguyễn Diễm)",
            "Quang cảnh đại biểu dự hội nghị. (Ảnh: Nguyễn Diễm)",
            "Đồng chí Bùi Văn Bia, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy phát biểu tiếp thu, kết luận hội nghị. (Ảnh: Nguyễn Diễm)",
        ]
    );
    assert!(!body_text(&a).contains("05/08/2022"));
    assert_clean(&a);
}

#[test]
fn seed_003_gia_lai_dak_doa_online() {
    let a = seed("003_");
    assert_eq!(
        a.title,
        "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO TỔ CHỨC THỰC HIỆN QUY CHẾ DÂN VẬN CỦA HỆ THỐNG CHÍNH TRỊ"
    );
    // The page gives no publication date.
    assert_eq!(a.published, None);
    assert_eq!(a.views, None);
    assert_eq!(a.author.as_deref(), Some("CTV - BDVHU"));
    assert_eq!(a.source, None);
    let p = a.province.as_ref().expect("province");
    assert_eq!(
        (p.name.as_str(), p.confidence),
        ("Gia Lai", Confidence::High)
    );
    assert_eq!(p.district.as_deref(), Some("Đak Đoa"));
    assert_eq!(p.commune, None);
    assert!(p.evidence.iter().any(|e| e == "tỉnh Gia Lai"));
    assert_eq!(a.conferences.len(), 1);
    let c = &a.conferences[0];
    // The lead's full date needs no publication date.
    assert_eq!(c.date.as_deref(), Some("2022-12-20"));
    assert_eq!(c.kind, ConferenceKind::TongKet);
    assert_eq!(
        c.name.as_deref(),
        Some("Hội nghị trực tuyến Tổng kết công tác Dân vận năm 2022 và đề ra phương hướng, nhiệm vụ trọng tâm năm 2023")
    );
    assert_eq!(period(c), ("năm 2022", "2022-01-01", "2022-12-31"));
    assert_eq!(c.level, Some(Level::Province));
    assert!(c.online);
    assert_eq!(c.host.as_deref(), Some("Ban Dân vận Tỉnh ủy"));
    assert_eq!(
        people(c),
        [
            (
                "Châu Ngọc Tuấn",
                vec!["Phó Bí thư Thường trực Tỉnh ủy"],
                Role::Chair
            ),
            (
                "Võ Thanh Hùng",
                vec!["UVBTV", "Trưởng Ban Dân vận Tỉnh ủy"],
                Role::Chair
            ),
            (
                "Đinh Ơng",
                vec![
                    "Trưởng Ban Dân vận Huyện ủy",
                    "Chủ tịch Ủy ban MTTQ VN huyện"
                ],
                Role::Chair
            ),
        ]
    );
    assert_eq!(
        docs(&a),
        [
            ("400-QĐ/TU", Some("Quyết định"), None),
            ("844-QĐ/HU", Some("Quyết định"), None),
            ("01-ĐA/HU", Some("Đề án"), None),
            ("114-KH/HU", Some("Kế hoạch"), None),
        ]
    );
    assert_eq!(captions(&a), ["Toàn cảnh tại điểm cầu truyền hình Đak Đoa"]);
    assert_eq!(a.body.len(), 6);
    assert_clean(&a);
}

#[test]
fn seed_004_ninh_binh_signing_is_one_ky_ket_conference() {
    let a = seed("004_");
    assert_eq!(
        a.title,
        "Ký kết chương trình phối hợp thực hiện công tác dân vận, giai đoạn 2021 - 2025"
    );
    assert_eq!(a.published.as_deref(), Some("2021-04-02T18:17:27"));
    assert_eq!(a.views, Some(293));
    assert_eq!(a.author.as_deref(), Some("Tuyết Nhung"));
    let s = a.source.as_ref().expect("source");
    assert_eq!(
        (s.name.as_deref(), s.domain.as_deref()),
        (None, Some("nbtv.vn"))
    );
    let p = a.province.as_ref().expect("province");
    // Never named outright: the nbtv.vn domain and the provincial leaders.
    assert_eq!(
        (p.name.as_str(), p.confidence),
        ("Ninh Bình", Confidence::Medium)
    );
    assert_eq!(p.evidence[0], "domain: nbtv.vn");
    assert!(p.evidence.iter().any(|e| e.starts_with("Phạm Quang Ngọc")));
    // One meeting, one entry: a tổng kết at which the programme was signed. Its kind is the
    // title's (ký kết), what readers look for; its period is the one the meeting reviewed.
    assert_eq!(a.conferences.len(), 1);
    let c = &a.conferences[0];
    assert_eq!(c.date.as_deref(), Some("2021-04-02"));
    assert_eq!(c.kind, ConferenceKind::KyKet);
    assert_eq!(
        c.name.as_deref(),
        Some("Hội nghị tổng kết việc thực hiện Quy chế phối hợp, giai đoạn 2015 - 2020 và triển khai Chương trình phối hợp, giai đoạn 2021 - 2025")
    );
    assert_eq!(
        period(c),
        ("giai đoạn 2015 - 2020", "2015-01-01", "2020-12-31")
    );
    assert_eq!(c.level, Some(Level::Province));
    assert!(!c.online);
    assert_eq!(c.host.as_deref(), Some("Ban Dân vận Tỉnh ủy và UBND tỉnh"));
    assert_eq!(
        people(c),
        [
            (
                "Phạm Quang Ngọc",
                vec!["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"],
                Role::Chair
            ),
            (
                "Đỗ Việt Anh",
                vec![
                    "UVBTV",
                    "Trưởng ban Dân vận Tỉnh ủy",
                    "Chủ tịch Ủy ban MTTQVN tỉnh"
                ],
                Role::Chair
            ),
        ]
    );
    assert!(a.documents.is_empty());
    let names: Vec<&str> = a.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Phạm Quang Ngọc", "Đỗ Việt Anh", "Trần Song Tùng"]);
    assert_eq!(
        captions(&a),
        [
            "Quang cảnh hội nghị",
            "Đồng chí Chủ tịch UBND tỉnh phát biểu tại hội nghị",
            "Lãnh đạo UBND tỉnh và Ban Dân vận Tỉnh ủy ký kết Chương trình phối hợp",
        ]
    );
    // Glued captions leave the sentence they ran into as its own paragraph.
    assert!(a.body.iter().any(
        |b| matches!(b, Block::Paragraph { text } if text.starts_with("2 đơn vị cũng đã tham mưu"))
    ));
    assert!(a.body.iter().any(|b| matches!(b, Block::Paragraph { text } if text.starts_with("Phát biểu tại hội nghị, đồng chí Chủ tịch UBND tỉnh"))));
    assert_eq!(
        a.body[2],
        Block::Link {
            url: "https://cdn.nbtv.vn/upload/files/video/CHAO_DAU_DEM_KY_KET_CHUONG_TRINH_PHOI_HOP_CONG_TAC_DAN_VAN_T_NHUNG_SUA.mp4".into(),
            text: Some("Video".into()),
        }
    );
    assert_clean(&a);
}

#[test]
fn nfd_input_gives_the_same_record() {
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        let raw = std::fs::read_to_string(seed_path(prefix)).expect("seed");
        let nfd: String = raw.nfd().collect();
        assert_ne!(nfd, raw);
        let a = ingest::ingest_text(&raw, &Meta::default()).expect("nfc");
        let b = ingest::ingest_text(&nfd, &Meta::default()).expect("nfd");
        assert_eq!(a, b, "{prefix}");
    }
}

#[test]
fn bundle_is_reproducible_and_dated_by_newest_article() {
    let opts = BundleOptions::default();
    let (b1, report) = ingest::build_bundle(&[PathBuf::from(SEEDS)], &opts).expect("bundle");
    let (b2, _) = ingest::build_bundle(&[PathBuf::from(SEEDS)], &opts).expect("bundle");
    assert_eq!(
        ingest::write_bundle_json(&b1),
        ingest::write_bundle_json(&b2)
    );
    assert_eq!(
        (
            report.files_read,
            report.articles_written,
            report.skipped.len()
        ),
        (5, 5, 0)
    );
    assert_eq!(b1.generated, "2024-01-18T07:34:05Z");
    assert_eq!(b1.title, "hoinghi");
    let ids: Vec<&str> = b1.articles.iter().map(|a| a.id.as_str()).collect();
    assert!(ids.iter().all(|id| id.len() == 16));
    let fixed = BundleOptions {
        source_date_epoch: Some(1_700_000_000),
        ..BundleOptions::default()
    };
    assert_eq!(
        ingest::build_bundle(&[PathBuf::from(SEEDS)], &fixed)
            .expect("bundle")
            .0
            .generated,
        "2023-11-14T22:13:20Z"
    );
}

#[test]
fn unusable_files_are_reported_not_dropped() {
    let dir = std::env::temp_dir().join(format!("hoinghi-skips-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).expect("dir");
    std::fs::write(dir.join("ok.txt"), "Tiêu đề\nNội dung bài.").expect("write");
    std::fs::write(dir.join("empty.txt"), " \n").expect("write");
    std::fs::write(dir.join("sub/legacy.txt"), b"H\xf4i ngh\xd2 t\xe9nh").expect("write");
    std::fs::write(dir.join("sub/photo.jpg"), b"\xff\xd8\xff\0\0").expect("write");
    // Sparse, so the test costs no disk: only its length matters.
    std::fs::File::create(dir.join("sub/dump.txt"))
        .and_then(|f| f.set_len(ingest::MAX_FILE_BYTES + 1))
        .expect("write");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Tiêu đề khác\nNội dung."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    std::fs::write(dir.join("sub/utf16.txt"), utf16).expect("write");
    std::fs::write(
        dir.join("page.html"),
        "<html><body><h1>Trang</h1><p>Đoạn&nbsp;một.</p></body></html>",
    )
    .expect("write");
    let (bundle, report) =
        ingest::build_bundle(std::slice::from_ref(&dir), &BundleOptions::default())
            .expect("bundle");
    let titles: Vec<&str> = bundle.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Tiêu đề", "Trang", "Tiêu đề khác"]);
    let skipped: Vec<(String, String)> = report
        .skipped
        .iter()
        .map(|(p, r)| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                r.to_string(),
            )
        })
        .collect();
    assert_eq!(skipped.len(), 4, "{skipped:?}");
    assert_eq!(skipped[0].0, "empty.txt");
    assert!(skipped.iter().any(
        |(f, r)| f == "dump.txt" && r.starts_with("too large for one article (16777217 bytes")
    ));
    assert!(skipped
        .iter()
        .any(|(f, r)| f == "legacy.txt" && r.starts_with("not UTF-8")));
    assert!(skipped
        .iter()
        .any(|(f, r)| f == "photo.jpg" && r.contains(".jpg")));
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

#[test]
fn sidecar_metadata_wins_over_extraction() {
    let dir = std::env::temp_dir().join(format!("hoinghi-meta-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::copy(seed_path("004_"), dir.join("a.txt")).expect("copy");
    std::fs::write(
        dir.join("a.meta.json"),
        r#"{"url": "https://nbtv.vn/tin/ky-ket.htm", "source": "Báo Ninh Bình", "province": "Ninh Bình", "published": "03/04/2021"}"#,
    )
    .expect("write");
    std::fs::copy(seed_path("002_"), dir.join("b.txt")).expect("copy");
    std::fs::write(
        dir.join("meta.csv"),
        "file,province,source\nb.txt,Bến Tre,Báo Đồng Khởi\n",
    )
    .expect("write");
    let (bundle, report) =
        ingest::build_bundle(std::slice::from_ref(&dir), &BundleOptions::default())
            .expect("bundle");
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let a = &bundle.articles[0];
    assert_eq!(a.published.as_deref(), Some("2021-04-03"));
    let s = a.source.as_ref().expect("source");
    assert_eq!(s.name.as_deref(), Some("Báo Ninh Bình"));
    assert_eq!(s.url.as_deref(), Some("https://nbtv.vn/tin/ky-ket.htm"));
    // The byline's domain is kept; the URL's would be used without one.
    assert_eq!(s.domain.as_deref(), Some("nbtv.vn"));
    let p = a.province.as_ref().expect("province");
    assert_eq!(
        (p.name.as_str(), p.confidence),
        ("Ninh Bình", Confidence::High)
    );
    // The id comes from the URL when there is one.
    let again = ingest::ingest_text(
        "Other title\nOther text",
        &Meta {
            url: s.url.clone(),
            ..Meta::default()
        },
    )
    .expect("article");
    assert_eq!(a.id, again.id);
    let b = &bundle.articles[1];
    assert_eq!(
        b.province.as_ref().map(|p| (p.name.as_str(), p.confidence)),
        Some(("Bến Tre", Confidence::High))
    );
    assert_eq!(
        b.source.as_ref().and_then(|s| s.name.as_deref()),
        Some("Báo Đồng Khởi")
    );
    assert_eq!(b.published.as_deref(), Some("2022-08-05"));
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_broken_links_are_handled() {
    let dir = std::env::temp_dir().join(format!("hoinghi-links-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("a")).expect("dir");
    std::fs::write(dir.join("a/ok.txt"), "Tiêu đề\nNội dung.").expect("write");
    std::os::unix::fs::symlink(&dir, dir.join("a/back")).expect("link");
    std::os::unix::fs::symlink(dir.join("missing"), dir.join("broken.txt")).expect("link");
    let (bundle, report) =
        ingest::build_bundle(std::slice::from_ref(&dir), &BundleOptions::default())
            .expect("bundle");
    assert_eq!(bundle.articles.len(), 1);
    assert_eq!(report.skipped.len(), 1);
    assert!(report.skipped[0].0.ends_with("broken.txt"));
    // A missing input named by the user is fatal.
    assert!(ingest::build_bundle(&[dir.join("nope")], &BundleOptions::default()).is_err());
    std::fs::remove_dir_all(&dir).expect("cleanup");
}
