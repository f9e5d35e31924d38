//! Native measurement of the search core on a directory of `.txt` articles (title on the first
//! line, paragraphs after): build time, index size, load time, per-keystroke query latency.
//!
//! `cargo run --release --example search_bench -- target/corpus-search/data [limit]`
//!
//! The corpus has no metadata, so each article gets a deterministic made-up date, province and
//! conference kind: facet counting and the histogram then cost what they would on real bundles.

use hoinghi::bundle::{Article, Block, Conference, ConferenceKind, DatePrecision, Place};
use hoinghi::search::{Facet, SearchIndex, SearchRequest, Sort};
use std::io::Write;
use std::time::{Duration, Instant};

const PROVINCES: [&str; 12] = [
    "Hà Nội",
    "Phú Yên",
    "Đắk Lắk",
    "Điện Biên",
    "Gia Lai",
    "Ninh Bình",
    "Bắc Ninh",
    "Cà Mau",
    "Thừa Thiên Huế",
    "Hồ Chí Minh",
    "Đà Nẵng",
    "Lào Cai",
];

/// Typed a keystroke at a time: every prefix of each is a query.
const TYPED: [&str; 8] = [
    "dân vận khéo",
    "dan van kheo",
    "cong tac dan van",
    "\"công an\" hà nội",
    "xổ số vietlott",
    "tinh:phu yen giao thong",
    "thủ tướng OR chủ tịch nước",
    "bóng đá -\"việt nam\"",
];

/// Whole queries, run as typed (with a trailing space where noted).
const WHOLE: [&str; 8] = [
    "c",
    "ng",
    "tr",
    "viet nam ",
    "nam:2017 kinh te ",
    "loai:tong_ket hoi nghi",
    "DÂN VẬN",
    "kh",
];

fn load(dir: &str, limit: usize) -> Vec<Article> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.truncate(limit);
    paths
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            let mut lines = text.lines();
            let title = lines.next().unwrap_or("").trim().to_string();
            let body = lines
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Block::Paragraph {
                    text: l.to_string(),
                })
                .collect();
            let day = i % 365;
            let date = format!("2017-{:02}-{:02}", day / 31 + 1, day % 28 + 1);
            Article {
                id: p
                    .file_stem()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                title,
                published: Some(date.clone()),
                source: None,
                author: None,
                views: None,
                body,
                province: Some(Place {
                    name: PROVINCES[i * 7 % PROVINCES.len()].to_string(),
                    name_2025: None,
                    region: Some("Vùng".to_string()),
                    district: None,
                    commune: None,
                    confidence: Default::default(),
                    evidence: vec![],
                }),
                conferences: vec![Conference {
                    date: Some(date),
                    precision: DatePrecision::Day,
                    kind: ConferenceKind::ALL[i % ConferenceKind::ALL.len()],
                    name: None,
                    period: None,
                    level: None,
                    online: false,
                    host: None,
                    people: vec![],
                }],
                documents: vec![],
                people: vec![],
            }
        })
        .collect()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn gzip_size(bytes: &[u8]) -> Option<usize> {
    let mut child = std::process::Command::new("gzip")
        .arg("-c")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let data = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    Some(out.stdout.len())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .map_or("target/corpus-search/data", |s| s.as_str());
    let limit = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);

    let t = Instant::now();
    let articles = load(dir, limit);
    println!(
        "articles: {} (read in {:.0} ms)",
        articles.len(),
        ms(t.elapsed())
    );

    let t = Instant::now();
    let built = SearchIndex::build(&articles);
    println!(
        "build: {:.0} ms, {} terms",
        ms(t.elapsed()),
        built.term_count()
    );

    let bytes = built.to_bytes();
    let gz = gzip_size(&bytes).map_or("gzip unavailable".to_string(), |n| {
        format!("{n} bytes gzip")
    });
    println!("index: {} bytes raw, {gz}", bytes.len());

    let t = Instant::now();
    let index = SearchIndex::from_bytes(&bytes).expect("round trip");
    println!("from_bytes: {:.1} ms", ms(t.elapsed()));
    drop(built);

    // A glance at quality: the best matches of a typed-in-progress query.
    let sample = index.search(&SearchRequest {
        query: "dan van kh".into(),
        ..Default::default()
    });
    println!("\"dan van kh\": {} results; top 3:", sample.total);
    for id in sample.ids_in(0..3) {
        let a = &articles[*id as usize];
        let snippet = sample.highlighter.snippet(a);
        let marked = snippet.map_or(String::new(), |s| {
            let mut out = String::new();
            let mut at = 0;
            for r in &s.ranges {
                out.push_str(&s.text[at..r.start]);
                out.push_str(&format!("[{}]", &s.text[r.clone()]));
                at = r.end;
            }
            out.push_str(&s.text[at..]);
            out
        });
        println!("  {} | {}", a.title, marked);
    }

    // Keystrokes: each prefix of a typed query in turn, so the previous keystroke's work is
    // cached as it is in the app. Cold: whole queries with the cache emptied first.
    let mut typed: Vec<(String, bool)> = Vec::new();
    for q in TYPED {
        let ends: Vec<usize> = q
            .char_indices()
            .map(|(i, _)| i)
            .skip(1)
            .chain([q.len()])
            .collect();
        typed.extend(ends.into_iter().map(|e| (q[..e].to_string(), false)));
    }
    let mut cold: Vec<(String, bool)> = WHOLE.iter().map(|q| (q.to_string(), false)).collect();
    cold.extend(TYPED.iter().map(|q| (format!("{q} "), false)));
    cold.push(("khéo".to_string(), true));

    // Each search is timed three times and the fastest kept, so that other processes sharing
    // the cores inflate the figures less. Before each timing the cache is emptied and, for
    // keystrokes, the previous keystroke's search is run untimed, as it was in the app.
    for (name, queries, typing) in [("keystrokes", &typed, true), ("cold queries", &cold, false)] {
        let mut search_times = Vec::new();
        let mut times = Vec::new();
        let mut slowest = (Duration::ZERO, String::new());
        for round in 0..3 {
            let request = |q: &str, exact: bool| SearchRequest {
                query: q.to_string(),
                exact,
                sort: if round == 2 {
                    Sort::Newest
                } else {
                    Sort::Relevance
                },
                filters: if round == 1 {
                    vec![(Facet::Province, vec!["Hà Nội".into(), "Gia Lai".into()])]
                } else {
                    vec![]
                },
                ..Default::default()
            };
            for (i, (q, exact)) in queries.iter().enumerate() {
                let (mut best_search, mut best) = (Duration::MAX, Duration::MAX);
                for _ in 0..3 {
                    index.clear_cache();
                    if typing && i > 0 {
                        let (prev, prev_exact) = &queries[i - 1];
                        std::hint::black_box(index.search(&request(prev, *prev_exact)));
                    }
                    let t = Instant::now();
                    let results = index.search(&request(q, *exact));
                    // Counted on first read (the app's side panels read them a frame later).
                    for facet in Facet::ALL {
                        std::hint::black_box(results.facet_len(facet));
                    }
                    best_search = best_search.min(t.elapsed());
                    let snippets = results
                        .ids_in(0..50)
                        .iter()
                        .filter_map(|id| results.highlighter.snippet(&articles[*id as usize]))
                        .count();
                    best = best.min(t.elapsed());
                    std::hint::black_box(snippets);
                }
                if best > slowest.0 {
                    slowest = (best, q.clone());
                }
                search_times.push(best_search);
                times.push(best);
            }
        }
        times.sort();
        search_times.sort();
        let pct = |v: &[Duration], p: usize| ms(v[(v.len() - 1) * p / 100]);
        println!(
            "{name}: {} searches; search alone (ranked ids, all facet counts, histogram) p50 {:.2} ms, p95 {:.2} ms; with 50 snippets p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms ({:?})",
            times.len(),
            pct(&search_times, 50),
            pct(&search_times, 95),
            pct(&times, 50),
            pct(&times, 95),
            ms(slowest.0),
            slowest.1
        );
    }
}
