//! The facet panel: each facet's values with their counts under the current search and the
//! other facets' selections. Every value is a link, so a filtered view can be opened in a new tab
//! or shared, and back undoes a click.

use leptos::prelude::*;

use hoinghi::i18n::Texts;
use hoinghi::search::{Facet, FacetSort, FacetValue, SearchRequest};
use hoinghi::view_state::{facet_key, toggle_filter};

use super::context::Archive;
use super::histogram::DateFilter;
use super::lang::{use_lang, use_texts};
use super::url::search_href;

/// How many values a facet shows before "more".
const SHORT_LIST: usize = 8;

/// A facet's heading; the entity cards name their kind the same way.
pub fn title(facet: Facet, t: &Texts) -> &'static str {
    match facet {
        Facet::Province | Facet::Province2025 => t.facet_province,
        Facet::Year => t.facet_year,
        Facet::Kind => t.facet_kind,
        Facet::Source => t.facet_source,
        Facet::Person => t.facet_person,
        Facet::Document => t.facet_document,
        Facet::Level => t.facet_level,
    }
}

#[component]
pub fn FacetPanel() -> impl IntoView {
    let panels = expect_context::<Archive>().panels;
    let t = use_texts();
    let link = move |edit: fn(&mut SearchRequest)| {
        panels.with(|s| {
            let mut req = s.request.clone();
            edit(&mut req);
            search_href(&s.query, &req)
        })
    };
    let toggle_2025 = move || link(|r| r.provinces_2025 = !r.provinces_2025);
    let toggle_sort = move || {
        link(|r| {
            r.facet_sort = match r.facet_sort {
                FacetSort::Count => FacetSort::Alpha,
                FacetSort::Alpha => FacetSort::Count,
            }
        })
    };
    let provinces_2025 = move || panels.with(|s| s.request.provinces_2025);
    let order = [
        Facet::Province,
        Facet::Year,
        Facet::Kind,
        Facet::Level,
        Facet::Person,
        Facet::Document,
        Facet::Source,
    ];
    let groups = order
        .into_iter()
        .map(|facet| {
            let shown = move || {
                if facet == Facet::Province && provinces_2025() {
                    Facet::Province2025
                } else {
                    facet
                }
            };
            view! { <FacetGroup facet=Signal::derive(shown) /> }
        })
        .collect_view();
    view! {
        <nav
            class="facets"
            aria-label=move || t().filters_label
            aria-busy=move || panels.behind().then_some("true")
            on:pointerdown=move |_| panels.catch_up()
            on:focusin=move |_| panels.catch_up()
        >
            <p class="facet-tools">
                <a href=toggle_sort class="small">
                    {move || match panels.with(|s| s.request.facet_sort) {
                        FacetSort::Count => t().facet_sort_alpha,
                        FacetSort::Alpha => t().facet_sort_count,
                    }}
                </a>
                <a href=toggle_2025 class="small" id="toggle-2025">
                    {move || {
                        if provinces_2025() {
                            t().provinces_before_2025
                        } else {
                            t().provinces_after_2025
                        }
                    }}
                </a>
            </p>
            <DateFilter />
            {groups}
        </nav>
    }
}

#[component]
fn FacetGroup(facet: Signal<Facet>) -> impl IntoView {
    let panels = expect_context::<Archive>().panels;
    let expanded = RwSignal::new(false);
    let (lang, t) = (use_lang(), use_texts());
    // Only the values on screen are ordered and named: a person or document facet can hold
    // thousands, and this runs on every keystroke.
    let counts = Memo::new(move |_| {
        let limit = if expanded.get() {
            usize::MAX
        } else {
            SHORT_LIST
        };
        let facet = facet.get();
        panels.with(|s| {
            (
                s.results.facet_top(facet, limit),
                s.results.facet_len(facet),
            )
        })
    });
    // Rows are keyed by position and updated in place (label, count, link): a keystroke
    // changes nearly every count, and rebuilding the rows cost more than the search.
    let rows = move || 0..counts.with(|(c, _)| c.values.len());
    let row = move |i: usize| {
        let value = Memo::new(move |_| counts.with(|(c, _)| c.values.get(i).cloned()));
        let selected = move || value.with(|v| v.as_ref().is_some_and(|v| v.selected));
        let text = move |part: fn(&FacetValue) -> String| {
            move || value.with(|v| v.as_ref().map(part).unwrap_or_default())
        };
        // Tracked: the links must follow the search even when the counts stay the same.
        let href = move || {
            let facet = counts.with(|(c, _)| c.facet);
            value.with(|v| {
                // Read in place: cloning the query map for each row showed in profiles.
                v.as_ref().map(|v| {
                    panels.with(|s| {
                        search_href(&s.query, &toggle_filter(&s.request, facet, &v.value))
                    })
                })
            })
        };
        let group = move || value.with(|v| v.as_ref().and_then(|v| v.group.clone()));
        view! {
            <li>
                <a
                    class="facet-value"
                    class:selected=selected
                    aria-current=move || selected().then_some("true")
                    href=href
                >
                    <span class="facet-label">
                        {move || {
                            let facet = counts.with(|(c, _)| c.facet);
                            value.with(|v| v.as_ref().map(|v| facet.label_in(&v.value, lang.get())))
                        }}
                    </span>
                    {move || selected().then(|| view! { <span class="visually-hidden">{t().selected_hint}</span> })}
                    {move || group().map(|g| view! { <span class="facet-group">{g}</span> })}
                    <span class="facet-count">{text(|v| v.count.to_string())}</span>
                </a>
            </li>
        }
    };
    let more = move || {
        let hidden = counts.with(|(_, total)| total.saturating_sub(SHORT_LIST));
        (hidden > 0).then(|| {
            view! {
                <button class="more" type="button" on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || t().more_or_fewer(expanded.get(), hidden)}
                </button>
            }
        })
    };
    view! {
        <Show when=move || counts.with(|(_, total)| *total > 0)>
            <section class="facet" data-facet=move || facet_key(facet.get())>
                <h2>{move || title(facet.get(), t())}</h2>
                <ul>
                    <For each=rows key=|i| *i children=row />
                </ul>
                {more}
            </section>
        </Show>
    }
}
