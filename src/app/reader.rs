//! The reader: one article, its conference facts up front, then the clean body as text with the
//! search's matches marked, and the neighbouring results one step away.

use leptos::prelude::*;

use hoinghi::bundle::{Article, Block, Conference, Role};
use hoinghi::display::{date_at, is_web_link, short_date};
use hoinghi::i18n::Texts;
use hoinghi::search::{Facet, Highlighter};

use super::bookmarks::BookmarkToggle;
use super::context::{Archive, Missing};
use super::facts::ArticleFacts;
use super::highlight::marked;
use super::lang::use_texts;
use super::location::use_query;
use super::url::{address, entity_href, href};

#[component]
pub fn Reader(id: String) -> impl IntoView {
    let archive = expect_context::<Archive>();
    let (query, results) = (archive.query, archive.results);
    let t = use_texts();
    let back = move || href(&query.get(), &[("a", None)]);
    let Some(position) = archive.position_of(&id) else {
        return view! {
            <nav class="reader-nav">
                <a class="back" href=back>{move || t().back_to_list}</a>
            </nav>
            <section class="error-screen" role="alert">
                <h1>{move || t().article_not_found}</h1>
                <p class="cause">{move || t().no_article_with_id(&id)}</p>
            </section>
        }
        .into_any();
    };
    let neighbour = {
        let archive = archive.clone();
        move |step: isize| {
            results.with(|r| {
                let at = r.ids().iter().position(|p| *p == position)?;
                let next = r.ids().get(at.checked_add_signed(step)?)?;
                let article = archive.article(*next);
                Some((
                    href(&query.get(), &[("a", Some(&article.id))]),
                    article.title.clone(),
                ))
            })
        }
    };
    let prev = {
        let neighbour = neighbour.clone();
        move || {
            neighbour(-1).map(|(link, title)| {
                view! { <a class="prev" rel="prev" href=link title=title>{t().previous_article}</a> }
            })
        }
    };
    let next = move || {
        neighbour(1).map(|(link, title)| {
            view! { <a class="next" rel="next" href=link title=title>{t().next_article}</a> }
        })
    };
    view! {
        <nav class="reader-nav">
            <a class="back" href=back>{move || t().back_to_list}</a>
            <span class="neighbours">{prev} {next}</span>
        </nav>
        {move || {
            let highlighter = results.with(|r| r.highlighter.clone());
            // A sharded bundle's body may still be coming, or its shard may be damaged: the
            // metadata shows either way, with the reason in place of the text.
            let (article, problem) = match archive.full_article(position) {
                Ok(article) => (article.into_owned(), None),
                Err(missing) => {
                    let note = match missing {
                        Missing::Loading => view! {
                            <p class="body-loading muted" role="status">{t().body_loading}</p>
                        }
                        .into_any(),
                        Missing::Failed(why) => {
                            view! { <p class="body-problem" role="alert">{why}</p> }.into_any()
                        }
                    };
                    (without_body(archive.article(position)), Some(note))
                }
            };
            let t = t();
            view! { <ArticleView article=&article highlighter problem t /> }
        }}
    }
    .into_any()
}

#[component]
fn ArticleView<'a>(
    article: &'a Article,
    highlighter: Highlighter,
    t: &'static Texts,
    /// Shown in place of the body when it is not here.
    problem: Option<AnyView>,
) -> impl IntoView {
    let conferences = article
        .conferences
        .iter()
        .map(|c| view! { <ConferenceFacts conference=c t /> })
        .collect_view();
    let blocks = article
        .body
        .iter()
        .map(|b| block_view(b, &highlighter))
        .collect_view();
    let byline = article
        .author
        .clone()
        .map(|a| view! { <p class="byline">{a}</p> });
    let views = article
        .views
        .map(|v| view! { <p class="views muted">{t.views(v)}</p> });
    let title_marks = highlighter.ranges(&article.title);
    view! {
        <article class="reader">
            <BookmarkToggle article />
            <h1 class="reader-title">{marked(&article.title, &title_marks)}</h1>
            <ArticleFacts article />
            {conferences}
            <div class="reader-body">{problem} {blocks}</div>
            {byline}
            {views}
            <CitedDocuments article t />
            <CiteThis article t />
        </article>
    }
}

#[component]
fn ConferenceFacts<'a>(conference: &'a Conference, t: &'static Texts) -> impl IntoView {
    let query = expect_context::<Archive>().query;
    let date = conference
        .date
        .as_deref()
        .map(|d| date_at(d, conference.precision, t.lang));
    let facts = [
        conference
            .period
            .as_ref()
            .map(|p| format!("{}: {}", t.period, p.label)),
        conference
            .level
            .map(|l| format!("{}: {}", t.level, Facet::Level.label_in(l.code(), t.lang))),
        conference.host.clone().map(|h| format!("{}: {h}", t.host)),
        conference.online.then(|| t.online.to_string()),
    ]
    .into_iter()
    .flatten()
    .map(|f| view! { <li>{f}</li> })
    .collect_view();
    let people = conference
        .people
        .iter()
        .map(|p| {
            let role = match p.role {
                Role::Chair => t.role_chair,
                Role::Speaker => t.role_speaker,
                Role::Attendee => t.role_attendee,
            };
            let link = entity_href(&query.get_untracked(), Facet::Person, &p.name);
            view! {
                <li>
                    <span class="role muted">{role} ": "</span>
                    <a class="person" href=link>{p.name.clone()}</a>
                    {(!p.titles.is_empty()).then(|| format!(", {}", p.titles.join(", ")))}
                </li>
            }
        })
        .collect_view();
    view! {
        <aside class="conference">
            <p class="conference-head">
                <span class=format!("kind kind-{}", conference.kind.code())>
                    {Facet::Kind.label_in(conference.kind.code(), t.lang)}
                </span>
                {date.map(|d| view! { <span class="conf-date">{d}</span> })}
            </p>
            {conference.name.clone().map(|n| view! { <p class="conf-name">{n}</p> })}
            <ul class="conf-facts">{facts}</ul>
            <ul class="conf-people">{people}</ul>
        </aside>
    }
}

/// Documents cited, each linking to its page.
#[component]
fn CitedDocuments<'a>(article: &'a Article, t: &'static Texts) -> impl IntoView {
    let query = expect_context::<Archive>().query;
    (!article.documents.is_empty()).then(|| {
        let items = article
            .documents
            .iter()
            .map(|d| {
                let link = entity_href(&query.get_untracked(), Facet::Document, &d.number);
                view! {
                    <li>
                        {d.doc_type.clone().map(|t| format!("{t} "))}
                        <a class="document" href=link>{d.number.clone()}</a>
                        {d.date.as_deref().map(|x| format!(", {}", short_date(x)))}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="cited">
                <h2>{t.cited_documents}</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}

/// A citation people can paste into a report, and a copy button for it and for the link.
#[component]
fn CiteThis<'a>(article: &'a Article, t: &'static Texts) -> impl IntoView {
    let source = article.source_name().map(str::to_string);
    let link = article
        .source
        .as_ref()
        .and_then(|s| s.url.clone())
        .unwrap_or_else(|| address(&use_query().get_untracked()));
    let citation = [
        Some(format!("“{}”", article.title)),
        source,
        article.published.as_deref().map(short_date),
        Some(link.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(". ");
    let copied = RwSignal::new("");
    let copy = move |text: String, what: &'static str| {
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&text);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(if ok { what } else { t.copy_refused });
        });
    };
    let cite_text = citation.clone();
    let page_link = address(&use_query().get_untracked());
    view! {
        <section class="cite">
            <h2>{t.cite_heading}</h2>
            <p class="citation">{citation}</p>
            <button type="button" on:click=move |_| copy(cite_text.clone(), t.citation_copied)>
                {t.copy_citation}
            </button>
            " "
            <button type="button" on:click=move |_| copy(page_link.clone(), t.link_copied)>
                {t.copy_link}
            </button>
            <span class="copied muted" role="status">{move || copied.get()}</span>
        </section>
    }
}

/// The article's metadata without its lead, for when the whole body is not here.
fn without_body(article: &Article) -> Article {
    Article {
        body: vec![],
        ..article.clone()
    }
}

/// Text stays text: links become links only for http(s) URLs.
fn block_view(block: &Block, highlighter: &Highlighter) -> AnyView {
    let text = block.text();
    let text_view = marked(text, &highlighter.ranges(text));
    match block {
        Block::Paragraph { .. } => view! { <p>{text_view}</p> }.into_any(),
        Block::Caption { .. } => view! { <p class="caption">{text_view}</p> }.into_any(),
        Block::Heading { .. } => view! { <h2>{text_view}</h2> }.into_any(),
        Block::Link { url, .. } if is_web_link(url) => view! {
            <p class="link">
                <a href=url.clone() rel="external noopener noreferrer" target="_blank">
                    {text_view}
                </a>
            </p>
        }
        .into_any(),
        Block::Link { .. } => view! { <p class="link">{text_view}</p> }.into_any(),
    }
}
