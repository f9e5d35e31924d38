//! Decoding raw bytes, Unicode normalisation, and small string helpers shared by the extractors.

use unicode_normalization::UnicodeNormalization;

use super::SkipReason;

/// Decodes a file's bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM. Anything else is
/// reported rather than guessed, because a wrong guess silently corrupts Vietnamese text.
pub fn decode(bytes: &[u8]) -> Result<String, SkipReason> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SkipReason::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    // NUL bytes never occur in text files; they mark images, archives, office files.
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(SkipReason::Binary);
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String, SkipReason> {
    match std::str::from_utf8(bytes) {
        Ok(s) if s.trim().is_empty() => Err(SkipReason::Empty),
        Ok(s) => Ok(s.to_string()),
        Err(_) => Err(SkipReason::NotUtf8),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, SkipReason> {
    if bytes.len() % 2 != 0 {
        return Err(SkipReason::NotUtf8);
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let s: String = char::decode_utf16(units)
        .collect::<Result<_, _>>()
        .map_err(|_| SkipReason::NotUtf8)?;
    if s.trim().is_empty() {
        Err(SkipReason::Empty)
    } else {
        Ok(s)
    }
}

/// NFC-normalises and cleans whitespace: odd spaces become plain spaces, runs collapse, each
/// line is trimmed; line breaks are kept because they carry the paragraph structure.
pub fn normalize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    // Vietnamese in NFD always carries combining marks (U+0300..U+036F, UTF-8 lead bytes 0xCC and
    // 0xCD); text without them is composed already and skips the costly normalisation.
    let nfc: std::borrow::Cow<str> = if raw.bytes().any(|b| b == 0xCC || b == 0xCD) {
        raw.nfc().collect::<String>().into()
    } else {
        raw.into()
    };
    // Splitting on the one byte '\n' is fast; the rare other line breaks are handled per line.
    let rare_break = |l: &str| l.contains('\r') || l.contains('\u{2028}') || l.contains('\u{2029}');
    let lines = nfc
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .flat_map(|l| {
            let (whole, parts) = if rare_break(l) {
                (None, Some(l.split(['\r', '\u{2028}', '\u{2029}'])))
            } else {
                (Some(l), None)
            };
            whole.into_iter().chain(parts.into_iter().flatten())
        });
    for line in lines {
        if plain_spacing(line) {
            out.push_str(line.trim_matches(' '));
            out.push('\n');
            continue;
        }
        let mut pending_space = false;
        let start = out.len();
        for c in line.chars() {
            if c.is_whitespace() || is_invisible(c) {
                // Zero-width characters vanish; other odd spaces count as one space.
                if !is_invisible(c) {
                    pending_space = true;
                }
                continue;
            }
            if pending_space && out.len() > start {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
        out.push('\n');
    }
    out
}

/// True when a line has only single ASCII spaces between words and none of the odd spaces or
/// invisible characters (found by their UTF-8 bytes: U+0085, NBSP and soft hyphen after 0xC2;
/// U+2000..U+200F, U+2028/9, U+202F after 0xE2 0x80; U+205F/U+2060 after 0xE2 0x81; U+3000;
/// U+FEFF): such a line needs no character-level cleaning. Dashes and quotes stay on this path.
fn plain_spacing(line: &str) -> bool {
    let b = line.as_bytes();
    let next = |i: usize| b.get(i + 1).copied().unwrap_or(0);
    !b.iter().enumerate().any(|(i, &c)| match c {
        b'\t' | 0x0B | 0x0C => true,
        b' ' => next(i) == b' ',
        0xC2 => matches!(next(i), 0x85 | 0xA0 | 0xAD),
        0xE2 => match next(i) {
            0x80 => matches!(b.get(i + 2), Some(0x80..=0x8F | 0xA8 | 0xA9 | 0xAF)),
            0x81 => matches!(b.get(i + 2), Some(0x9F | 0xA0)),
            _ => false,
        },
        0xE3 => next(i) == 0x80,
        0xEF => next(i) == 0xBB,
        _ => false,
    })
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// `s` lower-cased, when every character keeps its UTF-8 length: byte offsets found in the result
/// are then offsets in `s`. `None` otherwise (`İ` grows, `ẞ` shrinks): comparing total lengths
/// misses a text where one character grows and another shrinks.
pub fn lowercase_same_offsets(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let start = out.len();
        out.extend(c.to_lowercase());
        if out.len() - start != c.len_utf8() {
            return None;
        }
    }
    Some(out)
}

/// Case-insensitive "starts with" against an already lower-case pattern; returns the byte length
/// of the matched prefix of `s`.
pub fn prefix_ci(s: &str, lower_pat: &str) -> Option<usize> {
    let mut it = s.char_indices();
    for p in lower_pat.chars() {
        let (_, c) = it.next()?;
        if !c.to_lowercase().eq(std::iter::once(p)) {
            return None;
        }
    }
    Some(it.next().map_or(s.len(), |(i, _)| i))
}

/// Finds an already lower-case pattern in `s` ignoring case; returns the byte range in `s`.
pub fn find_ci(s: &str, lower_pat: &str) -> Option<(usize, usize)> {
    let first = lower_pat.chars().next()?;
    s.char_indices()
        .filter(|&(_, c)| c.to_lowercase().eq(std::iter::once(first)))
        .find_map(|(i, _)| prefix_ci(&s[i..], lower_pat).map(|n| (i, i + n)))
}

/// True when the characters around `start..end` are not letters or digits.
pub fn word_bounded(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let after = s[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Splits a paragraph into sentences at `.`, `!`, `?` followed by a space, without breaking
/// abbreviations such as "TP. Hồ Chí Minh" or numbers like "02.04.2021".
pub fn sentences(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // The stops are ASCII, so scanning bytes is safe and cheap.
    for (i, &c) in bytes.iter().enumerate() {
        if !matches!(c, b'.' | b'!' | b'?') || bytes.get(i + 1) != Some(&b' ') {
            continue;
        }
        let word = text[start..i].rsplit(' ').next().unwrap_or("");
        let abbreviation = ABBREVIATIONS.contains(&word);
        if !abbreviation {
            out.push(text[start..=i].trim());
            start = i + 1;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}

/// Abbreviations a full stop does not end a sentence after ("TP. Hồ Chí Minh", "PGS. TS.").
const ABBREVIATIONS: [&str; 13] = [
    "TP", "Tp", "TX", "TT", "TS", "GS", "PGS", "ThS", "BS", "Th", "P", "Q", "H",
];

/// Lower-cases and strips Vietnamese diacritics ("Điện Biên" → "dien bien"), for matching domains
/// and loose spellings.
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36F}').contains(c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Stable 64-bit FNV-1a hash, rendered as 16 hex digits: ids must not change between runs,
/// platforms or Rust versions, which rules out `std`'s randomised hasher.
pub fn stable_id(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.as_bytes().iter().chain(&[0xFF]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// Upper-cases the first letter ("hội nghị …" → "Hội nghị …").
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// True when the text has letters and none of them is lower-case (banner and heading lines).
pub fn is_all_caps(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_bom_and_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap(), "abc");
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hội".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16le).unwrap(), "Hội");
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Hội".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&utf16be).unwrap(), "Hội");
    }

    #[test]
    fn lower_casing_keeps_offsets_or_says_it_cannot() {
        assert_eq!(
            lowercase_same_offsets("Lượt XEM: 12").as_deref(),
            Some("lượt xem: 12")
        );
        // Same total length, shifted offsets: "ẞ" (3 bytes) becomes "ß" (2), "İ" (2) becomes 3.
        assert_eq!("ẞİ".to_lowercase().len(), "ẞİ".len());
        assert_eq!(lowercase_same_offsets("ẞİ lượt xem"), None);
    }

    #[test]
    fn reports_unusable_bytes() {
        assert_eq!(decode(b"  \n ").unwrap_err(), SkipReason::Empty);
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0").unwrap_err(),
            SkipReason::Binary
        );
        // "Hội" in Windows-1258-ish bytes: not UTF-8.
        assert_eq!(decode(b"H\xf4i ngh\xd2").unwrap_err(), SkipReason::NotUtf8);
    }

    #[test]
    fn normalizes_nfd_and_spaces() {
        let nfd: String = "Hội  nghị\u{00A0}tỉnh".nfd().collect();
        assert_eq!(normalize(&nfd), "Hội nghị tỉnh\n");
        assert_eq!(normalize("a\u{2003}b\u{200B}c – d"), "a bc – d\n");
        assert_eq!(normalize("a\rb\u{2028}c\r\nd"), "a\nb\nc\nd\n");
        assert_eq!(normalize("  a \t b  \r\nc"), "a b\nc\n");
    }

    #[test]
    fn case_insensitive_search() {
        assert_eq!(
            find_ci("Tổ chức HỘI NGHỊ sơ kết", "hội nghị"),
            Some((12, 24))
        );
        assert_eq!(prefix_ci("Quý I/2023", "quý"), Some(4));
    }

    #[test]
    fn splits_sentences_not_abbreviations() {
        let s = sentences("Ngày 02.04.2021 tại TP. Hồ Chí Minh. Hội nghị diễn ra! Xong");
        assert_eq!(
            sentences("khóa XII. Ảnh: TTXVN"),
            ["khóa XII.", "Ảnh: TTXVN"]
        );
        assert_eq!(
            s,
            [
                "Ngày 02.04.2021 tại TP. Hồ Chí Minh.",
                "Hội nghị diễn ra!",
                "Xong"
            ]
        );
    }

    #[test]
    fn folds_and_hashes() {
        assert_eq!(fold("Điện Biên"), "dien bien");
        assert_eq!(stable_id(&["a"]), stable_id(&["a"]));
        assert_ne!(stable_id(&["ab", ""]), stable_id(&["a", "b"]));
        assert_eq!(stable_id(&["x"]).len(), 16);
    }
}
