//! The overview (`?view=tongquan`): the current search's articles at a glance, beside the
//! facets like the timeline. A heat map of articles per province and year (a real table: each
//! cell says its province, year and counts, and links to the search narrowed to them), the most
//! cited documents and the busiest months as bars that link to their narrowed search.
//!
//! Computed in one memo from the results, one pass over them ([`hoinghi::entities::overview`]).

use std::sync::Arc;

use leptos::prelude::*;

use hoinghi::bundle::DatePrecision;
use hoinghi::display::{date_at, Lang};
use hoinghi::entities::{heat_level, overview, Counts};
use hoinghi::i18n;
use hoinghi::search::{Facet, SearchRequest};
use hoinghi::view_state::{narrow_to, narrow_to_month};

use super::context::Archive;
use super::lang::use_lang;
use super::url::{href, search_href};

/// How many documents and months the bar lists show.
const TOP: usize = 12;
/// Shades of the heat map besides empty; `.heat-N` in style/main.css.
const LEVELS: usize = 5;

/// Every user-visible string of this page, per language.
struct Text {
    list_link: &'static str,
    heading: &'static str,
    totals: fn(usize, usize) -> String,
    heat_heading: &'static str,
    heat_caption: &'static str,
    heat_region: &'static str,
    province: &'static str,
    total: &'static str,
    undated: &'static str,
    cell: fn(&str, i32, Counts) -> String,
    undated_cell: fn(&str, Counts) -> String,
    row_total: fn(&str, Counts) -> String,
    fewer: &'static str,
    more: &'static str,
    unplaced: fn(usize) -> String,
    documents_heading: &'static str,
    cited_in: fn(usize) -> String,
    months_heading: &'static str,
    month_counts: fn(Counts) -> String,
    none: &'static str,
}

const VI: Text = Text {
    list_link: "Danh sách",
    heading: "Tổng quan",
    totals: |a, c| format!("{} bài viết, {} hội nghị trong kết quả hiện tại.", i18n::VI.number(a), i18n::VI.number(c)),
    heat_heading: "Bài viết theo tỉnh và năm",
    heat_caption: "Số bài viết theo tỉnh, thành (hàng) và năm đăng (cột); ô càng đậm càng nhiều bài. Bấm một ô hoặc một tổng để xem các bài đó.",
    heat_region: "Bảng số bài theo tỉnh và năm",
    province: "Tỉnh, thành",
    total: "Tổng",
    undated: "Không rõ năm",
    cell: |p, y, n| format!("{p}, năm {y}: {}", counts_in(&i18n::VI, n)),
    undated_cell: |p, n| format!("{p}, không rõ năm: {}", counts_in(&i18n::VI, n)),
    row_total: |p, n| format!("{p}, mọi năm: {}", counts_in(&i18n::VI, n)),
    fewer: "Ít",
    more: "Nhiều",
    unplaced: |n| format!("{} bài không rõ tỉnh, thành nên không có trong bảng.", i18n::VI.number(n)),
    documents_heading: "Văn bản được dẫn nhiều nhất",
    cited_in: |n| i18n::VI.articles(n),
    months_heading: "Tháng nhiều bài nhất",
    month_counts: |n| format!("{} bài · {} hội nghị", i18n::VI.number(n.articles), i18n::VI.number(n.conferences)),
    none: "Không có.",
};

const EN: Text = Text {
    list_link: "List",
    heading: "Overview",
    totals: |a, c| format!("{}, {} in the current results.", i18n::EN.articles(a), i18n::EN.conferences(c)),
    heat_heading: "Articles by province and year",
    heat_caption: "Articles per province (rows) and year of publication (columns); darker cells have more. Click a cell or a total to see those articles.",
    heat_region: "Table of articles by province and year",
    province: "Province",
    total: "Total",
    undated: "Year unknown",
    cell: |p, y, n| format!("{p}, {y}: {}", counts_in(&i18n::EN, n)),
    undated_cell: |p, n| format!("{p}, year unknown: {}", counts_in(&i18n::EN, n)),
    row_total: |p, n| format!("{p}, all years: {}", counts_in(&i18n::EN, n)),
    fewer: "Fewer",
    more: "More",
    unplaced: |n| format!("{} with no known province are not in the table.", i18n::EN.articles(n)),
    documents_heading: "Most cited documents",
    cited_in: |n| i18n::EN.articles(n),
    months_heading: "Busiest months",
    month_counts: |n| format!("{} · {}", i18n::EN.articles(n.articles), i18n::EN.conferences(n.conferences)),
    none: "None.",
};

/// `3 bài, 1 hội nghị` / `3 articles, 1 conference`.
fn counts_in(t: &i18n::Texts, n: Counts) -> String {
    format!(
        "{}, {}",
        t.articles(n.articles),
        t.conferences(n.conferences)
    )
}

fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// The header's way to this page, and back to the list from here or the reading list (the
/// list/timeline switch beside it only goes between those two).
#[component]
pub fn OverviewLink() -> impl IntoView {
    let query = expect_context::<Archive>().query;
    let lang = use_lang();
    let t = move || text(lang.get());
    let view_is = move |name: &str| query.with(|q| q.get("view").as_deref() == Some(name));
    let elsewhere = move || view_is("tongquan") || view_is("danhsachdoc");
    view! {
        <Show when=elsewhere>
            <a class="view-link list-link" href=move || href(&query.get(), &[("view", None), ("a", None)])>
                {move || t().list_link}
            </a>
        </Show>
        <a
            class="view-link overview-link"
            href=move || href(&query.get(), &[("view", Some("tongquan")), ("a", None)])
            aria-current=move || view_is("tongquan").then_some("page")
        >
            {move || t().heading}
        </a>
    }
}

#[component]
pub fn OverviewPage() -> impl IntoView {
    let archive = expect_context::<Archive>();
    let (query, request, results) = (archive.query, archive.request, archive.results);
    let loaded = archive.loaded.clone();
    let summary = Memo::new(move |_| {
        let after_2025 = request.with(|r| r.provinces_2025);
        let articles = &loaded.bundle.articles;
        results.with(|r| {
            Arc::new(overview(
                r.ids().iter().map(|&i| &articles[i as usize]),
                after_2025,
                TOP,
            ))
        })
    });
    // Links open the list (not this page) narrowed to what was clicked.
    let link = move |narrow: &dyn Fn(&SearchRequest) -> SearchRequest| {
        let mut list = query.get();
        list.remove("view");
        search_href(&list, &request.with(narrow))
    };
    let lang = use_lang();
    let t = move || text(lang.get());

    let heat = move || {
        let t = t();
        let o = summary.get();
        if o.heat.is_empty() {
            return view! { <p class="empty">{t.none}</p> }.into_any();
        }
        let facet = if request.with(|r| r.provinces_2025) {
            Facet::Province2025
        } else {
            Facet::Province
        };
        let head = o
            .years
            .iter()
            .map(|y| view! { <th scope="col">{*y}</th> })
            .collect_view();
        let max = o.max_articles;
        let rows = o
            .heat
            .iter()
            .map(|row| {
                let province = row.province.as_str();
                let cells = row
                    .years
                    .iter()
                    .zip(&o.years)
                    .map(|(n, &year)| {
                        if n.articles == 0 {
                            return empty_cell().into_any();
                        }
                        let href = link(&|r| {
                            narrow_to(&narrow_to(r, facet, province), Facet::Year, &year.to_string())
                        });
                        let label = (t.cell)(province, year, *n);
                        view! {
                            <td class=format!("heat-cell heat-{}", heat_level(n.articles, max, LEVELS))>
                                <a href=href title=label.clone() aria-label=label>{n.articles}</a>
                            </td>
                        }
                        .into_any()
                    })
                    .collect_view();
                // No filter selects "no year", so these are counted but not linked.
                let undated = o.any_undated.then(|| {
                    let n = row.undated;
                    if n.articles == 0 {
                        return empty_cell().into_any();
                    }
                    let label = (t.undated_cell)(province, n);
                    view! {
                        <td class=format!("heat-cell heat-{}", heat_level(n.articles, max, LEVELS))>
                            <span class="heat-count" title=label.clone() aria-hidden="true">
                                {n.articles}
                            </span>
                            <span class="visually-hidden">{label}</span>
                        </td>
                    }
                    .into_any()
                });
                let total_href = link(&|r| narrow_to(r, facet, province));
                let total_label = (t.row_total)(province, row.total);
                view! {
                    <tr>
                        <th scope="row">{province.to_string()}</th>
                        {cells}
                        {undated}
                        <td class="heat-total">
                            <a href=total_href title=total_label.clone() aria-label=total_label>
                                {row.total.articles}
                            </a>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let unplaced = (o.unplaced > 0)
            .then(|| view! { <p class="muted small">{(t.unplaced)(o.unplaced)}</p> });
        view! {
            <div class="heat-scroll" tabindex="0" role="region" aria-label=t.heat_region>
                <table class="heat">
                    <caption class="muted small">{t.heat_caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.province}</th>
                            {head}
                            {o.any_undated.then(|| view! { <th scope="col">{t.undated}</th> })}
                            <th scope="col">{t.total}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="heat-legend muted small" aria-hidden="true">
                {t.fewer}
                {(1..=LEVELS)
                    .map(|l| view! { <span class=format!("heat-key heat-{l}")></span> })
                    .collect_view()}
                {t.more}
            </p>
            {unplaced}
        }
        .into_any()
    };

    let documents = move || {
        let t = t();
        let o = summary.get();
        let top = o.top_documents.first().map_or(1, |d| d.1);
        let items = o
            .top_documents
            .iter()
            .map(|(number, n)| {
                let href = link(&|r| narrow_to(r, Facet::Document, number));
                view! { <Bar href label=number.clone() count=(t.cited_in)(*n) share=*n as f64 / top as f64 /> }
            })
            .collect_view();
        bar_list(items, o.top_documents.is_empty(), t)
    };

    let months = move || {
        let (lang, t) = (lang.get(), t());
        let o = summary.get();
        let top = o.busiest_months.first().map_or(1, |m| m.1.articles);
        let items = o
            .busiest_months
            .iter()
            .map(|(month, n)| {
                let href = link(&|r| narrow_to_month(r, month));
                let share = n.articles as f64 / top as f64;
                view! { <Bar href label=date_at(month, DatePrecision::Month, lang) count=(t.month_counts)(*n) share /> }
            })
            .collect_view();
        bar_list(items, o.busiest_months.is_empty(), t)
    };

    view! {
        <section class="overview" aria-labelledby="overview-heading">
            <h1 id="overview-heading">{move || t().heading}</h1>
            <p class="muted ov-totals" role="status">
                {move || summary.with(|o| (t().totals)(o.totals.articles, o.totals.conferences))}
            </p>
            <section class="ov-heat" aria-labelledby="heat-heading">
                <h2 id="heat-heading">{move || t().heat_heading}</h2>
                {heat}
            </section>
            <div class="ov-bars">
                <section aria-labelledby="docs-heading">
                    <h2 id="docs-heading">{move || t().documents_heading}</h2>
                    {documents}
                </section>
                <section aria-labelledby="months-heading">
                    <h2 id="months-heading">{move || t().months_heading}</h2>
                    {months}
                </section>
            </div>
        </section>
    }
}

fn empty_cell() -> impl IntoView {
    view! {
        <td class="heat-cell heat-0">
            <span class="visually-hidden">"0"</span>
        </td>
    }
}

fn bar_list(items: impl IntoView + 'static, empty: bool, t: &'static Text) -> AnyView {
    if empty {
        view! { <p class="empty">{t.none}</p> }.into_any()
    } else {
        view! { <ol class="bar-list">{items}</ol> }.into_any()
    }
}

/// One bar: a link whose text says what and how many, the bar drawn to `share` of the widest.
#[component]
fn Bar(href: String, label: String, count: String, share: f64) -> impl IntoView {
    view! {
        <li>
            <a class="bar-item" href=href>
                <span class="bar-label">{label}</span>
                <span class="bar-track" aria-hidden="true">
                    <span class="bar" style:width=format!("{:.1}%", share * 100.0)></span>
                </span>
                <span class="bar-count">{count}</span>
            </a>
        </li>
    }
}
