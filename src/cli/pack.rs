//! `hoinghi pack`: a bundle and the built app as one HTML file that opens by double-click.

use std::path::Path;
use std::process::ExitCode;

use hoinghi::ingest::write_atomic;
use hoinghi::load::load_bundle;
use hoinghi::pack::{pack, BuiltApp};

pub fn run(bundle: &Path, dist: &Path, output: &Path) -> ExitCode {
    super::report(try_pack(bundle, dist, output))
}

fn try_pack(bundle: &Path, dist: &Path, output: &Path) -> Result<String, String> {
    let json =
        std::fs::read(bundle).map_err(|e| format!("cannot read {}: {e}", bundle.display()))?;
    // Packing a bundle the app would refuse only hides the error until someone opens the file.
    let loaded = load_bundle(&json).map_err(|e| format!("{}: {e}", bundle.display()))?;
    if !loaded.warnings.is_empty() {
        return Err(format!(
            "{}: {} malformed articles (first: {}); fix the bundle before packing it",
            bundle.display(),
            loaded.warnings.len(),
            loaded.warnings[0]
        ));
    }
    let index_html = std::fs::read_to_string(dist.join("index.html")).map_err(|e| {
        format!(
            "cannot read {}/index.html: {e} (build the app first: ./run build)",
            dist.display()
        )
    })?;
    let read = |name: &str| {
        std::fs::read(dist.join(name)).map_err(|e| format!("{}/{name}: {e}", dist.display()))
    };
    let app = BuiltApp {
        index_html: &index_html,
        read: &read,
    };
    let text = String::from_utf8(json).map_err(|_| "the bundle is not UTF-8".to_string())?;
    let title = match loaded.bundle.title.as_str() {
        "" => "hoinghi",
        t => t,
    };
    let page = pack(&app, &text, title).map_err(|e| e.to_string())?;
    write_atomic(output, page.as_bytes()).map_err(|e| e.to_string())?;
    Ok(format!(
        "packed {} articles into {} ({} bytes); open it in any browser, no server needed",
        loaded.bundle.articles.len(),
        output.display(),
        page.len()
    ))
}
