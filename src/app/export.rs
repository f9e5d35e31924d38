//! Download the current result set: articles or conferences, as CSV or JSON. The file is made in
//! the browser from the loaded bundle; nothing is sent anywhere.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use hoinghi::bundle::Article;
use hoinghi::export::{articles_csv, articles_json, conferences_csv, conferences_json};
use hoinghi::i18n::Label;

use super::context::Archive;
use super::lang::use_texts;

type Writer = fn(&mut dyn Iterator<Item = &Article>) -> String;

/// The four downloads: label, file name, MIME type, and how to write them.
const FORMATS: [(Label, &str, &str, Writer); 4] = [
    (
        |t| t.export_articles_csv,
        "bai-viet.csv",
        "text/csv",
        |a| articles_csv(a),
    ),
    (
        |t| t.export_articles_json,
        "bai-viet.json",
        "application/json",
        |a| articles_json(a),
    ),
    (
        |t| t.export_conferences_csv,
        "hoi-nghi.csv",
        "text/csv",
        |a| conferences_csv(a),
    ),
    (
        |t| t.export_conferences_json,
        "hoi-nghi.json",
        "application/json",
        |a| conferences_json(a),
    ),
];

pub(super) fn download(name: &str, mime: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url).ok()
}

#[component]
pub fn ExportMenu() -> impl IntoView {
    let archive = expect_context::<Archive>();
    let t = use_texts();
    let buttons = FORMATS
        .iter()
        .map(|&(label, name, mime, write)| {
            let archive = archive.clone();
            let on_click = move |_| {
                let results = archive.results.get_untracked();
                let mut articles = results.ids().iter().map(|&i| archive.article(i));
                download(name, mime, &write(&mut articles));
            };
            view! { <button type="button" data-export=name on:click=on_click>{move || label(t())}</button> }
        })
        .collect_view();
    view! {
        <details class="export">
            <summary>{move || t().export_results}</summary>
            <div class="export-buttons">{buttons}</div>
        </details>
    }
}
