//! The drawing layer: lane stripes, grid, reviewed periods, marks and clusters, painted on one
//! canvas each frame from the core's layout. A frame is a few hundred draw calls whatever the
//! archive's size, since only the visible window is laid out and dense stretches are clustered.
//!
//! The Canvas 2D calls are bound here directly (a handful of methods) rather than through
//! web-sys features, which would rebuild web-sys for the whole app.

use std::ops::Range;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use hoinghi::bundle::{ConferenceKind, DatePrecision};
use hoinghi::timeline::scale::Scale;
use hoinghi::timeline::{Glyph, Item};

use super::marks::cluster_radius;
use super::sprites::Sprites;
use super::{GlyphRef, LABEL_W, LANE_H};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(extends = web_sys::Element)]
    pub type Canvas;
    #[wasm_bindgen(method, js_name = getContext)]
    pub(super) fn get_context(this: &Canvas, kind: &str) -> Option<Ctx>;
    #[wasm_bindgen(method, getter)]
    fn width(this: &Canvas) -> u32;
    #[wasm_bindgen(method, setter)]
    pub(super) fn set_width(this: &Canvas, value: u32);
    #[wasm_bindgen(method, getter)]
    fn height(this: &Canvas) -> u32;
    #[wasm_bindgen(method, setter)]
    pub(super) fn set_height(this: &Canvas, value: u32);

    pub type Ctx;
    #[wasm_bindgen(method, js_name = setTransform)]
    pub(super) fn set_transform(this: &Ctx, a: f64, b: f64, c: f64, d: f64, e: f64, f: f64);
    #[wasm_bindgen(method, js_name = clearRect)]
    fn clear_rect(this: &Ctx, x: f64, y: f64, w: f64, h: f64);
    #[wasm_bindgen(method, js_name = fillRect)]
    fn fill_rect(this: &Ctx, x: f64, y: f64, w: f64, h: f64);
    #[wasm_bindgen(method, js_name = strokeRect)]
    fn stroke_rect(this: &Ctx, x: f64, y: f64, w: f64, h: f64);
    #[wasm_bindgen(method, js_name = beginPath)]
    pub(super) fn begin_path(this: &Ctx);
    #[wasm_bindgen(method)]
    pub(super) fn arc(this: &Ctx, x: f64, y: f64, r: f64, from: f64, to: f64);
    #[wasm_bindgen(method)]
    fn rect(this: &Ctx, x: f64, y: f64, w: f64, h: f64);
    #[wasm_bindgen(method)]
    fn clip(this: &Ctx);
    #[wasm_bindgen(method)]
    fn save(this: &Ctx);
    #[wasm_bindgen(method)]
    fn restore(this: &Ctx);
    #[wasm_bindgen(method)]
    pub(super) fn fill(this: &Ctx);
    #[wasm_bindgen(method)]
    pub(super) fn stroke(this: &Ctx);
    #[wasm_bindgen(method, js_name = fill)]
    pub(super) fn fill_path(this: &Ctx, path: &Path);
    #[wasm_bindgen(method, js_name = stroke)]
    pub(super) fn stroke_path(this: &Ctx, path: &Path);
    #[wasm_bindgen(method, js_name = fillText)]
    fn fill_text(this: &Ctx, text: &str, x: f64, y: f64);
    // A count under 1,000 goes as a number, which JS prints itself: no string is copied out
    // of wasm for each of the hundreds of clusters in a frame.
    #[wasm_bindgen(method, js_name = fillText)]
    fn fill_number(this: &Ctx, number: f64, x: f64, y: f64);
    // Copies a sprite (see [`super::sprites`]).
    #[wasm_bindgen(method, js_name = drawImage)]
    pub(super) fn draw_image(this: &Ctx, image: &Canvas, x: f64, y: f64);
    // Colours are passed as JS strings made once, not converted from Rust on every call.
    #[wasm_bindgen(method, setter = fillStyle)]
    pub(super) fn set_fill_style(this: &Ctx, value: &JsValue);
    #[wasm_bindgen(method, setter = strokeStyle)]
    pub(super) fn set_stroke_style(this: &Ctx, value: &JsValue);
    #[wasm_bindgen(method, setter = lineWidth)]
    pub(super) fn set_line_width(this: &Ctx, value: f64);
    #[wasm_bindgen(method, setter = globalAlpha)]
    pub(super) fn set_global_alpha(this: &Ctx, value: f64);
    #[wasm_bindgen(method, setter)]
    fn set_font(this: &Ctx, value: &str);
    #[wasm_bindgen(method, setter = textAlign)]
    fn set_text_align(this: &Ctx, value: &str);
    #[wasm_bindgen(method, setter = textBaseline)]
    fn set_text_baseline(this: &Ctx, value: &str);

    #[wasm_bindgen(js_name = Path2D)]
    pub type Path;
    #[wasm_bindgen(constructor, js_class = "Path2D")]
    pub(super) fn new(d: &str) -> Path;

    type Style;
    #[wasm_bindgen(js_namespace = window, js_name = getComputedStyle)]
    fn computed_style(el: &web_sys::Element) -> Style;
    #[wasm_bindgen(method, getter)]
    fn color(this: &Style) -> String;
    #[wasm_bindgen(method, getter, js_name = backgroundColor)]
    fn background_color(this: &Style) -> String;
}

/// Colours of the Okabe–Ito palette, as in style/main.css (`.k-…`), which the legend and card
/// use: a canvas cannot read classes.
pub fn kind_colour(kind: ConferenceKind) -> &'static str {
    match kind {
        ConferenceKind::GiaoBan => "#0072b2",
        ConferenceKind::SoKet => "#e69f00",
        ConferenceKind::TongKet => "#d55e00",
        ConferenceKind::KyKet => "#009e73",
        ConferenceKind::TrienKhai => "#56b4e9",
        ConferenceKind::TapHuan => "#cc79a7",
        ConferenceKind::KyNiem => "#b8a000",
        ConferenceKind::HoiThi => "#7b3294",
        ConferenceKind::DoiThoai => "#4d6a7d",
        ConferenceKind::Khac => "#8a8a8a",
    }
}

/// A canvas with its context, each kind's colour ready for drawing, and the sprites of its marks.
pub struct Painter {
    canvas: Canvas,
    ctx: Ctx,
    colours: Vec<JsValue>,
    sprites: Sprites,
}

/// Everything one frame shows.
pub struct Frame<'a> {
    /// The glyphs laid out for the view.
    pub glyphs: &'a [Glyph],
    pub scale: Scale,
    /// CSS pixels of the canvas (lane names included).
    pub width: f64,
    pub height: f64,
    pub scroll_top: f64,
    pub lanes: Range<usize>,
    /// x of the axis ticks, from the time area's left edge.
    pub grid: &'a [f64],
    /// Drawn with a ring: the glyph under the pointer and the one with keyboard focus.
    pub rings: [Option<GlyphRef>; 2],
}

const KINDS: usize = ConferenceKind::ALL.len();

impl Painter {
    pub fn new(el: web_sys::HtmlElement) -> Option<Painter> {
        let canvas: Canvas = el.unchecked_into();
        let ctx = canvas.get_context("2d")?;
        let colours = ConferenceKind::ALL
            .iter()
            .map(|k| JsValue::from_str(kind_colour(*k)))
            .collect();
        Some(Painter {
            canvas,
            ctx,
            colours,
            sprites: Sprites::default(),
        })
    }

    /// Paints a frame. Bars are drawn kind by kind, so each colour is set once per layer rather
    /// than once per glyph; marks and circles are stamped from [`Sprites`].
    pub fn paint(&self, f: &Frame) {
        let ctx = &self.ctx;
        let dpr = web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .max(1.0);
        let (pw, ph) = (
            (f.width * dpr).round() as u32,
            (f.height * dpr).round() as u32,
        );
        if self.canvas.width() != pw || self.canvas.height() != ph {
            self.canvas.set_width(pw);
            self.canvas.set_height(ph);
        }
        // The theme decides the ink: read from the canvas's own computed style (`color` is the
        // text colour, `background-color` the card's) so light, dark and system themes follow.
        let style = computed_style(&self.canvas);
        let card = style.background_color();
        let ink = JsValue::from_str(&style.color());
        self.sprites.look(dpr, card);
        ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
        ctx.clear_rect(0.0, 0.0, f.width, f.height);

        // Stripes on odd lanes, under everything.
        ctx.set_fill_style(&ink);
        ctx.set_global_alpha(0.035);
        for li in f.lanes.clone().filter(|l| l % 2 == 1) {
            ctx.fill_rect(0.0, lane_top(li, f), f.width, LANE_H);
        }
        ctx.save();
        ctx.begin_path();
        ctx.rect(LABEL_W, 0.0, f.width - LABEL_W, f.height);
        ctx.clip();
        ctx.set_global_alpha(0.12);
        for x in f.grid {
            ctx.fill_rect((LABEL_W + x).round() - 0.5, 0.0, 1.0, f.height);
        }

        let x_of = |day: f64| LABEL_W + f.scale.x(day);
        let mid = |lane: u32| lane_top(lane as usize, f) + LANE_H / 2.0;
        let mut by_kind: [Vec<(u32, &Item)>; KINDS] = Default::default();
        for g in f.glyphs {
            if let Glyph::Mark { lane, item, .. } = g {
                by_kind[item.kind as usize].push((*lane, item));
            }
        }
        for (marks, colour) in by_kind.iter().zip(&self.colours) {
            if marks.is_empty() {
                continue;
            }
            ctx.set_fill_style(colour);
            ctx.set_stroke_style(colour);
            // Reviewed periods: a thin bar along the lane's bottom, behind the marks.
            ctx.set_global_alpha(0.35);
            for (lane, item) in marks {
                if let Some((start, end)) = item.period {
                    let (a, b) = (x_of(start as f64), x_of(end as f64));
                    ctx.fill_rect(a, mid(*lane) + LANE_H / 2.0 - 8.0, b - a, 4.0);
                }
            }
            // Month and year dates: a faint bar over the whole month or year, no made-up day.
            ctx.begin_path();
            for (lane, item) in marks
                .iter()
                .filter(|(_, i)| i.precision != DatePrecision::Day)
            {
                let (a, b) = (x_of(item.start as f64), x_of(item.end as f64));
                ctx.rect(a, mid(*lane) - 6.0, b - a, 12.0);
            }
            ctx.set_global_alpha(0.22);
            ctx.fill();
            ctx.set_global_alpha(0.8);
            ctx.set_line_width(1.0);
            ctx.stroke();
        }
        ctx.set_global_alpha(1.0);
        // Sprites go on whole device pixels: identity transform, positions scaled by them.
        ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        for g in f.glyphs {
            if let Glyph::Cluster {
                lane,
                count,
                centre,
                kind,
                ..
            } = *g
            {
                self.sprites
                    .cluster(ctx, kind, count, x_of(centre), mid(lane));
            }
        }
        ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
        // Counts over the clusters, in the text colour.
        ctx.set_font("700 10px system-ui, sans-serif");
        ctx.set_text_align("center");
        ctx.set_text_baseline("middle");
        ctx.set_fill_style(&ink);
        for g in f.glyphs {
            if let Glyph::Cluster {
                lane,
                count,
                centre,
                ..
            } = *g
            {
                let (x, y) = (x_of(centre), mid(lane) + 0.5);
                if count < 1000 {
                    ctx.fill_number(f64::from(count), x, y);
                } else {
                    ctx.fill_text(&short_count(count), x, y);
                }
            }
        }
        // Day marks on top.
        ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        for marks in &by_kind {
            for (lane, item) in marks
                .iter()
                .filter(|(_, i)| i.precision == DatePrecision::Day)
            {
                self.sprites
                    .mark(ctx, item.kind, x_of(item.centre()), mid(*lane));
            }
        }
        ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
        self.rings(f, &ink, x_of);
        ctx.restore();
    }

    /// Rings around the hovered and focused glyphs, the way focus shows on a link.
    fn rings(&self, f: &Frame, ink: &JsValue, x_of: impl Fn(f64) -> f64) {
        let ctx = &self.ctx;
        ctx.set_stroke_style(ink);
        ctx.set_line_width(2.5);
        for (lane, first, _) in f.rings.iter().flatten() {
            let Some(g) = f.glyphs.iter().find(|g| g.key() == (*lane, *first)) else {
                continue;
            };
            let y = lane_top(*lane as usize, f) + LANE_H / 2.0;
            match g {
                Glyph::Mark { item, .. } if item.precision != DatePrecision::Day => {
                    let (a, b) = (x_of(item.start as f64), x_of(item.end as f64));
                    ctx.stroke_rect(a - 2.0, y - 8.0, b - a + 4.0, 16.0);
                }
                Glyph::Mark { .. } => {
                    ctx.begin_path();
                    ctx.arc(x_of(g.centre()), y, 9.5, 0.0, std::f64::consts::TAU);
                    ctx.stroke();
                }
                Glyph::Cluster { count, .. } => {
                    ctx.begin_path();
                    let r = cluster_radius(*count) + 2.5;
                    ctx.arc(x_of(g.centre()), y, r, 0.0, std::f64::consts::TAU);
                    ctx.stroke();
                }
            }
        }
    }
}

fn lane_top(lane: usize, f: &Frame) -> f64 {
    lane as f64 * LANE_H - f.scroll_top
}

/// A cluster's count in its circle: `1,2k` past a thousand.
pub fn short_count(n: u32) -> String {
    if n < 1000 {
        n.to_string()
    } else {
        format!("{:.1}k", n as f64 / 1000.0).replace('.', ",")
    }
}
