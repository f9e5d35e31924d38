//! Swimlanes: which lane a conference goes in (province, region, kind, level or source) and the
//! order of the lanes (Vietnamese dictionary order or most active first). Lanes exist only for
//! values that have conferences, so a lane with nothing in the current search is never drawn.

use std::collections::HashMap;

use crate::bundle::{Article, Conference, Level};
use crate::display::Lang;
use crate::search::collate::sort_key;

/// What the lanes stand for; `code` is the `lan=` URL value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LaneBy {
    #[default]
    Province,
    Region,
    Kind,
    Level,
    Source,
}

impl LaneBy {
    pub const ALL: [LaneBy; 5] = [
        Self::Province,
        Self::Region,
        Self::Kind,
        Self::Level,
        Self::Source,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Province => "tinh",
            Self::Region => "vung",
            Self::Kind => "loai",
            Self::Level => "cap",
            Self::Source => "nguon",
        }
    }

    /// The lane choice of a `lan=` value; anything unknown is the default, by province.
    pub fn from_code(code: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|b| b.code() == code)
            .unwrap_or_default()
    }

    /// The lane of conferences whose value is not known; always the last lane.
    pub fn unknown(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Province, Lang::Vi) => "Không rõ tỉnh",
            (Self::Region, Lang::Vi) => "Không rõ vùng",
            (Self::Kind, Lang::Vi) => "Không rõ loại",
            (Self::Level, Lang::Vi) => "Không rõ cấp",
            (Self::Source, Lang::Vi) => "Không rõ nguồn",
            (Self::Province, Lang::En) => "Province unknown",
            (Self::Region, Lang::En) => "Region unknown",
            (Self::Kind, Lang::En) => "Kind unknown",
            (Self::Level, Lang::En) => "Level unknown",
            (Self::Source, Lang::En) => "Source unknown",
        }
    }

    /// The lane value of one conference of `article`, `None` when unknown. Places and sources
    /// are names from the bundle; kinds and levels read in `lang`.
    pub fn value<'a>(
        self,
        article: &'a Article,
        conference: &Conference,
        lang: Lang,
    ) -> Option<&'a str> {
        match self {
            Self::Province => article.province.as_ref().map(|p| p.name.as_str()),
            Self::Region => article.province.as_ref().and_then(|p| p.region.as_deref()),
            Self::Kind => Some(match lang {
                Lang::Vi => conference.kind.label_vi(),
                Lang::En => conference.kind.label_en(),
            }),
            Self::Level => conference.level.map(|l| level_label(l, lang)),
            Self::Source => article
                .source
                .as_ref()
                .and_then(|s| s.name.as_deref().or(s.domain.as_deref())),
        }
        .filter(|v| !v.trim().is_empty())
    }
}

fn level_label(level: Level, lang: Lang) -> &'static str {
    match (level, lang) {
        (Level::National, Lang::Vi) => "Trung ương",
        (Level::Province, Lang::Vi) => "Tỉnh",
        (Level::District, Lang::Vi) => "Huyện",
        (Level::Commune, Lang::Vi) => "Xã",
        (Level::National, Lang::En) => "National",
        (Level::Province, Lang::En) => "Province",
        (Level::District, Lang::En) => "District",
        (Level::Commune, Lang::En) => "Commune",
    }
}

/// Lane order; `code` is the `xeplan=` URL value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LaneOrder {
    /// Vietnamese dictionary order of the lane names.
    #[default]
    Alpha,
    /// Most conferences first (ties alphabetical).
    Activity,
}

impl LaneOrder {
    pub fn code(self) -> &'static str {
        match self {
            Self::Alpha => "az",
            Self::Activity => "nhieu",
        }
    }

    pub fn from_code(code: &str) -> Self {
        if code == Self::Activity.code() {
            Self::Activity
        } else {
            Self::Alpha
        }
    }
}

/// Lanes for a list of lane values, one per conference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// Lane names, in display order.
    pub labels: Vec<String>,
    /// How many conferences each lane holds.
    pub counts: Vec<usize>,
    /// The lane of each input value, by position.
    pub lane_of: Vec<u32>,
}

/// Groups the values into lanes ordered by `order`; `None` values share the `unknown` lane,
/// which comes last whatever the order.
pub fn assign(values: &[Option<&str>], unknown: &str, order: LaneOrder) -> Assignment {
    let mut first_seen: HashMap<Option<&str>, usize> = HashMap::new();
    let mut groups: Vec<(Option<&str>, usize)> = Vec::new();
    let provisional: Vec<usize> = values
        .iter()
        .map(|v| {
            let key = *v;
            let g = *first_seen.entry(key).or_insert_with(|| {
                groups.push((key, 0));
                groups.len() - 1
            });
            groups[g].1 += 1;
            g
        })
        .collect();
    let keys: Vec<Vec<u32>> = groups
        .iter()
        .map(|(name, _)| sort_key(name.unwrap_or("")))
        .collect();
    let mut ranked: Vec<usize> = (0..groups.len()).collect();
    ranked.sort_by(|&a, &b| {
        let (name_a, count_a) = groups[a];
        let (name_b, count_b) = groups[b];
        let unknown_last = name_a.is_none().cmp(&name_b.is_none());
        let by_count = match order {
            LaneOrder::Alpha => std::cmp::Ordering::Equal,
            LaneOrder::Activity => count_b.cmp(&count_a),
        };
        unknown_last
            .then(by_count)
            .then_with(|| keys[a].cmp(&keys[b]))
    });
    let mut rank_of = vec![0u32; groups.len()];
    for (rank, &g) in ranked.iter().enumerate() {
        rank_of[g] = rank as u32;
    }
    Assignment {
        labels: ranked
            .iter()
            .map(|&g| groups[g].0.unwrap_or(unknown).to_string())
            .collect(),
        counts: ranked.iter().map(|&g| groups[g].1).collect(),
        lane_of: provisional.iter().map(|&g| rank_of[g]).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values<'a>(names: &[Option<&'a str>]) -> Vec<Option<&'a str>> {
        names.to_vec()
    }

    #[test]
    fn lanes_sort_in_vietnamese_order_with_unknown_last() {
        let v = values(&[
            Some("Phú Yên"),
            None,
            Some("Điện Biên"),
            Some("Bến Tre"),
            Some("Gia Lai"),
            Some("Đà Nẵng"),
            Some("Phú Yên"),
        ]);
        let a = assign(&v, "Không rõ tỉnh", LaneOrder::Alpha);
        assert_eq!(
            a.labels,
            [
                "Bến Tre",
                "Đà Nẵng",
                "Điện Biên",
                "Gia Lai",
                "Phú Yên",
                "Không rõ tỉnh"
            ]
        );
        assert_eq!(a.counts, [1, 1, 1, 1, 2, 1]);
        assert_eq!(a.lane_of, [4, 5, 2, 0, 3, 1, 4]);
    }

    #[test]
    fn activity_order_puts_the_busiest_first_and_breaks_ties_alphabetically() {
        let v = values(&[
            Some("Gia Lai"),
            None,
            None,
            None,
            Some("Bến Tre"),
            Some("Gia Lai"),
            Some("An Giang"),
        ]);
        let a = assign(&v, "?", LaneOrder::Activity);
        assert_eq!(a.labels, ["Gia Lai", "An Giang", "Bến Tre", "?"]);
        assert_eq!(a.counts, [2, 1, 1, 3]);
    }

    #[test]
    fn no_values_no_lanes() {
        let a = assign(&[], "?", LaneOrder::Alpha);
        assert!(a.labels.is_empty() && a.lane_of.is_empty());
    }

    #[test]
    fn url_codes_round_trip() {
        for by in LaneBy::ALL {
            assert_eq!(LaneBy::from_code(by.code()), by);
        }
        assert_eq!(LaneBy::from_code("x"), LaneBy::Province);
        assert_eq!(LaneOrder::from_code("nhieu"), LaneOrder::Activity);
        assert_eq!(LaneOrder::from_code(""), LaneOrder::Alpha);
    }
}
