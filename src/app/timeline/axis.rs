//! The time axis: tick labels in the language of the interface, the unit adapting to the zoom
//! (years, quarters, months, days; the core picks it). Ticks are keyed by day, so panning moves
//! the labels that stay instead of rebuilding them.
//!
//! The axis is HTML, each tick placed by its `left` in a contained box: measured on the bench,
//! the earlier SVG axis cost 3–4 ms of every pan or zoom frame in layout, paint and the hover
//! hit test that layout sets off, since Chromium lays out SVG text again when it moves. A CSS
//! transform per tick avoided that layout but made each tick a layer of its own; painting and
//! layering those cost more than laying out the contained box again (about 0.5 ms a frame, on a
//! noisy machine).

use leptos::prelude::*;

use hoinghi::timeline::ticks::{Axis, Tick};

use super::{Tl, AXIS_H, LABEL_W};

/// One row of the axis: the ticks, or the month names above them.
type Row = fn(&Axis) -> &[Tick];

#[component]
pub fn AxisView(tl: Tl) -> impl IntoView {
    let keyed = move |row: Row| {
        move || {
            tl.ticks.with(|a| {
                row(a)
                    .iter()
                    .map(|t| (t.day, t.label.clone()))
                    .collect::<Vec<_>>()
            })
        }
    };
    // Its x in the view's axis (the month row holds its first name at the left edge, so that
    // is not always the day's own x).
    let place = move |row: Row, day: i32| {
        move || {
            let x = tl
                .ticks
                .with(|a| row(a).iter().find(|t| t.day == day).map_or(0.0, |t| t.x));
            format!("{:.1}px", LABEL_W + x)
        }
    };
    let ticks: Row = |a| &a.ticks;
    let months: Row = |a| &a.context;
    view! {
        <div class="tl-axis" style:height=format!("{AXIS_H}px") aria-hidden="true">
            <For
                each=keyed(ticks)
                key=|t| t.clone()
                children=move |(day, label)| view! {
                    <div class="tl-tick" style:left=place(ticks, day)>
                        <span class="tl-tick-label">{label}</span>
                    </div>
                }
            />
            <For
                each=keyed(months)
                key=|t| t.clone()
                children=move |(day, label)| view! {
                    <span class="tl-context" style:left=place(months, day)>{label}</span>
                }
            />
        </div>
    }
}
