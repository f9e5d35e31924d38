//! "Download for offline" (*Tải về để đọc offline*): fetches every shard of a sharded bundle once, through the service
//! worker, which keeps bundle files (src/web/sw.js), so the whole archive then reads with the
//! network off. Each shard is checked against its SHA-256 on the way.

use futures::future::join_all;
use leptos::prelude::*;
use leptos::task::spawn_local;

use hoinghi::i18n::Lang;

use super::context::Archive;
use super::fetch::fetch_bytes;
use super::lang::{use_lang, use_texts};
use super::shards::fetch_shard;

/// Shards fetched at once.
const PARALLEL: usize = 6;

#[derive(Clone, PartialEq)]
enum Download {
    Idle,
    Running { done: u64 },
    Done { failed: Vec<String> },
}

#[component]
pub fn OfflineDownload() -> impl IntoView {
    let Some(shards) = expect_context::<Archive>().shards.clone() else {
        return ().into_any();
    };
    let total = shards.manifest.total_bytes();
    let state = RwSignal::new(Download::Idle);
    let (lang, t) = (use_lang(), use_texts());
    let start = move |_| {
        let shards = shards.clone();
        state.set(Download::Running { done: 0 });
        spawn_local(async move {
            let files: Vec<_> = shards.manifest.files().cloned().collect();
            let (mut done, mut failed) = (0, Vec::new());
            for batch in files.chunks(PARALLEL) {
                let fetched = join_all(batch.iter().map(|f| fetch_shard(shards.base(), f))).await;
                for (file, result) in batch.iter().zip(fetched) {
                    done += file.bytes;
                    if let Err(e) = result {
                        let why = match lang.get_untracked() {
                            Lang::Vi => e.vi(),
                            Lang::En => e.to_string(),
                        };
                        failed.push(format!("{} ({why})", file.name));
                    }
                }
                state.set(Download::Running { done });
            }
            // The manifest too, so the archive opens offline; it has no hash to check.
            if let Err(e) = fetch_bytes(&shards.url, |_, _| {}).await {
                failed.push(format!("{} ({e})", shards.url));
            }
            state.set(Download::Done { failed });
        });
    };
    view! {
        <div class="offline" role="status">
            {move || match state.get() {
                Download::Idle => view! {
                    <button type="button" class="offline-download" on:click=start.clone()>
                        {t().offline_download(&megabytes(total, lang.get()))}
                    </button>
                }
                .into_any(),
                Download::Running { done } => view! {
                    <progress max=total.to_string() value=done.to_string()></progress>
                    <span class="offline-progress">
                        {t().offline_progress(&megabytes(done, lang.get()), &megabytes(total, lang.get()))}
                    </span>
                }
                .into_any(),
                Download::Done { failed } if failed.is_empty() => view! {
                    <span class="offline-done">{t().offline_done}</span>
                }
                .into_any(),
                Download::Done { failed } => view! {
                    <span class="offline-failed">
                        {t().offline_failed(failed.len(), &failed.join(", "))}
                    </span>
                }
                .into_any(),
            }}
        </div>
    }
    .into_any()
}

/// `12,3 MB` in Vietnamese, `12.3 MB` in English.
fn megabytes(bytes: u64, lang: Lang) -> String {
    let text = format!("{:.1} MB", bytes as f64 / 1e6);
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}
