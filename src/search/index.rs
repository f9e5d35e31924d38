//! The search index: building it from articles, and reading its terms' postings. Its binary
//! format is in [`super::format`].
//!
//! Every word occurrence gets a *global position*: documents are laid end to end, each as its
//! title, a gap, then its body blocks each followed by a gap. A term's postings are the sorted
//! list of its global positions, so one delta-coded list gives documents (by the position's
//! range), per-field term frequencies and phrase adjacency; the gaps stop phrases from running
//! across the title/body or block boundaries.

use super::facets::{Facet, FacetTable, FacetTables};
use super::fold::fold;
use super::format::put_varint;
use super::locate::DocLocator;
use super::rank;
use super::terms::{Dictionary, Term, Terms};
use super::tokenize::{word_ranges, Keys};
use crate::bundle::Article;
use fnv::{FnvHashMap, FnvHasher};
use std::any::Any;
use std::fmt;
use std::hash::Hasher;
use std::sync::{Arc, Mutex, MutexGuard};

/// Postings bytes a prefix may expand to (see [`SearchIndex::term_ids`]).
pub const PREFIX_BUDGET: usize = 160 * 1024;

/// Memory reused across searches: a bitset over global positions for adjacency tests, and the
/// positions of recently searched words. It carries no index data, so it is ignored by
/// equality and not serialised.
#[derive(Default)]
pub(crate) struct Scratch(pub(crate) Mutex<ScratchData>);

#[derive(Default)]
pub(crate) struct ScratchData {
    pub(crate) bits: Vec<u64>,
    /// Memoised intermediate results by key, least recently used first.
    pub(crate) cache: Vec<(String, Arc<dyn Any + Send + Sync>)>,
}

impl Scratch {
    /// The scratch memory for one search. A mutex rather than a cell keeps the index `Sync`, so
    /// it can live in shared UI state; searches never run concurrently, so it is uncontended.
    pub(crate) fn lock(&self) -> MutexGuard<'_, ScratchData> {
        // A panic mid-search leaves only reusable memory behind; the data is still sound.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl PartialEq for Scratch {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Clone for Scratch {
    fn clone(&self) -> Self {
        Scratch::default()
    }
}

impl fmt::Debug for Scratch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Scratch")
    }
}

/// A full-text and facet index over a list of articles; documents are their indices in it.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchIndex {
    /// FNV-1a hash of the article ids in order, to check an index belongs to a bundle.
    pub(crate) ids_hash: u64,
    pub(crate) title_len: Vec<u32>,
    pub(crate) body_len: Vec<u32>,
    /// Global position where each document starts, plus the end of the last one.
    pub(crate) doc_start: Vec<u32>,
    /// Published date as `yyyymmdd` (0 when unknown).
    pub(crate) published: Vec<u32>,
    /// Latest conference date as `yyyymmdd` (0 when none).
    pub(crate) conf_date: Vec<u32>,
    pub(crate) terms: Dictionary,
    /// One table per [`Facet::ALL`] entry, in that order; shared with the results, which name
    /// their values only when asked.
    pub(crate) facets: FacetTables,
    pub(crate) avg_title: f32,
    pub(crate) avg_body: f32,
    /// BM25 length normalisation of each document's title and body, derived at load.
    pub(crate) title_norm: Vec<f32>,
    pub(crate) body_norm: Vec<f32>,
    /// Derived from `doc_start` at load.
    pub(crate) locator: DocLocator,
    pub(crate) scratch: Scratch,
}

fn ids_hash(articles: &[Article]) -> u64 {
    let mut h = FnvHasher::default();
    for a in articles {
        h.write(a.id.as_bytes());
        h.write(&[0xff]);
    }
    h.finish()
}

/// `yyyymmdd` from an ISO date or date-time; missing month or day count as 0.
pub(crate) fn date_number(s: &str) -> Option<u32> {
    let mut parts = s.get(..10).unwrap_or(s).splitn(3, '-');
    let year: u32 = parts
        .next()?
        .parse()
        .ok()
        .filter(|y| (1000..=9999).contains(y))?;
    let month: u32 = parts
        .next()
        .map_or(Some(0), |m| m.parse().ok().filter(|m| *m <= 12))?;
    let day: u32 = parts
        .next()
        .map_or(Some(0), |d| d.parse().ok().filter(|d| *d <= 31))?;
    Some(year * 10000 + month * 100 + day)
}

struct TermBuild {
    folded: String,
    exact: String,
    positions: Vec<u32>,
}

impl SearchIndex {
    /// Builds the index of `articles`; document `i` is `articles[i]`.
    pub fn build(articles: &[Article]) -> SearchIndex {
        // FNV: tiny and fast on these short keys.
        let mut ids: FnvHashMap<String, u32> = FnvHashMap::default();
        let mut terms: Vec<TermBuild> = Vec::new();
        let mut keys = Keys::default();
        let mut pos: u32 = 0;
        let (mut title_len, mut body_len, mut doc_start) = (vec![], vec![], vec![]);
        let mut add_text = |text: &str, pos: &mut u32| -> u32 {
            let mut n = 0;
            for r in word_ranges(text) {
                keys.set(&text[r]);
                let id = match ids.get(keys.exact.as_str()) {
                    Some(id) => *id,
                    None => {
                        let id = terms.len() as u32;
                        ids.insert(keys.exact.clone(), id);
                        let (folded, exact) = (keys.folded.clone(), keys.exact.clone());
                        terms.push(TermBuild {
                            folded,
                            exact,
                            positions: Vec::new(),
                        });
                        id
                    }
                };
                terms[id as usize].positions.push(*pos);
                *pos += 1;
                n += 1;
            }
            n
        };
        for a in articles {
            doc_start.push(pos);
            title_len.push(add_text(&a.title, &mut pos));
            pos += 1;
            let mut body = 0;
            for block in &a.body {
                body += add_text(block.text(), &mut pos);
                pos += 1;
            }
            body_len.push(body);
        }
        doc_start.push(pos);
        terms.sort_unstable_by(|a, b| (&a.folded, &a.exact).cmp(&(&b.folded, &b.exact)));

        let mut table = Terms::default();
        let mut postings = Vec::new();
        for t in &terms {
            postings.clear();
            let mut prev = 0;
            for p in &t.positions {
                put_varint(&mut postings, p - prev);
                prev = *p;
            }
            table.push(Term {
                folded: &t.folded,
                exact: &t.exact,
                postings: &postings,
            });
        }
        let mut index = SearchIndex {
            ids_hash: ids_hash(articles),
            title_len,
            body_len,
            doc_start,
            published: articles
                .iter()
                .map(|a| a.published.as_deref().and_then(date_number).unwrap_or(0))
                .collect(),
            conf_date: articles
                .iter()
                .map(|a| {
                    let dates = a.conferences.iter().filter_map(|c| c.date.as_deref());
                    dates.filter_map(date_number).max().unwrap_or(0)
                })
                .collect(),
            facets: FacetTables::new(
                Facet::ALL
                    .iter()
                    .map(|f| FacetTable::build(*f, articles))
                    .collect(),
            ),
            ..SearchIndex::empty()
        };
        index.terms.add(table);
        index.derive();
        index
    }

    /// No documents and no terms, nothing derived: a start for building or reading one.
    pub(super) fn empty() -> SearchIndex {
        SearchIndex {
            ids_hash: 0,
            title_len: vec![],
            body_len: vec![],
            doc_start: vec![],
            published: vec![],
            conf_date: vec![],
            terms: Dictionary::default(),
            facets: FacetTables::default(),
            avg_title: 0.0,
            avg_body: 0.0,
            title_norm: vec![],
            body_norm: vec![],
            locator: DocLocator::default(),
            scratch: Scratch::default(),
        }
    }

    /// Fills the fields computed from the stored ones.
    pub(super) fn derive(&mut self) {
        self.locator = DocLocator::new(&self.doc_start);
        let n = self.title_len.len().max(1) as f32;
        self.avg_title = (self.title_len.iter().map(|l| *l as f32).sum::<f32>() / n).max(1.0);
        self.avg_body = (self.body_len.iter().map(|l| *l as f32).sum::<f32>() / n).max(1.0);
        let norm = |len: &[u32], avg: f32| -> Vec<f32> {
            len.iter()
                .map(|l| 1.0 - rank::B + rank::B * *l as f32 / avg)
                .collect()
        };
        self.title_norm = norm(&self.title_len, self.avg_title);
        self.body_norm = norm(&self.body_len, self.avg_body);
    }

    /// Frees the memory kept between searches (cached word positions, adjacency bitset).
    pub fn clear_cache(&self) {
        *self.scratch.lock() = ScratchData::default();
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.title_len.len()
    }

    pub fn is_empty(&self) -> bool {
        self.title_len.is_empty()
    }

    /// Number of distinct terms (exact forms).
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// True when this index was built from exactly these articles (same ids, same order).
    pub fn matches(&self, articles: &[Article]) -> bool {
        articles.len() == self.len() && ids_hash(articles) == self.ids_hash
    }

    pub(crate) fn term(&self, i: usize) -> Term<'_> {
        self.terms.get(i)
    }

    /// Term ids matching a query word: by folded key, or by exact key when `exact`; with
    /// `prefix`, terms starting with the word. A one-character prefix matches only the word
    /// itself, and a prefix's expansion stops at [`PREFIX_BUDGET`] postings bytes, rarest terms
    /// first: rare completions are the ones the user is most likely typing towards
    /// (`dan van kh` → khéo), and the budget keeps every keystroke fast on large archives.
    pub(crate) fn term_ids(&self, word: &str, exact: bool, prefix: bool) -> Vec<usize> {
        let folded_word = if exact { fold(word) } else { word.to_string() };
        let prefix = prefix && folded_word.chars().nth(1).is_some();
        let key = if exact { word } else { folded_word.as_str() };
        let form = |i: usize| {
            let t = self.term(i);
            if exact {
                t.exact
            } else {
                t.folded
            }
        };
        let mut ids: Vec<usize> = self
            .terms
            .range(&folded_word, prefix)
            .filter(|i| {
                let t = form(*i);
                if prefix {
                    t.starts_with(key)
                } else {
                    t == key
                }
            })
            .collect();
        let size = |i: usize| self.term(i).postings.len();
        if prefix && ids.iter().map(|i| size(*i)).sum::<usize>() > PREFIX_BUDGET {
            let is_word = |i: usize| form(i) == key;
            ids.sort_by_cached_key(|i| (!is_word(*i), size(*i)));
            let mut total = 0;
            ids.retain(|i| {
                total += size(*i);
                is_word(*i) || total <= PREFIX_BUDGET
            });
            ids.sort_unstable();
        }
        ids
    }

    /// One past the last global position.
    pub(crate) fn positions_end(&self) -> u32 {
        *self.doc_start.last().unwrap_or(&0)
    }

    /// The global positions of term `id`, in order.
    pub(crate) fn positions(&self, id: usize) -> Positions<'_> {
        Positions {
            bytes: self.term(id).postings.iter(),
            at: 0,
            limit: self.positions_end(),
        }
    }

    /// Appends the global positions of term `id` to `out`.
    pub(crate) fn push_positions(&self, id: usize, out: &mut Vec<u32>) {
        // Every position takes a byte or more. Written into a slice: pushing one by one is
        // several times slower in the size-optimised build.
        let start = out.len();
        out.resize(start + self.term(id).postings.len(), 0);
        let mut n = 0;
        for (slot, p) in out[start..].iter_mut().zip(self.positions(id)) {
            *slot = p;
            n += 1;
        }
        out.truncate(start + n);
    }

    /// Adds a term chunk of a sharded bundle; chunks may come in any order. Words whose chunks
    /// have all been added are searched exactly as in the whole index; words elsewhere match
    /// nothing. The chunk is kept as decoded, so the terms already here are not copied again.
    pub fn add_terms(&mut self, chunk: Terms) {
        self.terms.add(chunk);
        // Memoised positions may lack the new chunk's terms; the adjacency bitset is still good.
        self.scratch.lock().cache.clear();
    }
}

/// Decodes a term's postings. Damaged postings end the list early rather than yielding
/// positions outside the index. Numbers are read as [`super::format::Reader::varint`] reads
/// them, but inline, one-byte numbers first and without error values: this is the innermost
/// loop of a search.
pub(crate) struct Positions<'a> {
    bytes: std::slice::Iter<'a, u8>,
    /// The last position returned.
    at: u32,
    /// The end of the last document.
    limit: u32,
}

impl Iterator for Positions<'_> {
    type Item = u32;

    #[inline(always)]
    fn next(&mut self) -> Option<u32> {
        // Most gaps between a word's occurrences take one byte.
        let delta = match *self.bytes.next()? {
            b if b < 0x80 => u64::from(b),
            b => self.long(b)?,
        };
        // Neither sum can overflow a u64; one past the last document ends the list.
        let next = u64::from(self.at) + delta;
        if next < u64::from(self.limit) {
            self.at = next as u32;
            Some(self.at)
        } else {
            self.stop()
        }
    }
}

impl Positions<'_> {
    /// The rest of a number of several bytes starting with `first`; `None` past five bytes.
    #[inline(always)]
    fn long(&mut self, first: u8) -> Option<u64> {
        let (mut delta, mut shift) = (u64::from(first & 0x7f), 7);
        while shift < 35 {
            let Some(&b) = self.bytes.next() else {
                break;
            };
            delta |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(delta);
            }
            shift += 7;
        }
        self.stop()
    }

    fn stop<T>(&mut self) -> Option<T> {
        self.bytes = [].iter();
        None
    }
}
