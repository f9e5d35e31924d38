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
//! Files: [`axis`] ticks, [`lanes`] lane names, [`canvas`] the painting, [`marks`] the
//! accessible layer, shapes and legend, [`card`] the hover card, [`gestures`] pointer, wheel and
//! keys, [`strings`] every word in Vietnamese and English.
//!
//! URL parameters read here: `view=timeline`, `lan=tinh|vung|loai|cap|nguon` (lanes by province,
//! region, kind, level or source; province when absent), `xeplan=az|nhieu` (lane order: A–Z or
//! busiest first), `tl=FROM~TO` (the window shown, see [`window_param`]; everything when absent).
//! A brushed range sets `hop_tu`/`hop_den`, the conference-date filter of the search.

mod axis;
mod canvas;
mod card;
mod gestures;
mod lanes;
mod marks;
mod sprites;
mod strings;

use std::cell::RefCell;
use std::ops::Range;
use std::sync::{Arc, Weak};
use std::time::Duration;

use leptos::html::{Canvas as CanvasEl, Div};
use leptos::prelude::*;

use hoinghi::display::Lang;
use hoinghi::load::Loaded;
use hoinghi::query_string::QueryPairs;
use hoinghi::search::SearchResults;
use hoinghi::timeline::scale::{iso_day, parse_window, window_param, Scale};
use hoinghi::timeline::ticks::{axis as axis_of, Axis};
use hoinghi::timeline::{
    cluster, held_range, time_order, Conferences, Glyph, LaneBy, LaneOrder, TimelineModel, Viewport,
};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

use super::context::Archive;
use super::lang::use_lang;
use super::location::{use_navigate, NavigateOptions};
use super::url::href;
use canvas::{Frame, Painter};
use marks::{Legend, Proxies};
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

/// Shared data compared by identity, so a memo holding it changes exactly when it is rebuilt.
pub(super) struct Shared<T>(pub Arc<T>);

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

/// The router's navigation, kept where a `Copy` handle can reach it.
type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// A glyph as its element names it: lane, first item, count.
pub(super) type GlyphRef = (u32, u32, u32);

pub(super) fn glyph_ref(g: &Glyph) -> GlyphRef {
    let (lane, first) = g.key();
    let count = match g {
        Glyph::Mark { .. } => 1,
        Glyph::Cluster { count, .. } => *count,
    };
    (lane, first, count)
}

/// Where keyboard focus should land once the accessible layer has caught up.
#[derive(Clone, Copy)]
pub(super) enum FocusWish {
    /// The glyph that holds this item of this lane.
    Item(u32, u32),
    /// The first glyph after this day, or the last before it.
    After(f64),
    Before(f64),
}

/// The timeline's state, shared by its parts; every field is a cheap handle.
#[derive(Clone, Copy)]
pub(super) struct Tl {
    pub query: Memo<QueryPairs>,
    pub loaded: StoredValue<Arc<Loaded>>,
    pub lang: Signal<Lang>,
    pub model: Memo<Shared<TimelineModel>>,
    /// Changes whenever the model is rebuilt, so one model's elements are never reused for
    /// another's.
    pub generation: Memo<u32>,
    pub scale: RwSignal<Scale>,
    /// Width of the time area (the plot less the lane names), px.
    pub width: RwSignal<f64>,
    pub lanes_height: RwSignal<f64>,
    pub scroll_top: RwSignal<f64>,
    pub lane_range: Memo<Range<usize>>,
    /// What is in view, in time order (the keyboard's order).
    pub glyphs: Memo<Vec<Glyph>>,
    pub ticks: Memo<Axis>,
    /// The accessible layer's glyphs, as of its last rebuild.
    pub proxies: RwSignal<Proxies>,
    pub hovered: RwSignal<Option<GlyphRef>>,
    pub focused: RwSignal<Option<GlyphRef>>,
    pub brush: RwSignal<Option<(f64, f64)>>,
    pub brush_mode: RwSignal<bool>,
    pub focus_wish: StoredValue<Option<FocusWish>>,
    pub plot: NodeRef<Div>,
    pub scroller: NodeRef<Div>,
    go: StoredValue<Navigate, LocalStorage>,
    sync_timer: StoredValue<Option<leptos::prelude::TimeoutHandle>>,
    url_timer: StoredValue<Option<leptos::prelude::TimeoutHandle>>,
}

impl Tl {
    /// Goes to `url`: a new history entry when `push`, else in place.
    pub fn navigate(&self, url: &str, push: bool) {
        let options = NavigateOptions {
            replace: !push,
            scroll: false,
        };
        self.go.with_value(|go| go(url, options));
    }

    pub fn measure(&self) {
        if let Some(el) = self.scroller.get_untracked() {
            self.width
                .set((el.client_width() as f64 - LABEL_W).max(120.0));
            self.lanes_height.set(el.client_height().max(1) as f64);
        }
    }

    /// Shows every conference of the search.
    pub fn fit(&self) {
        self.measure();
        let extent = self.model.with_untracked(|m| m.0.extent());
        if let Some((first, last)) = extent {
            self.scale
                .set(Scale::fit(first, last, self.width.get_untracked()));
        }
    }

    /// The user moved the view: it goes to the URL once the gesture rests.
    pub fn set_scale(&self, scale: Scale) {
        self.scale.set(scale);
        self.replace_timer(self.url_timer, URL_PAUSE_MS, {
            let tl = *self;
            move || tl.write_window()
        });
    }

    pub fn zoom_by(&self, factor: f64, at: Option<f64>) {
        let x = at.unwrap_or(self.width.get_untracked() / 2.0);
        self.set_scale(self.scale.get_untracked().zoom_at(factor, x));
    }

    pub fn pan(&self, dx: f64) {
        self.set_scale(self.scale.get_untracked().pan(dx));
    }

    /// Writes the window into `tl=`, as a new history entry, unless it is there already.
    fn write_window(&self) {
        let (Some(s), Some(width), Some(query)) = (
            self.scale.try_get_untracked(),
            self.width.try_get_untracked(),
            self.query.try_get_untracked(),
        ) else {
            return;
        };
        let param = window_param(s.start, s.end(width));
        if query.get("tl").as_deref() != Some(param.as_str()) {
            self.navigate(&href(&query, &[("tl", Some(&param))]), true);
        }
    }

    /// "Everything": fits, and drops the window from the URL.
    pub fn fit_all(&self) {
        self.fit();
        let query = self.query.get_untracked();
        if query.get("tl").is_some() {
            self.navigate(&href(&query, &[("tl", None)]), true);
        }
    }

    /// Runs `f` after `ms` unless called again before then.
    fn replace_timer(
        &self,
        timer: StoredValue<Option<leptos::prelude::TimeoutHandle>>,
        ms: u64,
        f: impl FnOnce() + 'static,
    ) {
        if let Some(Some(old)) = timer.try_get_value() {
            old.clear();
        }
        let handle = set_timeout_with_handle(f, Duration::from_millis(ms)).ok();
        timer.try_set_value(handle);
    }

    /// Rebuilds the accessible layer from what is in view now.
    pub fn sync_proxies(&self) {
        if let Some(Some(old)) = self.sync_timer.try_get_value() {
            old.clear();
        }
        let (Some(glyphs), Some(generation), Some(scale)) = (
            self.glyphs.try_get_untracked(),
            self.generation.try_get_untracked(),
            self.scale.try_get_untracked(),
        ) else {
            return;
        };
        self.proxies.set(Proxies {
            generation,
            scale,
            glyphs,
        });
    }

    /// Whether the accessible layer shows what is on the canvas.
    pub fn proxies_fresh(&self) -> bool {
        self.proxies.with_untracked(|p| {
            p.scale == self.scale.get_untracked() && self.glyphs.with_untracked(|g| *g == p.glyphs)
        })
    }

    /// Opens a conference's article, or zooms into a cluster until it splits.
    pub fn activate(&self, (lane, first, count): GlyphRef) {
        let m = self.model.get_untracked();
        if count == 1 {
            let item = m.0.item(lane, first);
            let id = self
                .loaded
                .with_value(|l| l.bundle.articles[item.article as usize].id.clone());
            self.navigate(
                &href(&self.query.get_untracked(), &[("a", Some(&id))]),
                true,
            );
            return;
        }
        // Fitting the members' days to the view spreads them well past the cluster gap.
        let run = m.0.run(lane, first, count);
        let start = run.iter().map(|i| i.start).min().unwrap_or(0) as f64;
        let end = run.iter().map(|i| i.end).max().unwrap_or(0) as f64;
        self.focus_wish
            .set_value(Some(FocusWish::Item(lane, first)));
        self.set_scale(Scale::fit(start, end, self.width.get_untracked()));
        self.settle_focus();
    }

    /// Filters the search to conferences held in `[a, b]` (x in the time area) and shows that
    /// range.
    pub fn brushed(&self, a: f64, b: f64) {
        let s = self.scale.get_untracked();
        let (from, to) = (s.day(a.min(b)), s.day(a.max(b)));
        let (first, last) = (iso_day(from.floor() as i32), iso_day(to.floor() as i32));
        let window = window_param(from, to);
        self.brush_mode.set(false);
        self.navigate(
            &href(
                &self.query.get_untracked(),
                &[
                    ("hop_tu", Some(&first)),
                    ("hop_den", Some(&last)),
                    ("tl", Some(&window)),
                ],
            ),
            true,
        );
    }

    /// Moves keyboard focus where [`Tl::focus_wish`] says, once the layer has caught up (the
    /// next animation frame).
    pub fn settle_focus(&self) {
        let tl = *self;
        request_animation_frame(move || {
            // The view may be gone by now (Enter opened an article).
            let Some(Some(wish)) = tl.focus_wish.try_get_value() else {
                return;
            };
            tl.focus_wish.set_value(None);
            let target = tl.proxies.try_with_untracked(|p| {
                let gs = &p.glyphs;
                match wish {
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
                }
            });
            if let Some(Some(g)) = target {
                marks::focus(tl.plot, &g);
            }
        });
    }
}

fn covers(g: &Glyph, item: u32) -> bool {
    match *g {
        Glyph::Mark { index, .. } => index == item,
        Glyph::Cluster { first, count, .. } => (first..first + count).contains(&item),
    }
}

/// What a model is built from: the search's results (by identity) and the lane choices.
struct ModelKey {
    results: Arc<SearchResults>,
    by: LaneBy,
    order: LaneOrder,
    lang: Lang,
    within: Option<(i32, i32)>,
}

impl PartialEq for ModelKey {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.results, &other.results)
            && (self.by, self.order, self.lang, self.within)
                == (other.by, other.order, other.lang, other.within)
    }
}

thread_local! {
    /// The last model built, kept while the list is shown: going back to the timeline with the
    /// same search draws without reading 50,000 conferences again. The key holds its results
    /// alive, so a pointer cannot be reused by another search while cached.
    static LAST_MODEL: RefCell<Option<(ModelKey, Arc<TimelineModel>)>> = const { RefCell::new(None) };
}

thread_local! {
    /// The conference table of the bundle shown (held weakly: a bundle that is replaced is
    /// freed).
    static TABLE: RefCell<Option<(Weak<Loaded>, Arc<Conferences>)>> = const { RefCell::new(None) };
}

fn table_for(loaded: &Arc<Loaded>) -> Arc<Conferences> {
    TABLE.with_borrow_mut(|cached| match cached {
        Some((bundle, table)) if Weak::ptr_eq(bundle, &Arc::downgrade(loaded)) => table.clone(),
        _ => {
            let table = Arc::new(Conferences::new(&loaded.bundle.articles));
            *cached = Some((Arc::downgrade(loaded), table.clone()));
            table
        }
    })
}

/// Reads a newly loaded bundle's conferences when the browser is next idle, so the first
/// switch to the timeline does not have to (on 50,000 conferences that read is most of a
/// first draw).
pub fn warm(loaded: &Arc<Loaded>) {
    let bundle = Arc::downgrade(loaded);
    let read = move || {
        if let Some(loaded) = bundle.upgrade() {
            table_for(&loaded);
        }
    };
    let window = window();
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(idle) => {
            let _ = idle.call1(&window, &Closure::once_into_js(read));
        }
        // Safari has no requestIdleCallback.
        None => set_timeout(read, Duration::from_millis(300)),
    }
}

fn last_model(key: ModelKey, build: impl FnOnce(&ModelKey) -> TimelineModel) -> Arc<TimelineModel> {
    LAST_MODEL.with_borrow_mut(|last| match last {
        Some((k, model)) if *k == key => model.clone(),
        _ => {
            let model = Arc::new(build(&key));
            *last = Some((key, model.clone()));
            model
        }
    })
}

#[component]
pub fn TimelinePage() -> impl IntoView {
    let archive = expect_context::<Archive>();
    let (query, request, results) = (archive.query, archive.request, archive.results);
    let lang = interface_lang();
    let navigate = use_navigate();
    let lane_by =
        Memo::new(move |_| query.with(|q| LaneBy::from_code(&q.get("lan").unwrap_or_default())));
    let lane_order = Memo::new(move |_| {
        query.with(|q| LaneOrder::from_code(&q.get("xeplan").unwrap_or_default()))
    });
    let held = Memo::new(move |_| request.with(held_range));
    let model = {
        let loaded = archive.loaded.clone();
        Memo::new(move |_| {
            let key = ModelKey {
                results: results.get(),
                by: lane_by.get(),
                order: lane_order.get(),
                lang: lang.get(),
                within: held.get(),
            };
            Shared(last_model(key, |k| {
                TimelineModel::new(
                    &table_for(&loaded),
                    &k.results.ids,
                    k.by,
                    k.order,
                    k.lang,
                    k.within,
                )
            }))
        })
    };
    let counter = StoredValue::new(0u32);
    let generation = Memo::new(move |_| {
        model.track();
        counter.update_value(|g| *g += 1);
        counter.get_value()
    });

    let scale = RwSignal::new(Scale {
        start: 0.0,
        px_per_day: 1.0,
    });
    let width = RwSignal::new(800.0);
    let lanes_height = RwSignal::new(480.0);
    let scroll_top = RwSignal::new(0.0);
    let zoom_level = Memo::new(move |_| scale.with(|s| s.px_per_day));
    let cluster_level = Memo::new(move |_| cluster::level(zoom_level.get()));
    let clustering =
        Memo::new(move |_| Shared(Arc::new(model.with(|m| m.0.cluster(cluster_level.get())))));
    let lane_range = Memo::new(move |_| {
        let n = model.with(|m| m.0.lanes.len());
        let top = scroll_top.get();
        let first = (top / LANE_H).floor().max(0.0) as usize;
        let last = ((top + lanes_height.get()) / LANE_H).ceil() as usize + 1;
        first.min(n)..last.min(n)
    });
    let glyphs = Memo::new(move |_| {
        let (s, w) = (scale.get(), width.get());
        let view = Viewport {
            start: s.start,
            end: s.end(w),
            px_per_day: s.px_per_day,
            lanes: lane_range.get(),
        };
        clustering.with(|c| model.with(|m| time_order(&m.0.layout(&c.0, &view))))
    });
    let ticks = Memo::new(move |_| axis_of(&scale.get(), width.get(), lang.get()));

    let tl = Tl {
        query,
        loaded: StoredValue::new(archive.loaded.clone()),
        lang,
        model,
        generation,
        scale,
        width,
        lanes_height,
        scroll_top,
        lane_range,
        glyphs,
        ticks,
        proxies: RwSignal::new(Proxies::default()),
        hovered: RwSignal::new(None),
        focused: RwSignal::new(None),
        brush: RwSignal::new(None),
        brush_mode: RwSignal::new(false),
        focus_wish: StoredValue::new(None),
        plot: NodeRef::new(),
        scroller: NodeRef::new(),
        go: StoredValue::new_local(Box::new(navigate)),
        sync_timer: StoredValue::new(None),
        url_timer: StoredValue::new(None),
    };

    // The window follows the URL (a shared link, back and forward) and a new search: `tl=` when
    // present, else everything. The window written by the user's own gesture is already shown.
    let tl_param = Memo::new(move |_| query.with(|q| q.get("tl")));
    Effect::new(move |_| {
        model.track();
        let wanted = tl_param.get();
        tl.measure();
        let w = width.get_untracked();
        match wanted.as_deref().and_then(parse_window) {
            Some((from, to)) => {
                let s = scale.get_untracked();
                if wanted.as_deref() != Some(&window_param(s.start, s.end(w))) {
                    scale.set(Scale::show(from, to, w));
                }
            }
            None => tl.fit(),
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| tl.measure());
    // Timers must not fire into a page that is gone (the list, an article).
    on_cleanup(move || {
        resize.remove();
        for timer in [tl.sync_timer, tl.url_timer] {
            if let Some(Some(handle)) = timer.try_get_value() {
                handle.clear();
            }
        }
    });

    // The accessible layer: at once when keyboard focus is to move; for a new model, just after
    // the first frame is painted (creating its elements would double the first draw); else once
    // the gesture pauses.
    Effect::new(move |_| {
        glyphs.track();
        let fresh_model = generation.get() != tl.proxies.with_untracked(|p| p.generation);
        if tl.focus_wish.with_value(Option::is_some) {
            tl.sync_proxies();
        } else if fresh_model {
            request_animation_frame(move || {
                tl.replace_timer(tl.sync_timer, 0, move || tl.sync_proxies())
            });
        } else {
            tl.replace_timer(tl.sync_timer, SYNC_PAUSE_MS, move || tl.sync_proxies());
        }
    });

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
    let empty = move || model.with(|m| m.0.lanes.is_empty());
    let sizer_height = move || model.with(|m| format!("{}px", m.0.lanes.len() as f64 * LANE_H));
    let pointer = gestures::Pointer::new();

    view! {
        <section class="timeline" aria-label=move || t().region>
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
