//! The result list, virtualised: only the rows in view (plus a margin) exist in the DOM, so
//! rendering costs the same for 5 hits as for 35,000. Rows have a fixed height for that reason.
//! Positions are set through `style:` properties (CSSOM), which the content security policy
//! allows, rather than `style` attributes, which it forbids.

use leptos::html::{Div, Ol};
use leptos::prelude::*;

use hoinghi::search::SearchRequest;
use hoinghi::view_state::is_narrowed;

use super::bookmarks::Bookmarks;
use super::context::Archive;
use super::entity_card::EntityCard;
use super::export::ExportMenu;
use super::lang::{use_lang, use_texts};
use super::result_row::{clicked_star, Inputs, RowList};
use super::url::search_href;

/// Must match `.result-row { height }` in style/main.css.
pub const ROW_PX: f64 = 132.0;
/// Rows rendered above and below the visible ones, so fast scrolling shows no gaps.
const OVERSCAN: usize = 6;

#[component]
pub fn Results() -> impl IntoView {
    let archive = expect_context::<Archive>();
    let (query, request, results) = (archive.query, archive.request, archive.results);
    let viewport = NodeRef::<Div>::new();
    let scroll_top = RwSignal::new(0.0);
    let viewport_height = RwSignal::new(900.0);

    let cursor = archive.cursor;
    let (lang, t) = (use_lang(), use_texts());
    // A new search starts at its best hit. The DOM is touched only when the list is scrolled:
    // writing (or reading) `scrollTop` while the new rows are pending forces a layout of its own.
    Effect::new(move |_| {
        results.track();
        if scroll_top.get_untracked() != 0.0 {
            if let Some(el) = viewport.get_untracked() {
                el.set_scroll_top(0);
            }
            scroll_top.set(0.0);
        }
        cursor.set(0);
    });
    // The keyboard's row stays in view.
    Effect::new(move |_| {
        let top = cursor.get() as f64 * ROW_PX;
        // The first row of an unscrolled list is in view; no layout read needed.
        if top == 0.0 && scroll_top.get_untracked() == 0.0 {
            return;
        }
        let Some(el) = viewport.get_untracked() else {
            return;
        };
        let (shown, height) = (el.scroll_top() as f64, el.client_height() as f64);
        if top < shown {
            el.set_scroll_top(top as i32);
        } else if top + ROW_PX > shown + height {
            el.set_scroll_top((top + ROW_PX - height) as i32);
        }
    });

    // The viewport's height, read once drawn and on resize: reading it on each keystroke would
    // force a layout.
    let measure = move || {
        // 0 while the list is hidden or not laid out yet: the last height is the better guess.
        // `try_`: the frame or event may come after the list has left the page.
        let height = viewport
            .try_get_untracked()
            .flatten()
            .map_or(0, |el| el.client_height());
        // Never more than the window: a list laid out at its full height would draw every row.
        let window_height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(f64::MAX);
        if height > 0 {
            viewport_height.try_set(f64::from(height).min(window_height));
        }
    };
    request_animation_frame(measure);
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let on_scroll = move |_| {
        if let Some(el) = viewport.get_untracked() {
            scroll_top.set(el.scroll_top() as f64);
        }
    };

    let window = Memo::new(move |_| {
        let total = results.with(|r| r.total);
        let top = (scroll_top.get() / ROW_PX) as usize;
        let visible = (viewport_height.get() / ROW_PX).ceil() as usize;
        // The margin only once the list scrolls: at its top, which is where every keystroke
        // starts, one row below the fold is enough, and fewer rows are laid out per keystroke.
        // A scroll event comes before the frame it paints, so the margin is there in time.
        let margin = if top == 0 { 1 } else { OVERSCAN };
        (
            top.saturating_sub(margin).min(total),
            (top + visible + margin).min(total),
        )
    });

    // The rows: one effect draws the ones in view (src/app/result_row.rs).
    let list = NodeRef::<Ol>::new();
    {
        let archive = archive.clone();
        let bookmarks = expect_context::<Bookmarks>();
        Effect::new(move |rows: Option<Option<RowList>>| {
            let mut rows = match rows.flatten() {
                Some(rows) => rows,
                None => RowList::new(list.get()?.into()),
            };
            let (first, last) = window.get();
            let results = results.get();
            query.with(|query| {
                let inputs = Inputs {
                    results: &results,
                    query,
                    first,
                    cursor: cursor.get(),
                    lang: lang.get(),
                    bookmarks,
                };
                rows.show(results.ids_in(first..last), &inputs, &archive);
            });
            Some(rows)
        });
    }
    // One handler for every row's star (src/app/result_row.rs).
    let on_star = {
        let archive = archive.clone();
        let bookmarks = expect_context::<Bookmarks>();
        move |ev: leptos::ev::MouseEvent| {
            if let Some(article) = clicked_star(&ev) {
                bookmarks.toggle_article(archive.article(article));
            }
        }
    };
    let clear = move || {
        request.with(is_narrowed).then(|| {
            let keep = request.with(|r| SearchRequest {
                sort: r.sort,
                exact: r.exact,
                provinces_2025: r.provinces_2025,
                facet_sort: r.facet_sort,
                ..SearchRequest::default()
            });
            view! { <a class="small" href=search_href(&query.get(), &keep)>{t().clear_search}</a> }
        })
    };
    let notices = move || {
        let lang = lang.get();
        results.with(|r| {
            r.notices
                .iter()
                .map(|n| view! { <li>{n.text(lang)}</li> })
                .collect_view()
        })
    };
    // A sharded bundle: index chunks this search is waiting for, or could not use.
    let shards = archive.shards.clone();
    let index_status = move || {
        let (waiting, failed) = shards
            .as_ref()
            .map(|s| request.with(|req| s.term_status(req)))
            .unwrap_or_default();
        let waiting = waiting.then(|| view! { <li class="index-loading">{t().terms_loading}</li> });
        let failed = failed
            .into_iter()
            .map(|why| view! { <li class="index-problem" role="alert">{why}</li> })
            .collect_view();
        (waiting, failed)
    };

    view! {
        // `data-query`: the query these results answer, which the bench waits for (the
        // address bar follows typing only once it pauses).
        <section
            class="results-pane"
            aria-label=move || t().results_label
            data-query=move || request.with(|r| r.query.clone())
        >
            <EntityCard />
            <div class="results-summary">
                <p class="result-count" role="status">
                    {move || {
                        let total = results.with(|r| r.total);
                        t().result_count(total, archive.loaded.bundle.articles.len())
                    }}
                </p>
                {clear}
                <ExportMenu />
            </div>
            <ul class="notices">{notices} {index_status}</ul>
            <Show when=move || results.with(|r| r.total == 0)>
                <p class="empty">{move || t().no_results}</p>
            </Show>
            <div class="results-viewport" node_ref=viewport on:scroll=on_scroll>
                <ol
                    class="result-list"
                    node_ref=list
                    on:click=on_star
                    style:height=move || format!("{}px", results.with(|r| r.total) as f64 * ROW_PX)
                >
                </ol>
            </div>
        </section>
    }
}
