//! The period a conference reviews ("Quý I/2023", "6 tháng đầu năm 2022", "năm 2023",
//! "giai đoạn 2021 - 2025"), normalised to inclusive start and end dates.

use crate::bundle::Period;

use super::dates::days_in_month;
use super::text::{prefix_ci, word_bounded};

/// A period as found in text; the year may be missing ("06 tháng đầu năm") and come from context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub label: String,
    /// First and last month, both in `year` (or `year` … `last_year` for multi-year spans).
    months: (u32, u32),
    pub year: Option<i32>,
    last_year: Option<i32>,
}

impl Found {
    /// The normalised period, taking the year from `fallback_year` when the text gave none.
    pub fn resolve(&self, fallback_year: Option<i32>) -> Option<Period> {
        let y1 = self.year.or(fallback_year)?;
        let y2 = self.last_year.unwrap_or(y1);
        let (m1, m2) = self.months;
        Some(Period {
            label: self.label.clone(),
            start: format!("{y1:04}-{m1:02}-01"),
            end: format!("{y2:04}-{m2:02}-{:02}", days_in_month(y2, m2)),
        })
    }
}

/// Period openers → how to read what follows. Checked at each word start, first match wins.
const OPENERS: [(&str, Opener); 8] = [
    ("quý ", Opener::Quarter),
    ("giai đoạn ", Opener::Span),
    ("nhiệm kỳ ", Opener::Span),
    ("tháng đầu năm", Opener::FirstMonths),
    ("tháng cuối năm", Opener::LastMonths),
    ("năm ", Opener::Year),
    ("tháng ", Opener::Month),
    ("", Opener::BareSpan),
];

#[derive(Debug, Clone, Copy)]
enum Opener {
    Quarter,
    Span,
    FirstMonths,
    LastMonths,
    Year,
    Month,
    /// "2021-2025" written alone.
    BareSpan,
}

/// The first period expression in `s`.
pub fn find(s: &str) -> Option<Found> {
    for (i, _) in s.char_indices() {
        if s[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        for (word, opener) in OPENERS {
            let Some(n) = prefix_ci(&s[i..], word) else {
                continue;
            };
            if let Some((found, len)) = read(s, i, n, opener) {
                let mut f = found;
                f.label = s[f_start(s, i, opener)..i + n + len].trim().to_string();
                return Some(f);
            }
        }
    }
    None
}

/// "6 tháng đầu năm" starts at its number, which precedes the opener.
fn f_start(s: &str, i: usize, opener: Opener) -> usize {
    match opener {
        Opener::FirstMonths | Opener::LastMonths => {
            let before = s[..i].trim_end();
            before.len() - before.bytes().rev().take_while(u8::is_ascii_digit).count()
        }
        _ => i,
    }
}

/// Digits at the start of `s`: (value, length).
fn digits(s: &str) -> Option<(u32, usize)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    (n > 0 && n <= 4).then(|| s[..n].parse().ok().map(|v| (v, n)))?
}

/// A four-digit year at `s`, after "/", " năm " or a space.
fn year_after(s: &str) -> Option<(i32, usize)> {
    let skip = match prefix_ci(s, " năm ") {
        Some(n) => n,
        None if s.starts_with(['/', ' ']) => 1,
        None => return None,
    };
    let (y, n) = digits(s.get(skip..)?)?;
    (n == 4 && (1900..=2100).contains(&y)).then_some((y as i32, skip + n))
}

/// Reads the rest of a period after its opener at `s[i..i + n]`: (period, extra length).
fn read(s: &str, i: usize, n: usize, opener: Opener) -> Option<(Found, usize)> {
    let rest = &s[i + n..];
    let found = |months, year, last_year| Found {
        label: String::new(),
        months,
        year,
        last_year,
    };
    match opener {
        Opener::Quarter => {
            let (q, qn) = quarter_number(rest)?;
            let months = (q * 3 - 2, q * 3);
            match year_after(&rest[qn..]) {
                Some((y, yn)) => Some((found(months, Some(y), None), qn + yn)),
                None => Some((found(months, None, None), qn)),
            }
        }
        Opener::Span | Opener::BareSpan => {
            let (y1, n1) = digits(rest)?;
            // Whole characters: a byte test would also take the first bytes of another
            // character that shares the en dash's lead bytes (U+202E, say) and cut it.
            let sep: usize = rest[n1..]
                .chars()
                .take_while(|c| matches!(c, ' ' | '-' | '–'))
                .map(char::len_utf8)
                .sum();
            let (y2, n2) = digits(&rest[n1 + sep..])?;
            let ok = n1 == 4 && n2 == 4 && (1..=6).contains(&sep) && y1 < y2 && y2 - y1 <= 10;
            let seps = &rest[n1..n1 + sep];
            (ok && (seps.contains('-') || seps.contains('–')) && (1900..=2100).contains(&y1)).then(
                || {
                    (
                        found((1, 12), Some(y1 as i32), Some(y2 as i32)),
                        n1 + sep + n2,
                    )
                },
            )
        }
        Opener::FirstMonths | Opener::LastMonths => {
            let before = s[..i].trim_end();
            let k = before.bytes().rev().take_while(u8::is_ascii_digit).count();
            let count: u32 = before[before.len() - k..].parse().ok()?;
            if !(1..=11).contains(&count) {
                return None;
            }
            let months = match opener {
                Opener::FirstMonths => (1, count),
                _ => (13 - count, 12),
            };
            match year_after(rest) {
                Some((y, yn)) => Some((found(months, Some(y), None), yn)),
                None => Some((found(months, None, None), 0)),
            }
        }
        Opener::Year => {
            let (y, yn) = digits(rest)?;
            (yn == 4 && (1900..=2100).contains(&y) && word_bounded(rest, 0, yn))
                .then(|| (found((1, 12), Some(y as i32), None), yn))
        }
        Opener::Month => {
            let (m, mn) = digits(rest)?;
            let (y, yn) = year_after(&rest[mn..])?;
            (1..=12)
                .contains(&m)
                .then(|| (found((m, m), Some(y), None), mn + yn))
        }
    }
}

/// "I".."IV" or "1".."4" after "Quý ".
fn quarter_number(s: &str) -> Option<(u32, usize)> {
    for (roman, q) in [
        ("IV", 4),
        ("III", 3),
        ("II", 2),
        ("I", 1),
        ("4", 4),
        ("3", 3),
        ("2", 2),
        ("1", 1),
    ] {
        if s.starts_with(roman) && word_bounded(s, 0, roman.len()) {
            return Some((q, roman.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(s: &str, fallback: Option<i32>) -> Option<(String, String, String)> {
        find(s)?
            .resolve(fallback)
            .map(|p| (p.label, p.start, p.end))
    }

    fn p(label: &str, start: &str, end: &str) -> Option<(String, String, String)> {
        Some((label.into(), start.into(), end.into()))
    }

    #[test]
    fn quarters() {
        assert_eq!(
            period("Giao ban công tác Dân vận Quý I/2023", None),
            p("Quý I/2023", "2023-01-01", "2023-03-31")
        );
        assert_eq!(
            period("quý II năm 2023", None),
            p("quý II năm 2023", "2023-04-01", "2023-06-30")
        );
        assert_eq!(
            period("Quý I và triển khai", Some(2023)),
            p("Quý I", "2023-01-01", "2023-03-31")
        );
    }

    #[test]
    fn months_of_a_year() {
        assert_eq!(
            period("sơ kết 6 tháng đầu năm 2022", None),
            p("6 tháng đầu năm 2022", "2022-01-01", "2022-06-30")
        );
        assert_eq!(
            period(
                "sơ kết công tác dân vận 06 tháng đầu năm, triển khai",
                Some(2022)
            ),
            p("06 tháng đầu năm", "2022-01-01", "2022-06-30")
        );
        assert_eq!(
            period("9 tháng cuối năm 2020", None),
            p("9 tháng cuối năm 2020", "2020-04-01", "2020-12-31")
        );
        assert_eq!(
            period("tháng 12/2020", None),
            p("tháng 12/2020", "2020-12-01", "2020-12-31")
        );
    }

    #[test]
    fn years_and_spans() {
        assert_eq!(
            period("tổng kết công tác dân vận năm 2023", None),
            p("năm 2023", "2023-01-01", "2023-12-31")
        );
        assert_eq!(
            period("giai đoạn 2021 - 2025", None),
            p("giai đoạn 2021 - 2025", "2021-01-01", "2025-12-31")
        );
        assert_eq!(
            period("Quy chế phối hợp, giai đoạn 2015 - 2020 và", None),
            p("giai đoạn 2015 - 2020", "2015-01-01", "2020-12-31")
        );
        assert_eq!(
            period("nhiệm kỳ 2021 – 2026", None),
            p("nhiệm kỳ 2021 – 2026", "2021-01-01", "2026-12-31")
        );
        assert_eq!(
            period("đề ra 2016-2022", None),
            p("2016-2022", "2016-01-01", "2022-12-31")
        );
    }

    #[test]
    fn no_period() {
        assert_eq!(period("Hội nghị triển khai nhiệm vụ", Some(2020)), None);
        assert_eq!(period("Quý I", None), None);
        // U+202E starts with the en dash's first two bytes (found by tests/fuzz.rs).
        assert_eq!(period("giai đoạn 2021\u{202e}2025", None), None);
        assert_eq!(period("9\u{202e}2021 \u{2013}\u{202e}2025", None), None);
    }
}
