//! Native timing of the search core on a real bundle, with the keystrokes of the browser bench
//! (`tests/bench/bench.mjs`) and facet toggles, so core and browser figures can be compared.
//!
//! `cargo run --release --example bundle_bench -- target/bench/bundle-35440.json [--dump]`
//!
//! Also prints the time [`SearchIndex::from_bytes`] takes on the bundle's index. Given a sharded
//! bundle's `manifest.json` instead, it first joins every term chunk to the document table one
//! at a time, in a shuffled order as they would arrive in the app, and prints what that took.
//!
//! `--dump` prints every result instead (ids, facet counts, histogram), to check that a change
//! to the core leaves results as they were.
//!
//! Timed is what a keystroke's result list waits for: [`SearchIndex::search`], without reading
//! the facet counts, which are counted when first read (the app's side panels, a frame later).
//! The keystrokes are timed twice: right after the one before, and after a pause in which the
//! likeliest next ones were prepared, as the app does while typing pauses
//! ([`SearchIndex::likely_next`], [`SearchIndex::prepare`]).

use hoinghi::load::load_bundle;
use hoinghi::search::fold::fold;
use hoinghi::search::{Facet, SearchIndex, SearchRequest, SearchResults, Sort, AHEAD_COUNT};
use hoinghi::shard::{decode_docs, decode_terms, looks_like_manifest, FileRef, Manifest};
use std::path::Path;
use std::time::Instant;

/// The browser bench's queries, typed one character at a time.
const QUERIES: [&str; 11] = [
    "dan van",
    "dân vận khéo",
    "\"giao ban\"",
    "hoi nghi tong ket",
    "tinh:ha noi",
    "nam:2017 bong da",
    "Việt Nam",
    "kinh te",
    "\"thủ tướng\"",
    "covid",
    "-bong da",
];

fn keystrokes() -> Vec<String> {
    let mut out = vec![];
    for q in QUERIES {
        let chars: Vec<char> = q.chars().collect();
        out.extend((1..=chars.len()).map(|i| chars[..i].iter().collect::<String>()));
        out.push(String::new());
    }
    out
}

fn requests(index: &SearchIndex) -> Vec<SearchRequest> {
    let mut out: Vec<SearchRequest> = keystrokes()
        .into_iter()
        .map(|query| SearchRequest {
            query,
            ..Default::default()
        })
        .collect();
    let all = index.search(&SearchRequest::default());
    for f in [
        Facet::Province,
        Facet::Year,
        Facet::Kind,
        Facet::Person,
        Facet::Document,
    ] {
        for v in all.facet(f).values.iter().take(2) {
            for sort in [Sort::Relevance, Sort::Newest] {
                out.push(SearchRequest {
                    query: "dan van".into(),
                    sort,
                    filters: vec![(f, vec![v.value.clone()])],
                    date_from: Some("2017-03".into()),
                    ..Default::default()
                });
                out.push(SearchRequest {
                    filters: vec![(f, vec![v.value.clone()])],
                    ..Default::default()
                });
            }
        }
    }
    out
}

fn dump(r: &SearchResults) {
    println!("{} {:?}", r.total, r.ids());
    for f in Facet::ALL {
        let c = r.facet(f);
        let values: Vec<_> = c
            .values
            .iter()
            .map(|v| (&v.value, v.count, v.selected))
            .collect();
        println!("  {f:?} {values:?}");
    }
    println!("  {:?} {:?}", r.histogram, r.notices);
}

/// The index of a sharded bundle with all its term chunks, joined one at a time in a shuffled
/// (but fixed) order, printing the time decoding and joining took.
fn sharded_index(manifest_path: &Path, bytes: &[u8]) -> SearchIndex {
    let manifest = Manifest::parse(bytes).expect("manifest");
    let dir = manifest_path.parent().expect("manifest folder");
    let read = |f: &FileRef| {
        let bytes = std::fs::read(dir.join(&f.name)).expect("read shard");
        f.verify(&bytes).expect("shard checksum");
        bytes
    };
    let mut index = decode_docs(&read(&manifest.docs)).expect("docs");
    let files: Vec<Vec<u8>> = manifest.terms.iter().map(|t| read(&t.file)).collect();
    let mut order: Vec<usize> = (0..files.len()).collect();
    let mut seed: u64 = 7;
    for i in (1..order.len()).rev() {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        order.swap(i, (seed >> 33) as usize % (i + 1));
    }
    let (mut decode, mut join) = (0.0, vec![]);
    for k in order {
        let t = Instant::now();
        let chunk = decode_terms(&files[k]).expect("term chunk");
        decode += t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        index.add_terms(chunk);
        join.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let total: f64 = join.iter().sum();
    join.sort_by(f64::total_cmp);
    let pct = |p: usize| join[(join.len() - 1) * p / 100];
    eprintln!(
        "term chunks: {} decoded in {decode:.1} ms; joined one at a time in {total:.1} ms \
         (per chunk p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms)",
        join.len(),
        pct(50),
        pct(95),
        pct(100)
    );
    index
}

fn main() {
    let path = std::env::args().nth(1).expect("bundle path");
    let bytes = std::fs::read(&path).expect("read bundle");
    let index = if looks_like_manifest(&bytes) {
        sharded_index(Path::new(&path), &bytes)
    } else {
        load_bundle(&bytes).expect("bundle").search_index().0
    };
    if std::env::args().any(|a| a == "--dump") {
        for req in requests(&index) {
            println!("{req:?}");
            dump(&index.search(&req));
        }
        return;
    }
    // Best of three, each after the previous request's search (the cache as the app has it),
    // so that other processes on the machine inflate the figures less.
    let reqs = requests(&index);
    let typed = keystrokes().len();
    let mut times = vec![];
    for (i, req) in reqs.iter().enumerate() {
        let mut best = f64::MAX;
        for _ in 0..3 {
            index.clear_cache();
            if i > 0 {
                index.search(&reqs[i - 1]);
            }
            let t = Instant::now();
            std::hint::black_box(index.search(req));
            best = best.min(t.elapsed().as_secs_f64() * 1e3);
        }
        times.push((best, req.query.clone()));
    }
    // Keystrokes after a pause: the app has prepared the likeliest next ones
    // (src/search/ahead.rs), untimed here as in idle time there.
    let mut paused = vec![];
    let mut found = 0;
    for (i, req) in reqs[..typed].iter().enumerate() {
        let before = i.checked_sub(1).map(|b| &reqs[b]);
        let next = before.map_or(vec![], |b| index.likely_next(b, AHEAD_COUNT));
        found += usize::from(next.iter().any(|n| fold(&n.query) == fold(&req.query)));
        let mut best = f64::MAX;
        for _ in 0..3 {
            index.clear_cache();
            if let Some(before) = before {
                index.search(before);
            }
            next.iter().for_each(|n| index.prepare(n));
            let t = Instant::now();
            std::hint::black_box(index.search(req));
            best = best.min(t.elapsed().as_secs_f64() * 1e3);
        }
        paused.push((best, req.query.clone()));
    }
    // Loading is part of cold start: the index's bytes as the bundle carries them, best of three.
    let bytes = index.to_bytes();
    let load = (0..3)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(SearchIndex::from_bytes(&bytes).expect("index"));
            t.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::MAX, f64::min);
    println!("from_bytes: {load:.1} ms");
    let (typing, toggles) = times.split_at(typed);
    let after_pause = format!(
        "keystrokes after a pause ({found} of {} prepared in it, among the {AHEAD_COUNT} likeliest)",
        typed - 1
    );
    for (name, list) in [
        ("keystrokes", typing),
        (after_pause.as_str(), &paused[..]),
        ("facet requests", toggles),
    ] {
        let mut v: Vec<f64> = list.iter().map(|t| t.0).collect();
        v.sort_by(f64::total_cmp);
        let pct = |p: usize| v[(v.len() - 1) * p / 100];
        println!(
            "{name}: {} searches over {} articles, p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
            v.len(),
            index.len(),
            pct(50),
            pct(95),
            pct(100)
        );
    }
    let mut slow = typing.to_vec();
    slow.sort_by(|a, b| b.0.total_cmp(&a.0));
    let slow: Vec<String> = slow[..5]
        .iter()
        .map(|(t, q)| format!("{q:?} {t:.1}"))
        .collect();
    println!("slowest keystrokes (ms): {}", slow.join(", "));
}
