//! Facet counts against brute force, facet order, field filters, sorting and date ranges.

use super::*;

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
            got.ids().iter().copied().collect::<BTreeSet<_>>(),
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

/// Query field filters, wanted and negated, against brute force: a document passes when it has
/// one of the values a filter names (folded alike) and none that a negated filter names.
#[test]
fn query_field_filters_match_brute_force_on_random_queries() {
    let mut rng = Rng(0x5eed_1234_abcd_0002);
    let docs = random_articles(&mut rng, 300);
    let index = SearchIndex::build(&docs);
    let fields = [
        (Facet::Province, "tinh"),
        (Facet::Year, "nam"),
        (Facet::Kind, "loai"),
        (Facet::Person, "nguoi"),
        (Facet::Document, "vanban"),
        (Facet::Level, "cap"),
    ];
    let key = |v: &str| {
        fold::fold(v)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    for round in 0..200 {
        let mut query = String::new();
        let mut filters = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let (facet, name) = fields[rng.below(fields.len())];
            let all: BTreeSet<String> = docs.iter().flat_map(|a| values_of(a, facet)).collect();
            let all: Vec<&String> = all.iter().collect();
            let value = all[rng.below(all.len())].clone();
            let negated = rng.below(3) == 0;
            query.push_str(&format!(
                "{}{name}:\"{value}\" ",
                if negated { "-" } else { "" }
            ));
            filters.push((facet, key(&value), negated));
        }
        if rng.below(2) == 0 {
            query.push_str(&fold::fold(rng.pick(&WORDS)));
            query.push(' ');
        }
        let q = index.parse_query(&query, false, false);
        let want: BTreeSet<u32> = docs
            .iter()
            .enumerate()
            .filter(|(_, a)| {
                let words: Vec<String> = q
                    .clauses
                    .iter()
                    .map(|c| c.alts[0].words[0].clone())
                    .collect();
                text_matches(a, &words, false)
            })
            .filter(|(_, a)| {
                // Filters on one facet are ORed, as the parser gathers them; negated ones exclude.
                fields.iter().all(|(facet, _)| {
                    let have: BTreeSet<String> =
                        values_of(a, *facet).iter().map(|v| key(v)).collect();
                    let named = |negated: bool| {
                        filters
                            .iter()
                            .filter(move |(f, _, n)| f == facet && *n == negated)
                            .map(|(_, v, _)| v)
                    };
                    let wanted: Vec<&String> = named(false).collect();
                    (wanted.is_empty() || wanted.iter().any(|v| have.contains(*v)))
                        && !named(true).any(|v| have.contains(v))
                })
            })
            .map(|(i, _)| i as u32)
            .collect();
        let got: BTreeSet<u32> = ids(&index, &query).into_iter().collect();
        assert_eq!(got, want, "round {round}: {query:?}");
    }
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
    assert_eq!(r.ids(), [0]);
    let r = index.search(&SearchRequest {
        query: "tinh:hanoi".into(),
        ..Default::default()
    });
    assert!(r.ids().is_empty());
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
            .ids()
            .to_vec()
    };
    assert_eq!(by(Sort::Newest), [2, 0, 1]);
    assert_eq!(by(Sort::Oldest), [0, 2, 1]);
    assert_eq!(by(Sort::ConferenceDate), [1, 0, 2]);
    // No words: newest first.
    assert_eq!(index.search(&SearchRequest::default()).ids(), [2, 0, 1]);
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
    let mut got = r.ids().to_vec();
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
    assert_eq!(search(Some("2023"), None).ids().len(), 4);
    assert_eq!(search(None, Some("2022")).ids(), [4]);
    assert_eq!(search(None, None).ids().len(), 6);
    let r = search(Some("hôm qua"), None);
    assert_eq!(r.notices, [Notice::BadDate("hôm qua".into())]);
    assert_eq!(r.ids().len(), 6);
}

/// Facet counts are counted on first read: results compare by what they would count, so the
/// UI's comparison of one search with the last neither counts them nor sees a difference.
#[test]
fn results_compare_alike_whether_their_counts_were_read_or_not() {
    let mut rng = Rng(0x5eed_1234_abcd_0005);
    let docs = random_articles(&mut rng, 100);
    let index = SearchIndex::build(&docs);
    let req = SearchRequest {
        query: "dan".into(),
        ..Default::default()
    };
    let (read, unread) = (index.search(&req), index.search(&req));
    assert!(!read.facet(Facet::Province).values.is_empty());
    assert_eq!(read, unread);
    // The same articles, their facet values ordered otherwise.
    let alphabetical = index.search(&SearchRequest {
        facet_sort: FacetSort::Alpha,
        ..req
    });
    assert_eq!(alphabetical.ids(), read.ids());
    assert_ne!(read, alphabetical);
    assert_ne!(unread, alphabetical);
}
