//! The conference timeline (`?view=timeline`): one mark per conference of the current search, in
//! swimlanes, zoomable from decades to days, with the reviewed period behind each mark.
//!
//! Why canvas for the marks, with a DOM layer beside it: measured on 50,000 conferences, the
//! earlier all-SVG timeline spent 60–110 ms per pan or zoom step restyling and replacing a few
//! hundred to a thousand SVG elements; the same frame painted on a canvas is a few hundred draw
//! calls. What needs to be an element still is one: each glyph in view has a transparent,
//! focusable link or button over its mark ([`marks`]), in time order, with an accessible name,
//! so keyboard and screen-reader use, hit targets and tests work as with SVG. That layer is
//! rebuilt when a gesture pauses rather than every frame (it is invisible, so lagging costs
//! nothing on screen), and at once when keyboard focus moves. Axis labels, lane names, the card
//! and the brush are ordinary elements, a few dozen at most.
//!
//! Files: [`state`] the page's state and what it does, [`model`] the search's model and the
//! bundle's table, kept between visits, [`levels`] clusterings kept per zoom level, [`controls`]
//! the toolbar, [`axis`] ticks, [`lanes`] lane names, [`canvas`] the painting with [`sprites`],
//! [`marks`] the accessible layer, shapes and legend, [`card`] the hover card, [`gestures`]
//! pointer, wheel and keys, [`strings`] every word in Vietnamese and English. This file puts
//! them on the page and paints the canvas.
//!
//! URL parameters read here: `view=timeline`, `lan=tinh|vung|loai|cap|nguon` (lanes by province,
//! region, kind, level or source; province when absent), `xeplan=az|nhieu` (lane order: A–Z or
//! busiest first), `tl=FROM~TO` (the window shown, see [`hoinghi::timeline::scale::window_param`];
//! everything when absent). A brushed range sets `hop_tu`/`hop_den`, the conference-date filter
//! of the search.

mod axis;
mod canvas;
mod card;
mod controls;
mod gestures;
mod lanes;
mod levels;
mod marks;
mod model;
mod sprites;
mod state;
mod strings;

use leptos::html::Canvas as CanvasEl;
use leptos::prelude::*;

use hoinghi::display::Lang;
use hoinghi::timeline::scale::iso_day;

use super::context::Archive;
use super::lang::use_lang;
use super::location::use_navigate;
use canvas::{Frame, Painter};
use controls::Toolbar;
use marks::Legend;
pub use model::warm;
use state::{glyph_ref, FocusWish, GlyphRef, Tl};
use strings::strings;

/// Width of the lane-name column, px.
pub(super) const LABEL_W: f64 = 168.0;
pub(super) const LANE_H: f64 = 32.0;
pub(super) const AXIS_H: f64 = 46.0;
/// Zoom factor of one `+`/`-` press or button click.
const ZOOM_STEP: f64 = 1.6;
/// How long a gesture must pause before the accessible layer is rebuilt, ms.
const SYNC_PAUSE_MS: u64 = 120;
/// How long the view must rest before it is written to the URL (one history entry per
/// gesture, not per frame), ms.
const URL_PAUSE_MS: u64 = 400;

/// The interface language, as the header's switch sets it.
fn interface_lang() -> Signal<Lang> {
    use_lang().into()
}

#[component]
pub fn TimelinePage() -> impl IntoView {
    let archive = expect_context::<Archive>();
    let lang = interface_lang();
    let tl = Tl::new(&archive, lang, Box::new(use_navigate()));
    let Tl {
        model,
        scale,
        width,
        lanes_height,
        scroll_top,
        lane_range,
        glyphs,
        ticks,
        ..
    } = tl;
    // The canvas repaints on every change of what it shows.
    let canvas_ref = NodeRef::<CanvasEl>::new();
    let painter = StoredValue::new_local(None::<Painter>);
    Effect::new(move |_| {
        let Some(el) = canvas_ref.get() else { return };
        if painter.with_value(Option::is_none) {
            painter.set_value(Painter::new(el.clone().into()));
            // Marks the first paint, for the benchmark's "first draw".
            let _ = el.set_attribute("data-painted", "");
        }
        let (s, w, h, top, lanes) = (
            scale.get(),
            width.get(),
            lanes_height.get(),
            scroll_top.get(),
            lane_range.get(),
        );
        let rings = [tl.hovered.get(), tl.focused.get()];
        painter.with_value(|p| {
            let Some(p) = p else { return };
            glyphs.with(|gs| {
                ticks.with(|t| {
                    let grid: Vec<f64> = t.ticks.iter().map(|t| t.x).collect();
                    p.paint(&Frame {
                        glyphs: gs,
                        scale: s,
                        width: w + LABEL_W,
                        height: h,
                        scroll_top: top,
                        lanes,
                        grid: &grid,
                        rings,
                    })
                })
            })
        });
    });

    let empty = move || model.with(|m| m.0.lanes.is_empty());
    let sizer_height = move || model.with(|m| format!("{}px", m.0.lanes.len() as f64 * LANE_H));
    let t = move || strings(lang.get());
    let pointer = gestures::Pointer::new();

    view! {
        <section class="timeline" aria-label=move || t().region>
            <Toolbar tl />
            <Legend tl />
            <Show when=empty>
                <p class="empty">{move || t().empty}</p>
            </Show>
            <div
                class="tl-plot"
                class:brushing=move || tl.brush_mode.get()
                node_ref=tl.plot
                on:wheel=gestures::wheel(tl)
                on:keydown=gestures::keydown(tl)
                on:focusin=move |ev| {
                    let g = marks::glyph_of(ev.target());
                    tl.focused.set(g);
                    tl.hovered.set(g);
                }
                on:focusout=move |_| {
                    tl.focused.set(None);
                    tl.hovered.set(None);
                }
            >
                <axis::AxisView tl />
                <div class="tl-body">
                    <canvas
                        class="tl-canvas"
                        node_ref=canvas_ref
                        style:width=move || format!("{}px", width.get() + LABEL_W)
                        style:height=move || format!("{}px", lanes_height.get())
                        aria-hidden="true"
                    ></canvas>
                    <div
                        class="tl-lanes"
                        node_ref=tl.scroller
                        tabindex="0"
                        role="group"
                        aria-label=move || t().lanes_help
                        on:scroll=move |_| {
                            if let Some(el) = tl.scroller.get_untracked() {
                                scroll_top.set(el.scroll_top() as f64);
                            }
                        }
                        on:pointerdown=move |ev| pointer.down(tl, ev)
                        on:pointermove=move |ev| pointer.moved(tl, ev)
                        on:pointerup=move |ev| pointer.finish(tl, ev, true)
                        on:pointercancel=move |ev| pointer.finish(tl, ev, false)
                        on:pointerleave=move |_| tl.hovered.set(None)
                        on:click=gestures::click(tl)
                    >
                        <div class="tl-sizer" style:height=sizer_height>
                            <lanes::LaneNames tl />
                            <marks::MarkLayer tl />
                        </div>
                    </div>
                    {move || {
                        tl.brush.get().map(|(a, b)| {
                            let (left, right) = (a.min(b).max(0.0), a.max(b));
                            let s = scale.get();
                            let text = format!(
                                "{} – {}",
                                iso_day(s.day(left).floor() as i32),
                                iso_day(s.day(right).floor() as i32)
                            );
                            view! {
                                <div
                                    class="tl-brush"
                                    style:left=format!("{:.1}px", LABEL_W + left)
                                    style:width=format!("{:.1}px", right - left)
                                >
                                    <span>{text}</span>
                                </div>
                            }
                        })
                    }}
                </div>
                <card::Card tl />
            </div>
            <p class="tl-help muted small">{move || t().help}</p>
        </section>
    }
}
