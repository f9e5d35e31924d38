//! Round trips: a sharded bundle searches exactly like its single file, and bad shards give
//! errors, not panics.

use super::*;
use crate::bundle::{Article, Block, Bundle, ConferenceKind};
use crate::load::load_bundle;
use crate::search::tokenize::word_ranges;
use crate::search::{Facet, SearchIndex, SearchRequest, Sort, Terms};
use crate::test_rng::Rng;

/// The committed default bundle, built from the five seeds.
fn seed_bundle() -> Bundle {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/public/articles.json"))
        .expect("public/articles.json is committed");
    load_bundle(&bytes)
        .expect("the default bundle loads")
        .bundle
}

/// A few hundred articles remixed from the seeds' words, with varied facets, so that chunks,
/// prefixes and facets have something to cut across.
fn remixed_bundle(n: usize) -> Bundle {
    let mut seeds = seed_bundle();
    let words: Vec<String> = seeds
        .articles
        .iter()
        .flat_map(|a| a.body.iter().map(|b| b.text().to_string()))
        .flat_map(|t| {
            word_ranges(&t)
                .map(|r| t[r].to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let mut rng = Rng(7);
    let mut text = |len: usize| {
        (0..len)
            .map(|_| words[rng.below(words.len())].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut articles = Vec::new();
    for i in 0..n {
        let mut a = seeds.articles[i % seeds.articles.len()].clone();
        a.id = format!("remix-{i}");
        a.title = text(8);
        a.body = (0..3)
            .map(|_| Block::Paragraph { text: text(40) })
            .collect();
        a.published = Some(format!(
            "20{:02}-{:02}-{:02}",
            15 + i % 9,
            1 + i % 12,
            1 + i % 28
        ));
        if let Some(c) = a.conferences.first_mut() {
            c.kind = ConferenceKind::ALL[i % ConferenceKind::ALL.len()];
        }
        articles.push(a);
    }
    seeds.articles = articles;
    seeds
}

/// Small shards, so even the seeds make many of each kind.
const SMALL: ShardOptions = ShardOptions {
    meta_per_file: 2,
    bodies_per_file: 2,
    term_chunk_bytes: 300,
    first_page_rows: 3,
};

/// Reads back a sharded bundle the way the app does: manifest, then each shard verified.
struct Opened {
    manifest: Manifest,
    docs: SearchIndex,
    articles: Vec<Article>,
    chunks: Vec<Terms>,
}

fn file<'a>(s: &'a Sharded, f: &FileRef) -> &'a [u8] {
    let bytes = &s.files.iter().find(|(n, _)| *n == f.name).expect("file").1;
    f.verify(bytes).expect("checksum");
    bytes
}

fn open(s: &Sharded) -> Opened {
    let manifest = Manifest::parse(s.manifest_json().as_bytes()).expect("manifest");
    let docs = decode_docs(file(s, &manifest.docs)).expect("docs");
    let articles: Vec<Article> = manifest
        .meta
        .iter()
        .flat_map(|m| decode_meta(file(s, &m.file), m.count).expect("meta"))
        .collect();
    let chunks = manifest
        .terms
        .iter()
        .map(|t| decode_terms(file(s, &t.file)).expect("terms"))
        .collect();
    Opened {
        manifest,
        docs,
        articles,
        chunks,
    }
}

/// The term chunks `req` needs.
fn needed(o: &Opened, req: &SearchRequest) -> Vec<usize> {
    let q = o
        .docs
        .parse_query(&req.query, req.exact, req.provinces_2025);
    needed_term_chunks(&o.manifest.terms, &q)
}

/// Searches the sharded form with only the term chunks the query needs, added last first.
fn sharded_search(o: &Opened, req: &SearchRequest) -> crate::search::SearchResults {
    let mut index = o.docs.clone();
    for k in needed(o, req).into_iter().rev() {
        index.add_terms(o.chunks[k].clone());
    }
    index.search(req)
}

fn shard(bundle: &Bundle, opts: ShardOptions) -> (SearchIndex, Sharded) {
    let index = SearchIndex::build(&bundle.articles);
    let sharded = write_sharded(bundle, &index, opts);
    (index, sharded)
}

fn same_results(full: &SearchIndex, o: &Opened, req: &SearchRequest) {
    let expected = full.search(req);
    let got = sharded_search(o, req);
    assert_eq!(got, expected, "query {:?}", req);
}

#[test]
fn seed_bundle_round_trips() {
    let bundle = seed_bundle();
    let (full, sharded) = shard(&bundle, SMALL);
    let o = open(&sharded);
    assert!(o.manifest.terms.len() > 10, "many term chunks");
    assert_eq!(o.manifest.articles, 5);
    assert_eq!(o.docs.len(), 5);
    assert!(o.docs.matches(&o.articles), "docs belong to the metadata");
    // Metadata keeps everything but the body, which is cut to the lead.
    for (meta, a) in o.articles.iter().zip(&bundle.articles) {
        assert_eq!(
            (&meta.id, &meta.title, &meta.people),
            (&a.id, &a.title, &a.people)
        );
        assert!(meta.body.len() <= 1);
    }
    // Bodies come back whole.
    for (k, f) in o.manifest.bodies.files.iter().enumerate() {
        let range = o.manifest.body_range(k);
        let bodies = decode_bodies(file(&sharded, f), range.len() as u32).expect("bodies");
        for (d, body) in range.zip(bodies) {
            assert_eq!(body, bundle.articles[d as usize].body);
        }
    }
    assert_eq!(o.manifest.body_file(4).map(|(k, _)| k), Some(2));
    // The first page is the default view's first rows.
    let first: Vec<&str> = o
        .manifest
        .first_page
        .rows
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    let ids = full.search(&SearchRequest::default()).ids().to_vec();
    let expected: Vec<&str> = ids[..3]
        .iter()
        .map(|d| bundle.articles[*d as usize].id.as_str())
        .collect();
    assert_eq!(first, expected);

    for query in [
        "",
        "dân vận",
        "dan van kheo",
        "dan van kh",
        "\"giao ban\"",
        "hoi nghi -tong",
        "ket OR ban",
        "tinh:phu yen",
        "nam:2023 dan",
        "d",
        "zzz",
    ] {
        for exact in [false, true] {
            for sort in [Sort::Relevance, Sort::Newest, Sort::ConferenceDate] {
                let req = SearchRequest {
                    query: query.into(),
                    exact,
                    sort,
                    ..Default::default()
                };
                same_results(&full, &o, &req);
            }
        }
    }
}

/// The words of the titles, to make queries of.
fn title_words(bundle: &Bundle) -> Vec<String> {
    bundle
        .articles
        .iter()
        .flat_map(|a| {
            word_ranges(&a.title)
                .map(|r| a.title[r].to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A query of one to three of `words`, some excluded, folded or cut to a prefix, sometimes with
/// OR, exact marks or a facet filter.
fn random_request(rng: &mut Rng, words: &[String], full: &SearchIndex) -> SearchRequest {
    let mut parts = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let w = &words[rng.below(words.len())];
        let part = match rng.below(6) {
            0 => format!("-{w}"),
            1 => crate::search::fold::fold(w),
            2 => w.chars().take(2).collect(),
            _ => w.clone(),
        };
        parts.push(part);
    }
    if rng.below(4) == 0 {
        parts.insert(1.min(parts.len()), "OR".into());
    }
    let facet = Facet::ALL[rng.below(Facet::ALL.len())];
    let filters = match rng.below(3) {
        0 => {
            let values = full
                .search(&SearchRequest::default())
                .facet_top(facet, 1)
                .values
                .iter()
                .take(1)
                .map(|v| v.value.clone())
                .collect();
            vec![(facet, values)]
        }
        _ => vec![],
    };
    SearchRequest {
        query: parts.join(" "),
        exact: rng.below(3) == 0,
        filters,
        ..Default::default()
    }
}

#[test]
fn random_queries_match_the_single_file() {
    let bundle = remixed_bundle(240);
    let (full, sharded) = shard(&bundle, SMALL);
    let o = open(&sharded);
    let words = title_words(&bundle);
    let mut rng = Rng(42);
    for _ in 0..300 {
        let req = random_request(&mut rng, &words, &full);
        same_results(&full, &o, &req);
    }
}

/// As in the app: chunks arrive one at a time in any order, and a query waiting for a chunk
/// was searched without it before and is searched again once it is here, so nothing memoised
/// from the first search may leak into the second.
#[test]
fn chunks_added_one_at_a_time_in_any_order_search_like_the_whole() {
    let bundle = remixed_bundle(240);
    let (full, sharded) = shard(&bundle, SMALL);
    let o = open(&sharded);
    let words = title_words(&bundle);
    let mut rng = Rng(99);
    let reqs: Vec<SearchRequest> = (0..200)
        .map(|_| random_request(&mut rng, &words, &full))
        .collect();
    let mut order: Vec<usize> = (0..o.chunks.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut index = o.docs.clone();
    let mut added = vec![false; o.chunks.len()];
    let mut compared = 0;
    for k in order {
        let waiting: Vec<&SearchRequest> = reqs
            .iter()
            .filter(|r| needed(&o, r).contains(&k))
            .take(3)
            .collect();
        for req in &waiting {
            index.search(req);
        }
        index.add_terms(o.chunks[k].clone());
        added[k] = true;
        for req in waiting {
            if needed(&o, req).iter().all(|k| added[*k]) {
                assert_eq!(index.search(req), full.search(req), "query {req:?}");
                compared += 1;
            }
        }
    }
    assert!(
        compared >= 20,
        "only {compared} queries compared on the way"
    );
    for req in &reqs {
        assert_eq!(index.search(req), full.search(req), "query {req:?}");
    }
    // All added: the same terms, in the same order, as the whole index.
    assert_eq!(index.to_bytes(), full.to_bytes());
}

#[test]
fn default_options_keep_one_folded_form_in_one_chunk() {
    let bundle = remixed_bundle(300);
    let (full, sharded) = shard(&bundle, ShardOptions::default());
    let o = open(&sharded);
    assert_eq!(
        o.chunks.iter().map(Terms::len).sum::<usize>(),
        full.term_count()
    );
    same_results(
        &full,
        &o,
        &SearchRequest {
            query: "dan van".into(),
            ..Default::default()
        },
    );
}

#[test]
fn writing_is_deterministic() {
    let bundle = seed_bundle();
    assert_eq!(shard(&bundle, SMALL).1, shard(&bundle, SMALL).1);
}

#[test]
fn damaged_shards_are_named_errors() {
    let (_, sharded) = shard(&seed_bundle(), SMALL);
    let m = &sharded.manifest;
    let body = &m.bodies.files[1];
    let mut bytes = sharded
        .files
        .iter()
        .find(|(n, _)| *n == body.name)
        .unwrap()
        .1
        .clone();
    bytes[3] ^= 1;
    assert_eq!(body.verify(&bytes), Err(ShardError::Checksum));
    assert_eq!(ShardError::Checksum.vi(), "sai mã SHA-256");
    assert!(matches!(
        body.verify(&bytes[1..]),
        Err(ShardError::Size { .. })
    ));

    // Undecodable bytes, even with the right checksum, are errors.
    assert!(decode_terms(b"HNST\x01\0\0\0\xff").is_err());
    assert!(decode_terms(b"nope").is_err());
    assert!(decode_docs(b"{}").is_err());
    assert!(decode_meta(b"[]", 1).is_err());
    assert!(decode_meta(b"[{\"id\": 1}]", 1).is_err());
    assert!(decode_bodies(b"[[]]", 2).is_err());
    assert!(decode_bodies(b"[[{\"type\":\"paragraph\",\"text\":\"a\"}]]", 1).is_ok());
    // A term chunk cut anywhere fails cleanly.
    let terms = &sharded
        .files
        .iter()
        .find(|(n, _)| n.starts_with("terms-"))
        .unwrap()
        .1;
    for cut in 0..terms.len() {
        assert!(decode_terms(&terms[..cut]).is_err());
    }
    // The docs table of a single-file index (with terms) is refused.
    let full = SearchIndex::build(&seed_bundle().articles).to_bytes();
    assert!(decode_docs(&full).is_err());
}

#[test]
fn bad_manifests_say_why() {
    let (_, sharded) = shard(&seed_bundle(), SMALL);
    let json = sharded.manifest_json();
    assert!(looks_like_manifest(json.as_bytes()));
    let seeds =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/public/articles.json")).unwrap();
    assert!(!looks_like_manifest(&seeds));
    let err = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        edit(&mut v);
        Manifest::parse(v.to_string().as_bytes())
            .unwrap_err()
            .to_string()
    };
    assert!(err(&|v| v["version"] = 2.into()).contains("version 2"));
    assert!(err(&|v| v["docs"]["name"] = "../etc/passwd".into()).contains("not a plain file name"));
    assert!(err(&|v| v["docs"]["sha256"] = "abc".into()).contains("64 lowercase hex"));
    assert!(err(&|v| v["articles"] = 6.into()).contains("hold 5 articles"));
    assert!(err(&|v| v["bodies"]["per_file"] = 0.into()).contains("body shards"));
    assert!(err(&|v| v["terms"][1]["first"] = "".into()).contains("term order"));
    assert!(Manifest::parse(b"{\"format\": 1").is_err());
    assert!(Manifest::parse(&json.as_bytes()[..json.len() / 2]).is_err());
}

#[test]
fn decoders_never_panic_on_arbitrary_bytes() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::default();
    runner
        .run(&proptest::collection::vec(any::<u8>(), 0..400), |bytes| {
            let _ = decode_terms(&bytes);
            let mut with_magic = b"HNST\x01\0\0\0".to_vec();
            with_magic.extend_from_slice(&bytes);
            let _ = decode_terms(&with_magic);
            let _ = decode_docs(&bytes);
            let _ = decode_meta(&bytes, 1);
            let _ = decode_bodies(&bytes, 1);
            let _ = Manifest::parse(&bytes);
            Ok(())
        })
        .unwrap();
}
