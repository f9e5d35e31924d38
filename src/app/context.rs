//! What every part of a loaded archive's UI reads: the bundle, its index, and the search derived
//! from the URL. Signals are derived here once and shared, never copied into other signals.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

use hoinghi::bundle::Article;
use hoinghi::load::Loaded;
use hoinghi::search::{SearchIndex, SearchRequest, SearchResults};
use hoinghi::view_state::request_from_pairs;

use super::url::all_pairs;

#[derive(Clone)]
pub struct Archive {
    pub loaded: Arc<Loaded>,
    pub query: Memo<ParamsMap>,
    pub request: Memo<SearchRequest>,
    pub results: Memo<Arc<SearchResults>>,
    /// The result the keyboard is on (`j`/`k`), as a position in `results.ids`.
    pub cursor: RwSignal<usize>,
    /// Whether the keyboard shortcuts are listed (`?`).
    pub show_keys: RwSignal<bool>,
}

impl Archive {
    pub fn new(loaded: Arc<Loaded>, index: SearchIndex) -> Self {
        let query = use_query_map();
        // The router updates the query synchronously on navigate, so the URL can be the one
        // source of truth even while typing.
        let request = Memo::new(move |_| {
            query.with(|q| {
                let pairs = all_pairs(q);
                request_from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            })
        });
        // Set by tests/bench/profile-keystrokes.mjs: each search is then timed as a
        // `hoinghi:search` user-timing measure.
        let profile =
            js_sys::Reflect::get(&window(), &"hoinghiProfile".into()).is_ok_and(|v| v.is_truthy());
        let results = Memo::new(move |_| {
            let performance = profile.then(|| window().performance()).flatten();
            if let Some(p) = &performance {
                let _ = p.mark("hoinghi:search-start");
            }
            let results = Arc::new(request.with(|req| index.search(req)));
            if let Some(p) = &performance {
                let _ = p.measure_with_start_mark("hoinghi:search", "hoinghi:search-start");
            }
            results
        });
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
