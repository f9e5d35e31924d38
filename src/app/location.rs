//! The address bar as the app's state, without a router.
//!
//! Why not leptos_router: it resolves every navigation against `location.origin`, which Firefox
//! reports as `"null"` for `file://` pages, so the packed single file could not search there. The
//! app only ever changes the query string of its one page, which `history.pushState` does
//! directly. This module keeps that query in a signal, follows back and forward, and turns clicks
//! on links to this same page into history entries instead of page loads.
//!
//! A replacing navigation (typing a query, moving the timeline) changes the app's state at once
//! and the address bar only once it rests for [`ADDRESS_PAUSE_MS`]: Chromium spends several
//! milliseconds on each history write, a third of a keystroke's frame. Any other navigation, and
//! leaving the page, write the pending address first, so history stays exact.

use std::time::Duration;

use leptos::ev::{click, pagehide, popstate};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, MouseEvent};

use hoinghi::query_string::QueryPairs;

/// How long replacing navigations must pause before the address bar follows them.
const ADDRESS_PAUSE_MS: u64 = 250;

#[derive(Clone, Copy)]
struct Location {
    raw: RwSignal<QueryPairs>,
    query: Memo<QueryPairs>,
    /// The address a replacing navigation has shown but not written yet, and its timer.
    pending: StoredValue<Option<(String, TimeoutHandle)>>,
}

impl Location {
    /// Writes the pending address into the current history entry now.
    fn flush(self) {
        if let Some((href, timer)) = self.pending.try_update_value(Option::take).flatten() {
            timer.clear();
            write_address(&href);
        }
    }

    /// Forgets the pending address: the entry it was meant for is no longer the current one.
    fn drop_pending(self) {
        if let Some((_, timer)) = self.pending.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    }
}

fn write_address(href: &str) {
    if let Ok(history) = window().history() {
        // Refused only in sandboxed frames, where the page still shows the right state.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
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

/// The query part of a link made by `super::url`.
fn query_of(href: &str) -> &str {
    href.split_once('?')
        .map_or("", |(_, q)| q.split('#').next().unwrap_or(q))
}

/// The address without its query and fragment: links to it are links within the app.
fn page_of(href: &str) -> &str {
    href.split(['?', '#']).next().unwrap_or(href)
}

/// Starts following the address bar; called once, above everything that reads the query.
pub fn provide() {
    let raw = RwSignal::new(current());
    let query = Memo::new(move |_| raw.get());
    let location = Location {
        raw,
        query,
        pending: StoredValue::new(None),
    };
    provide_context(location);
    let back = window_event_listener(popstate, move |_| {
        location.drop_pending();
        raw.set(current());
    });
    let links = window_event_listener(click, move |ev| follow_link(location, &ev));
    let leave = window_event_listener(pagehide, move |_| location.flush());
    on_cleanup(move || {
        back.remove();
        links.remove();
        leave.remove();
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
    if options.replace {
        let later = href.to_string();
        let timer = set_timeout_with_handle(
            move || {
                location.pending.try_set_value(None);
                write_address(&later);
            },
            Duration::from_millis(ADDRESS_PAUSE_MS),
        );
        match timer {
            Ok(timer) => {
                location.drop_pending();
                location.pending.set_value(Some((href.to_string(), timer)));
            }
            Err(_) => write_address(href),
        }
        location.raw.set(QueryPairs::parse(query_of(href)));
    } else {
        location.flush();
        let Ok(history) = window().history() else {
            return;
        };
        if history
            .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
            .is_err()
        {
            // History refused (a sandboxed frame, say): a real page load still gets there.
            let _ = window().location().set_href(href);
            return;
        }
        location.raw.set(current());
    }
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
