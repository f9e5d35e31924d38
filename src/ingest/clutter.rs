//! Site furniture scraped along with the article: visit counters, comment boxes, link blocks,
//! navigation, image file names, bullets and the site banner. All rules are tables.

/// Whole lines (compared case-insensitively, without bullets or a trailing colon) that are
/// never article text.
const LINES: [&str; 27] = [
    "các tin khác",
    "tin khác",
    "tin liên quan",
    "tin cùng chuyên mục",
    "bài viết liên quan",
    "xem thêm",
    "quay lại",
    "trở về",
    "về đầu trang",
    "in bài",
    "bản in",
    "gửi bài",
    "chia sẻ",
    "bình luận",
    "ý kiến bạn đọc",
    "gửi ý kiến",
    "đang tải dữ liệu",
    "liên kết web",
    "liên kết website",
    "bản đồ hành chính",
    "thống kê truy cập",
    "lượt truy cập",
    "tổng truy cập",
    "đang truy cập",
    "đang online",
    "từ khóa",
    "tags",
];

/// Starts of short lines that are counters or comment boxes ("Hôm nay: 152", "Ý kiến ()").
const SHORT_PREFIXES: [&str; 14] = [
    "đang truy cập",
    "đang online",
    "hôm nay:",
    "hôm qua:",
    "tuần này:",
    "tháng hiện tại",
    "tháng trước:",
    "tổng:",
    "tổng truy cập",
    "tổng lượt truy cập",
    "lượt truy cập",
    "ý kiến (",
    "bình luận (",
    "thống kê truy cập",
];

/// Pieces that mark a short line as a comment-box counter ("0 / 500 ký tự").
const SHORT_CONTAINS: [&str; 1] = ["ký tự"];

/// Lines at most this long are checked against the short-line tables, so a real paragraph that
/// happens to start with "Hôm nay:" is kept.
const SHORT: usize = 40;

/// No clutter line is longer than this many bytes (40 Vietnamese characters at most 3 bytes each).
const LONGEST: usize = SHORT * 3;

/// Glyphs sites put before list items and menu entries.
const BULLETS: [char; 8] = ['•', '·', '▪', '►', '●', '◦', '»', '■'];

/// Starts of a site banner line ("TRANG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ TỈNH ĐIỆN BIÊN").
const BANNER_STARTS: [&str; 6] = [
    "trang thông tin điện tử",
    "cổng thông tin điện tử",
    "trang tin điện tử",
    "báo điện tử",
    "đài phát thanh và truyền hình",
    "website",
];

const IMAGE_EXTENSIONS: [&str; 7] = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif"];

/// The line without leading bullets and surrounding spaces.
pub fn strip_bullets(line: &str) -> &str {
    line.trim()
        .trim_start_matches(|c: char| BULLETS.contains(&c) || c.is_whitespace())
        .trim_end()
}

/// True for site furniture lines (and lines that are nothing but bullets).
pub fn is_clutter(line: &str) -> bool {
    let core = strip_bullets(line);
    if core.is_empty() {
        return true;
    }
    // Every rule is about short lines; skip lower-casing long paragraphs.
    if core.len() > LONGEST {
        return false;
    }
    let lower = core.to_lowercase();
    let bare = lower.trim_end_matches([':', ' ']);
    if LINES.contains(&bare) {
        return true;
    }
    core.chars().count() <= SHORT
        && (SHORT_PREFIXES.iter().any(|p| lower.starts_with(p))
            || SHORT_CONTAINS.iter().any(|p| lower.contains(p)))
}

/// True for a line that is only an image file name ("18-1-dan-van2.jpg").
pub fn is_image_file(line: &str) -> bool {
    let core = strip_bullets(line);
    let lower = core.to_ascii_lowercase();
    !core.contains(' ')
        && IMAGE_EXTENSIONS
            .iter()
            .any(|e| lower.ends_with(e) && lower.len() > e.len())
}

/// True for a site banner line.
pub fn is_banner(line: &str) -> bool {
    let lower = strip_bullets(line).to_lowercase();
    BANNER_STARTS.iter().any(|s| lower.starts_with(s)) && line.chars().count() <= 120
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_and_comment_boxes() {
        for line in [
            "Thống kê truy cập",
            "Đang truy cập:",
            "Hôm nay:",
            "Hôm nay: 1520",
            "Tháng hiện tại:",
            "Tổng:",
            "Tổng truy cập:",
            "  • Thống kê truy cập",
            "Ý kiến ()",
            "0 / 500 ký tự",
            "Đang tải dữ liệu",
        ] {
            assert!(is_clutter(line), "{line}");
        }
    }

    #[test]
    fn navigation_and_link_blocks() {
        for line in [
            "Các tin khác",
            "Quay lại",
            "Liên kết web",
            "  • BẢN ĐỒ HÀNH CHÍNH",
            "•",
            "  • ",
        ] {
            assert!(is_clutter(line), "{line}");
        }
    }

    #[test]
    fn article_text_is_not_clutter() {
        assert!(!is_clutter(
            "Hôm nay: đồng chí Bí thư Tỉnh ủy đã đến thăm và làm việc tại huyện"
        ));
        assert!(!is_clutter("Quang cảnh hội nghị"));
        assert!(!is_clutter("Mỹ Luận"));
    }

    #[test]
    fn image_files_and_bullets() {
        assert!(is_image_file("  • 18-1-dan-van2.jpg"));
        assert!(is_image_file("IMG_0001.JPEG"));
        assert!(!is_image_file("Ảnh: hội nghị.jpg tại tỉnh"));
        assert!(!is_image_file(".jpg"));
        assert_eq!(
            strip_bullets("  • Ngày 17/1, các đồng chí"),
            "Ngày 17/1, các đồng chí"
        );
    }

    #[test]
    fn banners() {
        assert!(is_banner("TRANG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ TỈNH ĐIỆN BIÊN"));
        assert!(!is_banner("Hội nghị tổng kết công tác dân vận năm 2023"));
    }
}
