//! The address bar as the app's state, without a router.
//!
//! Why not leptos_router: it resolves every navigation against `location.origin`, which Firefox
//! reports as `"null"` for `file://` pages, so the packed single file could not search there. The
//! app only ever changes the query string of its one page, which `history.pushState` does
//! directly. This module keeps that query in a signal, follows back and forward, and turns clicks
//! on links to this same page into history entries instead of page loads.

use leptos::ev::{click, popstate};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, MouseEvent};

use hoinghi::query_string::QueryPairs;

#[derive(Clone, Copy)]
struct Location {
    raw: RwSignal<QueryPairs>,
    query: Memo<QueryPairs>,
}

/// How a navigation enters history.
#[derive(Clone, Copy)]
pub struct NavigateOptions {
    /// Replace the current entry (typing) rather than add one (clicks).
    pub replace: bool,
    /// Start the new view at the top of the page.
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        Self {
            replace: false,
            scroll: true,
        }
    }
}

fn current() -> QueryPairs {
    QueryPairs::parse(&window().location().search().unwrap_or_default())
}

/// The address without its query and fragment: links to it are links within the app.
fn page_of(href: &str) -> &str {
    href.split(['?', '#']).next().unwrap_or(href)
}

/// Starts following the address bar; called once, above everything that reads the query.
pub fn provide() {
    let raw = RwSignal::new(current());
    let query = Memo::new(move |_| raw.get());
    let location = Location { raw, query };
    provide_context(location);
    let back = window_event_listener(popstate, move |_| raw.set(current()));
    let links = window_event_listener(click, move |ev| follow_link(location, &ev));
    on_cleanup(move || {
        back.remove();
        links.remove();
    });
}

/// The query string's pairs, updated on every navigation.
pub fn use_query() -> Memo<QueryPairs> {
    expect_context::<Location>().query
}

/// Goes to `href` (a link made by `super::url`) without loading the page again.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let location = expect_context::<Location>();
    move |href: &str, options: NavigateOptions| go(location, href, options)
}

fn go(location: Location, href: &str, options: NavigateOptions) {
    let Ok(history) = window().history() else {
        return;
    };
    let entered = if options.replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
    };
    if entered.is_err() {
        // History refused (a sandboxed frame, say): a real page load still gets there.
        let _ = window().location().set_href(href);
        return;
    }
    location.raw.set(current());
    if options.scroll {
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// A plain left click on a link to this page becomes a navigation within the app. Links that
/// open elsewhere (new tab, download, `rel="external"`, another page, only a `#fragment`) are
/// left to the browser.
fn follow_link(location: Location, ev: &MouseEvent) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    let Some(link) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlAnchorElement>().ok())
    else {
        return;
    };
    let rel = link.rel();
    if !link.target().is_empty()
        || link.has_attribute("download")
        || rel.split_ascii_whitespace().any(|r| r == "external")
    {
        return;
    }
    let (to, here) = (link.href(), window().location().href().unwrap_or_default());
    let only_fragment = link
        .get_attribute("href")
        .is_some_and(|h| h.starts_with('#'));
    if page_of(&to) != page_of(&here) || only_fragment {
        return;
    }
    ev.prevent_default();
    let query = to
        .find('?')
        .map_or("", |at| to[at + 1..].split('#').next().unwrap_or_default());
    let href = format!(
        "{}{}{}",
        window().location().pathname().unwrap_or_default(),
        if query.is_empty() { "" } else { "?" },
        query
    );
    go(location, &href, NavigateOptions::default());
}
