//! Opening a bundle file from the computer: a file picker in the header, or dropping the file
//! anywhere on the page. The file is read locally; nothing is uploaded.

use leptos::ev::{dragover, drop};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::lang::use_texts;
use super::{loaded_state, LoadState};

async fn read(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| super::lang::current().texts().unreadable_file(&file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn load(file: web_sys::File, set_state: WriteSignal<LoadState>) {
    let name = file.name();
    set_state.set(LoadState::Loading {
        url: name.clone(),
        received: 0,
        total: Some(file.size() as usize),
    });
    spawn_local(async move {
        set_state.set(loaded_state(name, read(file).await));
    });
}

/// Dropping a file anywhere opens it.
pub fn accept_drops(set_state: WriteSignal<LoadState>) {
    let over = window_event_listener(dragover, |ev| {
        // Without this the browser opens the dropped file itself.
        ev.prevent_default();
    });
    let dropped = window_event_listener(drop, move |ev| {
        ev.prevent_default();
        let file = ev
            .data_transfer()
            .and_then(|t| t.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            load(file, set_state);
        }
    });
    on_cleanup(move || {
        over.remove();
        dropped.remove();
    });
}

#[component]
pub fn OpenFile() -> impl IntoView {
    let set_state = expect_context::<WriteSignal<LoadState>>();
    let t = use_texts();
    let on_change = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
            load(file, set_state);
        }
    };
    view! {
        <label class="open-file option" title=move || t().open_file_hint>
            {move || t().open_file}
            <input
                id="open-file"
                class="visually-hidden"
                type="file"
                accept=".json,application/json"
                on:change=on_change
            />
        </label>
    }
}
