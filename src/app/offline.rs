//! Offline reading of a sharded bundle (*tải về để đọc offline*): every shard is fetched once,
//! through the service worker, which keeps bundle files (src/web/sw.js), so the whole archive then
//! reads with the network off. Each shard is checked against its SHA-256 on the way.
//!
//! It starts by itself in the background a few seconds after the archive opens, two shards at a
//! time so searches still get the network first, when a service worker controls the page (without
//! one nothing would be kept) and the browser does not ask to save data. The control shows the
//! size and the progress, pauses and resumes; a pause is remembered for this archive. Pressing
//! the control when nothing runs fetches six shards at a time.

use std::time::Duration;

use futures::future::join_all;
use leptos::prelude::*;
use leptos::task::spawn_local;

use hoinghi::i18n::Lang;

use super::context::Archive;
use super::fetch::fetch_bytes;
use super::lang::{use_lang, use_texts};
use super::shards::{fetch_shard, Shards};
use super::storage;

/// Shards fetched at once when the user asks, and in the background.
const PARALLEL: usize = 6;
const BACKGROUND: usize = 2;
/// How long after opening the background download starts: first searches come first.
const BACKGROUND_DELAY: Duration = Duration::from_secs(3);
/// Local storage key holding the manifest URLs whose download the user paused.
const PAUSED_KEY: &str = "hoinghi-offline-paused";

#[derive(Clone, PartialEq)]
enum Download {
    Idle,
    /// The shards before `next` are in (`done` bytes); the user stopped it when `paused`.
    Running {
        done: u64,
        next: usize,
        paused: bool,
    },
    Done {
        failed: Vec<String>,
    },
}

/// One download of the archive's shards; a pause ends its task and a resume starts another.
#[derive(Clone, Copy)]
struct Downloader {
    state: RwSignal<Download>,
    failed: StoredValue<Vec<String>>,
    /// Bumped by every start, so a task left over from before a pause stops at its next batch.
    run: StoredValue<u32>,
}

impl Downloader {
    fn start(self, shards: std::sync::Arc<Shards>, parallel: usize, lang: Signal<Lang>) {
        let run = self.run.get_value() + 1;
        self.run.set_value(run);
        let (done, next) = match self.state.get_untracked() {
            Download::Running { done, next, .. } => (done, next),
            _ => (0, 0),
        };
        self.state.set(Download::Running {
            done,
            next,
            paused: false,
        });
        spawn_local(async move {
            let files: Vec<_> = shards.manifest.files().cloned().collect();
            let (mut done, mut next) = (done, next);
            while next < files.len() {
                if self.run.try_get_value() != Some(run) {
                    return;
                }
                let batch = &files[next..(next + parallel).min(files.len())];
                let fetched = join_all(batch.iter().map(|f| fetch_shard(shards.base(), f))).await;
                for (file, result) in batch.iter().zip(fetched) {
                    done += file.bytes;
                    if let Err(e) = result {
                        let why = match lang.get_untracked() {
                            Lang::Vi => e.vi(),
                            Lang::En => e.to_string(),
                        };
                        self.failed
                            .update_value(|f| f.push(format!("{} ({why})", file.name)));
                    }
                }
                next += batch.len();
                if self.run.try_get_value() != Some(run) {
                    return;
                }
                self.state.set(Download::Running {
                    done,
                    next,
                    paused: false,
                });
            }
            // The manifest too, so the archive opens offline; it has no hash to check.
            if let Err(e) = fetch_bytes(&shards.url, |_, _| {}).await {
                self.failed
                    .update_value(|f| f.push(format!("{} ({e})", shards.url)));
            }
            self.state.set(Download::Done {
                failed: self.failed.get_value(),
            });
        });
    }

    fn pause(self) {
        self.run.update_value(|r| *r += 1);
        self.state.update(|s| {
            if let Download::Running { paused, .. } = s {
                *paused = true;
            }
        });
    }
}

fn paused_archives() -> Vec<String> {
    storage()
        .and_then(|s| s.get_item(PAUSED_KEY).ok().flatten())
        .map(|text| text.lines().map(str::to_string).collect())
        .unwrap_or_default()
}

fn remember_pause(url: &str, paused: bool) {
    let mut urls = paused_archives();
    urls.retain(|u| u != url);
    if paused {
        urls.push(url.to_string());
    }
    if let Some(s) = storage() {
        let _ = s.set_item(PAUSED_KEY, &urls.join("\n"));
    }
}

/// Whether shards fetched now would be kept for offline reading, and the browser does not ask
/// to save data.
fn background_allowed() -> bool {
    let navigator = window().navigator();
    let controlled = navigator.service_worker().controller().is_some();
    let save_data = js_sys::Reflect::get(&navigator, &"connection".into())
        .and_then(|c| js_sys::Reflect::get(&c, &"saveData".into()))
        .is_ok_and(|v| v.is_truthy());
    controlled && !save_data
}

#[component]
pub fn OfflineDownload() -> impl IntoView {
    let Some(shards) = expect_context::<Archive>().shards.clone() else {
        return ().into_any();
    };
    let total = shards.manifest.total_bytes();
    let download = Downloader {
        state: RwSignal::new(Download::Idle),
        failed: StoredValue::new(Vec::new()),
        run: StoredValue::new(0),
    };
    let state = download.state;
    let (lang, t) = (use_lang(), use_texts());
    let lang: Signal<Lang> = lang.into();
    if !paused_archives().contains(&shards.url) {
        let shards = shards.clone();
        set_timeout(
            move || {
                if state.try_get_untracked() == Some(Download::Idle) && background_allowed() {
                    download.start(shards, BACKGROUND, lang);
                }
            },
            BACKGROUND_DELAY,
        );
    }
    let start = {
        let shards = shards.clone();
        move |_| download.start(shards.clone(), PARALLEL, lang)
    };
    let resume = {
        let shards = shards.clone();
        move |_| {
            remember_pause(&shards.url, false);
            download.start(shards.clone(), PARALLEL, lang);
        }
    };
    let pause = {
        let url = shards.url.clone();
        move |_| {
            remember_pause(&url, true);
            download.pause();
        }
    };
    let mb = move |bytes| megabytes(bytes, lang.get());
    view! {
        <div class="offline" role="status">
            {move || match state.get() {
                Download::Idle => view! {
                    <button type="button" class="offline-download" on:click=start.clone()>
                        {t().offline_download(&mb(total))}
                    </button>
                }
                .into_any(),
                Download::Running { done, paused, .. } => {
                    let (done_text, total_text) = (mb(done), mb(total));
                    let button = if paused {
                        view! {
                            <button type="button" class="offline-resume" on:click=resume.clone()>
                                {t().offline_resume}
                            </button>
                        }
                        .into_any()
                    } else {
                        view! {
                            <button type="button" class="offline-pause" on:click=pause.clone()>
                                {t().offline_pause}
                            </button>
                        }
                        .into_any()
                    };
                    view! {
                        <progress max=total.to_string() value=done.to_string()></progress>
                        <span class="offline-progress">
                            {if paused {
                                t().offline_paused(&done_text, &total_text)
                            } else {
                                t().offline_progress(&done_text, &total_text)
                            }}
                        </span>
                        {button}
                    }
                    .into_any()
                }
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
