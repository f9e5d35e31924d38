//! The lane names down the left, for the lanes scrolled into view only: a province archive has
//! 63 lanes, and each name is an element.

use leptos::prelude::*;

use hoinghi::display::clip;

use super::{Tl, LANE_H};

/// Lane names longer than this many characters are cut with an ellipsis (the full name is in
/// the title).
const NAME_CHARS: usize = 20;

#[component]
pub fn LaneNames(tl: Tl) -> impl IntoView {
    let rows = move || {
        let generation = tl.generation.get();
        let range = tl.lane_range.get();
        tl.model.with(|m| {
            range
                .map(|li| {
                    let lane = &m.0.lanes[li];
                    (generation, li, lane.label.clone(), lane.items.len())
                })
                .collect::<Vec<_>>()
        })
    };
    let row = |(_, li, label, count): (u32, usize, String, usize)| {
        view! {
            <div class="tl-lane-name" style:top=format!("{}px", li as f64 * LANE_H) title=label.clone()>
                <span class="tl-lane-label">{clip(&label, NAME_CHARS, "…")}</span>
                <span class="tl-lane-count">{count}</span>
            </div>
        }
    };
    view! { <For each=rows key=|r| (r.0, r.1) children=row /> }
}
