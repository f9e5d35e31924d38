//! `hoinghi shard`: a single-file bundle to a sharded one (manifest.json plus shard files).

use std::path::Path;
use std::process::ExitCode;

use hoinghi::ingest::write_atomic;
use hoinghi::load::load_bundle;
use hoinghi::shard::{write_sharded, ShardOptions};

pub fn run(bundle: &Path, output: &Path, options: ShardOptions) -> ExitCode {
    super::report(try_shard(bundle, output, options))
}

fn try_shard(bundle: &Path, output: &Path, options: ShardOptions) -> Result<String, String> {
    let json =
        std::fs::read(bundle).map_err(|e| format!("cannot read {}: {e}", bundle.display()))?;
    let loaded = load_bundle(&json).map_err(|e| format!("{}: {e}", bundle.display()))?;
    drop(json);
    // A sharded bundle cannot be re-indexed in the browser, so it must be whole.
    if !loaded.warnings.is_empty() {
        return Err(format!(
            "{}: {} malformed articles (first: {}); fix the bundle before sharding it",
            bundle.display(),
            loaded.warnings.len(),
            loaded.warnings[0]
        ));
    }
    let (index, _) = loaded.search_index();
    let sharded = write_sharded(&loaded.bundle, &index, options);
    std::fs::create_dir_all(output)
        .map_err(|e| format!("cannot create {}: {e}", output.display()))?;
    for (name, bytes) in &sharded.files {
        write_atomic(&output.join(name), bytes).map_err(|e| e.to_string())?;
    }
    // The manifest last: until it is replaced, the previous one still names sound shards.
    let manifest = sharded.manifest_json();
    let manifest_path = output.join("manifest.json");
    write_atomic(&manifest_path, manifest.as_bytes()).map_err(|e| e.to_string())?;
    Ok(format!(
        "sharded {} articles into {}: manifest {} bytes, {} shards, {} bytes in all",
        sharded.manifest.articles,
        manifest_path.display(),
        manifest.len(),
        sharded.files.len(),
        sharded.manifest.total_bytes() + manifest.len() as u64
    ))
}
