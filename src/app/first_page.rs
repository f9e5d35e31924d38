//! What a sharded bundle shows from its manifest alone, before any shard has arrived: the
//! default view's first rows (title, date, province, source, lead) and the article count, with
//! the loading progress in place of the filters. Any other view waits on the loading screen.

use std::sync::Arc;

use leptos::prelude::*;

use hoinghi::bundle::Article;
use hoinghi::display::short_date;
use hoinghi::query_string::QueryPairs;
use hoinghi::search::{SearchRequest, Sort};
use hoinghi::shard::Manifest;
use hoinghi::view_state::request_from_pairs;

use super::lang::use_texts;
use super::location::use_query;
use super::results::ROW_PX;
use super::screens::Loading;
use super::url::href;

#[component]
pub fn FirstPage(url: String, manifest: Arc<Manifest>, received: u64, total: u64) -> impl IntoView {
    let query = use_query().get_untracked();
    let t = use_texts();
    let request = request_from_pairs(query.pairs().iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let default_view = SearchRequest {
        sort: Sort::Relevance,
        facet_sort: request.facet_sort,
        provinces_2025: request.provinces_2025,
        ..SearchRequest::default()
    };
    let list_view = query.get("a").is_none() && query.get("view").as_deref() != Some("timeline");
    if !list_view
        || !(request == default_view
            || request
                == SearchRequest {
                    sort: Sort::Newest,
                    ..default_view
                })
    {
        return view! { <Loading url received=received as usize total=Some(total as usize) /> }
            .into_any();
    }
    let rows = manifest
        .first_page
        .rows
        .iter()
        .enumerate()
        .map(|(pos, article)| row(pos, article, &query))
        .collect_view();
    let count = manifest.articles as usize;
    let percent = (received as f64 * 100.0 / total.max(1) as f64).min(100.0);
    view! {
        <header class="topbar">
            <span class="brand">"hoinghi"</span>
            <span class="bundle-title">{manifest.title.clone()}</span>
        </header>
        <div class="search-page">
            <nav class="facets" aria-label=move || t().filters_label aria-busy="true">
                <p class="muted">{move || t().loading_filters}</p>
                <progress max="100" value=percent.to_string()></progress>
            </nav>
            <main id="main">
                <section class="first-page" aria-label=move || t().results_label>
                    <p class="first-page-count">
                        {move || t().result_count(count, count)}
                    </p>
                    <div class="results-viewport">
                        <ol
                            class="result-list"
                            style:height=format!("{}px", manifest.articles as f64 * ROW_PX)
                        >
                            {rows}
                        </ol>
                    </div>
                </section>
            </main>
        </div>
    }
    .into_any()
}

fn row(pos: usize, article: &Article, query: &QueryPairs) -> impl IntoView {
    let date = article
        .published
        .as_deref()
        .map(|d| view! { <time class="date" datetime=d.to_string()>{short_date(d)}</time> });
    let province = article
        .province
        .as_ref()
        .map(|p| view! { <span class="province">{p.name.clone()}</span> });
    let source = article
        .source_name()
        .map(|name| view! { <span class="source">{name.to_string()}</span> });
    let lead = article.body.first().map(|b| b.text().to_string());
    view! {
        <li class="result-row" style:top=format!("{}px", pos as f64 * ROW_PX)>
            <a class="article-title" href=href(query, &[("a", Some(&article.id))])>
                {article.title.clone()}
            </a>
            <p class="facts">{date} {province} {source}</p>
            <p class="snippet">{lead}</p>
        </li>
    }
}
