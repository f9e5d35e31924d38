//! One row of the result list, drawn with DOM calls rather than as a Leptos view.
//!
//! A keystroke brings most rows in view anew (4.7 of 6 on the bench's queries: a new letter
//! reranks), and a row built as a Leptos view, with state and an effect for each attribute and
//! text, took about 0.6 ms: rows were a third of a keystroke. Here a row's elements are made
//! in one go, and four effects each touch only what their inputs change: its place in the list,
//! its marked title and snippet, its link, and its star. The markup is the reader's
//! (`.bookmark-toggle`, `.article-title`, `.facts`, `.snippet`), and text is only ever set as
//! text. The star's clicks are handled once for the whole list ([`clicked_star`]).

use std::borrow::Cow;
use std::ops::Range;

use leptos::html::Li;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MouseEvent};

use hoinghi::bundle::Article;
use hoinghi::display::short_date;
use hoinghi::search::{Facet, Snippet};

use super::bookmarks::{star_texts, Bookmarks};
use super::context::Archive;
use super::highlight::runs;
use super::lang::use_lang;
use super::results::ROW_PX;
use super::url::{entity_href, href};

/// Which article a row shows, for the list's click handler.
const ARTICLE_ATTR: &str = "data-article";

/// The row's elements that change after it is made.
#[derive(Clone)]
struct Parts {
    children: [Element; 4],
    star_button: Element,
    star: Element,
    title: Element,
    snippet: Element,
    /// The "date unknown" label, for an undated article: it follows the language.
    unknown_date: Option<Element>,
}

fn element(tag: &str, class: &str) -> Element {
    let el = document()
        .create_element(tag)
        .expect("creating an element of a known tag");
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el
}

fn text_element(tag: &str, class: &str, text: &str) -> Element {
    let el = element(tag, class);
    el.set_text_content(Some(text));
    el
}

fn set(el: &Element, name: &str, value: &str) {
    // Only fails for an invalid attribute name, and these are literals.
    let _ = el.set_attribute(name, value);
}

/// Date, province and source, as `super::facts::ArticleFacts` shows them.
fn facts(article: &Article, archive: &Archive) -> (Element, Option<Element>) {
    let facts = element("p", "facts");
    let unknown_date = match article.published.as_deref() {
        Some(d) => {
            let time = text_element("time", "date", &short_date(d));
            set(&time, "datetime", d);
            let _ = facts.append_child(&time);
            None
        }
        None => {
            let unknown = element("span", "date unknown");
            let _ = facts.append_child(&unknown);
            Some(unknown)
        }
    };
    if let Some(p) = &article.province {
        let link = text_element("a", "province", &p.name);
        let to = archive
            .query
            .with_untracked(|q| entity_href(q, Facet::Province, &p.name));
        set(&link, "href", &to);
        let _ = facts.append_child(&link);
    }
    if let Some(name) = article.source_name() {
        let _ = facts.append_child(&text_element("span", "source", name));
    }
    (facts, unknown_date)
}

fn parts(article: &Article, archive: &Archive) -> Parts {
    let star_button = element("button", "bookmark-toggle");
    set(&star_button, "type", "button");
    let star = element("span", "");
    set(&star, "aria-hidden", "true");
    let _ = star_button.append_child(&star);
    let title = element("a", "article-title");
    let (facts, unknown_date) = facts(article, archive);
    let snippet = element("p", "snippet");
    Parts {
        children: [star_button.clone(), title.clone(), facts, snippet.clone()],
        star_button,
        star,
        title,
        snippet,
        unknown_date,
    }
}

/// Replaces what `el` holds with `before`, `text` with its `ranges` in `<mark>`, and `after`.
fn fill_marked(el: &Element, before: &str, text: &str, ranges: &[Range<usize>], after: &str) {
    el.set_text_content(None);
    let mut plain = before.to_string();
    for (run, matched) in runs(text, ranges) {
        if matched {
            if !plain.is_empty() {
                let _ = el.append_with_str_1(&plain);
                plain.clear();
            }
            let _ = el.append_child(&text_element("mark", "", run));
        } else {
            plain.push_str(run);
        }
    }
    plain.push_str(after);
    if !plain.is_empty() {
        let _ = el.append_with_str_1(&plain);
    }
}

/// Characters of the article's opening a row shows when no text matches.
const LEAD_CHARS: usize = 220;

/// Article `article` (its index in the bundle), at position `pos` of the list.
#[component]
pub fn ResultRow(archive: Archive, article: u32, pos: Signal<usize>) -> impl IntoView {
    let (query, results, cursor) = (archive.query, archive.results, archive.cursor);
    let bookmarks = expect_context::<Bookmarks>();
    let lang = use_lang();
    let row = NodeRef::<Li>::new();
    let meta = archive.article(article);
    let id = meta.id.clone();
    let parts = parts(meta, &archive);

    // Its place: made the first time, then moved, counted and marked by the keyboard's cursor.
    let made = parts.children.clone();
    Effect::new(move |before: Option<Option<(usize, bool, usize)>>| {
        let li = row.get()?;
        let at = pos.get();
        let now = (at, cursor.get() == at, results.with(|r| r.total));
        let before = before.flatten();
        if before.is_none() {
            set(&li, ARTICLE_ATTR, &article.to_string());
            for child in &made {
                let _ = li.append_child(child);
            }
        }
        if before.map(|b| b.0) != Some(now.0) {
            // web-sys's `style`, not the one leptos' element extension adds.
            let _ = web_sys::HtmlElement::style(&li)
                .set_property("top", &format!("{}px", now.0 as f64 * ROW_PX));
            set(&li, "aria-posinset", &(now.0 + 1).to_string());
        }
        if before.map(|b| b.1) != Some(now.1) {
            let _ = li.class_list().toggle_with_force("cursor", now.1);
        }
        if before.map(|b| b.2) != Some(now.2) {
            set(&li, "aria-setsize", &now.2.to_string());
        }
        Some(now)
    });

    // Its marks: a new query marks other words. The snippet comes from the whole body when it
    // is here; in a sharded bundle until then, from the lead in the metadata (and again once
    // the body arrives, as `full_article` tracks it).
    let (title_el, snippet_el) = (parts.title.clone(), parts.snippet.clone());
    let shown = archive.clone();
    Effect::new(
        move |before: Option<(Vec<Range<usize>>, Option<Snippet>)>| {
            let meta = shown.article(article);
            let full = shown.full_article(article).unwrap_or(Cow::Borrowed(meta));
            let (marks, snippet) = results.with(|r| {
                (
                    r.highlighter.ranges(&meta.title),
                    r.highlighter.snippet(&full),
                )
            });
            let (old_marks, old_snippet) = before.as_ref().map(|(m, s)| (m, s)).unzip();
            if old_marks != Some(&marks) {
                fill_marked(&title_el, "", &meta.title, &marks, "");
            }
            // Without a snippet the lead shows, which the body's arrival does not change.
            if old_snippet != Some(&snippet) {
                match &snippet {
                    Some(s) => fill_marked(
                        &snippet_el,
                        if s.cut_before { "… " } else { "" },
                        &s.text,
                        &s.ranges,
                        if s.cut_after { " …" } else { "" },
                    ),
                    None => snippet_el
                        .set_text_content(Some(&meta.lead(LEAD_CHARS).unwrap_or_default())),
                }
            }
            (marks, snippet)
        },
    );

    // Its link keeps the search, so back from the reader returns to it.
    let (link, star_id) = (parts.title.clone(), id.clone());
    Effect::new(move |before: Option<String>| {
        let to = href(&query.read(), &[("a", Some(&id))]);
        if before.as_ref() != Some(&to) {
            set(&link, "href", &to);
        }
        to
    });

    // Its star, and the words that follow the language.
    Effect::new(move |_| {
        let (pressed, lang) = (bookmarks.has(&star_id), lang.get());
        let (label, hint) = star_texts(lang, pressed);
        set(&parts.star_button, "aria-label", label);
        set(&parts.star_button, "title", hint);
        set(
            &parts.star_button,
            "aria-pressed",
            if pressed { "true" } else { "false" },
        );
        parts
            .star
            .set_text_content(Some(if pressed { "★" } else { "☆" }));
        if let Some(unknown) = &parts.unknown_date {
            unknown.set_text_content(Some(lang.texts().unknown_date));
        }
    });

    view! { <li class="result-row" node_ref=row></li> }
}

/// The article a click on a row's star is for, if it was on a star.
pub fn clicked_star(ev: &MouseEvent) -> Option<u32> {
    let target = ev.target()?.dyn_into::<Element>().ok()?;
    let star = target.closest(".bookmark-toggle").ok()??;
    let row = star.closest(".result-row").ok()??;
    row.get_attribute(ARTICLE_ATTR)?.parse().ok()
}
