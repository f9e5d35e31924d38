//! A sharded bundle in the app (`docs/bundle-format.md`, "Sharded bundle"): the manifest draws
//! the first page, then metadata and the document table make the archive usable, and term
//! chunks and bodies are fetched when a search or a row needs them. Every shard is checked
//! against its SHA-256 before use; a bad one is named where it was needed and the rest of the
//! archive goes on working.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};

use futures::future::join_all;
use leptos::prelude::*;
use leptos::task::spawn_local;

use hoinghi::bundle::{Block, Bundle};
use hoinghi::load::Loaded;
use hoinghi::search::{SearchIndex, SearchRequest, SearchResults};
use hoinghi::shard::{
    decode_bodies, decode_docs, decode_meta, decode_terms, needed_term_chunks, FileRef, Manifest,
    ShardError,
};

use super::fetch::fetch_bytes;

/// Shard failures, said in the language chosen when they happen.
pub mod text {
    use hoinghi::i18n::Lang;
    use hoinghi::shard::ShardError;

    use super::super::lang::current;

    fn why(e: &ShardError, lang: Lang) -> String {
        match lang {
            Lang::Vi => e.vi(),
            Lang::En => e.to_string(),
        }
    }
    /// A shard every view needs.
    pub fn required(name: &str, e: &ShardError) -> String {
        let lang = current();
        lang.texts().shard_required(name, &why(e, lang))
    }
    /// A body shard, in the reader.
    pub fn body(name: &str, e: &ShardError) -> String {
        let lang = current();
        lang.texts().shard_body(name, &why(e, lang))
    }
    /// A term chunk, above the results.
    pub fn terms(name: &str, e: &ShardError) -> String {
        let lang = current();
        lang.texts().shard_terms(name, &why(e, lang))
    }
}

/// Body shards kept in memory at once; older ones are dropped and fetched again if needed.
const BODY_SHARDS_KEPT: usize = 48;

/// How an article's body stands.
pub enum Body {
    Ready(Arc<Vec<Block>>),
    Loading,
    Failed(String),
}

#[derive(Default)]
struct TermStore {
    /// Chunks added to the index.
    loaded: HashSet<usize>,
    pending: HashSet<usize>,
    failed: BTreeMap<usize, String>,
}

#[derive(Default)]
struct BodyStore {
    loaded: HashMap<usize, Arc<Vec<Arc<Vec<Block>>>>>,
    /// Loaded shards, oldest first.
    order: VecDeque<usize>,
    pending: HashSet<usize>,
    failed: HashMap<usize, String>,
}

pub struct Shards {
    /// Where the manifest was fetched from.
    pub url: String,
    pub manifest: Arc<Manifest>,
    /// The manifest's folder, ending in `/` (or empty): shard names are relative to it.
    base: String,
    /// The document table with the term chunks loaded so far.
    index: Mutex<SearchIndex>,
    terms: Mutex<TermStore>,
    bodies: Mutex<BodyStore>,
    terms_changed: ArcTrigger,
    bodies_changed: ArcTrigger,
}

/// The folder part of a manifest URL.
fn base_of(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.rfind('/')
        .map_or(String::new(), |i| path[..=i].to_string())
}

/// Fetches one shard and checks it against the manifest.
pub async fn fetch_shard(base: &str, file: &FileRef) -> Result<Vec<u8>, ShardError> {
    let bytes = fetch_bytes(&format!("{base}{}", file.name), |_, _| {})
        .await
        .map_err(|e| ShardError::Fetch(e.to_string()))?;
    file.verify(&bytes)?;
    Ok(bytes)
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // Single-threaded: a poisoned lock only means a panic already showed the panic screen.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Resolves on a later task, once the page has taken what was set before (Leptos updates the
/// DOM in microtasks), so the first page is in the document before the shards are requested.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Loads what every view needs (the document table and all metadata), reporting bytes done.
pub async fn open(
    url: &str,
    manifest: Arc<Manifest>,
    progress: impl Fn(u64),
) -> Result<(Loaded, Shards), String> {
    let base = base_of(url);
    let done = std::cell::Cell::new(0u64);
    let fetch = |file: FileRef| {
        let (base, done, progress) = (&base, &done, &progress);
        async move {
            let bytes = fetch_shard(base, &file).await;
            done.set(done.get() + file.bytes);
            progress(done.get());
            bytes.map_err(|e| text::required(&file.name, &e))
        }
    };
    let docs = fetch(manifest.docs.clone());
    let meta = join_all(manifest.meta.iter().map(|m| fetch(m.file.clone())));
    let (docs, meta) = futures::join!(docs, meta);
    let index = decode_docs(&docs?).map_err(|e| text::required(&manifest.docs.name, &e))?;
    let mut articles = Vec::with_capacity(manifest.articles as usize);
    for (m, bytes) in manifest.meta.iter().zip(meta) {
        let decoded =
            decode_meta(&bytes?, m.count).map_err(|e| text::required(&m.file.name, &e))?;
        articles.extend(decoded);
    }
    if !index.matches(&articles) {
        return Err(super::lang::current().texts().shards_mismatch.into());
    }
    let loaded = Loaded {
        bundle: Bundle {
            schema: manifest.schema,
            generated: manifest.generated.clone(),
            title: manifest.title.clone(),
            articles,
            index: None,
        },
        warnings: vec![],
    };
    let shards = Shards {
        url: url.to_string(),
        manifest,
        base,
        index: Mutex::new(index),
        terms: Mutex::default(),
        bodies: Mutex::default(),
        terms_changed: ArcTrigger::new(),
        bodies_changed: ArcTrigger::new(),
    };
    Ok((loaded, shards))
}

impl Shards {
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The term chunks `req` needs.
    fn needed(&self, req: &SearchRequest) -> Vec<usize> {
        let index = lock(&self.index);
        let q = index.parse_query(&req.query, req.exact, req.provinces_2025);
        needed_term_chunks(&self.manifest.terms, &q)
    }

    /// Searches with the term chunks loaded so far. While chunks the query needs are on their
    /// way, the previous results stay on screen; reruns when they arrive.
    pub fn search(
        self: &Arc<Self>,
        req: &SearchRequest,
        previous: Option<&Arc<SearchResults>>,
        among: Option<&[bool]>,
    ) -> Arc<SearchResults> {
        self.terms_changed.track();
        let waiting = self.ensure_terms(&self.needed(req));
        match previous {
            Some(previous) if waiting => previous.clone(),
            _ => Arc::new(lock(&self.index).search_among(req, among)),
        }
    }

    /// Whether term chunks `req` needs are still coming, and those that failed, as sentences.
    pub fn term_status(self: &Arc<Self>, req: &SearchRequest) -> (bool, Vec<String>) {
        self.terms_changed.track();
        let needed = self.needed(req);
        let waiting = self.ensure_terms(&needed);
        let store = lock(&self.terms);
        let failed = needed
            .iter()
            .filter_map(|k| store.failed.get(k).cloned())
            .collect();
        (waiting, failed)
    }

    /// Starts fetching those of `needed` not loaded, failed or on their way (whichever of the
    /// search and its status runs first does it); true while any is still coming.
    fn ensure_terms(self: &Arc<Self>, needed: &[usize]) -> bool {
        let (waiting, start) = {
            let mut store = lock(&self.terms);
            let missing: Vec<usize> = needed
                .iter()
                .copied()
                .filter(|k| !store.loaded.contains(k) && !store.failed.contains_key(k))
                .collect();
            let start: Vec<usize> = missing
                .iter()
                .copied()
                .filter(|k| store.pending.insert(*k))
                .collect();
            (!missing.is_empty(), start)
        };
        if !start.is_empty() {
            self.load_terms(start);
        }
        waiting
    }

    fn load_terms(self: &Arc<Self>, chunks: Vec<usize>) {
        let this = self.clone();
        spawn_local(async move {
            let files: Vec<FileRef> = chunks
                .iter()
                .map(|k| this.manifest.terms[*k].file.clone())
                .collect();
            let fetched = join_all(files.iter().map(|f| fetch_shard(&this.base, f))).await;
            {
                let mut store = lock(&this.terms);
                for ((k, file), bytes) in chunks.iter().zip(&files).zip(fetched) {
                    store.pending.remove(k);
                    match bytes.and_then(|b| decode_terms(&b)) {
                        Ok(chunk) => {
                            store.loaded.insert(*k);
                            lock(&this.index).add_terms(chunk);
                        }
                        Err(e) => {
                            store.failed.insert(*k, text::terms(&file.name, &e));
                        }
                    }
                }
            }
            this.terms_changed.notify();
        });
    }

    /// The body of document `doc`; starts fetching its shard when it is not here yet.
    pub fn body(self: &Arc<Self>, doc: u32) -> Body {
        self.bodies_changed.track();
        let Some((k, _)) = self.manifest.body_file(doc) else {
            return Body::Failed(text::body(
                "?",
                &ShardError::Invalid(format!("document {doc}")),
            ));
        };
        let offset = (doc - self.manifest.body_range(k).start) as usize;
        let mut store = lock(&self.bodies);
        if let Some(shard) = store.loaded.get(&k) {
            return match shard.get(offset) {
                Some(body) => Body::Ready(body.clone()),
                None => Body::Loading,
            };
        }
        if let Some(why) = store.failed.get(&k) {
            return Body::Failed(why.clone());
        }
        if store.pending.insert(k) {
            drop(store);
            self.load_bodies(k);
        }
        Body::Loading
    }

    fn load_bodies(self: &Arc<Self>, k: usize) {
        let this = self.clone();
        spawn_local(async move {
            let file = this.manifest.bodies.files[k].clone();
            let count = this.manifest.body_range(k).len() as u32;
            let decoded = match fetch_shard(&this.base, &file).await {
                Ok(bytes) => decode_bodies(&bytes, count),
                Err(e) => Err(e),
            };
            {
                let mut store = lock(&this.bodies);
                store.pending.remove(&k);
                match decoded {
                    Ok(bodies) => {
                        let bodies = bodies.into_iter().map(Arc::new).collect();
                        store.loaded.insert(k, Arc::new(bodies));
                        store.order.push_back(k);
                        while store.order.len() > BODY_SHARDS_KEPT {
                            if let Some(old) = store.order.pop_front() {
                                store.loaded.remove(&old);
                            }
                        }
                    }
                    Err(e) => {
                        store.failed.insert(k, text::body(&file.name, &e));
                    }
                }
            }
            this.bodies_changed.notify();
        });
    }
}
