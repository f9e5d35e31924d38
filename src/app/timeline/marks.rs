//! The accessible layer over the canvas: one transparent link (a conference) or button (a
//! cluster) per glyph in view, placed over its mark, in time order so Tab walks the
//! conferences in the order they were held. Also the kinds' shapes and the legend.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use hoinghi::bundle::{Article, ConferenceKind, DatePrecision};
use hoinghi::display::Lang;
use hoinghi::timeline::scale::{iso_day, Scale};
use hoinghi::timeline::{Glyph, TimelineModel};

use super::strings::{kind_label, strings};
use super::{glyph_ref, GlyphRef, Tl, LABEL_W, LANE_H};
use crate::app::url::href;

/// The glyphs the accessible layer was last built from, and the view they were placed in.
#[derive(Clone, PartialEq)]
pub struct Proxies {
    pub generation: u32,
    pub scale: Scale,
    pub glyphs: Vec<Glyph>,
}

impl Default for Proxies {
    fn default() -> Self {
        Proxies {
            generation: 0,
            scale: Scale {
                start: 0.0,
                px_per_day: 1.0,
            },
            glyphs: Vec::new(),
        }
    }
}

/// The shape of a kind's mark, centred on 0,0: kinds differ by shape as well as colour, so the
/// timeline reads without colour vision.
pub fn shape(kind: ConferenceKind) -> &'static str {
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

/// A cluster's radius grows with the log of its count, within a lane's height.
pub fn cluster_radius(count: u32) -> f64 {
    (6.0 + 2.0 * (count as f64).log2()).min(12.0)
}

/// The count from which a cluster has its largest radius (6 + 2 × log2 8 = 12): circles come in
/// seven sizes, which [`super::sprites`] draws once each.
pub const FULL_CLUSTER: u32 = 8;

/// A kind's mark at legend size.
#[component]
pub fn KindKey(kind: ConferenceKind) -> impl IntoView {
    view! {
        <svg class=format!("tl-key k-{}", kind.code()) viewBox="-8 -8 16 16" aria-hidden="true">
            <path d=shape(kind) />
        </svg>
    }
}

#[component]
pub fn Legend(tl: Tl) -> impl IntoView {
    move || {
        let lang = tl.lang.get();
        let t = strings(lang);
        let kinds = tl.model.with(|m| m.0.kinds.clone());
        view! {
            <ul class="tl-legend" aria-label=t.legend>
                {kinds
                    .into_iter()
                    .map(|k| view! { <li><KindKey kind=k />{kind_label(k, lang)}</li> })
                    .collect_view()}
                <li>
                    <svg class="tl-key" viewBox="-12 -8 24 16" aria-hidden="true">
                        <rect class="tl-span" x="-11" y="-5" width="22" height="10" rx="3" />
                    </svg>
                    {t.legend_partial}
                </li>
                <li>
                    <svg class="tl-key" viewBox="-12 -8 24 16" aria-hidden="true">
                        <rect class="tl-period-key" x="-11" y="-2" width="22" height="4" rx="2" />
                    </svg>
                    {t.legend_period}
                </li>
                <li>
                    <svg class="tl-key" viewBox="-8 -8 16 16" aria-hidden="true">
                        <circle class="tl-cluster-key" r="7" />
                    </svg>
                    {t.legend_cluster}
                </li>
            </ul>
        }
    }
}

/// The focusable elements over the marks. Each is placed from the view its layer was built in;
/// a rebuild moves the elements that stay and replaces the others.
#[component]
pub fn MarkLayer(tl: Tl) -> impl IntoView {
    let keyed = move || {
        tl.proxies.with(|p| {
            p.glyphs
                .iter()
                .map(|g| ((p.generation, glyph_ref(g)), *g))
                .collect::<Vec<_>>()
        })
    };
    let proxy = move |(_, g): ((u32, GlyphRef), Glyph)| {
        let (lane, first, count) = glyph_ref(&g);
        let lang = tl.lang.get_untracked();
        let label = tl.model.with_untracked(|m| {
            tl.loaded
                .with_value(|l| glyph_label(&m.0, &l.bundle.articles, (lane, first, count), lang))
        });
        let y = lane as f64 * LANE_H + LANE_H / 2.0;
        // Placed through CSSOM properties: the content security policy forbids `style`
        // attributes.
        let place = move |from_day: f64| {
            move || {
                let x = tl.proxies.with(|p| LABEL_W + p.scale.x(from_day));
                format!("translate({x:.1}px, {y}px)")
            }
        };
        match g {
            Glyph::Mark { item, .. } => {
                let (id, period) = tl.loaded.with_value(|l| {
                    let a = &l.bundle.articles[item.article as usize];
                    let c = &a.conferences[item.conference as usize];
                    (
                        a.id.clone(),
                        c.period.as_ref().map(|p| format!("{}~{}", p.start, p.end)),
                    )
                });
                let link = href(&tl.query.get_untracked(), &[("a", Some(&id))]);
                let bar = item.precision != DatePrecision::Day;
                let (left, width) = if bar {
                    (item.start as f64, Some(item.end - item.start))
                } else {
                    (item.centre(), None)
                };
                let bar_width = move || {
                    width.map(|days| {
                        let ppd = tl.proxies.with(|p| p.scale.px_per_day);
                        format!("{:.1}px", (days as f64 * ppd).max(8.0))
                    })
                };
                view! {
                    <a
                        class=format!("tl-mark k-{}", item.kind.code())
                        class:tl-span=bar
                        href=link
                        style:transform=place(left)
                        style:width=bar_width
                        aria-label=label
                        data-lane=lane
                        data-first=first
                        data-count="1"
                        data-article=id
                        data-date=iso_day(item.start)
                        data-period=period
                    ></a>
                }
                .into_any()
            }
            Glyph::Cluster { centre, .. } => view! {
                <button
                    type="button"
                    class="tl-cluster"
                    style:transform=place(centre)
                    aria-label=label
                    data-lane=lane
                    data-first=first
                    data-count=count
                ></button>
            }
            .into_any(),
        }
    };
    view! {
        <div class="tl-marks">
            <For each=keyed key=|g| g.0 children=proxy />
        </div>
    }
}

/// What a screen reader announces for a glyph.
pub fn glyph_label(
    model: &TimelineModel,
    articles: &[Article],
    (lane, first, count): GlyphRef,
    lang: Lang,
) -> String {
    let t = strings(lang);
    let lane_label = &model.lanes[lane as usize].label;
    if count == 1 {
        let item = model.item(lane, first);
        let title = &articles[item.article as usize].title;
        return format!(
            "{} · {lane_label} · {} · {title}",
            kind_label(item.kind, lang),
            item.date_label(lang)
        );
    }
    let run = model.run(lane, first, count);
    format!(
        "{count} {} · {lane_label} · {} – {} · {}",
        t.conferences,
        run[0].date_label(lang),
        run[run.len() - 1].date_label(lang),
        t.zoom_hint
    )
}

/// The glyph an event happened on, from its element's data attributes.
pub fn glyph_of(target: Option<web_sys::EventTarget>) -> Option<GlyphRef> {
    let el = target?
        .dyn_into::<Element>()
        .ok()?
        .closest("[data-lane]")
        .ok()??;
    let read = |name: &str| el.get_attribute(name)?.parse::<u32>().ok();
    Some((read("data-lane")?, read("data-first")?, read("data-count")?))
}

/// Gives keyboard focus to a glyph's element.
pub fn focus(plot: NodeRef<Div>, g: &Glyph) {
    let (lane, first) = g.key();
    let selector = format!("[data-lane=\"{lane}\"][data-first=\"{first}\"]");
    let found = plot
        .try_get_untracked()
        .flatten()
        .and_then(|root| root.query_selector(&selector).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = found {
        let _ = el.focus();
    }
}
