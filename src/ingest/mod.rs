//! Raw scraped articles to bundle records.
//!
//! [`ingest_text`] is the pure core (one page of text → one [`Article`]); [`build_bundle`] walks
//! files and folders for the CLI, reporting every file it could not use; [`write_bundle_json`]
//! and [`write_atomic`] produce the byte-identical, atomically written bundle.
//!
//! The bundle's `generated` stamp is deterministic: `SOURCE_DATE_EPOCH` when set, else the newest
//! `published` among the articles, else `1970-01-01T00:00:00Z`.

mod article;
mod byline;
mod clutter;
mod conference;
mod dates;
mod documents;
mod gazetteer;
mod header;
mod html;
mod people;
mod period;
mod province;
mod sidecar;
mod text;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::bundle::{Article, Bundle, SCHEMA_VERSION};

pub use sidecar::Meta;

/// Why a file was not turned into an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    Empty,
    Binary,
    /// Neither UTF-8 nor UTF-16 with a BOM (legacy encodings such as TCVN3 or Windows-1258).
    NotUtf8,
    /// Not a `.txt` or `.html` file.
    Unsupported(String),
    /// Text without a usable title line.
    NoTitle,
    /// Same content (same id) as an article already read from another file.
    Duplicate(PathBuf),
    /// A side-car metadata file that could not be read.
    BadMetadata(String),
    Unreadable(String),
    /// Larger than any article page: a dump or a mislabelled file, refused before reading it.
    TooLarge(u64),
}

/// The largest file read as one article. Real pages are tens of kilobytes; the HTML of one with
/// inline images may reach a few megabytes.
pub const MAX_FILE_BYTES: u64 = 16 << 20;

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Empty => write!(f, "empty"),
            SkipReason::Binary => write!(f, "binary file"),
            SkipReason::NotUtf8 => write!(
                f,
                "not UTF-8 (nor UTF-16 with BOM); legacy encodings are unsupported"
            ),
            SkipReason::Unsupported(ext) => write!(f, "unsupported file type ({ext})"),
            SkipReason::NoTitle => write!(f, "no title line"),
            SkipReason::Duplicate(p) => write!(f, "duplicate of {}", p.display()),
            SkipReason::BadMetadata(e) => write!(f, "bad metadata: {e}"),
            SkipReason::Unreadable(e) => write!(f, "unreadable: {e}"),
            SkipReason::TooLarge(n) => write!(
                f,
                "too large for one article ({n} bytes; the limit is {MAX_FILE_BYTES})"
            ),
        }
    }
}

/// A fatal problem: the run cannot produce a bundle.
#[derive(Debug)]
pub enum IngestError {
    /// An input path given on the command line does not exist or cannot be listed.
    Input(PathBuf, String),
    Write(PathBuf, std::io::Error),
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Input(p, e) => write!(f, "cannot read input {}: {e}", p.display()),
            IngestError::Write(p, e) => write!(f, "cannot write {}: {e}", p.display()),
        }
    }
}

impl std::error::Error for IngestError {}

#[derive(Debug, Clone)]
pub struct BundleOptions {
    pub title: String,
    /// Overrides `generated` (the CLI passes `SOURCE_DATE_EPOCH` here).
    pub source_date_epoch: Option<i64>,
}

impl Default for BundleOptions {
    fn default() -> Self {
        BundleOptions {
            title: "hoinghi".into(),
            source_date_epoch: None,
        }
    }
}

/// What a run did, for the summary.
#[derive(Debug, Default)]
pub struct Report {
    pub files_read: usize,
    pub articles_written: usize,
    pub conferences: usize,
    pub skipped: Vec<(PathBuf, SkipReason)>,
}

/// Extensions read as articles.
const TEXT_EXTENSIONS: [&str; 1] = ["txt"];
const HTML_EXTENSIONS: [&str; 2] = ["html", "htm"];

/// One page of text (a `.txt` file's content, or HTML already converted) → its record.
pub fn ingest_text(raw: &str, meta: &Meta) -> Result<Article, SkipReason> {
    article::from_text(raw, meta).ok_or(SkipReason::NoTitle)
}

/// Reads one file and builds its record, using side-car metadata next to it.
pub fn ingest_file(path: &Path) -> Result<Article, SkipReason> {
    let (sidecars, problems) = sidecar::Sidecars::for_article(path);
    if let Some((p, e)) = problems.into_iter().next() {
        return Err(SkipReason::BadMetadata(format!("{}: {e}", p.display())));
    }
    read_article(path, &sidecars.get(path))
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn read_article(path: &Path, meta: &Meta) -> Result<Article, SkipReason> {
    let size = std::fs::metadata(path)
        .map_err(|e| SkipReason::Unreadable(e.to_string()))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(SkipReason::TooLarge(size));
    }
    let bytes = std::fs::read(path).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    let decoded = text::decode(&bytes)?;
    let raw = if HTML_EXTENSIONS.contains(&extension(path).as_str()) {
        html::to_text(&decoded)
    } else {
        decoded
    };
    ingest_text(&raw, meta)
}

/// What a walk over the inputs found.
struct Collected {
    articles: Vec<PathBuf>,
    sidecars: Vec<PathBuf>,
    /// Files that are neither, with the reason.
    other: Vec<(PathBuf, SkipReason)>,
}

/// Walks the inputs (files and folders, recursively), sorted so runs are reproducible.
fn collect(inputs: &[PathBuf]) -> Result<Collected, IngestError> {
    let mut articles = Vec::new();
    let mut sidecars = Vec::new();
    let mut other = Vec::new();
    // Folders already walked, so a symlink loop cannot recurse forever.
    let mut seen_dirs = std::collections::HashSet::new();
    let mut stack: Vec<(PathBuf, bool)> = inputs.iter().map(|p| (p.clone(), true)).collect();
    while let Some((path, explicit)) = stack.pop() {
        // A bad input named by the user is fatal; a bad entry inside a folder is reported.
        let listed = std::fs::metadata(&path).and_then(|m| {
            if !m.is_dir() {
                return Ok(None);
            }
            let entries: std::io::Result<Vec<PathBuf>> = std::fs::read_dir(&path)?
                .map(|e| e.map(|e| e.path()))
                .collect();
            entries.map(Some)
        });
        let listed = match listed {
            Ok(listed) => listed,
            Err(e) if explicit => return Err(IngestError::Input(path, e.to_string())),
            Err(e) => {
                other.push((path, SkipReason::Unreadable(e.to_string())));
                continue;
            }
        };
        if let Some(entries) = listed {
            if seen_dirs.insert(std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone())) {
                stack.extend(entries.into_iter().map(|p| (p, false)));
            }
        } else if sidecar::is_sidecar(&path) {
            sidecars.push(path);
        } else {
            let ext = extension(&path);
            // Files named on the command line are always tried; in folders only article types.
            if explicit
                || TEXT_EXTENSIONS.contains(&ext.as_str())
                || HTML_EXTENSIONS.contains(&ext.as_str())
            {
                articles.push(path);
            } else {
                let shown = if ext.is_empty() {
                    "no extension".to_string()
                } else {
                    format!(".{ext}")
                };
                other.push((path, SkipReason::Unsupported(shown)));
            }
        }
    }
    articles.sort();
    articles.dedup();
    sidecars.sort();
    sidecars.dedup();
    other.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(Collected {
        articles,
        sidecars,
        other,
    })
}

/// Builds the bundle from files and folders. Files it cannot use are listed in the report, never
/// dropped silently; only unreadable inputs are fatal.
pub fn build_bundle(
    inputs: &[PathBuf],
    opts: &BundleOptions,
) -> Result<(Bundle, Report), IngestError> {
    let Collected {
        articles: paths,
        sidecars: sidecar_files,
        other: mut skipped,
    } = collect(inputs)?;
    let (sidecars, problems) = sidecar::Sidecars::load(&sidecar_files);
    skipped.extend(
        problems
            .into_iter()
            .map(|(p, e)| (p, SkipReason::BadMetadata(e))),
    );

    let results = parallel_map(&paths, |p| read_article(p, &sidecars.get(p)));
    let mut report = Report {
        files_read: paths.len() + sidecar_files.len(),
        ..Report::default()
    };
    let mut articles: Vec<Article> = Vec::with_capacity(paths.len());
    // Ids must be unique in a bundle: a second file with the same content is reported.
    let mut seen: std::collections::HashMap<String, &PathBuf> = std::collections::HashMap::new();
    for (path, result) in paths.iter().zip(results) {
        match result {
            Ok(a) => {
                if let Some(first) = seen.get(&a.id) {
                    skipped.push((path.clone(), SkipReason::Duplicate((*first).clone())));
                    continue;
                }
                seen.insert(a.id.clone(), path);
                articles.push(a);
            }
            Err(reason) => skipped.push((path.clone(), reason)),
        }
    }
    report.articles_written = articles.len();
    report.conferences = articles.iter().map(|a| a.conferences.len()).sum();
    skipped.sort_by(|a, b| a.0.cmp(&b.0));
    report.skipped = skipped;
    let generated = generated(&articles, opts.source_date_epoch);
    let index = Some(crate::search::SearchIndex::build(&articles).to_base64());
    Ok((
        Bundle {
            schema: SCHEMA_VERSION,
            generated,
            title: opts.title.clone(),
            articles,
            index,
        },
        report,
    ))
}

/// The deterministic `generated` stamp (see the module docs).
fn generated(articles: &[Article], epoch: Option<i64>) -> String {
    if let Some(secs) = epoch {
        return dates::epoch_to_iso(secs);
    }
    articles
        .iter()
        .filter_map(|a| a.published.as_deref())
        .filter(|p| dates::Date::from_iso(p).is_some())
        .map(|p| {
            let full = if p.len() == 10 {
                format!("{p}T00:00:00")
            } else {
                p.chars().take(19).collect()
            };
            format!("{full}Z")
        })
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string())
}

/// Runs `f` over `items` on all cores, keeping the input order in the output.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    if threads <= 1 {
        return items.iter().map(&f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut slots: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    let done: Vec<Vec<(usize, R)>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if i >= items.len() {
                            break mine;
                        }
                        mine.push((i, f(&items[i])));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("ingest worker panicked"))
            .collect()
    });
    for (i, r) in done.into_iter().flatten() {
        slots[i] = Some(r);
    }
    slots
        .into_iter()
        .map(|r| r.expect("every item processed"))
        .collect()
}

/// Compact, deterministic JSON (field order is the struct order; no maps).
pub fn write_bundle_json(bundle: &Bundle) -> String {
    serde_json::to_string(bundle).expect("bundle types always serialise")
}

/// Writes `contents` to `path` atomically: a temporary file in the same folder, flushed, then
/// renamed over the target, so readers never see half a bundle.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), IngestError> {
    use std::io::Write;
    let err = |e| IngestError::Write(path.to_path_buf(), e);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("bundle.json");
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_is_deterministic() {
        let mut a = ingest_text("Tiêu đề\n05/08/2022\nNội dung.", &Meta::default()).unwrap();
        assert_eq!(a.published.as_deref(), Some("2022-08-05"));
        let b = {
            let mut b = a.clone();
            b.published = Some("2024-01-18T07:34:05".into());
            b
        };
        assert_eq!(generated(&[a.clone(), b], None), "2024-01-18T07:34:05Z");
        assert_eq!(
            generated(std::slice::from_ref(&a), None),
            "2022-08-05T00:00:00Z"
        );
        assert_eq!(generated(&[a.clone()], Some(0)), "1970-01-01T00:00:00Z");
        a.published = None;
        assert_eq!(generated(&[a], None), "1970-01-01T00:00:00Z");
    }

    /// Fragments that end mid-pattern, for every scanner: none may panic on any pairing.
    const FRAGMENTS: [&str; 24] = [
        "<",
        "<a href=",
        "<!--",
        "&#xFFFFFFFF;",
        "&",
        "<script>",
        "Ngày 31/",
        "Quý ",
        "số 1-",
        "(",
        "đồng chí ",
        "Hội nghị",
        " – ",
        "Ảnh:",
        "•",
        "\u{a0}",
        "e\u{301}",
        "TP.",
        "tỉnh ",
        "Nguyễn Văn",
        ", Phó",
        "18/01/2024 07:",
        "lượt xem",
        "\n",
    ];

    #[test]
    fn odd_input_never_panics() {
        for a in FRAGMENTS {
            for b in FRAGMENTS {
                let text = format!("Tiêu đề\n{a}{b}\n{b}{a}{b}");
                let _ = ingest_text(&text, &Meta::default());
                let _ = ingest_text(&html::to_text(&text), &Meta::default());
            }
        }
    }

    #[test]
    fn parallel_map_keeps_order() {
        let v: Vec<usize> = (0..1000).collect();
        assert_eq!(
            parallel_map(&v, |x| x * 2),
            v.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
    }
}
