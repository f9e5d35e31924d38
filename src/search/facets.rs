//! Facets: per-document values (province, year, kind …), resolving filter values, and counting.
//!
//! Counting is disjunctive within a facet and conjunctive across facets: the count shown for a
//! value of facet F is the number of documents matching the query and every selection except
//! F's own, so picking a second value of F shows what it would add.

use super::collate::sort_key;
use super::fold::fold;
use super::query::Field;
use super::tally::{self, DocValues};
use crate::bundle::{Article, ConferenceKind, Level};
use crate::display::Lang;
use std::fmt;
use std::sync::Arc;

/// A facet the UI can show and filter on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    /// Province before the 2025 merger (`Place.name`); values carry their region.
    Province,
    /// Province after the 2025 merger (`Place.name_2025`, else `Place.name`).
    Province2025,
    /// Year of publication.
    Year,
    /// Conference kind, by code (`tong_ket`).
    Kind,
    /// Source site name (or domain when the name is unknown).
    Source,
    /// People named in the article or taking part in its conferences.
    Person,
    /// Documents cited, by normalised number.
    Document,
    /// Conference level, by code (`province`).
    Level,
}

impl Facet {
    pub const ALL: [Facet; 8] = [
        Facet::Province,
        Facet::Province2025,
        Facet::Year,
        Facet::Kind,
        Facet::Source,
        Facet::Person,
        Facet::Document,
        Facet::Level,
    ];

    /// Position in [`Facet::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The facet a query field filters on.
    pub fn of_field(field: Field, provinces_2025: bool) -> Facet {
        match field {
            Field::Province if provinces_2025 => Facet::Province2025,
            Field::Province => Facet::Province,
            Field::Year => Facet::Year,
            Field::Kind => Facet::Kind,
            Field::Person => Facet::Person,
            Field::Document => Facet::Document,
            Field::Source => Facet::Source,
            Field::Level => Facet::Level,
        }
    }

    /// Vietnamese label of a facet value (codes become words); the collation order uses it.
    pub fn label(self, value: &str) -> String {
        self.label_in(value, Lang::Vi)
    }

    /// Label of a facet value for display in `lang`; names are the same in every language.
    pub fn label_in(self, value: &str, lang: Lang) -> String {
        match (self, lang) {
            (Facet::Kind, Lang::Vi) => ConferenceKind::from_code(value)
                .map_or(value, |k| k.label_vi())
                .to_string(),
            (Facet::Kind, Lang::En) => ConferenceKind::from_code(value)
                .map_or(value, |k| k.label_en())
                .to_string(),
            (Facet::Level, _) => level_label(value, lang).unwrap_or(value).to_string(),
            _ => value.to_string(),
        }
    }
}

const LEVELS: [Level; 4] = [
    Level::National,
    Level::Province,
    Level::District,
    Level::Commune,
];

fn level_label(code: &str, lang: Lang) -> Option<&'static str> {
    let level = LEVELS.into_iter().find(|l| l.code() == code)?;
    Some(level.label(lang))
}

/// Distinct values of a facet and which documents have which.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FacetTable {
    pub(crate) values: Vec<String>,
    /// Region of each value for province facets, empty otherwise.
    pub(crate) groups: Vec<String>,
    /// Value ids of document `d` are `doc_values[doc_start[d]..doc_start[d + 1]]`.
    pub(crate) doc_start: Vec<u32>,
    pub(crate) doc_values: Vec<u32>,
    /// Folded values, for matching `field:value`.
    pub(crate) folded: Vec<String>,
    /// Rank of each value in Vietnamese collation order of its label.
    pub(crate) alpha_rank: Vec<u32>,
    /// The document values again, laid out for counting.
    pub(crate) layout: DocValues,
    /// Count of each value over all documents.
    pub(crate) totals: Vec<u32>,
}

/// The values of `facet` in one article with their group (region).
fn article_values(facet: Facet, a: &Article) -> Vec<(String, String)> {
    let region = || {
        a.province
            .as_ref()
            .and_then(|p| p.region.clone())
            .unwrap_or_default()
    };
    let mut v: Vec<(String, String)> = match facet {
        Facet::Province => a
            .province
            .iter()
            .map(|p| (p.name.clone(), region()))
            .collect(),
        Facet::Province2025 => a
            .province
            .iter()
            .map(|p| {
                (
                    p.name_2025.clone().unwrap_or_else(|| p.name.clone()),
                    region(),
                )
            })
            .collect(),
        Facet::Year => a
            .published
            .as_deref()
            .and_then(|p| p.get(..4))
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
            .map(|y| (y.to_string(), String::new()))
            .into_iter()
            .collect(),
        Facet::Kind => a
            .conferences
            .iter()
            .map(|c| (c.kind.code().to_string(), String::new()))
            .collect(),
        Facet::Source => a
            .source_name()
            .map(|s| (s.to_string(), String::new()))
            .into_iter()
            .collect(),
        Facet::Person => a
            .people
            .iter()
            .map(|p| p.name.clone())
            .chain(
                a.conferences
                    .iter()
                    .flat_map(|c| c.people.iter().map(|p| p.name.clone())),
            )
            .map(|n| (n, String::new()))
            .collect(),
        Facet::Document => a
            .documents
            .iter()
            .map(|d| (d.number.clone(), String::new()))
            .collect(),
        Facet::Level => a
            .conferences
            .iter()
            .filter_map(|c| c.level)
            .map(|l| (l.code().to_string(), String::new()))
            .collect(),
    };
    v.retain(|(value, _)| !value.trim().is_empty());
    v
}

impl FacetTable {
    pub(crate) fn build(facet: Facet, articles: &[Article]) -> FacetTable {
        let mut ids = std::collections::HashMap::new();
        let mut t = FacetTable::empty();
        for a in articles {
            let mut doc: Vec<u32> = article_values(facet, a)
                .into_iter()
                .map(|(value, group)| {
                    *ids.entry(value.clone()).or_insert_with(|| {
                        t.values.push(value);
                        t.groups.push(group);
                        t.values.len() as u32 - 1
                    })
                })
                .collect();
            doc.sort_unstable();
            doc.dedup();
            t.doc_values.extend(doc);
            t.doc_start.push(t.doc_values.len() as u32);
        }
        t.derive(facet);
        t
    }

    pub(super) fn empty() -> FacetTable {
        FacetTable {
            values: vec![],
            groups: vec![],
            doc_start: vec![0],
            doc_values: vec![],
            folded: vec![],
            alpha_rank: vec![],
            layout: DocValues::Many,
            totals: vec![],
        }
    }

    /// Fills the fields computed from the stored ones.
    pub(super) fn derive(&mut self, facet: Facet) {
        self.folded = self.values.iter().map(|v| normalise(&fold(v))).collect();
        let keys: Vec<Vec<u32>> = self
            .values
            .iter()
            .map(|v| sort_key(&facet.label(v)))
            .collect();
        let mut order: Vec<u32> = (0..self.values.len() as u32).collect();
        order.sort_by(|a, b| keys[*a as usize].cmp(&keys[*b as usize]));
        self.alpha_rank = vec![0; order.len()];
        for (rank, id) in order.into_iter().enumerate() {
            self.alpha_rank[id as usize] = rank as u32;
        }
        self.layout = DocValues::new(self);
        self.totals = tally::totals(self);
    }

    pub(crate) fn doc(&self, d: usize) -> &[u32] {
        &self.doc_values[self.doc_start[d] as usize..self.doc_start[d + 1] as usize]
    }

    pub(crate) fn id_of(&self, value: &str) -> Option<u32> {
        self.values
            .iter()
            .position(|v| v == value)
            .map(|i| i as u32)
    }

    /// Value ids a `field:value` filter selects: folded equality (codes and Vietnamese labels
    /// for kinds and levels); failing that, for free-text facets, values containing the words.
    pub(crate) fn resolve(&self, facet: Facet, value: &str) -> Vec<u32> {
        let q = normalise(&fold(value));
        let equal: Vec<u32> = (0..self.values.len())
            .filter(|i| self.equals(facet, *i, &q))
            .map(|i| i as u32)
            .collect();
        if !equal.is_empty() || matches!(facet, Facet::Year | Facet::Kind | Facet::Level) {
            return equal;
        }
        (0..self.values.len())
            .filter(|i| contains_words(&self.folded[*i], &q))
            .map(|i| i as u32)
            .collect()
    }

    fn equals(&self, facet: Facet, i: usize, q: &str) -> bool {
        self.folded[i] == q
            || (matches!(facet, Facet::Kind | Facet::Level)
                && (self.folded[i] == q.replace(' ', "_")
                    || normalise(&fold(&facet.label(&self.values[i]))) == q))
    }

    /// True when `field:q` selects something (lets the query parser extend a value over
    /// following words: `nguon:gia lai`).
    pub(crate) fn has_value(&self, facet: Facet, q: &str) -> bool {
        !self.resolve(facet, q).is_empty()
    }
}

/// True when `needle` occurs in `hay` as whole words.
fn contains_words(hay: &str, needle: &str) -> bool {
    !needle.is_empty()
        && hay.match_indices(needle).any(|(i, _)| {
            let end = i + needle.len();
            (i == 0 || hay.as_bytes()[i - 1] == b' ')
                && (end == hay.len() || hay.as_bytes()[end] == b' ')
        })
}

/// Collapses runs of whitespace so `phu  yen` equals `phu yen`.
fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One value of a facet with its count under the current query and other facets' selections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    /// The value as stored (names, years, codes such as `tong_ket`); use it in filters.
    pub value: String,
    /// Vietnamese label for display.
    pub label: String,
    /// Region, for province values.
    pub group: Option<String>,
    pub count: u32,
    pub selected: bool,
}

/// The values of one facet, with counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    pub facet: Facet,
    pub values: Vec<FacetValue>,
}

/// How facet values are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FacetSort {
    /// Highest count first, ties alphabetical.
    #[default]
    Count,
    /// Vietnamese dictionary order of the label.
    Alpha,
}

/// The facet tables of an index, shared with its search results. Equal when they are the same
/// tables: comparing results (as the UI does for every search) must not walk them.
#[derive(Clone, Default)]
pub(crate) struct FacetTables(Arc<Vec<FacetTable>>);

impl FacetTables {
    pub(crate) fn new(tables: Vec<FacetTable>) -> FacetTables {
        FacetTables(Arc::new(tables))
    }
}

impl std::ops::Deref for FacetTables {
    type Target = [FacetTable];
    fn deref(&self) -> &[FacetTable] {
        &self.0
    }
}

impl PartialEq for FacetTables {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0 == other.0
    }
}

impl fmt::Debug for FacetTables {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FacetTables({} facets)", self.0.len())
    }
}

/// One facet's counts under a search, named and ordered only on request: a person or document
/// facet can hold thousands of values, and a screen shows a few.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FacetTally {
    pub(crate) facet: Facet,
    pub(crate) counts: Vec<u32>,
    pub(crate) selected: Vec<bool>,
    pub(crate) sort: FacetSort,
    /// Values listed: those with a non-zero count, and selected ones.
    pub(crate) listed: usize,
}

impl FacetTally {
    pub(crate) fn new(
        facet: Facet,
        counts: Vec<u32>,
        selected: Vec<bool>,
        sort: FacetSort,
    ) -> Self {
        let listed = counts
            .iter()
            .zip(&selected)
            .filter(|(c, s)| **c > 0 || **s)
            .count();
        FacetTally {
            facet,
            counts,
            selected,
            sort,
            listed,
        }
    }

    /// The first `limit` listed values in display order, named from `table`.
    pub(crate) fn top(&self, table: &FacetTable, limit: usize) -> FacetCounts {
        let (counts, selected) = (&self.counts, &self.selected);
        let mut ids: Vec<usize> = (0..counts.len())
            .filter(|i| counts[*i] > 0 || selected[*i])
            .collect();
        // Keys are unique (the alphabetical rank is), so selecting then sorting the first
        // `limit` gives exactly the start of the fully sorted list.
        let key = |i: &usize| match self.sort {
            FacetSort::Count => (u32::MAX - counts[*i], table.alpha_rank[*i]),
            FacetSort::Alpha => (0, table.alpha_rank[*i]),
        };
        if limit < ids.len() {
            ids.select_nth_unstable_by_key(limit, key);
            ids.truncate(limit);
        }
        ids.sort_unstable_by_key(key);
        let facet = self.facet;
        let values = ids
            .into_iter()
            .map(|i| FacetValue {
                value: table.values[i].clone(),
                label: facet.label(&table.values[i]),
                group: Some(table.groups[i].clone()).filter(|g| !g.is_empty()),
                count: counts[i],
                selected: selected[i],
            })
            .collect();
        FacetCounts { facet, values }
    }
}
