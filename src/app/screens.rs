//! Whole-page states around the archive: loading, failure, and the warning for skipped records.

use leptos::prelude::*;

use hoinghi::load::SkippedArticle;

use super::lang::use_texts;

#[component]
pub fn Loading(url: String, received: usize, total: Option<usize>) -> impl IntoView {
    let t = use_texts();
    // Content-Length counts compressed bytes when the server gzips, so the bar may run past it.
    let fraction = total
        .filter(|t| *t > 0)
        .map(|t| (received as f64 / t as f64).min(1.0));
    let amount = match total {
        Some(t) => format!("{} / {}", kilobytes(received), kilobytes(t)),
        None => kilobytes(received),
    };
    view! {
        <section class="loading" aria-busy="true" aria-live="polite">
            <h1>{move || t().loading}</h1>
            <p class="muted"><code>{url}</code></p>
            <progress max="1" value=fraction.map(|f| f.to_string())></progress>
            <p class="muted">{amount}</p>
        </section>
    }
}

fn kilobytes(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / (1u64 << 20) as f64)
    } else {
        format!("{:.0} KB", bytes as f64 / 1024.0)
    }
}

/// The bundle could not be used at all: say why, which file, and how to get back.
#[component]
pub fn LoadFailed(url: String, cause: String) -> impl IntoView {
    let t = use_texts();
    view! {
        <section class="error-screen" role="alert">
            <h1>{move || t().load_failed}</h1>
            <p>{move || t().file} ": " <code class="bundle-url">{url}</code></p>
            <p class="cause">{cause}</p>
            <p class="actions">
                <a class="button" href="./" rel="external">
                    {move || t().open_default_bundle}
                </a>
                <super::open_file::OpenFile />
                <super::lang::LanguageSwitch />
            </p>
        </section>
    }
}

/// Articles that were left out while loading, counted and listed on demand.
#[component]
pub fn SkippedWarning(warnings: Vec<SkippedArticle>) -> impl IntoView {
    let t = use_texts();
    (!warnings.is_empty()).then(|| {
        let count = warnings.len();
        view! {
            <details class="warning" role="status">
                <summary>
                    {move || t().skipped_articles(count)}
                </summary>
                <ul>
                    {warnings.into_iter().map(|w| view! { <li>{w.to_string()}</li> }).collect_view()}
                </ul>
            </details>
        }
    })
}
