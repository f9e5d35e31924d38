//! Searching ahead of the typist: the keystrokes most likely to come next, guessed from the
//! archive's own words, so that their word lists can be read while typing pauses.
//!
//! The slowest keystrokes start a new last-word prefix of a frequent syllable (`dan va` reads
//! the 250,000 positions of *và*). A person pauses between keystrokes, often for longer than
//! such a search takes. Given `dan v`, the 35,440 articles' words beginning with `v` say that
//! `a` (*và*, *vào*, *văn*, *vận*) is the likeliest next letter, then `i`, `o` and `u`;
//! searched ahead, their positions, scores and adjacencies are memoised when the keystroke
//! comes. Results are the same either way: only what is already kept between searches is
//! computed early.

use super::fold::{exact, fold};
use super::index::SearchIndex;
use super::tokenize::word_ranges;
use super::SearchRequest;

/// How many next keystrokes the app prepares while typing pauses. On the bench's keystrokes at
/// 35,440 articles, four found most of the costliest prepared (`examples/bundle_bench.rs`
/// prints how many); each costs up to a slow keystroke's search, in idle time.
pub const AHEAD_COUNT: usize = 4;

impl SearchIndex {
    /// Up to `count` requests as `req` would be after one more keystroke, likeliest first: its
    /// last word followed by each of the letters that most often follow it in the archive
    /// (weighed by the postings of the words it begins), or by a space where the word itself
    /// is that common. None when the query does not end inside a word (a next word's first
    /// letter matches that one word only, which is quick) or that word follows a field's name
    /// (`tinh:ha`; the later words of an unquoted value are guessed as text, in vain).
    pub fn likely_next(&self, req: &SearchRequest, count: usize) -> Vec<SearchRequest> {
        let query = &req.query;
        let Some(last) = word_ranges(query).last().filter(|r| r.end == query.len()) else {
            return vec![];
        };
        let typed = &query[last.clone()];
        let token = query[..last.start].rsplit(char::is_whitespace).next();
        if token.is_some_and(|t| t.contains(':')) {
            return vec![];
        }
        let folded = fold(typed);
        let key = if req.exact {
            exact(typed)
        } else {
            folded.clone()
        };
        let mut weights: Vec<(char, usize)> = Vec::new();
        for id in self.terms.range(&folded, true) {
            let term = self.term(id);
            let form = if req.exact { term.exact } else { term.folded };
            let Some(rest) = form.strip_prefix(key.as_str()) else {
                continue;
            };
            let next = rest.chars().next().unwrap_or(' ');
            match weights.iter_mut().find(|(c, _)| *c == next) {
                Some((_, weight)) => *weight += term.postings.len(),
                None => weights.push((next, term.postings.len())),
            }
        }
        // Stable: equal weights keep the dictionary's order.
        weights.sort_by_key(|(_, weight)| std::cmp::Reverse(*weight));
        weights
            .into_iter()
            .take(count)
            .map(|(next, _)| SearchRequest {
                query: format!("{query}{next}"),
                ..req.clone()
            })
            .collect()
    }

    /// Computes what [`SearchIndex::search`] would keep for `req` (word positions, scores,
    /// adjacencies), without ranking or counting anything.
    pub fn prepare(&self, req: &SearchRequest) {
        let q = self.parse_query(&req.query, req.exact, req.provinces_2025);
        self.match_text(&q, req.exact);
    }
}
