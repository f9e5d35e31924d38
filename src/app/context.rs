//! What every part of a loaded archive's UI reads: the bundle, its index, and the search derived
//! from the URL. Signals are derived here once and shared, never copied into other signals.

use std::borrow::Cow;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::{Arc, Weak};

use leptos::prelude::*;

use hoinghi::bundle::Article;
use hoinghi::load::Loaded;
use hoinghi::query_string::QueryPairs;
use hoinghi::search::{SearchIndex, SearchRequest, SearchResults, AHEAD_COUNT};
use hoinghi::timeline::{held_range, held_within};
use hoinghi::view_state::request_from_pairs;

use super::location::use_query;
use super::panels::Panels;
use super::shards::{Body, Shards};

/// Where searches run: a whole index, or a sharded bundle's that fetches term chunks as needed.
pub enum Searcher {
    Whole(Arc<SearchIndex>),
    Sharded(Arc<Shards>),
}

/// Why an article's whole body is not here (yet).
pub enum Missing {
    Loading,
    Failed(String),
}

#[derive(Clone)]
pub struct Archive {
    pub loaded: Arc<Loaded>,
    pub query: Memo<QueryPairs>,
    pub request: Memo<SearchRequest>,
    pub results: Memo<Arc<SearchResults>>,
    /// The search the side panels show, a frame behind `results` while typing.
    pub panels: Panels,
    /// The result the keyboard is on (`j`/`k`), as a position in `results.ids()`.
    pub cursor: RwSignal<usize>,
    /// Whether the keyboard shortcuts are listed (`?`).
    pub show_keys: RwSignal<bool>,
    /// Set for a sharded bundle: its manifest, bodies and term chunks.
    pub shards: Option<Arc<Shards>>,
}

/// Runs [`SearchIndex::warm_up_requests`] once the browser is idle, one search each time it is
/// idle again, so that none holds up the first results or a keystroke for long.
fn warm_up(index: Weak<SearchIndex>) {
    super::when_idle(move || {
        // Picking the words reads every term: not on the way to the first results either.
        if let Some(live) = index.upgrade() {
            in_turn(
                index,
                live.warm_up_requests().into_iter(),
                || true,
                |index, request| {
                    index.search(request);
                },
            );
        }
    });
}

/// Runs `each` on `requests` in order, one each time the browser is idle, while the index is
/// live (the archive may have been replaced meanwhile) and `current` holds.
fn in_turn(
    index: Weak<SearchIndex>,
    mut requests: std::vec::IntoIter<SearchRequest>,
    current: impl Fn() -> bool + 'static,
    each: impl Fn(&SearchIndex, &SearchRequest) + 'static,
) {
    let Some(request) = requests.next() else {
        return;
    };
    super::when_idle(move || {
        if let Some(live) = index.upgrade().filter(|_| current()) {
            each(&live, &request);
            in_turn(index, requests, current, each);
        }
    });
}

/// How long typing must pause before the next keystrokes are searched ahead: longer than the
/// gap between keystrokes typed or pasted in a burst, shorter than a typist's pause.
const AHEAD_AFTER: std::time::Duration = std::time::Duration::from_millis(50);

/// Once typing pauses, prepares the searches of the likeliest next keystrokes
/// (src/search/ahead.rs), one each time the browser is idle, until the query changes: a
/// keystroke then finds its words read. A facet click or a sort changes no words. With
/// `profile`, each prepared query is named by a `hoinghi:prepared QUERY` user-timing mark.
fn search_ahead(index: Weak<SearchIndex>, request: Memo<SearchRequest>, profile: bool) {
    let typed = Memo::new(move |_| request.with(|r| (r.query.clone(), r.exact)));
    let latest = Rc::new(Cell::new(0u64));
    Effect::new(move |_| {
        // Read, not only tracked: a memo not yet read would not say when it changes.
        typed.with(|_| ());
        let turn = latest.get() + 1;
        latest.set(turn);
        let (index, latest) = (index.clone(), latest.clone());
        set_timeout(
            move || {
                let current = move || latest.get() == turn;
                // `try_`: the archive (and its signals) may have been replaced meanwhile.
                let live = index.upgrade().filter(|_| current());
                if let Some((live, req)) = live.zip(request.try_get_untracked()) {
                    let next = live.likely_next(&req, AHEAD_COUNT).into_iter();
                    in_turn(index, next, current, move |index, request| {
                        index.prepare(request);
                        if profile {
                            let _ = window()
                                .performance()
                                .map(|p| p.mark(&format!("hoinghi:prepared {}", request.query)));
                        }
                    });
                }
            },
            AHEAD_AFTER,
        );
    });
}

impl Archive {
    pub fn new(loaded: Arc<Loaded>, searcher: Searcher) -> Self {
        super::timeline::warm(&loaded);
        if let Searcher::Whole(index) = &searcher {
            warm_up(Arc::downgrade(index));
        }
        let query = use_query();
        // Navigation updates the query synchronously, so the URL can be the one source of truth
        // even while typing.
        let request = Memo::new(move |_| {
            query.with(|q| {
                request_from_pairs(q.pairs().iter().map(|(k, v)| (k.as_str(), v.as_str())))
            })
        });
        // Set by the bench (tests/bench/app.mjs, profile-keystrokes.mjs) and the browser tests:
        // each search is then timed as a `hoinghi:search` user-timing measure.
        let profile =
            js_sys::Reflect::get(&window(), &"hoinghiProfile".into()).is_ok_and(|v| v.is_truthy());
        if let Searcher::Whole(index) = &searcher {
            search_ahead(Arc::downgrade(index), request, profile);
        }
        let shards = match &searcher {
            Searcher::Sharded(shards) => Some(shards.clone()),
            Searcher::Whole(_) => None,
        };
        // A conference-date range (the timeline's brush) selects articles by their conference
        // dates, which the index does not hold precisely; the selection is recomputed only when
        // the range changes.
        let held = Memo::new(move |_| request.with(held_range));
        let among = {
            let loaded = loaded.clone();
            Memo::new(move |_| {
                held.get()
                    .map(|range| Arc::new(held_within(&loaded.bundle.articles, range)))
            })
        };
        let results = Memo::new(move |previous: Option<&Arc<SearchResults>>| {
            let among = among.get();
            let among = among.as_deref().map(|a| &a[..]);
            let performance = profile.then(|| window().performance()).flatten();
            if let Some(p) = &performance {
                let _ = p.mark("hoinghi:search-start");
            }
            let results = request.with(|req| match &searcher {
                Searcher::Whole(index) => Arc::new(index.search_among(req, among)),
                Searcher::Sharded(shards) => shards.search(req, previous, among),
            });
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
            panels: Panels::new(query, request, results),
            cursor: RwSignal::new(0),
            show_keys: RwSignal::new(false),
            shards,
        }
    }

    /// The article at `position` with its whole body. In a sharded bundle this reads (and
    /// tracks) the body shards, starting a fetch when needed.
    pub fn full_article(&self, position: u32) -> Result<Cow<'_, Article>, Missing> {
        let article = self.article(position);
        match &self.shards {
            None => Ok(Cow::Borrowed(article)),
            Some(shards) => match shards.body(position) {
                Body::Ready(body) => Ok(Cow::Owned(Article {
                    body: body.as_ref().clone(),
                    ..article.clone()
                })),
                Body::Loading => Err(Missing::Loading),
                Body::Failed(why) => Err(Missing::Failed(why)),
            },
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
