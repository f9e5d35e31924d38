//! Tests of the search core as the app uses it, one file per area: ranking, prefixes, exact
//! mode and snippets ([`text`]); facets against brute force, field filters, sorting and dates
//! ([`facets`]); the binary format and the radix sort ([`format`]). This file holds the
//! articles they share.

mod facets;
mod format;
mod text;

use super::*;
use crate::bundle::{
    Article, Block, Conference, ConferenceKind, DatePrecision, DocumentRef, Level, Person, Place,
};
use crate::test_rng::Rng;
use std::collections::BTreeSet;

fn article(id: &str, title: &str, body: &[&str]) -> Article {
    Article {
        body: body
            .iter()
            .map(|t| Block::Paragraph {
                text: t.to_string(),
            })
            .collect(),
        ..Article::bare(id, title)
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
        .ids()
        .to_vec()
}

fn exact_ids(index: &SearchIndex, query: &str) -> Vec<u32> {
    index
        .search(&SearchRequest {
            query: query.to_string(),
            exact: true,
            ..Default::default()
        })
        .ids()
        .to_vec()
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

#[test]
fn warm_up_searches_the_two_most_common_words_as_typing_does() {
    let index = SearchIndex::build(&seeds());
    let queries: Vec<String> = index
        .warm_up_requests()
        .into_iter()
        .map(|r| r.query)
        .collect();
    let [prefix, pair, phrase] = &queries[..] else {
        panic!("three searches: {queries:?}");
    };
    let (first, second) = pair.split_once(' ').expect("two words");
    assert_eq!(phrase, &format!("\"{pair}\""));
    assert_eq!(prefix.chars().count(), 2);
    assert!(first.starts_with(prefix.as_str()) && first != second);
    // They are the folded forms of the two spellings met most often in the seeds.
    let mut counts: std::collections::HashMap<String, (usize, String)> = Default::default();
    let mut keys = crate::search::tokenize::Keys::default();
    for a in seeds() {
        let texts =
            std::iter::once(a.title.clone()).chain(a.body.iter().map(|b| b.text().to_string()));
        for text in texts {
            for r in crate::search::tokenize::word_ranges(&text) {
                keys.set(&text[r]);
                counts
                    .entry(keys.exact.clone())
                    .or_insert((0, keys.folded.clone()))
                    .0 += 1;
            }
        }
    }
    let mut by_count: Vec<(usize, String)> = counts.into_values().collect();
    by_count.sort_by_key(|c| std::cmp::Reverse(c.0));
    assert!(
        by_count[1].0 > by_count[2].0,
        "a clear top two: {:?}",
        &by_count[..3]
    );
    let mut top = [by_count[0].1.as_str(), by_count[1].1.as_str()];
    let mut chosen = [first, second];
    top.sort_unstable();
    chosen.sort_unstable();
    assert_eq!(chosen, top);
    assert!(SearchIndex::build(&[]).warm_up_requests().is_empty());
}
