//! Text with the query's matches marked. Ranges come from the core (folding-aware), so `dan van`
//! marks "Dân vận"; the text itself is always rendered as text.

use std::ops::Range;

use leptos::prelude::*;

/// `text` split into plain runs and `<mark>` runs at `ranges` (byte ranges, sorted, disjoint).
pub fn marked(text: &str, ranges: &[Range<usize>]) -> AnyView {
    if ranges.is_empty() {
        return text.to_string().into_any();
    }
    runs(text, ranges)
        .into_iter()
        .map(|(run, matched)| {
            if matched {
                view! { <mark>{run.to_string()}</mark> }.into_any()
            } else {
                run.to_string().into_any()
            }
        })
        .collect::<Vec<_>>()
        .into_any()
}

/// `text` cut at `ranges` (byte ranges, sorted, disjoint) into runs, each with whether it is a
/// match. A range that overlaps an earlier one or does not fall on character boundaries is
/// skipped rather than trusted.
pub fn runs<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for r in ranges {
        let (start, end) = (r.start.max(at), r.end.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            out.push((&text[at..start], false));
        }
        out.push((&text[start..end], true));
        at = end;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out
}
