//! Vietnamese folding, the search index, queries and facets.
//!
//! The CLI builds a [`SearchIndex`] into the bundle ([`SearchIndex::to_bytes`], or
//! [`SearchIndex::to_base64`] for a JSON field); the app loads it with
//! [`SearchIndex::from_bytes`] (or builds one with [`SearchIndex::build`] when a bundle has
//! none), then calls [`SearchIndex::search`] on every keystroke. Results are the ranked article
//! indices, of which only the first screen's worth is ranked at once ([`SearchResults::ids_in`];
//! the rest when read); snippets and highlights are computed on demand for the visible rows with
//! [`SearchResults::highlighter`].
//!
//! Choices worth knowing:
//! - Words are ANDed; adjacent query words found side by side rank first, then BM25F (title
//!   occurrences weigh 3×). The last word is a prefix while typing if it has two or more
//!   letters; on large archives its expansion is capped (rarest completions first).
//! - `tinh:phu yen` works unquoted: the parser extends a field value over following words while
//!   the longer value still selects something ([`query`]). Query field filters narrow every
//!   count; facet selections in [`SearchRequest::filters`] are disjunctive per facet.
//! - A date range excludes undated articles; the histogram ignores the range itself.
//! - The index keeps recent intermediate results between searches (behind a mutex, so the
//!   index is `Sync`); [`SearchIndex::prepare`] fills them for a request without searching,
//!   which the app does for the likeliest next keystrokes ([`SearchIndex::likely_next`]) while
//!   typing pauses.

mod ahead;
pub mod base64;
pub mod collate;
mod facets;
pub mod fold;
pub(crate) mod format;
pub(crate) mod index;
mod locate;
pub mod query;
mod radix;
mod rank;
mod ranked;
mod snippet;
mod tally;
mod terms;
pub mod tokenize;

#[cfg(test)]
mod tests;

pub use ahead::AHEAD_COUNT;
pub use facets::{Facet, FacetCounts, FacetSort, FacetValue};

use facets::FacetTable;
pub use format::{IndexError, FORMAT_VERSION, MAGIC};
pub use index::SearchIndex;
pub use query::{Field, Notice, Query};
use ranked::{Key, Ranked};
pub use snippet::{highlight_ranges, snippet_for, Highlighter, Snippet};
use tally::{Groups, Tallies};
pub use terms::Terms;

use index::date_number;
use query::FieldVocab;

/// Order of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Adjacent-phrase matches first, then BM25F score; newest first when there are no words.
    #[default]
    Relevance,
    /// Published date, newest first; undated last.
    Newest,
    /// Published date, oldest first; undated last.
    Oldest,
    /// Latest conference date in the article, newest first; articles without one last.
    ConferenceDate,
}

/// Everything that determines a search; cheap to clone into a signal.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchRequest {
    /// What the user typed, in the query syntax of [`query`].
    pub query: String,
    /// Match diacritics exactly instead of folding them.
    pub exact: bool,
    pub sort: Sort,
    /// Selected facet values (as [`FacetValue::value`]); ORed within a facet, ANDed across.
    pub filters: Vec<(Facet, Vec<String>)>,
    /// Inclusive published-date bounds, `yyyy-mm-dd` (or `yyyy-mm`, `yyyy`).
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    /// Inclusive conference-date bounds, `yyyy-mm-dd`: articles reporting a conference held in
    /// the range (the timeline's brush). The index does not know how precise a conference date
    /// is (a month, a year), so [`SearchIndex::search`] cannot apply it: the caller passes the
    /// articles it selects to [`SearchIndex::search_among`]
    /// ([`crate::timeline::held_within`] computes them).
    pub held_from: Option<String>,
    pub held_to: Option<String>,
    /// `tinh:` filters post-2025 provinces ([`Facet::Province2025`]) instead of pre-2025 ones.
    pub provinces_2025: bool,
    pub facet_sort: FacetSort,
}

/// Articles published in one month that match everything but the date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthCount {
    pub year: u16,
    pub month: u8,
    pub count: u32,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults {
    /// Indices into the bundle's articles, in rank order ([`SearchResults::ids`]).
    ranked: Ranked,
    /// How many articles match.
    pub total: usize,
    /// Every facet of [`Facet::ALL`], with its disjunctive counts (see [`SearchResults::facet`]),
    /// counted on first read.
    tallies: Tallies,
    /// What in the query was not understood and how it was read instead.
    pub notices: Vec<Notice>,
    /// Per month, from the first to the last month with articles (zeros in between); counts
    /// ignore the date range itself, like a facet ignores its own selection.
    pub histogram: Vec<MonthCount>,
    /// Highlights and snippets for this query; call it for visible rows only.
    pub highlighter: Highlighter,
}

impl SearchResults {
    /// Indices into the bundle's articles, best first. The first screen's worth is ranked by
    /// the search; the rest is sorted on the first call that reads past it.
    pub fn ids(&self) -> &[u32] {
        self.ranked.all()
    }

    /// The results at `range` of [`SearchResults::ids`] (clamped to `total`), without sorting
    /// them all when the range lies within the first screen's worth: what the result list
    /// shows while typing.
    pub fn ids_in(&self, range: std::ops::Range<usize>) -> &[u32] {
        self.ranked.range(range)
    }

    /// The listed values of one facet (non-zero counts and selected values), in order.
    pub fn facet(&self, facet: Facet) -> FacetCounts {
        self.facet_top(facet, usize::MAX)
    }

    /// The first `limit` values of [`SearchResults::facet`], at a cost that grows with `limit`
    /// rather than with the facet's size.
    pub fn facet_top(&self, facet: Facet, limit: usize) -> FacetCounts {
        let (tally, table) = self.tallies.of(facet, self.ranked.in_article_order());
        tally.top(table, limit)
    }

    /// How many values [`SearchResults::facet`] lists.
    pub fn facet_len(&self, facet: Facet) -> usize {
        self.tallies
            .of(facet, self.ranked.in_article_order())
            .0
            .listed
    }
}

struct Vocab<'a> {
    index: &'a SearchIndex,
    provinces_2025: bool,
}

impl FieldVocab for Vocab<'_> {
    fn has_value(&self, field: Field, folded: &str) -> bool {
        let facet = Facet::of_field(field, self.provinces_2025);
        self.index.facets[facet.index()].has_value(facet, folded)
    }
}

/// Bit of the date range among the per-document selection failure bits (facets use 0..8).
const DATE_BIT: u32 = 1 << Facet::ALL.len();

/// Parses a date bound to `yyyymmdd`; a missing month or day takes `fill` (00 or 99).
fn date_bound(s: &str, fill: u32) -> Option<u32> {
    let n = date_number(s.trim())?;
    let (month, day) = (n / 100 % 100, n % 100);
    let month_fill = if fill == 0 { 0 } else { 12 };
    Some(
        n / 10000 * 10000
            + if month == 0 { month_fill } else { month } * 100
            + if day == 0 { fill } else { day },
    )
}

impl SearchIndex {
    /// Parses `text` with this index's facet values (for multi-word unquoted field values).
    pub fn parse_query(&self, text: &str, exact: bool, provinces_2025: bool) -> Query {
        Query::parse(
            text,
            exact,
            &Vocab {
                index: self,
                provinces_2025,
            },
        )
    }

    /// Runs a search: ranked ids, facet counts (counted when first read), histogram and notices.
    pub fn search(&self, req: &SearchRequest) -> SearchResults {
        self.search_among(req, None)
    }

    /// Searches worth running once, results unused, while the page is idle after loading: the
    /// kinds typing makes, on this archive's two most common words (the first letters of one as
    /// a prefix, both side by side, both as a phrase). In a browser a page's first searches are
    /// slower, most likely because the engine has not yet optimised their code and the memory has
    /// yet to grow: the first prefix of a common word took about twice as long as it does later.
    pub fn warm_up_requests(&self) -> Vec<SearchRequest> {
        let mut common: Vec<usize> = (0..self.term_count()).collect();
        let size = |i: &usize| std::cmp::Reverse(self.term(*i).postings.len());
        if common.len() > 2 {
            common.select_nth_unstable_by_key(1, size);
        }
        let words: Vec<&str> = common
            .iter()
            .take(2)
            .map(|i| self.term(*i).folded)
            .collect();
        let [first, second] = words[..] else {
            return vec![];
        };
        let prefix: String = first.chars().take(2).collect();
        [
            prefix,
            format!("{first} {second}"),
            format!("\"{first} {second}\""),
        ]
        .into_iter()
        .map(|query| SearchRequest {
            query,
            ..SearchRequest::default()
        })
        .collect()
    }

    /// [`SearchIndex::search`] within the documents `among` marks (by index), when given: the
    /// others are left out of the results, the facet counts and the histogram alike.
    pub fn search_among(&self, req: &SearchRequest, among: Option<&[bool]>) -> SearchResults {
        let q = self.parse_query(&req.query, req.exact, req.provinces_2025);
        let mut notices = q.notices.clone();
        let text = self.match_text(&q, req.exact);
        let mut base = text.matched;

        // Field filters in the query are part of the query: they narrow every count.
        let mut wanted: Vec<Option<Vec<bool>>> = vec![None; Facet::ALL.len()];
        let mut unwanted: Vec<Option<Vec<bool>>> = vec![None; Facet::ALL.len()];
        for f in &q.filters {
            let facet = Facet::of_field(f.field, req.provinces_2025);
            let table = &self.facets[facet.index()];
            let ids = table.resolve(facet, &f.value);
            if ids.is_empty() {
                notices.push(Notice::NoSuchValue(f.value.clone()));
            }
            let slot = if f.negated {
                &mut unwanted
            } else {
                &mut wanted
            };
            let set = slot[facet.index()].get_or_insert_with(|| vec![false; table.values.len()]);
            ids.into_iter().for_each(|i| set[i as usize] = true);
        }
        // Only the facets the filters name are read, each through its counting layout: going
        // through all eight facets' value lists for every matching document took 2.5 ms on
        // 35,000 articles.
        let checks: Vec<_> = self
            .facets
            .iter()
            .zip(wanted.iter().zip(&unwanted))
            .filter(|(_, (want, unwant))| want.is_some() || unwant.is_some())
            .map(|(table, (want, unwant))| (table, want.as_deref(), unwant.as_deref()))
            .collect();
        if !checks.is_empty() {
            for (d, keep) in base.iter_mut().enumerate().filter(|(_, k)| **k) {
                *keep = checks.iter().all(|&(table, want, unwant)| {
                    want.is_none_or(|w| tally::has_any(table, d, w))
                        && !unwant.is_some_and(|u| tally::has_any(table, d, u))
                });
            }
        }

        // Selections from the facet panels.
        let mut selected: Vec<Vec<bool>> = self
            .facets
            .iter()
            .map(|t| vec![false; t.values.len()])
            .collect();
        let mut active = 0u32;
        for (facet, values) in &req.filters {
            let table = &self.facets[facet.index()];
            for id in values.iter().filter_map(|v| table.id_of(v)) {
                selected[facet.index()][id as usize] = true;
                active |= 1 << facet.index();
            }
        }
        let mut bound =
            |s: &Option<String>, fill: u32, default: u32| match s.as_deref().map(str::trim) {
                None | Some("") => default,
                Some(s) => date_bound(s, fill).unwrap_or_else(|| {
                    notices.push(Notice::BadDate(s.to_string()));
                    default
                }),
            };
        let from = bound(&req.date_from, 0, 0);
        let to = bound(&req.date_to, 99, u32::MAX);
        let dated = from > 0 || to < u32::MAX;

        // Documents outside `among` are left out of everything, as if they did not match.
        if let Some(among) = among {
            for (d, keep) in base.iter_mut().enumerate() {
                *keep &= among.get(d).copied().unwrap_or(false);
            }
        }
        let tables: &[FacetTable] = &self.facets;
        let fails = |d: usize| {
            let mut fail = 0u32;
            for (f, (table, chosen)) in tables.iter().zip(&selected).enumerate() {
                if active & (1 << f) != 0 && !tally::has_any(table, d, chosen) {
                    fail |= 1 << f;
                }
            }
            let published = self.published[d];
            if dated && !(published > 0 && published >= from && published <= to) {
                fail |= DATE_BIT;
            }
            fail
        };
        let selecting = active != 0 || dated;
        let groups = Groups::new(&base, Facet::ALL.len() + 1, selecting.then_some(fails));
        // The histogram ignores the date range, like a facet its own selection.
        let months: Vec<u32> = groups
            .passing
            .iter()
            .chain(&groups.left_out.only[Facet::ALL.len()])
            .map(|d| self.published[*d as usize])
            .filter(|published| published % 10000 / 100 > 0)
            .map(|published| published / 100)
            .collect();
        let ranked = Ranked::new(
            groups.passing,
            self.rank_key(req.sort, &q, &text.score, &text.adjacent),
        );

        SearchResults {
            total: ranked.len(),
            ranked,
            tallies: Tallies::new(
                groups.left_out,
                self.facets.clone(),
                selected,
                req.facet_sort,
            ),
            notices,
            histogram: histogram(months),
            highlighter: Highlighter::from_query(&q, req.exact),
        }
    }

    /// What orders article `d` among the results under `sort`, smaller first; article order
    /// breaks the remaining ties.
    fn rank_key<'a>(
        &'a self,
        sort: Sort,
        q: &Query,
        score: &'a [f32],
        adjacent: &'a [u8],
    ) -> impl Fn(u32) -> Key + 'a {
        let text = !q.is_text_empty();
        // More adjacent pairs first, then higher score (non-negative floats order like their
        // bits); every score is 0 without words.
        let relevance = move |d: usize| {
            if text {
                u64::from(255 - adjacent[d]) << 32 | u64::from(!score[d].to_bits())
            } else {
                0
            }
        };
        // Undated (0) sorts last in both directions.
        let newest = |date: u32| if date == 0 { u32::MAX } else { !date };
        let oldest = |date: u32| date.wrapping_sub(1);
        // Relevance without words means newest first; a date sort breaks its ties by relevance.
        let dates: Option<&[u32]> = match sort {
            Sort::Relevance if text => None,
            Sort::Relevance | Sort::Newest | Sort::Oldest => Some(&self.published),
            Sort::ConferenceDate => Some(&self.conf_date),
        };
        let by: fn(u32) -> u32 = if sort == Sort::Oldest { oldest } else { newest };
        move |d| {
            let d = d as usize;
            match dates {
                Some(dates) => (u64::from(by(dates[d])), relevance(d)),
                None => (relevance(d), 0),
            }
        }
    }
}

/// Counts per month from `yyyymm` numbers, with empty months in between.
fn histogram(mut months: Vec<u32>) -> Vec<MonthCount> {
    // Only a damaged index holds other months.
    months.retain(|m| (1..=12).contains(&(m % 100)));
    let (Some(&first), Some(&last)) = (months.iter().min(), months.iter().max()) else {
        return vec![];
    };
    // Counted in place by month number since the first month, rather than sorted.
    let serial = |m: u32| (m / 100 * 12 + m % 100) as usize;
    let mut counts = vec![0u32; serial(last) - serial(first) + 1];
    for m in months {
        counts[serial(m) - serial(first)] += 1;
    }
    let (mut year, mut month) = (first / 100, first % 100);
    let mut out = Vec::with_capacity(counts.len());
    for count in counts {
        out.push(MonthCount {
            year: year as u16,
            month: month as u8,
            count,
        });
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    out
}
