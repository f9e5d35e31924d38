//! The search index's binary format, version 1: [`SearchIndex::to_bytes`] writes it and
//! [`SearchIndex::from_bytes`] reads it ([`SearchIndex::to_base64`] and
//! [`SearchIndex::from_base64`] wrap it in standard padded base64 for the bundle's JSON). The
//! CLI writes it once, so the app does not re-index on every load.
//!
//! An index belongs to one list of articles: document *d* is `bundle.articles[d]`. The header
//! holds a hash of the article ids so that [`SearchIndex::matches`] can tell, and the app
//! rebuilds the index in memory when they differ (or when the bundle has none).
//!
//! # Primitives
//!
//! - **varint**: unsigned LEB128, at most 32 bits: seven bits per byte, low bits first, high bit
//!   set on every byte but the last.
//! - **str**: varint byte length, then that many bytes of UTF-8.
//! - Fixed-width integers are little-endian.
//!
//! # Layout
//!
//! | Part | Encoding |
//! |---|---|
//! | magic | the 4 bytes `HNSX` |
//! | version | u32, `1` |
//! | ids hash | u64: FNV-1a 64 over each article id's UTF-8 bytes followed by a `0xFF` byte, in order |
//! | document count *N* | varint |
//! | documents | *N* × five varints: `title_len`, `body_len`, `gaps`, `published`, `conference` |
//! | facet count | varint, always 8 |
//! | facet tables | 8 tables, see below |
//! | term count *T* | varint |
//! | terms | *T* × `shared` varint, `suffix` str, `exact` str, `postings_len` varint |
//! | postings | the postings lists of all terms, concatenated, to the end of the data |
//!
//! Readers refuse another magic or version, and any count, length or id that points outside
//! the data; they never panic on damaged input.
//!
//! ## Documents and global positions
//!
//! Every word of the collection has a **global position**. Documents are laid end to end; each
//! is its title's words, one gap position, then each body block's words followed by one gap.
//! The gaps keep phrases from matching across the title/body boundary or between paragraphs.
//!
//! - `title_len`, `body_len`: word counts (the BM25F field lengths).
//! - `gaps`: number of gap positions (1 + number of blocks); the document spans
//!   `title_len + body_len + gaps` positions, so document start positions are prefix sums.
//! - `published`: publication date as the number `yyyymmdd` (`0` unknown; a missing day is
//!   `00`).
//! - `conference`: the latest conference date of the article as `yyyymmdd` (`0` none).
//!
//! ## Terms
//!
//! A term is one word form in lower case with its marks, in NFC (`khéo`). Its **folded** form
//! drops tone and vowel marks and maps `đ` to `d` (`kheo`). Terms are sorted by (folded, exact)
//! as bytes, so all the spellings that fold alike are adjacent and every prefix of a folded
//! word is one contiguous range, found by binary search.
//!
//! - `shared`: bytes the folded form shares with the previous term's folded form (front
//!   coding).
//! - `suffix`: the rest of the folded form.
//! - `exact`: the exact form, or the empty string when it equals the folded form (all ASCII
//!   words).
//! - `postings_len`: byte length of the term's postings list.
//!
//! ## Postings
//!
//! A term's postings list is the sorted list of its global positions, each stored as a varint
//! of the difference from the previous one (the first from 0). The containing document of a
//! position is found from the document start positions; whether it is in the title from
//! `title_len`. One list thus gives documents, per-field frequencies and positions for phrase
//! adjacency.
//!
//! ## Facet tables
//!
//! In the order of [`Facet::ALL`]: Province, Province2025, Year, Kind, Source, Person,
//! Document, Level:
//!
//! - varint *V*, then *V* × (`value` str, `group` str): the distinct values in order of first
//!   appearance; `group` is the region for the two province facets, empty otherwise. Kinds and
//!   levels are stored as their codes (`tong_ket`, `province`).
//! - *N* × (varint *k*, *k* × varint): each document's value ids, sorted, each stored as the
//!   difference from the previous id (the first from 0).
//!
//! # In a sharded bundle
//!
//! `hoinghi shard` splits the index in two (`docs/bundle-format.md`, "Sharded bundle"):
//! `docs.bin` is this layout with zero terms (header, documents, facet tables), and each
//! `terms-*.bin` holds a run of terms in the layout of the term count, terms and postings
//! parts, after its own magic and version, so the app fetches only the runs holding the words
//! searched. Each decodes to a [`super::Terms`] (`write_terms` and `read_terms` below serve
//! both files), and [`SearchIndex::add_terms`] joins it to the document table as it arrives.
//!
//! # Not stored
//!
//! Derived at load time: document start positions, average field lengths, folded facet values
//! and their Vietnamese collation order. Article text is not in the index: snippets and
//! highlights are computed from the bundle's articles on demand.
//!
//! # Versioning
//!
//! Any change to this layout increments [`FORMAT_VERSION`]; readers accept only their own
//! version (an app meeting another version can rebuild the index in memory from the articles).

use super::base64;
use super::facets::{Facet, FacetTable, FacetTables};
use super::index::SearchIndex;
use super::terms::{Term, Terms};
use std::fmt;

/// First bytes of a serialised index.
pub const MAGIC: &[u8; 4] = b"HNSX";
/// Format version written by [`SearchIndex::to_bytes`]; other versions are refused.
pub const FORMAT_VERSION: u32 = 1;

/// Why bytes could not be read as an index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexError {
    BadMagic,
    UnsupportedVersion(u32),
    /// The bytes end early or a length or id points outside the data.
    Corrupt(&'static str),
}

impl fmt::Display for IndexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexError::BadMagic => write!(f, "not a hoinghi search index"),
            IndexError::UnsupportedVersion(v) => {
                write!(
                    f,
                    "search index version {v} is not supported (expected {FORMAT_VERSION})"
                )
            }
            IndexError::Corrupt(what) => write!(f, "search index is damaged ({what})"),
        }
    }
}

impl std::error::Error for IndexError {}

impl SearchIndex {
    /// Serialises the index in the layout above.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.header_and_documents();
        write_terms(&mut out, (0..self.term_count()).map(|i| self.term(i)));
        out
    }

    /// The index without its terms, in the same layout: a sharded bundle's `docs.bin`.
    pub(crate) fn docs_to_bytes(&self) -> Vec<u8> {
        let mut out = self.header_and_documents();
        write_terms(&mut out, std::iter::empty());
        out
    }

    /// Everything before the term count: header, documents and facet tables.
    fn header_and_documents(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&self.ids_hash.to_le_bytes());
        let n = self.len();
        put_varint(&mut out, n as u32);
        for d in 0..n {
            let gaps =
                self.doc_start[d + 1] - self.doc_start[d] - self.title_len[d] - self.body_len[d];
            for v in [
                self.title_len[d],
                self.body_len[d],
                gaps,
                self.published[d],
                self.conf_date[d],
            ] {
                put_varint(&mut out, v);
            }
        }
        put_varint(&mut out, self.facets.len() as u32);
        for table in self.facets.iter() {
            table.write(&mut out);
        }
        out
    }

    /// Reads an index written by [`SearchIndex::to_bytes`]; never panics on damaged input.
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex, IndexError> {
        if bytes.len() < 16 || &bytes[..4] != MAGIC {
            return Err(IndexError::BadMagic);
        }
        let version = u32::from_le_bytes(bytes[4..8].try_into().expect("4 bytes"));
        if version != FORMAT_VERSION {
            return Err(IndexError::UnsupportedVersion(version));
        }
        let ids_hash = u64::from_le_bytes(bytes[8..16].try_into().expect("8 bytes"));
        let mut r = Reader { bytes, at: 16 };
        let n = r.count(5)?;
        let mut index = SearchIndex {
            ids_hash,
            title_len: Vec::with_capacity(n),
            body_len: Vec::with_capacity(n),
            doc_start: Vec::with_capacity(n + 1),
            published: Vec::with_capacity(n),
            conf_date: Vec::with_capacity(n),
            ..SearchIndex::empty()
        };
        let mut pos: u32 = 0;
        for _ in 0..n {
            let (t, b, gaps) = (r.varint()?, r.varint()?, r.varint()?);
            index.doc_start.push(pos);
            pos = [t, b, gaps]
                .iter()
                .try_fold(pos, |acc, v| acc.checked_add(*v))
                .ok_or(IndexError::Corrupt("document lengths"))?;
            index.title_len.push(t);
            index.body_len.push(b);
            index.published.push(r.varint()?);
            index.conf_date.push(r.varint()?);
        }
        index.doc_start.push(pos);
        let n_facets = r.count(1)?;
        if n_facets != Facet::ALL.len() {
            return Err(IndexError::Corrupt("facet count"));
        }
        let tables = Facet::ALL
            .into_iter()
            .map(|facet| FacetTable::read(facet, &mut r, n))
            .collect::<Result<_, _>>()?;
        index.facets = FacetTables::new(tables);
        index.terms.add(read_terms(r)?);
        index.derive();
        Ok(index)
    }

    /// Serialised index as base64, for embedding in the bundle's JSON.
    pub fn to_base64(&self) -> String {
        base64::encode(&self.to_bytes())
    }

    /// Reads an index from [`SearchIndex::to_base64`] output.
    pub fn from_base64(text: &str) -> Result<SearchIndex, IndexError> {
        let bytes = base64::decode(text).ok_or(IndexError::Corrupt("invalid base64"))?;
        SearchIndex::from_bytes(&bytes)
    }
}

/// The term count, terms and postings parts: how a single-file index ends, and all of a term
/// chunk after its magic and version.
pub(crate) fn write_terms<'a>(
    out: &mut Vec<u8>,
    terms: impl ExactSizeIterator<Item = Term<'a>> + Clone,
) {
    put_varint(out, terms.len() as u32);
    let mut prev = "";
    for t in terms.clone() {
        let shared = common_prefix(prev, t.folded);
        put_varint(out, shared as u32);
        put_str(out, &t.folded[shared..]);
        put_str(out, if t.exact == t.folded { "" } else { t.exact });
        put_varint(out, t.postings.len() as u32);
        prev = t.folded;
    }
    for t in terms {
        out.extend_from_slice(t.postings);
    }
}

/// Reads what [`write_terms`] wrote; the postings run to the end of the data.
pub(crate) fn read_terms(mut r: Reader<'_>) -> Result<Terms, IndexError> {
    let n = r.count(3)?;
    let mut t = Terms {
        folded_end: Vec::with_capacity(n),
        exact_end: Vec::with_capacity(n),
        postings_end: Vec::with_capacity(n),
        ..Terms::default()
    };
    let (mut prev_start, mut total) = (0, 0u32);
    for _ in 0..n {
        let shared = r.varint()? as usize;
        let prefix = t.folded[prev_start..]
            .get(..shared)
            .ok_or(IndexError::Corrupt("term prefix"))?
            .to_string();
        let start = t.folded.len();
        t.folded.push_str(&prefix);
        t.folded.push_str(r.str()?);
        t.folded_end.push(t.folded.len() as u32);
        match r.str()? {
            "" => t.exact.push_str(&t.folded[start..]),
            exact => t.exact.push_str(exact),
        }
        t.exact_end.push(t.exact.len() as u32);
        total = total
            .checked_add(r.varint()?)
            .ok_or(IndexError::Corrupt("postings size"))?;
        t.postings_end.push(total);
        prev_start = start;
    }
    let rest = &r.bytes[r.at..];
    if rest.len() != total as usize {
        return Err(IndexError::Corrupt("postings size"));
    }
    t.postings = rest.to_vec();
    Ok(t)
}

/// One facet table: its values, then each document's value ids.
impl FacetTable {
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        put_varint(out, self.values.len() as u32);
        for (value, group) in self.values.iter().zip(&self.groups) {
            put_str(out, value);
            put_str(out, group);
        }
        for d in 0..self.doc_start.len() - 1 {
            let ids = self.doc(d);
            put_varint(out, ids.len() as u32);
            let mut prev = 0;
            for id in ids {
                put_varint(out, id - prev);
                prev = *id;
            }
        }
    }

    pub(crate) fn read(
        facet: Facet,
        r: &mut Reader<'_>,
        docs: usize,
    ) -> Result<FacetTable, IndexError> {
        let mut t = FacetTable::empty();
        let n = r.count(2)?;
        for _ in 0..n {
            t.values.push(r.str()?.to_string());
            t.groups.push(r.str()?.to_string());
        }
        for _ in 0..docs {
            let k = r.count(1)?;
            let mut id: u32 = 0;
            for _ in 0..k {
                id = id
                    .checked_add(r.varint()?)
                    .ok_or(IndexError::Corrupt("facet value id"))?;
                if id as usize >= n {
                    return Err(IndexError::Corrupt("facet value id"));
                }
                t.doc_values.push(id);
            }
            t.doc_start.push(t.doc_values.len() as u32);
        }
        t.derive(facet);
        Ok(t)
    }
}

pub(crate) fn common_prefix(a: &str, b: &str) -> usize {
    let mut n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !b.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// LEB128: seven bits per byte, low bits first, high bit set on all but the last byte.
pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(crate) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

/// Bounds-checked reading of the primitives above.
pub(crate) struct Reader<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn varint(&mut self) -> Result<u32, IndexError> {
        let mut v: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = *self
                .bytes
                .get(self.at)
                .ok_or(IndexError::Corrupt("truncated"))?;
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return u32::try_from(v).map_err(|_| IndexError::Corrupt("number too large"));
            }
        }
        Err(IndexError::Corrupt("number too long"))
    }

    /// A count of items that each take at least `min_bytes`, checked against what is left so
    /// that damaged counts cannot trigger huge allocations.
    pub(crate) fn count(&mut self, min_bytes: usize) -> Result<usize, IndexError> {
        let n = self.varint()? as usize;
        if n.saturating_mul(min_bytes) > self.bytes.len() - self.at {
            return Err(IndexError::Corrupt("count larger than the data"));
        }
        Ok(n)
    }

    pub(crate) fn str(&mut self) -> Result<&'a str, IndexError> {
        let len = self.varint()? as usize;
        let end = self.at.checked_add(len).filter(|e| *e <= self.bytes.len());
        let bytes = &self.bytes[self.at..end.ok_or(IndexError::Corrupt("truncated"))?];
        self.at += len;
        std::str::from_utf8(bytes).map_err(|_| IndexError::Corrupt("text is not UTF-8"))
    }
}
