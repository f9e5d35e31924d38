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
