//! Ranking, prefixes, exact mode, highlights and snippets.

use super::*;

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
    assert_eq!(r.ids(), [0]);
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
    // No words at all (browsing by facets): the same opening.
    assert_eq!(snippet_for(&a, &Highlighter::new("", false)), Some(s));
    let blank_first = article("b", "t", &["", &middle]);
    let s = snippet_for(&blank_first, &Highlighter::new("", false)).expect("snippet");
    assert_eq!(
        (s.block, s.start, s.cut_before, s.cut_after),
        (1, 0, false, true)
    );
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
    let first = &docs[r.ids()[0] as usize];
    let s = r.highlighter.snippet(first).expect("snippet");
    assert!(!s.ranges.is_empty());
    for r in &s.ranges {
        assert!(s.text.is_char_boundary(r.start) && s.text.is_char_boundary(r.end));
    }
}

#[test]
fn a_last_word_typed_as_a_prefix_finds_alike_whether_its_positions_are_streamed_or_kept() {
    let articles = random_articles(&mut Rng(0x5eed_2026), 400);
    // Each search streams the prefix's positions where that pays; `kept` has them memoised
    // first, so it searches the way words before the last are searched.
    let (streamed, kept) = (SearchIndex::build(&articles), SearchIndex::build(&articles));
    let mut streams = 0;
    for exact in [false, true] {
        for first in WORDS {
            for last in WORDS.iter().filter(|w| **w != first) {
                let prefix: String = last.chars().take(2).collect();
                for query in [format!("{first} {prefix}"), format!("kết {first} {prefix}")] {
                    let q = streamed.parse_query(&query, exact, false);
                    let [.., a, b] = &q.clauses[..] else {
                        panic!("two words or more: {query}");
                    };
                    let (a, b) = (&a.alts[0], &b.alts[0]);
                    let word = b.words.last().unwrap();
                    let before = streamed.word_positions(&a.words[0], exact, false).len();
                    if streamed.streamed_prefix(word, exact, before).is_some() {
                        streams += 1;
                    }
                    kept.word_positions(word, exact, true);
                    let request = SearchRequest {
                        query: query.clone(),
                        exact,
                        ..Default::default()
                    };
                    assert_eq!(
                        streamed.search(&request),
                        kept.search(&request),
                        "{query} (exact: {exact})"
                    );
                }
            }
        }
    }
    assert!(
        streams > 100,
        "most searches stream the prefix: {streams} of 360"
    );
}

/// The index keeps positions, scores and adjacencies between searches (`SearchIndex::cached`):
/// whatever was searched or prepared before, a search gives what it gives on a fresh cache.
/// Queries are typed a letter at a time, in folded and exact forms, quoted or not; after each
/// keystroke the likeliest next ones are prepared, as the app does while typing pauses, and
/// some are searched again with a facet selection or another sort, as clicks after typing do.
#[test]
fn searches_after_others_match_searches_on_a_fresh_cache() {
    // Words that begin other words, so a word and the same letters as a prefix differ.
    const SHARING: [&str; 8] = ["dâng", "dấn", "văn", "vấn", "hồi", "khen", "tổ", "kể"];
    let mut rng = Rng(0x5eed_1234_abcd_0003);
    let mut docs = random_articles(&mut rng, 300);
    for a in &mut docs {
        a.title = format!("{} {}", a.title, rng.pick(&SHARING));
    }
    let (index, fresh) = (SearchIndex::build(&docs), SearchIndex::build(&docs));
    let provinces: Vec<&str> = PROVINCES.iter().map(|p| p.0).collect();
    let vocabulary: Vec<&str> = WORDS.iter().chain(&SHARING).copied().collect();
    for round in 0..60 {
        let words: Vec<String> = (0..1 + rng.below(3))
            .map(|_| {
                let w = rng.pick(&vocabulary);
                if rng.below(2) == 0 {
                    fold::fold(w)
                } else {
                    w.to_lowercase()
                }
            })
            .collect();
        let mut text = words.join(" ");
        if rng.below(4) == 0 {
            text = format!("\"{text}\"");
        }
        // A finished last word: the letters typed before it were a prefix.
        text.push(' ');
        let exact = rng.below(4) == 0;
        let chars: Vec<char> = text.chars().collect();
        for i in 1..=chars.len() {
            let mut req = SearchRequest {
                query: chars[..i].iter().collect(),
                exact,
                ..Default::default()
            };
            let mut requests = vec![req.clone()];
            if rng.below(3) == 0 {
                req.filters = vec![(Facet::Province, vec![rng.pick(&provinces).to_string()])];
                req.sort = [Sort::Relevance, Sort::Newest][rng.below(2)];
                requests.push(req);
            }
            for req in &requests {
                fresh.clear_cache();
                assert_eq!(
                    index.search(req),
                    fresh.search(req),
                    "round {round}: {req:?}"
                );
            }
            for next in index.likely_next(&requests[0], 1 + rng.below(4)) {
                index.prepare(&next);
            }
        }
    }
}

/// Articles where `v` is followed by `e` (về: 40 occurrences) more often than by `a` (và,
/// vào, văn, vận: 31 in all; và alone outweighs vào, and vào văn and vận), and by `i` least
/// (vì: 1): orders unlike the alphabet's.
fn v_words() -> Vec<Article> {
    let many = |w: &str, n: usize| vec![w; n].join(" ");
    vec![
        article("a", "Dân vận", &[&many("và", 20), &many("về", 40)]),
        article("b", "Văn hoá", &[&many("vào", 8), &many("văn", 2), "vì"]),
    ]
}

#[test]
fn likely_next_letters_are_those_the_archive_writes_most() {
    let index = SearchIndex::build(&v_words());
    let next = |query: &str, exact: bool, count: usize| -> Vec<String> {
        let req = SearchRequest {
            query: query.into(),
            exact,
            ..Default::default()
        };
        index
            .likely_next(&req, count)
            .into_iter()
            .map(|r| {
                assert_eq!(
                    (r.exact, r.sort),
                    (exact, req.sort),
                    "only the text changes"
                );
                r.query
            })
            .collect()
    };
    assert_eq!(next("dân v", false, 3), ["dân ve", "dân va", "dân vi"]);
    assert_eq!(next("dân V", false, 1), ["dân Ve"]);
    // The word typed so far is itself the commonest: a space, which finishes it, comes first;
    // then `vao` (8) before `van` (văn, vận: 4).
    assert_eq!(next("dan va", false, 3), ["dan va ", "dan vao", "dan van"]);
    // Exact mode follows the marks: `và` and `vào` begin with `và`, `văn` with `vă`.
    assert_eq!(next("dân v", true, 3), ["dân về", "dân và", "dân vă"]);
    assert_eq!(next("\"dân v", false, 1), ["\"dân ve"]);
    assert_eq!(next("-v", false, 1), ["-ve"]);
    // No word being typed, a field's value, or no word that begins so.
    for query in [
        "",
        "dân ",
        "dân v ",
        "\"dân v\"",
        "tinh:v",
        "dan tinh:v",
        "dân x",
    ] {
        assert_eq!(next(query, false, 3), Vec::<String>::new(), "{query:?}");
    }
}

/// What [`SearchIndex::prepare`] computes is what the search would: searching a prepared
/// request keeps nothing new. Each query here reads word positions, scores and adjacencies.
#[test]
fn a_prepared_search_finds_its_words_ready() {
    let index = SearchIndex::build(&v_words());
    let kept = |index: &SearchIndex| -> Vec<String> {
        let mut keys: Vec<String> = index
            .scratch
            .lock()
            .cache
            .iter()
            .map(|(k, _)| k.clone())
            .collect();
        keys.sort();
        keys
    };
    for (query, exact) in [
        ("dân và", false),
        ("dân vă", true),
        ("dân ", false),
        ("\"dân v", false),
        ("van -va", false),
        ("va OR ve", false),
    ] {
        let req = SearchRequest {
            query: query.into(),
            exact,
            ..Default::default()
        };
        index.clear_cache();
        index.prepare(&req);
        let prepared = kept(&index);
        assert!(!prepared.is_empty(), "{query:?} prepared nothing");
        index.search(&req);
        assert_eq!(kept(&index), prepared, "{query:?}");
    }
}
