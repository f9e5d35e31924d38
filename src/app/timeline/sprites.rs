//! Marks and cluster circles drawn once into small canvases and stamped onto the timeline's
//! canvas. Why: Chromium rasterises a 2D canvas in software on the main thread when a frame is
//! presented (always so with no GPU), and on the bench's 50,000 conferences a pan or zoom frame
//! shows about 550 clusters. Filled and stroked as anti-aliased paths they took about 14 ms of
//! raster a frame (two thirds of it the outlines); copying the same pixels from a sprite takes
//! about 4 ms.
//!
//! Sprites are made on first use (a frame only needs the kinds and sizes it shows) and dropped
//! when the theme's card colour (the marks' outline) or the device pixel ratio changes.

use std::cell::RefCell;

use leptos::prelude::document;
use wasm_bindgen::{JsCast, JsValue};

use hoinghi::bundle::ConferenceKind;

use super::canvas::{kind_colour, Canvas, Ctx, Path};
use super::marks::{cluster_radius, shape, FULL_CLUSTER};

const KINDS: usize = ConferenceKind::ALL.len();
/// Cluster sizes drawn: counts 2 to [`FULL_CLUSTER`].
const SIZES: usize = FULL_CLUSTER as usize - 1;
/// A mark's sprite, CSS px: the largest shape reaches 7 px from its centre, plus its outline.
const MARK_PX: f64 = 18.0;

/// One pre-drawn glyph, its centre `half` device pixels from its top-left corner.
struct Sprite {
    canvas: Canvas,
    half: f64,
}

/// What the sprites were drawn for.
#[derive(PartialEq)]
struct Look {
    dpr: f64,
    card: String,
}

#[derive(Default)]
struct Cache {
    look: Option<Look>,
    marks: Vec<Option<Sprite>>,
    clusters: Vec<Option<Sprite>>,
}

/// The sprite cache of one canvas.
#[derive(Default)]
pub struct Sprites(RefCell<Cache>);

impl Sprites {
    /// Starts a frame: forgets every sprite if the pixel ratio or the card colour changed.
    pub fn look(&self, dpr: f64, card: String) {
        let look = Some(Look { dpr, card });
        let mut cache = self.0.borrow_mut();
        if cache.look != look {
            *cache = Cache {
                look,
                marks: (0..KINDS).map(|_| None).collect(),
                clusters: (0..KINDS * SIZES).map(|_| None).collect(),
            };
        }
    }

    /// Stamps a day mark of `kind` centred on `(x, y)`, CSS px. `ctx` must have the identity
    /// transform: sprites are placed on whole device pixels, so they are copied, not resampled.
    pub fn mark(&self, ctx: &Ctx, kind: ConferenceKind, x: f64, y: f64) {
        self.stamp(ctx, kind as usize, None, x, y);
    }

    /// Stamps the circle of a cluster of `count` members of mostly `kind`.
    pub fn cluster(&self, ctx: &Ctx, kind: ConferenceKind, count: u32, x: f64, y: f64) {
        let size = count.clamp(2, FULL_CLUSTER);
        self.stamp(ctx, kind as usize, Some(size), x, y);
    }

    fn stamp(&self, ctx: &Ctx, kind: usize, cluster: Option<u32>, x: f64, y: f64) {
        let mut cache = self.0.borrow_mut();
        let Cache {
            look: Some(look),
            marks,
            clusters,
        } = &mut *cache
        else {
            return;
        };
        let slot = match cluster {
            Some(count) => &mut clusters[kind * SIZES + count as usize - 2],
            None => &mut marks[kind],
        };
        if slot.is_none() {
            let colour = JsValue::from_str(kind_colour(ConferenceKind::ALL[kind]));
            *slot = match cluster {
                Some(count) => cluster_sprite(look.dpr, &colour, cluster_radius(count)),
                None => {
                    let card = JsValue::from_str(&look.card);
                    mark_sprite(look.dpr, &colour, &card, ConferenceKind::ALL[kind])
                }
            };
        }
        if let Some(s) = slot {
            ctx.draw_image(
                &s.canvas,
                (x * look.dpr - s.half).round(),
                (y * look.dpr - s.half).round(),
            );
        }
    }
}

/// A canvas of `css_px` square at `dpr`, its context's origin at the centre.
fn sprite(dpr: f64, css_px: f64, draw: impl FnOnce(&Ctx)) -> Option<Sprite> {
    let canvas: Canvas = document().create_element("canvas").ok()?.unchecked_into();
    let px = (css_px * dpr).ceil() as u32;
    canvas.set_width(px);
    canvas.set_height(px);
    let ctx = canvas.get_context("2d")?;
    let half = f64::from(px) / 2.0;
    ctx.set_transform(dpr, 0.0, 0.0, dpr, half, half);
    draw(&ctx);
    Some(Sprite { canvas, half })
}

/// A kind's shape, outlined in the card colour so overlapping marks stay apart.
fn mark_sprite(dpr: f64, colour: &JsValue, card: &JsValue, kind: ConferenceKind) -> Option<Sprite> {
    sprite(dpr, MARK_PX, |ctx| {
        let path = Path::new(shape(kind));
        ctx.set_fill_style(colour);
        ctx.set_stroke_style(card);
        ctx.set_line_width(1.0);
        ctx.fill_path(&path);
        ctx.stroke_path(&path);
    })
}

/// A faint disc with a solid ring, whose size grows with the count.
fn cluster_sprite(dpr: f64, colour: &JsValue, r: f64) -> Option<Sprite> {
    sprite(dpr, 2.0 * r + 4.0, |ctx| {
        ctx.begin_path();
        ctx.arc(0.0, 0.0, r, 0.0, std::f64::consts::TAU);
        ctx.set_fill_style(colour);
        ctx.set_stroke_style(colour);
        ctx.set_global_alpha(0.28);
        ctx.fill();
        ctx.set_global_alpha(1.0);
        ctx.set_line_width(1.5);
        ctx.stroke();
    })
}
