//! hoinghi core: everything that is not UI or command line, compiled natively (CLI, tests) and to
//! wasm (the app).
//!
//! - [`bookmarks`]: the reading list and its export file.
//! - [`bundle`]: the bundle format v1 types.
//! - [`calendar`]: which dates exist.
//! - [`load`]: parsing a bundle from bytes with specific, readable errors.
//! - [`ingest`]: raw scraped articles to bundle records.
//! - [`search`]: Vietnamese folding, the search index, queries and facets.
//! - [`timeline`]: the conference timeline's layout: scales, axis ticks, lanes, clustering.
//! - [`shard`]: sharded bundles: a manifest plus shards fetched when needed.
//! - [`pack`]: the app and a bundle as one self-contained HTML file.
//! - [`view_state`]: the app's view state as URL query pairs.
//! - [`query_string`]: reading and writing those pairs in the address bar.
//! - [`entities`]: what the archive says about a person, document, province, or itself.
//! - [`export`]: result sets as CSV and JSON.
//! - [`display`]: how values read to people (dates per language, which URLs may be links).
//! - [`i18n`]: every label of the interface in Vietnamese and English.

pub mod bookmarks;
pub mod bundle;
pub mod calendar;
pub mod display;
pub mod entities;
pub mod export;
pub mod i18n;
pub mod ingest;
pub mod load;
pub mod pack;
pub mod query_string;
pub mod search;
pub mod shard;
pub mod timeline;
pub mod view_state;

#[cfg(test)]
mod test_rng;
