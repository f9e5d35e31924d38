//! The time axis: tick labels in the language of the interface, the unit adapting to the zoom
//! (years, quarters, months, days; the core picks it). Ticks are keyed by day, so panning moves
//! the labels that stay instead of rebuilding them.

use leptos::prelude::*;

use super::{Tl, AXIS_H, LABEL_W};

#[component]
pub fn AxisView(tl: Tl) -> impl IntoView {
    let ticks = move || {
        tl.ticks.with(|a| {
            a.ticks
                .iter()
                .map(|t| (t.day, t.label.clone()))
                .collect::<Vec<_>>()
        })
    };
    let tick = move |(day, label): (i32, String)| {
        let x = move || LABEL_W + tl.scale.with(|s| s.x(day as f64));
        view! {
            <g class="tl-tick">
                <line x1=x x2=x y1=AXIS_H - 8.0 y2=AXIS_H />
                <text x=move || x() + 3.0 y=AXIS_H - 12.0>{label}</text>
            </g>
        }
    };
    let context = move || {
        tl.ticks.with(|a| {
            a.context
                .iter()
                .map(|t| {
                    view! {
                        <text class="tl-context" x=LABEL_W + t.x + 3.0 y="14">{t.label.clone()}</text>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <svg class="tl-axis" height=AXIS_H aria-hidden="true">
            <For each=ticks key=|t| t.clone() children=tick />
            {context}
        </svg>
    }
}
