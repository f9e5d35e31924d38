//! The reader: one article, its conference facts up front, then the clean body as text with the
//! search's matches marked, and the neighbouring results one step away.

use leptos::prelude::*;

use hoinghi::bundle::{Article, Block, Conference};
use hoinghi::display::{is_web_link, long_date, Lang};
use hoinghi::search::Highlighter;

use super::context::Archive;
use super::facts::ArticleFacts;
use super::highlight::marked;
use super::url::href;

#[component]
pub fn Reader(id: String) -> impl IntoView {
    let archive = expect_context::<Archive>();
    let (query, results) = (archive.query, archive.results);
    let back = move || href(&query.get(), &[("a", None)]);
    let Some(position) = archive.position_of(&id) else {
        return view! {
            <nav class="reader-nav">
                <a class="back" href=back>"← Danh sách · Back to the list"</a>
            </nav>
            <section class="error-screen" role="alert">
                <h1>"Không tìm thấy bài viết"</h1>
                <p class="cause">{format!("No article with id {id} in this bundle.")}</p>
            </section>
        }
        .into_any();
    };
    let neighbour = {
        let archive = archive.clone();
        move |step: isize| {
            results.with(|r| {
                let at = r.ids.iter().position(|p| *p == position)?;
                let next = r.ids.get(at.checked_add_signed(step)?)?;
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
                view! { <a class="prev" rel="prev" href=link title=title>"← Bài trước"</a> }
            })
        }
    };
    let next = move || {
        neighbour(1).map(|(link, title)| {
            view! { <a class="next" rel="next" href=link title=title>"Bài sau →"</a> }
        })
    };
    let article = archive.article(position).clone();
    view! {
        <nav class="reader-nav">
            <a class="back" href=back>"← Danh sách · Back to the list"</a>
            <span class="neighbours">{prev} {next}</span>
        </nav>
        {move || {
            let highlighter = results.with(|r| r.highlighter.clone());
            view! { <ArticleView article=&article highlighter /> }
        }}
    }
    .into_any()
}

#[component]
fn ArticleView<'a>(article: &'a Article, highlighter: Highlighter) -> impl IntoView {
    let conferences = article
        .conferences
        .iter()
        .map(|c| view! { <ConferenceFacts conference=c /> })
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
        .map(|v| view! { <p class="views muted">{format!("{v} lượt xem")}</p> });
    let title_marks = highlighter.ranges(&article.title);
    view! {
        <article class="reader">
            <h1 class="reader-title">{marked(&article.title, &title_marks)}</h1>
            <ArticleFacts article />
            {conferences}
            <div class="reader-body">{blocks}</div>
            {byline}
            {views}
        </article>
    }
}

#[component]
fn ConferenceFacts<'a>(conference: &'a Conference) -> impl IntoView {
    let date = conference.date.as_deref().map(|d| long_date(d, Lang::Vi));
    let period = conference.period.as_ref().map(|p| p.label.clone());
    view! {
        <aside class="conference">
            <span class=format!("kind kind-{}", conference.kind.code())>
                {conference.kind.label_vi()}
            </span>
            {date.map(|d| view! { <span class="conf-date">{d}</span> })}
            {period.map(|p| view! { <span class="period">{p}</span> })}
        </aside>
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
