//! Counting facet values over a search's documents.
//!
//! Every search counts eight facets over its matching documents, which on a short word is most
//! of the archive. Three things keep that cheap: the documents are grouped once by the
//! selections they fail ([`Groups`]), so no facet filters them again; facets with at most one
//! value per document (province, year, source) are read from a plain array instead of
//! per-document slices; and a facet counted over more than half the documents starts from its
//! counts over all of them and takes away the documents left out, so the empty query costs
//! next to nothing.

use std::sync::OnceLock;

use super::facets::{Facet, FacetSort, FacetTable, FacetTables, FacetTally};

/// Marks a document without a value in [`DocValues::One`].
const NONE: u32 = u32::MAX;

/// A facet's values per document, laid out for counting; derived from a [`FacetTable`].
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) enum DocValues {
    /// The value of each document, or [`NONE`].
    One(Vec<u32>),
    /// Several values per document: read through the table's `doc_start` and `doc_values`.
    #[default]
    Many,
}

impl DocValues {
    pub(crate) fn new(table: &FacetTable) -> DocValues {
        let starts = &table.doc_start;
        if starts.windows(2).any(|w| w[1] - w[0] > 1) {
            return DocValues::Many;
        }
        let values = &table.doc_values;
        DocValues::One(
            starts
                .windows(2)
                .map(|w| {
                    if w[1] > w[0] {
                        values[w[0] as usize]
                    } else {
                        NONE
                    }
                })
                .collect(),
        )
    }
}

/// Adds `step` (1, or −1 as wrapping) to the counts of every value of the documents `docs`.
fn add(table: &FacetTable, docs: impl Iterator<Item = u32>, step: u32, counts: &mut [u32]) {
    match &table.layout {
        DocValues::One(one) => {
            let one: &[u32] = one;
            for d in docs {
                let v = one[d as usize];
                if v != NONE {
                    counts[v as usize] = counts[v as usize].wrapping_add(step);
                }
            }
        }
        DocValues::Many => {
            let (starts, values): (&[u32], &[u32]) = (&table.doc_start, &table.doc_values);
            for d in docs {
                let d = d as usize;
                for &v in &values[starts[d] as usize..starts[d + 1] as usize] {
                    counts[v as usize] = counts[v as usize].wrapping_add(step);
                }
            }
        }
    }
}

/// Counts of every value of `table` over all documents.
pub(crate) fn totals(table: &FacetTable) -> Vec<u32> {
    let mut counts = vec![0; table.values.len()];
    add(table, 0..table.doc_start.len() as u32 - 1, 1, &mut counts);
    counts
}

/// True when document `d` has one of the `chosen` values (by value id).
pub(crate) fn has_any(table: &FacetTable, d: usize, chosen: &[bool]) -> bool {
    match &table.layout {
        DocValues::One(one) => chosen.get(one[d] as usize).copied().unwrap_or(false),
        DocValues::Many => table.doc(d).iter().any(|v| chosen[*v as usize]),
    }
}

/// Every document, grouped by the selections (facets, then the date range) it fails. A value
/// of facet F counts the documents failing nothing or only F's own selection.
pub(crate) struct Groups {
    /// Failing nothing: the results.
    pub(crate) passing: Vec<u32>,
    pub(crate) left_out: LeftOut,
}

/// The documents a search leaves out of its results, as [`Groups`] sorts them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct LeftOut {
    /// Failing only selection `i` (bit `i` of the failures).
    pub(crate) only: Vec<Vec<u32>>,
    /// Not matching, or failing two selections or more.
    rest: Vec<u32>,
}

impl Groups {
    /// Groups the documents, `matched` or not, by the bits of the `selections` each fails
    /// (`fails`, absent when nothing is selected).
    pub(crate) fn new(
        matched: &[bool],
        selections: usize,
        fails: Option<impl Fn(usize) -> u32>,
    ) -> Self {
        let mut passing = Vec::new();
        let mut left_out = LeftOut {
            only: vec![Vec::new(); selections],
            rest: Vec::new(),
        };
        for (d, &matched) in matched.iter().enumerate() {
            let group = match (matched, &fails) {
                (false, _) => &mut left_out.rest,
                (true, None) => &mut passing,
                (true, Some(fails)) => match fails(d) {
                    0 => &mut passing,
                    fail if fail.count_ones() == 1 => {
                        &mut left_out.only[fail.trailing_zeros() as usize]
                    }
                    _ => &mut left_out.rest,
                },
            };
            group.push(d as u32);
        }
        Groups { passing, left_out }
    }
}

impl LeftOut {
    /// Counts of facet number `f`'s values, from `table`, with `passing` the documents of the
    /// results.
    pub(crate) fn count(&self, passing: &[u32], table: &FacetTable, f: usize) -> Vec<u32> {
        let counted = passing.len() + self.only[f].len();
        let n = table.doc_start.len() - 1;
        if counted * 2 <= n {
            let mut counts = vec![0; table.values.len()];
            add(table, passing.iter().copied(), 1, &mut counts);
            add(table, self.only[f].iter().copied(), 1, &mut counts);
            return counts;
        }
        // From the totals, take away the documents not counted.
        let mut counts = table.totals.clone();
        let minus = 1u32.wrapping_neg();
        add(table, self.rest.iter().copied(), minus, &mut counts);
        for (_, only) in self.only.iter().enumerate().filter(|(g, _)| *g != f) {
            add(table, only.iter().copied(), minus, &mut counts);
        }
        counts
    }
}

/// A search's facet counts, counted the first time something reads them. A keystroke's result
/// list can then be drawn before the side panels that show the counts are, without waiting for
/// them (eight facets over most of the archive, on a short word).
#[derive(Debug, Clone)]
pub(crate) struct Tallies {
    left_out: LeftOut,
    tables: FacetTables,
    /// Per facet, the values selected in the panels (by value id).
    selected: Vec<Vec<bool>>,
    sort: FacetSort,
    counted: OnceLock<Vec<FacetTally>>,
}

impl Tallies {
    pub(crate) fn new(
        left_out: LeftOut,
        tables: FacetTables,
        selected: Vec<Vec<bool>>,
        sort: FacetSort,
    ) -> Tallies {
        Tallies {
            left_out,
            tables,
            selected,
            sort,
            counted: OnceLock::new(),
        }
    }

    /// The counts of `facet`, and the table that names its values; `passing` are the documents
    /// of the results, the same at every call.
    pub(crate) fn of(&self, facet: Facet, passing: &[u32]) -> (&FacetTally, &FacetTable) {
        let counted = self.counted.get_or_init(|| {
            Facet::ALL
                .into_iter()
                .enumerate()
                .map(|(f, facet)| {
                    let counts = self.left_out.count(passing, &self.tables[f], f);
                    FacetTally::new(facet, counts, self.selected[f].clone(), self.sort)
                })
                .collect()
        });
        (&counted[facet.index()], &self.tables[facet.index()])
    }
}

/// Equal when they would count alike over the same results, whether counted yet or not.
impl PartialEq for Tallies {
    fn eq(&self, other: &Self) -> bool {
        self.sort == other.sort
            && self.selected == other.selected
            && self.tables == other.tables
            && self.left_out == other.left_out
    }
}
