//! The side panels (facet values with their counts, the date histogram) follow the search one
//! frame behind it.
//!
//! A keystroke's frame then holds only what the reader is looking at: the search and the result
//! rows. Redrawing some sixty facet rows (label, count, link) and the histogram took about as
//! long again, and pushed a keystroke past one frame on a large archive. After the frame that
//! shows new results has been drawn, the panels catch up to the latest search; while someone
//! types faster than frames, they skip straight to the last one. A pointer or focus entering a
//! panel brings it up to date at once, so a click never lands on a count or link of an older
//! search. While behind, a panel says so with `aria-busy`.

use std::sync::Arc;
use std::time::Duration;

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
            shown: RwSignal::new(Shown {
                query: query.get_untracked(),
                request: request.get_untracked(),
                results: results.get_untracked(),
            }),
            behind: RwSignal::new(false),
            latest: (query, request, results),
        };
        Effect::new(move |first: Option<()>| {
            query.track();
            results.track();
            // The first run is the state the panels start from.
            if first.is_some() && !panels.behind.get_untracked() {
                panels.behind.set(true);
                // A timer set from an animation frame runs once that frame is drawn.
                request_animation_frame(move || {
                    set_timeout(move || panels.catch_up(), Duration::ZERO)
                });
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
        let next = Shown {
            query: query.get_untracked(),
            request: request.get_untracked(),
            results: results.get_untracked(),
        };
        let same = self
            .shown
            .with_untracked(|s| Arc::ptr_eq(&s.results, &next.results) && s.query == next.query);
        if !same {
            self.shown.set(next);
        }
        self.behind.set(false);
    }
}
