//! Bookmarks, which are the reading list (`?view=danhsachdoc`): a star in the reader and on each
//! result saves the article; the list shows what was saved with a note for each, and moves
//! between browsers as a JSON file (format in [`hoinghi::bookmarks`]). Kept in local storage
//! under one key for every bundle, so saving in one bundle and reading another loses nothing:
//! an article the open bundle lacks is listed as such.

use leptos::ev::storage as storage_event;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

use hoinghi::bookmarks::{self, Bookmark, BundleIdentity, Merged};
use hoinghi::bundle::Article;
use hoinghi::display::{short_date, Lang};
use hoinghi::i18n;
use hoinghi::load::Loaded;

use super::context::Archive;
use super::export::download;
use super::lang::use_lang;
use super::open_file::JsonFilePicker;
use super::storage;
use super::url::href;

const KEY: &str = "hoinghi-bookmarks";
const FILE_NAME: &str = "hoinghi-danh-sach-doc.json";

/// Every user-visible string of bookmarks and the reading list, per language.
struct Text {
    save: &'static str,
    saved_hint: &'static str,
    heading: &'static str,
    intro: &'static str,
    view_link: fn(usize) -> String,
    empty: &'static str,
    export: &'static str,
    import: &'static str,
    imported: fn(Merged) -> String,
    unreadable: &'static str,
    not_stored: &'static str,
    missing: fn(Option<&str>) -> String,
    no_date: &'static str,
    note: &'static str,
    remove: fn(&str) -> String,
    remove_short: &'static str,
}

const VI: Text = Text {
    save: "Lưu vào danh sách đọc",
    saved_hint: "Đã lưu vào danh sách đọc (bấm để bỏ)",
    heading: "Danh sách đọc",
    intro: "Các bài bạn đã lưu bằng nút ☆, giữ trong trình duyệt này. Xuất ra tệp để chuyển sang máy khác hoặc gửi cho người khác; nhập tệp sẽ gộp vào danh sách hiện có.",
    view_link: |n| format!("Danh sách đọc ({n})"),
    empty: "Chưa lưu bài nào. Bấm ☆ bên cạnh một bài để lưu.",
    export: "Xuất tệp JSON",
    import: "Nhập tệp…",
    imported: |m| format!("Đã nhập: {} bài mới, {} bài đã có trong danh sách.", i18n::VI.number(m.added), i18n::VI.number(m.known)),
    unreadable: "Trình duyệt không đọc được tệp này.",
    not_stored: "Trình duyệt này không cho lưu dữ liệu: danh sách sẽ mất khi tải lại trang. Hãy xuất ra tệp.",
    missing: |from| match from {
        Some(b) => format!("Không có trong bộ dữ liệu đang mở (lưu từ «{b}»)."),
        None => "Không có trong bộ dữ liệu đang mở.".into(),
    },
    no_date: "không rõ ngày",
    note: "Ghi chú",
    remove: |title| format!("Bỏ khỏi danh sách: {title}"),
    remove_short: "Bỏ",
};

const EN: Text = Text {
    save: "Save to the reading list",
    saved_hint: "Saved to the reading list (click to remove)",
    heading: "Reading list",
    intro: "The articles you saved with ☆, kept in this browser. Export them to a file to move them to another computer or send them to someone; importing a file merges it into this list.",
    view_link: |n| format!("Reading list ({n})"),
    empty: "Nothing saved yet. Click ☆ beside an article to save it.",
    export: "Export JSON file",
    import: "Import file…",
    imported: |m| format!("Imported: {} new, {} already in the list.", i18n::EN.articles(m.added), i18n::EN.number(m.known)),
    unreadable: "The browser could not read this file.",
    not_stored: "This browser does not allow saving data: the list will be lost on reload. Export it to a file.",
    missing: |from| match from {
        Some(b) => format!("Not in the open bundle (saved from “{b}”)."),
        None => "Not in the open bundle.".into(),
    },
    no_date: "date unknown",
    note: "Note",
    remove: |title| format!("Remove from the list: {title}"),
    remove_short: "Remove",
};

/// A star's label and its hint (title), saved or not.
pub(super) fn star_texts(lang: Lang, pressed: bool) -> (&'static str, &'static str) {
    let t = text(lang);
    (t.save, if pressed { t.saved_hint } else { t.save })
}

fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// The saved articles, shared by the stars, the header link and the reading list.
#[derive(Clone, Copy)]
pub struct Bookmarks {
    list: RwSignal<Vec<Bookmark>>,
    /// False when local storage refused the last write (private modes, `file://`, quota).
    stored: RwSignal<bool>,
    bundle: StoredValue<BundleIdentity>,
}

/// What is stored; a damaged entry reads as an empty list rather than stopping the app, and is
/// copied aside first, since the next save overwrites it.
fn read_stored() -> Vec<Bookmark> {
    let Some(store) = storage() else {
        return Vec::new();
    };
    let Some(text) = store.get_item(KEY).ok().flatten() else {
        return Vec::new();
    };
    bookmarks::parse(&text).unwrap_or_else(|e| {
        leptos::logging::warn!("stored bookmarks unreadable, kept as {KEY}-damaged: {e}");
        let _ = store.set_item(&format!("{KEY}-damaged"), &text);
        Vec::new()
    })
}

impl Bookmarks {
    fn update(self, change: impl FnOnce(&mut Vec<Bookmark>)) {
        self.list.update(change);
        let text = self.list.with_untracked(|l| bookmarks::to_json(l, None));
        let ok = storage().is_some_and(|s| s.set_item(KEY, &text).is_ok());
        self.stored.set(ok);
    }

    pub(super) fn has(self, id: &str) -> bool {
        self.list.with(|l| l.iter().any(|b| b.id == id))
    }

    /// Saves `article`, or takes it off the list when it is there.
    pub(super) fn toggle_article(self, article: &Article) {
        self.toggle(&self.snapshot(article));
    }

    /// What a bookmark of `article` records; the time is set when it is saved.
    fn snapshot(self, article: &Article) -> Bookmark {
        Bookmark {
            id: article.id.clone(),
            title: article.title.clone(),
            published: article.published.clone(),
            source: article.source_name().map(str::to_string),
            note: String::new(),
            saved: None,
            bundle: Some(self.bundle.with_value(|b| b.title.clone())).filter(|t| !t.is_empty()),
        }
    }

    fn toggle(self, snapshot: &Bookmark) {
        let saved = self
            .list
            .with_untracked(|l| l.iter().any(|b| b.id == snapshot.id));
        if saved {
            self.update(|l| l.retain(|b| b.id != snapshot.id));
            return;
        }
        let bookmark = Bookmark {
            saved: js_sys::Date::new_0().to_iso_string().as_string(),
            ..snapshot.clone()
        };
        self.update(|l| l.push(bookmark));
    }
}

/// Reads the list from storage and shares it; also follows changes made in other tabs.
pub fn provide(loaded: &Loaded) {
    let bookmarks = Bookmarks {
        list: RwSignal::new(read_stored()),
        stored: RwSignal::new(storage().is_some()),
        bundle: StoredValue::new(BundleIdentity {
            title: loaded.bundle.title.clone(),
            generated: loaded.bundle.generated.clone(),
        }),
    };
    let other_tab = window_event_listener(storage_event, move |ev| {
        if ev.key().as_deref() == Some(KEY) {
            bookmarks.list.set(read_stored());
        }
    });
    on_cleanup(move || other_tab.remove());
    provide_context(bookmarks);
}

/// The star: saves or removes one article; a toggle button, so its state is `aria-pressed`.
#[component]
pub fn BookmarkToggle<'a>(article: &'a Article) -> impl IntoView {
    let bookmarks = expect_context::<Bookmarks>();
    let lang = use_lang();
    let id = article.id.clone();
    let pressed = Memo::new(move |_| bookmarks.has(&id));
    let snapshot = bookmarks.snapshot(article);
    let texts = move || star_texts(lang.get(), pressed.get());
    view! {
        <button
            type="button"
            class="bookmark-toggle"
            aria-label=move || texts().0
            aria-pressed=move || if pressed.get() { "true" } else { "false" }
            title=move || texts().1
            on:click=move |_| bookmarks.toggle(&snapshot)
        >
            <span aria-hidden="true">{move || if pressed.get() { "★" } else { "☆" }}</span>
        </button>
    }
}

/// The header's way to the reading list, with how many are saved.
#[component]
pub fn ReadingListLink() -> impl IntoView {
    let bookmarks = expect_context::<Bookmarks>();
    let query = expect_context::<Archive>().query;
    let lang = use_lang();
    let t = move || text(lang.get());
    let here = Memo::new(move |_| query.with(|q| q.get("view").as_deref() == Some("danhsachdoc")));
    view! {
        <a
            class="view-link reading-list-link"
            href=move || href(&query.get(), &[("view", Some("danhsachdoc")), ("a", None)])
            aria-current=move || here.get().then_some("page")
        >
            {move || (t().view_link)(bookmarks.list.with(Vec::len))}
        </a>
    }
}

async fn read_text(file: web_sys::File) -> Option<String> {
    JsFuture::from(file.text()).await.ok()?.as_string()
}

#[component]
pub fn ReadingList() -> impl IntoView {
    let archive = expect_context::<Archive>();
    let bookmarks = expect_context::<Bookmarks>();
    let query = archive.query;
    let lang = use_lang();
    let t = move || text(lang.get());
    // The outcome of the last import: Ok(message) or Err(why not).
    let outcome = RwSignal::new(None::<Result<String, String>>);

    let export = move |_| {
        let identity = bookmarks.bundle.get_value();
        let text = bookmarks
            .list
            .with_untracked(|l| bookmarks::to_json(l, Some(&identity)));
        download(FILE_NAME, "application/json", &text);
    };
    let import = move |file: web_sys::File| {
        // The message stays in the language it was given in.
        let (lang, t) = (lang.get_untracked(), t());
        spawn_local(async move {
            let result = match read_text(file).await {
                None => Err(t.unreadable.to_string()),
                Some(text) => bookmarks::parse(&text)
                    .map(|incoming| {
                        let mut merged = Merged::default();
                        bookmarks.update(|l| merged = bookmarks::merge(l, incoming));
                        (t.imported)(merged)
                    })
                    .map_err(|e| e.message(lang)),
            };
            outcome.set(Some(result));
        });
    };

    let rows = {
        let archive = archive.clone();
        move |saved: Bookmark| {
            let present = archive.position_of(&saved.id).map(|p| archive.article(p));
            let title = match present {
                Some(a) => {
                    let link = href(&query.get_untracked(), &[("a", Some(&a.id))]);
                    view! { <a class="article-title" href=link>{a.title.clone()}</a> }.into_any()
                }
                None => view! {
                    <span class="article-title missing">
                        {if saved.title.is_empty() { saved.id.clone() } else { saved.title.clone() }}
                    </span>
                }
                .into_any(),
            };
            let published = present
                .map(|a| a.published.clone())
                .unwrap_or(saved.published.clone());
            let date = move || {
                published
                    .as_deref()
                    .map_or(t().no_date.to_string(), short_date)
            };
            let source = saved.source.clone();
            let missing = present.is_none().then(|| {
                let from = saved.bundle.clone();
                view! { <p class="missing-note">{move || (t().missing)(from.as_deref())}</p> }
            });
            let id = saved.id.clone();
            // Read live: a note typed here, or filled in by an import, does not rebuild the row.
            let note = {
                let id = id.clone();
                move || {
                    bookmarks.list.with(|l| {
                        l.iter()
                            .find(|b| b.id == id)
                            .map(|b| b.note.clone())
                            .unwrap_or_default()
                    })
                }
            };
            let note_for = format!("note-{}", saved.id);
            let note_id = note_for.clone();
            let on_note = {
                let id = id.clone();
                move |ev| {
                    let note = event_target_value(&ev);
                    bookmarks.update(|l| {
                        if let Some(b) = l.iter_mut().find(|b| b.id == id) {
                            b.note = note;
                        }
                    });
                }
            };
            let remove = move |_| bookmarks.update(|l| l.retain(|b| b.id != id));
            let removed = saved.title.clone();
            let remove_label = move || (t().remove)(&removed);
            view! {
                <li class="saved-article" data-id=saved.id.clone()>
                    {title}
                    <p class="facts">
                        <span class="date">{date}</span>
                        {source.map(|s| view! { <span class="source">{s}</span> })}
                    </p>
                    {missing}
                    <div class="saved-tools">
                        <label class="note-field" for=note_for>
                            <span>{move || t().note}</span>
                            <textarea id=note_id rows="2" prop:value=note on:change=on_note></textarea>
                        </label>
                        <button type="button" class="remove" aria-label=remove_label on:click=remove>
                            {move || t().remove_short}
                        </button>
                    </div>
                </li>
            }
        }
    };

    view! {
        <section class="reading-list" aria-labelledby="reading-list-heading">
            <h1 id="reading-list-heading">{move || t().heading}</h1>
            <p class="muted">{move || t().intro}</p>
            <Show when=move || !bookmarks.stored.get()>
                <p class="warning-inline" role="alert">{move || t().not_stored}</p>
            </Show>
            <div class="actions">
                <button type="button" id="bookmarks-export" on:click=export>{move || t().export}</button>
                <JsonFilePicker
                    id="bookmarks-import"
                    label=Signal::derive(move || t().import)
                    on_file=Callback::new(import)
                />
            </div>
            <p class="import-outcome" role="status">
                {move || match outcome.get() {
                    Some(Ok(message)) => view! { <span class="ok">{message}</span> }.into_any(),
                    Some(Err(why)) => view! { <span class="import-error">{why}</span> }.into_any(),
                    None => ().into_any(),
                }}
            </p>
            <Show
                when=move || bookmarks.list.with(|l| !l.is_empty())
                fallback=move || view! { <p class="empty">{move || t().empty}</p> }
            >
                <ol class="saved-list">
                    <For
                        each=move || bookmarks.list.get()
                        key=|b| {
                            (
                                b.id.clone(),
                                b.title.clone(),
                                b.published.clone(),
                                b.source.clone(),
                                b.bundle.clone(),
                            )
                        }
                        children=rows.clone()
                    />
                </ol>
            </Show>
        </section>
    }
}
