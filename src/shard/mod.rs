//! Sharded bundles: one archive as a small manifest plus files fetched when needed
//! (`docs/bundle-format.md`, "Sharded bundle").
//!
//! A single-file bundle must be downloaded whole before anything shows. A sharded one lets the
//! app draw the default view's first page from the manifest alone, then load what every view
//! needs (article metadata and the per-document half of the search index), and fetch the search
//! index's term chunks only for the words typed and article bodies only for articles shown.
//!
//! - [`manifest`]: the manifest: every file with its size and SHA-256, and the first page.
//! - [`writer`]: a loaded bundle and its index to a manifest and shard files.
//! - [`reader`]: checking and decoding each kind of shard; which term chunks a query needs.
//!
//! Readers never trust a file before [`FileRef::verify`] has checked its SHA-256, and still
//! decode with bounds checks: a manifest can be hand-edited.

mod manifest;
mod reader;
mod writer;

#[cfg(test)]
mod tests;

pub use manifest::{
    looks_like_manifest, BodyFiles, FileRef, FirstPage, Manifest, MetaFile, TermFile, FORMAT,
    VERSION,
};
pub use reader::{decode_bodies, decode_docs, decode_meta, decode_terms, needed_term_chunks};
pub use writer::{write_sharded, ShardOptions, Sharded};

use std::fmt;

/// Why a shard (or the manifest) could not be used. The file's name travels with the error in
/// the app's messages, so these say only what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShardError {
    /// The bytes do not hash to the manifest's SHA-256.
    Checksum,
    /// Fewer or more bytes than the manifest says.
    Size { expected: u64, found: u64 },
    /// The bytes hash right but do not decode (or the manifest itself is unusable).
    Invalid(String),
    /// Fetching failed (HTTP status, network).
    Fetch(String),
}

impl fmt::Display for ShardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShardError::Checksum => write!(f, "SHA-256 mismatch"),
            ShardError::Size { expected, found } => {
                write!(f, "{found} bytes where the manifest says {expected}")
            }
            ShardError::Invalid(why) => write!(f, "unreadable: {why}"),
            ShardError::Fetch(why) => write!(f, "not downloaded: {why}"),
        }
    }
}

impl ShardError {
    /// The same in Vietnamese, for the app.
    pub fn vi(&self) -> String {
        match self {
            ShardError::Checksum => "sai mã SHA-256".into(),
            ShardError::Size { expected, found } => {
                format!("{found} byte thay vì {expected} byte như trong manifest")
            }
            ShardError::Invalid(why) => format!("dữ liệu hỏng ({why})"),
            ShardError::Fetch(why) => format!("không tải về được ({why})"),
        }
    }
}

impl std::error::Error for ShardError {}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    const HEX: &[u8; 16] = b"0123456789abcdef";
    Sha256::digest(bytes)
        .iter()
        .flat_map(|b| {
            [
                HEX[usize::from(b >> 4)] as char,
                HEX[usize::from(b & 15)] as char,
            ]
        })
        .collect()
}
