//! Links that change the view by changing the query string. Every view is a shareable link; the
//! bundle being read (`bundle=`) is always kept.

use leptos::prelude::window;
use leptos_router::params::ParamsMap;

use hoinghi::search::{Facet, SearchRequest};
use hoinghi::view_state::pairs_from_request;

/// Every key/value pair of the query, repeated keys included, in order.
pub fn all_pairs(map: &ParamsMap) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (key, _) in map.latest_values() {
        for value in map.get_all(key).unwrap_or_default() {
            pairs.push((key.to_string(), value));
        }
    }
    pairs
}

/// The current page with `changes` applied to its query: `Some` sets a key, `None` removes it.
pub fn href(current: &ParamsMap, changes: &[(&str, Option<&str>)]) -> String {
    let mut pairs: Vec<(String, String)> = all_pairs(current)
        .into_iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .collect();
    for (key, value) in changes {
        if let Some(value) = value {
            pairs.push((key.to_string(), value.to_string()));
        }
    }
    with_query(&pairs)
}

/// Query keys that choose how results are shown rather than which: they survive a new search.
const VIEW_KEYS: [&str; 4] = ["bundle", "view", "lan", "xeplan"];

/// The page for `req` in the current view (list or timeline): the reader closes, the bundle and
/// the view's own settings stay.
pub fn search_href(current: &ParamsMap, req: &SearchRequest) -> String {
    let mut pairs: Vec<(String, String)> = VIEW_KEYS
        .iter()
        .filter_map(|k| current.get(k).map(|v| (k.to_string(), v)))
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
    let mut out = PATH.with(String::clone);
    for (i, (k, v)) in pairs.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        encode_into(&mut out, k);
        out.push('=');
        encode_into(&mut out, v);
    }
    out
}

/// Appends `text` as `encodeURIComponent` writes it, without a call into JavaScript.
fn encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.extend([
                '%',
                HEX[usize::from(b >> 4)] as char,
                HEX[usize::from(b & 15)] as char,
            ]);
        }
    }
}

/// The entity page of one person, document or province: a fresh search narrowed to it, in the
/// list view, where the entity's card is.
pub fn entity_href(current: &ParamsMap, facet: Facet, value: &str) -> String {
    let req = SearchRequest {
        filters: vec![(facet, vec![value.to_string()])],
        ..SearchRequest::default()
    };
    let mut list = current.clone();
    list.remove("view");
    search_href(&list, &req)
}
