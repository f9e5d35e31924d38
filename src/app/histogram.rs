//! The published-date filter: two date fields and a small histogram of matching articles per
//! month (counted without the date range itself, so it shows where else there is material).
//! Clicking a month's bar narrows to that month.

use leptos::prelude::*;

use hoinghi::calendar::days_in_month;
use hoinghi::search::SearchRequest;

use super::context::Archive;
use super::lang::use_texts;
use super::location::{use_navigate, NavigateOptions};
use super::url::search_href;

const WIDTH: f64 = 240.0;
const HEIGHT: f64 = 48.0;

#[component]
pub fn DateFilter() -> impl IntoView {
    let archive = expect_context::<Archive>();
    let (query, request) = (archive.query, archive.request);
    let t = use_texts();
    let navigate = use_navigate();
    let go = move |req: SearchRequest| {
        navigate(
            &search_href(&query.get_untracked(), &req),
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        )
    };
    // One date field per end of the range; `from` picks which end it reads and writes.
    let bound_input = {
        let go = go.clone();
        move |from: bool, id: &'static str| {
            let go = go.clone();
            let end = move |r: &SearchRequest| {
                if from {
                    r.date_from.clone()
                } else {
                    r.date_to.clone()
                }
            };
            let on_change = move |ev| {
                let mut req = request.get_untracked();
                let value = Some(event_target_value(&ev)).filter(|v| !v.is_empty());
                if from {
                    req.date_from = value;
                } else {
                    req.date_to = value;
                }
                go(req);
            };
            view! {
                <label>
                    {move || if from { t().date_from } else { t().date_to }}
                    <input
                        type="date"
                        id=id
                        prop:value=move || request.with(|r| end(r).unwrap_or_default())
                        on:change=on_change
                    />
                </label>
            }
        }
    };
    // The bars are a side panel: they follow the search a frame behind (`super::panels`).
    let panels = archive.panels;
    let bars = move || {
        let months = panels.with(|s| s.results.histogram.clone());
        let top = months.iter().map(|m| m.count).max().unwrap_or(0).max(1) as f64;
        let step = WIDTH / months.len().max(1) as f64;
        let (from, to) = panels.with(|s| (s.request.date_from.clone(), s.request.date_to.clone()));
        months
            .into_iter()
            .enumerate()
            .map(|(i, m)| {
                let key = format!("{:04}-{:02}", m.year, m.month);
                let inside = from
                    .as_deref()
                    .is_none_or(|f| key.as_str() >= &f[..f.len().min(7)])
                    && to
                        .as_deref()
                        .is_none_or(|t| key.as_str() <= &t[..t.len().min(7)]);
                let h = (m.count as f64 / top * (HEIGHT - 2.0)).max(if m.count > 0 {
                    2.0
                } else {
                    0.0
                });
                let go = go.clone();
                let (first, last) = (
                    format!("{key}-01"),
                    format!("{key}-{:02}", days_in_month(m.year.into(), m.month.into())),
                );
                view! {
                    <rect
                        class:outside=!inside
                        x=format!("{:.2}", i as f64 * step)
                        y=format!("{:.2}", HEIGHT - h)
                        width=format!("{:.2}", (step - 1.0).max(1.0))
                        height=format!("{h:.2}")
                        on:click=move |_| {
                            let mut req = request.get_untracked();
                            req.date_from = Some(first.clone());
                            req.date_to = Some(last.clone());
                            go(req);
                        }
                    >
                        <title>{t().month_count(m.year.into(), m.month.into(), m.count as usize)}</title>
                    </rect>
                }
            })
            .collect_view()
    };
    let clear = move || {
        request.with(|r| r.date_from.is_some() || r.date_to.is_some()).then(|| {
            let mut req = request.get();
            req.date_from = None;
            req.date_to = None;
            view! { <a class="small" href=search_href(&query.get(), &req)>{t().clear_dates}</a> }
        })
    };
    // The timeline's brush narrows by conference date: said here too, so the list shows why.
    let held = move || {
        request.with(|r| {
            (r.held_from.is_some() || r.held_to.is_some()).then(|| {
                let text = format!(
                    "{}: {} – {}",
                    t().held_dates,
                    r.held_from.as_deref().unwrap_or("…"),
                    r.held_to.as_deref().unwrap_or("…")
                );
                let mut req = r.clone();
                req.held_from = None;
                req.held_to = None;
                view! {
                    <p class="small held-range">
                        {text}
                        " · "
                        <a href=search_href(&query.get(), &req)>{t().clear_held_dates}</a>
                    </p>
                }
            })
        })
    };
    view! {
        <section class="facet dates">
            <h2>{move || t().published_date}</h2>
            <svg
                class="histogram"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                preserveAspectRatio="none"
                role="img"
                aria-label=move || t().histogram_label
            >
                {bars}
            </svg>
            <div class="date-range">
                {bound_input(true, "date-from")}
                {bound_input(false, "date-to")}
            </div>
            {clear}
            {held}
        </section>
    }
}
