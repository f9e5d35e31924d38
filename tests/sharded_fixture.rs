//! The browser suite's sharded fixture must be exactly what `hoinghi shard` makes of the
//! committed default bundle. Fix a failure with:
//! `cargo run -- shard public/articles.json -o tests/browser/fixtures/sharded --bodies-per-file 2 --term-chunk-bytes 1500`

use std::path::PathBuf;

use hoinghi::load::load_bundle;
use hoinghi::shard::{write_sharded, ShardOptions};

#[test]
fn committed_sharded_fixture_matches_the_default_bundle() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(root.join("public/articles.json")).unwrap();
    let loaded = load_bundle(&bytes).unwrap();
    let (index, _) = loaded.search_index();
    let options = ShardOptions {
        bodies_per_file: 2,
        term_chunk_bytes: 1500,
        ..ShardOptions::default()
    };
    let sharded = write_sharded(&loaded.bundle, &index, options);
    let dir = root.join("tests/browser/fixtures/sharded");
    let stale = "tests/browser/fixtures/sharded is stale: regenerate it (see this file's header)";
    let manifest = std::fs::read_to_string(dir.join("manifest.json")).expect(stale);
    assert!(manifest == sharded.manifest_json(), "{stale}");
    for (name, bytes) in &sharded.files {
        assert!(
            std::fs::read(dir.join(name)).ok().as_ref() == Some(bytes),
            "{stale}"
        );
    }
    let files = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(files, sharded.files.len() + 1, "{stale}: extra files");
}
