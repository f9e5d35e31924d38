//! The current result set as files people take elsewhere: CSV for spreadsheets, JSON for code;
//! articles and conferences separately, since a conference table has one row per conference.

use serde::Serialize;

use crate::bundle::Article;

/// A CSV field, quoted when it must be (RFC 4180), and defused when a spreadsheet would run it
/// as a formula.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn rows(header: &[&str], lines: impl Iterator<Item = Vec<String>>) -> String {
    // A byte-order mark so spreadsheet programs read the Vietnamese as UTF-8.
    let mut out = String::from("\u{feff}");
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for line in lines {
        let cells: Vec<String> = line.iter().map(|c| field(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn opt(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// One row per article, in the order given.
pub fn articles_csv<'a>(articles: impl Iterator<Item = &'a Article>) -> String {
    rows(
        &[
            "id",
            "title",
            "published",
            "province",
            "source",
            "url",
            "author",
            "views",
            "conferences",
            "documents",
        ],
        articles.map(|a| {
            vec![
                a.id.clone(),
                a.title.clone(),
                opt(&a.published),
                a.province
                    .as_ref()
                    .map(|p| p.name.clone())
                    .unwrap_or_default(),
                a.source_name().unwrap_or_default().to_string(),
                a.source
                    .as_ref()
                    .and_then(|s| s.url.clone())
                    .unwrap_or_default(),
                opt(&a.author),
                a.views.map(|v| v.to_string()).unwrap_or_default(),
                a.conferences
                    .iter()
                    .map(|c| c.kind.code())
                    .collect::<Vec<_>>()
                    .join(" "),
                a.documents
                    .iter()
                    .map(|d| d.number.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            ]
        }),
    )
}

/// One row per conference of the given articles.
pub fn conferences_csv<'a>(articles: impl Iterator<Item = &'a Article>) -> String {
    rows(
        &[
            "article_id",
            "article_title",
            "date",
            "precision",
            "kind",
            "name",
            "period",
            "period_start",
            "period_end",
            "level",
            "online",
            "host",
            "province",
            "chairs",
        ],
        articles.flat_map(|a| {
            a.conferences.iter().map(move |c| {
                let chairs = c
                    .people
                    .iter()
                    .filter(|p| p.role == crate::bundle::Role::Chair)
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join("; ");
                vec![
                    a.id.clone(),
                    a.title.clone(),
                    opt(&c.date),
                    format!("{:?}", c.precision).to_lowercase(),
                    c.kind.code().to_string(),
                    opt(&c.name),
                    c.period
                        .as_ref()
                        .map(|p| p.label.clone())
                        .unwrap_or_default(),
                    c.period
                        .as_ref()
                        .map(|p| p.start.clone())
                        .unwrap_or_default(),
                    c.period.as_ref().map(|p| p.end.clone()).unwrap_or_default(),
                    c.level.map(|l| l.code().to_string()).unwrap_or_default(),
                    c.online.to_string(),
                    opt(&c.host),
                    a.province
                        .as_ref()
                        .map(|p| p.name.clone())
                        .unwrap_or_default(),
                    chairs,
                ]
            })
        }),
    )
}

/// A conference with the article it was reported in, for the JSON export.
#[derive(Serialize)]
struct ConferenceRecord<'a> {
    article_id: &'a str,
    article_title: &'a str,
    #[serde(flatten)]
    conference: &'a crate::bundle::Conference,
}

/// The articles as a JSON array of bundle records.
pub fn articles_json<'a>(articles: impl Iterator<Item = &'a Article>) -> String {
    serde_json::to_string_pretty(&articles.collect::<Vec<_>>()).expect("articles serialise")
}

/// The conferences of the articles as a JSON array, each with its article's id and title.
pub fn conferences_json<'a>(articles: impl Iterator<Item = &'a Article>) -> String {
    let records: Vec<ConferenceRecord> = articles
        .flat_map(|a| {
            a.conferences.iter().map(move |c| ConferenceRecord {
                article_id: &a.id,
                article_title: &a.title,
                conference: c,
            })
        })
        .collect();
    serde_json::to_string_pretty(&records).expect("conferences serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_bundle;

    fn seeds() -> Vec<Article> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/articles.json");
        load_bundle(&std::fs::read(path).unwrap())
            .unwrap()
            .bundle
            .articles
    }

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\"\nbye"), "\"say \"\"hi\"\"\nbye\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    }

    #[test]
    fn csv_has_a_row_per_article_and_per_conference() {
        let articles = seeds();
        let csv = articles_csv(articles.iter());
        assert!(csv.starts_with("\u{feff}id,title,published"));
        assert_eq!(csv.matches("\r\n").count(), 1 + articles.len());
        assert!(csv.contains("Giao ban công tác Dân vận Quý I/2023,2023-04-07,Phú Yên"));
        let conferences = conferences_csv(articles.iter());
        let total: usize = articles.iter().map(|a| a.conferences.len()).sum();
        assert_eq!(conferences.matches("\r\n").count(), 1 + total);
        assert!(conferences.contains("2022-08-04,day,so_ket"));
    }

    #[test]
    fn json_exports_read_back() {
        let articles = seeds();
        let back: Vec<Article> = serde_json::from_str(&articles_json(articles.iter())).unwrap();
        assert_eq!(back, articles);
        let conferences: serde_json::Value =
            serde_json::from_str(&conferences_json(articles.iter())).unwrap();
        assert_eq!(conferences[0]["article_id"], articles[0].id.as_str());
        assert!(conferences[0]["kind"].is_string());
    }
}
