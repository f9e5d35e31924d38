//! Light, dark, or as the system says: the reader's choice, remembered in this browser.

use leptos::prelude::*;

use hoinghi::i18n::Texts;

use super::lang::use_texts;
use super::storage;

const KEY: &str = "hoinghi-theme";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    fn stored() -> Self {
        match storage()
            .and_then(|s| s.get_item(KEY).ok().flatten())
            .as_deref()
        {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }

    fn next(self) -> Self {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    fn label(self, t: &Texts) -> &'static str {
        match self {
            Theme::System => t.theme_system,
            Theme::Light => t.theme_light,
            Theme::Dark => t.theme_dark,
        }
    }

    /// Sets `data-theme` on the root element, which the stylesheet's `color-scheme` follows.
    fn apply(self) {
        let Some(root) = document().document_element() else {
            return;
        };
        let _ = match self {
            Theme::System => root.remove_attribute("data-theme"),
            Theme::Light => root.set_attribute("data-theme", "light"),
            Theme::Dark => root.set_attribute("data-theme", "dark"),
        };
    }

    fn store(self) {
        if let Some(s) = storage() {
            let _ = match self {
                Theme::System => s.remove_item(KEY),
                Theme::Light => s.set_item(KEY, "light"),
                Theme::Dark => s.set_item(KEY, "dark"),
            };
        }
    }
}

/// Applies the remembered theme; called once at start-up, before anything is drawn.
pub fn restore() {
    Theme::stored().apply();
}

#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let t = use_texts();
    let theme = RwSignal::new(Theme::stored());
    let cycle = move |_| {
        let next = theme.get_untracked().next();
        next.apply();
        next.store();
        theme.set(next);
    };
    view! {
        <button type="button" class="theme-switch" id="theme" on:click=cycle>
            {move || theme.get().label(t())}
        </button>
    }
}
