//! A search's results in rank order, sorted only as far as they are read.
//!
//! A keystroke shows the first screen of results. Sorting all of them (radix passes over 30,000
//! ids for a common word) was a third of such a search when its words were already at hand. The
//! best [`HEAD`] are picked in one pass at search time; the rest are sorted the first time
//! something reads past them: scrolling down, the reader's next and previous, an export.

use std::collections::BinaryHeap;
use std::ops::Range;
use std::sync::OnceLock;

use super::radix;

/// Results ranked at search time: more than any screen shows at once.
const HEAD: usize = 64;

/// What orders a result: `.0` first, then `.1`, then article order; smaller is better.
pub(crate) type Key = (u64, u64);

#[derive(Debug, Clone)]
pub(crate) struct Ranked {
    /// The results in article order, and their keys.
    ids: Vec<u32>,
    keys: Vec<Key>,
    /// The best `HEAD` results (all, when fewer), best first.
    head: Vec<u32>,
    /// Every result, best first, once something reads past `head`.
    all: OnceLock<Vec<u32>>,
}

impl Ranked {
    /// Ranks `ids`, given in article order, by `key`.
    pub(crate) fn new(ids: Vec<u32>, key: impl Fn(u32) -> Key) -> Ranked {
        let keys: Vec<Key> = ids.iter().map(|&d| key(d)).collect();
        // The worst of the best so far on top. Positions in `ids` follow article order, so
        // comparing (key, position) breaks ties as the full sort does.
        let mut best: BinaryHeap<(Key, usize)> = BinaryHeap::with_capacity(HEAD);
        for (i, &k) in keys.iter().enumerate() {
            if best.len() < HEAD {
                best.push((k, i));
            } else if let Some(mut worst) = best.peek_mut() {
                if (k, i) < *worst {
                    *worst = (k, i);
                }
            }
        }
        let head = best
            .into_sorted_vec()
            .into_iter()
            .map(|(_, i)| ids[i])
            .collect();
        Ranked {
            ids,
            keys,
            head,
            all: OnceLock::new(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The results in article order.
    pub(crate) fn in_article_order(&self) -> &[u32] {
        &self.ids
    }

    /// Every result, best first.
    pub(crate) fn all(&self) -> &[u32] {
        if self.head.len() == self.ids.len() {
            return &self.head;
        }
        self.all.get_or_init(|| {
            // Positions rather than ids, so each key is one index away. Radix sorts are
            // stable: by the second key, then the first, from article order.
            let mut order: Vec<u32> = (0..self.ids.len() as u32).collect();
            radix::sort_by_key(&mut order, |i| self.keys[i as usize].1);
            radix::sort_by_key(&mut order, |i| self.keys[i as usize].0);
            order.into_iter().map(|i| self.ids[i as usize]).collect()
        })
    }

    /// The results at `range` of [`Ranked::all`], clamped to the results there are; without
    /// sorting the rest when the range lies within the head.
    pub(crate) fn range(&self, range: Range<usize>) -> &[u32] {
        let end = range.end.min(self.len());
        let start = range.start.min(end);
        if end <= self.head.len() {
            &self.head[start..end]
        } else {
            &self.all()[start..end]
        }
    }
}

/// The same results with the same keys rank alike, whatever has been sorted yet.
impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.ids == other.ids && self.keys == other.keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::Rng;

    /// Against a stable sort of every id by its key, for sizes around the head's.
    #[test]
    fn ranks_as_a_stable_sort_does_from_any_end() {
        let mut rng = Rng(0x5eed_1234_abcd_0004);
        for n in [0, 1, 5, HEAD - 1, HEAD, HEAD + 1, 300, 5000] {
            let ids: Vec<u32> = (0..n as u32).map(|i| i * 3 + 1).collect();
            // Few distinct keys, so ties are many and article order must break them.
            let keys: Vec<Key> = ids
                .iter()
                .map(|_| (rng.below(4) as u64, rng.below(1 << 20) as u64 & 0xF0000))
                .collect();
            let key = |d: u32| keys[(d as usize - 1) / 3];
            let mut want = ids.clone();
            want.sort_by_key(|d| key(*d));

            let ranked = Ranked::new(ids.clone(), key);
            assert_eq!(ranked.len(), n);
            assert_eq!(ranked.range(0..10), &want[..n.min(10)], "n {n}");
            assert_eq!(ranked.range(n..n + 5), &[] as &[u32]);
            assert_eq!(ranked.all(), &want[..], "n {n}");
            let late = Ranked::new(ids, key);
            assert_eq!(late.range(n / 2..n), &want[n / 2..], "n {n}");
            assert!(late == ranked);
        }
    }
}
