//! Vietnamese dates: always day first. Publication stamps ("18/01/2024 07:34:05 AM",
//! "Thứ 6, 02.04.2021 | 18:17:27", "Thứ hai, ngày 3 tháng 5 năm 2021"), the short "Ngày 7/4"
//! of conference leads, and calendar arithmetic for the deterministic `generated` stamp.

use std::cmp::Ordering;

use super::text::prefix_ci;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub y: i32,
    pub m: u32,
    pub d: u32,
}

impl Date {
    /// A checked date: rejects 31/02, month 13, and years outside what news archives hold.
    pub fn new(y: i32, m: u32, d: u32) -> Option<Date> {
        ((1900..=2100).contains(&y) && crate::calendar::is_valid(y, m, d)).then_some(Date {
            y,
            m,
            d,
        })
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }

    /// Parses `yyyy-mm-dd` (optionally followed by a time), as written by [`Date::iso`].
    pub fn from_iso(s: &str) -> Option<Date> {
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        Date::new(y, m, d)
    }
}

pub use crate::calendar::days_in_month;

/// A publication stamp: a date and maybe a 24-hour time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub date: Date,
    pub time: Option<(u32, u32, u32)>,
}

impl Stamp {
    /// `2023-04-07` or `2024-01-18T07:34:05`.
    pub fn iso(self) -> String {
        match self.time {
            Some((h, mi, s)) => format!("{}T{h:02}:{mi:02}:{s:02}", self.date.iso()),
            None => self.date.iso(),
        }
    }
}

/// Where a date was found inside a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub stamp: Stamp,
    pub start: usize,
    pub end: usize,
}

/// Reads a number of at most `max` digits at the start of `s`: (value, byte length).
fn number(s: &str, max: usize) -> Option<(u32, usize)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    (1..=max)
        .contains(&n)
        .then(|| s[..n].parse().ok().map(|v| (v, n)))?
}

/// The first full date (day, month, four-digit year) in `s`, with the time that follows it.
pub fn find_stamp(s: &str) -> Option<Found> {
    let b = s.as_bytes();
    for (i, _) in s.char_indices() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            continue;
        }
        let parsed = numeric_date(&s[i..]).or_else(|| worded_date(&s[i..]));
        if let Some((date, len)) = parsed {
            let (time, tlen) = time_after(&s[i + len..]).map_or((None, 0), |(t, n)| (Some(t), n));
            return Some(Found {
                stamp: Stamp { date, time },
                start: i,
                end: i + len + tlen,
            });
        }
    }
    None
}

/// `07/04/2023`, `02.04.2021`, `08-04-2019`: one separator used twice.
fn numeric_date(s: &str) -> Option<(Date, usize)> {
    let (d, n1) = number(s, 2)?;
    let sep = *s.as_bytes().get(n1)?;
    if !matches!(sep, b'/' | b'.' | b'-') {
        return None;
    }
    let (m, n2) = number(&s[n1 + 1..], 2)?;
    let at = n1 + 1 + n2;
    if s.as_bytes().get(at) != Some(&sep) {
        return None;
    }
    let (y, n3) = number(&s[at + 1..], 4)?;
    let end = at + 1 + n3;
    if n3 != 4 || s.as_bytes().get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some((Date::new(y as i32, m, d)?, end))
}

/// `3 tháng 5 năm 2021` (the "ngày" before it is left to the caller's label handling).
fn worded_date(s: &str) -> Option<(Date, usize)> {
    let (d, n1) = number(s, 2)?;
    let rest = &s[n1..];
    let k1 = prefix_ci(rest, " tháng ")?;
    let (m, n2) = number(&rest[k1..], 2)?;
    let rest2 = &rest[k1 + n2..];
    let k2 = prefix_ci(rest2, " năm ")?;
    let (y, n3) = number(&rest2[k2..], 4)?;
    (n3 == 4).then_some(())?;
    Some((Date::new(y as i32, m, d)?, n1 + k1 + n2 + k2 + n3))
}

/// A time after a date: skips a short separator (" ", " | ", " - ", ", "), reads `H:MM[:SS]` and
/// an optional AM/PM (or the Vietnamese SA/CH), converted to 24 hours.
fn time_after(s: &str) -> Option<((u32, u32, u32), usize)> {
    let skip = s
        .bytes()
        .take_while(|b| matches!(b, b' ' | b'|' | b'-' | b','))
        .count();
    if skip > 4 {
        return None;
    }
    let t = &s[skip..];
    let (mut h, n1) = number(t, 2)?;
    if t.as_bytes().get(n1) != Some(&b':') {
        return None;
    }
    let (mi, n2) = number(&t[n1 + 1..], 2)?;
    let mut len = n1 + 1 + n2;
    let mut sec = 0;
    if t.as_bytes().get(len) == Some(&b':') {
        if let Some((sv, n3)) = number(&t[len + 1..], 2) {
            sec = sv;
            len += 1 + n3;
        }
    }
    let rest = &t[len..];
    let space = rest.bytes().take_while(|&b| b == b' ').count();
    let marker = &rest[space..];
    for (word, pm) in [("am", false), ("pm", true), ("sa", false), ("ch", true)] {
        if let Some(n) = prefix_ci(marker, word) {
            if marker[n..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
                || !(1..=12).contains(&h)
            {
                continue;
            }
            h = match (pm, h) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
            len += space + n;
            break;
        }
    }
    (h < 24 && mi < 60 && sec < 60).then_some(((h, mi, sec), skip + len))
}

/// Day, month and maybe year of a conference lead.
pub type DayMonth = (u32, u32, Option<i32>);

/// "Ngày 7/4", "Chiều 02/4", "Sáng ngày 04/8/2022": day and month, maybe a year, at the start of
/// a conference lead. Returns (day, month, year) and the byte length.
pub fn lead_date(s: &str) -> Option<(DayMonth, usize)> {
    let mut at = 0;
    for word in LEAD_WORDS {
        if let Some(n) = prefix_ci(&s[at..], word) {
            at += n;
            at += s[at..].bytes().take_while(|&b| b == b' ').count();
        }
    }
    if at == 0 {
        return None;
    }
    if let Some(n) = prefix_ci(&s[at..], "ngày ") {
        at += n;
    }
    let t = &s[at..];
    let (d, n1) = number(t, 2)?;
    if t.as_bytes().get(n1) != Some(&b'/') {
        return None;
    }
    let (m, n2) = number(&t[n1 + 1..], 2)?;
    let mut len = at + n1 + 1 + n2;
    let mut year = None;
    if s.as_bytes().get(len) == Some(&b'/') {
        if let Some((y, 4)) = number(&s[len + 1..], 4) {
            year = Some(y as i32);
            len += 5;
        }
    }
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some(((d, m, year), len))
}

/// Words that may open a dated lead, in the order they can appear ("Sáng ngày 04/8").
const LEAD_WORDS: [&str; 6] = ["vào ", "sáng", "chiều", "tối", "trưa", "ngày"];

/// Gives a day and month a year: the given one, else the publication year, stepping back a year
/// when that would put the event after its own report (a January article about 20/12).
pub fn resolve(d: u32, m: u32, y: Option<i32>, published: Option<Date>) -> Option<Date> {
    if let Some(y) = y {
        return Date::new(y, m, d);
    }
    let p = published?;
    let same_year = Date::new(p.y, m, d);
    match same_year.map(|c| c.cmp(&p)) {
        Some(Ordering::Greater) => Date::new(p.y - 1, m, d),
        Some(_) => same_year,
        // 29/02 in a non-leap publication year: only the previous years could hold it.
        None => Date::new(p.y - 1, m, d),
    }
}

/// Seconds since the Unix epoch to `yyyy-mm-ddThh:mm:ssZ` (UTC), for `SOURCE_DATE_EPOCH`.
pub fn epoch_to_iso(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil-from-days (proleptic Gregorian), shifting the year to start in March.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(s: &str) -> Option<String> {
        find_stamp(s).map(|f| f.stamp.iso())
    }

    #[test]
    fn every_publication_form() {
        assert_eq!(stamp("07/04/2023").as_deref(), Some("2023-04-07"));
        assert_eq!(
            stamp("Giao ban Quý I/2023 (07/04/2023)").as_deref(),
            Some("2023-04-07")
        );
        assert_eq!(
            stamp("Thời gian đăng: 18/01/2024 07:34:05 AM - Lượt đọc: 2923").as_deref(),
            Some("2024-01-18T07:34:05")
        );
        assert_eq!(
            stamp("Thứ 6, 02.04.2021 | 18:17:27").as_deref(),
            Some("2021-04-02T18:17:27")
        );
        assert_eq!(stamp("05/08/2022").as_deref(), Some("2022-08-05"));
        assert_eq!(
            stamp("08-04-2019 07:32").as_deref(),
            Some("2019-04-08T07:32:00")
        );
        assert_eq!(stamp("Thứ Tư, 25/12/2024").as_deref(), Some("2024-12-25"));
        assert_eq!(
            stamp("Thứ hai, ngày 3 tháng 5 năm 2021").as_deref(),
            Some("2021-05-03")
        );
    }

    #[test]
    fn twelve_hour_clock() {
        assert_eq!(
            stamp("18/01/2024 07:34 PM").as_deref(),
            Some("2024-01-18T19:34:00")
        );
        assert_eq!(
            stamp("18/01/2024 12:05:00 AM").as_deref(),
            Some("2024-01-18T00:05:00")
        );
        assert_eq!(
            stamp("18/01/2024 12:05 PM").as_deref(),
            Some("2024-01-18T12:05:00")
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(stamp("31/02/2023"), None);
        assert_eq!(stamp("29/02/2023"), None);
        assert_eq!(stamp("29/02/2024").as_deref(), Some("2024-02-29"));
        assert_eq!(stamp("12/13/2023"), None);
        assert_eq!(stamp("132-KH/TU"), None);
    }

    #[test]
    fn lead_dates_resolve_against_publication() {
        assert_eq!(
            lead_date("Ngày 7/4, Ban"),
            Some(((7, 4, None), "Ngày 7/4".len()))
        );
        assert_eq!(
            lead_date("Chiều 02/4, Ban").map(|x| x.0),
            Some((2, 4, None))
        );
        assert_eq!(
            lead_date("Sáng ngày 04/8/2022, Ban").map(|x| x.0),
            Some((4, 8, Some(2022)))
        );
        assert_eq!(lead_date("Theo 7/4"), None);
        let p = Date::new(2024, 1, 18);
        assert_eq!(resolve(17, 1, None, p), Date::new(2024, 1, 17));
        assert_eq!(resolve(20, 12, None, p), Date::new(2023, 12, 20));
        assert_eq!(resolve(7, 4, None, None), None);
    }

    #[test]
    fn epoch_conversion() {
        assert_eq!(epoch_to_iso(0), "1970-01-01T00:00:00Z");
        assert_eq!(epoch_to_iso(1_700_000_000), "2023-11-14T22:13:20Z");
        assert_eq!(epoch_to_iso(951_782_400), "2000-02-29T00:00:00Z");
    }
}
