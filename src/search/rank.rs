//! Text matching and BM25F scoring over the position lists.
//!
//! Each clause's documents get a BM25F score (title occurrences weigh [`TITLE_WEIGHT`] times a
//! body occurrence). Consecutive plain query words found side by side in a document count as
//! adjacent pairs; ranking puts documents with more adjacent pairs first (a multi-syllable
//! Vietnamese word typed as separate syllables is found as the word before the scattered
//! syllables), then orders by score.

use super::index::SearchIndex;
use super::query::{Query, Seq};

const K1: f32 = 1.2;
const B: f32 = 0.75;
/// How much more a title occurrence counts than a body occurrence.
pub const TITLE_WEIGHT: f32 = 3.0;

/// The outcome of matching a query's text against every document.
pub(crate) struct TextMatch {
    /// The document matches every clause and no exclusion.
    pub matched: Vec<bool>,
    pub score: Vec<f32>,
    /// Number of consecutive plain-word pairs found adjacent.
    pub adjacent: Vec<u8>,
}

impl SearchIndex {
    /// Global positions of a word: every term it matches (folded or exact, maybe as a prefix).
    fn word_positions(&self, word: &str, exact: bool, prefix: bool) -> Vec<u32> {
        let mut out = Vec::new();
        for id in self.term_ids(word, exact, prefix) {
            self.push_positions(id, &mut out);
        }
        out
    }

    /// Start positions of `seq`: where its first word is followed by the others in order.
    pub(crate) fn seq_positions(&self, seq: &Seq, exact: bool) -> Vec<u32> {
        let last = seq.words.len() - 1;
        let mut starts = self.word_positions(&seq.words[0], exact, seq.prefix && last == 0);
        for (k, word) in seq.words.iter().enumerate().skip(1) {
            if starts.is_empty() {
                break;
            }
            let next = self.word_positions(word, exact, seq.prefix && k == last);
            starts = self.followed_by(&starts, &next, k as u32);
        }
        starts
    }

    /// The positions `p` of `a` such that `p + offset` is in `b`, in no particular order. The
    /// smaller list is marked in a bitset over global positions and the larger one probes it.
    fn followed_by(&self, a: &[u32], b: &[u32], offset: u32) -> Vec<u32> {
        let mut bits = self.scratch.0.borrow_mut();
        let words = *self.doc_start.last().unwrap_or(&0) as usize / 64 + 2;
        if bits.len() < words {
            bits.resize(words, 0);
        }
        // Marks are at the `b` side's positions: `p + offset` for `a`, `q` itself for `b`.
        let (marked, probe, mark_shift, out_shift) = if a.len() <= b.len() {
            (a, b, offset, offset)
        } else {
            (b, a, 0, 0)
        };
        let limit = bits.len() as u32 * 64;
        for m in marked.iter().map(|m| m + mark_shift).filter(|m| *m < limit) {
            bits[m as usize / 64] |= 1 << (m % 64);
        }
        let hit = |q: u32| bits[q as usize / 64] & (1 << (q % 64)) != 0;
        let out = if a.len() <= b.len() {
            probe
                .iter()
                .filter(|q| hit(**q))
                .filter_map(|q| q.checked_sub(out_shift))
                .collect()
        } else {
            probe
                .iter()
                .copied()
                .filter(|p| p.checked_add(offset).is_some_and(|q| q < limit && hit(q)))
                .collect()
        };
        for m in marked.iter().map(|m| m + mark_shift).filter(|m| *m < limit) {
            bits[m as usize / 64] = 0;
        }
        out
    }

    /// Documents containing any of `positions`, each once, in first-seen order.
    pub(crate) fn docs_of(&self, positions: &[u32], mut each: impl FnMut(usize, bool)) {
        let mut doc = 0;
        for p in positions {
            doc = self.doc_of(*p, doc);
            each(doc, *p - self.doc_start[doc] < self.title_len[doc]);
        }
    }

    pub(crate) fn match_text(&self, q: &Query, exact: bool) -> TextMatch {
        let n = self.len();
        let mut m = TextMatch {
            matched: vec![true; n],
            score: vec![0.0; n],
            adjacent: vec![0; n],
        };
        if q.clauses.is_empty() && q.excluded.is_empty() {
            return m;
        }
        let mut hits = vec![0u32; n];
        let mut stamp = vec![usize::MAX; n];
        let (mut tf_title, mut tf_body) = (vec![0u32; n], vec![0u32; n]);
        let mut touched: Vec<usize> = Vec::new();
        let mut plain: Vec<Option<Vec<u32>>> = Vec::with_capacity(q.clauses.len());
        for (ci, clause) in q.clauses.iter().enumerate() {
            let mut kept = None;
            for alt in &clause.alts {
                let positions = self.seq_positions(alt, exact);
                self.docs_of(&positions, |d, in_title| {
                    if tf_title[d] == 0 && tf_body[d] == 0 {
                        touched.push(d);
                    }
                    if in_title {
                        tf_title[d] += 1;
                    } else {
                        tf_body[d] += 1;
                    }
                });
                let df = touched.len() as f32;
                let idf = (1.0 + (n as f32 - df + 0.5) / (df + 0.5)).ln();
                for d in touched.drain(..) {
                    let title = tf_title[d] as f32
                        / (1.0 - B + B * self.title_len[d] as f32 / self.avg_title);
                    let body =
                        tf_body[d] as f32 / (1.0 - B + B * self.body_len[d] as f32 / self.avg_body);
                    let tf = TITLE_WEIGHT * title + body;
                    m.score[d] += idf * tf / (K1 + tf);
                    if stamp[d] != ci {
                        stamp[d] = ci;
                        hits[d] += 1;
                    }
                    tf_title[d] = 0;
                    tf_body[d] = 0;
                }
                if clause.plain {
                    kept = Some(positions);
                }
            }
            plain.push(kept);
        }
        for (pair, w) in plain.windows(2).enumerate() {
            if let [Some(a), Some(b)] = w {
                let starts = self.followed_by(a, b, 1);
                self.docs_of(&starts, |d, _| {
                    if stamp[d] != usize::MAX - 1 - pair {
                        stamp[d] = usize::MAX - 1 - pair;
                        m.adjacent[d] = m.adjacent[d].saturating_add(1);
                    }
                });
            }
        }
        let need = q.clauses.len() as u32;
        for (d, matched) in m.matched.iter_mut().enumerate() {
            *matched = hits[d] == need;
        }
        for seq in &q.excluded {
            let positions = self.seq_positions(seq, exact);
            self.docs_of(&positions, |d, _| m.matched[d] = false);
        }
        m
    }
}
