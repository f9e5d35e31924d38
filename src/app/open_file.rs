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

/// A link-styled control that picks one JSON file: the header's bundle opener and the reading
/// list's import.
#[component]
pub fn JsonFilePicker(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(optional, into)] hint: Option<Signal<&'static str>>,
    on_file: Callback<web_sys::File>,
) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let Some(input) = input else { return };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            // Choosing the same file again must fire `change` again.
            input.set_value("");
            on_file.run(file);
        }
    };
    view! {
        <label class="open-file option" title=move || hint.map(|h| h.get())>
            {move || label.get()}
            <input
                id=id
                class="visually-hidden"
                type="file"
                accept=".json,application/json"
                on:change=on_change
            />
        </label>
    }
}

#[component]
pub fn OpenFile() -> impl IntoView {
    let set_state = expect_context::<WriteSignal<LoadState>>();
    let t = use_texts();
    view! {
        <JsonFilePicker
            id="open-file"
            label=Signal::derive(move || t().open_file)
            hint=Signal::derive(move || t().open_file_hint)
            on_file=Callback::new(move |file| load(file, set_state))
        />
    }
}
