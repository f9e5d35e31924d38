//! The one-line facts under an article's title: date, province, source.

use leptos::prelude::*;

use hoinghi::bundle::Article;
use hoinghi::display::short_date;
use hoinghi::search::Facet;

use super::context::Archive;
use super::lang::use_texts;
use super::url::entity_href;

/// Date, province and source in one line, each shown only when known.
#[component]
pub fn ArticleFacts<'a>(article: &'a Article) -> impl IntoView {
    let date = match article.published.as_deref() {
        Some(d) => {
            view! { <time class="date" datetime=d.to_string()>{short_date(d)}</time> }.into_any()
        }
        None => {
            let t = use_texts();
            view! { <span class="date unknown">{move || t().unknown_date}</span> }.into_any()
        }
    };
    let query = expect_context::<Archive>().query;
    let province = article.province.as_ref().map(|p| {
        let link = entity_href(&query.get_untracked(), Facet::Province, &p.name);
        view! { <a class="province" href=link>{p.name.clone()}</a> }
    });
    let source = article
        .source_name()
        .map(|name| view! { <span class="source">{name.to_string()}</span> });
    view! { <p class="facts">{date} {province} {source}</p> }
}
