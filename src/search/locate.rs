//! From global positions to documents in constant time.
//!
//! Mapping every position of a common word to its document by searching `doc_start` was the
//! largest single cost of a search. A table derived at load maps each block of positions to the
//! document holding the block's first position; a position's document is then at most a few
//! documents on, usually none. Blocks are about the average document's length, so the table has
//! about one entry per document.

/// Position-to-document lookup over a `doc_start` list (document starts plus the end).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct DocLocator {
    /// Block size as a power of two.
    shift: u32,
    /// Document holding position `b << shift`, per block `b`.
    first: Vec<u32>,
}

impl DocLocator {
    pub(crate) fn new(doc_start: &[u32]) -> DocLocator {
        let docs = doc_start.len().saturating_sub(1);
        let end = doc_start.last().copied().unwrap_or(0);
        let average = end as usize / docs.max(1);
        let shift = average.max(1).ilog2();
        let mut first = Vec::with_capacity((end >> shift) as usize + 1);
        let mut doc = 0;
        for b in 0..=end >> shift {
            let p = b << shift;
            while doc + 1 < docs && doc_start[doc + 1] <= p {
                doc += 1;
            }
            first.push(doc as u32);
        }
        DocLocator { shift, first }
    }

    /// Document holding `p` (the last document for positions past the end; 0 when there are
    /// no documents), given the same `doc_start` as [`DocLocator::new`].
    #[inline(always)]
    pub(crate) fn doc(&self, doc_start: &[u32], p: u32) -> usize {
        let block = ((p >> self.shift) as usize).min(self.first.len().saturating_sub(1));
        let mut doc = self.first.get(block).map_or(0, |d| *d as usize);
        let docs = doc_start.len().saturating_sub(1);
        while doc + 1 < docs && doc_start[doc + 1] <= p {
            doc += 1;
        }
        doc
    }
}
