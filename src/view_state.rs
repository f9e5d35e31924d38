//! The app's whole view state as URL query pairs, so every view is a shareable link and
//! back/forward retrace it. Parameter names follow the query syntax's field names (`tinh`, `nam`,
//! `loai` …), so a facet click and a typed `tinh:` filter read alike in the address bar.
//!
//! | key | meaning |
//! | --- | --- |
//! | `q` | the query text |
//! | `exact` | `1`: match diacritics exactly |
//! | `sort` | `moi` newest, `cu` oldest, `hoinghi` conference date; absent: relevance |
//! | `tinh`, `tinh2025`, `nam`, `loai`, `nguon`, `nguoi`, `vanban`, `cap` | selected facet values, repeatable |
//! | `tu`, `den` | published-date range, `yyyy-mm-dd` (or `yyyy-mm`, `yyyy`) |
//! | `hop_tu`, `hop_den` | conference-date range, `yyyy-mm-dd`: conferences held then (the timeline's brush) |
//! | `t2025` | `1`: provinces after the 2025 merger |
//! | `xep` | `az`: facet values in Vietnamese alphabetical order instead of by count |
//! | `a` | the article open in the reader |
//! | `bundle` | the bundle's URL when it is not the default |

use crate::search::{Facet, FacetSort, SearchRequest, Sort};

/// The URL key of each facet's selections.
pub fn facet_key(facet: Facet) -> &'static str {
    match facet {
        Facet::Province => "tinh",
        Facet::Province2025 => "tinh2025",
        Facet::Year => "nam",
        Facet::Kind => "loai",
        Facet::Source => "nguon",
        Facet::Person => "nguoi",
        Facet::Document => "vanban",
        Facet::Level => "cap",
    }
}

/// The URL value of a sort order; relevance, the default, has none.
pub fn sort_value(sort: Sort) -> Option<&'static str> {
    match sort {
        Sort::Relevance => None,
        Sort::Newest => Some("moi"),
        Sort::Oldest => Some("cu"),
        Sort::ConferenceDate => Some("hoinghi"),
    }
}

fn sort_from(value: &str) -> Sort {
    [Sort::Newest, Sort::Oldest, Sort::ConferenceDate]
        .into_iter()
        .find(|s| sort_value(*s) == Some(value))
        .unwrap_or_default()
}

/// Reads a search request from query pairs; unknown keys and values are ignored.
pub fn request_from_pairs<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> SearchRequest {
    let mut req = SearchRequest::default();
    for (key, value) in pairs {
        match key {
            "q" => req.query = value.to_string(),
            "exact" => req.exact = value == "1",
            "sort" => req.sort = sort_from(value),
            "tu" => req.date_from = Some(value.to_string()).filter(|v| !v.is_empty()),
            "den" => req.date_to = Some(value.to_string()).filter(|v| !v.is_empty()),
            "hop_tu" => req.held_from = Some(value.to_string()).filter(|v| !v.is_empty()),
            "hop_den" => req.held_to = Some(value.to_string()).filter(|v| !v.is_empty()),
            "t2025" => req.provinces_2025 = value == "1",
            "xep" => {
                req.facet_sort = if value == "az" {
                    FacetSort::Alpha
                } else {
                    FacetSort::Count
                }
            }
            _ => {
                if let Some(facet) = Facet::ALL.into_iter().find(|f| facet_key(*f) == key) {
                    match req.filters.iter_mut().find(|(f, _)| *f == facet) {
                        Some((_, values)) if !values.iter().any(|v| v == value) => {
                            values.push(value.to_string())
                        }
                        Some(_) => {}
                        None => req.filters.push((facet, vec![value.to_string()])),
                    }
                }
            }
        }
    }
    req
}

/// The query pairs of a request, in a stable order; defaults are left out to keep links short.
pub fn pairs_from_request(req: &SearchRequest) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    if !req.query.is_empty() {
        pairs.push(("q", req.query.clone()));
    }
    if req.exact {
        pairs.push(("exact", "1".into()));
    }
    if let Some(sort) = sort_value(req.sort) {
        pairs.push(("sort", sort.into()));
    }
    for facet in Facet::ALL {
        if let Some((_, values)) = req.filters.iter().find(|(f, _)| *f == facet) {
            pairs.extend(values.iter().map(|v| (facet_key(facet), v.clone())));
        }
    }
    if let Some(from) = &req.date_from {
        pairs.push(("tu", from.clone()));
    }
    if let Some(to) = &req.date_to {
        pairs.push(("den", to.clone()));
    }
    if let Some(from) = &req.held_from {
        pairs.push(("hop_tu", from.clone()));
    }
    if let Some(to) = &req.held_to {
        pairs.push(("hop_den", to.clone()));
    }
    if req.provinces_2025 {
        pairs.push(("t2025", "1".into()));
    }
    if req.facet_sort == FacetSort::Alpha {
        pairs.push(("xep", "az".into()));
    }
    pairs
}

/// `req` with `value` of `facet` selected if it was not, unselected if it was.
pub fn toggle_filter(req: &SearchRequest, facet: Facet, value: &str) -> SearchRequest {
    let mut next = req.clone();
    match next.filters.iter_mut().position(|(f, _)| *f == facet) {
        Some(i) => {
            let values = &mut next.filters[i].1;
            match values.iter().position(|v| v == value) {
                Some(j) => {
                    values.remove(j);
                    if values.is_empty() {
                        next.filters.remove(i);
                    }
                }
                None => values.push(value.to_string()),
            }
        }
        None => next.filters.push((facet, vec![value.to_string()])),
    }
    next
}

/// Whether anything narrows the archive (text, facets or dates).
pub fn is_narrowed(req: &SearchRequest) -> bool {
    !req.query.trim().is_empty()
        || !req.filters.is_empty()
        || req.date_from.is_some()
        || req.date_to.is_some()
        || req.held_from.is_some()
        || req.held_to.is_some()
}

/// `req` narrowed to `value` of `facet`: that facet's selection becomes just `value`. Used on a
/// result set the current selection already covers (the overview's cells and bars), where it
/// finds exactly the articles counted.
pub fn narrow_to(req: &SearchRequest, facet: Facet, value: &str) -> SearchRequest {
    let mut next = req.clone();
    next.filters.retain(|(f, _)| *f != facet);
    next.filters.push((facet, vec![value.to_string()]));
    next
}

/// `req` narrowed to the publication month `yyyy-mm`, within any date range it already has.
pub fn narrow_to_month(req: &SearchRequest, month: &str) -> SearchRequest {
    // Bounds compare as text once padded to full dates: `yyyy-mm-dd` sorts like the dates.
    let padded = |d: &str, fill: &str| format!("{d}{}", &fill[d.len().min(fill.len())..]);
    let mut next = req.clone();
    let from = match &req.date_from {
        Some(f) if padded(f, "0000-00-00") > padded(month, "0000-00-00") => f.clone(),
        _ => month.to_string(),
    };
    let to = match &req.date_to {
        Some(t) if padded(t, "9999-99-99") < padded(month, "9999-99-99") => t.clone(),
        _ => month.to_string(),
    };
    next.date_from = Some(from);
    next.date_to = Some(to);
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&'static str, &'static str)]) -> SearchRequest {
        request_from_pairs(pairs.iter().copied())
    }

    #[test]
    fn every_field_round_trips_through_pairs() {
        let req = parse(&[
            ("q", "dân vận khéo"),
            ("exact", "1"),
            ("sort", "cu"),
            ("tinh", "Phú Yên"),
            ("tinh", "Gia Lai"),
            ("loai", "tong_ket"),
            ("tu", "2022-01"),
            ("den", "2023-12-31"),
            ("hop_tu", "2022-07-01"),
            ("hop_den", "2023-04-30"),
            ("t2025", "1"),
            ("xep", "az"),
            ("a", "ignored-here"),
        ]);
        assert_eq!(req.query, "dân vận khéo");
        assert!(req.exact && req.provinces_2025);
        assert_eq!(req.sort, Sort::Oldest);
        assert_eq!(
            (req.held_from.as_deref(), req.held_to.as_deref()),
            (Some("2022-07-01"), Some("2023-04-30"))
        );
        assert_eq!(req.facet_sort, FacetSort::Alpha);
        assert_eq!(
            req.filters,
            vec![
                (Facet::Province, vec!["Phú Yên".into(), "Gia Lai".into()]),
                (Facet::Kind, vec!["tong_ket".into()])
            ]
        );
        let pairs = pairs_from_request(&req);
        let again = request_from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(again, req);
    }

    #[test]
    fn defaults_leave_no_pairs_and_unknown_values_fall_back() {
        assert!(pairs_from_request(&SearchRequest::default()).is_empty());
        let req = parse(&[("sort", "sideways"), ("exact", "yes"), ("tu", "")]);
        assert_eq!(req, SearchRequest::default());
    }

    #[test]
    fn repeated_values_are_kept_once() {
        let req = parse(&[("nam", "2023"), ("nam", "2023")]);
        assert_eq!(req.filters, vec![(Facet::Year, vec!["2023".into()])]);
    }

    #[test]
    fn toggling_adds_then_removes_a_value() {
        let req = SearchRequest::default();
        let on = toggle_filter(&req, Facet::Year, "2023");
        assert_eq!(on.filters, vec![(Facet::Year, vec!["2023".into()])]);
        let both = toggle_filter(&on, Facet::Year, "2022");
        assert_eq!(both.filters[0].1, ["2023", "2022"]);
        let off = toggle_filter(
            &toggle_filter(&both, Facet::Year, "2023"),
            Facet::Year,
            "2022",
        );
        assert!(off.filters.is_empty());
        assert!(is_narrowed(&on) && !is_narrowed(&off));
    }

    #[test]
    fn narrowing_replaces_one_facet_and_keeps_the_rest() {
        let req = parse(&[("q", "giao ban"), ("tinh", "Phú Yên"), ("tinh", "Gia Lai")]);
        let req = toggle_filter(&req, Facet::Kind, "tong_ket");
        let cell = narrow_to(
            &narrow_to(&req, Facet::Province, "Gia Lai"),
            Facet::Year,
            "2023",
        );
        assert_eq!(cell.query, "giao ban");
        assert_eq!(
            cell.filters,
            vec![
                (Facet::Kind, vec!["tong_ket".into()]),
                (Facet::Province, vec!["Gia Lai".into()]),
                (Facet::Year, vec!["2023".into()])
            ]
        );
    }

    #[test]
    fn narrowing_to_a_month_stays_inside_the_date_range() {
        let month = |from: Option<&str>, to: Option<&str>| {
            let req = SearchRequest {
                date_from: from.map(str::to_string),
                date_to: to.map(str::to_string),
                ..SearchRequest::default()
            };
            let next = narrow_to_month(&req, "2023-04");
            (next.date_from.unwrap(), next.date_to.unwrap())
        };
        let owned = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(month(None, None), owned("2023-04", "2023-04"));
        assert_eq!(
            month(Some("2022"), Some("2024")),
            owned("2023-04", "2023-04")
        );
        assert_eq!(
            month(Some("2023-04-10"), Some("2023-04-20")),
            owned("2023-04-10", "2023-04-20")
        );
        assert_eq!(
            month(Some("2023-04"), Some("2023")),
            owned("2023-04", "2023-04")
        );
    }
}
