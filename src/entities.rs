//! What the archive says about one person, document or province, and about the whole archive:
//! the summaries behind the entity cards and the overview page.
//!
//! Names are matched as the bundle spells them (the facets list those spellings), so a summary
//! counts exactly the articles its facet value selects.

use std::collections::BTreeMap;

use crate::bundle::{Article, ConferenceKind, DatePrecision};
use crate::search::collate::sort_key;
use crate::timeline::scale::{date_of, day_number, parse_day};

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

/// Articles and the conferences they report, for one heat map cell or month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub articles: usize,
    pub conferences: usize,
}

impl Counts {
    fn add(&mut self, article: &Article) {
        self.articles += 1;
        self.conferences += article.conferences.len();
    }
}

/// One province's row of the heat map.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HeatRow {
    pub province: String,
    /// Counts per entry of [`Overview::years`].
    pub years: Vec<Counts>,
    /// Articles with no publication date, which no year selects.
    pub undated: Counts,
    /// The whole row.
    pub total: Counts,
}

/// A set of articles at a glance: the overview page.
///
/// Years and months are those of publication, the same the `nam` facet and the date filter
/// use, so a cell or bar that links to its narrowed search finds exactly the articles counted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overview {
    /// All the articles given and the conferences they report.
    pub totals: Counts,
    /// Years present, oldest first: the heat map's columns.
    pub years: Vec<i32>,
    /// Provinces in Vietnamese alphabetical order.
    pub heat: Vec<HeatRow>,
    /// The largest article count of any cell, undated ones included (0 when there are none).
    pub max_articles: usize,
    /// Whether any province has undated articles (the heat map then shows a column for them).
    pub any_undated: bool,
    /// Articles left out of the heat map because their province is unknown.
    pub unplaced: usize,
    /// Most cited documents: (number, articles citing it), most first.
    pub top_documents: Vec<(String, usize)>,
    /// Busiest months of publication: (`yyyy-mm`, counts), most articles first.
    pub busiest_months: Vec<(String, Counts)>,
}

/// The publication year of an article, as the `nam` facet reads it.
fn published_year(article: &Article) -> Option<i32> {
    let year = article.published.as_deref()?.get(..4)?;
    year.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| year.parse().ok())?
}

/// The publication month, `yyyy-mm`, as the date filter reads it.
fn published_month(article: &Article) -> Option<&str> {
    let month = article.published.as_deref()?.get(..7)?;
    let b = month.as_bytes();
    (published_year(article).is_some() && b[4] == b'-' && b[5..].iter().all(u8::is_ascii_digit))
        .then_some(month)
}

/// Articles and conferences per province and year, the most cited documents and the busiest
/// months of `articles`; provinces as after the 2025 merger when `provinces_2025`.
pub fn overview<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
    provinces_2025: bool,
    top: usize,
) -> Overview {
    // Borrowed keys: this runs on every search over up to tens of thousands of articles.
    // Undated articles are the cells of year `None`.
    let mut cells: BTreeMap<(&str, Option<i32>), Counts> = BTreeMap::new();
    let mut unplaced = 0;
    let mut documents: BTreeMap<&str, usize> = BTreeMap::new();
    let mut months: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut totals = Counts::default();
    for article in articles {
        totals.add(article);
        let place = article.province.as_ref().map(|p| match &p.name_2025 {
            Some(after) if provinces_2025 => after.as_str(),
            _ => p.name.as_str(),
        });
        match place {
            Some(place) => cells
                .entry((place, published_year(article)))
                .or_default()
                .add(article),
            None => unplaced += 1,
        }
        let mut cited: Vec<&str> = article
            .documents
            .iter()
            .map(|d| d.number.as_str())
            .collect();
        cited.sort_unstable();
        cited.dedup();
        for number in cited {
            *documents.entry(number).or_default() += 1;
        }
        if let Some(month) = published_month(article) {
            months.entry(month).or_default().add(article);
        }
    }
    let mut years: Vec<i32> = cells.keys().filter_map(|(_, y)| *y).collect();
    years.sort_unstable();
    years.dedup();
    let mut provinces: Vec<&str> = cells.keys().map(|(p, _)| *p).collect();
    provinces.dedup();
    provinces.sort_by_cached_key(|p| sort_key(p));
    let cell = |p: &str, y: Option<i32>| cells.get(&(p, y)).copied().unwrap_or_default();
    let heat: Vec<HeatRow> = provinces
        .into_iter()
        .map(|p| {
            let years: Vec<Counts> = years.iter().map(|y| cell(p, Some(*y))).collect();
            let undated = cell(p, None);
            let total = years.iter().fold(undated, |sum, n| Counts {
                articles: sum.articles + n.articles,
                conferences: sum.conferences + n.conferences,
            });
            HeatRow {
                province: p.to_string(),
                years,
                undated,
                total,
            }
        })
        .collect();
    let mut top_documents: Vec<(String, usize)> = documents
        .into_iter()
        .map(|(k, n)| (k.to_string(), n))
        .collect();
    top_documents.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    top_documents.truncate(top);
    let mut busiest_months: Vec<(String, Counts)> = months
        .into_iter()
        .map(|(k, n)| (k.to_string(), n))
        .collect();
    busiest_months.sort_by(|a, b| {
        (b.1.articles, b.1.conferences)
            .cmp(&(a.1.articles, a.1.conferences))
            .then_with(|| a.0.cmp(&b.0))
    });
    busiest_months.truncate(top);
    Overview {
        totals,
        max_articles: cells.values().map(|c| c.articles).max().unwrap_or(0),
        any_undated: heat.iter().any(|r| r.undated.articles > 0),
        years,
        heat,
        unplaced,
        top_documents,
        busiest_months,
    }
}

/// The shade of a heat map cell, 0 (empty) to `levels`. Square-root scaled: a few provinces
/// write far more than the rest, and a linear scale would leave every other cell in the palest
/// shade.
pub fn heat_level(count: usize, max: usize, levels: usize) -> usize {
    if count == 0 || max == 0 {
        return 0;
    }
    let share = (count.min(max) as f64 / max as f64).sqrt();
    ((share * levels as f64).ceil() as usize).clamp(1, levels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{Conference, DatePrecision, DocumentRef, Participant, Person, Place, Role};

    fn article(date: &str, province: &str) -> Article {
        Article {
            id: date.into(),
            title: "t".into(),
            published: Some(date.into()),
            source: None,
            author: None,
            views: None,
            body: vec![],
            province: Some(Place {
                name: province.into(),
                name_2025: Some(format!("{province} mới")),
                region: None,
                district: None,
                commune: None,
                confidence: Default::default(),
                evidence: vec![],
            }),
            conferences: vec![],
            documents: vec![],
            people: vec![],
        }
    }

    fn conference(date: &str, kind: ConferenceKind, chair: Option<(&str, &str)>) -> Conference {
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

    #[test]
    fn overview_heat_map_is_in_vietnamese_order_with_zeros() {
        let mut a = article("2023-04-07", "Đắk Lắk");
        a.conferences
            .push(conference("2023-04-07", ConferenceKind::GiaoBan, None));
        a.conferences
            .push(conference("2023-03-30", ConferenceKind::SoKet, None));
        let list = [
            a,
            article("2022-03-01", "Bến Tre"),
            article("2023-01-01", "Bến Tre"),
        ];
        let o = overview(&list, false, 5);
        assert_eq!(o.years, [2022, 2023]);
        let n = |articles, conferences| Counts {
            articles,
            conferences,
        };
        let rows: Vec<_> = o
            .heat
            .iter()
            .map(|r| (r.province.as_str(), r.years.clone(), r.total))
            .collect();
        assert_eq!(
            rows,
            [
                ("Bến Tre", vec![n(1, 0), n(1, 0)], n(2, 0)),
                ("Đắk Lắk", vec![n(0, 0), n(1, 2)], n(1, 2))
            ]
        );
        assert_eq!((o.max_articles, o.unplaced, o.any_undated), (1, 0, false));
        assert_eq!(o.totals, n(3, 2));
        assert_eq!(o.busiest_months[0], ("2023-04".to_string(), n(1, 2)));
        assert_eq!(o.busiest_months.len(), 3);
    }

    #[test]
    fn overview_counts_by_publication_year_like_the_year_facet() {
        // Held in 2022, reported in 2023: the `nam=2023` search finds it, so the 2023 cell counts it.
        let mut late = article("2023-01-05", "Phú Yên");
        late.conferences
            .push(conference("2022-12-28", ConferenceKind::TongKet, None));
        let mut undated = article("x", "Phú Yên");
        undated.published = None;
        let mut nowhere = article("2023-02-02", "Phú Yên");
        nowhere.province = None;
        let o = overview(&[late, undated, nowhere], false, 5);
        assert_eq!(o.years, [2023]);
        assert_eq!(o.heat[0].years[0].conferences, 1);
        // Undated: a column of its own; no province: outside the table.
        assert_eq!(o.heat[0].undated.articles, 1);
        assert_eq!(o.heat[0].total.articles, 2);
        assert!(o.any_undated);
        assert_eq!(o.unplaced, 1);
        assert_eq!(
            o.busiest_months
                .iter()
                .map(|(m, c)| (m.as_str(), c.articles))
                .collect::<Vec<_>>(),
            [("2023-01", 1), ("2023-02", 1)]
        );
    }

    #[test]
    fn overview_uses_post_2025_provinces_on_request_and_ranks_documents() {
        let cite = |date: &str, province: &str, numbers: &[&str]| {
            let mut a = article(date, province);
            for n in numbers {
                a.documents.push(DocumentRef {
                    number: n.to_string(),
                    doc_type: None,
                    date: None,
                });
            }
            a
        };
        let list = [
            cite(
                "2023-01-01",
                "Phú Yên",
                &["27-CT/TU", "27-CT/TU", "10-NQ/TW"],
            ),
            cite("2023-02-01", "Gia Lai", &["27-CT/TU"]),
        ];
        let o = overview(list.iter(), true, 1);
        assert_eq!(
            o.heat
                .iter()
                .map(|r| r.province.as_str())
                .collect::<Vec<_>>(),
            ["Gia Lai mới", "Phú Yên mới"]
        );
        // Cited twice in one article counts once; `top` keeps the first.
        assert_eq!(o.top_documents, vec![("27-CT/TU".to_string(), 2)]);
    }

    #[test]
    fn heat_levels_grow_with_the_square_root_and_stay_in_range() {
        assert_eq!(heat_level(0, 100, 5), 0);
        assert_eq!(heat_level(5, 0, 5), 0);
        assert_eq!(heat_level(1, 100, 5), 1);
        assert_eq!(heat_level(25, 100, 5), 3);
        assert_eq!(heat_level(100, 100, 5), 5);
        assert_eq!(heat_level(500, 100, 5), 5);
    }
}
