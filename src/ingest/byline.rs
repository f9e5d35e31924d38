//! The byline at the end of an article: "Mỹ Luận", "Tin, ảnh: Minh Thùy",
//! "Nguyễn Hiếu (Ban Dân vận Tỉnh ủy)", "Tuyết Nhung (nbtv.vn)", "CTV - BDVHU".

use super::text::prefix_ci;

/// Credit labels before the author's name, dropped from `author`.
const LABELS: [&str; 12] = [
    "tin, ảnh:",
    "tin và ảnh:",
    "tin - ảnh:",
    "tin-ảnh:",
    "bài, ảnh:",
    "bài và ảnh:",
    "tin, bài:",
    "tin:",
    "bài:",
    "tác giả:",
    "nguồn:",
    "theo ",
];

/// Connecting words allowed between names in a byline ("Minh Thùy và Thanh Hà").
const JOINERS: [&str; 4] = ["-", "–", "&", "và"];

/// A byline is short: longer lines are text.
const MAX_CHARS: usize = 60;
const MAX_WORDS: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    pub author: Option<String>,
    /// A site domain given in the byline ("nbtv.vn").
    pub domain: Option<String>,
}

fn is_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|l| l.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Reads a line as a byline, or says it is not one.
pub fn parse(line: &str) -> Option<Byline> {
    let line = line.trim();
    if line.is_empty()
        || line.chars().count() > MAX_CHARS
        || line.ends_with(['.', ',', ';', ':', '!', '?', '…'])
    {
        return None;
    }
    let mut rest = line;
    let mut labelled = false;
    if let Some(n) = LABELS.iter().find_map(|l| prefix_ci(line, l)) {
        rest = line[n..].trim();
        labelled = true;
    }
    // A trailing "(…)": a domain moves to `domain`, anything else (an office) stays with the name.
    let mut domain = None;
    let mut name = rest;
    if let (Some(open), true) = (rest.rfind('('), rest.ends_with(')')) {
        let inner = rest[open + 1..rest.len() - 1].trim();
        if is_domain(inner) {
            domain = Some(inner.to_ascii_lowercase());
            rest = rest[..open].trim();
        }
        name = rest[..rest.find('(').unwrap_or(rest.len())].trim();
    }
    if is_domain(name) {
        return Some(Byline {
            author: None,
            domain: Some(name.to_ascii_lowercase()),
        });
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_WORDS {
        return None;
    }
    let name_like = words.iter().all(|w| {
        JOINERS.contains(w)
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    let capitals =
        words.len() == 1 && words[0].chars().count() >= 2 && super::text::is_all_caps(words[0]);
    if !name_like
        || !(labelled || words.len() >= 2 || capitals)
        || words.iter().all(|w| JOINERS.contains(w))
    {
        return None;
    }
    Some(Byline {
        author: Some(rest.to_string()),
        domain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn author(line: &str) -> Option<String> {
        parse(line).and_then(|b| b.author)
    }

    #[test]
    fn byline_forms() {
        assert_eq!(author("Mỹ Luận").as_deref(), Some("Mỹ Luận"));
        assert_eq!(author("Tin, ảnh: Minh Thùy").as_deref(), Some("Minh Thùy"));
        assert_eq!(
            author("Nguyễn Hiếu (Ban Dân vận Tỉnh ủy)").as_deref(),
            Some("Nguyễn Hiếu (Ban Dân vận Tỉnh ủy)")
        );
        assert_eq!(author("CTV - BDVHU").as_deref(), Some("CTV - BDVHU"));
        assert_eq!(author("PV").as_deref(), Some("PV"));
    }

    #[test]
    fn domain_in_byline() {
        assert_eq!(
            parse("Tuyết Nhung (nbtv.vn)"),
            Some(Byline {
                author: Some("Tuyết Nhung".into()),
                domain: Some("nbtv.vn".into())
            })
        );
        assert_eq!(
            parse("Theo baophuyen.vn"),
            Some(Byline {
                author: None,
                domain: Some("baophuyen.vn".into())
            })
        );
    }

    #[test]
    fn text_is_not_a_byline() {
        assert_eq!(parse("Quang cảnh hội nghị"), None);
        assert_eq!(parse("Hội nghị đã thành công tốt đẹp."), None);
        assert_eq!(parse("Tổng:"), None);
        assert_eq!(parse("Kết luận"), None);
        assert_eq!(
            parse("Trong 06 tháng đầu năm 2022, các cấp ủy đảng đã quan tâm lãnh đạo, chỉ đạo"),
            None
        );
    }
}
