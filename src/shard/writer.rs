//! A loaded bundle and its search index to a manifest and shard files.

use super::manifest::{BodyFiles, FileRef, FirstPage, Manifest, MetaFile, TermFile};
use super::reader::TERMS_MAGIC;
use super::{FORMAT, VERSION};
use crate::bundle::{Article, Block, Bundle, SCHEMA_VERSION};
use crate::search::format::write_terms;
use crate::search::{SearchIndex, SearchRequest};

/// How an archive is cut into shards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardOptions {
    /// Articles per metadata shard: large, since every view needs all of them.
    pub meta_per_file: u32,
    /// Articles per body shard: small, since one article is opened at a time.
    pub bodies_per_file: u32,
    /// Bytes a term chunk grows to before the next starts (a single frequent term may exceed it).
    pub term_chunk_bytes: usize,
    /// Rows of the default view carried in the manifest.
    pub first_page_rows: usize,
}

impl Default for ShardOptions {
    fn default() -> Self {
        ShardOptions {
            meta_per_file: 4096,
            bodies_per_file: 32,
            term_chunk_bytes: 128 * 1024,
            first_page_rows: 24,
        }
    }
}

/// A sharded bundle in memory: the manifest and every shard's name and bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Sharded {
    pub manifest: Manifest,
    pub files: Vec<(String, Vec<u8>)>,
}

impl Sharded {
    /// The manifest as written to `manifest.json`.
    pub fn manifest_json(&self) -> String {
        serde_json::to_string(&self.manifest).expect("manifests always serialise")
    }
}

/// Characters of the first paragraph kept as an article's lead in its metadata record.
pub const LEAD_CHARS: usize = 200;

/// Cuts `bundle` into shards. `index` must be the index of exactly these articles (the bundle's
/// own, or [`SearchIndex::build`]); the results of every search are then the same as the
/// single-file bundle's.
pub fn write_sharded(bundle: &Bundle, index: &SearchIndex, opts: ShardOptions) -> Sharded {
    let articles = &bundle.articles;
    let mut files = Vec::new();
    let mut add = |name: String, bytes: Vec<u8>| {
        let file = FileRef::of(name.clone(), &bytes);
        files.push((name, bytes));
        file
    };

    let docs = add("docs.bin".into(), index.docs_to_bytes());

    let meta = articles
        .chunks(opts.meta_per_file.max(1) as usize)
        .enumerate()
        .map(|(k, chunk)| {
            let records: Vec<Article> = chunk.iter().map(meta_record).collect();
            let json = serde_json::to_vec(&records).expect("articles always serialise");
            MetaFile {
                first: k as u32 * opts.meta_per_file.max(1),
                count: chunk.len() as u32,
                file: add(format!("meta-{k:04}.json"), json),
            }
        })
        .collect();

    let terms = term_ranges(index, opts.term_chunk_bytes)
        .into_iter()
        .enumerate()
        .map(|(k, range)| TermFile {
            first: index.term(range.start).folded.to_string(),
            file: add(format!("terms-{k:04}.bin"), encode_terms(index, range)),
        })
        .collect();

    let bodies = BodyFiles {
        per_file: opts.bodies_per_file.max(1),
        files: articles
            .chunks(opts.bodies_per_file.max(1) as usize)
            .enumerate()
            .map(|(k, chunk)| {
                let bodies: Vec<&Vec<Block>> = chunk.iter().map(|a| &a.body).collect();
                let json = serde_json::to_vec(&bodies).expect("blocks always serialise");
                add(format!("bodies-{k:04}.json"), json)
            })
            .collect(),
    };

    let first = index.search(&SearchRequest::default());
    let rows = first
        .ids_in(0..opts.first_page_rows)
        .iter()
        .map(|d| meta_record(&articles[*d as usize]))
        .collect();

    Sharded {
        manifest: Manifest {
            format: FORMAT.into(),
            version: VERSION,
            schema: SCHEMA_VERSION,
            title: bundle.title.clone(),
            generated: bundle.generated.clone(),
            articles: articles.len() as u32,
            docs,
            meta,
            terms,
            bodies,
            first_page: FirstPage { rows },
        },
        files,
    }
}

/// An article without its body, but with its lead (the first paragraph, cut at [`LEAD_CHARS`])
/// as its only block: enough for the result list before the body shard arrives.
pub(crate) fn meta_record(a: &Article) -> Article {
    let body = a
        .lead(LEAD_CHARS)
        .map(|text| vec![Block::Paragraph { text }])
        .unwrap_or_default();
    Article { body, ..a.clone() }
}

/// Term id ranges of the chunks: each grows past `target` bytes, and never splits the terms of
/// one folded form, so a word's spellings are always in one chunk.
fn term_ranges(index: &SearchIndex, target: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut size) = (0, 0);
    for i in 0..index.term_count() {
        let t = index.term(i);
        if i > start && size >= target && t.folded != index.term(i - 1).folded {
            out.push(start..i);
            (start, size) = (i, 0);
        }
        size += t.folded.len() + t.exact.len() + t.postings.len();
    }
    if start < index.term_count() {
        out.push(start..index.term_count());
    }
    out
}

/// A term chunk: the index's term layout (`docs/index-format.md`) for these terms only.
fn encode_terms(index: &SearchIndex, range: std::ops::Range<usize>) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(TERMS_MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    write_terms(&mut out, range.map(|i| index.term(i)));
    out
}
