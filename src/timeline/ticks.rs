//! Axis ticks that adapt to the zoom: the finest calendar unit whose labels still fit (days,
//! months, quarters, years, decades), with Vietnamese labels ("7/4", "Tháng 4/2023",
//! "Quý II/2023", "2023"). At day level a second row names the month, since "7/4" alone does
//! not say the year.

use super::scale::{date_of, day_number, days_in_month, Scale};
use crate::display::Lang;

/// Space kept between two labels, px.
const LABEL_GAP: f64 = 14.0;
/// Width reserved for a month label on the context row, px.
const CONTEXT_LABEL_PX: f64 = 100.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickUnit {
    /// Every n-th day of each month (1, 1+n, 1+2n …), so ticks line up month after month.
    Days(u32),
    Month,
    Quarter,
    /// Every n-th year (multiples of n).
    Years(i32),
}

use TickUnit::*;

/// Finest first; the axis takes the first whose labels fit.
const LADDER: [TickUnit; 12] = [
    Days(1),
    Days(2),
    Days(5),
    Days(10),
    Month,
    Quarter,
    Years(1),
    Years(2),
    Years(5),
    Years(10),
    Years(20),
    Years(50),
];

impl TickUnit {
    /// The finest unit whose labels do not overlap at this zoom.
    pub fn for_zoom(px_per_day: f64) -> TickUnit {
        LADDER
            .into_iter()
            .find(|u| u.typical_days() * px_per_day >= u.label_px() + LABEL_GAP)
            .unwrap_or(Years(100))
    }

    fn typical_days(self) -> f64 {
        match self {
            Days(n) => n as f64,
            Month => 30.44,
            Quarter => 91.31,
            Years(n) => 365.25 * n as f64,
        }
    }

    /// Room the longest label of the unit needs at the axis font size.
    fn label_px(self) -> f64 {
        match self {
            Days(_) => 34.0,
            Month => 88.0,
            Quarter => 84.0,
            Years(_) => 36.0,
        }
    }

    /// Whether a day-of-month starts a tick: a step that would be cut short by the month's end
    /// is left out, so "31/1" and "1/2" never crowd each other.
    fn day_starts_step(n: u32, day: u32, month_days: u32) -> bool {
        (day - 1) % n == 0 && (n == 1 || day - 1 + n <= month_days)
    }

    /// The last tick at or before `day`.
    fn floor(self, day: i32) -> i32 {
        let (y, m, d) = date_of(day);
        match self {
            Days(n) => {
                let month_days = days_in_month(y, m);
                let mut first = (d - 1) / n * n + 1;
                while !Self::day_starts_step(n, first, month_days) {
                    first -= n;
                }
                day_number(y, m, first)
            }
            Month => day_number(y, m, 1),
            Quarter => day_number(y, (m - 1) / 3 * 3 + 1, 1),
            Years(n) => day_number(y.div_euclid(n) * n, 1, 1),
        }
    }

    /// The tick after the tick at `day`.
    fn next(self, day: i32) -> i32 {
        let (y, m, d) = date_of(day);
        let months_later = |k: u32| {
            let m0 = m - 1 + k;
            day_number(y + (m0 / 12) as i32, m0 % 12 + 1, 1)
        };
        match self {
            Days(n) => {
                let month_days = days_in_month(y, m);
                if Self::day_starts_step(n, d + n, month_days) && d + n <= month_days {
                    day + n as i32
                } else {
                    months_later(1)
                }
            }
            Month => months_later(1),
            Quarter => months_later(3),
            Years(n) => day_number(y + n, 1, 1),
        }
    }

    pub fn label(self, day: i32, lang: Lang) -> String {
        let (y, m, d) = date_of(day);
        match (self, lang) {
            (Days(_), Lang::Vi) => format!("{d}/{m}"),
            (Days(_), Lang::En) => format!("{d} {}", MONTHS_EN[m as usize - 1]),
            (Month, Lang::Vi) => format!("Tháng {m}/{y}"),
            (Month, Lang::En) => format!("{} {y}", MONTHS_EN[m as usize - 1]),
            (Quarter, Lang::Vi) => format!("Quý {}/{y}", ROMAN[(m as usize - 1) / 3]),
            (Quarter, Lang::En) => format!("Q{} {y}", (m - 1) / 3 + 1),
            (Years(_), _) => y.to_string(),
        }
    }
}

const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
pub(crate) const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub day: i32,
    pub x: f64,
    pub label: String,
}

/// What the axis draws for one view.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub unit: TickUnit,
    pub ticks: Vec<Tick>,
    /// At day level: the months in view, the first held at the left edge while its days show.
    pub context: Vec<Tick>,
}

/// The ticks of a `width`-pixel view.
pub fn axis(scale: &Scale, width: f64, lang: Lang) -> Axis {
    let unit = TickUnit::for_zoom(scale.px_per_day);
    let ticks = ticks_of(unit, scale, width, lang);
    let context = match unit {
        Days(_) => {
            let mut months = ticks_of(Month, scale, width, lang);
            if let Some(first) = months.first_mut() {
                first.x = first.x.max(0.0);
            }
            if months.len() > 1 && months[1].x - months[0].x < CONTEXT_LABEL_PX {
                months.remove(0);
            }
            months
        }
        _ => Vec::new(),
    };
    Axis {
        unit,
        ticks,
        context,
    }
}

/// Every tick of `unit` from the one at or before the left edge to the right edge.
fn ticks_of(unit: TickUnit, scale: &Scale, width: f64, lang: Lang) -> Vec<Tick> {
    let last = scale.end(width).ceil() as i32;
    let mut day = unit.floor(scale.start.floor() as i32);
    let mut out = Vec::new();
    while day <= last {
        out.push(Tick {
            day,
            x: scale.x(day as f64),
            label: unit.label(day, lang),
        });
        day = unit.next(day);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(from: (i32, u32, u32), px_per_day: f64) -> Scale {
        Scale {
            start: day_number(from.0, from.1, from.2) as f64,
            px_per_day,
        }
    }

    fn labels(axis: &Axis) -> Vec<&str> {
        axis.ticks.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn the_unit_follows_the_zoom_from_decades_to_days() {
        let units: Vec<TickUnit> = [0.05, 0.2, 0.5, 1.5, 4.0, 30.0, 60.0]
            .into_iter()
            .map(TickUnit::for_zoom)
            .collect();
        assert_eq!(
            units,
            [
                Years(5),
                Years(1),
                Years(1),
                Quarter,
                Month,
                Days(2),
                Days(1)
            ]
        );
        // Finer zoom never picks a coarser unit.
        let mut last = f64::INFINITY;
        for i in 0..200 {
            let z = 0.05 * 1.06f64.powi(i);
            let u = TickUnit::for_zoom(z);
            assert!(u.typical_days() <= last, "{z}: {u:?}");
            last = u.typical_days();
        }
    }

    #[test]
    fn year_quarter_month_and_day_labels_in_vietnamese() {
        let years = axis(&view((2021, 6, 1), 0.3), 600.0, Lang::Vi);
        assert_eq!(
            labels(&years),
            ["2021", "2022", "2023", "2024", "2025", "2026"]
        );
        assert!(years.ticks[0].x < 0.0 && years.context.is_empty());

        let quarters = axis(&view((2023, 2, 10), 1.5), 400.0, Lang::Vi);
        assert_eq!(
            labels(&quarters),
            ["Quý I/2023", "Quý II/2023", "Quý III/2023", "Quý IV/2023"]
        );
        let months = axis(&view((2023, 11, 1), 4.0), 300.0, Lang::Vi);
        assert_eq!(
            labels(&months),
            ["Tháng 11/2023", "Tháng 12/2023", "Tháng 1/2024"]
        );
        assert_eq!(months.ticks[0].x, 0.0);

        let days = axis(&view((2023, 4, 7), 60.0), 300.0, Lang::Vi);
        assert_eq!(labels(&days), ["7/4", "8/4", "9/4", "10/4", "11/4", "12/4"]);
        assert_eq!(days.context.len(), 1);
        assert_eq!(days.context[0].label, "Tháng 4/2023");
        assert_eq!(
            days.context[0].x, 0.0,
            "the month label stays at the left edge"
        );
    }

    #[test]
    fn english_labels() {
        let q = Quarter.label(day_number(2023, 5, 1), Lang::En);
        let m = Month.label(day_number(2023, 4, 1), Lang::En);
        let d = Days(1).label(day_number(2023, 4, 7), Lang::En);
        assert_eq!([q, m, d], ["Q2 2023", "Apr 2023", "7 Apr"]);
    }

    #[test]
    fn multi_day_steps_restart_each_month_and_never_crowd() {
        // From 25 January at 2-day steps: …, 27, 29, then 1 February (31 January left out).
        let a = axis(&view((2023, 1, 25), 30.0), 300.0, Lang::Vi);
        assert_eq!(a.unit, Days(2));
        assert_eq!(labels(&a)[..5], ["25/1", "27/1", "29/1", "1/2", "3/2"]);
        let months: Vec<&str> = a.context.iter().map(|t| &t.label[..]).collect();
        assert_eq!(months, ["Tháng 1/2023", "Tháng 2/2023"]);
        for unit in [Days(2), Days(5), Days(10)] {
            let s = view((2024, 1, 1), 10.0);
            let ticks = ticks_of(unit, &s, 3660.0, Lang::Vi);
            for pair in ticks.windows(2) {
                let gap = pair[1].day - pair[0].day;
                let Days(n) = unit else { unreachable!() };
                assert!(
                    gap as u32 >= n,
                    "{unit:?}: {} → {}",
                    pair[0].label,
                    pair[1].label
                );
            }
        }
    }

    #[test]
    fn decade_ticks_fall_on_round_years() {
        let a = axis(&view((1995, 3, 1), 0.05), 1000.0, Lang::Vi);
        assert_eq!(a.unit, Years(5));
        assert_eq!(labels(&a)[..3], ["1995", "2000", "2005"]);
        assert_eq!(TickUnit::for_zoom(0.01), Years(20));
        assert_eq!(TickUnit::for_zoom(0.001), Years(100));
    }
}
