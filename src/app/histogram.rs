//! The published-date filter: two date fields and a small histogram of matching articles per
//! month (counted without the date range itself, so it shows where else there is material).
//! Clicking a month's bar narrows to that month.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use hoinghi::calendar::days_in_month;
use hoinghi::search::SearchRequest;

use super::context::Archive;
use super::url::search_href;

const WIDTH: f64 = 240.0;
const HEIGHT: f64 = 48.0;

#[component]
pub fn DateFilter() -> impl IntoView {
    let archive = expect_context::<Archive>();
    let (query, request, results) = (archive.query, archive.request, archive.results);
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
        move |from: bool, label: &'static str, id: &'static str| {
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
                    {label}
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
    let bars = move || {
        let months = results.with(|r| r.histogram.clone());
        let top = months.iter().map(|m| m.count).max().unwrap_or(0).max(1) as f64;
        let step = WIDTH / months.len().max(1) as f64;
        let (from, to) = request.with(|r| (r.date_from.clone(), r.date_to.clone()));
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
                        <title>{format!("{:02}/{}: {} bài", m.month, m.year, m.count)}</title>
                    </rect>
                }
            })
            .collect_view()
    };
    let clear =
        move || {
            request.with(|r| r.date_from.is_some() || r.date_to.is_some()).then(|| {
            let mut req = request.get();
            req.date_from = None;
            req.date_to = None;
            view! { <a class="small" href=search_href(&query.get(), &req)>"Bỏ lọc ngày"</a> }
        })
        };
    view! {
        <section class="facet dates">
            <h2>"Ngày đăng"</h2>
            <svg
                class="histogram"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                preserveAspectRatio="none"
                role="img"
                aria-label="Số bài theo tháng · Articles per month"
            >
                {bars}
            </svg>
            <div class="date-range">
                {bound_input(true, "Từ ", "date-from")}
                {bound_input(false, "đến ", "date-to")}
            </div>
            {clear}
        </section>
    }
}
