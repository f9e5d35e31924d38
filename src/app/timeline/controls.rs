//! The timeline's toolbar: lanes and their order, zoom, "everything", the brush, the
//! conference-date filter in force and what is shown.

use leptos::prelude::*;

use hoinghi::timeline::{LaneBy, LaneOrder};

use super::state::Tl;
use super::strings::strings;
use super::ZOOM_STEP;
use crate::app::context::Archive;
use crate::app::url::href;

#[component]
pub fn Toolbar(tl: Tl) -> impl IntoView {
    let Tl {
        query,
        lang,
        model,
        lane_by,
        lane_order,
        ..
    } = tl;
    let request = expect_context::<Archive>().request;
    let set_param = move |key: &'static str, value: String, default: &'static str| {
        let value = (value != default).then_some(value);
        tl.navigate(
            &href(&query.get_untracked(), &[(key, value.as_deref())]),
            true,
        );
    };
    let t = move || strings(lang.get());
    let held_chip = move || {
        request.with(|r| {
            let (from, to) = (r.held_from.clone()?, r.held_to.clone()?);
            let clear = href(&query.get(), &[("hop_tu", None), ("hop_den", None)]);
            Some(view! {
                <span class="tl-held">
                    {format!("{}: {from} – {to}", t().held)}
                    " "
                    <a href=clear class="tl-held-clear" aria-label=t().held_clear title=t().held_clear>"✕"</a>
                </span>
            })
        })
    };
    let summary = move || {
        model.with(|m| {
            let t = t();
            let mut text = format!(
                "{} {} · {} {}",
                m.0.total(),
                t.conferences,
                m.0.lanes.len(),
                t.lanes
            );
            if m.0.undated > 0 {
                text.push_str(&format!(" · {} {}", m.0.undated, t.undated));
            }
            text
        })
    };

    view! {
    <div class="tl-toolbar">
        <label>
            {move || t().lanes_by}
            " "
            <select
                id="tl-lanes"
                on:change=move |ev| set_param("lan", event_target_value(&ev), LaneBy::default().code())
                prop:value=move || lane_by.get().code()
            >
                {LaneBy::ALL
                    .into_iter()
                    .map(|b| view! { <option value=b.code()>{move || t().lane_by(b)}</option> })
                    .collect_view()}
            </select>
        </label>
        <label>
            {move || t().order}
            " "
            <select
                id="tl-order"
                on:change=move |ev| set_param("xeplan", event_target_value(&ev), LaneOrder::default().code())
                prop:value=move || lane_order.get().code()
            >
                <option value="az">{move || t().order_alpha}</option>
                <option value="nhieu">{move || t().order_activity}</option>
            </select>
        </label>
        <span class="tl-buttons" role="group" aria-label=move || t().zoom>
            <button class="tl-zoom-out" title=move || t().zoom_out_title aria-label=move || t().zoom_out on:click=move |_| tl.zoom_by(1.0 / ZOOM_STEP, None)>"−"</button>
            <button class="tl-zoom-in" title=move || t().zoom_in_title aria-label=move || t().zoom_in on:click=move |_| tl.zoom_by(ZOOM_STEP, None)>"+"</button>
            <button class="tl-fit" title=move || t().fit_title on:click=move |_| tl.fit_all()>{move || t().fit}</button>
            <button
                class="tl-brush-mode"
                title=move || t().brush_title
                aria-pressed=move || tl.brush_mode.get().to_string()
                on:click=move |_| tl.brush_mode.update(|b| *b = !*b)
            >
                {move || t().brush}
            </button>
        </span>
        {held_chip}
        <span class="tl-summary muted" role="status">{summary}</span>
    </div>
    }
}
