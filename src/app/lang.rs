//! The interface language: Vietnamese unless the reader chose English, remembered in this browser
//! and mirrored on `<html lang>` so screen readers and hyphenation follow it.

use std::cell::Cell;

use leptos::prelude::*;

use hoinghi::i18n::{Lang, Texts};

use super::storage;

const KEY: &str = "hoinghi-lang";

thread_local! {
    /// The language as of now, for messages made outside any component (a shard that failed in
    /// a background task).
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::Vi) };
}

pub fn current() -> Lang {
    CURRENT.with(Cell::get)
}

/// The chosen language, provided once above every screen (loading and error screens included).
#[derive(Clone, Copy)]
struct UiLang(RwSignal<Lang>);

fn stored() -> Lang {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .map_or(Lang::Vi, |code| Lang::from_code(&code))
}

pub fn provide() {
    let lang = RwSignal::new(stored());
    CURRENT.with(|c| c.set(lang.get_untracked()));
    Effect::new(move |_| {
        let now = lang.get();
        CURRENT.with(|c| c.set(now));
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", now.code());
        }
    });
    provide_context(UiLang(lang));
}

pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<UiLang>().0
}

/// The labels in the chosen language, for `move || t().label` in views.
pub fn use_texts() -> impl Fn() -> &'static Texts + Copy + 'static {
    let lang = use_lang();
    move || lang.get().texts()
}

/// Shows the other language in its own words, so a reader who cannot read the current one can
/// still find it.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let switch = move |_| {
        let next = lang.get_untracked().other();
        if let Some(s) = storage() {
            let _ = s.set_item(KEY, next.code());
        }
        lang.set(next);
    };
    view! {
        <button
            type="button"
            class="language-switch"
            id="language"
            lang=move || lang.get().other().code()
            title=move || lang.get().texts().switch_language_hint
            on:click=switch
        >
            {move || lang.get().texts().switch_language}
        </button>
    }
}
