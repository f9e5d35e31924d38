//! What every part of a loaded archive's UI reads: the bundle, its index, and the search derived
//! from the URL. Signals are derived here once and shared, never copied into other signals.

use std::sync::Arc;

use leptos::prelude::*;

use hoinghi::bundle::Article;
use hoinghi::load::Loaded;
use hoinghi::query_string::QueryPairs;
use hoinghi::search::{SearchIndex, SearchRequest, SearchResults};
use hoinghi::view_state::request_from_pairs;

use super::location::use_query;

#[derive(Clone)]
pub struct Archive {
    pub loaded: Arc<Loaded>,
    pub query: Memo<QueryPairs>,
    pub request: Memo<SearchRequest>,
    pub results: Memo<Arc<SearchResults>>,
    /// The result the keyboard is on (`j`/`k`), as a position in `results.ids`.
    pub cursor: RwSignal<usize>,
    /// Whether the keyboard shortcuts are listed (`?`).
    pub show_keys: RwSignal<bool>,
}

impl Archive {
    pub fn new(loaded: Arc<Loaded>, index: SearchIndex) -> Self {
        let query = use_query();
        // Navigation updates the query synchronously, so the URL can be the one source of truth
        // even while typing.
        let request = Memo::new(move |_| {
            query.with(|q| {
                request_from_pairs(q.pairs().iter().map(|(k, v)| (k.as_str(), v.as_str())))
            })
        });
        let results = Memo::new(move |_| Arc::new(request.with(|req| index.search(req))));
        Self {
            loaded,
            query,
            request,
            results,
            cursor: RwSignal::new(0),
            show_keys: RwSignal::new(false),
        }
    }

    pub fn article(&self, position: u32) -> &Article {
        &self.loaded.bundle.articles[position as usize]
    }

    pub fn position_of(&self, id: &str) -> Option<u32> {
        self.loaded
            .bundle
            .articles
            .iter()
            .position(|a| a.id == id)
            .map(|p| p as u32)
    }
}
