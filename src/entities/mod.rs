//! What the archive says about one person, document or province, and about the whole archive:
//! the summaries behind the entity cards, and the overview page ([`overview()`]).
//!
//! Names are matched as the bundle spells them (the facets list those spellings), so a summary
//! counts exactly the articles its facet value selects.

use std::collections::BTreeMap;

use crate::bundle::{Article, ConferenceKind, DatePrecision};
use crate::timeline::scale::{date_of, day_number, parse_day};

mod overview;

pub use overview::{heat_level, overview, Counts, HeatRow, Overview};

/// The date an article's facts are as of: its first conference, else its publication.
fn as_of(article: &Article) -> Option<&str> {
    article
        .conferences
        .iter()
        .find_map(|c| c.date.as_deref())
        .or(article.published.as_deref())
        .map(|d| d.get(..10).unwrap_or(d))
}

/// A title someone held, and the span of dates the archive shows them with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldTitle {
    pub title: String,
    pub first: Option<String>,
    pub last: Option<String>,
    pub mentions: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PersonSummary {
    pub articles: usize,
    /// Conferences they chaired or spoke at: (article position, conference position).
    pub conferences: Vec<(usize, usize)>,
    /// Titles in the order they were first held.
    pub titles: Vec<HeldTitle>,
}

impl PersonSummary {
    /// The `n` titles mentioned most (the earlier first on a tie), in the order of
    /// [`PersonSummary::titles`]: what a card shows before "more". Extraction from news text
    /// finds many variants of one office, each mentioned once or twice.
    pub fn main_titles(&self, n: usize) -> Vec<&HeldTitle> {
        let mut ranked: Vec<usize> = (0..self.titles.len()).collect();
        ranked.sort_by_key(|&i| (std::cmp::Reverse(self.titles[i].mentions), i));
        ranked.truncate(n);
        ranked.sort_unstable();
        ranked.into_iter().map(|i| &self.titles[i]).collect()
    }
}

/// Everything the archive says about the person called `name`.
pub fn person(articles: &[Article], name: &str) -> PersonSummary {
    let mut summary = PersonSummary::default();
    let mut titles: Vec<HeldTitle> = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        // Most articles do not name them: nothing is computed or allocated for those (this runs
        // over the whole archive when a person is picked in the facets).
        let named = article.people.iter().any(|p| p.name == name)
            || (article.conferences.iter()).any(|c| c.people.iter().any(|p| p.name == name));
        if !named {
            continue;
        }
        let date = as_of(article);
        let mut note = |held: &[String]| {
            for title in held {
                match titles.iter_mut().find(|t| &t.title == title) {
                    Some(t) => {
                        t.mentions += 1;
                        widen(&mut t.first, &mut t.last, date);
                    }
                    None => titles.push(HeldTitle {
                        title: title.clone(),
                        first: date.map(str::to_string),
                        last: date.map(str::to_string),
                        mentions: 1,
                    }),
                }
            }
        };
        for p in article.people.iter().filter(|p| p.name == name) {
            note(&p.titles);
        }
        for (c, conference) in article.conferences.iter().enumerate() {
            for p in conference.people.iter().filter(|p| p.name == name) {
                note(&p.titles);
                if !summary.conferences.contains(&(a, c)) {
                    summary.conferences.push((a, c));
                }
            }
        }
        summary.articles += 1;
    }
    // Undated mentions sort last: they say nothing about when.
    titles.sort_by(|x, y| {
        (x.first.is_none(), &x.first, &x.title).cmp(&(y.first.is_none(), &y.first, &y.title))
    });
    summary.titles = titles;
    summary
}

fn widen(first: &mut Option<String>, last: &mut Option<String>, date: Option<&str>) {
    let Some(date) = date else { return };
    if first.as_deref().is_none_or(|f| date < f) {
        *first = Some(date.to_string());
    }
    if last.as_deref().is_none_or(|l| date > l) {
        *last = Some(date.to_string());
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocumentSummary {
    /// The type and date of issue as cited (the first citation that gives them).
    pub doc_type: Option<String>,
    pub issued: Option<String>,
    pub articles: usize,
    /// First and last dates it is cited on.
    pub first_mention: Option<String>,
    pub last_mention: Option<String>,
}

/// Everything the archive says about the document numbered `number`.
pub fn document(articles: &[Article], number: &str) -> DocumentSummary {
    let mut summary = DocumentSummary::default();
    for article in articles {
        let cited: Vec<_> = article
            .documents
            .iter()
            .filter(|d| d.number == number)
            .collect();
        if cited.is_empty() {
            continue;
        }
        summary.articles += 1;
        for d in cited {
            summary.doc_type = summary.doc_type.take().or_else(|| d.doc_type.clone());
            summary.issued = summary.issued.take().or_else(|| d.date.clone());
        }
        widen(
            &mut summary.first_mention,
            &mut summary.last_mention,
            article
                .published
                .as_deref()
                .map(|p| p.get(..10).unwrap_or(p)),
        );
    }
    summary
}

/// Counts of one year, by conference kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearCounts {
    pub year: i32,
    pub articles: usize,
    pub by_kind: Vec<(ConferenceKind, usize)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProvinceSummary {
    pub articles: usize,
    pub conferences: usize,
    /// Per year of the article (conference date first, else publication), oldest first.
    pub years: Vec<YearCounts>,
    /// Its conferences with a date, oldest first: the province's mini timeline.
    pub dated: Vec<DatedConference>,
}

/// A conference placed in time on a province's mini timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedConference {
    pub date: String,
    pub precision: DatePrecision,
    pub kind: ConferenceKind,
    /// Position of its article in the bundle.
    pub article: usize,
    /// Where the mark goes, in thousandths of the span from the first to the last year shown.
    pub at: u16,
}

/// Everything the archive says about the province `name` (pre-2025, or post-2025 when `after_2025`).
pub fn province(articles: &[Article], name: &str, after_2025: bool) -> ProvinceSummary {
    let mut summary = ProvinceSummary::default();
    let mut years: BTreeMap<i32, (usize, BTreeMap<ConferenceKind, usize>)> = BTreeMap::new();
    for (position, article) in articles.iter().enumerate() {
        let Some(place) = &article.province else {
            continue;
        };
        let shown = if after_2025 {
            place.name_2025.as_deref().unwrap_or(&place.name)
        } else {
            &place.name
        };
        if shown != name {
            continue;
        }
        summary.articles += 1;
        summary.conferences += article.conferences.len();
        summary
            .dated
            .extend(article.conferences.iter().filter_map(|c| {
                Some(DatedConference {
                    date: c.date.clone()?,
                    precision: c.precision,
                    kind: c.kind,
                    article: position,
                    at: 0,
                })
            }));
        let Some(year) = as_of(article).and_then(|d| d.get(..4)?.parse().ok()) else {
            continue;
        };
        let entry = years.entry(year).or_default();
        entry.0 += 1;
        for c in &article.conferences {
            *entry.1.entry(c.kind).or_default() += 1;
        }
    }
    summary.years = years
        .into_iter()
        .map(|(year, (articles, kinds))| YearCounts {
            year,
            articles,
            by_kind: kinds.into_iter().collect(),
        })
        .collect();
    place_on_mini_timeline(&mut summary.dated);
    summary
}

/// Sorts by date and spreads the marks over whole years, from January of the first to December
/// of the last, so a single conference still sits where in its year it happened.
fn place_on_mini_timeline(dated: &mut [DatedConference]) {
    dated.sort_by(|a, b| a.date.cmp(&b.date));
    let days: Vec<Option<i32>> = dated.iter().map(|c| parse_day(&c.date)).collect();
    let years = days.iter().flatten().map(|d| date_of(*d).0);
    let (Some(first), Some(last)) = (years.clone().min(), years.max()) else {
        return;
    };
    let start = day_number(first, 1, 1);
    let span = (day_number(last + 1, 1, 1) - start).max(1) as f64;
    for (c, day) in dated.iter_mut().zip(days) {
        c.at = day.map_or(0, |d| ((d - start) as f64 / span * 1000.0).round() as u16);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::bundle::{Conference, DatePrecision, DocumentRef, Participant, Person, Place, Role};

    pub(crate) fn article(date: &str, province: &str) -> Article {
        Article {
            published: Some(date.into()),
            province: Some(Place {
                name: province.into(),
                name_2025: Some(format!("{province} mới")),
                region: None,
                district: None,
                commune: None,
                confidence: Default::default(),
                evidence: vec![],
            }),
            ..Article::bare(date, "t")
        }
    }

    pub(crate) fn conference(
        date: &str,
        kind: ConferenceKind,
        chair: Option<(&str, &str)>,
    ) -> Conference {
        Conference {
            date: Some(date.into()),
            precision: DatePrecision::Day,
            kind,
            name: None,
            period: None,
            level: None,
            online: false,
            host: None,
            people: chair
                .map(|(name, title)| Participant {
                    name: name.into(),
                    titles: vec![title.into()],
                    role: Role::Chair,
                })
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn a_person_s_titles_are_dated_by_the_conferences_they_appear_at() {
        let mut a = article("2021-04-02", "Ninh Bình");
        a.conferences.push(conference(
            "2021-04-02",
            ConferenceKind::KyKet,
            Some(("Đỗ Việt Anh", "Trưởng ban")),
        ));
        let mut b = article("2023-05-01", "Ninh Bình");
        b.people.push(Person {
            name: "Đỗ Việt Anh".into(),
            titles: vec!["Trưởng ban".into(), "Phó Bí thư".into()],
        });
        let c = article("2022-01-01", "Ninh Bình");
        let s = person(&[a, b, c], "Đỗ Việt Anh");
        assert_eq!(s.articles, 2);
        assert_eq!(s.conferences, vec![(0, 0)]);
        assert_eq!(s.titles[0].title, "Trưởng ban");
        assert_eq!(
            (s.titles[0].first.as_deref(), s.titles[0].last.as_deref()),
            (Some("2021-04-02"), Some("2023-05-01"))
        );
        assert_eq!(s.titles[1].title, "Phó Bí thư");
        assert_eq!(s.titles[1].first.as_deref(), Some("2023-05-01"));
    }

    #[test]
    fn a_card_shows_the_most_mentioned_titles_in_the_order_they_were_first_held() {
        let held = |title: &str, mentions: usize| HeldTitle {
            title: title.into(),
            first: None,
            last: None,
            mentions,
        };
        let s = PersonSummary {
            titles: vec![
                held("Phó Bí thư", 1),
                held("Bí thư", 5),
                held("Chủ tịch", 2),
                held("Trưởng ban", 2),
                held("Ủy viên", 9),
            ],
            ..Default::default()
        };
        let shown =
            |n| -> Vec<&str> { s.main_titles(n).iter().map(|t| t.title.as_str()).collect() };
        assert_eq!(
            shown(3),
            ["Bí thư", "Chủ tịch", "Ủy viên"],
            "ties go to the earlier title"
        );
        assert_eq!(shown(9).len(), 5);
        assert!(shown(0).is_empty());
    }

    #[test]
    fn a_document_s_first_and_last_citations() {
        let cite = |date: &str| {
            let mut a = article(date, "Phú Yên");
            a.documents.push(DocumentRef {
                number: "27-CT/TU".into(),
                doc_type: Some("Chỉ thị".into()),
                date: Some("2023-02-02".into()),
            });
            a
        };
        let s = document(
            &[
                cite("2023-06-01"),
                article("2024-01-01", "Phú Yên"),
                cite("2023-04-07"),
            ],
            "27-CT/TU",
        );
        assert_eq!(s.articles, 2);
        assert_eq!(s.doc_type.as_deref(), Some("Chỉ thị"));
        assert_eq!(s.issued.as_deref(), Some("2023-02-02"));
        assert_eq!(s.first_mention.as_deref(), Some("2023-04-07"));
        assert_eq!(s.last_mention.as_deref(), Some("2023-06-01"));
    }

    #[test]
    fn a_province_s_years_count_conferences_by_kind() {
        let mut a = article("2023-04-07", "Phú Yên");
        a.conferences
            .push(conference("2023-04-07", ConferenceKind::GiaoBan, None));
        a.conferences
            .push(conference("2023-04-07", ConferenceKind::TrienKhai, None));
        let b = article("2022-01-01", "Phú Yên");
        let s = province(
            &[a.clone(), b, article("2022-01-01", "Gia Lai")],
            "Phú Yên",
            false,
        );
        assert_eq!((s.articles, s.conferences), (2, 2));
        assert_eq!(
            s.years.iter().map(|y| y.year).collect::<Vec<_>>(),
            [2022, 2023]
        );
        assert_eq!(
            s.years[1].by_kind,
            vec![(ConferenceKind::GiaoBan, 1), (ConferenceKind::TrienKhai, 1)]
        );
        assert_eq!(province(&[a], "Phú Yên mới", true).articles, 1);
    }

    #[test]
    fn a_province_s_mini_timeline_spans_whole_years_in_date_order() {
        let mut a = article("2023-07-02", "Phú Yên");
        a.conferences
            .push(conference("2023-07-02", ConferenceKind::SoKet, None));
        let mut b = article("2022-01-01", "Phú Yên");
        b.conferences
            .push(conference("2022-01-01", ConferenceKind::TongKet, None));
        let s = province(&[a, b], "Phú Yên", false);
        let marks: Vec<_> = s
            .dated
            .iter()
            .map(|c| (c.date.as_str(), c.article, c.at))
            .collect();
        // 2022-01-01 opens the two-year span; 2 July 2023 is 547 of its 730 days in.
        assert_eq!(marks, [("2022-01-01", 1, 0), ("2023-07-02", 0, 749)]);
    }
}
