//! How values read to people: dates per language, kept here so the native tests cover what the
//! app shows.

use crate::bundle::DatePrecision;

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// A calendar date with an optional time of day, read from the bundle's ISO 8601 strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    /// Hours and minutes, when the source gave a time.
    pub time: Option<(u32, u32)>,
}

impl DateTime {
    /// Reads `yyyy-mm-dd`, optionally followed by `Thh:mm[:ss…]`; anything else is `None`.
    pub fn parse(iso: &str) -> Option<Self> {
        let (date, time) = match iso.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (iso, None),
        };
        let mut parts = date.splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        if !crate::calendar::is_valid(year, month, day) {
            return None;
        }
        let time = match time {
            Some(t) => {
                let mut hm = t.splitn(3, ':');
                let h: u32 = hm.next()?.parse().ok()?;
                let m: u32 = hm.next()?.get(..2)?.parse().ok()?;
                Some((h < 24 && m < 60).then_some((h, m))?)
            }
            None => None,
        };
        Some(Self {
            year,
            month,
            day,
            time,
        })
    }

    /// `07/04/2023`: the day-first numeric form Vietnamese readers use, in both languages.
    pub fn short(&self) -> String {
        format!("{:02}/{:02}/{}", self.day, self.month, self.year)
    }

    /// `ngày 7 tháng 4 năm 2023, 07:34` or `7 April 2023, 07:34`.
    pub fn long(&self, lang: Lang) -> String {
        let mut out = match lang {
            Lang::Vi => format!("ngày {} tháng {} năm {}", self.day, self.month, self.year),
            Lang::En => format!(
                "{} {} {}",
                self.day,
                MONTHS_EN[self.month as usize - 1],
                self.year
            ),
        };
        if let Some((h, m)) = self.time {
            out.push_str(&format!(", {h:02}:{m:02}"));
        }
        out
    }
}

pub(crate) const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The day-first short form of an ISO date, or the text unchanged when it is not one.
pub fn short_date(iso: &str) -> String {
    DateTime::parse(iso).map_or_else(|| iso.to_string(), |d| d.short())
}

/// The long form of an ISO date in `lang`, or the text unchanged when it is not one.
pub fn long_date(iso: &str, lang: Lang) -> String {
    DateTime::parse(iso).map_or_else(|| iso.to_string(), |d| d.long(lang))
}

/// A date only as precise as its source: `tháng 4 năm 2023` / `April 2023` for a month,
/// `năm 2023` / `2023` for a year, the long form for a day.
pub fn date_at(iso: &str, precision: DatePrecision, lang: Lang) -> String {
    let year = iso.get(..4).unwrap_or(iso);
    let month = iso
        .get(5..7)
        .and_then(|m| m.parse::<usize>().ok())
        .filter(|m| (1..=12).contains(m));
    match (precision, month, lang) {
        (DatePrecision::Day, ..) => long_date(iso, lang),
        (DatePrecision::Month, Some(m), Lang::Vi) => format!("tháng {m} năm {year}"),
        (DatePrecision::Month, Some(m), Lang::En) => format!("{} {year}", MONTHS_EN[m - 1]),
        (_, _, Lang::Vi) => format!("năm {year}"),
        (_, _, Lang::En) => year.to_string(),
    }
}

/// `text` cut after `max` characters, `tail` appended where it was cut.
pub fn clip(text: &str, max: usize, tail: &str) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}{tail}", &text[..cut]),
        None => text.to_string(),
    }
}

/// Whether a URL may become a link: only http(s), so `javascript:` and `data:` stay text.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_cuts_by_characters_and_marks_the_cut() {
        assert_eq!(clip("Dân vận khéo", 3, " …"), "Dân …");
        assert_eq!(clip("Dân", 3, "…"), "Dân");
    }

    #[test]
    fn long_dates_per_language() {
        assert_eq!(long_date("2023-04-07", Lang::Vi), "ngày 7 tháng 4 năm 2023");
        assert_eq!(
            date_at("2023-04-01", DatePrecision::Month, Lang::Vi),
            "tháng 4 năm 2023"
        );
        assert_eq!(
            date_at("2023-04-01", DatePrecision::Month, Lang::En),
            "April 2023"
        );
        assert_eq!(
            date_at("2023-01-01", DatePrecision::Year, Lang::Vi),
            "năm 2023"
        );
        assert_eq!(date_at("2023-01-01", DatePrecision::Year, Lang::En), "2023");
        assert_eq!(
            date_at("2023-04-07", DatePrecision::Day, Lang::En),
            "7 April 2023"
        );
        assert_eq!(long_date("2023-04-07", Lang::En), "7 April 2023");
        assert_eq!(
            long_date("2024-01-18T07:34:05", Lang::Vi),
            "ngày 18 tháng 1 năm 2024, 07:34"
        );
    }

    #[test]
    fn short_dates_are_day_first() {
        assert_eq!(short_date("2021-04-02T18:17:27"), "02/04/2021");
    }

    #[test]
    fn non_dates_are_shown_as_given() {
        assert_eq!(short_date("sometime"), "sometime");
        assert_eq!(long_date("2023-13-01", Lang::En), "2023-13-01");
        assert_eq!(DateTime::parse("2023-02-29"), None);
        assert_eq!(DateTime::parse("2023-04-07T25:00"), None);
    }

    #[test]
    fn only_http_links_are_links() {
        assert!(is_web_link("https://cdn.nbtv.vn/a.mp4"));
        assert!(is_web_link("HTTP://x.vn"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link(" data:text/html,<script>"));
        assert!(!is_web_link("//evil.example"));
    }
}
