//! Tests of the search core as the app uses it: ranking, prefixes, exact mode, snippets,
//! facets against brute force, dates, and the binary format.

use super::*;
use crate::bundle::{
    Article, Block, Conference, ConferenceKind, DatePrecision, DocumentRef, Level, Person, Place,
};
use std::collections::BTreeSet;

fn article(id: &str, title: &str, body: &[&str]) -> Article {
    Article {
        id: id.to_string(),
        title: title.to_string(),
        published: None,
        source: None,
        author: None,
        views: None,
        body: body
            .iter()
            .map(|t| Block::Paragraph {
                text: t.to_string(),
            })
            .collect(),
        province: None,
        conferences: vec![],
        documents: vec![],
        people: vec![],
    }
}

fn place(name: &str, name_2025: Option<&str>, region: &str) -> Place {
    Place {
        name: name.to_string(),
        name_2025: name_2025.map(str::to_string),
        region: Some(region.to_string()),
        district: None,
        commune: None,
        confidence: Default::default(),
        evidence: vec![],
    }
}

fn conference(date: &str, kind: ConferenceKind, level: Option<Level>) -> Conference {
    Conference {
        date: Some(date.to_string()),
        precision: DatePrecision::Day,
        kind,
        name: None,
        period: None,
        level,
        online: false,
        host: None,
        people: vec![],
    }
}

fn ids(index: &SearchIndex, query: &str) -> Vec<u32> {
    index
        .search(&SearchRequest {
            query: query.to_string(),
            ..Default::default()
        })
        .ids
}

fn exact_ids(index: &SearchIndex, query: &str) -> Vec<u32> {
    index
        .search(&SearchRequest {
            query: query.to_string(),
            exact: true,
            ..Default::default()
        })
        .ids
}

/// The five seed articles: title on the first line, paragraphs after.
fn seeds() -> Vec<Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("seed text");
            let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
            let title = lines.next().unwrap_or("").to_string();
            let body: Vec<&str> = lines.collect();
            article(&p.display().to_string(), &title, &body)
        })
        .collect()
}

#[test]
fn folded_queries_in_any_form_find_the_same_articles() {
    let docs = vec![
        article(
            "a",
            "Hội thi Dân vận khéo",
            &["Phong trào thi đua dân vận khéo."],
        ),
        article("b", "Giao ban", &["Công tác dân vận quý I."]),
        article("c", "Khác", &["Không liên quan."]),
    ];
    let index = SearchIndex::build(&docs);
    let nfd = "da\u{302}n va\u{323}\u{302}n khe\u{301}o";
    for q in [
        "dan van kheo",
        "DÂN VẬN KHÉO",
        "dân vận khéo",
        nfd,
        "Dan Van Kheo ",
    ] {
        assert_eq!(ids(&index, q), [0], "{q}");
    }
    assert_eq!(ids(&index, "dân vận "), [0, 1]);
}

#[test]
fn exact_mode_respects_diacritics() {
    let docs = vec![
        article("a", "khéo", &[]),
        article("b", "kheo", &[]),
        article("c", "khèo", &[]),
        article("d", "KHÉO", &["khe\u{301}o viết kiểu NFD"]),
    ];
    let index = SearchIndex::build(&docs);
    assert_eq!(
        exact_ids(&index, "khéo ").iter().collect::<BTreeSet<_>>(),
        [0, 3].iter().collect()
    );
    assert_eq!(exact_ids(&index, "kheo "), [1]);
    assert_eq!(ids(&index, "kheo ").len(), 4);
    // Exact prefixes keep the marks typed so far.
    assert_eq!(exact_ids(&index, "khè"), [2]);
}

#[test]
fn last_word_is_a_prefix_while_typing() {
    let docs = vec![
        article("a", "Dân vận khéo", &[]),
        article("b", "Dân vận", &["khen thưởng"]),
        article("c", "Dân vận", &["tổng kết"]),
    ];
    let index = SearchIndex::build(&docs);
    assert_eq!(ids(&index, "dan van kh"), [0, 1]);
    assert_eq!(ids(&index, "dan van khe"), [0, 1]);
    assert_eq!(ids(&index, "dan van kheo"), [0]);
    // Finished words (trailing space) are not prefixes.
    assert!(ids(&index, "dan van kh ").is_empty());
    // One character is too short to expand.
    assert!(ids(&index, "dan van k").is_empty());
}

#[test]
fn title_matches_rank_above_body_matches() {
    let docs = vec![
        article(
            "body",
            "Tin tức",
            &["Hội nghị tổng kết công tác dân vận năm 2023."],
        ),
        article(
            "title",
            "Tổng kết công tác dân vận",
            &["Hội nghị năm 2023."],
        ),
    ];
    let index = SearchIndex::build(&docs);
    assert_eq!(ids(&index, "dân vận "), [1, 0]);
}

#[test]
fn adjacent_syllables_rank_before_scattered_ones() {
    let filler = "các đơn vị tham dự hội nghị và phát biểu ý kiến";
    let docs = vec![
        // Many occurrences, never adjacent: higher BM25 but should come last.
        article(
            "scattered",
            "vận vận dân dân",
            &[&format!("dân {filler} vận {filler} dân {filler} vận")],
        ),
        article("adjacent", "Tin", &[&format!("{filler} dân vận {filler}")]),
    ];
    let index = SearchIndex::build(&docs);
    assert_eq!(ids(&index, "dân vận "), [1, 0]);
    // A quoted phrase requires adjacency.
    assert_eq!(ids(&index, "\"dân vận\""), [1]);
    assert_eq!(ids(&index, "\"vận dân\""), [0]);
}

#[test]
fn bm25_prefers_more_occurrences_and_rarer_words() {
    let docs = vec![
        article("one", "a", &["hội nghị giao ban một lần"]),
        article("three", "b", &["giao ban giao ban giao ban định kỳ"]),
        article("other", "c", &["không có"]),
    ];
    let index = SearchIndex::build(&docs);
    assert_eq!(ids(&index, "giao "), [1, 0]);
    // Either word is enough with OR; the document with both scores highest.
    let docs = vec![
        article("common", "x", &["nhân dân và các"]),
        article("rare", "y", &["khéo và các bạn"]),
        article("both", "z", &["nhân dân khéo và"]),
        article("c1", "x", &["nhân dân và các"]),
        article("c2", "x", &["nhân dân và các"]),
    ];
    let index = SearchIndex::build(&docs);
    let got = ids(&index, "dân OR khéo ");
    assert_eq!(got[0], 2);
    assert_eq!(got[1], 1, "the rare word outweighs the common one");
    assert_eq!(got.len(), 5);
}

#[test]
fn phrases_exclusions_and_or_filter_results() {
    let docs = vec![
        article("a", "Công tác dân vận", &["Tỉnh ủy Phú Yên"]),
        article("b", "Công tác dân vận", &["Tỉnh đoàn"]),
        article("c", "Công an", &["Tỉnh ủy"]),
    ];
    let index = SearchIndex::build(&docs);
    assert_eq!(ids(&index, "công -\"tỉnh ủy\""), [1]);
    assert_eq!(ids(&index, "cong -an").len(), 2);
    assert_eq!(ids(&index, "\"cong tac\" -đoàn"), [0]);
    assert_eq!(ids(&index, "an OR đoàn ").len(), 2);
    assert_eq!(ids(&index, "-công").len(), 0);
    assert_eq!(ids(&index, "-phú").len(), 2);
}

#[test]
fn malformed_queries_search_and_explain() {
    let index = SearchIndex::build(&[article("a", "Dân vận khéo", &[])]);
    for q in ["\"dân vận", "dân - vận", "OR dân vận OR", "foo:bar dân"] {
        let r = index.search(&SearchRequest {
            query: q.into(),
            ..Default::default()
        });
        assert!(!r.notices.is_empty(), "{q}");
        assert!(r
            .notices
            .iter()
            .all(|n| !n.vi().is_empty() && !n.en().is_empty()));
    }
    let r = index.search(&SearchRequest {
        query: "\"dân vận".into(),
        ..Default::default()
    });
    assert_eq!(r.ids, [0]);
}

#[test]
fn highlights_follow_folding_and_lie_on_char_boundaries() {
    let h = Highlighter::new("dan van", false);
    let text = "Ban Dân vận Tỉnh ủy; DÂN VẬN khéo, da\u{302}n va\u{323}\u{302}n.";
    let ranges = highlight_ranges(text, &h);
    let words: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(
        words,
        [
            "Dân",
            "vận",
            "DÂN",
            "VẬN",
            "da\u{302}n",
            "va\u{323}\u{302}n"
        ]
    );
    for r in &ranges {
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
    // Prefix words highlight the whole word; exact mode only exact forms.
    let h = Highlighter::new("dân kh", false);
    assert_eq!(highlight_ranges("Dân vận khéo", &h).len(), 2);
    let h = Highlighter::new("khéo ", true);
    assert_eq!(highlight_ranges("khéo kheo khèo KHÉO", &h).len(), 2);
    assert!(highlight_ranges("Dân vận", &Highlighter::default()).is_empty());
}

#[test]
fn snippet_centres_on_the_best_passage() {
    let long = (0..80)
        .map(|i| format!("từ{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let middle = format!("{long} phong trào thi đua Dân vận khéo giai đoạn 2023 {long}");
    let a = article("a", "Tiêu đề", &["Mở đầu có dân nhưng không đủ.", &middle]);
    let h = Highlighter::new("dan van kheo", false);
    let s = snippet_for(&a, &h).expect("snippet");
    assert_eq!(s.block, 1);
    assert!(s.cut_before && s.cut_after);
    let words: Vec<&str> = s.ranges.iter().map(|r| &s.text[r.clone()]).collect();
    assert_eq!(words, ["Dân", "vận", "khéo"]);
    assert_eq!(&middle[s.start..s.start + s.text.len()], s.text);
    // Nothing matching: the opening of the body, no highlights.
    let s = snippet_for(&a, &Highlighter::new("xyz", false)).expect("snippet");
    assert_eq!((s.block, s.start, s.ranges.len()), (0, 0, 0));
    assert!(snippet_for(&article("e", "t", &[]), &h).is_none());
}

#[test]
fn seeds_are_found_with_and_without_diacritics() {
    let docs = seeds();
    assert_eq!(docs.len(), 5);
    let index = SearchIndex::build(&docs);
    let with = ids(&index, "dân vận khéo ");
    assert_eq!(with, ids(&index, "dan van kheo "));
    assert!(with.len() >= 4, "{with:?}");
    assert_eq!(ids(&index, "\"27-CT/TU\""), ids(&index, "27-ct/tu "));
    assert!(!ids(&index, "27-ct/tu ").is_empty());
    let r = index.search(&SearchRequest {
        query: "dan van kh".into(),
        ..Default::default()
    });
    let first = &docs[r.ids[0] as usize];
    let s = r.highlighter.snippet(first).expect("snippet");
    assert!(!s.ranges.is_empty());
    for r in &s.ranges {
        assert!(s.text.is_char_boundary(r.start) && s.text.is_char_boundary(r.end));
    }
}

/// A tiny deterministic generator (xorshift64*), so random tests repeat exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: [&str; 10] = [
    "dân", "vận", "khéo", "hội", "nghị", "tổng", "kết", "Phú", "Yên", "đoàn",
];
const PROVINCES: [(&str, Option<&str>, &str); 4] = [
    ("Phú Yên", Some("Đắk Lắk"), "Duyên hải Nam Trung Bộ"),
    ("Đắk Lắk", None, "Tây Nguyên"),
    ("Điện Biên", None, "Tây Bắc"),
    ("Gia Lai", None, "Tây Nguyên"),
];
const PEOPLE: [&str; 4] = [
    "Mùa A Sơn",
    "Lò Văn Mừng",
    "Hồ Thị Hoàng Yến",
    "Đỗ Việt Anh",
];

fn random_articles(rng: &mut Rng, n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| {
            let text = |rng: &mut Rng, len: usize| {
                (0..len)
                    .map(|_| rng.pick(&WORDS))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let title = text(rng, 3);
            let body = text(rng, 12);
            let mut a = article(&format!("r{i}"), &title, &[&body]);
            if rng.below(6) > 0 {
                a.published = Some(format!(
                    "20{:02}-{:02}-{:02}",
                    21 + rng.below(4),
                    1 + rng.below(12),
                    1 + rng.below(28)
                ));
            }
            if rng.below(5) > 0 {
                let (name, name_2025, region) = PROVINCES[rng.below(PROVINCES.len())];
                a.province = Some(place(name, name_2025, region));
            }
            for _ in 0..rng.below(3) {
                let kind = ConferenceKind::ALL[rng.below(4)];
                let level = [None, Some(Level::Province), Some(Level::District)][rng.below(3)];
                a.conferences.push(conference("2023-01-02", kind, level));
            }
            for _ in 0..rng.below(3) {
                a.people.push(Person {
                    name: rng.pick(&PEOPLE).to_string(),
                    titles: vec![],
                });
            }
            if rng.below(3) == 0 {
                let number = ["27-CT/TU", "132-KH/TU"][rng.below(2)].to_string();
                a.documents.push(DocumentRef {
                    number,
                    doc_type: None,
                    date: None,
                });
            }
            a
        })
        .collect()
}

/// Facet values of an article the slow way, straight from the bundle types.
fn values_of(a: &Article, facet: Facet) -> BTreeSet<String> {
    let mut v = BTreeSet::new();
    match facet {
        Facet::Province => v.extend(a.province.iter().map(|p| p.name.clone())),
        Facet::Province2025 => v.extend(
            a.province
                .iter()
                .map(|p| p.name_2025.clone().unwrap_or(p.name.clone())),
        ),
        Facet::Year => v.extend(a.published.iter().map(|p| p[..4].to_string())),
        Facet::Kind => v.extend(a.conferences.iter().map(|c| c.kind.code().to_string())),
        Facet::Source => {}
        Facet::Person => v.extend(a.people.iter().map(|p| p.name.clone())),
        Facet::Document => v.extend(a.documents.iter().map(|d| d.number.clone())),
        Facet::Level => v.extend(
            a.conferences
                .iter()
                .filter_map(|c| c.level.map(|l| l.code().to_string())),
        ),
    }
    v
}

/// Does the article contain every query word (the last as a prefix when `prefix`)?
fn text_matches(a: &Article, words: &[String], prefix: bool) -> bool {
    let mut keys = BTreeSet::new();
    for t in std::iter::once(a.title.as_str()).chain(a.body.iter().map(|b| b.text())) {
        keys.extend(tokenize::word_keys(t, false));
    }
    words.iter().enumerate().all(|(i, w)| {
        if prefix && i + 1 == words.len() && w.chars().count() > 1 {
            keys.iter().any(|k| k.starts_with(w.as_str()))
        } else {
            keys.contains(w)
        }
    })
}

#[test]
fn facet_counts_match_brute_force_on_random_queries() {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let docs = random_articles(&mut rng, 300);
    let index = SearchIndex::build(&docs);
    for round in 0..200 {
        let n_words = rng.below(3);
        let words: Vec<String> = (0..n_words)
            .map(|_| {
                let w = fold::fold(rng.pick(&WORDS));
                if rng.below(3) == 0 {
                    w.chars().take(2).collect()
                } else {
                    w
                }
            })
            .collect();
        let prefix = rng.below(2) == 0;
        let mut query = words.join(" ");
        if !prefix {
            query.push(' ');
        }
        let mut filters = Vec::new();
        for facet in Facet::ALL {
            let all: BTreeSet<String> = docs.iter().flat_map(|a| values_of(a, facet)).collect();
            let all: Vec<&String> = all.iter().collect();
            if !all.is_empty() && rng.below(3) == 0 {
                let chosen: Vec<String> = (0..1 + rng.below(2))
                    .map(|_| all[rng.below(all.len())].clone())
                    .collect();
                filters.push((facet, chosen));
            }
        }
        let date_from = (rng.below(3) == 0).then(|| format!("20{}-06-01", 21 + rng.below(3)));
        let date_to = (rng.below(3) == 0).then(|| format!("20{}", 22 + rng.below(3)));
        let req = SearchRequest {
            query: query.clone(),
            filters: filters.clone(),
            date_from,
            date_to,
            ..Default::default()
        };
        let got = index.search(&req);

        let from = req
            .date_from
            .as_deref()
            .map_or(0, |d| date_bound(d, 0).expect("date"));
        let to = req
            .date_to
            .as_deref()
            .map_or(u32::MAX, |d| date_bound(d, 99).expect("date"));
        let passes = |a: &Article, skip: Option<Facet>| {
            let dated = req.date_from.is_some() || req.date_to.is_some();
            let date = a
                .published
                .as_deref()
                .and_then(index::date_number)
                .unwrap_or(0);
            // Undated articles fall outside any date range.
            (!dated || (date > 0 && date >= from && date <= to))
                && filters
                    .iter()
                    .filter(|(f, _)| Some(*f) != skip)
                    .all(|(f, chosen)| {
                        let have = values_of(a, *f);
                        chosen.iter().any(|c| have.contains(c))
                    })
        };
        let matching: Vec<&Article> = docs
            .iter()
            .filter(|a| text_matches(a, &words, prefix))
            .collect();
        let want_ids: BTreeSet<u32> = docs
            .iter()
            .enumerate()
            .filter(|(_, a)| text_matches(a, &words, prefix) && passes(a, None))
            .map(|(i, _)| i as u32)
            .collect();
        assert_eq!(
            got.ids.iter().copied().collect::<BTreeSet<_>>(),
            want_ids,
            "round {round}: {query:?}"
        );
        assert_eq!(got.total, want_ids.len());
        for facet in Facet::ALL {
            let mut want: std::collections::BTreeMap<String, u32> = Default::default();
            for a in matching.iter().filter(|a| passes(a, Some(facet))) {
                for v in values_of(a, facet) {
                    *want.entry(v).or_default() += 1;
                }
            }
            let shown: std::collections::BTreeMap<String, u32> = got
                .facet(facet)
                .values
                .iter()
                .filter(|v| v.count > 0)
                .map(|v| (v.value.clone(), v.count))
                .collect();
            assert_eq!(shown, want, "round {round}: {query:?} facet {facet:?}");
        }
        let histogram_total: u32 = got.histogram.iter().map(|m| m.count).sum();
        // The histogram counts dated matches under every selection but the date range.
        let want_total = matching
            .iter()
            .filter(|a| a.published.is_some())
            .filter(|a| {
                filters
                    .iter()
                    .all(|(f, chosen)| values_of(a, *f).iter().any(|v| chosen.contains(v)))
            })
            .count();
        assert_eq!(
            histogram_total as usize, want_total,
            "round {round}: histogram"
        );
    }
}

#[test]
fn facet_values_sort_by_count_or_vietnamese_alphabet() {
    let mut docs = Vec::new();
    for (i, name) in [
        "Điện Biên",
        "Gia Lai",
        "Đắk Lắk",
        "Gia Lai",
        "An Giang",
        "Gia Lai",
        "Đắk Lắk",
    ]
    .iter()
    .enumerate()
    {
        let mut a = article(&i.to_string(), "t", &[]);
        a.province = Some(place(name, None, "R"));
        docs.push(a);
    }
    let index = SearchIndex::build(&docs);
    let names = |sort| -> Vec<String> {
        let r = index.search(&SearchRequest {
            facet_sort: sort,
            ..Default::default()
        });
        r.facet(Facet::Province)
            .values
            .iter()
            .map(|v| v.value.clone())
            .collect()
    };
    assert_eq!(
        names(FacetSort::Count),
        ["Gia Lai", "Đắk Lắk", "An Giang", "Điện Biên"]
    );
    assert_eq!(
        names(FacetSort::Alpha),
        ["An Giang", "Đắk Lắk", "Điện Biên", "Gia Lai"]
    );
    let r = index.search(&SearchRequest::default());
    assert_eq!(
        r.facet(Facet::Province).values[0].group.as_deref(),
        Some("R")
    );
}

#[test]
fn field_filters_fold_and_span_words() {
    let mut docs = Vec::new();
    for (i, (name, kind)) in [
        ("Phú Yên", ConferenceKind::TongKet),
        ("Gia Lai", ConferenceKind::GiaoBan),
    ]
    .iter()
    .enumerate()
    {
        let mut a = article(&i.to_string(), "Hội nghị dân vận", &[]);
        a.province = Some(place(name, Some("Đắk Lắk").filter(|_| i == 0), "R"));
        a.published = Some(format!("202{}-04-07", 2 + i));
        a.conferences
            .push(conference("2023-04-07", *kind, Some(Level::Province)));
        a.people.push(Person {
            name: "Mùa A Sơn".into(),
            titles: vec![],
        });
        a.documents.push(DocumentRef {
            number: format!("2{i}-CT/TU"),
            doc_type: None,
            date: None,
        });
        a.source = Some(crate::bundle::Source {
            name: Some(format!("Cổng thông tin {name}")),
            url: None,
            domain: None,
        });
        docs.push(a);
    }
    let index = SearchIndex::build(&docs);
    for (q, want) in [
        ("tinh:phu yen dan van", vec![0]),
        ("tinh:\"phú yên\"", vec![0]),
        ("province:GIA LAI", vec![1]),
        ("nam:2023", vec![1]),
        ("year:2022 hoi", vec![0]),
        ("loai:tong_ket", vec![0]),
        ("kind:\"giao ban\"", vec![1]),
        ("nguoi:\"mua a son\"", vec![0, 1]),
        ("vanban:21-ct/tu", vec![1]),
        ("doc:20-CT/TU", vec![0]),
        ("nguon:gia lai", vec![1]),
        ("cap:tinh", vec![0, 1]),
        ("level:province -tinh:\"gia lai\"", vec![0]),
        ("tinh:\"phu yen\" OR", vec![0]),
    ] {
        let mut got = ids(&index, q);
        got.sort();
        assert_eq!(got, want, "{q}");
    }
    let r = index.search(&SearchRequest {
        query: "tinh:dak lak".into(),
        provinces_2025: true,
        ..Default::default()
    });
    assert_eq!(r.ids, [0]);
    let r = index.search(&SearchRequest {
        query: "tinh:hanoi".into(),
        ..Default::default()
    });
    assert!(r.ids.is_empty());
    assert_eq!(r.notices, [Notice::NoSuchValue("hanoi".into())]);
}

#[test]
fn sorts_by_dates_and_relevance() {
    let mut docs = Vec::new();
    for (i, (published, conf)) in [
        (Some("2023-01-05"), "2020-01-01"),
        (None, "2024-01-01"),
        (Some("2024-03-01"), "2019-01-01"),
    ]
    .iter()
    .enumerate()
    {
        let mut a = article(&i.to_string(), "dân vận", &[]);
        a.published = published.map(str::to_string);
        a.conferences
            .push(conference(conf, ConferenceKind::Khac, None));
        docs.push(a);
    }
    let index = SearchIndex::build(&docs);
    let by = |sort| {
        index
            .search(&SearchRequest {
                query: "dân".into(),
                sort,
                ..Default::default()
            })
            .ids
    };
    assert_eq!(by(Sort::Newest), [2, 0, 1]);
    assert_eq!(by(Sort::Oldest), [0, 2, 1]);
    assert_eq!(by(Sort::ConferenceDate), [1, 0, 2]);
    // No words: newest first.
    assert_eq!(index.search(&SearchRequest::default()).ids, [2, 0, 1]);
}

#[test]
fn date_range_and_monthly_histogram() {
    let mut docs = Vec::new();
    for (i, d) in [
        "2023-01-15",
        "2023-01-20",
        "2023-04-01T08:00:00",
        "2023-06-30",
        "2022-12-31",
    ]
    .iter()
    .enumerate()
    {
        let mut a = article(&i.to_string(), "hội nghị", &[]);
        a.published = Some(d.to_string());
        docs.push(a);
    }
    docs.push(article("undated", "hội nghị", &[]));
    let index = SearchIndex::build(&docs);
    let search = |from: Option<&str>, to: Option<&str>| {
        index.search(&SearchRequest {
            query: "hoi".into(),
            date_from: from.map(str::to_string),
            date_to: to.map(str::to_string),
            ..Default::default()
        })
    };
    let r = search(Some("2023-01-16"), Some("2023-04"));
    let mut got = r.ids.clone();
    got.sort();
    assert_eq!(got, [1, 2]);
    // The histogram ignores the range itself and fills empty months.
    let months: Vec<(u16, u8, u32)> = r
        .histogram
        .iter()
        .map(|m| (m.year, m.month, m.count))
        .collect();
    assert_eq!(
        months,
        [
            (2022, 12, 1),
            (2023, 1, 2),
            (2023, 2, 0),
            (2023, 3, 0),
            (2023, 4, 1),
            (2023, 5, 0),
            (2023, 6, 1)
        ]
    );
    assert_eq!(search(Some("2023"), None).ids.len(), 4);
    assert_eq!(search(None, Some("2022")).ids, [4]);
    assert_eq!(search(None, None).ids.len(), 6);
    let r = search(Some("hôm qua"), None);
    assert_eq!(r.notices, [Notice::BadDate("hôm qua".into())]);
    assert_eq!(r.ids.len(), 6);
}

#[test]
fn index_round_trips_through_bytes_and_base64() {
    let mut rng = Rng(42);
    let mut docs = random_articles(&mut rng, 60);
    docs.extend(seeds());
    let index = SearchIndex::build(&docs);
    let bytes = index.to_bytes();
    let back = SearchIndex::from_bytes(&bytes).expect("round trip");
    assert_eq!(back, index);
    assert_eq!(back.to_bytes(), bytes);
    assert_eq!(
        SearchIndex::from_base64(&index.to_base64()).expect("base64"),
        index
    );
    assert!(back.matches(&docs));
    assert!(!back.matches(&docs[1..]));
    for q in [
        "dan van kh",
        "\"hội nghị\" -đoàn",
        "tinh:phu yen",
        "nguoi:\"mùa a sơn\" tong",
    ] {
        let req = SearchRequest {
            query: q.into(),
            ..Default::default()
        };
        assert_eq!(back.search(&req), index.search(&req), "{q}");
    }
    let empty = SearchIndex::build(&[]);
    assert_eq!(
        SearchIndex::from_bytes(&empty.to_bytes()).expect("empty"),
        empty
    );
    assert!(empty
        .search(&SearchRequest {
            query: "x".into(),
            ..Default::default()
        })
        .ids
        .is_empty());
}

#[test]
fn damaged_bytes_give_errors_not_panics() {
    let mut rng = Rng(7);
    let docs = random_articles(&mut rng, 30);
    let bytes = SearchIndex::build(&docs).to_bytes();
    for len in 0..bytes.len() {
        assert!(
            SearchIndex::from_bytes(&bytes[..len]).is_err(),
            "truncated at {len}"
        );
    }
    assert_eq!(
        SearchIndex::from_bytes(b"nope, not an index"),
        Err(IndexError::BadMagic)
    );
    let mut future = bytes.clone();
    future[4] = 9;
    assert_eq!(
        SearchIndex::from_bytes(&future),
        Err(IndexError::UnsupportedVersion(9))
    );
    // Flipped bytes: either an error, or an index that still searches without panicking.
    for _ in 0..2000 {
        let mut damaged = bytes.clone();
        for _ in 0..1 + rng.below(3) {
            let i = rng.below(damaged.len());
            damaged[i] ^= 1 << rng.below(8);
        }
        if let Ok(index) = SearchIndex::from_bytes(&damaged) {
            for q in ["dan van kh", "\"hội nghị\"", "tinh:phu yen", "-đoàn kết"] {
                let _ = index.search(&SearchRequest {
                    query: q.into(),
                    ..Default::default()
                });
            }
        }
    }
    assert!(matches!(
        SearchIndex::from_base64("@@@@"),
        Err(IndexError::Corrupt(_))
    ));
}

#[test]
fn radix_sort_is_a_stable_sort() {
    let mut rng = Rng(0x5eed_0000_0000_0002);
    for n in [0, 1, 5, 255, 256, 3000] {
        for spread in [1u64, 3, 1 << 20, u64::MAX] {
            // Ties, keys sharing their high bits, and keys of every size.
            let keys: Vec<u64> = (0..n).map(|_| (rng.next() % spread) ^ (1 << 40)).collect();
            let mut ids: Vec<u32> = (0..n as u32).rev().collect();
            let mut expected = ids.clone();
            expected.sort_by_key(|d| keys[*d as usize]);
            radix::sort_by_key(&mut ids, |d| keys[d as usize]);
            assert_eq!(ids, expected, "{n} keys below {spread}");
        }
    }
}
