//! Text matching and BM25F scoring over the position lists.
//!
//! Each clause's documents get a BM25F score (title occurrences weigh [`TITLE_WEIGHT`] times a
//! body occurrence). Consecutive plain query words found side by side in a document count as
//! adjacent pairs; ranking puts documents with more adjacent pairs first (a multi-syllable
//! Vietnamese word typed as separate syllables is found as the word before the scattered
//! syllables), then orders by score.

use super::index::SearchIndex;
use super::query::{Query, Seq};
use std::any::Any;
use std::rc::Rc;

/// Intermediate results kept between searches (see [`SearchIndex::cached`]).
const CACHED: usize = 24;

/// Per-document term frequencies of one query alternative: (document, in title, in body).
type DocTfs = Vec<(u32, u32, u32)>;

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
    /// Memoises `compute` under `key`. While typing, every word but the last repeats keystroke
    /// after keystroke, so their positions, frequencies and adjacencies are reused.
    fn cached<T: 'static>(&self, key: String, compute: impl FnOnce() -> T) -> Rc<T> {
        {
            let mut scratch = self.scratch.0.borrow_mut();
            if let Some(i) = scratch.cache.iter().position(|(k, _)| *k == key) {
                let entry = scratch.cache.remove(i);
                let value = entry.1.clone();
                scratch.cache.push(entry);
                if let Ok(value) = value.downcast::<T>() {
                    return value;
                }
            }
        }
        let value = Rc::new(compute());
        let mut scratch = self.scratch.0.borrow_mut();
        if scratch.cache.len() >= CACHED {
            scratch.cache.remove(0);
        }
        scratch.cache.push((key, value.clone() as Rc<dyn Any>));
        value
    }

    /// Global positions of a word: every term it matches (folded or exact, maybe as a prefix),
    /// one sorted run per term.
    fn word_positions(&self, word: &str, exact: bool, prefix: bool) -> Rc<Vec<u32>> {
        self.cached(format!("w{}{}{word}", exact as u8, prefix as u8), || {
            let mut out = Vec::new();
            for id in self.term_ids(word, exact, prefix) {
                self.push_positions(id, &mut out);
            }
            out
        })
    }

    /// The positions of a word as one sorted list, for adjacency tests. Only computed when
    /// needed: a word alone in the query is scored from its runs as they are.
    fn sorted_positions(&self, word: &str, exact: bool, prefix: bool) -> Rc<Vec<u32>> {
        let runs = self.word_positions(word, exact, prefix);
        if runs.is_sorted() {
            return runs;
        }
        self.cached(format!("o{}{}{word}", exact as u8, prefix as u8), || {
            let mut sorted = runs.to_vec();
            // The stable sort merges the already sorted runs in O(n log runs).
            sorted.sort();
            sorted
        })
    }

    fn seq_key(seq: &Seq, exact: bool) -> String {
        format!("{}{}{}", exact as u8, seq.prefix as u8, seq.words.join(" "))
    }

    /// Start positions of `seq`: where its first word is followed by the others in order
    /// (sorted when the sequence has several words).
    pub(crate) fn seq_positions(&self, seq: &Seq, exact: bool) -> Rc<Vec<u32>> {
        let last = seq.words.len() - 1;
        if last == 0 {
            return self.word_positions(&seq.words[0], exact, seq.prefix);
        }
        self.cached(format!("s{}", Self::seq_key(seq, exact)), || {
            let mut starts = self.sorted_positions(&seq.words[0], exact, false).to_vec();
            for (k, word) in seq.words.iter().enumerate().skip(1) {
                if starts.is_empty() {
                    break;
                }
                let next = self.sorted_positions(word, exact, seq.prefix && k == last);
                starts = self.followed_by(&starts, &next, k as u32);
            }
            starts
        })
    }

    /// Sorted start positions of `seq`.
    fn sorted_seq_positions(&self, seq: &Seq, exact: bool) -> Rc<Vec<u32>> {
        match seq.words.as_slice() {
            [word] => self.sorted_positions(word, exact, seq.prefix),
            _ => self.seq_positions(seq, exact),
        }
    }

    /// Title and body frequencies of `seq` per document containing it.
    fn seq_tfs(&self, seq: &Seq, exact: bool) -> Rc<DocTfs> {
        self.cached(format!("t{}", Self::seq_key(seq, exact)), || {
            let n = self.len();
            let (mut title, mut body) = (vec![0u32; n], vec![0u32; n]);
            let mut docs = Vec::new();
            self.docs_of(&self.seq_positions(seq, exact), |d, in_title| {
                if title[d] == 0 && body[d] == 0 {
                    docs.push(d);
                }
                if in_title {
                    title[d] += 1;
                } else {
                    body[d] += 1;
                }
            });
            docs.into_iter()
                .map(|d| (d as u32, title[d], body[d]))
                .collect()
        })
    }

    /// Documents where `a`'s last word is directly followed by `b`'s first.
    fn adjacent_docs(&self, a: &Seq, b: &Seq, exact: bool) -> Rc<Vec<u32>> {
        let key = format!("a{}|{}", Self::seq_key(a, exact), Self::seq_key(b, exact));
        self.cached(key, || {
            let starts = self.followed_by(
                &self.sorted_seq_positions(a, exact),
                &self.sorted_seq_positions(b, exact),
                1,
            );
            let mut docs = Vec::new();
            self.docs_of(&starts, |d, _| docs.push(d as u32));
            docs.sort_unstable();
            docs.dedup();
            docs
        })
    }

    /// The positions `p` of `a` such that `p + offset` is in `b`; both sorted, and so is the
    /// result. Each element of the shorter list gallops through the longer one, so the cost
    /// follows the shorter list: a rare word next to a very common one is cheap.
    fn followed_by(&self, a: &[u32], b: &[u32], offset: u32) -> Vec<u32> {
        let mut out = Vec::new();
        if a.len() <= b.len() {
            let mut from = 0;
            for p in a {
                let Some(q) = p.checked_add(offset) else {
                    break;
                };
                from = gallop(b, from, q);
                if b.get(from) == Some(&q) {
                    out.push(*p);
                }
            }
        } else {
            let mut from = 0;
            for q in b {
                let Some(p) = q.checked_sub(offset) else {
                    continue;
                };
                from = gallop(a, from, p);
                if a.get(from) == Some(&p) {
                    out.push(p);
                }
            }
        }
        out
    }

    /// Calls `each(document, in title)` for every position (documents repeat).
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
        for (ci, clause) in q.clauses.iter().enumerate() {
            for alt in &clause.alts {
                let tfs = self.seq_tfs(alt, exact);
                let df = tfs.len() as f32;
                let idf = (1.0 + (n as f32 - df + 0.5) / (df + 0.5)).ln();
                for &(d, in_title, in_body) in tfs.iter() {
                    let d = d as usize;
                    let title =
                        in_title as f32 / (1.0 - B + B * self.title_len[d] as f32 / self.avg_title);
                    let body =
                        in_body as f32 / (1.0 - B + B * self.body_len[d] as f32 / self.avg_body);
                    let tf = TITLE_WEIGHT * title + body;
                    m.score[d] += idf * tf / (K1 + tf);
                    if stamp[d] != ci {
                        stamp[d] = ci;
                        hits[d] += 1;
                    }
                }
            }
        }
        for pair in q.clauses.windows(2) {
            if let [a, b] = pair {
                if a.plain && b.plain {
                    for d in self.adjacent_docs(&a.alts[0], &b.alts[0], exact).iter() {
                        m.adjacent[*d as usize] = m.adjacent[*d as usize].saturating_add(1);
                    }
                }
            }
        }
        let need = q.clauses.len() as u32;
        for (d, matched) in m.matched.iter_mut().enumerate() {
            *matched = hits[d] == need;
        }
        for seq in &q.excluded {
            for &(d, _, _) in self.seq_tfs(seq, exact).iter() {
                m.matched[d as usize] = false;
            }
        }
        m
    }
}

/// The first index `i >= from` with `sorted[i] >= target` (or `sorted.len()`), found by doubling
/// steps from `from` then bisecting.
fn gallop(sorted: &[u32], from: usize, target: u32) -> usize {
    let mut lo = from;
    let mut step = 1;
    while lo + step < sorted.len() && sorted[lo + step] < target {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step + 1).min(sorted.len());
    lo + sorted[lo.min(hi)..hi].partition_point(|x| *x < target)
}
