//! The side panels (facet values with their counts, the date histogram) and the entity card
//! (src/app/entity_card.rs) follow the search one frame behind it.
//!
//! A keystroke's frame then holds only what the reader is looking at: the search and the result
//! rows. Redrawing some sixty facet rows (label, count, link) and the histogram took about as
//! long again, and pushed a keystroke past one frame on a large archive. After the frame that
//! shows new results has been drawn, the panels catch up to the latest search; while someone
//! types faster than frames, they skip straight to the last one. A pointer or focus entering a
//! panel brings it up to date at once, so a click never lands on a count or link of an older
//! search. While behind, a panel says so with `aria-busy`.

use std::sync::Arc;

use leptos::prelude::*;

use hoinghi::query_string::QueryPairs;
use hoinghi::search::{SearchRequest, SearchResults};

/// The search a panel shows: its request, its results, and the address its links build on.
#[derive(Clone)]
pub struct Shown {
    pub query: QueryPairs,
    pub request: SearchRequest,
    pub results: Arc<SearchResults>,
}

fn latest(
    query: Memo<QueryPairs>,
    request: Memo<SearchRequest>,
    results: Memo<Arc<SearchResults>>,
) -> Shown {
    Shown {
        query: query.get_untracked(),
        request: request.get_untracked(),
        results: results.get_untracked(),
    }
}

#[derive(Clone, Copy)]
pub struct Panels {
    shown: RwSignal<Shown>,
    behind: RwSignal<bool>,
    latest: (
        Memo<QueryPairs>,
        Memo<SearchRequest>,
        Memo<Arc<SearchResults>>,
    ),
}

impl Panels {
    pub fn new(
        query: Memo<QueryPairs>,
        request: Memo<SearchRequest>,
        results: Memo<Arc<SearchResults>>,
    ) -> Self {
        let panels = Panels {
            shown: RwSignal::new(latest(query, request, results)),
            behind: RwSignal::new(false),
            latest: (query, request, results),
        };
        Effect::new(move |first: Option<()>| {
            query.track();
            results.track();
            // The first run is the state the panels start from.
            if first.is_some() && !panels.behind.get_untracked() {
                panels.behind.set(true);
                super::after_next_frame(move || panels.catch_up());
            }
        });
        panels
    }

    /// The search the panels show; tracked.
    pub fn with<R>(&self, f: impl FnOnce(&Shown) -> R) -> R {
        self.shown.with(f)
    }

    /// Whether the panels show an older search than the results; tracked.
    pub fn behind(&self) -> bool {
        self.behind.get()
    }

    /// Shows the latest search now, if the panels are behind it.
    pub fn catch_up(self) {
        // `try_`: the archive may have left the page before the frame came.
        if self.behind.try_get_untracked() != Some(true) {
            return;
        }
        let (query, request, results) = self.latest;
        let next = latest(query, request, results);
        let same = self
            .shown
            .with_untracked(|s| Arc::ptr_eq(&s.results, &next.results) && s.query == next.query);
        if !same {
            self.shown.set(next);
        }
        self.behind.set(false);
    }
}
