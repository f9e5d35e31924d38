//! Party and state documents cited in the text, normalised: "Kế hoạch số 132-KH/TU, ngày
//! 23/02/2023" → number "132-KH/TU", type "Kế hoạch", date 2023-02-23.

use crate::bundle::DocumentRef;

use super::dates::Date;
use super::text::prefix_ci;

/// Document types as written before a number (lower-case for matching, display form).
const TYPES: [(&str, &str); 14] = [
    ("kế hoạch", "Kế hoạch"),
    ("chỉ thị", "Chỉ thị"),
    ("nghị quyết", "Nghị quyết"),
    ("quyết định", "Quyết định"),
    ("kết luận", "Kết luận"),
    ("hướng dẫn", "Hướng dẫn"),
    ("quy định", "Quy định"),
    ("đề án", "Đề án"),
    ("thông báo", "Thông báo"),
    ("công văn", "Công văn"),
    ("chương trình", "Chương trình"),
    ("thông tư", "Thông tư"),
    ("nghị định", "Nghị định"),
    ("quy chế", "Quy chế"),
];

/// Every document number in `text`, first mention first, one entry per number.
pub fn extract(text: &str) -> Vec<DocumentRef> {
    let mut out: Vec<DocumentRef> = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit()
            || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'/'))
        {
            i += 1;
            continue;
        }
        let Some((number, len)) = read_number(&text[i..]) else {
            i += 1;
            continue;
        };
        let doc = DocumentRef {
            doc_type: type_before(&text[..i]),
            date: date_after(&text[i + len..]),
            number,
        };
        match out.iter_mut().find(|d| d.number == doc.number) {
            // Later mentions may add what the first one left out.
            Some(d) => {
                d.doc_type = d.doc_type.take().or(doc.doc_type);
                d.date = d.date.take().or(doc.date);
            }
            None => out.push(doc),
        }
        i += len;
    }
    out
}

/// A number like "132-KH/TU", "03-HD/BDVTW", "01-ĐA/HU" (letters may carry Vietnamese Đ), or a
/// state form "01/2023/NĐ-CP". Spaces around the dash are tolerated and dropped.
fn read_number(s: &str) -> Option<(String, usize)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let mut at = digits;
    let mut out = s[..digits].to_string();
    let spaced = |s: &str, at: usize, sep: char| -> Option<usize> {
        let t = &s[at..];
        let lead = t.len() - t.trim_start_matches(' ').len();
        let t2 = t[lead..].strip_prefix(sep)?;
        let trail = t2.len() - t2.trim_start_matches(' ').len();
        (lead <= 1 && trail <= 1).then_some(lead + sep.len_utf8() + trail)
    };
    if let Some(n) = spaced(s, at, '-') {
        at += n;
        let code = code_len(&s[at..]);
        if code == 0 {
            return None;
        }
        out.push('-');
        out.push_str(&s[at..at + code]);
        at += code;
        let mut parts = 0;
        while s[at..].starts_with('/') {
            let n = code_len(&s[at + 1..]);
            if n == 0 {
                break;
            }
            out.push_str(&s[at..at + 1 + n]);
            at += 1 + n;
            parts += 1;
        }
        return (parts > 0).then_some((out, at));
    }
    // "01/2023/NĐ-CP"
    let rest = s[at..].strip_prefix('/')?;
    let y = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest[y..].strip_prefix('/')?;
    let code = after
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-'))
        .map_or(after.len(), |(i, _)| i);
    let code_str = after[..code].trim_end_matches('-');
    if !code_str.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    (y == 4 && code_str.contains('-') && code_str.len() >= 3).then(|| {
        let len = at + 1 + y + 1 + code_str.len();
        (s[..len].to_string(), len)
    })
}

/// Length of a code ("KH", "ĐA", "BDVTW", "TW", "TTg") at the start of `s`: it starts with a
/// capital letter, which keeps date ranges such as "6-10/2" out.
fn code_len(s: &str) -> usize {
    if !s.chars().next().is_some_and(char::is_uppercase) {
        return 0;
    }
    s.char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c.is_ascii_digit()))
        .map_or(s.len(), |(i, _)| i)
}

/// The document type written just before the number ("Kế hoạch số ", "Quyết định ").
fn type_before(before: &str) -> Option<String> {
    let t = before.trim_end();
    let t = t.strip_suffix("số").map_or(t, str::trim_end);
    let t = t.strip_suffix(':').map_or(t, str::trim_end);
    TYPES.iter().find_map(|(lower, display)| {
        let start = t.len().checked_sub(lower.len())?;
        let tail = t.get(start..)?;
        let ok = prefix_ci(tail, lower) == Some(tail.len())
            && !t[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        ok.then(|| display.to_string())
    })
}

/// "ngày 23/02/2023" right after the number (", ngày …" or " ngày …").
fn date_after(after: &str) -> Option<String> {
    let t = after.strip_prefix(',').unwrap_or(after).trim_start();
    let n = prefix_ci(t, "ngày ")?;
    let t = &t[n..];
    let parts: Vec<&str> = t.splitn(4, ['/', '-', '.']).take(3).collect();
    if parts.len() < 3 {
        return None;
    }
    let num = |s: &str, max: usize| {
        let k = s.bytes().take_while(u8::is_ascii_digit).count();
        (k >= 1 && k <= max).then(|| s[..k].parse::<u32>().ok())?
    };
    let (d, m) = (num(parts[0], 2)?, num(parts[1], 2)?);
    let y = num(parts[2], 4).filter(|y| *y >= 1900)?;
    // Guard against "ngày 23/02" followed by unrelated numbers: both leading parts must be pure.
    (parts[0].len() <= 2 && parts[1].len() <= 2).then_some(())?;
    Date::new(y as i32, m, d).map(Date::iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(number: &str, t: Option<&str>, date: Option<&str>) -> DocumentRef {
        DocumentRef {
            number: number.into(),
            doc_type: t.map(Into::into),
            date: date.map(Into::into),
        }
    }

    #[test]
    fn plan_with_date() {
        let d = extract("ban hành Kế hoạch số 132-KH/TU, ngày 23/02/2023 về triển khai thực hiện Kết luận số 44-KL/TW, ngày 14/11/2022 của Ban Bí thư");
        assert_eq!(
            d,
            [
                doc("132-KH/TU", Some("Kế hoạch"), Some("2023-02-23")),
                doc("44-KL/TW", Some("Kết luận"), Some("2022-11-14"))
            ]
        );
    }

    #[test]
    fn every_type_form() {
        let d = extract("Chỉ thị số 27-CT/TU, ngày 02/02/2023; Quyết định 306-QĐ/TU của Ban; Quy định số 124-QĐ/TW, ngày 02/02/2018; Hướng dẫn số 03-HD/BDVTW; Đề án 01-ĐA/HU; Quyết định số 844-QĐ/HU; Nghị quyết số 35-NQ/TW");
        let got: Vec<(&str, Option<&str>)> = d
            .iter()
            .map(|d| (d.number.as_str(), d.doc_type.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("27-CT/TU", Some("Chỉ thị")),
                ("306-QĐ/TU", Some("Quyết định")),
                ("124-QĐ/TW", Some("Quy định")),
                ("03-HD/BDVTW", Some("Hướng dẫn")),
                ("01-ĐA/HU", Some("Đề án")),
                ("844-QĐ/HU", Some("Quyết định")),
                ("35-NQ/TW", Some("Nghị quyết")),
            ]
        );
    }

    #[test]
    fn dedupes_and_normalises() {
        let d = extract("theo 217-QĐ/TW; Quyết định số 217 - QĐ/TW ngày 12/12/2013");
        assert_eq!(
            d,
            [doc("217-QĐ/TW", Some("Quyết định"), Some("2013-12-12"))]
        );
        let d = extract("Quyết định số 15/2017/QĐ-TTg của Thủ tướng");
        assert_eq!(d, [doc("15/2017/QĐ-TTg", Some("Quyết định"), None)]);
        let d = extract("Nghị định số 01/2023/NĐ-CP ngày 16/01/2023");
        assert_eq!(
            d,
            [doc("01/2023/NĐ-CP", Some("Nghị định"), Some("2023-01-16"))]
        );
    }

    #[test]
    fn not_documents() {
        assert!(extract("giai đoạn 2021-2025, tỷ lệ 51/51, Covid-19, ngày 23/02/2023").is_empty());
        assert!(extract("từ 6-10/2/2017 và 19-30/4").is_empty());
    }
}
