//! Property-based fuzzing of everything that reads untrusted input: the bundle loader, the query
//! parser and search, date parsing, and ingest. cargo-fuzz needs a nightly toolchain, which this
//! project's machines do not have, so proptest generates the inputs.
//!
//! Each target runs for `FUZZ_SECONDS` (default 2, so `cargo test` fuzzes a little on every run;
//! `./run fuzz` gives each a minute) and prints how many inputs it tried. A failure prints the
//! shrunk input; it then becomes a regression test in the module it broke.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

use hoinghi::display::DateTime;
use hoinghi::ingest::{ingest_file, ingest_text, Meta};
use hoinghi::load::load_bundle;
use hoinghi::search::{SearchIndex, SearchRequest};

fn budget() -> Duration {
    let secs = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2.0);
    Duration::from_secs_f64(secs)
}

/// Runs `check` on inputs from `strategy` until the time budget is spent.
fn fuzz<S: Strategy>(name: &str, strategy: S, check: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let deadline = Instant::now() + budget();
    let mut runs = 0u64;
    let batch = 256;
    while Instant::now() < deadline {
        let mut runner = TestRunner::new(Config {
            cases: batch,
            failure_persistence: None,
            ..Config::default()
        });
        if let Err(e) = runner.run(&strategy, &check) {
            panic!("fuzz target {name} failed after {runs} inputs: {e}");
        }
        runs += u64::from(batch);
    }
    println!("fuzz {name}: {runs} inputs, no failure");
}

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds")
}

fn default_bundle() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/articles.json"))
            .expect("the default bundle is committed")
    })
}

fn seed_texts() -> &'static [String] {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let mut files: Vec<_> = std::fs::read_dir(seeds_dir())
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        files
            .iter()
            .map(|f| std::fs::read_to_string(f).unwrap())
            .collect()
    })
}

/// Text that looks like what the parsers meet: Vietnamese letters, digits, the punctuation that
/// carries meaning in dates, document numbers and queries, and line breaks.
fn vietnamese_text(max: usize) -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("Ngày ".to_string()),
        Just("Thứ 6, ".to_string()),
        Just("Hội nghị tổng kết ".to_string()),
        Just("Ban Dân vận Tỉnh ủy ".to_string()),
        Just("Kế hoạch số 132-KH/TU, ngày 23/02/2023 ".to_string()),
        Just("Quý I/2023 ".to_string()),
        Just("giai đoạn 2021 - 2025".to_string()),
        Just("Lượt đọc: ".to_string()),
        Just("\n".to_string()),
        Just("\"".to_string()),
        Just("-".to_string()),
        Just(" OR ".to_string()),
        Just("tinh:".to_string()),
        Just("a\u{0301}".to_string()),
        "[0-9/.:| -]{1,12}",
        "[a-zA-ZàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐ ]{1,16}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    proptest::collection::vec(pieces, 0..max).prop_map(|v| v.concat())
}

#[test]
fn bundle_loader_never_panics_on_arbitrary_bytes() {
    fuzz(
        "bundle/bytes",
        proptest::collection::vec(any::<u8>(), 0..2048),
        |bytes| {
            let _ = load_bundle(&bytes);
            Ok(())
        },
    );
}

#[test]
fn bundle_loader_never_panics_on_damaged_bundles() {
    let len = default_bundle().len();
    let edits = proptest::collection::vec((0..len, any::<u8>()), 0..8);
    fuzz("bundle/damaged", (edits, 0..=len), |(edits, cut)| {
        let mut bytes = default_bundle()[..cut].to_vec();
        for (at, byte) in edits {
            if at < bytes.len() {
                bytes[at] = byte;
            }
        }
        // A damaged bundle either fails with an error or loads what is sound; never panics.
        if let Ok(loaded) = load_bundle(&bytes) {
            prop_assert!(loaded.bundle.articles.len() + loaded.warnings.len() <= 5);
        }
        Ok(())
    });
}

#[test]
fn query_parser_and_search_never_panic() {
    let (bundle, _) = hoinghi::ingest::build_bundle(&[seeds_dir()], &Default::default()).unwrap();
    let index = SearchIndex::build(&bundle.articles);
    fuzz(
        "query",
        (vietnamese_text(12), any::<bool>()),
        |(query, exact)| {
            let results = index.search(&SearchRequest {
                query,
                exact,
                ..SearchRequest::default()
            });
            prop_assert!(results.ids().len() <= bundle.articles.len());
            for &id in results.ids_in(0..3) {
                let article = &bundle.articles[id as usize];
                for range in results.highlighter.ranges(&article.title) {
                    prop_assert!(article.title.is_char_boundary(range.start));
                    prop_assert!(article.title.is_char_boundary(range.end));
                }
                let _ = results.highlighter.snippet(article);
            }
            Ok(())
        },
    );
}

#[test]
fn date_parsing_never_panics() {
    fuzz("dates", vietnamese_text(6), |text| {
        let _ = DateTime::parse(&text);
        // Ingest reads dates from the first lines of a page: put the text there.
        let _ = ingest_text(&format!("Tiêu đề\n{text}\nNội dung."), &Meta::default());
        Ok(())
    });
}

#[test]
fn ingest_never_panics_on_mangled_pages() {
    let seeds = seed_texts();
    fuzz(
        "ingest/text",
        (
            0..seeds.len(),
            vietnamese_text(20),
            any::<prop::sample::Index>(),
        ),
        |(which, noise, at)| {
            let seed = &seeds[which];
            let mut cut = at.index(seed.len() + 1);
            while !seed.is_char_boundary(cut) {
                cut -= 1;
            }
            let page = format!("{}{noise}{}", &seed[..cut], &seed[cut..]);
            let _ = ingest_text(&page, &Meta::default());
            Ok(())
        },
    );
}

#[test]
fn ingest_never_panics_on_arbitrary_files() {
    let dir = std::env::temp_dir().join(format!("hoinghi-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("page.txt");
    fuzz(
        "ingest/files",
        proptest::collection::vec(any::<u8>(), 0..4096),
        |bytes| {
            std::fs::write(&path, &bytes).unwrap();
            let _ = ingest_file(&path);
            Ok(())
        },
    );
    let _ = std::fs::remove_dir_all(&dir);
}
