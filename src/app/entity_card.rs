//! The entity page: when the search is narrowed to one person, document or province, a card
//! above the results says what the whole archive knows about it. The results below are the
//! entity's articles, so the page is a search like any other and shares as a link.
//!
//! The card follows the search one frame behind, with the side panels (src/app/panels.rs): it
//! reads the whole archive, and drawing it in the click's own frame made picking a person or a
//! province the slowest click, up to twice the rest.

use std::sync::Arc;

use leptos::prelude::*;

use hoinghi::display::{date_at, short_date};
use hoinghi::entities::{document, person, province};
use hoinghi::i18n::Texts;
use hoinghi::search::{Facet, SearchRequest};

use super::context::Archive;
use super::facets::title;
use super::lang::use_texts;
use super::url::href;

/// Titles a person's card lists before "more": a much-reported official is found with dozens of
/// variants of a few offices, and drawing them all made picking the person a slow click.
const TITLES_SHOWN: usize = 8;

/// The one person, document or province the request is narrowed to, if it is narrowed to one.
fn single_entity(req: &SearchRequest) -> Option<(Facet, String)> {
    [
        Facet::Person,
        Facet::Document,
        Facet::Province,
        Facet::Province2025,
    ]
    .into_iter()
    .find_map(|facet| {
        let (_, values) = req.filters.iter().find(|(f, _)| *f == facet)?;
        (values.len() == 1).then(|| (facet, values[0].clone()))
    })
}

fn span(first: &Option<String>, last: &Option<String>, t: &Texts) -> String {
    match (first, last) {
        (Some(f), Some(l)) if f == l => short_date(f),
        (Some(f), Some(l)) => format!("{} – {}", short_date(f), short_date(l)),
        _ => t.unknown_date.into(),
    }
}

#[component]
pub fn EntityCard() -> impl IntoView {
    let archive = expect_context::<Archive>();
    let panels = archive.panels;
    let entity = Memo::new(move |_| panels.with(|s| single_entity(&s.request)));
    // The person whose every title is listed ("more"), if any: another person starts short.
    let expanded = RwSignal::new(None::<String>);
    let t = use_texts();
    move || {
        let (facet, name) = entity.get()?;
        let t = t();
        let articles = &archive.loaded.bundle.articles;
        let body = match facet {
            Facet::Person => {
                let s = Arc::new(person(articles, &name));
                let hidden = s.titles.len().saturating_sub(TITLES_SHOWN);
                let all_shown = {
                    let name = name.clone();
                    move || expanded.with(|e| e.as_deref() == Some(name.as_str()))
                };
                let titles = {
                    let (s, all_shown) = (s.clone(), all_shown.clone());
                    move || {
                        let shown = if all_shown() {
                            s.titles.iter().collect()
                        } else {
                            s.main_titles(TITLES_SHOWN)
                        };
                        shown
                            .into_iter()
                            .map(|held| {
                                view! {
                                    <li>
                                        <span class="held-title">{held.title.clone()}</span>
                                        <span class="muted">{format!(" · {}", span(&held.first, &held.last, t))}</span>
                                    </li>
                                }
                            })
                            .collect_view()
                    }
                };
                let more = (hidden > 0).then(|| {
                    let name = name.clone();
                    let toggle = move |_| {
                        expanded.update(|e| {
                            *e = (e.as_deref() != Some(name.as_str())).then(|| name.clone())
                        })
                    };
                    view! {
                        <button class="more" type="button" on:click=toggle>
                            {move || t.more_or_fewer(all_shown(), hidden)}
                        </button>
                    }
                });
                view! {
                    <p>{t.person_summary(s.articles, s.conferences.len())}</p>
                    <h3>{t.titles_over_time}</h3>
                    <ul class="held-titles">{titles}</ul>
                    {more}
                }
                .into_any()
            }
            Facet::Document => {
                let s = document(articles, &name);
                view! {
                    <p>
                        {s.doc_type.clone().unwrap_or_else(|| t.facet_document.into())}
                        {s.issued.as_deref().map(|d| t.issued(&short_date(d)))}
                    </p>
                    <p>
                        {t.document_summary(s.articles, &span(&s.first_mention, &s.last_mention, t))}
                    </p>
                }
                .into_any()
            }
            _ => {
                let s = province(articles, &name, facet == Facet::Province2025);
                let top = s.years.iter().map(|y| y.articles).max().unwrap_or(1).max(1);
                let bars = s
                    .years
                    .iter()
                    .map(|y| {
                        let kinds = y
                            .by_kind
                            .iter()
                            .map(|(k, n)| format!("{} {n}", Facet::Kind.label_in(k.code(), t.lang)))
                            .collect::<Vec<_>>()
                            .join(", ");
                        view! {
                            <li>
                                <span class="year">{y.year}</span>
                                <meter min="0" max=top value=y.articles></meter>
                                <span>{t.articles(y.articles)}</span>
                                <span class="muted">{kinds}</span>
                            </li>
                        }
                    })
                    .collect_view();
                let first_year = s.years.first().map(|y| y.year);
                let last_year = s.years.last().map(|y| y.year);
                let marks = s
                    .dated
                    .iter()
                    .map(|c| {
                        let article = &articles[c.article];
                        let what = format!(
                            "{} · {} · {}",
                            Facet::Kind.label_in(c.kind.code(), t.lang),
                            date_at(&c.date, c.precision, t.lang),
                            article.title
                        );
                        let link =
                            href(&archive.query.get_untracked(), &[("a", Some(&article.id))]);
                        view! {
                            <a
                                class=format!("mini-mark k-{}", c.kind.code())
                                href=link
                                style:left=format!("{:.1}%", f64::from(c.at) / 10.0)
                                aria-label=what.clone()
                                title=what
                            ></a>
                        }
                    })
                    .collect_view();
                let mini = (!s.dated.is_empty()).then(|| {
                    view! {
                        <div class="mini-timeline" role="group" aria-label=t.conference_timeline>
                            <div class="mini-track">{marks}</div>
                            <p class="mini-axis muted">
                                <span>{first_year}</span>
                                <span>{last_year}</span>
                            </p>
                        </div>
                    }
                });
                view! {
                    <p>{t.province_summary(s.articles, s.conferences)}</p>
                    {mini}
                    <ul class="year-bars">{bars}</ul>
                }
                .into_any()
            }
        };
        let kind = title(facet, t);
        // A pointer or focus on the card brings it up to date first, as on the facets.
        Some(view! {
            <section
                class="entity-card"
                aria-label=format!("{kind}: {name}")
                aria-busy=move || panels.behind().then_some("true")
                on:pointerdown=move |_| panels.catch_up()
                on:focusin=move |_| panels.catch_up()
            >
                <p class="entity-kind muted">{kind}</p>
                <h2>{name.clone()}</h2>
                {body}
            </section>
        })
    }
}
