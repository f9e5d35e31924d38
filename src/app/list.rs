//! The article list: what the archive holds, newest first.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use hoinghi::bundle::Article;
use hoinghi::display::short_date;
use hoinghi::load::Loaded;

use super::url::href;

#[component]
pub fn ArticleList(loaded: Arc<Loaded>) -> impl IntoView {
    let query = use_query_map();
    let mut order: Vec<usize> = (0..loaded.bundle.articles.len()).collect();
    // ISO dates sort as text; undated articles go last.
    order.sort_by(|&a, &b| {
        let (a, b) = (&loaded.bundle.articles[a], &loaded.bundle.articles[b]);
        b.published
            .is_some()
            .cmp(&a.published.is_some())
            .then_with(|| b.published.cmp(&a.published))
    });
    let count = order.len();
    let rows = order
        .into_iter()
        .map(|i| {
            let article = &loaded.bundle.articles[i];
            let id = article.id.clone();
            let link = move || href(&query.get(), &[("a", Some(&id))]);
            view! {
                <li class="article-row">
                    <a class="article-title" href=link>{article.title.clone()}</a>
                    <ArticleFacts article />
                </li>
            }
        })
        .collect_view();
    view! {
        <h1 class="visually-hidden">"Danh sách bài viết"</h1>
        <p class="muted result-count">{format!("{count} bài viết · {count} articles")}</p>
        <ol class="article-list">{rows}</ol>
    }
}

/// Date, province and source in one line, each shown only when known.
#[component]
pub fn ArticleFacts<'a>(article: &'a Article) -> impl IntoView {
    let date = match article.published.as_deref() {
        Some(d) => {
            view! { <time class="date" datetime=d.to_string()>{short_date(d)}</time> }.into_any()
        }
        None => view! { <span class="date unknown">"không rõ ngày"</span> }.into_any(),
    };
    let province = article
        .province
        .as_ref()
        .map(|p| view! { <span class="province">{p.name.clone()}</span> });
    let source = article.source.as_ref().and_then(|s| {
        s.name
            .clone()
            .or_else(|| s.domain.clone())
            .map(|name| view! { <span class="source">{name}</span> })
    });
    view! { <p class="facts">{date} {province} {source}</p> }
}
