//! Text with the query's matches marked. Ranges come from the core (folding-aware), so `dan van`
//! marks "Dân vận"; the text itself is always rendered as text.

use std::ops::Range;

use leptos::prelude::*;

/// `text` split into plain runs and `<mark>` runs at `ranges` (byte ranges, sorted, disjoint).
pub fn marked(text: &str, ranges: &[Range<usize>]) -> AnyView {
    if ranges.is_empty() {
        return text.to_string().into_any();
    }
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for r in ranges {
        let (start, end) = (r.start.max(at), r.end.min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            parts.push(text[at..start].to_string().into_any());
        }
        parts.push(view! { <mark>{text[start..end].to_string()}</mark> }.into_any());
        at = end;
    }
    if at < text.len() {
        parts.push(text[at..].to_string().into_any());
    }
    parts.into_any()
}
