//! The reader: one article, its conference facts up front, then the clean body as text.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use hoinghi::bundle::{Article, Block, Conference};
use hoinghi::display::{is_web_link, long_date, Lang};
use hoinghi::load::Loaded;

use super::list::ArticleFacts;
use super::url::href;

#[component]
pub fn Reader(loaded: Arc<Loaded>, id: String) -> impl IntoView {
    let query = use_query_map();
    let back = move || href(&query.get(), &[("a", None)]);
    let body = match loaded.bundle.articles.iter().find(|a| a.id == id) {
        Some(article) => view! { <ArticleView article /> }.into_any(),
        None => view! {
            <section class="error-screen" role="alert">
                <h1>"Không tìm thấy bài viết"</h1>
                <p class="cause">{format!("No article with id {id} in this bundle.")}</p>
            </section>
        }
        .into_any(),
    };
    view! {
        <nav class="reader-nav">
            <a class="back" href=back>"← Danh sách · Back to the list"</a>
        </nav>
        {body}
    }
}

#[component]
fn ArticleView<'a>(article: &'a Article) -> impl IntoView {
    let conferences = article
        .conferences
        .iter()
        .map(|c| view! { <ConferenceFacts conference=c /> })
        .collect_view();
    let blocks = article.body.iter().map(block_view).collect_view();
    let byline = article
        .author
        .clone()
        .map(|a| view! { <p class="byline">{a}</p> });
    let views = article
        .views
        .map(|v| view! { <p class="views muted">{format!("{v} lượt xem")}</p> });
    view! {
        <article class="reader">
            <h1 class="reader-title">{article.title.clone()}</h1>
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
fn block_view(block: &Block) -> AnyView {
    match block {
        Block::Paragraph { text } => view! { <p>{text.clone()}</p> }.into_any(),
        Block::Caption { text } => view! { <p class="caption">{text.clone()}</p> }.into_any(),
        Block::Heading { text } => view! { <h2>{text.clone()}</h2> }.into_any(),
        Block::Link { url, .. } if is_web_link(url) => view! {
            <p class="link">
                <a href=url.clone() rel="external noopener noreferrer" target="_blank">
                    {block.text().to_string()}
                </a>
            </p>
        }
        .into_any(),
        Block::Link { .. } => view! { <p class="link">{block.text().to_string()}</p> }.into_any(),
    }
}
