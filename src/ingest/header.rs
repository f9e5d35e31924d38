//! Metadata lines near the top of a page: publication stamp and view counter
//! ("Thời gian đăng: 18/01/2024 07:34:05 AM - Lượt đọc: 2923", "Thứ 6, 02.04.2021 | 18:17:27",
//! "293 lượt xem", a repeated title ending in "(07/04/2023)"). Such a line is read into fields
//! and dropped from the body only when nothing else is on it.

use super::dates::{find_stamp, Stamp};
use super::text::{lowercase_same_offsets, prefix_ci};

/// Labels before a view count ("Lượt đọc: 2923").
const VIEWS_BEFORE: [&str; 4] = ["lượt đọc:", "lượt xem:", "số lượt xem:", "lượt truy cập:"];
/// Labels after a view count ("293 lượt xem").
const VIEWS_AFTER: [&str; 2] = [" lượt xem", " lượt đọc"];

/// Words allowed around a stamp or count on a metadata line: labels and weekday names.
const LABEL_WORDS: [&str; 22] = [
    "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "cn", "ngày", "tháng", "thời",
    "gian", "đăng", "cập", "lúc", "lượt", "đọc", "xem", "số", "giờ",
];

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Info {
    pub published: Option<Stamp>,
    pub views: Option<u64>,
}

/// Reads a line that is only metadata; `None` for any other line.
pub fn parse_line(line: &str, title: &str) -> Option<Info> {
    // A repeated title with the date in brackets: "Giao ban … Quý I/2023 (07/04/2023)".
    if let Some(n) = prefix_ci(line, &title.to_lowercase()) {
        let rest = line[n..].trim();
        let inner = rest.strip_prefix('(')?.strip_suffix(')')?;
        let f = find_stamp(inner)?;
        return (f.start == 0 && f.end == inner.trim_end().len()).then_some(Info {
            published: Some(f.stamp),
            views: None,
        });
    }
    if line.chars().count() > 90 {
        return None;
    }
    let mut residue = line.to_string();
    let stamp = find_stamp(line).map(|f| {
        residue.replace_range(f.start..f.end, " ");
        f.stamp
    });
    let views = views(&residue).map(|(v, start, end)| {
        residue.replace_range(start..end, " ");
        v
    });
    if stamp.is_none() && views.is_none() {
        return None;
    }
    let lower = residue.to_lowercase();
    let only_labels = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| LABEL_WORDS.contains(&w) || (w.len() == 1 && w.as_bytes()[0].is_ascii_digit()));
    only_labels.then_some(Info {
        published: stamp,
        views,
    })
}

/// A view count and the byte range it and its label take.
fn views(s: &str) -> Option<(u64, usize, usize)> {
    let lower = lowercase_same_offsets(s)?;
    for label in VIEWS_BEFORE {
        if let Some(i) = lower.find(label) {
            let after = &s[i + label.len()..];
            let skip = after.len() - after.trim_start().len();
            let (v, n) = count(&after[skip..])?;
            return Some((v, i, i + label.len() + skip + n));
        }
    }
    for label in VIEWS_AFTER {
        if let Some(i) = lower.find(label) {
            let before = &s[..i];
            let n = before
                .bytes()
                .rev()
                .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
                .count();
            let (v, _) = count(&before[i - n..])?;
            return Some((v, i - n, i + label.len()));
        }
    }
    None
}

/// A count written with optional thousands separators ("2.923", "1,204").
fn count(s: &str) -> Option<(u64, usize)> {
    let n = s
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
        .count();
    let digits: String = s[..n].chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok().map(|v| (v, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(line: &str) -> Option<(Option<String>, Option<u64>)> {
        parse_line(line, "Giao ban công tác Dân vận Quý I/2023")
            .map(|i| (i.published.map(Stamp::iso), i.views))
    }

    #[test]
    fn metadata_lines() {
        assert_eq!(
            info("Giao ban công tác Dân vận Quý I/2023 (07/04/2023)"),
            Some((Some("2023-04-07".into()), None))
        );
        assert_eq!(
            info("Thời gian đăng: 18/01/2024 07:34:05 AM - Lượt đọc: 2923"),
            Some((Some("2024-01-18T07:34:05".into()), Some(2923)))
        );
        assert_eq!(
            info("Thứ 6, 02.04.2021 | 18:17:27"),
            Some((Some("2021-04-02T18:17:27".into()), None))
        );
        assert_eq!(info("293 lượt xem"), Some((None, Some(293))));
        assert_eq!(info("05/08/2022"), Some((Some("2022-08-05".into()), None)));
        assert_eq!(
            info("Thứ hai, ngày 3 tháng 5 năm 2021"),
            Some((Some("2021-05-03".into()), None))
        );
        assert_eq!(info("Lượt xem: 1.204"), Some((None, Some(1204))));
    }

    #[test]
    fn text_lines_are_not_metadata() {
        assert_eq!(
            info("Ngày 05/08/2022, Ban Dân vận Tỉnh ủy tổ chức hội nghị"),
            None
        );
        assert_eq!(info("Giao ban công tác Dân vận Quý I/2023"), None);
        assert_eq!(info("Quang cảnh hội nghị"), None);
    }
}
