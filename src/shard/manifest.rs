//! The manifest of a sharded bundle: what the archive is, every shard with its size and
//! SHA-256, the boundaries of the term chunks, and the default view's first page.

use serde::{Deserialize, Serialize};

use super::{sha256_hex, ShardError};
use crate::bundle::{Article, SCHEMA_VERSION};

/// The manifest's `format` field.
pub const FORMAT: &str = "hoinghi-sharded";
/// The manifest version this build writes and reads.
pub const VERSION: u32 = 1;

/// Where a manifest ends up in the app: its own file, `manifest.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT`]; written first so a reader can tell a manifest from a bundle early.
    pub format: String,
    pub version: u32,
    /// The bundle schema of the article records in the metadata and body shards.
    pub schema: u32,
    pub title: String,
    pub generated: String,
    /// Number of articles; document `d` is the `d`-th article across the metadata shards.
    pub articles: u32,
    /// The per-document half of the search index (lengths, dates, facets), no terms.
    pub docs: FileRef,
    /// Article metadata, in document order.
    pub meta: Vec<MetaFile>,
    /// The term dictionary and postings, by ranges of folded terms, in term order.
    pub terms: Vec<TermFile>,
    pub bodies: BodyFiles,
    /// The default view's first rows, so they show before any shard has arrived.
    pub first_page: FirstPage,
}

/// One shard file, named relative to the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRef {
    pub name: String,
    pub bytes: u64,
    /// Lowercase hex SHA-256 of the file's bytes.
    pub sha256: String,
}

/// A metadata shard: articles `first .. first + count`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaFile {
    pub first: u32,
    pub count: u32,
    pub file: FileRef,
}

/// A term chunk: terms whose folded form is at least `first` and less than the next chunk's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermFile {
    pub first: String,
    pub file: FileRef,
}

/// Body shards: file `k` holds the bodies of documents `k * per_file ..` (fewer in the last).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyFiles {
    pub per_file: u32,
    pub files: Vec<FileRef>,
}

/// The default view (no query, no filter, newest first): its first rows, as metadata records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FirstPage {
    pub rows: Vec<Article>,
}

/// True when `bytes` start like a manifest rather than a single-file bundle: only the head is
/// looked at, so a 200 MB bundle is not parsed twice.
pub fn looks_like_manifest(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let needle = format!("\"{FORMAT}\"");
    head.windows(needle.len()).any(|w| w == needle.as_bytes())
}

impl FileRef {
    pub(crate) fn of(name: String, bytes: &[u8]) -> FileRef {
        FileRef {
            name,
            bytes: bytes.len() as u64,
            sha256: sha256_hex(bytes),
        }
    }

    /// Checks fetched bytes against the manifest: size, then SHA-256.
    pub fn verify(&self, bytes: &[u8]) -> Result<(), ShardError> {
        if bytes.len() as u64 != self.bytes {
            return Err(ShardError::Size {
                expected: self.bytes,
                found: bytes.len() as u64,
            });
        }
        if sha256_hex(bytes) != self.sha256 {
            return Err(ShardError::Checksum);
        }
        Ok(())
    }

    fn check(&self) -> Result<(), String> {
        let safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_');
        // Names stay inside the manifest's folder: no slashes, no leading dot.
        if self.name.is_empty() || self.name.starts_with('.') || !self.name.chars().all(safe) {
            return Err(format!(
                "file name {:?} is not a plain file name",
                self.name
            ));
        }
        let hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
        if self.sha256.len() != 64 || !self.sha256.chars().all(hex) {
            return Err(format!(
                "{}: sha256 is not 64 lowercase hex digits",
                self.name
            ));
        }
        Ok(())
    }
}

impl Manifest {
    /// Reads and checks a manifest: format and versions, file names and checksums, and that the
    /// shards cover every article exactly once.
    pub fn parse(bytes: &[u8]) -> Result<Manifest, ShardError> {
        let m: Manifest = serde_json::from_str(super::reader::utf8(bytes)?)
            .map_err(|e| ShardError::Invalid(format!("manifest: {e}")))?;
        m.check().map_err(ShardError::Invalid)?;
        Ok(m)
    }

    fn check(&self) -> Result<(), String> {
        if self.format != FORMAT {
            return Err(format!("format is {:?}, not {FORMAT:?}", self.format));
        }
        if self.version != VERSION {
            return Err(format!(
                "sharded bundle version {} is not supported (this app reads {VERSION})",
                self.version
            ));
        }
        if self.schema != SCHEMA_VERSION {
            return Err(format!(
                "unsupported bundle schema version {}: this app reads version {SCHEMA_VERSION}",
                self.schema
            ));
        }
        for f in self.files() {
            f.check()?;
        }
        let mut next = 0u32;
        for m in &self.meta {
            if m.first != next || m.count == 0 {
                return Err(format!("{}: articles do not follow on", m.file.name));
            }
            next = next.saturating_add(m.count);
        }
        if next != self.articles {
            return Err(format!(
                "metadata shards hold {next} articles, the manifest says {}",
                self.articles
            ));
        }
        let per = self.bodies.per_file as usize;
        if per == 0 || self.bodies.files.len() != (self.articles as usize).div_ceil(per) {
            return Err("body shards do not cover the articles".into());
        }
        if self.terms.windows(2).any(|w| w[0].first >= w[1].first) {
            return Err("term chunks are not in term order".into());
        }
        Ok(())
    }

    /// Every shard file, in no particular order.
    pub fn files(&self) -> impl Iterator<Item = &FileRef> {
        std::iter::once(&self.docs)
            .chain(self.meta.iter().map(|m| &m.file))
            .chain(self.terms.iter().map(|t| &t.file))
            .chain(self.bodies.files.iter())
    }

    /// Bytes of all shards together (what reading offline costs).
    pub fn total_bytes(&self) -> u64 {
        self.files().map(|f| f.bytes).sum()
    }

    /// The body shard holding document `doc`, with its number.
    pub fn body_file(&self, doc: u32) -> Option<(usize, &FileRef)> {
        let k = (doc / self.bodies.per_file.max(1)) as usize;
        self.bodies.files.get(k).map(|f| (k, f))
    }

    /// Documents whose bodies are in body shard `k`.
    pub fn body_range(&self, k: usize) -> std::ops::Range<u32> {
        let per = self.bodies.per_file;
        let start = (k as u32).saturating_mul(per).min(self.articles);
        start..start.saturating_add(per).min(self.articles)
    }
}
