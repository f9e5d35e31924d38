//! Which province an article is about, weighing the evidence the gazetteer finds.
//!
//! Scores per province: explicit "tỉnh X" / "thành phố X" forms and the site banner count most
//! and make the result certain (`high`); a site domain or several strong ties make it `medium`;
//! anything less is `low`. Every piece of evidence is kept as a readable string.

use crate::bundle::{Confidence, Place};

use super::gazetteer::{self, Target};
use super::text::{find_ci, fold};

/// Words right before a province name that make the mention explicit.
const EXPLICIT_BEFORE: [&str; 8] = [
    "tỉnh ",
    "Tỉnh ",
    "TỈNH ",
    "thành phố ",
    "Thành phố ",
    "TP. ",
    "TP ",
    "điểm cầu ",
];

/// Points per kind of evidence.
const BANNER: u32 = 10;
const EXPLICIT: u32 = 6;
const DOMAIN: u32 = 4;
const MENTION: u32 = 2;
const DISTRICT: u32 = 2;

/// What the article offers as evidence.
pub struct Clues<'a> {
    /// Site banner or source name.
    pub banner: Option<&'a str>,
    pub domain: Option<&'a str>,
    /// Title and body text.
    pub text: &'a str,
}

#[derive(Default, Clone)]
struct Tally {
    score: u32,
    explicit: bool,
    domain: bool,
    /// Non-explicit points (mentions, ties, districts), counted once per distinct phrase.
    indirect: u32,
    evidence: Vec<String>,
    districts: Vec<(usize, u32)>,
    first: usize,
}

impl Tally {
    fn note(&mut self, e: String) -> bool {
        let new = !self.evidence.contains(&e);
        if new {
            self.evidence.push(e);
        }
        new
    }
}

/// The province a named value (side-car metadata) stands for; unknown names are kept as given.
pub fn from_name(name: &str) -> Place {
    let g = gazetteer::get();
    let evidence = vec![format!("metadata: {name}")];
    match g.province_index(name) {
        Some(p) => place(p, None, Confidence::High, evidence),
        None => Place {
            name: name.to_string(),
            name_2025: None,
            region: None,
            district: None,
            commune: None,
            confidence: Confidence::High,
            evidence,
        },
    }
}

fn place(
    p: usize,
    district: Option<String>,
    confidence: Confidence,
    evidence: Vec<String>,
) -> Place {
    let pr = &gazetteer::get().provinces[p];
    Place {
        name: pr.name.to_string(),
        name_2025: Some(pr.name_2025.to_string()),
        region: Some(pr.region.to_string()),
        district,
        commune: None,
        confidence,
        evidence,
    }
}

pub fn detect(clues: &Clues) -> Option<Place> {
    let g = gazetteer::get();
    let mut tallies = vec![
        Tally {
            first: usize::MAX,
            ..Tally::default()
        };
        g.provinces.len()
    ];
    if let Some(banner) = clues.banner {
        if let Some(p) = banner_province(banner) {
            let t = &mut tallies[p];
            t.score += BANNER;
            t.explicit = true;
            t.first = 0;
            t.note(format!("banner: {banner}"));
        }
    }
    if let Some(domain) = clues.domain {
        if let Some(p) = g.domain_province(domain) {
            let t = &mut tallies[p];
            t.score += DOMAIN;
            t.domain = true;
            t.first = 0;
            t.note(format!("domain: {domain}"));
        }
    }
    let text = clues.text;
    for hit in g.scan(text) {
        let phrase = &text[hit.start..hit.end];
        let (p, points, evidence, explicit) = match hit.target {
            Target::NotPlace => continue,
            Target::Province(p) => {
                let before = &text[..hit.start];
                match EXPLICIT_BEFORE.iter().find(|w| before.ends_with(*w)) {
                    Some(w) => (p, EXPLICIT, format!("{}{phrase}", w), true),
                    None if phrase.starts_with("TP") || fold(phrase).starts_with("thanh pho") => {
                        (p, EXPLICIT, phrase.to_string(), true)
                    }
                    None => (p, MENTION, format!("mention: {phrase}"), false),
                }
            }
            Target::District(d) => {
                let p = g.districts[d].province;
                let t = &mut tallies[p];
                match t.districts.iter_mut().find(|(x, _)| *x == d) {
                    Some((_, n)) => *n += 1,
                    None => t.districts.push((d, 1)),
                }
                (p, DISTRICT, format!("district: {phrase}"), false)
            }
            Target::Tie(i) => {
                let tie = &g.ties[i];
                (
                    tie.province,
                    tie.weight,
                    format!("{phrase} ({})", tie.note),
                    false,
                )
            }
        };
        let t = &mut tallies[p];
        t.first = t.first.min(hit.start + 1);
        let new = t.note(evidence);
        if explicit {
            // Repeated explicit mentions add up: the province an article is about is named often.
            t.score += points;
            t.explicit = true;
        } else if new || matches!(hit.target, Target::Province(_)) {
            t.score += points;
            if new {
                t.indirect += points;
            }
        }
    }
    let (p, best) = tallies
        .iter()
        .enumerate()
        .filter(|(_, t)| t.score > 0)
        .max_by(|(_, a), (_, b)| a.score.cmp(&b.score).then(b.first.cmp(&a.first)))?;
    let confidence = if best.explicit {
        Confidence::High
    } else if best.domain || best.indirect >= 4 {
        Confidence::Medium
    } else {
        Confidence::Low
    };
    let (districts, communes) = local_names(text);
    let district = best
        .districts
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|&(d, _)| g.districts[d].name.to_string())
        .or_else(|| most_frequent(districts));
    let mut found = place(p, district, confidence, best.evidence.clone());
    found.commune = most_frequent(communes);
    Some(found)
}

/// (word before, word) pairs that introduce a district or a commune name ("huyện Đak Đoa",
/// "Huyện ủy Đak Đoa", "thị xã An Khê"; "xã Ia Băng", "thị trấn Chư Sê"); "" matches any word.
const DISTRICT_WORDS: [(&str, &str); 3] = [("", "huyện"), ("Huyện", "ủy"), ("thị", "xã")];
const COMMUNE_WORDS: [(&str, &str); 3] = [("", "xã"), ("", "phường"), ("thị", "trấn")];

/// Names with how often they occur.
type Counts<'a> = Vec<(&'a str, usize)>;

/// Names after district and commune words, with their counts, in one pass over the words.
fn local_names(text: &str) -> (Counts<'_>, Counts<'_>) {
    let mut districts = Vec::new();
    let mut communes = Vec::new();
    let mut prev = "";
    let mut at = 0;
    for word in text.split(' ') {
        let rest_at = (at + word.len() + 1).min(text.len());
        at = rest_at;
        // Every listed word is short and starts with h, p, t, x or "ủ" (lead byte 0xE1): most
        // words fail this byte test and skip the comparisons.
        if word.len() > "phường".len()
            || !matches!(
                word.as_bytes().first(),
                Some(b'h' | b'p' | b't' | b'x' | 0xE1)
            )
        {
            prev = word;
            continue;
        }
        let is = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .any(|&(p, w)| w == word && (p.is_empty() || p == prev))
        };
        // "thị xã X" is a district, not a commune "xã X".
        let list = if is(&DISTRICT_WORDS) {
            Some(&mut districts)
        } else if is(&COMMUNE_WORDS) && prev != "thị" {
            Some(&mut communes)
        } else {
            None
        };
        prev = word;
        let Some(list) = list else { continue };
        let Some(name) = capitalised_run(&text[rest_at..]) else {
            continue;
        };
        match list
            .iter_mut()
            .find(|(n, _): &&mut (&str, usize)| *n == name)
        {
            Some((_, c)) => *c += 1,
            None => list.push((name, 1)),
        }
    }
    (districts, communes)
}

/// A local place the article keeps coming back to: the most frequent name, when it occurs at
/// least twice (once is a passing mention).
fn most_frequent(counts: Counts) -> Option<String> {
    counts
        .into_iter()
        .filter(|&(_, c)| c >= 2)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(n, _)| n.to_string())
}

/// One to three capitalised syllables at the start of `s` ("Đak Đoa", "Ia Băng").
fn capitalised_run(s: &str) -> Option<&str> {
    let mut end = 0;
    for (k, word) in s.split(' ').enumerate() {
        let w = word.trim_end_matches([',', '.', ';', ':', ')']);
        let capital = w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).all(char::is_lowercase);
        if k == 3 || !capital {
            break;
        }
        end += if k == 0 { 0 } else { 1 } + w.len();
        if w.len() != word.len() {
            break;
        }
    }
    (end > 0).then(|| &s[..end])
}

/// The province named in a banner line, which is often in capitals ("… TỈNH ĐIỆN BIÊN").
fn banner_province(banner: &str) -> Option<usize> {
    let g = gazetteer::get();
    let lower = banner.to_lowercase();
    g.provinces.iter().position(|p| {
        p.spellings.iter().any(|s| {
            let s = s.to_lowercase();
            find_ci(&lower, &s).is_some_and(|(a, b)| super::text::word_bounded(&lower, a, b))
        })
    })
}

/// Sensible casing for a banner written in capitals: sentence case, with province names and a
/// few proper nouns restored ("TRANG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ TỈNH ĐIỆN BIÊN" →
/// "Trang thông tin điện tử Đảng bộ tỉnh Điện Biên").
pub fn tidy_banner(banner: &str) -> String {
    if !super::text::is_all_caps(banner) {
        return banner.to_string();
    }
    let mut s = super::text::capitalize(&banner.to_lowercase());
    let g = gazetteer::get();
    let proper = PROPER_NOUNS.iter().map(|&n| n.to_string());
    let names = g.provinces.iter().map(|p| p.name.to_string());
    for name in proper.chain(names) {
        let lower = name.to_lowercase();
        while let Some((a, b)) = find_ci(&s, &lower) {
            if !super::text::word_bounded(&s, a, b) || s[a..b] == name {
                break;
            }
            s.replace_range(a..b, &name);
        }
    }
    s
}

/// Words that keep a capital inside an otherwise lower-cased banner.
const PROPER_NOUNS: [&str; 4] = ["Đảng", "Việt Nam", "Mặt trận Tổ quốc", "Quân đội"];

#[cfg(test)]
mod tests {
    use super::*;

    fn detect_text(text: &str, banner: Option<&str>, domain: Option<&str>) -> Place {
        detect(&Clues {
            banner,
            domain,
            text,
        })
        .expect("a province")
    }

    #[test]
    fn explicit_mentions_are_certain() {
        let p = detect_text(
            "học tập tư tưởng Hồ Chí Minh, con người Phú Yên; tỉnh Phú Yên",
            None,
            None,
        );
        assert_eq!(
            (p.name.as_str(), p.confidence),
            ("Phú Yên", Confidence::High)
        );
        assert_eq!(p.name_2025.as_deref(), Some("Đắk Lắk"));
        assert!(p.evidence.contains(&"tỉnh Phú Yên".to_string()));
        let p = detect_text("chủ trì tại điểm cầu truyền hình tỉnh Gia Lai", None, None);
        assert_eq!(p.name, "Gia Lai");
    }

    #[test]
    fn banner_counts_and_is_tidied() {
        let banner = "TRANG THÔNG TIN ĐIỆN TỬ ĐẢNG BỘ TỈNH ĐIỆN BIÊN";
        let p = detect_text("Hội nghị tổng kết", Some(banner), None);
        assert_eq!(
            (p.name.as_str(), p.confidence),
            ("Điện Biên", Confidence::High)
        );
        assert_eq!(
            tidy_banner(banner),
            "Trang thông tin điện tử Đảng bộ tỉnh Điện Biên"
        );
    }

    #[test]
    fn domain_and_ties_are_medium() {
        let p = detect_text(
            "đồng chí Phạm Quang Ngọc, Chủ tịch UBND tỉnh",
            None,
            Some("nbtv.vn"),
        );
        assert_eq!(
            (p.name.as_str(), p.confidence),
            ("Ninh Bình", Confidence::Medium)
        );
        let p = detect_text("phong trào Đồng Khởi mới, Cầu Rạch Miễu 2", None, None);
        assert_eq!(
            (p.name.as_str(), p.confidence),
            ("Bến Tre", Confidence::Medium)
        );
    }

    #[test]
    fn a_single_weak_tie_is_low() {
        let p = detect_text("giá dừa giảm", None, None);
        assert_eq!(
            (p.name.as_str(), p.confidence),
            ("Bến Tre", Confidence::Low)
        );
        assert!(detect(&Clues {
            banner: None,
            domain: None,
            text: "tư tưởng Hồ Chí Minh"
        })
        .is_none());
    }

    #[test]
    fn districts_are_kept() {
        let p = detect_text("tỉnh Gia Lai; huyện Đak Đoa; Huyện ủy Đak Đoa", None, None);
        assert_eq!(p.district.as_deref(), Some("Đak Đoa"));
    }

    #[test]
    fn communes_and_unlisted_districts_need_two_mentions() {
        let p = detect_text(
            "tỉnh Quảng Trị; xã Hải Lệ, huyện Hải Lăng; Đảng ủy xã Hải Lệ; thị xã Quảng Trị",
            None,
            None,
        );
        assert_eq!(p.commune.as_deref(), Some("Hải Lệ"));
        assert_eq!(p.district, None);
        let p = detect_text(
            "tỉnh Quảng Trị; huyện Hải Lăng. Huyện ủy Hải Lăng; xã hội",
            None,
            None,
        );
        assert_eq!(p.district.as_deref(), Some("Hải Lăng"));
        assert_eq!(p.commune, None);
        let p = detect_text(
            "TP. Hà Nội; phường Minh Khai, quận Bắc Từ Liêm; phường Minh Khai",
            None,
            None,
        );
        assert_eq!(p.commune.as_deref(), Some("Minh Khai"));
    }

    #[test]
    fn the_explicit_province_beats_passing_mentions() {
        let p = detect_text(
            "tỉnh Nghệ An học tập tỉnh Hà Tĩnh; tỉnh Nghệ An",
            None,
            None,
        );
        assert_eq!(p.name, "Nghệ An");
        assert_eq!(from_name("Đăk Lăk").name, "Đắk Lắk");
    }
}
