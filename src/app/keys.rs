//! Keyboard shortcuts: `/` search, `j`/`k` or arrows move through results (or to the next and
//! previous article in the reader), `Enter` opens, `Esc` goes back, `?` lists them. Keys typed
//! into a field are left to the field, except `Esc`, which leaves it.

use leptos::ev::keydown;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use hoinghi::i18n::Label;

use super::context::Archive;
use super::lang::use_texts;
use super::location::{use_navigate, NavigateOptions};
use super::url::href;

/// The shortcuts as shown in the help list: keys, then what they do.
const SHORTCUTS: [(&str, Label); 5] = [
    ("/", |t| t.key_search),
    ("j / k, ↓ / ↑", |t| t.key_move),
    ("Enter", |t| t.key_open),
    ("Esc", |t| t.key_back),
    ("?", |t| t.key_help),
];

pub fn install(archive: Archive) {
    let navigate = use_navigate();
    let handle = window_event_listener(keydown, move |ev| {
        // A component that handled the key itself (the timeline's marks) has the last word.
        if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| el.tag_name())
            .unwrap_or_default();
        let in_field = matches!(target.as_str(), "INPUT" | "TEXTAREA" | "SELECT");
        // Enter on a focused link or button is that control's own.
        let on_control = matches!(target.as_str(), "A" | "BUTTON");
        if in_field {
            if key == "Escape" {
                if let Some(el) = document().active_element() {
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.blur();
                    }
                }
            }
            return;
        }
        let query = archive.query.get_untracked();
        let open = query.get("a");
        // The overview and the reading list have no result cursor: arrows scroll, Enter is theirs.
        let cursorless = matches!(
            query.get("view").as_deref(),
            Some("tongquan" | "danhsachdoc")
        );
        if open.is_none()
            && cursorless
            && matches!(key.as_str(), "j" | "k" | "ArrowDown" | "ArrowUp" | "Enter")
        {
            return;
        }
        let results = archive.results.get_untracked();
        let go = |url: String| navigate(&url, NavigateOptions::default());
        let step = |delta: isize| {
            match &open {
                // In the reader, the neighbours in the result list.
                Some(id) => {
                    let at = archive
                        .position_of(id)
                        .and_then(|p| results.ids().iter().position(|r| *r == p))?;
                    let next = results.ids().get(at.checked_add_signed(delta)?)?;
                    go(href(&query, &[("a", Some(&archive.article(*next).id))]));
                }
                None => archive.cursor.update(|c| {
                    *c = c
                        .saturating_add_signed(delta)
                        .min(results.total.saturating_sub(1))
                }),
            }
            Some(())
        };
        match key.as_str() {
            "/" => {
                if let Some(input) = document().get_element_by_id("q") {
                    if let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() {
                        let _ = input.focus();
                    }
                }
            }
            "j" | "ArrowDown" => {
                step(1);
            }
            "k" | "ArrowUp" => {
                step(-1);
            }
            "Enter" if open.is_none() && !on_control => {
                let cursor = archive.cursor.get_untracked();
                let Some(position) = results.ids_in(cursor..cursor + 1).first() else {
                    return;
                };
                go(href(&query, &[("a", Some(&archive.article(*position).id))]));
            }
            "Escape" if archive.show_keys.get_untracked() => archive.show_keys.set(false),
            "Escape" if open.is_some() => go(href(&query, &[("a", None)])),
            "?" => archive.show_keys.update(|s| *s = !*s),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || handle.remove());
}

/// The list of shortcuts, shown with `?`.
#[component]
pub fn ShortcutList() -> impl IntoView {
    let show = expect_context::<Archive>().show_keys;
    let t = use_texts();
    let rows = move || {
        SHORTCUTS
            .iter()
            .map(|(keys, what)| {
                view! {
                    <tr>
                        <th scope="row"><kbd>{*keys}</kbd></th>
                        <td>{what(t())}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || show.get()>
            <div class="shortcuts" role="dialog" aria-modal="false" aria-label=move || t().shortcuts>
                <h2>{move || t().shortcuts}</h2>
                <table>{rows}</table>
                <button type="button" on:click=move |_| show.set(false)>{move || t().close}</button>
            </div>
        </Show>
    }
}
