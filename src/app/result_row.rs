//! The rows of the result list, drawn with DOM calls rather than as Leptos views, and recycled.
//!
//! A keystroke brings most rows in view anew (4.7 of 6 on the bench's queries: a new letter
//! reranks), and rows are about 3.4 of a keystroke's 8 ms at 35,440 articles (measured by
//! drawing none), most of it the browser laying out their new text. Rows made as Leptos views,
//! then with four effects each under a keyed `<For>`, added making and dropping elements,
//! effects and owners on top. Here one effect (src/app/results.rs) hands
//! [`RowList::show`] the articles in view: a row whose article stays keeps its elements, a row
//! that left the view takes the next new article, and each row writes only what changed: its
//! place, its marked title and snippet, its link, its star. The markup is the reader's
//! (`.bookmark-toggle`, `.article-title`, `.facts`, `.snippet`), and text is only ever set as
//! text. The star's clicks are handled once for the whole list ([`clicked_star`]).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, MouseEvent};

use hoinghi::bundle::Article;
use hoinghi::display::{short_date, Lang};
use hoinghi::query_string::QueryPairs;
use hoinghi::search::{Facet, SearchResults, Snippet};

use super::bookmarks::{star_texts, Bookmarks};
use super::context::Archive;
use super::highlight::runs;
use super::results::ROW_PX;
use super::url::{entity_href, href};

/// Which article a row shows, for the list's click handler.
const ARTICLE_ATTR: &str = "data-article";

/// Characters of the article's opening a row shows when no text matches.
const LEAD_CHARS: usize = 220;

/// Rows kept out of the page for reuse: enough for a list scrolled back to its top.
const SPARE_ROWS: usize = 32;

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

/// What a row shows besides its article, as the list's effect reads it.
pub struct Inputs<'a> {
    pub results: &'a Arc<SearchResults>,
    pub query: &'a QueryPairs,
    /// Position in the list of the first article handed over.
    pub first: usize,
    pub cursor: usize,
    pub lang: Lang,
    pub bookmarks: Bookmarks,
}

/// One row: its elements and what they show, so that only what changes is written.
struct Row {
    li: Element,
    article: u32,
    star_button: Element,
    star: Element,
    title: Element,
    facts: Element,
    snippet: Element,
    /// The "date unknown" label of an undated article: it follows the language.
    unknown_date: Option<Element>,
    /// (position, under the cursor, list length) as drawn.
    place: Option<(usize, bool, usize)>,
    /// The title's and snippet's marks as drawn: redrawn only where they differ.
    marks: Option<(Vec<Range<usize>>, Option<Snippet>)>,
    /// Set when the marks are drawn for the current results: whether from the whole body.
    marks_fresh: Option<bool>,
    link: Option<String>,
    starred: Option<(bool, Lang)>,
}

impl Row {
    fn new() -> Row {
        let li = element("li", "result-row");
        let star_button = element("button", "bookmark-toggle");
        set(&star_button, "type", "button");
        let star = element("span", "");
        set(&star, "aria-hidden", "true");
        let _ = star_button.append_child(&star);
        let title = element("a", "article-title");
        let facts = element("p", "facts");
        let snippet = element("p", "snippet");
        for child in [&star_button, &title, &facts, &snippet] {
            let _ = li.append_child(child);
        }
        Row {
            li,
            article: u32::MAX,
            star_button,
            star,
            title,
            facts,
            snippet,
            unknown_date: None,
            place: None,
            marks: None,
            marks_fresh: None,
            link: None,
            starred: None,
        }
    }

    /// Makes the row show `article`: its facts now, the rest when [`Row::draw`] finds them stale.
    fn assign(&mut self, article: u32, archive: &Archive) {
        self.article = article;
        set(&self.li, ARTICLE_ATTR, &article.to_string());
        let (facts, unknown_date) = facts(archive.article(article), archive);
        let _ = self.facts.replace_with_with_node_1(&facts);
        self.facts = facts;
        self.unknown_date = unknown_date;
        (self.marks, self.marks_fresh, self.link, self.starred) = (None, None, None, None);
    }

    fn draw(&mut self, pos: usize, inputs: &Inputs, archive: &Archive) {
        let place = (pos, inputs.cursor == pos, inputs.results.total);
        let before = self.place.replace(place);
        if before.map(|b| b.0) != Some(place.0) {
            // web-sys's `style`, not the one leptos' element extension adds.
            if let Some(li) = self.li.dyn_ref::<web_sys::HtmlElement>() {
                let _ = li
                    .style()
                    .set_property("top", &format!("{}px", place.0 as f64 * ROW_PX));
            }
            set(&self.li, "aria-posinset", &(place.0 + 1).to_string());
        }
        if before.map(|b| b.1) != Some(place.1) {
            let _ = self.li.class_list().toggle_with_force("cursor", place.1);
        }
        if before.map(|b| b.2) != Some(place.2) {
            set(&self.li, "aria-setsize", &place.2.to_string());
        }
        self.draw_marks(inputs.results, archive);
        let id = &archive.article(self.article).id;
        // The link keeps the search, so back from the reader returns to it.
        if self.link.is_none() {
            let to = href(inputs.query, &[("a", Some(id))]);
            set(&self.title, "href", &to);
            self.link = Some(to);
        }
        let starred = (inputs.bookmarks.has(id), inputs.lang);
        if self.starred != Some(starred) {
            self.draw_star(starred);
        }
    }

    /// The title and snippet with the query's words marked. The snippet comes from the whole
    /// body when it is here; in a sharded bundle until then, from the lead in the metadata
    /// (and again once the body arrives: reading it tracks its arrival).
    fn draw_marks(&mut self, results: &SearchResults, archive: &Archive) {
        if self.marks_fresh == Some(true) {
            return;
        }
        let meta = archive.article(self.article);
        let full = archive.full_article(self.article).ok();
        let whole = full.is_some();
        if self.marks_fresh == Some(false) && !whole {
            return;
        }
        let full = full.unwrap_or(Cow::Borrowed(meta));
        let marks = results.highlighter.ranges(&meta.title);
        let snippet = results.highlighter.snippet(&full);
        let (old_marks, old_snippet) = self.marks.as_ref().map(|(m, s)| (m, s)).unzip();
        if old_marks != Some(&marks) {
            fill_marked(&self.title, "", &meta.title, &marks, "");
        }
        // Without a snippet the lead shows, which the body's arrival does not change.
        if old_snippet != Some(&snippet) {
            match &snippet {
                Some(s) => fill_marked(
                    &self.snippet,
                    if s.cut_before { "… " } else { "" },
                    &s.text,
                    &s.ranges,
                    if s.cut_after { " …" } else { "" },
                ),
                None => self
                    .snippet
                    .set_text_content(Some(&meta.lead(LEAD_CHARS).unwrap_or_default())),
            }
        }
        self.marks = Some((marks, snippet));
        self.marks_fresh = Some(whole);
    }

    /// The star, and the words that follow the language.
    fn draw_star(&mut self, (pressed, lang): (bool, Lang)) {
        let (label, hint) = star_texts(lang, pressed);
        set(&self.star_button, "aria-label", label);
        set(&self.star_button, "title", hint);
        set(
            &self.star_button,
            "aria-pressed",
            if pressed { "true" } else { "false" },
        );
        self.star
            .set_text_content(Some(if pressed { "★" } else { "☆" }));
        if let Some(unknown) = &self.unknown_date {
            unknown.set_text_content(Some(lang.texts().unknown_date));
        }
        self.starred = Some((pressed, lang));
    }
}

/// The rows of one `<ol>`, in list order.
pub struct RowList {
    list: Element,
    rows: Vec<Row>,
    spare: Vec<Row>,
    /// The results and query the rows were drawn for: marks and links are stale when they
    /// change.
    drawn: Option<(Arc<SearchResults>, QueryPairs)>,
}

impl RowList {
    pub fn new(list: Element) -> RowList {
        RowList {
            list,
            rows: Vec::new(),
            spare: Vec::new(),
            drawn: None,
        }
    }

    /// Shows `articles`, in that order, as the list's rows from position `inputs.first`.
    pub fn show(&mut self, articles: &[u32], inputs: &Inputs, archive: &Archive) {
        let (new_results, new_query) = match &self.drawn {
            Some((results, query)) => {
                (!Arc::ptr_eq(results, inputs.results), query != inputs.query)
            }
            None => (true, true),
        };
        if new_results || new_query {
            for row in &mut self.rows {
                if new_results {
                    row.marks_fresh = None;
                }
                if new_query {
                    row.link = None;
                }
            }
            self.drawn = Some((inputs.results.clone(), inputs.query.clone()));
        }

        // Rows whose article stays keep it; the others take the new articles, in order.
        let mut old: Vec<Option<Row>> = self.rows.drain(..).map(Some).collect();
        let mut rows: Vec<Option<Row>> = articles
            .iter()
            .map(|a| {
                old.iter_mut()
                    .find(|r| r.as_ref().is_some_and(|r| r.article == *a))
                    .and_then(Option::take)
            })
            .collect();
        let mut free = old.into_iter().flatten();
        for (slot, &article) in rows.iter_mut().zip(articles) {
            if slot.is_none() {
                let mut row = free
                    .next()
                    .or_else(|| self.spare.pop())
                    .unwrap_or_else(Row::new);
                row.assign(article, archive);
                *slot = Some(row);
            }
        }
        for row in free {
            row.li.remove();
            if self.spare.len() < SPARE_ROWS {
                self.spare.push(row);
            }
        }
        self.rows = rows.into_iter().flatten().collect();

        // The page's order is the list's (for reading order), moving as few rows as possible.
        let mut at = self.list.first_element_child();
        for row in &self.rows {
            if at.as_ref() == Some(&row.li) {
                at = row.li.next_element_sibling();
            } else {
                let _ = self
                    .list
                    .insert_before(&row.li, at.as_ref().map(|e| e.as_ref()));
            }
        }
        for (k, row) in self.rows.iter_mut().enumerate() {
            row.draw(inputs.first + k, inputs, archive);
        }
    }
}

/// The article a click on a row's star is for, if it was on a star.
pub fn clicked_star(ev: &MouseEvent) -> Option<u32> {
    let target = ev.target()?.dyn_into::<Element>().ok()?;
    let star = target.closest(".bookmark-toggle").ok()??;
    let row = star.closest(".result-row").ok()??;
    row.get_attribute(ARTICLE_ATTR)?.parse().ok()
}
