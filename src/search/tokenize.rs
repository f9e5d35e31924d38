//! Splitting text into words (Vietnamese syllables) with byte offsets into the original text.
//!
//! A word is a maximal run of letters, digits and combining marks, so `27-CT/TU` gives `27`, `CT`,
//! `TU` and NFD text keeps its marks inside the word they belong to.

use super::fold::{is_combining, push_exact, push_folded, split_vowel};
use std::ops::Range;

fn is_word_char(c: char) -> bool {
    // Vietnamese letters are checked first: the generic Unicode table lookup is slow.
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        split_vowel(c).is_some() || c == 'đ' || c == 'Đ' || is_combining(c) || c.is_alphanumeric()
    }
}

/// Byte ranges of the words of `text`, in order.
pub fn word_ranges(text: &str) -> WordRanges<'_> {
    WordRanges { text, pos: 0 }
}

/// Iterator returned by [`word_ranges`].
pub struct WordRanges<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for WordRanges<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let rest = &self.text[self.pos..];
        let start = self.pos + rest.find(is_word_char)?;
        let len = self.text[start..]
            .find(|c: char| !is_word_char(c))
            .unwrap_or(self.text.len() - start);
        self.pos = start + len;
        Some(start..self.pos)
    }
}

/// A word with its keys, reusing buffers across calls to keep indexing allocation-free.
#[derive(Default)]
pub struct Keys {
    pub folded: String,
    pub exact: String,
}

impl Keys {
    /// Fills the folded and exact keys of `word`.
    pub fn set(&mut self, word: &str) {
        self.folded.clear();
        self.exact.clear();
        if word.is_ascii() {
            self.folded.push_str(word);
            self.folded.make_ascii_lowercase();
            self.exact.push_str(&self.folded);
        } else {
            for c in word.chars() {
                push_folded(&mut self.folded, c);
                push_exact(&mut self.exact, c);
            }
        }
    }

    /// Fills only the key used in the given mode (the other is left stale).
    pub fn set_key(&mut self, word: &str, exact: bool) {
        let out = if exact {
            &mut self.exact
        } else {
            &mut self.folded
        };
        out.clear();
        if word.is_ascii() {
            out.push_str(word);
            out.make_ascii_lowercase();
        } else if exact {
            word.chars().for_each(|c| push_exact(out, c));
        } else {
            word.chars().for_each(|c| push_folded(out, c));
        }
    }

    /// The key used in the given mode.
    pub fn key(&self, exact: bool) -> &str {
        if exact {
            &self.exact
        } else {
            &self.folded
        }
    }
}

/// The words of `text` as keys (folded or exact), for query parsing.
pub fn word_keys(text: &str, exact: bool) -> Vec<String> {
    let mut keys = Keys::default();
    word_ranges(text)
        .map(|r| {
            keys.set(&text[r]);
            keys.key(exact).to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "Ngày 7/4, Ban Dân vận Tỉnh ủy: 27-CT/TU.";
        let words: Vec<&str> = word_ranges(text).map(|r| &text[r]).collect();
        assert_eq!(
            words,
            ["Ngày", "7", "4", "Ban", "Dân", "vận", "Tỉnh", "ủy", "27", "CT", "TU"]
        );
    }

    #[test]
    fn nfd_marks_stay_inside_their_word() {
        let text = "  khe\u{301}o, da\u{302}n";
        let ranges: Vec<_> = word_ranges(text).collect();
        assert_eq!(ranges, [2..8, 10..15]);
        assert_eq!(word_keys(text, false), ["kheo", "dan"]);
        assert_eq!(word_keys(text, true), ["khéo", "dân"]);
    }

    #[test]
    fn empty_and_punctuation_only_text_has_no_words() {
        assert_eq!(word_ranges("").count(), 0);
        assert_eq!(word_ranges(" – … !").count(), 0);
    }
}
