//! The gazetteer shipped with the project (`gazetteer.tsv`, readable and editable by people who
//! know the country): provinces, districts, site domains and names tied to one province, plus a
//! first-word index so a text is scanned once however many names the table holds.

use std::sync::OnceLock;

use fnv::FnvHashMap;

use super::text::fold;

const DATA: &str = include_str!("gazetteer.tsv");

/// Phrases that look like places but are not, consumed so their words cannot match: the ocean
/// in "Thái Bình Dương", and "Hồ Chí Minh" the person (the city is always written with "TP").
const NOT_PLACES: [&str; 2] = ["Thái Bình Dương", "Hồ Chí Minh"];

pub struct Province {
    pub name: &'static str,
    pub region: &'static str,
    pub name_2025: &'static str,
    /// Spellings that match the province, the name first.
    pub spellings: Vec<&'static str>,
    /// Name without diacritics or spaces ("dienbien"), as sites use it in domains.
    pub slug: String,
}

pub struct District {
    pub name: &'static str,
    pub province: usize,
}

pub struct Tie {
    pub province: usize,
    pub weight: u32,
    pub note: &'static str,
}

/// What a matched phrase stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Province(usize),
    District(usize),
    Tie(usize),
    NotPlace,
}

pub struct Gazetteer {
    pub provinces: Vec<Province>,
    pub districts: Vec<District>,
    pub domains: Vec<(&'static str, usize)>,
    pub ties: Vec<Tie>,
    /// First word of a phrase → (phrase, target), longest phrase first. Looked up once per word
    /// of every article: FNV suits these short keys better than SipHash.
    index: FnvHashMap<&'static str, Vec<(&'static str, Target)>>,
    /// First characters of all phrases, sorted for a binary search.
    initials: Vec<char>,
    /// The ASCII lower-case ones among them, as bytes, for a quicker first test.
    lower_initials: Vec<u8>,
}

/// A phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub target: Target,
}

pub fn get() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::parse(DATA))
}

/// The first word of a phrase: up to ASCII space or punctuation (Vietnamese letters are never
/// ASCII punctuation, so this can work on bytes; it runs for every word of every article).
fn first_word(s: &str) -> &str {
    let end = s
        .bytes()
        .position(|b| b < 0x80 && !b.is_ascii_alphanumeric())
        .unwrap_or(s.len());
    &s[..end]
}

impl Gazetteer {
    fn parse(data: &'static str) -> Gazetteer {
        let rows: Vec<Vec<&str>> = data
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split('\t').collect())
            .collect();
        let mut g = Gazetteer {
            provinces: Vec::new(),
            districts: Vec::new(),
            domains: Vec::new(),
            ties: Vec::new(),
            index: FnvHashMap::default(),
            initials: Vec::new(),
            lower_initials: Vec::new(),
        };
        for r in rows.iter().filter(|r| r[0] == "P") {
            let mut spellings = vec![r[1]];
            spellings.extend(
                r.get(4)
                    .into_iter()
                    .flat_map(|a| a.split('|'))
                    .filter(|a| !a.is_empty()),
            );
            let slug = fold(r[1]).replace(['.', ' ', '-'], "");
            g.provinces.push(Province {
                name: r[1],
                region: r[2],
                name_2025: r[3],
                spellings,
                slug,
            });
        }
        let province = |g: &Gazetteer, name: &str| {
            g.province_index(name)
                .unwrap_or_else(|| panic!("gazetteer.tsv: unknown province {name}"))
        };
        for r in &rows {
            match r[0] {
                "H" => {
                    let p = province(&g, r[2]);
                    g.districts.push(District {
                        name: r[1],
                        province: p,
                    });
                    let id = g.districts.len() - 1;
                    for s in
                        std::iter::once(r[1]).chain(r.get(3).into_iter().flat_map(|a| a.split('|')))
                    {
                        g.add(s, Target::District(id));
                    }
                }
                "D" => {
                    let p = province(&g, r[2]);
                    g.domains.push((r[1], p));
                }
                "T" => {
                    let p = province(&g, r[2]);
                    let weight = r[3].parse().expect("gazetteer.tsv: tie weight");
                    g.ties.push(Tie {
                        province: p,
                        weight,
                        note: r[4],
                    });
                    g.add(r[1], Target::Tie(g.ties.len() - 1));
                }
                _ => {}
            }
        }
        for p in 0..g.provinces.len() {
            for s in g.provinces[p].spellings.clone() {
                g.add(s, Target::Province(p));
            }
        }
        for s in NOT_PLACES {
            g.add(s, Target::NotPlace);
        }
        g.initials = g.index.keys().filter_map(|k| k.chars().next()).collect();
        g.initials.sort_unstable();
        g.initials.dedup();
        g.lower_initials = g
            .initials
            .iter()
            .filter(|c| c.is_ascii_lowercase())
            .map(|&c| c as u8)
            .collect();
        for list in g.index.values_mut() {
            list.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        }
        g
    }

    fn add(&mut self, phrase: &'static str, target: Target) {
        if !phrase.is_empty() {
            self.index
                .entry(first_word(phrase))
                .or_default()
                .push((phrase, target));
        }
    }

    pub fn province_index(&self, name: &str) -> Option<usize> {
        let folded = fold(name).replace(['.', ' ', '-', '–'], "");
        self.provinces.iter().position(|p| {
            p.spellings
                .iter()
                .any(|s| fold(s).replace(['.', ' ', '-', '–'], "") == folded)
        })
    }

    /// Every gazetteer phrase in `text`, case-sensitive (place names are capitalised; this keeps
    /// "quản trị" from matching "Quảng Trị"), longest first at each position, never overlapping.
    pub fn scan(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut skip_to = 0;
        let bytes = text.as_bytes();
        // Word starts found on bytes: after an ASCII space or punctuation, at an ASCII letter or
        // digit or the lead byte of a non-ASCII character (always a char boundary there).
        let word_byte = |b: u8| b >= 0x80 || b.is_ascii_alphanumeric();
        for i in 0..bytes.len() {
            let word_start = word_byte(bytes[i]) && (i == 0 || !word_byte(bytes[i - 1]));
            if !word_start || i < skip_to {
                continue;
            }
            // Opening quotes and dashes are non-ASCII too: step over them to the word.
            let mut i = i;
            while let Some(c) = text[i..]
                .chars()
                .next()
                .filter(|c| !c.is_ascii() && !c.is_alphanumeric())
            {
                i += c.len_utf8();
            }
            // Most words start with a letter no phrase starts with: skip the hash lookup.
            let Some(&b0) = bytes.get(i) else { break };
            if b0.is_ascii_lowercase() && !self.lower_initials.contains(&b0) {
                continue;
            }
            let initial = text[i..].chars().next().unwrap_or(' ');
            if self.initials.binary_search(&initial).is_err() {
                continue;
            }
            let Some(list) = self.index.get(first_word(&text[i..])) else {
                continue;
            };
            let found = list.iter().find(|(s, _)| {
                text[i..].starts_with(s)
                    && !text[i + s.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
            });
            if let Some(&(s, target)) = found {
                skip_to = i + s.len();
                hits.push(Hit {
                    start: i,
                    end: i + s.len(),
                    target,
                });
            }
        }
        hits
    }

    /// The province a site domain belongs to: listed domains, else a label that is the
    /// province's slug, optionally with "bao" before or "tv" after ("baophuyen", "dienbien.dcs.vn").
    pub fn domain_province(&self, domain: &str) -> Option<usize> {
        let d = domain.trim_start_matches("www.").to_ascii_lowercase();
        if let Some(&(_, p)) = self
            .domains
            .iter()
            .find(|(x, _)| d == *x || d.ends_with(&format!(".{x}")))
        {
            return Some(p);
        }
        let labels: Vec<&str> = d.split('.').collect();
        let host_labels = &labels[..labels.len().saturating_sub(1)];
        self.provinces.iter().position(|p| {
            host_labels.iter().any(|l| {
                let l = l.strip_prefix("bao").unwrap_or(l);
                let l = l.strip_suffix("tv").unwrap_or(l);
                l == p.slug
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_all_provinces_and_the_merger() {
        let g = get();
        assert_eq!(g.provinces.len(), 63);
        let mut after: Vec<&str> = g.provinces.iter().map(|p| p.name_2025).collect();
        after.sort();
        after.dedup();
        assert_eq!(after.len(), 34);
        for p in &g.provinces {
            assert!(
                g.province_index(p.name_2025).is_some(),
                "{} merges into unknown {}",
                p.name,
                p.name_2025
            );
            assert!(!p.region.is_empty());
        }
        let phu_yen = &g.provinces[g.province_index("Phú Yên").unwrap()];
        assert_eq!(
            (phu_yen.name_2025, phu_yen.region),
            ("Đắk Lắk", "Duyên hải Nam Trung Bộ")
        );
    }

    #[test]
    fn spellings_resolve() {
        let g = get();
        let dak_lak = g.province_index("Đắk Lắk");
        assert!(dak_lak.is_some());
        assert_eq!(g.province_index("Đăk Lăk"), dak_lak);
        assert_eq!(
            g.province_index("TT-Huế"),
            g.province_index("Thừa Thiên Huế")
        );
        assert_eq!(
            g.province_index("TP.HCM"),
            g.province_index("TP. Hồ Chí Minh")
        );
        assert_eq!(g.province_index("Atlantis"), None);
    }

    #[test]
    fn scan_is_case_sensitive_and_skips_non_places() {
        let g = get();
        let hits = g.scan("quản trị xã hội; tư tưởng Hồ Chí Minh; Thái Bình Dương; tỉnh Quảng Trị");
        let places: Vec<Target> = hits
            .iter()
            .map(|h| h.target)
            .filter(|t| *t != Target::NotPlace)
            .collect();
        assert_eq!(
            places,
            [Target::Province(g.province_index("Quảng Trị").unwrap())]
        );
        let hits = g.scan("huyện Đak Đoa, cầu “Rạch Miễu” 2");
        assert!(matches!(hits[0].target, Target::District(_)));
        assert!(matches!(hits[1].target, Target::Tie(_)));
    }

    #[test]
    fn domains() {
        let g = get();
        assert_eq!(g.domain_province("nbtv.vn"), g.province_index("Ninh Bình"));
        assert_eq!(
            g.domain_province("cdn.nbtv.vn"),
            g.province_index("Ninh Bình")
        );
        assert_eq!(
            g.domain_province("dienbien.dcs.vn"),
            g.province_index("Điện Biên")
        );
        assert_eq!(
            g.domain_province("baobinhdinh.vn"),
            g.province_index("Bình Định")
        );
        assert_eq!(g.domain_province("example.com"), None);
    }
}
