//! Time ↔ x. Days are counted from 1970-01-01 (day 0) as `f64`, so zoom and pan are plain
//! arithmetic on two numbers; every bundle date becomes a half-open day range `[start, end)`.

use crate::bundle::DatePrecision;

/// Narrowest zoom: about 55 years across 1,000 px, so decades fit.
pub const MIN_PX_PER_DAY: f64 = 0.05;
/// Widest zoom: one day is 240 px, room for every conference of a busy day.
pub const MAX_PX_PER_DAY: f64 = 240.0;

/// Day number of a proleptic Gregorian date (0 = 1970-01-01). Counts in 400-year eras that
/// start on 1 March, so the leap day is the last day of its year and needs no special case.
pub fn day_number(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era =
        year_of_era as u32 * 365 + year_of_era as u32 / 4 - year_of_era as u32 / 100 + day_of_year;
    era * 146_097 + day_of_era as i32 - 719_468
}

/// The date of a day number: the inverse of [`day_number`].
pub fn date_of(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = (z - era * 146_097) as u32;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era as i32 + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

pub use crate::calendar::days_in_month;

/// `yyyy-mm-dd` as its day number, or `None` when it is not a real date.
pub fn parse_day(iso: &str) -> Option<i32> {
    let (year, month, day) = parts(iso);
    let (year, month, day) = (year?, month?, day?);
    (day <= days_in_month(year, month)).then(|| day_number(year, month, day))
}

/// The leading `yyyy`, `mm` and `dd` of an ISO date, each `None` when absent or out of range.
/// Reads bytes directly: it runs for every conference each time the search changes.
fn parts(iso: &str) -> (Option<i32>, Option<u32>, Option<u32>) {
    let mut fields = iso.as_bytes().split(|b| *b == b'-').take(3).map(|f| {
        // Leading digits only, so a time after the day (`07T07:34`) is ignored.
        let digits = f.iter().take_while(|b| b.is_ascii_digit()).take(4);
        let (count, value) =
            digits.fold((0, 0u32), |(c, n), d| (c + 1, n * 10 + u32::from(d - b'0')));
        (count > 0).then_some(value)
    });
    let year = fields.next().flatten().map(|y| y as i32);
    let month = fields.next().flatten().filter(|m| (1..=12).contains(m));
    let day = fields.next().flatten().filter(|d| (1..=31).contains(d));
    (year, month, day)
}

/// The days a conference date stands for: one day, its whole month or its whole year, as
/// `[start, end)`. Only the part the precision vouches for is read, so `2023-04-00` with month
/// precision is April 2023 and `2022-00-00` with year precision is 2022.
pub fn date_span(iso: &str, precision: DatePrecision) -> Option<(i32, i32)> {
    let (year, month, _) = parts(iso);
    let year = year?;
    match precision {
        DatePrecision::Day => {
            let start = parse_day(iso)?;
            Some((start, start + 1))
        }
        DatePrecision::Month => {
            let month = month?;
            let start = day_number(year, month, 1);
            Some((start, start + days_in_month(year, month) as i32))
        }
        DatePrecision::Year => Some((day_number(year, 1, 1), day_number(year + 1, 1, 1))),
    }
}

/// `yyyy-mm-dd` of a day number, the form of the `tu`/`den` URL parameters.
pub fn iso_day(days: i32) -> String {
    let (y, m, d) = date_of(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The window as the URL keeps it (`tl=`): the days at its left and right edges, each
/// `yyyy-mm-dd` with `Thhmm` when not at midnight, joined by `~`. Edges rather than start and
/// zoom, so a shared link shows the same stretch of time on a screen of any width; minutes
/// keep a day-level view where it was to well under a pixel.
pub fn window_param(start: f64, end: f64) -> String {
    format!("{}~{}", edge(start), edge(end))
}

fn edge(day: f64) -> String {
    let minutes = (day * 1440.0).round() as i64;
    let (days, minute) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
    let date = iso_day(days as i32);
    match minute {
        0 => date,
        m => format!("{date}T{:02}{:02}", m / 60, m % 60),
    }
}

/// The edges of a [`window_param`] value; `None` unless both parse and the left is before the
/// right.
pub fn parse_window(text: &str) -> Option<(f64, f64)> {
    let (a, b) = text.split_once('~')?;
    let (start, end) = (parse_edge(a)?, parse_edge(b)?);
    (start < end).then_some((start, end))
}

fn parse_edge(text: &str) -> Option<f64> {
    let (date, time) = text.split_once('T').unwrap_or((text, ""));
    if date.len() != 10 {
        return None;
    }
    let day = parse_day(date)? as f64;
    let minutes = match time.as_bytes() {
        [] => 0,
        [h1, h2, m1, m2] if [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit()) => {
            let (h, m) = (
                u32::from((h1 - b'0') * 10 + h2 - b'0'),
                u32::from((m1 - b'0') * 10 + m2 - b'0'),
            );
            if h > 23 || m > 59 {
                return None;
            }
            h * 60 + m
        }
        _ => return None,
    };
    Some(day + f64::from(minutes) / 1440.0)
}

/// The visible window: the day at the left edge and the zoom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// Day (fractional) at x = 0.
    pub start: f64,
    pub px_per_day: f64,
}

impl Scale {
    pub fn x(&self, day: f64) -> f64 {
        (day - self.start) * self.px_per_day
    }

    pub fn day(&self, x: f64) -> f64 {
        self.start + x / self.px_per_day
    }

    /// The day at the right edge of a `width`-pixel view.
    pub fn end(&self, width: f64) -> f64 {
        self.day(width)
    }

    /// Shows `[first, last)` across `width` pixels with a little air on both sides.
    pub fn fit(first: f64, last: f64, width: f64) -> Scale {
        let span = (last - first).max(1.0);
        let margin = span * 0.04 + 1.0;
        let px_per_day = (width / (span + 2.0 * margin)).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        // Centre the content when the zoom limit leaves extra room.
        let start = (first + last) / 2.0 - width / px_per_day / 2.0;
        Scale { start, px_per_day }
    }

    /// Shows exactly `[start, end)` across `width` pixels (a window from the URL), centred when
    /// the zoom limits do not allow it.
    pub fn show(start: f64, end: f64, width: f64) -> Scale {
        let px_per_day = (width / (end - start).max(1e-9)).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        Scale {
            start: (start + end) / 2.0 - width / px_per_day / 2.0,
            px_per_day,
        }
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the day under `x` in place, within the limits.
    pub fn zoom_at(self, factor: f64, x: f64) -> Scale {
        let px_per_day = (self.px_per_day * factor).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        let pinned = self.day(x);
        Scale {
            start: pinned - x / px_per_day,
            px_per_day,
        }
    }

    /// Moves the content `dx` pixels to the right (the view to earlier days).
    pub fn pan(self, dx: f64) -> Scale {
        Scale {
            start: self.start - dx / self.px_per_day,
            ..self
        }
    }

    /// The smallest move that brings `[first, last)` into a `width`-pixel view, with `pad` px
    /// kept clear at the edges; a range wider than the view is aligned on its start.
    pub fn reveal(self, first: f64, last: f64, width: f64, pad: f64) -> Scale {
        let (left, right) = (self.x(first), self.x(last));
        let dx = if left < pad || right - left > width - 2.0 * pad {
            pad - left
        } else if right > width - pad {
            width - pad - right
        } else {
            0.0
        };
        self.pan(dx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_and_count_leap_days() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2000, 3, 1) - day_number(2000, 2, 28), 2);
        assert_eq!(day_number(1900, 3, 1) - day_number(1900, 2, 28), 1);
        assert_eq!(day_number(1969, 12, 31), -1);
        for days in [-800_000, -1, 0, 11_016, 19_454, 19_739, 2_000_000] {
            let (y, m, d) = date_of(days);
            assert_eq!(day_number(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(iso_day(day_number(2023, 4, 7)), "2023-04-07");
    }

    #[test]
    fn partial_dates_cover_their_month_or_year() {
        let april = date_span("2023-04-00", DatePrecision::Month).unwrap();
        assert_eq!(april, (day_number(2023, 4, 1), day_number(2023, 5, 1)));
        let leap_feb = date_span("2024-02", DatePrecision::Month).unwrap();
        assert_eq!(leap_feb.1 - leap_feb.0, 29);
        let year = date_span("2022-01-01", DatePrecision::Year).unwrap();
        assert_eq!(year.1 - year.0, 365);
        let day = date_span("2023-04-07", DatePrecision::Day).unwrap();
        assert_eq!(day, (day_number(2023, 4, 7), day_number(2023, 4, 8)));
        assert_eq!(
            parse_day("2024-01-18T07:34:05"),
            Some(day_number(2024, 1, 18))
        );
        assert_eq!(date_span("2023-04", DatePrecision::Day), None);
        assert_eq!(date_span("2023-02-30", DatePrecision::Day), None);
        assert_eq!(date_span("2023-13-01", DatePrecision::Month), None);
        assert_eq!(date_span("soon", DatePrecision::Year), None);
    }

    #[test]
    fn x_and_day_are_inverse_and_zoom_keeps_the_pinned_day() {
        let s = Scale {
            start: 19_000.0,
            px_per_day: 2.0,
        };
        assert_eq!(s.x(19_010.0), 20.0);
        assert_eq!(s.day(20.0), 19_010.0);
        let z = s.zoom_at(4.0, 300.0);
        assert_eq!(z.px_per_day, 8.0);
        assert!((z.day(300.0) - s.day(300.0)).abs() < 1e-9);
        // Limits hold however far one zooms.
        assert_eq!(s.zoom_at(1e9, 0.0).px_per_day, MAX_PX_PER_DAY);
        assert_eq!(s.zoom_at(1e-9, 0.0).px_per_day, MIN_PX_PER_DAY);
        let p = s.pan(10.0);
        assert_eq!(p.start, 18_995.0);
        assert_eq!(p.px_per_day, 2.0);
    }

    #[test]
    fn the_url_window_round_trips_to_the_minute_and_rejects_nonsense() {
        let start = day_number(2019, 6, 1) as f64;
        assert_eq!(window_param(start, start + 731.0), "2019-06-01~2021-06-01");
        let morning = start + 0.25 + 1.0 / 1440.0;
        let text = window_param(morning, start + 2.5);
        assert_eq!(text, "2019-06-01T0601~2019-06-03T1200");
        let (a, b) = parse_window(&text).unwrap();
        assert!((a - morning).abs() < 1e-9 && (b - (start + 2.5)).abs() < 1e-9);
        // Before 1970 (negative day numbers) too.
        let old = day_number(1965, 3, 2) as f64 + 0.5;
        assert_eq!(
            parse_window(&window_param(old, old + 1.0)),
            Some((old, old + 1.0))
        );
        for bad in [
            "",
            "2019-06-01",
            "2021-01-01~2019-01-01",
            "2019-06-01~2019-06-01",
            "2019-02-30~2020-01-01",
            "2019-06-01T2460~2020-01-01",
            "2019-06-01T6~2020-01-01",
            "2019-6-1~2020-01-01",
        ] {
            assert_eq!(parse_window(bad), None, "{bad}");
        }
        // A window shown on any width covers the same days.
        for width in [400.0, 1200.0] {
            let s = Scale::show(start, start + 100.0, width);
            assert!((s.start - start).abs() < 1e-9 && (s.end(width) - start - 100.0).abs() < 1e-9);
        }
        // Past the zoom limit the window is centred instead.
        let s = Scale::show(start, start + 0.1, 1000.0);
        assert_eq!(s.px_per_day, MAX_PX_PER_DAY);
        assert!((s.day(500.0) - (start + 0.05)).abs() < 1e-9);
    }

    #[test]
    fn fit_shows_the_whole_range_and_reveal_moves_the_least() {
        let s = Scale::fit(1000.0, 2000.0, 1000.0);
        assert!(s.x(1000.0) > 0.0 && s.x(2000.0) < 1000.0);
        assert!(
            (s.x(1000.0) - (1000.0 - s.x(2000.0))).abs() < 1e-6,
            "centred"
        );
        let one_day = Scale::fit(500.0, 500.0, 1000.0);
        assert!(one_day.px_per_day <= MAX_PX_PER_DAY);
        assert!(one_day.x(500.0) > 0.0 && one_day.x(500.0) < 1000.0);

        let view = Scale {
            start: 0.0,
            px_per_day: 1.0,
        };
        assert_eq!(view.reveal(10.0, 20.0, 100.0, 5.0), view);
        assert_eq!(view.reveal(120.0, 121.0, 100.0, 5.0).x(121.0), 95.0);
        assert_eq!(view.reveal(-50.0, -40.0, 100.0, 5.0).x(-50.0), 5.0);
    }
}
