//! The whole set of articles at a glance: the overview page's heat map of provinces by year,
//! most cited documents and busiest months.

use std::collections::BTreeMap;

use crate::bundle::Article;
use crate::search::collate::sort_key;

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
    use crate::bundle::{ConferenceKind, DocumentRef};
    use crate::entities::tests::{article, conference};

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
