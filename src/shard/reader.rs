//! Decoding each kind of shard, after [`super::FileRef::verify`], and choosing the term chunks a
//! query needs. Every decoder returns a [`ShardError`] on bad input and never panics.

use super::manifest::TermFile;
use super::{ShardError, VERSION};
use crate::bundle::{Article, Block};
use crate::load::problem;
use crate::search::fold::fold;
use crate::search::format::{read_terms, Reader};
use crate::search::{Query, SearchIndex, Terms};

/// First bytes of a term chunk.
pub const TERMS_MAGIC: &[u8; 4] = b"HNST";

fn invalid(what: impl std::fmt::Display) -> ShardError {
    ShardError::Invalid(what.to_string())
}

/// JSON shards are read as text, as single-file bundles are, so the app carries one JSON
/// decoder for articles rather than two.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, ShardError> {
    std::str::from_utf8(bytes)
        .map_err(|e| invalid(format!("not UTF-8 at byte {}", e.valid_up_to())))
}

/// The per-document half of the index (`docs.bin`): an index in the single-file format with no
/// terms.
pub fn decode_docs(bytes: &[u8]) -> Result<SearchIndex, ShardError> {
    let index = SearchIndex::from_bytes(bytes).map_err(invalid)?;
    if index.term_count() != 0 {
        return Err(invalid("the document table carries terms"));
    }
    Ok(index)
}

/// A metadata shard: a JSON array of `count` article records, each within the loader's limits.
pub fn decode_meta(bytes: &[u8], count: u32) -> Result<Vec<Article>, ShardError> {
    let articles: Vec<Article> = serde_json::from_str(utf8(bytes)?).map_err(invalid)?;
    if articles.len() != count as usize {
        return Err(invalid(format!(
            "{} articles where the manifest says {count}",
            articles.len()
        )));
    }
    for a in &articles {
        if let Some(why) = problem(a) {
            return Err(invalid(format!("article {}: {why}", a.id)));
        }
    }
    Ok(articles)
}

/// A body shard: a JSON array of `count` bodies, each an array of blocks.
pub fn decode_bodies(bytes: &[u8], count: u32) -> Result<Vec<Vec<Block>>, ShardError> {
    let bodies: Vec<Vec<Block>> = serde_json::from_str(utf8(bytes)?).map_err(invalid)?;
    if bodies.len() != count as usize {
        return Err(invalid(format!(
            "{} bodies where the manifest says {count}",
            bodies.len()
        )));
    }
    Ok(bodies)
}

/// A term chunk (`docs/bundle-format.md`, "Sharded bundle"), to join to the document table
/// with [`SearchIndex::add_terms`].
pub fn decode_terms(bytes: &[u8]) -> Result<Terms, ShardError> {
    if bytes.len() < 8 || &bytes[..4] != TERMS_MAGIC {
        return Err(invalid("not a term chunk"));
    }
    let version = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
    if version != VERSION {
        return Err(invalid(format!("term chunk version {version}")));
    }
    read_terms(Reader { bytes, at: 8 }).map_err(invalid)
}

/// The term chunks (positions in `terms`) holding every term `query` can match: each word's
/// folded form, and for a word typed as a prefix every chunk its completions can be in.
pub fn needed_term_chunks(terms: &[TermFile], query: &Query) -> Vec<usize> {
    let mut out = Vec::new();
    let seqs = query
        .clauses
        .iter()
        .flat_map(|c| c.alts.iter())
        .chain(query.excluded.iter());
    for seq in seqs {
        let last = seq.words.len().saturating_sub(1);
        for (k, word) in seq.words.iter().enumerate() {
            let key = fold(word);
            // The chunk whose range starts at or before the word; chunk 0 also holds anything
            // sorting before its first term.
            let lo = terms
                .partition_point(|t| t.first.as_str() <= key.as_str())
                .saturating_sub(1);
            let mut hi = lo;
            // As in the index: a one-letter word is never expanded as a prefix.
            if seq.prefix && k == last && key.chars().nth(1).is_some() {
                while hi + 1 < terms.len() && terms[hi + 1].first.starts_with(key.as_str()) {
                    hi += 1;
                }
            }
            out.extend(lo..=hi.min(terms.len().saturating_sub(1)));
        }
    }
    out.retain(|c| *c < terms.len());
    out.sort_unstable();
    out.dedup();
    out
}
