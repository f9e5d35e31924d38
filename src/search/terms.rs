//! The term table: every distinct word form with its postings, sorted by (folded, exact) so that
//! a word's spellings and a prefix's completions are one contiguous range. A single-file index
//! holds all its terms in one [`Terms`]; a sharded bundle's term chunks decode to one each
//! ([`crate::shard::decode_terms`]). The bytes on disk are in [`super::format`].

use std::ops::Range;

/// One term: its forms and its postings, still delta-varint coded as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Term<'a> {
    pub(crate) folded: &'a str,
    pub(crate) exact: &'a str,
    pub(crate) postings: &'a [u8],
}

/// A sorted run of terms. Each column is one buffer with end offsets per term, so hundreds of
/// thousands of terms take six allocations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terms {
    pub(super) folded: String,
    pub(super) folded_end: Vec<u32>,
    pub(super) exact: String,
    pub(super) exact_end: Vec<u32>,
    pub(super) postings: Vec<u8>,
    pub(super) postings_end: Vec<u32>,
}

/// Where item `i` of a column is, given where each item ends.
fn span(ends: &[u32], i: usize) -> Range<usize> {
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    start..ends[i] as usize
}

impl Terms {
    /// Number of terms.
    pub fn len(&self) -> usize {
        self.folded_end.len()
    }

    pub fn is_empty(&self) -> bool {
        self.folded_end.is_empty()
    }

    pub(crate) fn get(&self, i: usize) -> Term<'_> {
        Term {
            folded: &self.folded[span(&self.folded_end, i)],
            exact: &self.exact[span(&self.exact_end, i)],
            postings: &self.postings[span(&self.postings_end, i)],
        }
    }

    /// Appends `term`, which must sort after the last one.
    pub(crate) fn push(&mut self, term: Term<'_>) {
        self.folded.push_str(term.folded);
        self.folded_end.push(self.folded.len() as u32);
        self.exact.push_str(term.exact);
        self.exact_end.push(self.exact.len() as u32);
        self.postings.extend_from_slice(term.postings);
        self.postings_end.push(self.postings.len() as u32);
    }
}

/// The first term's forms, which place a run among others.
fn first(run: &Terms) -> (&str, &str) {
    let t = run.get(0);
    (t.folded, t.exact)
}

/// The terms an index searches: sorted runs in term order, with ids numbering their terms in
/// that order. A single-file index has one run. A sharded bundle's has the term chunks loaded so
/// far, each kept as decoded, so that adding one costs that chunk rather than a copy of all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Dictionary {
    /// Not empty, not overlapping.
    runs: Vec<Terms>,
    /// The id of each run's first term.
    starts: Vec<usize>,
    len: usize,
}

impl Dictionary {
    /// Number of terms.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Puts `run` in its place among the runs, which it must not overlap (term chunks don't).
    pub(crate) fn add(&mut self, run: Terms) {
        if run.is_empty() {
            return;
        }
        let k = self.runs.partition_point(|r| first(r) < first(&run));
        self.runs.insert(k, run);
        // The ids after it move; renumbering a few hundred runs is nothing next to decoding one.
        self.starts.clear();
        self.len = 0;
        for r in &self.runs {
            self.starts.push(self.len);
            self.len += r.len();
        }
    }

    pub(crate) fn get(&self, id: usize) -> Term<'_> {
        let k = self.starts.partition_point(|s| *s <= id) - 1;
        self.runs[k].get(id - self.starts[k])
    }

    /// Ids of the terms whose folded form is `word`, or starts with it when `prefix`: one range,
    /// found by binary search in the run where it starts, and running on into the next runs
    /// while their terms still match.
    pub(crate) fn range(&self, word: &str, prefix: bool) -> Range<usize> {
        let matches = |t: &str| {
            if prefix {
                t.starts_with(word)
            } else {
                t == word
            }
        };
        let k = self
            .runs
            .partition_point(|r| r.get(r.len() - 1).folded < word);
        let Some(run) = self.runs.get(k) else {
            return self.len..self.len;
        };
        let lo = self.starts[k] + partition(run.len(), |i| run.get(i).folded < word);
        let mut hi = lo;
        for (run, start) in self.runs[k..].iter().zip(&self.starts[k..]) {
            let from = hi - start;
            let n = partition(run.len() - from, |i| matches(run.get(from + i).folded));
            hi += n;
            if from + n < run.len() {
                break;
            }
        }
        lo..hi
    }
}

/// Number of `i` in `0..n` for which `pred` holds, given it holds for a prefix of `0..n`.
fn partition(n: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
