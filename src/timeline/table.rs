//! Every dated conference of a bundle in one flat table, read from the articles once per bundle.
//!
//! Reading 50,000 conferences out of 50,000 articles touches a few scattered heap objects per
//! article (its province, its conferences, their date and period strings), which in the browser
//! costs far more than the arithmetic. The table holds what the timeline needs in one array,
//! already in centre order, so each search's [`super::TimelineModel`] is a sequential pass
//! with no parsing, hashing of names or sorting.

use std::collections::HashMap;

use crate::bundle::{Article, ConferenceKind, Level};

use super::lanes::LaneBy;
use super::scale::{date_span, parse_day};
use super::{kind_index, Item};

/// A lane value that is not known.
pub(crate) const UNKNOWN: u32 = u32::MAX;

/// One dated conference and its lane value for each [`LaneBy`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    pub item: Item,
    /// By [`LaneBy::ALL`] position: an index into [`Conferences::names`] for province, region
    /// and source; the kind's or level's own index; [`UNKNOWN`] when not known.
    pub lane: [u32; 5],
}

pub struct Conferences {
    /// Dated conferences in centre order, ties in bundle order.
    pub(crate) rows: Vec<Row>,
    /// Per article, its conferences without a usable date.
    pub(crate) undated: Vec<u16>,
    /// Province, region and source names, each once.
    pub(crate) names: Vec<String>,
}

impl Conferences {
    pub fn new<'a>(articles: &'a [Article]) -> Conferences {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut names: Vec<String> = Vec::new();
        let mut intern = |name: Option<&'a str>| -> u32 {
            let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
                return UNKNOWN;
            };
            *ids.entry(name).or_insert_with(|| {
                names.push(name.to_string());
                names.len() as u32 - 1
            })
        };
        let mut rows = Vec::new();
        let mut undated = Vec::with_capacity(articles.len());
        for (ai, article) in articles.iter().enumerate() {
            let mut missing = 0u16;
            for (ci, c) in article.conferences.iter().enumerate() {
                let Some((start, end)) = c.date.as_deref().and_then(|d| date_span(d, c.precision))
                else {
                    missing = missing.saturating_add(1);
                    continue;
                };
                let period = c.period.as_ref().and_then(|p| {
                    let (ps, pe) = (parse_day(&p.start)?, parse_day(&p.end)?);
                    (ps <= pe).then_some((ps, pe + 1))
                });
                let mut lane = [UNKNOWN; 5];
                for (slot, by) in lane.iter_mut().zip(LaneBy::ALL) {
                    *slot = match by {
                        LaneBy::Kind => kind_index(c.kind) as u32,
                        LaneBy::Level => c.level.map_or(UNKNOWN, level_index),
                        _ => intern(by.name(article)),
                    };
                }
                rows.push(Row {
                    item: Item {
                        article: ai as u32,
                        conference: ci as u32,
                        start,
                        end,
                        precision: c.precision,
                        kind: c.kind,
                        period,
                    },
                    lane,
                });
            }
            undated.push(missing);
        }
        // Start + end is twice the centre: an integer key, ties by article and conference.
        rows.sort_unstable_by_key(|r| {
            let i = &r.item;
            (
                i64::from(i.start) + i64::from(i.end),
                i.article,
                i.conference,
            )
        });
        Conferences {
            rows,
            undated,
            names,
        }
    }

    /// How many lane values `by` can take, [`UNKNOWN`] aside.
    pub(crate) fn value_count(&self, by: LaneBy) -> usize {
        match by {
            LaneBy::Kind => ConferenceKind::ALL.len(),
            LaneBy::Level => LEVELS.len(),
            _ => self.names.len(),
        }
    }
}

pub(crate) const LEVELS: [Level; 4] = [
    Level::National,
    Level::Province,
    Level::District,
    Level::Commune,
];

fn level_index(level: Level) -> u32 {
    LEVELS.iter().position(|l| *l == level).unwrap_or(0) as u32
}
