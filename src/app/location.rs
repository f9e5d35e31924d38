//! The address bar as the app's state, without a router.
//!
//! Why not leptos_router: it resolves every navigation against `location.origin`, which Firefox
//! reports as `"null"` for `file://` pages, so the packed single file could not search there. The
//! app only ever changes the query string of its one page, which `history.pushState` does
//! directly. This module keeps that query in a signal, follows back and forward, and turns clicks
//! on links to this same page into history entries instead of page loads.
//!
//! History writes come after what they record is on screen: Chromium spends several milliseconds
//! on each, a third of a keystroke's frame. A replacing navigation (typing a query, moving the
//! timeline) changes the app at once and the address bar once it rests for
//! [`ADDRESS_PAUSE_MS`]; a new entry (a click) is written right after the next frame. Any later
//! navigation, and leaving the page, write the pending one first, so history stays exact. (Back
//! pressed within the very frame of a click goes back past it, as if the click came later.)

use std::time::Duration;

use leptos::ev::{click, pagehide, popstate};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, MouseEvent};

use hoinghi::query_string::QueryPairs;

/// How long replacing navigations must pause before the address bar follows them.
const ADDRESS_PAUSE_MS: u64 = 250;

/// A navigation shown but not yet in history.
struct Pending {
    /// Which navigation: timers of earlier ones find theirs gone and do nothing.
    id: u32,
    href: String,
    push: bool,
}

#[derive(Clone, Copy)]
struct Location {
    raw: RwSignal<QueryPairs>,
    query: Memo<QueryPairs>,
    pending: StoredValue<Option<Pending>>,
    last_id: StoredValue<u32>,
}

impl Location {
    /// Writes the pending navigation into history now.
    fn flush(self) {
        if let Some(p) = self.pending.try_update_value(Option::take).flatten() {
            write_address(&p.href, p.push);
        }
    }

    /// Writes navigation `id` if it is still pending.
    fn flush_if(self, id: u32) {
        let pending = self
            .pending
            .try_with_value(|p| p.as_ref().is_some_and(|p| p.id == id));
        if pending == Some(true) {
            self.flush();
        }
    }

    /// Forgets the pending navigation: the entry it was meant for is no longer the current one.
    fn drop_pending(self) {
        self.pending.try_set_value(None);
    }

    /// Records `href` as pending in place of any earlier navigation, which is written first
    /// unless it only replaced the entry that `href` replaces too.
    fn defer(self, href: &str, push: bool) -> u32 {
        let superseded = !push
            && self
                .pending
                .with_value(|p| p.as_ref().is_some_and(|p| !p.push));
        if superseded {
            self.drop_pending();
        } else {
            self.flush();
        }
        let id = self.last_id.get_value().wrapping_add(1);
        self.last_id.set_value(id);
        self.pending.set_value(Some(Pending {
            id,
            href: href.to_string(),
            push,
        }));
        id
    }
}

fn write_address(href: &str, push: bool) {
    let Ok(history) = window().history() else {
        return;
    };
    let null = wasm_bindgen::JsValue::NULL;
    let written = if push {
        history.push_state_with_url(&null, "", Some(href))
    } else {
        history.replace_state_with_url(&null, "", Some(href))
    };
    if written.is_err() && push {
        // History refused (a sandboxed frame, say): a real page load still gets there.
        let _ = window().location().set_href(href);
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
        last_id: StoredValue::new(0),
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
    let id = location.defer(href, !options.replace);
    if options.replace {
        set_timeout(
            move || location.flush_if(id),
            Duration::from_millis(ADDRESS_PAUSE_MS),
        );
    } else {
        // After the frame that shows the new view.
        super::after_next_frame(move || location.flush_if(id));
    }
    location.raw.set(QueryPairs::parse(query_of(href)));
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
