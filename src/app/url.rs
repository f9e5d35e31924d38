//! Links that change the view by changing the query string. Every view is a shareable link; the
//! bundle being read (`bundle=`) is always kept.

use leptos::prelude::window;

use hoinghi::query_string::{write_search, QueryPairs};
use hoinghi::search::{Facet, SearchRequest};
use hoinghi::view_state::pairs_from_request;

/// The current page with `changes` applied to its query: `Some` sets a key, `None` removes it.
pub fn href(current: &QueryPairs, changes: &[(&str, Option<&str>)]) -> String {
    let mut pairs: Vec<(String, String)> = current
        .pairs()
        .iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .cloned()
        .collect();
    for (key, value) in changes {
        if let Some(value) = value {
            pairs.push((key.to_string(), value.to_string()));
        }
    }
    with_query(&pairs)
}

/// The whole address of the view `current` (scheme, host, path and query), to copy or cite. Read
/// from the query rather than the address bar, which follows navigations a moment later.
pub fn address(current: &QueryPairs) -> String {
    let page = window().location().href().unwrap_or_default();
    let page = page.split(['?', '#']).next().unwrap_or_default();
    format!("{page}{}", write_search(current.pairs()))
}

/// Query keys that choose how results are shown rather than which: they survive a new search.
const VIEW_KEYS: [&str; 4] = ["bundle", "view", "lan", "xeplan"];

/// The page for `req` in the current view (list, timeline or overview): the reader closes, the
/// bundle and the view's own settings stay. The reading list does not follow the search, so a
/// search from it shows the list.
pub fn search_href(current: &QueryPairs, req: &SearchRequest) -> String {
    let mut pairs: Vec<(String, String)> = VIEW_KEYS
        .iter()
        .filter_map(|k| current.get(k).map(|v| (k.to_string(), v)))
        .filter(|(k, v)| !(k == "view" && v == "danhsachdoc"))
        .collect();
    pairs.extend(
        pairs_from_request(req)
            .into_iter()
            .map(|(k, v)| (k.to_string(), v)),
    );
    with_query(&pairs)
}

thread_local! {
    /// The page's path, read once: views differ only in their query, so navigating never
    /// changes it, and every link on screen is rebuilt on each keystroke.
    static PATH: String = window().location().pathname().unwrap_or_default();
}

fn with_query(pairs: &[(String, String)]) -> String {
    PATH.with(String::clone) + &write_search(pairs)
}

/// The entity page of one person, document or province: a fresh search narrowed to it, in the
/// list view, where the entity's card is.
pub fn entity_href(current: &QueryPairs, facet: Facet, value: &str) -> String {
    let req = SearchRequest {
        filters: vec![(facet, vec![value.to_string()])],
        ..SearchRequest::default()
    };
    let mut list = current.clone();
    list.remove("view");
    search_href(&list, &req)
}
