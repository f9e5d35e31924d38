//! The conference timeline (`?view=timeline`): one mark per conference of the current search, in
//! swimlanes, zoomable from decades to days, with the reviewed period behind each mark.
//!
//! Why SVG and not canvas: only what is on screen is rendered, and dense stretches are already
//! merged into counted marks by the core ([`hoinghi::timeline`]), so the DOM holds a few hundred
//! elements whatever the archive's size. Each mark is then a real element: it takes keyboard
//! focus in time order, carries an accessible name, and can be clicked and tested, where canvas
//! would need a parallel accessibility layer. Marks are keyed by cluster group and placed relative
//! to a fixed day, so panning only moves their parent (one `transform`) and adds or drops the
//! marks at the edges, and zooming rewrites each mark's `transform`; groups change only when the
//! zoom crosses a half-octave ([`hoinghi::timeline::cluster::level`]).
//!
//! URL parameters read here: `view=timeline`, `lan=tinh|vung|loai|cap|nguon` (lanes by province,
//! region, kind, level or source; province when absent), `xeplan=az|nhieu` (lane order: A–Z or
//! busiest first). Brushing sets `tu`/`den` like the date filter.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent};

use hoinghi::bundle::{Article, ConferenceKind, DatePrecision, Role};
use hoinghi::display::Lang;
use hoinghi::timeline::cluster;
use hoinghi::timeline::scale::{iso_day, Scale, MAX_PX_PER_DAY};
use hoinghi::timeline::ticks::axis;
use hoinghi::timeline::{time_order, Glyph, LaneBy, LaneOrder, TimelineModel, Viewport};

use super::context::Archive;
use super::location::{use_navigate, NavigateOptions};
use super::url::href;

/// Width of the lane-name column, px.
const LABEL_W: f64 = 168.0;
const LANE_H: f64 = 32.0;
const AXIS_H: f64 = 46.0;
/// Zoom factor of one `+`/`-` press or button click.
const ZOOM_STEP: f64 = 1.6;
/// A pointer that moved less than this, px, clicked rather than dragged.
const CLICK_SLOP: f64 = 4.0;
/// Keyboard panning moves this share of the view.
const PAN_SHARE: f64 = 0.2;
const CARD_W: f64 = 320.0;

/// Shared data compared by identity, so a memo holding it changes exactly when it is rebuilt.
struct Shared<T>(Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A glyph as its element names it: lane, first item, count.
type GlyphRef = (u32, u32, u32);

/// An element's key: model generation, lane, first item, count.
type GlyphKey = (u32, u32, u32, u32);

/// Where keyboard focus should land after the next render.
#[derive(Clone, Copy)]
enum FocusWish {
    /// The glyph that holds this item of this lane.
    Item(u32, u32),
    /// The first glyph after this day, or the last before it.
    After(f64),
    Before(f64),
}

#[derive(Clone, Copy)]
struct Drag {
    x0: f64,
    y0: f64,
    scale0: Scale,
    scroll0: f64,
    brush: bool,
    moved: bool,
    target: Option<GlyphRef>,
}

#[component]
pub fn TimelinePage() -> impl IntoView {
    let archive = expect_context::<Archive>();
    let (query, results) = (archive.query, archive.results);
    let navigate = use_navigate();
    let lane_by =
        Memo::new(move |_| query.with(|q| LaneBy::from_code(&q.get("lan").unwrap_or_default())));
    let lane_order = Memo::new(move |_| {
        query.with(|q| LaneOrder::from_code(&q.get("xeplan").unwrap_or_default()))
    });
    let model = {
        let loaded = archive.loaded.clone();
        Memo::new(move |_| {
            let (by, order) = (lane_by.get(), lane_order.get());
            results.with(|r| {
                Shared(Arc::new(TimelineModel::new(
                    &loaded.bundle.articles,
                    &r.ids,
                    by,
                    order,
                )))
            })
        })
    };

    let scale = RwSignal::new(Scale {
        start: 0.0,
        px_per_day: 1.0,
    });
    let width = RwSignal::new(800.0);
    let lanes_height = RwSignal::new(480.0);
    let scroll_top = RwSignal::new(0.0);
    let plot = NodeRef::<Div>::new();
    let scroller = NodeRef::<Div>::new();

    let measure = move || {
        if let Some(el) = scroller.get_untracked() {
            width.set((el.client_width() as f64 - LABEL_W).max(120.0));
            lanes_height.set(el.client_height().max(1) as f64);
        }
    };
    let fit = move || {
        measure();
        model.with_untracked(|m| {
            if let Some((first, last)) = m.0.extent() {
                scale.set(Scale::fit(first, last, width.get_untracked()));
            }
        });
    };
    // A new search (or lane choice) shows all of its conferences.
    Effect::new(move |_| {
        model.track();
        fit();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let zoom_level = Memo::new(move |_| scale.with(|s| s.px_per_day));
    let cluster_level = Memo::new(move |_| cluster::level(zoom_level.get()));
    let clustering =
        Memo::new(move |_| Shared(Arc::new(model.with(|m| m.0.cluster(cluster_level.get())))));
    // Marks are placed relative to a fixed day of the model, so panning only moves their parent
    // and zooming only rewrites each mark's transform; `generation` keeps one model's elements
    // from being reused for another's.
    let anchor = Memo::new(move |_| model.with(|m| m.0.extent().map_or(0.0, |e| e.0)));
    let counter = StoredValue::new(0u32);
    let generation = Memo::new(move |_| {
        model.track();
        counter.update_value(|g| *g += 1);
        counter.get_value()
    });
    let lane_range = Memo::new(move |_| {
        let n = model.with(|m| m.0.lanes.len());
        let top = scroll_top.get();
        let first = (top / LANE_H).floor().max(0.0) as usize;
        let last = ((top + lanes_height.get()) / LANE_H).ceil() as usize + 1;
        first.min(n)..last.min(n)
    });
    let glyphs = Memo::new(move |_| {
        let (c, m, s, w) = (clustering.get(), model.get(), scale.get(), width.get());
        let view = Viewport {
            start: s.start,
            end: s.end(w),
            px_per_day: s.px_per_day,
            lanes: lane_range.get(),
        };
        time_order(&m.0.layout(&c.0, &view))
    });
    let ticks = Memo::new(move |_| axis(&scale.get(), width.get(), Lang::Vi));

    // Focus follows the conference across re-renders (zoom, cluster opening, arrow keys): the
    // wish is resolved on the next animation frame, once the new layout is in the DOM.
    let focus_wish = StoredValue::new(None::<FocusWish>);
    let settle_focus = move || {
        request_animation_frame(move || {
            // The view may be gone by now (Enter opened an article).
            let Some(Some(wish)) = focus_wish.try_get_value() else {
                return;
            };
            focus_wish.set_value(None);
            let target = glyphs.try_with_untracked(|gs| match wish {
                FocusWish::Item(lane, item) => gs
                    .iter()
                    .find(|g| g.lane() == lane && covers(g, item))
                    .copied(),
                FocusWish::After(day) => {
                    gs.iter().find(|g| g.centre() > day).or(gs.last()).copied()
                }
                FocusWish::Before(day) => gs
                    .iter()
                    .rev()
                    .find(|g| g.centre() < day)
                    .or(gs.first())
                    .copied(),
            });
            let Some(Some(g)) = target else { return };
            let (lane, first) = g.key();
            let selector = format!("[data-lane=\"{lane}\"][data-first=\"{first}\"]");
            let found = plot
                .get_untracked()
                .and_then(|root| root.query_selector(&selector).ok().flatten())
                .and_then(|el| el.dyn_into::<web_sys::SvgElement>().ok());
            if let Some(el) = found {
                let _ = el.focus();
            }
        })
    };

    let hovered = RwSignal::new(None::<GlyphRef>);
    let brush_mode = RwSignal::new(false);
    let brush = RwSignal::new(None::<(f64, f64)>);
    let drag = StoredValue::new(None::<Drag>);
    let touches = StoredValue::new(Vec::<(i32, f64, f64)>::new());

    let go = {
        let navigate = navigate.clone();
        move |url: String| navigate(&url, NavigateOptions::default())
    };
    let zoom_by = move |factor: f64, at: Option<f64>| {
        let x = at.unwrap_or(width.get_untracked() / 2.0);
        scale.update(|s| *s = s.zoom_at(factor, x));
    };
    // Opens a conference's article, or zooms into a cluster until it splits.
    let activate = {
        let go = go.clone();
        let articles = archive.loaded.clone();
        move |(lane, first, count): GlyphRef| {
            let m = model.get_untracked();
            if count == 1 {
                let item = m.0.item(lane, first);
                let id = &articles.bundle.articles[item.article as usize].id;
                go(href(&query.get_untracked(), &[("a", Some(id))]));
                return;
            }
            // Fitting the members' days to the view spreads them well past the cluster gap.
            let run = m.0.run(lane, first, count);
            let start = run.iter().map(|i| i.start).min().unwrap_or(0) as f64;
            let end = run.iter().map(|i| i.end).max().unwrap_or(0) as f64;
            let target = Scale::fit(start, end, width.get_untracked());
            focus_wish.set_value(Some(FocusWish::Item(lane, first)));
            scale.set(target);
            settle_focus();
        }
    };

    let time_x = move |client_x: f64| -> f64 {
        plot.get_untracked()
            .map_or(0.0, |el| client_x - client_left(&el) - LABEL_W)
    };

    let on_pointerdown = move |ev: PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        touches.update_value(|t| {
            t.push((ev.pointer_id(), ev.client_x() as f64, ev.client_y() as f64))
        });
        if touches.with_value(|t| t.len()) > 1 {
            drag.set_value(None);
            brush.set(None);
            return;
        }
        if let Some(el) = scroller.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        drag.set_value(Some(Drag {
            x0: ev.client_x() as f64,
            y0: ev.client_y() as f64,
            scale0: scale.get_untracked(),
            scroll0: scroll_top.get_untracked(),
            brush: ev.shift_key() || brush_mode.get_untracked(),
            moved: false,
            target: glyph_of(ev.target()),
        }));
    };
    let on_pointermove = move |ev: PointerEvent| {
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
                zoom_by(d1 / d0, Some(time_x(mid)));
            }
            return;
        }
        let Some(mut d) = drag.get_value() else {
            let over = glyph_of(ev.target());
            if ev.buttons() == 0 && hovered.get_untracked() != over {
                hovered.set(over);
            }
            return;
        };
        let (dx, dy) = (cx - d.x0, cy - d.y0);
        if !d.moved && dx.hypot(dy) < CLICK_SLOP {
            return;
        }
        if !d.moved {
            d.moved = true;
            hovered.set(None);
            drag.set_value(Some(d));
        }
        if d.brush {
            brush.set(Some((time_x(d.x0), time_x(cx))));
        } else {
            scale.set(d.scale0.pan(dx));
            if let Some(el) = scroller.get_untracked() {
                el.set_scroll_top((d.scroll0 - dy).round() as i32);
            }
        }
    };
    let finish_drag = {
        let go = go.clone();
        let activate = activate.clone();
        move |ev: PointerEvent, completed: bool| {
            touches.update_value(|t| t.retain(|p| p.0 != ev.pointer_id()));
            let Some(d) = drag.get_value() else { return };
            drag.set_value(None);
            let span = brush.get_untracked();
            brush.set(None);
            if !completed {
                return;
            }
            if !d.moved {
                if let Some(target) = d.target {
                    activate(target);
                }
                return;
            }
            if let (true, Some((a, b))) = (d.brush, span) {
                let s = scale.get_untracked();
                let from = iso_day(s.day(a.min(b)).floor() as i32);
                let to = iso_day(s.day(a.max(b)).floor() as i32);
                brush_mode.set(false);
                go(href(
                    &query.get_untracked(),
                    &[("tu", Some(&from)), ("den", Some(&to))],
                ));
            }
        }
    };
    let finish_up = {
        let finish_drag = finish_drag.clone();
        move |ev| finish_drag(ev, true)
    };
    let cancel = move |ev| finish_drag(ev, false);

    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let unit = match ev.delta_mode() {
            1 => 32.0,
            2 => width.get_untracked(),
            _ => 1.0,
        };
        let (dx, dy) = (ev.delta_x() * unit, ev.delta_y() * unit);
        if dx.abs() > dy.abs() {
            scale.update(|s| *s = s.pan(-dx));
        } else if ev.shift_key() {
            scale.update(|s| *s = s.pan(-dy));
        } else {
            zoom_by((-dy * 0.002).exp(), Some(time_x(ev.client_x() as f64)));
        }
    };

    let on_keydown = {
        let activate = activate.clone();
        move |ev: web_sys::KeyboardEvent| {
            let focused = glyph_of(ev.target());
            let w = width.get_untracked();
            let step = if ev.shift_key() { 0.5 } else { PAN_SHARE } * w;
            let focused_x = focused.and_then(|(lane, first, _)| {
                glyphs.with_untracked(|gs| {
                    gs.iter()
                        .find(|g| g.key() == (lane, first))
                        .map(|g| scale.get_untracked().x(g.centre()))
                })
            });
            match ev.key().as_str() {
                "ArrowLeft" | "ArrowRight" => {
                    let forward = ev.key() == "ArrowRight";
                    match focused {
                        // On a mark, the arrows walk the marks in time order, panning as needed.
                        Some((lane, first, _)) => {
                            let next = glyphs.with_untracked(|gs| {
                                let i = gs.iter().position(|g| g.key() == (lane, first))?;
                                let j = if forward { i + 1 } else { i.checked_sub(1)? };
                                gs.get(j).copied()
                            });
                            let s = scale.get_untracked();
                            match next {
                                Some(g) => {
                                    let (l, f) = g.key();
                                    focus_wish.set_value(Some(FocusWish::Item(l, f)));
                                    scale.set(s.reveal(g.centre(), g.centre(), w, 48.0));
                                }
                                None => {
                                    let here = glyphs.with_untracked(|gs| {
                                        gs.iter()
                                            .find(|g| g.key() == (lane, first))
                                            .map(|g| g.centre())
                                    });
                                    let here = here.unwrap_or(s.day(w / 2.0));
                                    focus_wish.set_value(Some(if forward {
                                        FocusWish::After(here)
                                    } else {
                                        FocusWish::Before(here)
                                    }));
                                    scale.set(s.pan(if forward { -step } else { step }));
                                }
                            }
                        }
                        None => scale.update(|s| *s = s.pan(if forward { -step } else { step })),
                    }
                }
                "+" | "=" => {
                    keep_focus(focus_wish, focused);
                    zoom_by(ZOOM_STEP, focused_x);
                }
                "-" | "_" => {
                    keep_focus(focus_wish, focused);
                    zoom_by(1.0 / ZOOM_STEP, focused_x);
                }
                "0" => fit(),
                "Enter" | " " => match focused {
                    Some(target) => activate(target),
                    None => return,
                },
                "Escape" => {
                    brush_mode.set(false);
                    brush.set(None);
                    hovered.set(None);
                }
                _ => return,
            }
            ev.prevent_default();
            settle_focus();
        }
    };

    let on_focusin = move |ev: web_sys::FocusEvent| hovered.set(glyph_of(ev.target()));

    let set_param = {
        let go = go.clone();
        move |key: &'static str, value: String, default: &'static str| {
            let value = (value != default).then_some(value);
            go(href(&query.get_untracked(), &[(key, value.as_deref())]));
        }
    };
    let on_lane_by = {
        let set_param = set_param.clone();
        move |ev| set_param("lan", event_target_value(&ev), LaneBy::default().code())
    };
    let on_lane_order = move |ev| {
        set_param(
            "xeplan",
            event_target_value(&ev),
            LaneOrder::default().code(),
        )
    };

    // Layers, back to front: lane stripes, grid lines, periods, marks, lane names, brush.
    let stripes = move || {
        lane_range
            .get()
            .map(|li| {
                view! {
                    <rect
                        class="tl-stripe"
                        class:odd={li % 2 == 1}
                        x="0"
                        y={li as f64 * LANE_H}
                        width="100%"
                        height=LANE_H
                    />
                }
            })
            .collect_view()
    };
    let grid = move || {
        ticks.with(|a| {
            a.ticks
                .iter()
                .map(|t| view! { <line class="tl-grid" x1={LABEL_W + t.x} x2={LABEL_W + t.x} y1="0" y2="100%" /> })
                .collect_view()
        })
    };
    let marks_transform = move || {
        let x = LABEL_W + scale.with(|s| s.x(anchor.get()));
        format!("translate({x:.2},0)")
    };
    let periods = move || {
        let generation = generation.get_untracked();
        glyphs.with(|gs| {
            gs.iter()
                .filter_map(|g| match g {
                    Glyph::Mark { lane, index, item } => item
                        .period
                        .map(|p| ((generation, *lane, *index, 0), *lane, item.kind, p)),
                    Glyph::Cluster { .. } => None,
                })
                .collect::<Vec<_>>()
        })
    };
    let period_view =
        move |(_, lane, kind, (start, end)): (GlyphKey, u32, ConferenceKind, (i32, i32))| {
            let from = start as f64 - anchor.get_untracked();
            let y = lane as f64 * LANE_H + LANE_H - 8.0;
            view! {
                <rect
                    class=format!("tl-period k-{}", kind.code())
                    style=("transform", format!("{} scaleX(var(--z))", at_day(from, y)))
                    width=end - start
                    height="4"
                />
            }
        };
    let keyed_glyphs = move || {
        let generation = generation.get_untracked();
        glyphs.with(|gs| {
            gs.iter()
                .map(|g| {
                    let (lane, first) = g.key();
                    let count = match g {
                        Glyph::Mark { .. } => 1,
                        Glyph::Cluster { count, .. } => *count,
                    };
                    ((generation, lane, first, count), *g)
                })
                .collect::<Vec<_>>()
        })
    };
    let glyph_view = {
        let articles = archive.loaded.clone();
        move |(_, g): (GlyphKey, Glyph)| {
            let (lane, first) = g.key();
            let count = match g {
                Glyph::Mark { .. } => 1,
                Glyph::Cluster { count, .. } => count,
            };
            let label = model.with_untracked(|m| {
                glyph_label(&m.0, &articles.bundle.articles, (lane, first, count))
            });
            let y = g.lane() as f64 * LANE_H + LANE_H / 2.0;
            let from_anchor = g.centre() - anchor.get_untracked();
            let transform = at_day(from_anchor, y);
            match g {
                Glyph::Mark { lane, index, item } if item.precision == DatePrecision::Day => {
                    let article = &articles.bundle.articles[item.article as usize];
                    view! {
                        <path
                            class=format!("tl-mark k-{}", item.kind.code())
                            d=shape(item.kind)
                            style=("transform", transform.clone())
                            tabindex="0"
                            role="link"
                            aria-label=label
                            data-lane=lane
                            data-first=index
                            data-count="1"
                            data-article=article.id.clone()
                            data-date=iso_day(item.start)
                        />
                    }
                    .into_any()
                }
                // Known only to the month or year: a bar over all of it, no made-up day.
                Glyph::Mark { lane, index, item } => {
                    let article = &articles.bundle.articles[item.article as usize];
                    let days = (item.end - item.start) as f64;
                    view! {
                        <rect
                            class=format!("tl-mark tl-span k-{}", item.kind.code())
                            style=("transform", format!("{transform} scaleX(var(--z))"))
                            x=-days / 2.0
                            y="-6"
                            width=days
                            height="12"
                            tabindex="0"
                            role="link"
                            aria-label=label
                            data-lane=lane
                            data-first=index
                            data-count="1"
                            data-article=article.id.clone()
                            data-date=iso_day(item.start)
                        />
                    }
                    .into_any()
                }
                Glyph::Cluster {
                    lane,
                    first,
                    count,
                    kind,
                    ..
                } => {
                    let r = (6.0 + 2.0 * (count as f64).log2()).min(12.0);
                    view! {
                        <g
                            class=format!("tl-cluster k-{}", kind.code())
                            style=("transform", transform.clone())
                            tabindex="0"
                            role="button"
                            aria-label=label
                            data-lane=lane
                            data-first=first
                            data-count=count
                        >
                            <circle r=r />
                            <text dy="0.35em">{short_count(count)}</text>
                        </g>
                    }
                    .into_any()
                }
            }
        }
    };
    let lane_names = move || {
        let range = lane_range.get();
        model.with(|m| {
            range
                .map(|li| {
                    let lane = &m.0.lanes[li];
                    let y = li as f64 * LANE_H;
                    view! {
                        <g class="tl-lane-name">
                            <rect x="0" y=y width=LABEL_W height=LANE_H />
                            <text class="tl-lane-label" x="8" y={y + LANE_H / 2.0} dy="0.35em">
                                {truncate(&lane.label, 20)}
                            </text>
                            <text class="tl-lane-count" x={LABEL_W - 6.0} y={y + LANE_H / 2.0} dy="0.35em">
                                {lane.items.len()}
                            </text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let brush_view = move || {
        brush.get().map(|(a, b)| {
            let (left, right) = (a.min(b).max(0.0), a.max(b));
            let s = scale.get();
            let text = format!(
                "{} – {}",
                iso_day(s.day(left).floor() as i32),
                iso_day(s.day(right).floor() as i32)
            );
            view! {
                <g class="tl-brush">
                    <rect x={LABEL_W + left} y="0" width={right - left} height="100%" />
                    <text x={LABEL_W + left + 4.0} y="14">{text}</text>
                </g>
            }
        })
    };

    let axis_view = move || {
        ticks.with(|a| {
            let ticks = a.ticks.iter().map(|t| {
                let x = LABEL_W + t.x;
                view! {
                    <g class="tl-tick">
                        <line x1=x x2=x y1={AXIS_H - 8.0} y2=AXIS_H />
                        <text x={x + 3.0} y={AXIS_H - 12.0}>{t.label.clone()}</text>
                    </g>
                }
            });
            let context = a.context.iter().map(|t| {
                view! { <text class="tl-context" x={LABEL_W + t.x + 3.0} y="14">{t.label.clone()}</text> }
            });
            (ticks.collect_view(), context.collect_view())
        })
    };

    let card = {
        let articles = archive.loaded.clone();
        move || {
            let (lane, first, count) = hovered.get()?;
            let m = model.get();
            let lane_data = m.0.lanes.get(lane as usize)?;
            let glyph = glyphs.with(|gs| gs.iter().find(|g| g.key() == (lane, first)).copied())?;
            let s = scale.get();
            let x = (LABEL_W + s.x(glyph.centre()) - 24.0)
                .clamp(0.0, (LABEL_W + width.get() - CARD_W).max(0.0));
            let lane_top = AXIS_H + lane as f64 * LANE_H - scroll_top.get();
            let below = lane_top + LANE_H + 4.0;
            // Near the bottom, the card opens upwards so it stays inside the plot.
            let (top, bottom) = if below + 170.0 > AXIS_H + lanes_height.get() {
                let bottom = AXIS_H + lanes_height.get() - lane_top + 4.0;
                ("auto".to_string(), format!("{bottom:.0}px"))
            } else {
                (format!("{below:.0}px"), "auto".to_string())
            };
            let content = if count == 1 {
                let item = lane_data.items.get(first as usize)?;
                let article = &articles.bundle.articles[item.article as usize];
                let conference = &article.conferences[item.conference as usize];
                let chairs: Vec<&str> = conference
                    .people
                    .iter()
                    .filter(|p| p.role == Role::Chair)
                    .map(|p| p.name.as_str())
                    .collect();
                let province = article.province.as_ref().map(|p| p.name.clone());
                let period = conference.period.as_ref().map(|p| p.label.clone());
                view! {
                    <p class="tl-card-head">
                        <KindKey kind=item.kind />
                        <strong>{item.kind.label_vi()}</strong>
                        " · "
                        {item.date_vi()}
                        {conference.online.then_some(" · trực tuyến")}
                    </p>
                    <p class="tl-card-title">{article.title.clone()}</p>
                    <dl>
                        {province.map(|p| view! { <dt>"Tỉnh"</dt><dd>{p}</dd> })}
                        {(!chairs.is_empty()).then(|| view! { <dt>"Chủ trì"</dt><dd>{chairs.join(", ")}</dd> })}
                        {period.map(|p| view! { <dt>"Kỳ"</dt><dd>{p}</dd> })}
                    </dl>
                }
                .into_any()
            } else {
                let run = m.0.run(lane, first, count);
                let mut kinds: Vec<(ConferenceKind, usize)> = ConferenceKind::ALL
                    .into_iter()
                    .map(|k| (k, run.iter().filter(|i| i.kind == k).count()))
                    .filter(|(_, n)| *n > 0)
                    .collect();
                kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
                let (from, to) = (run[0].date_vi(), run[run.len() - 1].date_vi());
                let titles: Vec<String> = run
                    .iter()
                    .take(4)
                    .map(|i| articles.bundle.articles[i.article as usize].title.clone())
                    .collect();
                let more = (count as usize > titles.len())
                    .then(|| format!("… và {} hội nghị khác", count as usize - titles.len()));
                let zoomable = s.px_per_day < MAX_PX_PER_DAY;
                view! {
                    <p class="tl-card-head">
                        <strong>{format!("{count} hội nghị")}</strong>
                        " · "
                        {lane_data.label.clone()}
                    </p>
                    <p>{format!("{from} – {to}")}</p>
                    <p class="tl-card-kinds">
                        {kinds
                            .into_iter()
                            .map(|(k, n)| view! { <span><KindKey kind=k />{format!("{} {n}", k.label_vi())}</span> })
                            .collect_view()}
                    </p>
                    <ul class="tl-card-titles">
                        {titles.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                    </ul>
                    {more.map(|m| view! { <p class="muted">{m}</p> })}
                    {zoomable.then_some(view! { <p class="muted small">"Nhấn hoặc Enter để phóng to"</p> })}
                }
                .into_any()
            };
            Some(view! {
                // Placed through CSSOM properties: the content security policy forbids `style`
                // attributes.
                <div
                    class="tl-card"
                    style:left=format!("{x:.0}px")
                    style:top=top
                    style:bottom=bottom
                    aria-hidden="true"
                >
                    {content}
                </div>
            })
        }
    };

    let legend = move || {
        model.with(|m| {
            let kinds = m.0.kinds.clone();
            view! {
                <ul class="tl-legend" aria-label="Chú giải · Legend">
                    {kinds
                        .into_iter()
                        .map(|k| view! { <li><KindKey kind=k />{k.label_vi()}</li> })
                        .collect_view()}
                    <li>
                        <svg class="tl-key" viewBox="-12 -8 24 16" aria-hidden="true">
                            <rect class="tl-span" x="-11" y="-5" width="22" height="10" rx="3" />
                        </svg>
                        "chỉ rõ tháng/năm"
                    </li>
                    <li>
                        <svg class="tl-key" viewBox="-12 -8 24 16" aria-hidden="true">
                            <rect class="tl-period-key" x="-11" y="-2" width="22" height="4" rx="2" />
                        </svg>
                        "kỳ được tổng kết"
                    </li>
                    <li>
                        <svg class="tl-key" viewBox="-8 -8 16 16" aria-hidden="true">
                            <circle class="tl-cluster-key" r="7" />
                        </svg>
                        "cụm (số hội nghị)"
                    </li>
                </ul>
            }
        })
    };
    let summary = move || {
        model.with(|m| {
            let mut text = format!("{} hội nghị · {} làn", m.0.total(), m.0.lanes.len());
            if m.0.undated > 0 {
                text.push_str(&format!(" · {} không rõ ngày", m.0.undated));
            }
            text
        })
    };
    let empty = move || model.with(|m| m.0.lanes.is_empty());
    let svg_height = move || model.with(|m| m.0.lanes.len() as f64 * LANE_H);

    view! {
        <section class="timeline" aria-label="Dòng thời gian hội nghị · Conference timeline">
            <div class="tl-toolbar">
                <label>
                    "Làn theo "
                    <select id="tl-lanes" on:change=on_lane_by prop:value=move || lane_by.get().code()>
                        {LaneBy::ALL
                            .into_iter()
                            .map(|b| view! { <option value=b.code()>{b.label_vi()}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    "Xếp làn "
                    <select id="tl-order" on:change=on_lane_order prop:value=move || lane_order.get().code()>
                        <option value="az">"A–Z"</option>
                        <option value="nhieu">"Nhiều hội nghị nhất"</option>
                    </select>
                </label>
                <span class="tl-buttons" role="group" aria-label="Thu phóng · Zoom">
                    <button class="tl-zoom-out" title="Thu nhỏ (−)" aria-label="Thu nhỏ" on:click=move |_| zoom_by(1.0 / ZOOM_STEP, None)>"−"</button>
                    <button class="tl-zoom-in" title="Phóng to (+)" aria-label="Phóng to" on:click=move |_| zoom_by(ZOOM_STEP, None)>"+"</button>
                    <button class="tl-fit" title="Xem toàn bộ (0)" on:click=move |_| fit()>"Toàn bộ"</button>
                    <button
                        class="tl-brush-mode"
                        title="Kéo trên dòng thời gian để lọc theo khoảng ngày (hoặc Shift+kéo)"
                        aria-pressed=move || brush_mode.get().to_string()
                        on:click=move |_| brush_mode.update(|b| *b = !*b)
                    >
                        "Chọn khoảng ngày"
                    </button>
                </span>
                <span class="tl-summary muted" role="status">{summary}</span>
            </div>
            {legend}
            <Show when=empty>
                <p class="empty">"Không có hội nghị nào có ngày trong kết quả này."</p>
            </Show>
            <div
                class="tl-plot"
                class:brushing=move || brush_mode.get()
                node_ref=plot
                on:wheel=on_wheel
                on:keydown=on_keydown
                on:focusin=on_focusin
                on:focusout=move |_| hovered.set(None)
            >
                <svg class="tl-axis" height=AXIS_H aria-hidden="true">
                    {axis_view}
                </svg>
                <div
                    class="tl-lanes"
                    node_ref=scroller
                    tabindex="0"
                    role="group"
                    aria-label="Các làn hội nghị: ← → di chuyển, + − thu phóng, Tab qua từng hội nghị"
                    on:scroll=move |_| {
                        if let Some(el) = scroller.get_untracked() {
                            scroll_top.set(el.scroll_top() as f64);
                        }
                    }
                    on:pointerdown=on_pointerdown
                    on:pointermove=on_pointermove
                    on:pointerup=finish_up
                    on:pointercancel=cancel
                    on:pointerleave=move |_| hovered.set(None)
                >
                    <svg class="tl-svg" height=svg_height>
                        <g>{stripes}</g>
                        <g>{grid}</g>
                        // `--z` (px per day) scales every mark's place at once: a zoom frame
                        // changes one property, not one attribute per mark.
                        <g
                            transform=marks_transform
                            style=("--z", move || zoom_level.get().to_string())
                        >
                            <g class="tl-periods">
                                <For each=periods key=|p| p.0 children=period_view />
                            </g>
                            <g class="tl-marks">
                                <For each=keyed_glyphs key=|g| g.0 children=glyph_view />
                            </g>
                        </g>
                        <g>{lane_names}</g>
                        {brush_view}
                    </svg>
                </div>
                {card}
            </div>
            <p class="tl-help muted small">
                "Kéo để di chuyển · lăn chuột, chụm hai ngón hoặc + − để thu phóng · Shift+kéo để lọc theo khoảng ngày · "
                "Tab hoặc ← → qua từng hội nghị, Enter để mở"
            </p>
        </section>
    }
}

/// The shape of a kind's mark, centred on 0,0: kinds differ by shape as well as colour, so the
/// timeline reads without colour vision.
fn shape(kind: ConferenceKind) -> &'static str {
    match kind {
        ConferenceKind::GiaoBan => "M-6,0a6,6 0 1,0 12,0a6,6 0 1,0 -12,0z",
        ConferenceKind::SoKet => "M-5,-5h10v10h-10z",
        ConferenceKind::TongKet => "M0,-7L7,0L0,7L-7,0z",
        ConferenceKind::KyKet => "M0,-7L6.5,5H-6.5z",
        ConferenceKind::TrienKhai => "M0,7L6.5,-5H-6.5z",
        ConferenceKind::TapHuan => "M-6,0L-3,-5.2H3L6,0L3,5.2H-3z",
        ConferenceKind::KyNiem => {
            "M0,-7L1.8,-2.4L6.7,-2.2L2.9,0.9L4.1,5.7L0,3L-4.1,5.7L-2.9,0.9L-6.7,-2.2L-1.8,-2.4z"
        }
        ConferenceKind::HoiThi => "M-2,-6h4v4h4v4h-4v4h-4v-4h-4v-4h4z",
        ConferenceKind::DoiThoai => "M-7,-4h14v8h-14z",
        ConferenceKind::Khac => "M-6,-2h12v4h-12z",
    }
}

/// A kind's mark at legend size.
#[component]
fn KindKey(kind: ConferenceKind) -> impl IntoView {
    view! {
        <svg class=format!("tl-key k-{}", kind.code()) viewBox="-8 -8 16 16" aria-hidden="true">
            <path d=shape(kind) />
        </svg>
    }
}

/// A CSS transform placing an element `days` from the anchor, in a lane at `y`, through the
/// zoom held in `--z` on the marks' parent.
fn at_day(days: f64, y: f64) -> String {
    format!("translate(calc({days:.4}px * var(--z)), {y}px)")
}

/// What a screen reader announces for a glyph.
fn glyph_label(
    model: &TimelineModel,
    articles: &[Article],
    (lane, first, count): GlyphRef,
) -> String {
    let lane_label = &model.lanes[lane as usize].label;
    if count == 1 {
        let item = model.item(lane, first);
        let title = &articles[item.article as usize].title;
        return format!(
            "{} · {lane_label} · {} · {title}",
            item.kind.label_vi(),
            item.date_vi()
        );
    }
    let run = model.run(lane, first, count);
    format!(
        "{count} hội nghị · {lane_label} · {} – {} · Enter để phóng to",
        run[0].date_vi(),
        run[run.len() - 1].date_vi()
    )
}

fn covers(g: &Glyph, item: u32) -> bool {
    match *g {
        Glyph::Mark { index, .. } => index == item,
        Glyph::Cluster { first, count, .. } => (first..first + count).contains(&item),
    }
}

fn keep_focus(wish: StoredValue<Option<FocusWish>>, focused: Option<GlyphRef>) {
    if let Some((lane, first, _)) = focused {
        wish.set_value(Some(FocusWish::Item(lane, first)));
    }
}

/// The glyph an event happened on, from its element's data attributes.
fn glyph_of(target: Option<web_sys::EventTarget>) -> Option<GlyphRef> {
    let el = target?
        .dyn_into::<Element>()
        .ok()?
        .closest("[data-lane]")
        .ok()??;
    let read = |name: &str| el.get_attribute(name)?.parse::<u32>().ok();
    Some((read("data-lane")?, read("data-first")?, read("data-count")?))
}

/// Distance between two touching pointers and their midpoint's x, when exactly two touch.
fn pinch_geometry(touches: &[(i32, f64, f64)]) -> Option<(f64, f64)> {
    match touches {
        [a, b] => Some(((a.1 - b.1).hypot(a.2 - b.2), (a.1 + b.1) / 2.0)),
        _ => None,
    }
}

/// The element's left edge in the viewport. Called through JS reflection because the bindings
/// for `DOMRect` are not among the enabled web-sys features.
fn client_left(el: &Element) -> f64 {
    js_sys::Reflect::get(el, &"getBoundingClientRect".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(el).ok())
        .and_then(|rect| js_sys::Reflect::get(&rect, &"left".into()).ok())
        .and_then(|left| left.as_f64())
        .unwrap_or(0.0)
}

fn short_count(n: u32) -> String {
    if n < 1000 {
        n.to_string()
    } else {
        format!("{:.1}k", n as f64 / 1000.0).replace('.', ",")
    }
}

fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}
