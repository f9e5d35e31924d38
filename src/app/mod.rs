//! The Leptos app: a thin UI over the core. It loads a bundle, searches and filters it, and
//! opens articles in a reader. All view state lives in the URL query (`?a=ID`, `?bundle=URL`) because path routes
//! do not match when the app is served under an arbitrary sub-path.

mod bookmarks;
mod context;
mod entity_card;
mod export;
mod facets;
mod facts;
mod fetch;
mod first_page;
mod highlight;
mod histogram;
mod keys;
mod lang;
mod location;
mod offline;
mod open_file;
mod overview;
mod panels;
mod panic_screen;
mod reader;
mod result_row;
mod results;
mod screens;
mod search_bar;
mod shards;
mod theme;
mod timeline;
mod url;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

use hoinghi::load::{load_bundle, IndexSource, Loaded};
use hoinghi::shard::{looks_like_manifest, Manifest};

use shards::Shards;

/// Relative, so the app works from any sub-path of any static host.
const DEFAULT_BUNDLE: &str = "articles.json";

pub fn start() {
    panic_screen::install();
    theme::restore();
    leptos::mount::mount_to_body(App);
}

/// Runs `f` once the next frame has been drawn: a timer set from an animation frame runs after
/// that frame.
fn after_next_frame(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// Runs `f` when the browser is next idle.
fn when_idle(f: impl FnOnce() + 'static) {
    let window = window();
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(idle) => {
            let _ = idle.call1(&window, &Closure::once_into_js(f));
        }
        // Safari has no requestIdleCallback.
        None => set_timeout(f, std::time::Duration::from_millis(300)),
    }
}

/// Local storage, when the browser allows it (it may not for `file://` or in private modes).
fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Where loading the bundle stands.
#[derive(Clone)]
enum LoadState {
    Loading {
        url: String,
        received: usize,
        total: Option<usize>,
    },
    /// A sharded bundle's manifest is here: its first page shows while the shards every view
    /// needs arrive (`received` of `total` bytes).
    Preview {
        url: String,
        manifest: Arc<Manifest>,
        received: u64,
        total: u64,
    },
    Failed {
        url: String,
        cause: String,
    },
    /// Loaded; with the shards it came in when it is a sharded bundle.
    Ready(Arc<Loaded>, Option<Arc<Shards>>),
}

#[component]
fn App() -> impl IntoView {
    lang::provide();
    location::provide();
    view! { <Shell /> }
}

#[component]
fn Shell() -> impl IntoView {
    let query = location::use_query();
    let bundle_url = Memo::new(move |_| {
        query
            .with(|q| q.get("bundle"))
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| DEFAULT_BUNDLE.to_string())
    });
    let (state, set_state) = signal(LoadState::Loading {
        url: DEFAULT_BUNDLE.into(),
        received: 0,
        total: None,
    });

    Effect::new(move |_| {
        let url = bundle_url.get();
        set_state.set(LoadState::Loading {
            url: url.clone(),
            received: 0,
            total: None,
        });
        spawn_local(async move {
            let still_wanted = {
                let url = url.clone();
                move || bundle_url.get_untracked() == url
            };
            let progress = {
                let url = url.clone();
                let still_wanted = still_wanted.clone();
                move |received, total| {
                    if still_wanted() {
                        set_state.set(LoadState::Loading {
                            url: url.clone(),
                            received,
                            total,
                        });
                    }
                }
            };
            let fetched = match embedded_bundle() {
                Some(text) if url == DEFAULT_BUNDLE => Ok(text.into_bytes()),
                _ => fetch::fetch_bytes(&url, progress).await,
            };
            let outcome = match fetched {
                Ok(bytes) if looks_like_manifest(&bytes) => {
                    open_sharded(url.clone(), &bytes, set_state, still_wanted.clone()).await
                }
                fetched => {
                    loaded_state(url.clone(), fetched.map_err(|e| e.message(lang::current())))
                }
            };
            if still_wanted() {
                set_state.set(outcome);
            }
        });
    });

    // A bundle file the user opens or drops replaces whatever is loaded.
    provide_context(set_state);
    open_file::accept_drops(set_state);

    move || match state.get() {
        LoadState::Loading {
            url,
            received,
            total,
        } => view! { <screens::Loading url received total /> }.into_any(),
        LoadState::Preview {
            url,
            manifest,
            received,
            total,
        } => view! { <first_page::FirstPage url manifest received total /> }.into_any(),
        LoadState::Failed { url, cause } => view! { <screens::LoadFailed url cause /> }.into_any(),
        LoadState::Ready(loaded, shards) => view! { <Archive loaded shards /> }.into_any(),
    }
}

/// What loading `name` came to, from its bytes or the reason there are none.
fn loaded_state(name: String, bytes: Result<Vec<u8>, String>) -> LoadState {
    // A sharded bundle's shards are fetched beside its manifest, which a local file has not.
    let bytes = bytes.and_then(|b| match looks_like_manifest(&b) {
        true => Err(lang::current().texts().local_manifest.to_string()),
        false => Ok(b),
    });
    match bytes.and_then(|b| load_bundle(&b).map_err(|e| e.message(lang::current()))) {
        Ok(loaded) => LoadState::Ready(Arc::new(loaded), None),
        Err(cause) => LoadState::Failed { url: name, cause },
    }
}

/// Opens a sharded bundle from its manifest's bytes: the first page at once, then the shards
/// every view needs.
async fn open_sharded(
    url: String,
    bytes: &[u8],
    set_state: WriteSignal<LoadState>,
    still_wanted: impl Fn() -> bool,
) -> LoadState {
    let manifest = match Manifest::parse(bytes) {
        Ok(m) => Arc::new(m),
        Err(e) => {
            return LoadState::Failed {
                url,
                cause: e.to_string(),
            }
        }
    };
    let total = manifest.docs.bytes + manifest.meta.iter().map(|m| m.file.bytes).sum::<u64>();
    let preview = |received| LoadState::Preview {
        url: url.clone(),
        manifest: manifest.clone(),
        received,
        total,
    };
    set_state.set(preview(0));
    shards::next_task().await;
    let opened = shards::open(&url, manifest.clone(), |received| {
        if still_wanted() {
            set_state.set(preview(received));
        }
    })
    .await;
    match opened {
        Ok((loaded, shards)) => LoadState::Ready(Arc::new(loaded), Some(Arc::new(shards))),
        Err(cause) => LoadState::Failed { url, cause },
    }
}

/// The bundle a packed single-file page carries inside itself (see `hoinghi::pack`), read
/// instead of fetching: pages opened from `file://` cannot fetch.
fn embedded_bundle() -> Option<String> {
    document()
        .get_element_by_id(hoinghi::pack::EMBEDDED_BUNDLE_ID)
        .and_then(|el| el.text_content())
}

/// A loaded bundle: search, facets and results, or the reader when `?a=` names an article.
#[component]
fn Archive(loaded: Arc<Loaded>, shards: Option<Arc<Shards>>) -> impl IntoView {
    let searcher = match shards {
        Some(shards) => context::Searcher::Sharded(shards),
        None => {
            let (index, source) = loaded.search_index();
            if let IndexSource::Built(reason) = source {
                leptos::logging::log!("search index built on load: {reason}");
            }
            context::Searcher::Whole(Arc::new(index))
        }
    };
    let t = lang::use_texts();
    let archive = context::Archive::new(loaded.clone(), searcher);
    provide_context(archive.clone());
    keys::install(archive.clone());
    bookmarks::provide(&loaded);
    let query = archive.query;
    let open_id = Memo::new(move |_| query.with(|q| q.get("a")));
    let title = match loaded.bundle.title.as_str() {
        "" => "hoinghi".to_string(),
        t => t.to_string(),
    };
    let timeline_shown =
        Memo::new(move |_| query.with(|q| q.get("view").as_deref() == Some("timeline")));
    let other_view = Memo::new(move |_| query.with(|q| q.get("view")));
    let page = move || match open_id.get() {
        Some(id) => {
            view! { <main id="main" class="reader-page"><reader::Reader id /></main> }.into_any()
        }
        None if other_view.get().as_deref() == Some("tongquan") => view! {
            <div class="search-page">
                <facets::FacetPanel />
                <main id="main" class="overview-main"><overview::OverviewPage /></main>
            </div>
        }
        .into_any(),
        None if other_view.get().as_deref() == Some("danhsachdoc") => view! {
            <main id="main" class="reader-page"><bookmarks::ReadingList /></main>
        }
        .into_any(),
        None if timeline_shown.get() => view! {
            <div class="search-page">
                <facets::FacetPanel />
                <main id="main" class="timeline-main"><timeline::TimelinePage /></main>
            </div>
        }
        .into_any(),
        None => view! {
            <div class="search-page">
                <facets::FacetPanel />
                <main id="main"><results::Results /></main>
            </div>
        }
        .into_any(),
    };
    view! {
        <header class="topbar">
            <a class="brand" href=move || url::href(&query.get(), &[("a", None)])>
                "hoinghi"
            </a>
            <span class="bundle-title">{title}</span>
            <search_bar::SearchBar />
            <open_file::OpenFile />
            <offline::OfflineDownload />
            <theme::ThemeSwitch />
            <lang::LanguageSwitch />
            <a
                class="view-switch"
                href=move || {
                    let to = (!timeline_shown.get()).then_some("timeline");
                    url::href(&query.get(), &[("view", to), ("a", None)])
                }
            >
                {move || if timeline_shown.get() { t().view_list } else { t().view_timeline }}
            </a>
            <overview::OverviewLink />
            <bookmarks::ReadingListLink />
        </header>
        <screens::SkippedWarning warnings=loaded.warnings.clone() />
        <keys::ShortcutList />
        {page}
    }
}
