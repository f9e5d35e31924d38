//! Vietnamese folding from a small hand-written table.
//!
//! Two keys are derived from every word:
//! - the *folded* key: lower case, tone and vowel marks removed, `đ` → `d` (`Khéo` → `kheo`);
//! - the *exact* key: lower case, marks kept, always in precomposed (NFC) form, so NFD input
//!   (`e` + U+0301) and NFC input (`é`) give the same key.
//!
//! No Unicode normalisation tables are pulled in: Vietnamese needs only the twelve vowel shapes
//! times six tones below, `đ`, and the handful of combining marks that spell them in NFD.

/// Vowel shapes, lower case then upper case; columns are tones in the traditional order
/// ngang, huyền, hỏi, ngã, sắc, nặng (which is also the collation order of tones).
const ROWS: [&str; 24] = [
    "aàảãáạ",
    "ăằẳẵắặ",
    "âầẩẫấậ",
    "eèẻẽéẹ",
    "êềểễếệ",
    "iìỉĩíị",
    "oòỏõóọ",
    "ôồổỗốộ",
    "ơờởỡớợ",
    "uùủũúụ",
    "ưừửữứự",
    "yỳỷỹýỵ",
    "AÀẢÃÁẠ",
    "ĂẰẲẴẮẶ",
    "ÂẦẨẪẤẬ",
    "EÈẺẼÉẸ",
    "ÊỀỂỄẾỆ",
    "IÌỈĨÍỊ",
    "OÒỎÕÓỌ",
    "ÔỒỔỖỐỘ",
    "ƠỜỞỠỚỢ",
    "UÙỦŨÚỤ",
    "ƯỪỬỮỨỰ",
    "YỲỶỸÝỴ",
];

/// Number of lower-case rows; row `r + LOWER_ROWS` is the upper case of row `r`.
const LOWER_ROWS: usize = 12;

/// Base letter of each lower-case row.
const BASE: [char; LOWER_ROWS] = ['a', 'a', 'a', 'e', 'e', 'i', 'o', 'o', 'o', 'u', 'u', 'y'];

/// The vowel-shape marks: (combining mark, row it applies to, row it yields).
const SHAPE_MARKS: [(char, usize, usize); 6] = [
    ('\u{306}', 0, 1),  // a + breve = ă
    ('\u{302}', 0, 2),  // a + circumflex = â
    ('\u{302}', 3, 4),  // e + circumflex = ê
    ('\u{302}', 6, 7),  // o + circumflex = ô
    ('\u{31B}', 6, 8),  // o + horn = ơ
    ('\u{31B}', 9, 10), // u + horn = ư
];

/// Combining tone marks, indexed by tone number (0 = ngang has none).
const TONE_MARKS: [char; 6] = ['\0', '\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];

// Every precomposed Vietnamese letter lies in one of these two code point ranges; a dense lookup
// array over them avoids hashing on the hot tokenising path.
const LO_START: u32 = 0xC0;
const LO_END: u32 = 0x1B1;
const HI_START: u32 = 0x1EA0;
const HI_END: u32 = 0x1EFA;
const LO_LEN: usize = (LO_END - LO_START) as usize;
const TABLE_LEN: usize = LO_LEN + (HI_END - HI_START) as usize;

/// `row * 6 + tone + 1` for each code point in the two ranges, 0 when not a Vietnamese vowel.
static LOOKUP: [u8; TABLE_LEN] = build_lookup();

const fn slot(cp: u32) -> Option<usize> {
    if cp >= LO_START && cp < LO_END {
        Some((cp - LO_START) as usize)
    } else if cp >= HI_START && cp < HI_END {
        Some(LO_LEN + (cp - HI_START) as usize)
    } else {
        None
    }
}

const fn build_lookup() -> [u8; TABLE_LEN] {
    let mut table = [0u8; TABLE_LEN];
    let mut row = 0;
    while row < ROWS.len() {
        let bytes = ROWS[row].as_bytes();
        let (mut i, mut tone) = (0, 0);
        while i < bytes.len() {
            // Decode one UTF-8 scalar by hand (const fns cannot use `chars()`); the table only
            // holds one- to three-byte characters.
            let b0 = bytes[i] as u32;
            let (cp, width) = if b0 < 0x80 {
                (b0, 1)
            } else if b0 < 0xE0 {
                (((b0 & 0x1F) << 6) | (bytes[i + 1] as u32 & 0x3F), 2)
            } else {
                let cp = ((b0 & 0x0F) << 12)
                    | ((bytes[i + 1] as u32 & 0x3F) << 6)
                    | (bytes[i + 2] as u32 & 0x3F);
                (cp, 3)
            };
            if let Some(s) = slot(cp) {
                table[s] = (row * 6 + tone + 1) as u8;
            }
            i += width;
            tone += 1;
        }
        row += 1;
    }
    table
}

/// A Vietnamese vowel split into its table row (shape and case) and tone (0–5).
pub(crate) fn split_vowel(c: char) -> Option<(usize, usize)> {
    if (c as u32) < 0x80 {
        return match c {
            'a' => Some((0, 0)),
            'e' => Some((3, 0)),
            'i' => Some((5, 0)),
            'o' => Some((6, 0)),
            'u' => Some((9, 0)),
            'y' => Some((11, 0)),
            'A' => Some((12, 0)),
            'E' => Some((15, 0)),
            'I' => Some((17, 0)),
            'O' => Some((18, 0)),
            'U' => Some((21, 0)),
            'Y' => Some((23, 0)),
            _ => None,
        };
    }
    let v = LOOKUP[slot(c as u32)?];
    (v != 0).then(|| (((v - 1) / 6) as usize, ((v - 1) % 6) as usize))
}

/// The table as characters, for composing without decoding strings on the hot path.
static VOWELS: [[char; 6]; 24] = build_vowels();

const fn build_vowels() -> [[char; 6]; 24] {
    let mut out = ['\0'; 6];
    let mut table = [out; 24];
    let lookup = build_lookup();
    let mut cp = LO_START;
    while cp < HI_END {
        if let Some(s) = slot(cp) {
            let v = lookup[s];
            if v != 0 {
                if let Some(c) = char::from_u32(cp) {
                    out = table[(v as usize - 1) / 6];
                    out[(v as usize - 1) % 6] = c;
                    table[(v as usize - 1) / 6] = out;
                }
            }
        }
        cp += 1;
    }
    // Row starts with an ASCII vowel (tone ngang), outside the lookup ranges.
    let mut row = 0;
    while row < 24 {
        if table[row][0] == '\0' {
            let base = BASE[row % LOWER_ROWS];
            table[row][0] = if row < LOWER_ROWS {
                base
            } else {
                base.to_ascii_uppercase()
            };
        }
        row += 1;
    }
    table
}

fn vowel(row: usize, tone: usize) -> char {
    VOWELS[row][tone]
}

/// True for combining diacritical marks (U+0300–U+036F), the marks NFD text uses.
pub fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// Appends the folded form of `c`: base letter in lower case; combining marks vanish.
pub fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if is_combining(c) {
    } else if c == 'đ' || c == 'Đ' {
        out.push('d');
    } else if let Some((row, _)) = split_vowel(c) {
        out.push(BASE[row % LOWER_ROWS]);
    } else {
        out.extend(c.to_lowercase().filter(|l| !is_combining(*l)));
    }
}

/// Appends the exact key of `c`: lower case, marks kept; a combining mark is composed into the
/// Vietnamese vowel just written when it spells one, so NFD and NFC agree.
pub fn push_exact(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_combining(c) {
        if let Some(composed) = out.chars().next_back().and_then(|last| compose(last, c)) {
            out.pop();
            out.push(composed);
            return;
        }
        out.push(c);
        return;
    }
    if c == 'Đ' {
        out.push('đ');
    } else if let Some((row, tone)) = split_vowel(c) {
        out.push(vowel(row % LOWER_ROWS, tone));
    } else {
        out.extend(c.to_lowercase());
    }
}

/// `base` with combining `mark` applied, when that spells a Vietnamese vowel.
fn compose(base: char, mark: char) -> Option<char> {
    let (row, tone) = split_vowel(base)?;
    let (lower, upper) = (row % LOWER_ROWS, row - row % LOWER_ROWS);
    if let Some(t) = TONE_MARKS.iter().position(|m| *m == mark) {
        return (tone == 0 && t > 0).then(|| vowel(row, t));
    }
    SHAPE_MARKS
        .iter()
        .find(|(m, from, _)| *m == mark && *from == lower)
        .map(|(_, _, to)| vowel(upper + to, tone))
}

/// The folded key of a whole string (`"Dân VẬN khéo"` → `"dan van kheo"`).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_folded(&mut out, c));
    out
}

/// The exact key of a whole string: lower case NFC with marks kept.
pub fn exact(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_exact(&mut out, c));
    out
}

/// Base letter and tone of a Vietnamese letter for collation: `(letter index, tone)` where the
/// letter index counts `a ă â b c d đ e ê …` and tone is 0–5; `None` for other characters.
pub(crate) fn letter_and_tone(c: char) -> Option<(char, usize)> {
    match c {
        'đ' | 'Đ' => Some(('đ', 0)),
        _ => split_vowel(c).map(|(row, tone)| (vowel(row % LOWER_ROWS, 0), tone)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// NFD spelling of a table entry built from its row and tone.
    fn nfd(row: usize, tone: usize) -> String {
        let lower = row % LOWER_ROWS;
        let base = if row >= LOWER_ROWS {
            BASE[lower].to_ascii_uppercase()
        } else {
            BASE[lower]
        };
        let mut s = String::from(base);
        if let Some((m, _, _)) = SHAPE_MARKS.iter().find(|(_, _, to)| *to == lower) {
            s.push(*m);
        }
        if tone > 0 {
            s.push(TONE_MARKS[tone]);
        }
        s
    }

    #[test]
    fn every_vowel_with_every_tone_folds_to_its_base() {
        for (row, chars) in ROWS.iter().enumerate() {
            assert_eq!(chars.chars().count(), 6);
            for (tone, c) in chars.chars().enumerate() {
                let base = BASE[row % LOWER_ROWS].to_string();
                assert_eq!(fold(&c.to_string()), base, "{c}");
                assert_eq!(fold(&nfd(row, tone)), base, "NFD of {c}");
                let lower = vowel(row % LOWER_ROWS, tone).to_string();
                assert_eq!(exact(&c.to_string()), lower, "{c}");
                assert_eq!(exact(&nfd(row, tone)), lower, "NFD of {c}");
                assert_eq!(split_vowel(c), Some((row, tone)));
            }
        }
    }

    #[test]
    fn folds_whole_phrases_in_nfc_and_nfd() {
        assert_eq!(fold("Dân vận khéo"), "dan van kheo");
        assert_eq!(fold("DÂN VẬN KHÉO"), "dan van kheo");
        assert_eq!(fold("Đắk Lắk"), "dak lak");
        // "Dân vận khéo" typed in NFD.
        let nfd_text = "Da\u{302}n va\u{323}\u{302}n khe\u{301}o";
        assert_eq!(fold(nfd_text), "dan van kheo");
        assert_eq!(exact(nfd_text), "dân vận khéo");
        // Dot below before breve is the canonical NFD order of ặ.
        assert_eq!(exact("a\u{323}\u{306}"), "ặ");
        assert_eq!(exact("ĐỒNG CHÍ"), "đồng chí");
    }

    #[test]
    fn exact_keeps_distinctions_folding_drops() {
        assert_ne!(exact("khéo"), exact("kheo"));
        assert_ne!(exact("khéo"), exact("khèo"));
        assert_eq!(fold("khèo"), fold("kheo"));
    }

    #[test]
    fn other_scripts_are_lowercased_and_marks_stripped() {
        assert_eq!(fold("ÉCOLE Straße"), "ecole straße");
        assert_eq!(fold("Ωmega"), "ωmega");
        assert_eq!(exact("x\u{301}"), "x\u{301}");
    }
}
