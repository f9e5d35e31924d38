//! Writes a synthetic bundle for measuring the conference timeline: N articles of one conference
//! each, across the 63 provinces (pre-2025) and the 20 years 2005–2024, with the rhythm real
//! archives have (quarterly briefings, six-month and year-end reviews with their periods, a few
//! signings and other kinds, some dates known only to the month or year).
//!
//! `cargo run --release --example gen_conferences -- 50000 target/conferences-50k.json`
//!
//! Deterministic: the same N gives the same file.

use hoinghi::bundle::{
    Article, Block, Bundle, Conference, ConferenceKind, DatePrecision, Level, Participant, Period,
    Place, Role, Source, SCHEMA_VERSION,
};
use hoinghi::timeline::scale::{day_number, days_in_month, iso_day};

/// Provinces before the 2025 merger, by region.
const REGIONS: [(&str, &[&str]); 8] = [
    (
        "Đồng bằng sông Hồng",
        &[
            "Hà Nội",
            "Hải Phòng",
            "Bắc Ninh",
            "Hà Nam",
            "Hải Dương",
            "Hưng Yên",
            "Nam Định",
            "Ninh Bình",
            "Thái Bình",
            "Vĩnh Phúc",
            "Quảng Ninh",
        ],
    ),
    (
        "Đông Bắc Bộ",
        &[
            "Hà Giang",
            "Cao Bằng",
            "Bắc Kạn",
            "Lạng Sơn",
            "Tuyên Quang",
            "Thái Nguyên",
            "Phú Thọ",
            "Bắc Giang",
            "Lào Cai",
            "Yên Bái",
        ],
    ),
    (
        "Tây Bắc Bộ",
        &["Điện Biên", "Lai Châu", "Sơn La", "Hòa Bình"],
    ),
    (
        "Bắc Trung Bộ",
        &[
            "Thanh Hóa",
            "Nghệ An",
            "Hà Tĩnh",
            "Quảng Bình",
            "Quảng Trị",
            "Thừa Thiên Huế",
        ],
    ),
    (
        "Duyên hải Nam Trung Bộ",
        &[
            "Đà Nẵng",
            "Quảng Nam",
            "Quảng Ngãi",
            "Bình Định",
            "Phú Yên",
            "Khánh Hòa",
            "Ninh Thuận",
            "Bình Thuận",
        ],
    ),
    (
        "Tây Nguyên",
        &["Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng"],
    ),
    (
        "Đông Nam Bộ",
        &[
            "Hồ Chí Minh",
            "Bình Phước",
            "Bình Dương",
            "Đồng Nai",
            "Tây Ninh",
            "Bà Rịa - Vũng Tàu",
        ],
    ),
    (
        "Đồng bằng sông Cửu Long",
        &[
            "Cần Thơ",
            "Long An",
            "Tiền Giang",
            "Bến Tre",
            "Trà Vinh",
            "Vĩnh Long",
            "Đồng Tháp",
            "An Giang",
            "Kiên Giang",
            "Hậu Giang",
            "Sóc Trăng",
            "Bạc Liêu",
            "Cà Mau",
        ],
    ),
];

const CHAIRS: [&str; 8] = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Em",
    "Vũ Thị Giang",
    "Đặng Văn Hùng",
    "Bùi Thị Lan",
];

const FIRST_YEAR: i32 = 2005;
const YEARS: u64 = 20;

/// xorshift64*: small, fast and reproducible; quality is irrelevant here.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(out)) = (
        args.first().and_then(|n| n.parse::<u32>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: gen_conferences N OUT.json");
        std::process::exit(2);
    };
    let provinces: Vec<(&str, &str)> = REGIONS
        .iter()
        .flat_map(|(region, names)| names.iter().map(move |p| (*p, *region)))
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let articles: Vec<_> = (0..n)
        .map(|i| {
            let (province, region) = provinces[i as usize % provinces.len()];
            conference_article(i, province, region, &mut rng)
        })
        .collect();
    // Prebuilt like the CLI's bundles, so loading measures the same path.
    let index = Some(hoinghi::search::SearchIndex::build(&articles).to_base64());
    let bundle = Bundle {
        schema: SCHEMA_VERSION,
        generated: "2025-01-01T00:00:00Z".into(),
        title: format!("{n} hội nghị tổng hợp"),
        articles,
        index,
    };
    let json = serde_json::to_string(&bundle).expect("bundle serialises");
    std::fs::write(out, json).unwrap_or_else(|e| panic!("writing {out}: {e}"));
    eprintln!("wrote {n} conferences to {out}");
}

fn conference_article(i: u32, province: &str, region: &str, rng: &mut Rng) -> Article {
    let year = FIRST_YEAR + rng.below(YEARS) as i32;
    let roll = rng.below(100);
    let (kind, date, period) = if roll < 40 {
        // Briefing in the first weeks after a quarter, reviewing it.
        let q = rng.below(4) as u32;
        let start = day_number(year, q * 3 + 1, 1);
        let end = day_number(year, q * 3 + 3, days_in_month(year, q * 3 + 3));
        let label = format!("Quý {}/{year}", ["I", "II", "III", "IV"][q as usize]);
        let date = end + 3 + rng.below(20) as i32;
        (ConferenceKind::GiaoBan, date, Some((label, start, end)))
    } else if roll < 55 {
        let date = day_number(year, 7, 1) + rng.below(45) as i32;
        let label = format!("6 tháng đầu năm {year}");
        let period = (label, day_number(year, 1, 1), day_number(year, 6, 30));
        (ConferenceKind::SoKet, date, Some(period))
    } else if roll < 70 {
        let date = day_number(year, 12, 10) + rng.below(45) as i32;
        let label = format!("năm {year}");
        let period = (label, day_number(year, 1, 1), day_number(year, 12, 31));
        (ConferenceKind::TongKet, date, Some(period))
    } else {
        let kind = ConferenceKind::ALL[3 + rng.below(7) as usize];
        (kind, day_number(year, 1, 1) + rng.below(365) as i32, None)
    };
    let precision = match rng.below(100) {
        0..=3 => DatePrecision::Month,
        4 => DatePrecision::Year,
        _ => DatePrecision::Day,
    };
    let chair = CHAIRS[rng.below(CHAIRS.len() as u64) as usize];
    let name = format!(
        "Hội nghị {} công tác dân vận",
        kind.label_vi().to_lowercase()
    );
    let title = match &period {
        Some((label, _, _)) => format!("{name} {label} tại {province}"),
        None => format!("{name} tại {province}"),
    };
    let domain = format!("tinh{}.vn", i % 63);
    Article {
        id: format!("gen{i:06}"),
        title: title.clone(),
        published: Some(iso_day(date + 1)),
        source: Some(Source {
            name: Some(format!("Cổng thông tin {province}")),
            url: Some(format!("https://{domain}/bai/{i}")),
            domain: Some(domain),
        }),
        author: None,
        views: None,
        body: vec![Block::Paragraph {
            text: format!("{title}. Đồng chí {chair} chủ trì hội nghị."),
        }],
        province: Some(Place {
            name: province.into(),
            name_2025: None,
            region: Some(region.into()),
            district: None,
            commune: None,
            confidence: Default::default(),
            evidence: Vec::new(),
        }),
        conferences: vec![Conference {
            date: Some(iso_day(date)),
            precision,
            kind,
            name: Some(name),
            period: period.map(|(label, start, end)| Period {
                label,
                start: iso_day(start),
                end: iso_day(end),
            }),
            level: Some(if i % 7 == 0 {
                Level::District
            } else {
                Level::Province
            }),
            online: i % 5 == 0,
            host: Some("Ban Dân vận Tỉnh ủy".into()),
            people: vec![Participant {
                name: chair.into(),
                titles: vec!["Phó Bí thư Tỉnh ủy".into()],
                role: Role::Chair,
            }],
        }],
        documents: Vec::new(),
        people: Vec::new(),
    }
}
