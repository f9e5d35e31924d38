//! Highlight ranges and snippets, computed lazily per visible article.
//!
//! Matching uses the same keys as the index, so a folded query (`dan van`) highlights the
//! accented words ("Dân vận"); ranges are byte ranges into the original text and always lie on
//! character boundaries because they come from the tokenizer.

use super::fold::{fold, push_folded};
use super::query::{NoVocab, Query};
use super::tokenize::{word_ranges, Keys};
use crate::bundle::Article;
use std::ops::Range;

/// Words to highlight: what a query's positive clauses look for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Highlighter {
    exact: bool,
    /// (key, matches as prefix); a word's index here identifies it when scoring snippets.
    words: Vec<(String, bool)>,
    /// First bytes of the words' folded forms (non-ASCII first letters disable the shortcut).
    firsts: Vec<u8>,
}

/// Words of a text with the query word each matches.
type Words = Vec<(Range<usize>, Option<usize>)>;

/// A short passage of an article around its best match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// Index of the body block the passage comes from.
    pub block: usize,
    /// Byte offset of `text` in that block's text.
    pub start: usize,
    pub text: String,
    /// Byte ranges of matched words in `text`.
    pub ranges: Vec<Range<usize>>,
    /// The passage starts after the block's start / ends before its end (show "…").
    pub cut_before: bool,
    pub cut_after: bool,
}

/// Words in a snippet.
const SNIPPET_WORDS: usize = 30;
/// Words of context kept before the first match.
const LEAD_WORDS: usize = 6;

impl Highlighter {
    /// Highlights the words a parsed query searches for.
    pub fn from_query(q: &Query, exact: bool) -> Highlighter {
        let mut words: Vec<(String, bool)> = Vec::new();
        for seq in q.clauses.iter().flat_map(|c| &c.alts) {
            let last = seq.words.len() - 1;
            for (i, w) in seq.words.iter().enumerate() {
                let entry = (w.clone(), seq.prefix && i == last);
                if !words.contains(&entry) {
                    words.push(entry);
                }
            }
        }
        let mut firsts = Vec::new();
        for (w, _) in &words {
            let folded = fold(w);
            match folded.chars().next() {
                Some(c) if c.is_ascii() => firsts.push(c as u8),
                // Anything is possible: accept every first letter.
                _ => firsts.extend(0..=0x7f),
            }
        }
        Highlighter {
            exact,
            words,
            firsts,
        }
    }

    /// Parses `query` (field filters are not highlighted) and highlights its words.
    pub fn new(query: &str, exact: bool) -> Highlighter {
        Highlighter::from_query(&Query::parse(query, exact, &NoVocab), exact)
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Which query word `key` matches, if any.
    fn which(&self, key: &str) -> Option<usize> {
        self.words.iter().position(|(w, prefix)| {
            if *prefix {
                key.starts_with(w.as_str())
            } else {
                key == w
            }
        })
    }

    /// Words of `text` with the query word each matches.
    fn words_of(&self, text: &str) -> Words {
        let mut keys = Keys::default();
        let mut first = String::new();
        word_ranges(text)
            .map(|r| {
                // Most words cannot match: their folded first letter already differs, and
                // that check is much cheaper than computing the word's key.
                first.clear();
                text[r.clone()]
                    .chars()
                    .take(1)
                    .for_each(|c| push_folded(&mut first, c));
                if first.len() == 1 && !self.firsts.contains(&first.as_bytes()[0]) {
                    return (r, None);
                }
                keys.set_key(&text[r.clone()], self.exact);
                let hit = self.which(keys.key(self.exact));
                (r, hit)
            })
            .collect()
    }

    /// Byte ranges of the matched words in `text`.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        if self.is_empty() {
            return vec![];
        }
        self.words_of(text)
            .into_iter()
            .filter_map(|(r, hit)| hit.map(|_| r))
            .collect()
    }

    /// The passage of the article's body with the most distinct query words, or its opening
    /// when nothing matches; `None` for an article without body text.
    pub fn snippet(&self, article: &Article) -> Option<Snippet> {
        // (distinct query words, block, first word of the window, words of the block)
        let mut best: Option<(usize, usize, usize, Words)> = None;
        for (b, block) in article.body.iter().enumerate() {
            let words = self.words_of(block.text());
            if words.is_empty() {
                continue;
            }
            if best.is_none() {
                best = Some((0, b, 0, words.clone()));
            }
            let (start, distinct) = best_window(&words, self.words.len());
            if distinct > best.as_ref().map_or(0, |x| x.0) {
                best = Some((distinct, b, start, words));
            }
            // Every query word is in view, or there are none (browsing by facets): no later
            // block can do better, and reading the whole body for nothing showed in profiles.
            if best.as_ref().is_some_and(|x| x.0 == self.words.len()) {
                break;
            }
        }
        let (_, block, first, words) = best?;
        let text = article.body[block].text();
        let last = (first + SNIPPET_WORDS).min(words.len()) - 1;
        let (start, end) = (words[first].0.start, words[last].0.end);
        let ranges = words[first..=last]
            .iter()
            .filter(|(_, hit)| hit.is_some())
            .map(|(r, _)| r.start - start..r.end - start)
            .collect();
        Some(Snippet {
            block,
            start,
            text: text[start..end].to_string(),
            ranges,
            cut_before: first > 0,
            cut_after: last + 1 < words.len(),
        })
    }
}

/// First word of the window of [`SNIPPET_WORDS`] words holding the most distinct query words,
/// and that number.
fn best_window(words: &Words, n_query: usize) -> (usize, usize) {
    let mut best = (0, 0);
    let mut seen = vec![false; n_query];
    for (i, _) in words
        .iter()
        .enumerate()
        .filter(|(_, (_, hit))| hit.is_some())
    {
        seen.iter_mut().for_each(|s| *s = false);
        let window = &words[i..(i + SNIPPET_WORDS - LEAD_WORDS).min(words.len())];
        let distinct = window
            .iter()
            .filter_map(|(_, hit)| *hit)
            .filter(|h| !std::mem::replace(&mut seen[*h], true))
            .count();
        if distinct > best.1 {
            best = (i.saturating_sub(LEAD_WORDS), distinct);
            if distinct == n_query {
                break;
            }
        }
    }
    best
}

/// Byte ranges in `text` of the words `highlighter` matches (for the reader's blocks).
pub fn highlight_ranges(text: &str, highlighter: &Highlighter) -> Vec<Range<usize>> {
    highlighter.ranges(text)
}

/// The snippet of `article` for the results list.
pub fn snippet_for(article: &Article, highlighter: &Highlighter) -> Option<Snippet> {
    highlighter.snippet(article)
}
