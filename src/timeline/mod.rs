//! The conference timeline's layout, independent of any UI: one mark per conference at its
//! conference date, in swimlanes, clustered where dense.
//!
//! - [`scale`]: day numbers from ISO dates, time ↔ x, zoom and pan, the window in the URL.
//! - [`ticks`]: axis ticks per zoom level with Vietnamese or English labels.
//! - [`lanes`]: lane choice (province, region, kind, level, source) and order.
//! - [`cluster`]: merging near marks into counted marks.
//!
//! [`Conferences`] reads a bundle's conferences once; [`TimelineModel::new`] picks those of a
//! search from it; each frame
//! then costs [`TimelineModel::layout`] over the visible window only, with a [`Clustering`]
//! that is recomputed on zoom but not on pan.

pub mod cluster;
pub mod lanes;
pub mod scale;
pub mod table;
pub mod ticks;

use std::ops::Range;

use crate::bundle::{Article, ConferenceKind, DatePrecision};
use crate::display::Lang;
use crate::search::SearchRequest;
use cluster::{Group, MAX_SPAN_PX};
pub use lanes::{LaneBy, LaneOrder};
use scale::{date_span, parse_day};
pub use table::Conferences;

/// Pixels around the view in which marks are still laid out, so a mark's edge never pops in.
const EDGE_PX: f64 = 16.0;

/// One dated conference.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// Index of the article in the bundle.
    pub article: u32,
    /// Index of the conference in the article's `conferences`.
    pub conference: u32,
    /// The days its date covers, `[start, end)`: one day, or a whole month or year.
    pub start: i32,
    pub end: i32,
    pub precision: DatePrecision,
    pub kind: ConferenceKind,
    /// The reviewed period, `[start, end)` in days.
    pub period: Option<(i32, i32)>,
}

impl Item {
    pub fn centre(&self) -> f64 {
        (self.start + self.end) as f64 / 2.0
    }

    /// Its date as far as it is known: `07/04/2023`, `tháng 4/2023`, `năm 2023` (Vietnamese) or
    /// `7 Apr 2023`, `Apr 2023`, `2023` (English).
    pub fn date_label(&self, lang: Lang) -> String {
        let (y, m, d) = scale::date_of(self.start);
        let month_en = ticks::MONTHS_EN[m as usize - 1];
        match (self.precision, lang) {
            (DatePrecision::Day, Lang::Vi) => format!("{d:02}/{m:02}/{y}"),
            (DatePrecision::Day, Lang::En) => format!("{d} {month_en} {y}"),
            (DatePrecision::Month, Lang::Vi) => format!("tháng {m}/{y}"),
            (DatePrecision::Month, Lang::En) => format!("{month_en} {y}"),
            (DatePrecision::Year, Lang::Vi) => format!("năm {y}"),
            (DatePrecision::Year, Lang::En) => y.to_string(),
        }
    }

    /// Everything drawn for it, mark and period.
    fn drawn(&self) -> (f64, f64) {
        let (a, b) = self.period.map_or((self.start, self.end), |(ps, pe)| {
            (ps.min(self.start), pe.max(self.end))
        });
        (a as f64, b as f64)
    }
}

pub struct Lane {
    pub label: String,
    /// In centre order.
    pub items: Vec<Item>,
    centres: Vec<f64>,
    /// The farthest any drawing reaches before / after its item's centre, days.
    before: f64,
    after: f64,
}

/// The conferences of a set of articles, laned and sorted.
pub struct TimelineModel {
    pub lanes: Vec<Lane>,
    /// Conferences without a usable date: counted, not drawn.
    pub undated: usize,
    /// The kinds present, in [`ConferenceKind::ALL`] order (the legend).
    pub kinds: Vec<ConferenceKind>,
}

/// What is drawn for one conference or one group of them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Glyph {
    /// A single conference: `index` in its lane's items.
    Mark { lane: u32, index: u32, item: Item },
    /// `count` consecutive items of a lane from `first`, drawn at the mean of their centres.
    Cluster {
        lane: u32,
        first: u32,
        count: u32,
        /// The days its members cover, for zooming into it.
        start: i32,
        end: i32,
        centre: f64,
        /// The most frequent kind among its members.
        kind: ConferenceKind,
    },
}

impl Glyph {
    pub fn lane(&self) -> u32 {
        match *self {
            Glyph::Mark { lane, .. } | Glyph::Cluster { lane, .. } => lane,
        }
    }

    pub fn centre(&self) -> f64 {
        match self {
            Glyph::Mark { item, .. } => item.centre(),
            Glyph::Cluster { centre, .. } => *centre,
        }
    }

    /// Lane and first item: unique within one zoom level and unchanged by panning.
    pub fn key(&self) -> (u32, u32) {
        match *self {
            Glyph::Mark { lane, index, .. } => (lane, index),
            Glyph::Cluster { lane, first, .. } => (lane, first),
        }
    }
}

/// The groups of every lane at one zoom level.
pub struct Clustering {
    pub px_per_day: f64,
    groups: Vec<Vec<Group>>,
}

/// The part of the timeline on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Viewport {
    /// Days at the left and right edges.
    pub start: f64,
    pub end: f64,
    pub px_per_day: f64,
    /// The lanes scrolled into view.
    pub lanes: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LaneLayout {
    pub lane: usize,
    pub label: String,
    /// In time order.
    pub glyphs: Vec<Glyph>,
}

impl TimelineModel {
    /// The dated conferences of the articles `ids` (indices into the bundle `table` was read
    /// from), in lanes by `by` ordered by `order`, lane names in `lang`; with `within` (days,
    /// `[from, to)`), only the conferences whose date overlaps it (the brushed range: an article
    /// may also report conferences outside it). One sequential pass over the table, which is
    /// in centre order already, so each lane comes out sorted.
    pub fn new(
        table: &Conferences,
        ids: &[u32],
        by: LaneBy,
        order: LaneOrder,
        lang: Lang,
        within: Option<(i32, i32)>,
    ) -> Self {
        let mut wanted = vec![false; table.undated.len()];
        let mut undated = 0;
        for &id in ids {
            if let Some(w) = wanted.get_mut(id as usize) {
                *w = true;
                undated += usize::from(table.undated[id as usize]);
            }
        }
        let slot = LaneBy::ALL.iter().position(|b| *b == by).unwrap_or(0);
        let shown = |row: &&table::Row| {
            wanted[row.item.article as usize]
                && within.is_none_or(|(from, to)| row.item.start < to && row.item.end > from)
        };
        // Lane values index `counts`, the unknown value last.
        let values = table.value_count(by);
        let value_of = |row: &table::Row| match row.lane[slot] {
            table::UNKNOWN => values,
            v => v as usize,
        };
        let mut counts = vec![0usize; values + 1];
        for row in table.rows.iter().filter(shown) {
            counts[value_of(row)] += 1;
        }
        let present: Vec<usize> = (0..=values).filter(|&v| counts[v] > 0).collect();
        let name = |v: usize| -> Option<&str> {
            match by {
                _ if v == values => None,
                LaneBy::Kind | LaneBy::Level => Some(lanes::kind_or_level(by, v, lang)),
                _ => Some(table.names[v].as_str()),
            }
        };
        let named: Vec<(Option<&str>, usize)> =
            present.iter().map(|&v| (name(v), counts[v])).collect();
        let ranked = lanes::rank(&named, order);
        let mut lane_of = vec![usize::MAX; values + 1];
        for (rank, &i) in ranked.iter().enumerate() {
            lane_of[present[i]] = rank;
        }
        let mut laned: Vec<Vec<Item>> = ranked
            .iter()
            .map(|&i| Vec::with_capacity(named[i].1))
            .collect();
        for row in table.rows.iter().filter(shown) {
            laned[lane_of[value_of(row)]].push(row.item);
        }
        let mut kinds_seen = [false; ConferenceKind::ALL.len()];
        let lanes = laned
            .into_iter()
            .zip(&ranked)
            .map(|(items, &i)| {
                let label = named[i].0.unwrap_or(by.unknown(lang)).to_string();
                let centres: Vec<f64> = items.iter().map(Item::centre).collect();
                let (mut before, mut after) = (0.0f64, 0.0f64);
                for item in &items {
                    let (a, b) = item.drawn();
                    before = before.max(item.centre() - a);
                    after = after.max(b - item.centre());
                    kinds_seen[kind_index(item.kind)] = true;
                }
                Lane {
                    label,
                    items,
                    centres,
                    before,
                    after,
                }
            })
            .collect();
        let kinds = ConferenceKind::ALL
            .into_iter()
            .filter(|k| kinds_seen[kind_index(*k)])
            .collect();
        TimelineModel {
            lanes,
            undated,
            kinds,
        }
    }

    /// How many conferences are drawn.
    pub fn total(&self) -> usize {
        self.lanes.iter().map(|l| l.items.len()).sum()
    }

    /// The first and last day any conference covers (periods aside), `None` when there is none.
    pub fn extent(&self) -> Option<(f64, f64)> {
        let first = self
            .lanes
            .iter()
            .flat_map(|l| l.items.iter().map(|i| i.start))
            .min()?;
        let last = self
            .lanes
            .iter()
            .flat_map(|l| l.items.iter().map(|i| i.end))
            .max()?;
        Some((first as f64, last as f64))
    }

    pub fn item(&self, lane: u32, index: u32) -> &Item {
        &self.lanes[lane as usize].items[index as usize]
    }

    /// The items of `count` consecutive positions of a lane from `first`.
    pub fn run(&self, lane: u32, first: u32, count: u32) -> &[Item] {
        &self.lanes[lane as usize].items[first as usize..(first + count) as usize]
    }

    /// Groups every lane at `px_per_day`. Linear in the number of conferences; done once per
    /// zoom level, never while panning.
    pub fn cluster(&self, px_per_day: f64) -> Clustering {
        Clustering {
            px_per_day,
            groups: self
                .lanes
                .iter()
                .map(|l| cluster::cluster(&l.centres, px_per_day))
                .collect(),
        }
    }

    /// The glyphs of the lanes in `view` that show between its edges.
    pub fn layout(&self, clustering: &Clustering, view: &Viewport) -> Vec<LaneLayout> {
        let ppd = clustering.px_per_day;
        let margin = EDGE_PX / view.px_per_day;
        let (from, to) = (view.start - margin, view.end + margin);
        let lanes = view.lanes.start.min(self.lanes.len())..view.lanes.end.min(self.lanes.len());
        lanes
            .map(|li| {
                let lane = &self.lanes[li];
                let groups = &clustering.groups[li];
                // A group's first centre is at most MAX_SPAN_PX left of its others, and a drawing
                // reaches `before`/`after` days from its centre: that bounds the groups to scan.
                let lo_centre = from - lane.after - MAX_SPAN_PX / ppd;
                let hi_centre = to + lane.before;
                let lo = groups.partition_point(|g| lane.centres[g.first as usize] < lo_centre);
                let hi = groups.partition_point(|g| lane.centres[g.first as usize] <= hi_centre);
                let glyphs = groups[lo..hi.max(lo)]
                    .iter()
                    .filter_map(|g| glyph(li as u32, lane, *g, from, to))
                    .collect();
                LaneLayout {
                    lane: li,
                    label: lane.label.clone(),
                    glyphs,
                }
            })
            .collect()
    }
}

/// The glyph of a group when anything of it shows in `[from, to]`.
fn glyph(lane_index: u32, lane: &Lane, g: Group, from: f64, to: f64) -> Option<Glyph> {
    let members = &lane.items[g.first as usize..(g.first + g.count) as usize];
    if let [item] = members {
        let (a, b) = item.drawn();
        return (b >= from && a <= to).then_some(Glyph::Mark {
            lane: lane_index,
            index: g.first,
            item: *item,
        });
    }
    // One pass over the members: their days and the count of each kind.
    let (mut start, mut end) = (i32::MAX, i32::MIN);
    let mut per_kind = [0u32; ConferenceKind::ALL.len()];
    for item in members {
        start = start.min(item.start);
        end = end.max(item.end);
        per_kind[kind_index(item.kind)] += 1;
    }
    if (end as f64) < from || start as f64 > to {
        return None;
    }
    let top = (0..per_kind.len()).max_by_key(|&k| (per_kind[k], std::cmp::Reverse(k)))?;
    let centre = lane.centres[g.first as usize..(g.first + g.count) as usize]
        .iter()
        .sum::<f64>()
        / g.count as f64;
    Some(Glyph::Cluster {
        lane: lane_index,
        first: g.first,
        count: g.count,
        start,
        end,
        centre,
        kind: ConferenceKind::ALL[top],
    })
}

/// A kind's position in [`ConferenceKind::ALL`], which lists the kinds in declaration order
/// (checked by a test): a cast, since clustering counts kinds for every member in view.
pub(crate) fn kind_index(kind: ConferenceKind) -> usize {
    kind as usize
}

/// Every glyph of a layout in time order, ties by lane: the order keyboard focus moves in.
pub fn time_order(layout: &[LaneLayout]) -> Vec<Glyph> {
    let mut all: Vec<Glyph> = layout
        .iter()
        .flat_map(|l| l.glyphs.iter().copied())
        .collect();
    all.sort_by(|a, b| {
        a.centre()
            .total_cmp(&b.centre())
            .then(a.lane().cmp(&b.lane()))
    });
    all
}

/// The conference-date range of a request (`hop_tu`/`hop_den`, inclusive days) as `[from, to)`
/// day numbers; an end that is absent or not a date is open. `None` when neither end is set.
pub fn held_range(req: &SearchRequest) -> Option<(i32, i32)> {
    let from = req.held_from.as_deref().and_then(parse_day);
    let to = req.held_to.as_deref().and_then(parse_day).map(|d| d + 1);
    (from.is_some() || to.is_some()).then(|| (from.unwrap_or(i32::MIN), to.unwrap_or(i32::MAX)))
}

/// Which articles report a conference whose date overlaps `[from, to)`, by index: the selection
/// [`crate::search::SearchIndex::search_among`] takes for a conference-date range.
pub fn held_within(articles: &[Article], (from, to): (i32, i32)) -> Vec<bool> {
    articles
        .iter()
        .map(|a| {
            a.conferences.iter().any(|c| {
                c.date
                    .as_deref()
                    .and_then(|d| date_span(d, c.precision))
                    .is_some_and(|(start, end)| start < to && end > from)
            })
        })
        .collect()
}

/// The glyph of `lane` under the pointer at `day`: a month or year bar that covers the day, else
/// the nearest mark or cluster whose centre is within `reach_px` at `px_per_day`.
pub fn hit(glyphs: &[Glyph], lane: u32, day: f64, px_per_day: f64, reach_px: f64) -> Option<Glyph> {
    let reach = reach_px / px_per_day;
    let is_bar =
        |g: &Glyph| matches!(g, Glyph::Mark { item, .. } if item.precision != DatePrecision::Day);
    let in_lane = || glyphs.iter().filter(|g| g.lane() == lane);
    let nearest = in_lane()
        .map(|g| ((g.centre() - day).abs(), g))
        .filter(|(d, _)| *d <= reach)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, g)| g);
    let bar = in_lane().find(|g| match g {
        Glyph::Mark { item, .. } => {
            is_bar(g) && (item.start as f64..item.end as f64).contains(&day)
        }
        Glyph::Cluster { .. } => false,
    });
    // A point mark drawn over a bar wins: it is the smaller target.
    nearest.filter(|g| !is_bar(g)).or(bar).or(nearest).copied()
}

#[cfg(test)]
mod tests;
