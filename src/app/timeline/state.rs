//! The timeline page's state ([`Tl`]): the model of the search, the view's window and size,
//! what is laid out in it, the accessible layer, hover, focus and brush; and what the page does
//! with it (zoom, pan, open, brush, URL writes).

use std::ops::Range;
use std::sync::Arc;
use std::time::Duration;

use leptos::html::Div;
use leptos::prelude::*;

use hoinghi::display::Lang;
use hoinghi::load::Loaded;
use hoinghi::query_string::QueryPairs;
use hoinghi::timeline::scale::{iso_day, parse_window, window_param, Scale};
use hoinghi::timeline::ticks::{axis as axis_of, Axis};
use hoinghi::timeline::{
    cluster, held_range, time_order, Glyph, LaneBy, LaneOrder, TimelineModel, Viewport,
};

use super::levels::Levels;
use super::marks::{self, Proxies};
use super::model::{last_model, table_for, ModelKey};
use super::{LABEL_W, LANE_H, SYNC_PAUSE_MS, URL_PAUSE_MS};
use crate::app::context::Archive;
use crate::app::location::NavigateOptions;
use crate::app::url::href;

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
pub(super) type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

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
    pub lane_by: Memo<LaneBy>,
    pub lane_order: Memo<LaneOrder>,
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
    /// The state of a timeline page of `archive`'s search, in the interface language `lang`,
    /// and the effects that keep it in step: the window with the URL and the plot's size, the
    /// accessible layer with the view.
    pub fn new(archive: &Archive, lang: Signal<Lang>, navigate: Navigate) -> Tl {
        let (query, request, results) = (archive.query, archive.request, archive.results);
        let lane_by = Memo::new(move |_| {
            query.with(|q| LaneBy::from_code(&q.get("lan").unwrap_or_default()))
        });
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
                        k.results.ids(),
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
        let levels = StoredValue::new(Levels::default());
        let clustering = Memo::new(move |_| {
            let level = cluster_level.get();
            model.with(|m| {
                let kept = levels.try_update_value(|l| l.get(&m.0, level));
                Shared(kept.unwrap_or_else(|| Arc::new(m.0.cluster(level))))
            })
        });
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
            lane_by,
            lane_order,
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
            go: StoredValue::new_local(navigate),
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
                cancel(timer);
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
        tl
    }

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
        cancel(timer);
        let handle = set_timeout_with_handle(f, Duration::from_millis(ms)).ok();
        timer.try_set_value(handle);
    }

    /// Rebuilds the accessible layer from what is in view now.
    pub fn sync_proxies(&self) {
        cancel(self.sync_timer);
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
        // Most keys (zoom, pan on the lanes) move no focus: no frame callback for them, as
        // asking for one took ~0.5 ms of a key's frame on the bench.
        if self.focus_wish.with_value(Option::is_none) {
            return;
        }
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

/// Stops `timer`'s pending callback, if any (and if the view still exists).
fn cancel(timer: StoredValue<Option<leptos::prelude::TimeoutHandle>>) {
    if let Some(Some(handle)) = timer.try_get_value() {
        handle.clear();
    }
}
