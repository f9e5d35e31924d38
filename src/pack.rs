//! One self-contained HTML file holding the app, its styles and a bundle, which works when
//! double-clicked (`file://`, no network, no server): the easiest way to hand an archive over.
//!
//! The page is built from a finished trunk build (`dist/`): the wasm-bindgen glue becomes an inline
//! module that instantiates the wasm from base64 (gzipped when the build has a `.wasm.gz`), the
//! stylesheet an inline `<style>`, and the bundle
//! a `<script type="application/json" id="hoinghi-bundle">` that the app reads instead of fetching.
//! A Content-Security-Policy allows exactly those two inline blocks, by hash, and nothing from
//! anywhere: the file never talks to the network.

use sha2::{Digest, Sha256};

use crate::search::base64;

/// The id of the element the app reads an embedded bundle from.
pub const EMBEDDED_BUNDLE_ID: &str = "hoinghi-bundle";

/// The parts of a built app that the packed page needs.
pub struct BuiltApp<'a> {
    /// `dist/index.html`, from which the file names of the parts below are read.
    pub index_html: &'a str,
    /// Reads a file of the build by its name in `index_html`.
    pub read: &'a dyn Fn(&str) -> Result<Vec<u8>, String>,
}

/// Why a build could not be packed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackError {
    /// `index.html` lacks what trunk always writes: not a trunk build of hoinghi.
    NotABuild(&'static str),
    /// A file the build names could not be read.
    Missing(String),
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackError::NotABuild(what) => {
                write!(
                    f,
                    "not a hoinghi build: index.html has no {what} (run ./run build)"
                )
            }
            PackError::Missing(e) => write!(f, "the build is incomplete: {e}"),
        }
    }
}

impl std::error::Error for PackError {}

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(&text[from..from + len])
}

/// The wasm file trunk's loader names: `'./NAME_bg.wasm'`, whether the loader fetches it as it
/// is or (as src/web/post-build.mjs makes it) gzipped.
fn wasm_module(html: &str) -> Option<&str> {
    let end = html.find("_bg.wasm'")? + "_bg.wasm".len();
    let start = html[..end].rfind("'./")? + "'./".len();
    Some(&html[start..end])
}

/// The packed page for `bundle_json` (a bundle file's bytes, already checked by the caller).
pub fn pack(app: &BuiltApp, bundle_json: &str, title: &str) -> Result<String, PackError> {
    let html = app.index_html;
    let glue_name = between(html, "import init, * as bindings from './", "'")
        .ok_or(PackError::NotABuild("wasm-bindgen loader"))?;
    let wasm_name = wasm_module(html).ok_or(PackError::NotABuild("wasm module"))?;
    let css_name = between(html, "<link rel=\"stylesheet\" href=\"./", "\"")
        .ok_or(PackError::NotABuild("stylesheet"))?;
    let text = |name: &str| -> Result<String, PackError> {
        let bytes = (app.read)(name).map_err(PackError::Missing)?;
        String::from_utf8(bytes).map_err(|_| PackError::Missing(format!("{name} is not UTF-8")))
    };
    let glue = text(glue_name)?;
    let css = text(css_name)?;
    // The gzipped wasm the build also holds (src/web/post-build.mjs) makes the page 1 MB smaller;
    // the page inflates it with DecompressionStream (Chromium 80, Firefox 113, Safari 16.4).
    let (wasm, wasm_bytes) = match (app.read)(&format!("{wasm_name}.gz")) {
        Ok(gzipped) => (
            gzipped,
            "await new Response(new Blob([wasmFile]).stream()\
             .pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()",
        ),
        Err(_) => (
            (app.read)(wasm_name).map_err(PackError::Missing)?,
            "wasmFile",
        ),
    };
    let script = format!(
        "{glue}\nconst wasmFile = Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0));\n\
         const wasmBytes = {wasm_bytes};\n\
         await __wbg_init({{ module_or_path: wasmBytes }});\n",
        base64::encode(&wasm)
    );
    let policy = format!(
        "default-src 'none'; script-src 'wasm-unsafe-eval' {}; style-src {}; img-src data:; \
         base-uri 'none'; form-action 'none'",
        source_hash(&script),
        source_hash(&css)
    );
    Ok(format!(
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <meta name=\"color-scheme\" content=\"light dark\" />\n\
         <title>{}</title>\n<style>{css}</style>\n\
         <script type=\"application/json\" id=\"{EMBEDDED_BUNDLE_ID}\">{}</script>\n\
         <script type=\"module\">{script}</script>\n</head>\n<body></body>\n</html>\n",
        escape_text(title),
        embed_json(bundle_json)
    ))
}

/// A CSP source expression allowing exactly this inline block.
fn source_hash(block: &str) -> String {
    format!(
        "'sha256-{}'",
        base64::encode(&Sha256::digest(block.as_bytes()))
    )
}

/// JSON made safe inside `<script>`: `<` only occurs inside JSON strings, where `\u003c` means the
/// same, so no `</script>` in an article can end the element early.
fn embed_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"<head><script type="module">
import init, * as bindings from './app-1.js';
const wasm = await init({ module_or_path: './app-1_bg.wasm' });
</script>
<link rel="stylesheet" href="./main-2.css" integrity="x"/></head>"#;

    fn read(name: &str) -> Result<Vec<u8>, String> {
        match name {
            "app-1.js" => Ok(b"async function __wbg_init(m) {}".to_vec()),
            "app-1_bg.wasm" => Ok(vec![0, 97, 115, 109]),
            "main-2.css" => Ok(b"body{margin:0}".to_vec()),
            other => Err(format!("no file {other}")),
        }
    }

    fn packed(bundle: &str) -> String {
        let app = BuiltApp {
            index_html: INDEX,
            read: &read,
        };
        pack(&app, bundle, "Lưu trữ <thử>").unwrap()
    }

    #[test]
    fn inlines_glue_wasm_styles_and_bundle() {
        let page = packed(r#"{"schema":1}"#);
        assert!(page.contains("async function __wbg_init(m) {}"));
        assert!(page.contains("atob(\"AGFzbQ==\")"), "wasm as base64");
        assert!(page.contains("<style>body{margin:0}</style>"));
        assert!(page.contains(r#"id="hoinghi-bundle">{"schema":1}</script>"#));
        assert!(page.contains("<title>Lưu trữ &lt;thử&gt;</title>"));
    }

    #[test]
    fn inlines_the_gzipped_wasm_when_the_build_has_it() {
        let with_gzip = |name: &str| match name {
            "app-1_bg.wasm.gz" => Ok(vec![0x1f, 0x8b]),
            other => read(other),
        };
        let app = BuiltApp {
            index_html: INDEX,
            read: &with_gzip,
        };
        let page = pack(&app, "{}", "t").unwrap();
        assert!(
            page.contains("atob(\"H4s=\")"),
            "the gzipped bytes as base64"
        );
        assert!(page.contains("new DecompressionStream('gzip')"));
        assert!(!page.contains("AGFzbQ=="), "not the plain wasm as well");
    }

    #[test]
    fn finds_the_wasm_behind_the_gzip_loader() {
        let gzip_loader = INDEX.replace(
            "module_or_path: './app-1_bg.wasm'",
            "module_or_path: gunzipped('./app-1_bg.wasm')",
        );
        assert_eq!(wasm_module(&gzip_loader), Some("app-1_bg.wasm"));
        assert_eq!(wasm_module(INDEX), Some("app-1_bg.wasm"));
    }

    #[test]
    fn an_article_cannot_close_the_bundle_element() {
        let page = packed(r#"{"t":"</script><script>alert(1)</script>"}"#);
        assert_eq!(
            page.matches("</script>").count(),
            2,
            "only our own two elements end"
        );
        assert!(page.contains(r#"\u003c/script>\u003cscript>"#));
    }

    #[test]
    fn policy_allows_exactly_the_inline_blocks() {
        let page = packed("{}");
        let script = between(&page, "<script type=\"module\">", "</script>").unwrap();
        let css = between(&page, "<style>", "</style>").unwrap();
        assert!(page.contains(&format!(
            "script-src 'wasm-unsafe-eval' {}",
            source_hash(script)
        )));
        assert!(page.contains(&format!("style-src {}", source_hash(css))));
        assert!(page.contains("default-src 'none'"));
    }

    #[test]
    fn a_folder_that_is_not_a_build_is_named_as_such() {
        let app = BuiltApp {
            index_html: "<html></html>",
            read: &read,
        };
        assert_eq!(
            pack(&app, "{}", "t").unwrap_err(),
            PackError::NotABuild("wasm-bindgen loader")
        );
        let broken = INDEX.replace("main-2.css", "gone.css");
        let app = BuiltApp {
            index_html: &broken,
            read: &read,
        };
        assert!(matches!(pack(&app, "{}", "t"), Err(PackError::Missing(_))));
    }
}
