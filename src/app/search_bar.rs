//! The search box with its options. Typing replaces the URL (one history entry per search, not
//! per keystroke); the options push, so back undoes them.

use leptos::prelude::*;

use hoinghi::search::{SearchRequest, Sort};

use super::context::Archive;
use super::lang::use_texts;
use super::location::{use_navigate, NavigateOptions};
use super::url::search_href;

#[component]
pub fn SearchBar() -> impl IntoView {
    let archive = expect_context::<Archive>();
    let (query, request) = (archive.query, archive.request);
    let navigate = use_navigate();
    let go = move |req: SearchRequest, replace: bool| {
        navigate(
            &search_href(&query.get_untracked(), &req),
            NavigateOptions {
                replace,
                scroll: false,
            },
        );
    };
    let on_input = {
        let go = go.clone();
        move |ev| {
            let mut req = request.get_untracked();
            req.query = event_target_value(&ev);
            go(req, true);
        }
    };
    let on_exact = {
        let go = go.clone();
        move |ev| {
            let mut req = request.get_untracked();
            req.exact = event_target_checked(&ev);
            go(req, false);
        }
    };
    let on_sort = move |ev| {
        let mut req = request.get_untracked();
        req.sort = match event_target_value(&ev).as_str() {
            "moi" => Sort::Newest,
            "cu" => Sort::Oldest,
            "hoinghi" => Sort::ConferenceDate,
            _ => Sort::Relevance,
        };
        go(req, false);
    };
    let sort_is = move |s: Sort| request.with(|r| r.sort == s);
    let t = use_texts();
    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label class="visually-hidden" for="q">{move || t().search_label}</label>
            <input
                id="q"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=move || t().search_placeholder
                prop:value=move || request.with(|r| r.query.clone())
                on:input=on_input
            />
            <label class="option">
                <input
                    type="checkbox"
                    id="exact"
                    prop:checked=move || request.with(|r| r.exact)
                    on:change=on_exact
                />
                " "
                {move || t().exact}
            </label>
            <label class="option">
                <span class="visually-hidden">{move || t().sort_label}</span>
                <select id="sort" on:change=on_sort>
                    <option value="" prop:selected=move || sort_is(Sort::Relevance)>
                        {move || t().sort_relevance}
                    </option>
                    <option value="moi" prop:selected=move || sort_is(Sort::Newest)>
                        {move || t().sort_newest}
                    </option>
                    <option value="cu" prop:selected=move || sort_is(Sort::Oldest)>
                        {move || t().sort_oldest}
                    </option>
                    <option value="hoinghi" prop:selected=move || sort_is(Sort::ConferenceDate)>
                        {move || t().sort_conference}
                    </option>
                </select>
            </label>
        </form>
    }
}
