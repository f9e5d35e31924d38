//! Vietnamese collation (dictionary order), for sorting facet values alphabetically.
//!
//! Letters sort by the Vietnamese alphabet `a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y`
//! (with `f j w z` at their Latin places for foreign words) ignoring tones; ties are broken by the
//! tones, in the order ngang, huyền, hỏi, ngã, sắc, nặng, then by case (lower first). This
//! multi-level order is the common dictionary order: `ma < mà < mả < mã < má < mạ < mac`.
//! Digits come before letters; other characters after them, by code point.

use super::fold::letter_and_tone;

const ALPHABET: &str = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

const SPACE: u32 = 1;
const PUNCT: u32 = 2;
const DIGIT: u32 = 10;
const LETTER: u32 = 100;
const OTHER: u32 = 1000;

fn primary(c: char) -> u32 {
    let lower = match letter_and_tone(c) {
        Some((base, _)) => base,
        None => c.to_lowercase().next().unwrap_or(c),
    };
    if let Some(i) = ALPHABET.chars().position(|a| a == lower) {
        LETTER + i as u32
    } else if let Some(d) = lower.to_digit(10) {
        DIGIT + d
    } else if lower.is_whitespace() {
        SPACE
    } else if lower.is_ascii_punctuation() {
        PUNCT
    } else {
        OTHER + lower as u32
    }
}

/// A key whose lexicographic order is Vietnamese dictionary order of the strings.
pub fn sort_key(s: &str) -> Vec<u32> {
    let chars: Vec<char> = s.trim().chars().collect();
    let mut key: Vec<u32> = chars.iter().map(|c| primary(*c)).collect();
    // Level separators are 0, below every weight, so a prefix sorts first at every level.
    key.push(0);
    key.extend(
        chars
            .iter()
            .map(|c| letter_and_tone(*c).map_or(0, |(_, t)| t as u32)),
    );
    key.push(0);
    key.extend(chars.iter().map(|c| u32::from(c.is_uppercase())));
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(words: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(|s| s.to_string()).collect();
        v.sort_by_key(|s| sort_key(s));
        v
    }

    #[test]
    fn alphabet_order_not_byte_order() {
        let want = [
            "an", "ăn", "ân", "bà", "cá", "dê", "đá", "em", "êm", "gà", "hồ", "im", "kẻ", "lá",
            "mẹ", "nó", "ong", "ông", "ơn", "phở", "quê", "rau", "sơn", "tôi", "um", "ưu", "vui",
            "xe", "yêu",
        ];
        let mut shuffled = want.to_vec();
        shuffled.reverse();
        assert_eq!(sorted(&shuffled), want);
    }

    #[test]
    fn tones_break_ties_in_traditional_order() {
        assert_eq!(
            sorted(&["mạ", "má", "mac", "mã", "mả", "mà", "ma"]),
            ["ma", "mà", "mả", "mã", "má", "mạ", "mac"]
        );
    }

    #[test]
    fn provinces_sort_like_a_vietnamese_list() {
        assert_eq!(
            sorted(&[
                "Điện Biên",
                "Đắk Lắk",
                "Gia Lai",
                "Bắc Ninh",
                "An Giang",
                "Ninh Bình",
                "Đà Nẵng"
            ]),
            [
                "An Giang",
                "Bắc Ninh",
                "Đà Nẵng",
                "Đắk Lắk",
                "Điện Biên",
                "Gia Lai",
                "Ninh Bình"
            ]
        );
    }

    #[test]
    fn digits_first_then_case() {
        assert_eq!(sorted(&["b", "2", "a", "10"]), ["10", "2", "a", "b"]);
        assert_eq!(sorted(&["Ba", "ba"]), ["ba", "Ba"]);
    }
}
