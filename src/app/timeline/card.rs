//! The card shown for the glyph under the pointer or with keyboard focus: date, kind, province,
//! chair, reviewed period and title of a conference, or the span, kinds and first titles of a
//! cluster. It is for sighted users; the focused element's name says the same to a screen
//! reader, so the card is hidden from it.

use leptos::prelude::*;

use hoinghi::bundle::{ConferenceKind, Role};
use hoinghi::timeline::scale::MAX_PX_PER_DAY;

use super::marks::KindKey;
use super::strings::{kind_label, strings};
use super::{Tl, AXIS_H, LABEL_W, LANE_H};

const CARD_W: f64 = 320.0;
/// Room a card needs below its lane before it opens upwards instead, px.
const CARD_ROOM: f64 = 170.0;
/// Titles listed on a cluster's card.
const CLUSTER_TITLES: usize = 4;

#[component]
pub fn Card(tl: Tl) -> impl IntoView {
    move || {
        let (lane, first, count) = tl.hovered.get()?;
        let lang = tl.lang.get();
        let t = strings(lang);
        let m = tl.model.get();
        let lane_data = m.0.lanes.get(lane as usize)?;
        let glyph = tl
            .glyphs
            .with(|gs| gs.iter().find(|g| g.key() == (lane, first)).copied())?;
        let s = tl.scale.get();
        let x = (LABEL_W + s.x(glyph.centre()) - 24.0)
            .clamp(0.0, (LABEL_W + tl.width.get() - CARD_W).max(0.0));
        let lane_top = AXIS_H + lane as f64 * LANE_H - tl.scroll_top.get();
        let below = lane_top + LANE_H + 4.0;
        let plot_bottom = AXIS_H + tl.lanes_height.get();
        // Near the bottom, the card opens upwards so it stays inside the plot.
        let (top, bottom) = if below + CARD_ROOM > plot_bottom {
            (
                "auto".to_string(),
                format!("{:.0}px", plot_bottom - lane_top + 4.0),
            )
        } else {
            (format!("{below:.0}px"), "auto".to_string())
        };
        let content = tl.loaded.with_value(|loaded| {
            let articles = &loaded.bundle.articles;
            if count == 1 {
                let item = lane_data.items.get(first as usize)?;
                let article = &articles[item.article as usize];
                let conference = &article.conferences[item.conference as usize];
                let chairs: Vec<&str> = conference
                    .people
                    .iter()
                    .filter(|p| p.role == Role::Chair)
                    .map(|p| p.name.as_str())
                    .collect();
                let province = article.province.as_ref().map(|p| p.name.clone());
                let period = conference.period.as_ref().map(|p| p.label.clone());
                let online = conference.online.then(|| format!(" · {}", t.online));
                Some(
                    view! {
                        <p class="tl-card-head">
                            <KindKey kind=item.kind />
                            <strong>{kind_label(item.kind, lang)}</strong>
                            " · "
                            {item.date_label(lang)}
                            {online}
                        </p>
                        <p class="tl-card-title">{article.title.clone()}</p>
                        <dl>
                            {province.map(|p| view! { <dt>{t.province}</dt><dd>{p}</dd> })}
                            {(!chairs.is_empty()).then(|| view! { <dt>{t.chair}</dt><dd>{chairs.join(", ")}</dd> })}
                            {period.map(|p| view! { <dt>{t.period}</dt><dd>{p}</dd> })}
                        </dl>
                        <p class="muted small">{t.open_hint}</p>
                    }
                    .into_any(),
                )
            } else {
                let run = m.0.run(lane, first, count);
                let mut kinds: Vec<(ConferenceKind, usize)> = ConferenceKind::ALL
                    .into_iter()
                    .map(|k| (k, run.iter().filter(|i| i.kind == k).count()))
                    .filter(|(_, n)| *n > 0)
                    .collect();
                kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
                let (from, to) = (
                    run[0].date_label(lang),
                    run[run.len() - 1].date_label(lang),
                );
                let titles: Vec<String> = run
                    .iter()
                    .take(CLUSTER_TITLES)
                    .map(|i| articles[i.article as usize].title.clone())
                    .collect();
                let more = (count as usize > titles.len())
                    .then(|| format!("… +{} {}", count as usize - titles.len(), t.and_more));
                let zoomable = s.px_per_day < MAX_PX_PER_DAY;
                Some(
                    view! {
                        <p class="tl-card-head">
                            <strong>{format!("{count} {}", t.conferences)}</strong>
                            " · "
                            {lane_data.label.clone()}
                        </p>
                        <p>{format!("{from} – {to}")}</p>
                        <p class="tl-card-kinds">
                            {kinds
                                .into_iter()
                                .map(|(k, n)| view! { <span><KindKey kind=k />{format!("{} {n}", kind_label(k, lang))}</span> })
                                .collect_view()}
                        </p>
                        <ul class="tl-card-titles">
                            {titles.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                        </ul>
                        {more.map(|m| view! { <p class="muted">{m}</p> })}
                        {zoomable.then_some(view! { <p class="muted small">{t.zoom_hint}</p> })}
                    }
                    .into_any(),
                )
            }
        })?;
        Some(view! {
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
}
