//! The committed default bundle must be exactly what the CLI builds from the seeds today, so the
//! app never ships stale extraction. Fix a failure with `./run bundle` and commit the result.

use std::path::PathBuf;

use hoinghi::ingest::{build_bundle, write_bundle_json, BundleOptions};

#[test]
fn committed_default_bundle_matches_a_fresh_build_of_the_seeds() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seeds = root.join("../shared/seeds");
    let committed = std::fs::read_to_string(root.join("public/articles.json"))
        .expect("public/articles.json is committed");
    // The title is the command's argument (see ./run bundle), not something extracted.
    let title = serde_json::from_str::<serde_json::Value>(&committed).unwrap()["title"]
        .as_str()
        .unwrap()
        .to_string();
    let options = BundleOptions {
        title,
        ..BundleOptions::default()
    };
    let (bundle, report) = build_bundle(&[seeds], &options).unwrap();
    assert!(
        report.skipped.is_empty(),
        "seeds skipped: {:?}",
        report.skipped
    );
    assert_eq!(bundle.articles.len(), 5);
    let fresh = write_bundle_json(&bundle);
    assert!(
        committed == fresh,
        "public/articles.json is stale: run `./run bundle` and commit it"
    );
}
