//! Counting facet values over a search's documents.
//!
//! Every search counts eight facets over its matching documents, which on a short word is most
//! of the archive. Two things keep that cheap: facets with at most one value per document
//! (province, year, source) are read from a plain array instead of per-document slices, and a
//! facet counted over more than half the documents starts from its counts over all of them and
//! takes away the documents left out, so the empty query costs next to nothing.

use super::facets::FacetTable;

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

/// Counts of facet number `f`'s values over the documents `docs` (sorted, out of `n`) whose
/// failed selections (`fails`, per document of `docs`; none when absent) are at most `f`'s own.
pub(crate) fn count(
    table: &FacetTable,
    f: usize,
    n: usize,
    docs: &[u32],
    fails: Option<&[u32]>,
) -> Vec<u32> {
    let others = !(1u32 << f);
    let counted = |i: usize| fails.is_none_or(|fails| fails[i] & others == 0);
    let size = match fails {
        None => docs.len(),
        Some(fails) => fails.iter().filter(|fail| *fail & others == 0).count(),
    };
    if size * 2 <= n {
        let mut counts = vec![0; table.values.len()];
        match fails {
            None => add(table, docs.iter().copied(), 1, &mut counts),
            Some(_) => add(
                table,
                docs.iter()
                    .enumerate()
                    .filter(|(i, _)| counted(*i))
                    .map(|(_, d)| *d),
                1,
                &mut counts,
            ),
        }
        return counts;
    }
    // The documents not counted: those outside `docs`, and those of `docs` failing another
    // facet's selection.
    let mut counts = table.totals.clone();
    let mut at = 0;
    let left_out = (0..n as u32).filter(|d| {
        if docs.get(at) == Some(d) {
            at += 1;
            !counted(at - 1)
        } else {
            true
        }
    });
    add(table, left_out, 1u32.wrapping_neg(), &mut counts);
    counts
}
