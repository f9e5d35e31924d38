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
use std::sync::Arc;

/// Intermediate results kept between searches (see [`SearchIndex::cached`]): a few searches'
/// worth, as the app prepares the likeliest next keystrokes' words besides the current ones
/// (src/search/ahead.rs), each two or three entries.
const CACHED: usize = 24;

/// Per-document term frequencies of one query alternative: (document, in title, in body).
type DocTfs = Vec<(u32, u32, u32)>;

/// One query alternative's BM25F score in each document containing it, by document.
type DocScores = Vec<(u32, f32)>;

const K1: f32 = 1.2;
pub(crate) const B: f32 = 0.75;
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

/// Collects [`DocTfs`] from runs of positions by document ([`SearchIndex::runs_of`]). Runs in
/// document order need no per-document arrays, until a document comes after a later one (a
/// prefix's terms are sorted lists one after the other): counting then goes on in arrays.
struct TfsBuilder {
    runs: DocTfs,
    /// Body and title frequencies by document, once the runs are out of order. A boxed
    /// slice: indexing a `Vec` is a call in the size-optimised build.
    dense: Option<Box<[[u32; 2]]>>,
    /// Number of documents.
    n: usize,
}

impl TfsBuilder {
    fn new(n: usize) -> Self {
        TfsBuilder {
            runs: Vec::new(),
            dense: None,
            n,
        }
    }

    /// Adds `title` and `body` occurrences in document `d`.
    #[inline(always)]
    fn add(&mut self, d: usize, title: u32, body: u32) {
        if self.dense.is_none() {
            match self.runs.last_mut() {
                Some(last) if last.0 == d as u32 => {
                    last.1 += title;
                    last.2 += body;
                    return;
                }
                Some(last) if last.0 > d as u32 => self.switch_to_dense(),
                _ => {
                    self.runs.push((d as u32, title, body));
                    return;
                }
            }
        }
        if let Some(dense) = &mut self.dense {
            let counts = &mut dense[d];
            counts[0] += body;
            counts[1] += title;
        }
    }

    /// Moves the runs so far to per-document arrays.
    fn switch_to_dense(&mut self) {
        let mut dense = vec![[0u32; 2]; self.n].into_boxed_slice();
        for &(d, t, b) in &self.runs {
            dense[d as usize] = [b, t];
        }
        self.dense = Some(dense);
    }

    /// The frequencies by document.
    fn finish(self) -> DocTfs {
        let Some(dense) = self.dense else {
            return self.runs;
        };
        let mut tfs = Vec::new();
        for (d, [b, t]) in dense.iter().enumerate() {
            if t + b > 0 {
                tfs.push((d as u32, *t, *b));
            }
        }
        tfs
    }
}

impl SearchIndex {
    /// Memoises `compute` under `key`. While typing, every word but the last repeats keystroke
    /// after keystroke, so their positions, scores and adjacencies are reused.
    pub(crate) fn cached<T: Send + Sync + 'static>(
        &self,
        key: String,
        compute: impl FnOnce() -> T,
    ) -> Arc<T> {
        if let Some(value) = self.lookup(&key) {
            return value;
        }
        let value = Arc::new(compute());
        let mut scratch = self.scratch.lock();
        if scratch.cache.len() >= CACHED {
            scratch.cache.remove(0);
        }
        scratch
            .cache
            .push((key, value.clone() as Arc<dyn Any + Send + Sync>));
        value
    }

    /// The value memoised under `key`, if any.
    fn lookup<T: Send + Sync + 'static>(&self, key: &str) -> Option<Arc<T>> {
        let mut scratch = self.scratch.lock();
        let i = scratch.cache.iter().position(|(k, _)| k == key)?;
        let entry = scratch.cache.remove(i);
        let value = entry.1.clone();
        scratch.cache.push(entry);
        value.downcast::<T>().ok()
    }

    fn is_cached<T: Send + Sync + 'static>(&self, key: &str) -> bool {
        self.lookup::<T>(key).is_some()
    }

    fn word_key(word: &str, exact: bool, prefix: bool) -> String {
        format!("w{}{}{word}", exact as u8, prefix as u8)
    }

    /// Global positions of a word: every term it matches (folded or exact, maybe as a prefix).
    pub(super) fn word_positions(&self, word: &str, exact: bool, prefix: bool) -> Arc<Vec<u32>> {
        self.cached(Self::word_key(word, exact, prefix), || {
            let mut out = Vec::new();
            for id in self.term_ids(word, exact, prefix) {
                self.push_positions(id, &mut out);
            }
            out
        })
    }

    fn seq_key(seq: &Seq, exact: bool) -> String {
        format!("{}{}{}", exact as u8, seq.prefix as u8, seq.words.join(" "))
    }

    /// Start positions of `seq`: where its first word is followed by the others in order.
    pub(crate) fn seq_positions(&self, seq: &Seq, exact: bool) -> Arc<Vec<u32>> {
        let last = seq.words.len() - 1;
        if last == 0 {
            return self.word_positions(&seq.words[0], exact, seq.prefix);
        }
        self.cached(format!("s{}", Self::seq_key(seq, exact)), || {
            let mut starts = self.word_positions(&seq.words[0], exact, false).to_vec();
            for (k, word) in seq.words.iter().enumerate().skip(1) {
                if starts.is_empty() {
                    break;
                }
                let next = self.word_positions(word, exact, seq.prefix && k == last);
                starts = self.followed_by(&starts, &next, k as u32);
            }
            starts
        })
    }

    /// The BM25F score of `seq` in each document containing it, by document: kept between
    /// keystrokes, so a word typed before costs one addition per document. Its frequencies are
    /// read straight from its terms' postings, for a single word whose positions are not at
    /// hand.
    fn seq_scores(&self, seq: &Seq, exact: bool) -> Arc<DocScores> {
        self.cached(Self::scores_key(seq, exact), || {
            let mut tfs = TfsBuilder::new(self.len());
            let positions = match seq.words.as_slice() {
                [word] => self.lookup::<Vec<u32>>(&Self::word_key(word, exact, seq.prefix)),
                _ => Some(self.seq_positions(seq, exact)),
            };
            match positions {
                Some(positions) => {
                    self.runs_of(positions.iter().copied(), |d, t, b| tfs.add(d, t, b));
                }
                None => {
                    for id in self.term_ids(&seq.words[0], exact, seq.prefix) {
                        self.runs_of(self.positions(id), |d, t, b| tfs.add(d, t, b));
                    }
                }
            }
            self.scores(tfs.finish())
        })
    }

    fn scores_key(seq: &Seq, exact: bool) -> String {
        format!("t{}", Self::seq_key(seq, exact))
    }

    /// BM25F from per-document frequencies.
    fn scores(&self, tfs: DocTfs) -> DocScores {
        let n = self.len() as f32;
        let df = tfs.len() as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        let (title_norm, body_norm): (&[f32], &[f32]) = (&self.title_norm, &self.body_norm);
        tfs.into_iter()
            .map(|(d, in_title, in_body)| {
                let i = d as usize;
                let title = in_title as f32 / title_norm[i];
                let body = in_body as f32 / body_norm[i];
                let tf = TITLE_WEIGHT * title + body;
                (d, idf * tf / (K1 + tf))
            })
            .collect()
    }

    fn adjacent_key(a: &Seq, b: &Seq, exact: bool) -> String {
        format!("a{}|{}", Self::seq_key(a, exact), Self::seq_key(b, exact))
    }

    /// Documents where `a`'s last word is directly followed by `b`'s first.
    fn adjacent_docs(&self, a: &Seq, b: &Seq, exact: bool) -> Arc<Vec<u32>> {
        self.cached(Self::adjacent_key(a, b, exact), || {
            self.docs_of(self.followed_by(
                &self.seq_positions(a, exact),
                &self.seq_positions(b, exact),
                1,
            ))
        })
    }

    /// The documents holding `positions`, in order, once each.
    fn docs_of(&self, positions: Vec<u32>) -> Vec<u32> {
        let mut docs = Vec::new();
        self.runs_of(positions, |d, _, _| docs.push(d as u32));
        docs.sort_unstable();
        docs.dedup();
        docs
    }

    /// The positions `p` of `a` such that `p + offset` is in `b`, in no particular order. The
    /// smaller list is marked in a bitset over global positions and the larger one probes it.
    fn followed_by(&self, a: &[u32], b: &[u32], offset: u32) -> Vec<u32> {
        // Marks are at the `b` side's positions: `p + offset` for `a`, `q` itself for `b`; the
        // other list probes them the same way.
        let (marked, probe, mark_shift, probe_shift) = if a.len() <= b.len() {
            (a, b, offset, 0)
        } else {
            (b, a, 0, offset)
        };
        let mut scratch = self.scratch.lock();
        let marks = Marks::new(&mut scratch.bits, self.positions_end(), marked, mark_shift);
        let mut out = Vec::new();
        for &q in probe {
            if let Some(found) = q.checked_add(probe_shift) {
                if marks.has(found) {
                    // A mark is at least `offset`.
                    out.push(found - offset);
                }
            }
        }
        out
    }

    /// The terms of `word` as a prefix, when its positions are better decoded once in passing
    /// than kept: it is the query's last word, typed as a prefix, whose positions no later
    /// keystroke reuses (the next letter makes it another word), and writing them out only to
    /// read them twice took about a tenth of such a keystroke's search. `None` where keeping
    /// them is as cheap: they are memoised already, or few next to the `marked` positions they
    /// are matched against.
    pub(super) fn streamed_prefix(
        &self,
        word: &str,
        exact: bool,
        marked: usize,
    ) -> Option<Vec<usize>> {
        if self.is_cached::<Vec<u32>>(&Self::word_key(word, exact, true)) {
            return None;
        }
        let ids = self.term_ids(word, exact, true);
        // Every position takes a byte or more of postings.
        let bytes: usize = ids.iter().map(|i| self.term(*i).postings.len()).sum();
        (bytes >= marked).then_some(ids)
    }

    /// For a pair of plain words whose second, `b`, is the query's last word typed as a prefix:
    /// `b`'s scores and the documents where `a` is directly followed by `b`, memoised as
    /// [`Self::seq_scores`] and [`Self::adjacent_docs`] would, from one pass over `b`'s
    /// postings ([`Self::streamed_prefix`]). False, and nothing done, where that does not pay.
    fn score_last_after(&self, a: &Seq, b: &Seq, exact: bool) -> bool {
        let [word] = b.words.as_slice() else {
            return false;
        };
        let scores_key = Self::scores_key(b, exact);
        if !b.prefix || self.is_cached::<DocScores>(&scores_key) {
            return false;
        }
        let before = self.seq_positions(a, exact);
        let Some(ids) = self.streamed_prefix(word, exact, before.len()) else {
            return false;
        };
        let mut tfs = TfsBuilder::new(self.len());
        let mut starts = Vec::new();
        {
            let mut scratch = self.scratch.lock();
            let marks = Marks::new(&mut scratch.bits, self.positions_end(), &before, 1);
            for id in ids {
                let positions = self.positions(id).inspect(|&q| {
                    if marks.has(q) {
                        starts.push(q - 1);
                    }
                });
                self.runs_of(positions, |d, t, b| tfs.add(d, t, b));
            }
        }
        let scores = self.scores(tfs.finish());
        self.cached(scores_key, || scores);
        let docs = self.docs_of(starts);
        self.cached(Self::adjacent_key(a, b, exact), || docs);
        true
    }

    /// Calls `each(document, in title, in body)` for every run of positions in one document
    /// (documents repeat when the positions go back). Counting a run in locals and handing it
    /// over once keeps the per-position loop short.
    pub(crate) fn runs_of(
        &self,
        positions: impl IntoIterator<Item = u32>,
        mut each: impl FnMut(usize, u32, u32),
    ) {
        let (starts, title_len): (&[u32], &[u32]) = (&self.doc_start, &self.title_len);
        // The current document's range and title end, and its counts so far.
        let (mut doc, mut start, mut title_end, mut end) = (0, 0, 0, 0);
        let (mut title, mut body) = (0, 0);
        for p in positions {
            if p < start || p >= end {
                if title + body > 0 {
                    each(doc, title, body);
                }
                (title, body) = (0, 0);
                doc = self.locator.doc(starts, p);
                (start, end) = (starts[doc], starts[doc + 1]);
                title_end = start + title_len[doc];
            }
            if p < title_end {
                title += 1;
            } else {
                body += 1;
            }
        }
        if title + body > 0 {
            each(doc, title, body);
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
        let pairs: Vec<(&Seq, &Seq)> = q
            .clauses
            .windows(2)
            .filter_map(|pair| match pair {
                [a, b] if a.plain && b.plain => Some((&a.alts[0], &b.alts[0])),
                _ => None,
            })
            .collect();
        // Words in adjacent pairs need their positions: decoded first, they give the words'
        // frequencies too. A last word typed as a prefix is scored and paired in one pass. A
        // pair already scored and paired (the same words searched again with other filters, or
        // sorted otherwise) needs neither.
        for (a, b) in &pairs {
            if self.is_cached::<Vec<u32>>(&Self::adjacent_key(a, b, exact))
                && self.is_cached::<DocScores>(&Self::scores_key(a, exact))
                && self.is_cached::<DocScores>(&Self::scores_key(b, exact))
            {
                continue;
            }
            self.seq_positions(a, exact);
            if !self.score_last_after(a, b, exact) {
                self.seq_positions(b, exact);
            }
        }
        // Clauses matched so far, counted only in order: a document reaches `ci + 1` on
        // clause `ci` only if it matched every earlier one, and alternatives count once.
        let mut hits = vec![0u32; n];
        let (score, hits): (&mut [f32], &mut [u32]) = (&mut m.score, &mut hits);
        for (ci, clause) in q.clauses.iter().enumerate() {
            for alt in &clause.alts {
                for &(d, s) in self.seq_scores(alt, exact).iter() {
                    let d = d as usize;
                    score[d] += s;
                    if hits[d] == ci as u32 {
                        hits[d] += 1;
                    }
                }
            }
        }
        for (a, b) in pairs {
            for d in self.adjacent_docs(a, b, exact).iter() {
                m.adjacent[*d as usize] = m.adjacent[*d as usize].saturating_add(1);
            }
        }
        let need = q.clauses.len() as u32;
        for (d, matched) in m.matched.iter_mut().enumerate() {
            *matched = hits[d] == need;
        }
        for seq in &q.excluded {
            for &(d, _) in self.seq_scores(seq, exact).iter() {
                m.matched[d as usize] = false;
            }
        }
        m
    }
}

/// A bitset over global positions with `list`'s positions plus `shift` set, cleared again when
/// dropped, so the next search finds it empty.
struct Marks<'a> {
    bits: &'a mut [u64],
    list: &'a [u32],
    shift: u32,
}

impl<'a> Marks<'a> {
    /// Marks in `bits`, grown first to cover positions below `end` (and what a shift adds).
    fn new(bits: &'a mut Vec<u64>, end: u32, list: &'a [u32], shift: u32) -> Self {
        let words = end as usize / 64 + 2;
        if bits.len() < words {
            // Cleared after every use, so a new bitset can start as the system's zeroed pages
            // (mapped as touched) rather than megabytes written with zeros.
            *bits = vec![0; words];
        }
        let bits: &mut [u64] = bits;
        for p in shifted(list, shift, bits.len()) {
            bits[p / 64] |= 1u64 << (p % 64);
        }
        Marks { bits, list, shift }
    }

    #[inline(always)]
    fn has(&self, q: u32) -> bool {
        let q = q as usize;
        self.bits
            .get(q / 64)
            .is_some_and(|word| word & (1u64 << (q % 64)) != 0)
    }
}

impl Drop for Marks<'_> {
    fn drop(&mut self) {
        for p in shifted(self.list, self.shift, self.bits.len()) {
            self.bits[p / 64] = 0;
        }
    }
}

/// `list`'s positions plus `shift`, those that fit a bitset of `words` words.
fn shifted(list: &[u32], shift: u32, words: usize) -> impl Iterator<Item = usize> + '_ {
    list.iter().filter_map(move |p| {
        p.checked_add(shift)
            .map(|p| p as usize)
            .filter(|p| *p < words * 64)
    })
}
