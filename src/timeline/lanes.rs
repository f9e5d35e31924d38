//! Swimlanes: which lane a conference goes in (province, region, kind, level or source) and the
//! order of the lanes (Vietnamese dictionary order or most active first). Lanes exist only for
//! values that have conferences, so a lane with nothing in the current search is never drawn.

use crate::bundle::{Article, ConferenceKind};
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

    /// The lane name of an article's conferences by province, region or source, `None` when
    /// unknown or when lanes go by kind or level (a conference's own, see [`kind_or_level`]).
    pub fn name(self, article: &Article) -> Option<&str> {
        match self {
            Self::Province => article.province.as_ref().map(|p| p.name.as_str()),
            Self::Region => article.province.as_ref().and_then(|p| p.region.as_deref()),
            Self::Source => article.source_name(),
            Self::Kind | Self::Level => None,
        }
    }
}

/// The lane name of a kind or level by its index in [`ConferenceKind::ALL`] or `LEVELS`, in
/// `lang`.
pub(crate) fn kind_or_level(by: LaneBy, index: usize, lang: Lang) -> &'static str {
    match by {
        LaneBy::Kind => {
            let kind = ConferenceKind::ALL[index];
            match lang {
                Lang::Vi => kind.label_vi(),
                Lang::En => kind.label_en(),
            }
        }
        _ => super::table::LEVELS[index].label(lang),
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

/// The display order of lanes given as (name, conferences) pairs, as positions in `lanes`:
/// Vietnamese dictionary order or busiest first (ties alphabetical), the lane of unknown
/// values (`None`) last whatever the order.
pub fn rank(lanes: &[(Option<&str>, usize)], order: LaneOrder) -> Vec<usize> {
    let keys: Vec<Vec<u32>> = lanes
        .iter()
        .map(|(name, _)| sort_key(name.unwrap_or("")))
        .collect();
    let mut ranked: Vec<usize> = (0..lanes.len()).collect();
    ranked.sort_by(|&a, &b| {
        let (name_a, count_a) = lanes[a];
        let (name_b, count_b) = lanes[b];
        let unknown_last = name_a.is_none().cmp(&name_b.is_none());
        let by_count = match order {
            LaneOrder::Alpha => std::cmp::Ordering::Equal,
            LaneOrder::Activity => count_b.cmp(&count_a),
        };
        unknown_last
            .then(by_count)
            .then_with(|| keys[a].cmp(&keys[b]))
    });
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<'a>(lanes: &[(Option<&'a str>, usize)], ranked: &[usize]) -> Vec<&'a str> {
        ranked.iter().map(|&i| lanes[i].0.unwrap_or("?")).collect()
    }

    #[test]
    fn lanes_sort_in_vietnamese_order_with_unknown_last() {
        let lanes = [
            (Some("Phú Yên"), 2),
            (None, 1),
            (Some("Điện Biên"), 1),
            (Some("Bến Tre"), 1),
            (Some("Gia Lai"), 1),
            (Some("Đà Nẵng"), 1),
        ];
        let ranked = rank(&lanes, LaneOrder::Alpha);
        assert_eq!(
            names(&lanes, &ranked),
            ["Bến Tre", "Đà Nẵng", "Điện Biên", "Gia Lai", "Phú Yên", "?"]
        );
    }

    #[test]
    fn activity_order_puts_the_busiest_first_and_breaks_ties_alphabetically() {
        let lanes = [
            (Some("Gia Lai"), 2),
            (None, 3),
            (Some("Bến Tre"), 1),
            (Some("An Giang"), 1),
        ];
        let ranked = rank(&lanes, LaneOrder::Activity);
        assert_eq!(
            names(&lanes, &ranked),
            ["Gia Lai", "An Giang", "Bến Tre", "?"]
        );
        assert!(rank(&[], LaneOrder::Alpha).is_empty());
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
