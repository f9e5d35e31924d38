//! Pointer, wheel and keyboard: drag pans (time sideways, lanes up and down), Shift+drag or the
//! brush button selects a range of conference dates, two fingers pinch-zoom, the wheel zooms
//! (sideways or with Shift it pans), a click or Enter opens a conference or zooms into a
//! cluster, `+`/`-`/`0` zoom, arrows pan or walk the marks in time order.
//!
//! Pointer hits are found on the laid-out glyphs ([`hoinghi::timeline::hit`]), not on the
//! accessible layer's elements, which lag during a gesture.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, MouseEvent, PointerEvent, WheelEvent};

use hoinghi::timeline::hit;
use hoinghi::timeline::scale::Scale;

use super::marks::glyph_of;
use super::{glyph_ref, FocusWish, GlyphRef, Tl, LABEL_W, LANE_H, ZOOM_STEP};

/// A pointer that moved less than this, px, clicked rather than dragged.
const CLICK_SLOP: f64 = 4.0;
/// Keyboard panning moves this share of the view (half with Shift).
const PAN_SHARE: f64 = 0.2;
/// How far from a mark's centre the pointer still hits it, px.
const HIT_REACH: f64 = 10.0;
/// Room kept between a mark the keyboard walks to and the view's edge, px.
const REVEAL_PAD: f64 = 48.0;

#[derive(Clone, Copy)]
struct Drag {
    x0: f64,
    y0: f64,
    scale0: Scale,
    scroll0: f64,
    brush: bool,
    moved: bool,
}

/// The element's top-left corner in the viewport. Called through JS reflection because the
/// bindings for `DOMRect` are not among the enabled web-sys features.
fn client_corner(el: &Element) -> (f64, f64) {
    let rect = js_sys::Reflect::get(el, &"getBoundingClientRect".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(el).ok());
    let read = |name: &str| {
        rect.as_ref()
            .and_then(|r| js_sys::Reflect::get(r, &name.into()).ok())
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    };
    (read("left"), read("top"))
}

/// x in the time area of a pointer's `client_x`.
fn time_x(tl: Tl, client_x: f64) -> f64 {
    tl.scroller
        .get_untracked()
        .map_or(0.0, |el| client_x - client_corner(&el).0 - LABEL_W)
}

/// The glyph drawn under a point of the viewport, if any.
fn glyph_at(tl: Tl, client_x: f64, client_y: f64) -> Option<GlyphRef> {
    let el = tl.scroller.get_untracked()?;
    let (left, top) = client_corner(&el);
    let x = client_x - left - LABEL_W;
    if x < 0.0 {
        return None;
    }
    let lane = ((client_y - top + tl.scroll_top.get_untracked()) / LANE_H).floor();
    if lane < 0.0 {
        return None;
    }
    let s = tl.scale.get_untracked();
    tl.glyphs.with_untracked(|gs| {
        hit(gs, lane as u32, s.day(x), s.px_per_day, HIT_REACH).map(|g| glyph_ref(&g))
    })
}

/// Distance between two touching pointers and their midpoint's x, when exactly two touch.
fn pinch_geometry(touches: &[(i32, f64, f64)]) -> Option<(f64, f64)> {
    match touches {
        [a, b] => Some(((a.1 - b.1).hypot(a.2 - b.2), (a.1 + b.1) / 2.0)),
        _ => None,
    }
}

/// What the pointer handlers of the lanes remember between events.
#[derive(Clone, Copy)]
pub struct Pointer {
    drag: StoredValue<Option<Drag>>,
    touches: StoredValue<Vec<(i32, f64, f64)>>,
}

impl Pointer {
    pub fn new() -> Pointer {
        Pointer {
            drag: StoredValue::new(None),
            touches: StoredValue::new(Vec::new()),
        }
    }

    pub fn down(self, tl: Tl, ev: PointerEvent) {
        let Pointer { drag, touches } = self;
        if ev.button() != 0 {
            return;
        }
        touches.update_value(|t| {
            t.push((ev.pointer_id(), ev.client_x() as f64, ev.client_y() as f64))
        });
        if touches.with_value(|t| t.len()) > 1 {
            drag.set_value(None);
            tl.brush.set(None);
            return;
        }
        drag.set_value(Some(Drag {
            x0: ev.client_x() as f64,
            y0: ev.client_y() as f64,
            scale0: tl.scale.get_untracked(),
            scroll0: tl.scroll_top.get_untracked(),
            brush: ev.shift_key() || tl.brush_mode.get_untracked(),
            moved: false,
        }));
    }

    pub fn moved(self, tl: Tl, ev: PointerEvent) {
        let Pointer { drag, touches } = self;
        let (id, cx, cy) = (ev.pointer_id(), ev.client_x() as f64, ev.client_y() as f64);
        let pinch = touches.try_update_value(|t| {
            let before = pinch_geometry(t);
            if let Some(p) = t.iter_mut().find(|p| p.0 == id) {
                (p.1, p.2) = (cx, cy);
            }
            before.zip(pinch_geometry(t))
        });
        if let Some(Some(((d0, _), (d1, mid)))) = pinch {
            if d0 > 0.0 {
                tl.zoom_by(d1 / d0, Some(time_x(tl, mid)));
            }
            return;
        }
        let Some(mut d) = drag.get_value() else {
            if ev.buttons() == 0 {
                let over = glyph_at(tl, cx, cy);
                if tl.hovered.get_untracked() != over {
                    tl.hovered.set(over);
                }
            }
            return;
        };
        let (dx, dy) = (cx - d.x0, cy - d.y0);
        if !d.moved && dx.hypot(dy) < CLICK_SLOP {
            return;
        }
        if !d.moved {
            // Captured only once it is a drag, so a plain click still reaches the element
            // under it.
            if let Some(el) = tl.scroller.get_untracked() {
                let _ = el.set_pointer_capture(id);
            }
            d.moved = true;
            tl.hovered.set(None);
            drag.set_value(Some(d));
        }
        if d.brush {
            tl.brush.set(Some((time_x(tl, d.x0), time_x(tl, cx))));
        } else {
            tl.set_scale(d.scale0.pan(dx));
            if let Some(el) = tl.scroller.get_untracked() {
                el.set_scroll_top((d.scroll0 - dy).round() as i32);
            }
        }
    }

    /// pointerup (`completed`) or pointercancel.
    pub fn finish(self, tl: Tl, ev: PointerEvent, completed: bool) {
        let Pointer { drag, touches } = self;
        touches.update_value(|t| t.retain(|p| p.0 != ev.pointer_id()));
        let Some(d) = drag.get_value() else { return };
        drag.set_value(None);
        let span = tl.brush.get_untracked();
        tl.brush.set(None);
        if !completed {
            return;
        }
        if !d.moved {
            // A click on one of the layer's elements is handled by `click`; elsewhere, the
            // glyph drawn there.
            if glyph_of(ev.target()).is_none() {
                if let Some(g) = glyph_at(tl, ev.client_x() as f64, ev.client_y() as f64) {
                    tl.activate(g);
                }
            }
            return;
        }
        if let (true, Some((a, b))) = (d.brush, span) {
            tl.brushed(a, b);
        }
    }
}

/// Clicks on the layer's elements: a link or button of the accessible layer opens its glyph
/// (Enter, a screen reader's click, a mouse click). A mouse click right after a gesture, before
/// the layer has caught up, opens what is drawn under the pointer instead. Modified clicks
/// keep the link's own behaviour (a new tab).
pub fn click(tl: Tl) -> impl Fn(MouseEvent) + Copy + 'static {
    move |ev: MouseEvent| {
        let Some(target) = glyph_of(ev.target()) else {
            return;
        };
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        let g = if ev.detail() > 0 && !tl.proxies_fresh() {
            glyph_at(tl, ev.client_x() as f64, ev.client_y() as f64)
        } else {
            Some(target)
        };
        if let Some(g) = g {
            tl.activate(g);
        }
    }
}

pub fn wheel(tl: Tl) -> impl Fn(WheelEvent) + Copy + 'static {
    move |ev: WheelEvent| {
        ev.prevent_default();
        let unit = match ev.delta_mode() {
            1 => 32.0,
            2 => tl.width.get_untracked(),
            _ => 1.0,
        };
        let (dx, dy) = (ev.delta_x() * unit, ev.delta_y() * unit);
        if dx.abs() > dy.abs() {
            tl.pan(-dx);
        } else if ev.shift_key() {
            tl.pan(-dy);
        } else {
            tl.zoom_by((-dy * 0.002).exp(), Some(time_x(tl, ev.client_x() as f64)));
        }
    }
}

pub fn keydown(tl: Tl) -> impl Fn(KeyboardEvent) + Copy + 'static {
    move |ev: KeyboardEvent| {
        let focused = glyph_of(ev.target());
        let w = tl.width.get_untracked();
        let step = if ev.shift_key() { 0.5 } else { PAN_SHARE } * w;
        let s = tl.scale.get_untracked();
        let centre_of = |lane: u32, first: u32| {
            tl.glyphs.with_untracked(|gs| {
                gs.iter()
                    .find(|g| g.key() == (lane, first))
                    .map(|g| g.centre())
            })
        };
        let keep_focus = || {
            if let Some((lane, first, _)) = focused {
                tl.focus_wish.set_value(Some(FocusWish::Item(lane, first)));
            }
        };
        let focused_x = focused.and_then(|(lane, first, _)| centre_of(lane, first).map(|c| s.x(c)));
        match ev.key().as_str() {
            "ArrowLeft" | "ArrowRight" => {
                let forward = ev.key() == "ArrowRight";
                match focused {
                    // On a mark, the arrows walk the marks in time order, panning as needed.
                    Some((lane, first, _)) => {
                        let next = tl.glyphs.with_untracked(|gs| {
                            let i = gs.iter().position(|g| g.key() == (lane, first))?;
                            let j = if forward { i + 1 } else { i.checked_sub(1)? };
                            gs.get(j).copied()
                        });
                        match next {
                            Some(g) => {
                                let (l, f) = g.key();
                                tl.focus_wish.set_value(Some(FocusWish::Item(l, f)));
                                tl.set_scale(s.reveal(g.centre(), g.centre(), w, REVEAL_PAD));
                            }
                            None => {
                                let here = centre_of(lane, first).unwrap_or(s.day(w / 2.0));
                                tl.focus_wish.set_value(Some(if forward {
                                    FocusWish::After(here)
                                } else {
                                    FocusWish::Before(here)
                                }));
                                tl.pan(if forward { -step } else { step });
                            }
                        }
                    }
                    None => tl.pan(if forward { -step } else { step }),
                }
            }
            "+" | "=" => {
                keep_focus();
                tl.zoom_by(ZOOM_STEP, focused_x);
            }
            "-" | "_" => {
                keep_focus();
                tl.zoom_by(1.0 / ZOOM_STEP, focused_x);
            }
            "0" => tl.fit_all(),
            "Enter" | " " => match focused {
                Some(target) => tl.activate(target),
                None => return,
            },
            "Escape" => {
                tl.brush_mode.set(false);
                tl.brush.set(None);
                tl.hovered.set(None);
            }
            _ => return,
        }
        ev.prevent_default();
        tl.settle_focus();
    }
}
