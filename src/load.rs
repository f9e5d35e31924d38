//! Reading a bundle from bytes, record by record, with errors a person can act on.
//!
//! Bundles come from strangers and scrapers, so one bad article must not hide the rest: the
//! envelope (`schema`, `title`, `articles` as a list) has to be sound, but each article is decoded
//! on its own and a broken one is skipped and reported in [`Loaded::warnings`].

use std::collections::HashSet;
use std::fmt;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::bundle::{Article, Bundle, SCHEMA_VERSION};
use crate::display::{DateTime, Lang};
use crate::search::SearchIndex;

/// A bundle that loaded, plus what had to be left out of it.
#[derive(Debug)]
pub struct Loaded {
    pub bundle: Bundle,
    pub warnings: Vec<SkippedArticle>,
}

/// Where the search index of a loaded bundle came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexSource {
    /// The bundle's own, prebuilt by the CLI.
    Bundled,
    /// Built while loading, for this reason.
    Built(String),
}

impl Loaded {
    /// The search index over the loaded articles: the bundle's own when it is sound and matches
    /// them, else one built here (slower to start, same results).
    pub fn search_index(&self) -> (SearchIndex, IndexSource) {
        let articles = &self.bundle.articles;
        let reason = match self.bundle.index.as_deref().map(SearchIndex::from_base64) {
            None => "the bundle has no index".to_string(),
            Some(Err(e)) => format!("the bundle's index is unusable: {e}"),
            Some(Ok(index)) if index.matches(articles) => return (index, IndexSource::Bundled),
            Some(Ok(_)) => "the bundle's index does not match its articles".to_string(),
        };
        (SearchIndex::build(articles), IndexSource::Built(reason))
    }
}

/// An article left out while loading, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedArticle {
    /// Position in the bundle's `articles` list, from 0.
    pub index: usize,
    /// The article's id when it could be read.
    pub id: Option<String>,
    pub reason: String,
}

impl fmt::Display for SkippedArticle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "article #{}", self.index + 1)?;
        if let Some(id) = &self.id {
            write!(f, " (id {id})")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// Why a bundle could not be loaded at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The bytes are not valid UTF-8 at this byte offset.
    NotUtf8 { offset: usize },
    /// The text is not valid JSON (or ends early, as a truncated download does).
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON is valid but not a bundle (missing or mistyped envelope fields).
    NotABundle { message: String },
    /// A bundle of a schema version this build cannot read.
    UnsupportedSchema { found: u64 },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotUtf8 { offset } => {
                write!(
                    f,
                    "the file is not UTF-8 text (invalid byte at offset {offset})"
                )
            }
            LoadError::Json {
                line,
                column,
                message,
            } => write!(f, "invalid JSON at line {line}, column {column}: {message}"),
            LoadError::NotABundle { message } => write!(f, "not a hoinghi bundle: {message}"),
            LoadError::UnsupportedSchema { found } => write!(
                f,
                "unsupported bundle schema version {found}: this app reads version {SCHEMA_VERSION}"
            ),
        }
    }
}

impl std::error::Error for LoadError {}

impl LoadError {
    /// The error for the app's error screen, in the interface language. Parser details (serde's
    /// own words) stay as they are: they are quoted, not translated.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (LoadError::NotUtf8 { offset }, Lang::Vi) => {
                format!("tệp không phải văn bản UTF-8 (byte sai ở vị trí {offset})")
            }
            (
                LoadError::Json {
                    line,
                    column,
                    message,
                },
                Lang::Vi,
            ) => format!("JSON không hợp lệ ở dòng {line}, cột {column}: {message}"),
            (LoadError::NotABundle { message }, Lang::Vi) => {
                format!("không phải bộ dữ liệu hoinghi: {message}")
            }
            (LoadError::UnsupportedSchema { found }, Lang::Vi) => format!(
                "bộ dữ liệu theo lược đồ phiên bản {found}; ứng dụng này đọc phiên bản {SCHEMA_VERSION}"
            ),
        }
    }
}

/// The envelope with articles left undecoded, so each one can fail on its own.
#[derive(Deserialize)]
struct Envelope<'a> {
    schema: serde_json::Value,
    generated: Option<String>,
    title: Option<String>,
    #[serde(borrow)]
    articles: Vec<&'a RawValue>,
    index: Option<String>,
}

/// Just enough of an article to name it in a warning when the whole record does not decode.
#[derive(Deserialize)]
struct IdOnly {
    id: Option<serde_json::Value>,
}

/// Parses a bundle, skipping (and reporting) articles that are malformed or repeat an id.
pub fn load_bundle(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| classify(&e))?;
    let schema = match &envelope.schema {
        serde_json::Value::Number(n) => n.as_u64(),
        _ => None,
    };
    match schema {
        Some(v) if v == u64::from(SCHEMA_VERSION) => {}
        Some(found) => return Err(LoadError::UnsupportedSchema { found }),
        None => {
            return Err(LoadError::NotABundle {
                message: format!("`schema` must be a whole number, found {}", envelope.schema),
            })
        }
    }

    let mut warnings = Vec::new();
    let mut seen = HashSet::new();
    let mut articles = Vec::with_capacity(envelope.articles.len());
    for (index, raw) in envelope.articles.iter().enumerate() {
        let skip = |reason: String, id: Option<String>| SkippedArticle { index, id, reason };
        // Checked before decoding, so a hostile record costs no memory beyond its bytes.
        if raw.get().len() > limits::RECORD_BYTES {
            warnings.push(skip(
                format!(
                    "the record is {} bytes; the limit is {} bytes",
                    raw.get().len(),
                    limits::RECORD_BYTES
                ),
                None,
            ));
            continue;
        }
        match serde_json::from_str::<Article>(raw.get()) {
            Ok(article) => match problem(&article) {
                Some(reason) => warnings.push(skip(reason, Some(article.id))),
                None if !seen.insert(article.id.clone()) => warnings.push(skip(
                    "duplicate id: an earlier article has the same id".into(),
                    Some(article.id),
                )),
                None => articles.push(article),
            },
            Err(e) => warnings.push(skip(e.to_string(), id_of(raw.get()))),
        }
    }
    Ok(Loaded {
        bundle: Bundle {
            schema: SCHEMA_VERSION,
            generated: envelope.generated.unwrap_or_default(),
            title: envelope.title.unwrap_or_default(),
            articles,
            index: envelope.index,
        },
        warnings,
    })
}

/// Upper bounds on one article, far above any real news article, so that a hostile bundle cannot
/// exhaust memory or freeze the page, and says which bound it crossed.
pub mod limits {
    /// One article's JSON record.
    pub const RECORD_BYTES: usize = 8 << 20;
    pub const ID_CHARS: usize = 200;
    pub const TITLE_CHARS: usize = 2_000;
    pub const BODY_BLOCKS: usize = 20_000;
    pub const CONFERENCES: usize = 500;
    pub const DOCUMENTS: usize = 5_000;
    pub const PEOPLE: usize = 5_000;
}

/// What makes a decoded article unusable, if anything.
fn problem(a: &Article) -> Option<String> {
    let too_many = |what: &str, n: usize, max: usize| {
        (n > max).then(|| format!("{n} {what}; the limit is {max}"))
    };
    if a.id.trim().is_empty() {
        return Some("empty id".into());
    }
    let date = |field: &str, value: &str| {
        DateTime::parse(value)
            .is_none()
            .then(|| format!("{field}: `{value}` is not a valid ISO 8601 date"))
    };
    too_many("characters of id", a.id.chars().count(), limits::ID_CHARS)
        .or_else(|| {
            too_many(
                "characters of title",
                a.title.chars().count(),
                limits::TITLE_CHARS,
            )
        })
        .or_else(|| too_many("body blocks", a.body.len(), limits::BODY_BLOCKS))
        .or_else(|| too_many("conferences", a.conferences.len(), limits::CONFERENCES))
        .or_else(|| too_many("documents", a.documents.len(), limits::DOCUMENTS))
        .or_else(|| too_many("people", a.people.len(), limits::PEOPLE))
        .or_else(|| a.published.as_deref().and_then(|p| date("published", p)))
        .or_else(|| {
            a.conferences.iter().find_map(|c| {
                c.date
                    .as_deref()
                    .and_then(|d| date("conference date", d))
                    .or_else(|| {
                        c.period.as_ref().and_then(|p| {
                            date("period start", &p.start).or_else(|| date("period end", &p.end))
                        })
                    })
            })
        })
}

/// The id of a record that did not decode, for the warning, when it can be read.
fn id_of(raw: &str) -> Option<String> {
    serde_json::from_str::<IdOnly>(raw)
        .ok()
        .and_then(|r| r.id)
        .map(|id| match id {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        })
}

fn classify(e: &serde_json::Error) -> LoadError {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => LoadError::Json {
            line: e.line(),
            column: e.column(),
            message: strip_position(e),
        },
        Category::Data => LoadError::NotABundle {
            message: strip_position(e),
        },
    }
}

/// serde_json appends " at line L column C"; the error types carry those separately.
fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{Block, ConferenceKind};

    fn article(id: &str) -> String {
        format!(
            r#"{{"id":"{id}","title":"T {id}","published":"2023-04-07","source":null,"author":null,
            "views":null,"body":[{{"type":"paragraph","text":"x"}}],"province":null,"conferences":[]}}"#
        )
    }

    fn bundle_json(articles: &[String]) -> String {
        format!(
            r#"{{"schema":1,"generated":"2024-01-18T07:34:05Z","title":"t","articles":[{}]}}"#,
            articles.join(",")
        )
    }

    #[test]
    fn loads_a_sound_bundle() {
        let loaded = load_bundle(bundle_json(&[article("a"), article("b")]).as_bytes()).unwrap();
        assert_eq!(loaded.bundle.articles.len(), 2);
        assert!(loaded.warnings.is_empty());
        assert_eq!(
            loaded.bundle.articles[0].body,
            vec![Block::Paragraph { text: "x".into() }]
        );
    }

    #[test]
    fn errors_read_in_both_languages() {
        let e = LoadError::UnsupportedSchema { found: 99 };
        assert!(e.message(Lang::En).contains("schema version 99"));
        assert!(e.message(Lang::Vi).contains("phiên bản 99"));
        let e = LoadError::Json {
            line: 3,
            column: 5,
            message: "EOF while parsing".into(),
        };
        assert_eq!(
            e.message(Lang::Vi),
            "JSON không hợp lệ ở dòng 3, cột 5: EOF while parsing"
        );
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let err = load_bundle(b"{\n  \"schema\": 1,\n  \"title\": oops\n}").unwrap_err();
        match err {
            LoadError::Json { line, column, .. } => assert_eq!((line, column), (3, 12)),
            other => panic!("expected a JSON error, got {other:?}"),
        }
        assert!(err_text(b"{\"schema\":1,\"title\":").contains("line 1, column"));
    }

    #[test]
    fn truncated_download_is_a_json_error() {
        let full = bundle_json(&[article("a")]);
        let cut = &full.as_bytes()[..full.len() / 2];
        assert!(matches!(load_bundle(cut), Err(LoadError::Json { .. })));
    }

    #[test]
    fn future_and_wrong_schema_are_refused_with_the_version() {
        let future = bundle_json(&[]).replace("\"schema\":1", "\"schema\":7");
        assert_eq!(
            load_bundle(future.as_bytes()).unwrap_err(),
            LoadError::UnsupportedSchema { found: 7 }
        );
        assert!(err_text(future.as_bytes()).contains("version 7"));
        let text = bundle_json(&[]).replace("\"schema\":1", "\"schema\":\"one\"");
        assert!(matches!(
            load_bundle(text.as_bytes()),
            Err(LoadError::NotABundle { .. })
        ));
    }

    #[test]
    fn missing_envelope_field_is_named() {
        let e = err_text(br#"{"schema":1,"title":"t"}"#);
        assert!(
            e.contains("not a hoinghi bundle") && e.contains("articles"),
            "{e}"
        );
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let mut bytes = bundle_json(&[]).into_bytes();
        bytes.insert(10, 0xff);
        assert_eq!(
            load_bundle(&bytes).unwrap_err(),
            LoadError::NotUtf8 { offset: 10 }
        );
    }

    #[test]
    fn bad_and_duplicate_articles_are_skipped_and_counted() {
        let broken = r#"{"id":"bad","title":42}"#.to_string();
        let loaded = load_bundle(
            bundle_json(&[article("a"), broken, article("a"), article("c")]).as_bytes(),
        )
        .unwrap();
        let ids: Vec<_> = loaded
            .bundle
            .articles
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(loaded.warnings.len(), 2);
        assert_eq!(loaded.warnings[0].index, 1);
        assert_eq!(loaded.warnings[0].id.as_deref(), Some("bad"));
        assert!(loaded.warnings[0].to_string().contains("invalid type"));
        assert!(loaded.warnings[1].reason.contains("duplicate id"));
    }

    #[test]
    fn absurd_records_are_skipped_with_the_bound_they_cross() {
        let huge_title = article("big").replace("\"T big\"", &format!("\"{}\"", "x".repeat(3_000)));
        let many = format!(
            r#"{{"id":"many","title":"t","published":null,"source":null,"author":null,"views":null,
            "body":[],"province":null,"conferences":[{}]}}"#,
            vec![r#"{"date":null,"kind":"khac"}"#; 600].join(",")
        );
        let enormous =
            article("enormous").replace("\"x\"", &format!("\"{}\"", "y".repeat(9 << 20)));
        let loaded =
            load_bundle(bundle_json(&[huge_title, many, enormous, article("ok")]).as_bytes())
                .unwrap();
        assert_eq!(loaded.bundle.articles.len(), 1);
        let reasons: Vec<_> = loaded.warnings.iter().map(|w| w.reason.as_str()).collect();
        assert_eq!(reasons[0], "3000 characters of title; the limit is 2000");
        assert_eq!(reasons[1], "600 conferences; the limit is 500");
        assert!(
            reasons[2].starts_with("the record is 9437")
                && reasons[2].ends_with("the limit is 8388608 bytes"),
            "{}",
            reasons[2]
        );
    }

    #[test]
    fn invalid_dates_and_lone_surrogates_skip_only_their_record() {
        let bad_date = article("d").replace("2023-04-07", "2023-02-30");
        let surrogate = article("s").replace("\"T s\"", r#""\ud800""#);
        let loaded =
            load_bundle(bundle_json(&[bad_date, surrogate, article("ok")]).as_bytes()).unwrap();
        assert_eq!(loaded.bundle.articles.len(), 1);
        assert_eq!(
            loaded.warnings[0].reason,
            "published: `2023-02-30` is not a valid ISO 8601 date"
        );
        assert!(
            loaded.warnings[1].reason.contains("escape"),
            "{}",
            loaded.warnings[1]
        );
        assert_eq!(loaded.warnings[1].id.as_deref(), Some("s"));
    }

    #[test]
    fn the_bundled_index_is_used_only_when_it_matches_the_articles() {
        let articles: Vec<Article> = ["a", "b"]
            .iter()
            .map(|id| serde_json::from_str(&article(id)).unwrap())
            .collect();
        let index = SearchIndex::build(&articles).to_base64();
        let with_index = |json: String| {
            let text = json.trim_end_matches('}').to_string();
            format!("{text},\"index\":\"{index}\"}}")
        };
        let sound =
            load_bundle(with_index(bundle_json(&[article("a"), article("b")])).as_bytes()).unwrap();
        assert_eq!(sound.search_index().1, IndexSource::Bundled);
        // One article skipped: positions shift, so the index is rebuilt.
        let broken = with_index(bundle_json(&[article("a"), "{}".into(), article("b")]));
        let loaded = load_bundle(broken.as_bytes()).unwrap();
        assert_eq!(loaded.bundle.articles.len(), 2);
        let reordered = with_index(bundle_json(&[article("b"), article("a")]));
        let (_, source) = load_bundle(reordered.as_bytes()).unwrap().search_index();
        assert_eq!(
            source,
            IndexSource::Built("the bundle's index does not match its articles".into())
        );
        let garbage = bundle_json(&[article("a")])
            .trim_end_matches('}')
            .to_string()
            + ",\"index\":\"!!\"}";
        let (_, source) = load_bundle(garbage.as_bytes()).unwrap().search_index();
        assert!(
            matches!(source, IndexSource::Built(r) if r.starts_with("the bundle's index is unusable"))
        );
    }

    #[test]
    fn model_round_trips_through_json() {
        let mut a: Article = serde_json::from_str(&article("x")).unwrap();
        a.conferences.push(crate::bundle::Conference {
            date: Some("2023-04-07".into()),
            precision: Default::default(),
            kind: ConferenceKind::GiaoBan,
            name: None,
            period: None,
            level: None,
            online: false,
            host: None,
            people: vec![],
        });
        let b = Bundle {
            schema: SCHEMA_VERSION,
            generated: "2023-04-07T00:00:00Z".into(),
            title: "t".into(),
            articles: vec![a],
            index: None,
        };
        let json = serde_json::to_string(&b).unwrap();
        assert!(json.contains("\"kind\":\"giao_ban\""));
        assert_eq!(load_bundle(json.as_bytes()).unwrap().bundle, b);
    }

    fn err_text(bytes: &[u8]) -> String {
        load_bundle(bytes).unwrap_err().to_string()
    }
}
