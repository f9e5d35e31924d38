//! Links that change the view by changing the query string, keeping the rest of it (the bundle
//! being read, later the search and filters) so every view stays a shareable link.

use leptos::prelude::window;
use leptos_router::params::ParamsMap;

/// The current page with `changes` applied to its query: `Some` sets a key, `None` removes it.
pub fn href(current: &ParamsMap, changes: &[(&str, Option<&str>)]) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (key, _) in current.latest_values() {
        if changes.iter().any(|(k, _)| *k == key.as_ref()) {
            continue;
        }
        for value in current.get_all(key).unwrap_or_default() {
            pairs.push((key.to_string(), value));
        }
    }
    for (key, value) in changes {
        if let Some(value) = value {
            pairs.push((key.to_string(), value.to_string()));
        }
    }
    let path = window().location().pathname().unwrap_or_default();
    if pairs.is_empty() {
        return path;
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    format!("{path}?{}", query.join("&"))
}

fn encode(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}
