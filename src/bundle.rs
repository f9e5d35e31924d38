//! Bundle format v1: the data a user brings to the app.
//!
//! `docs/bundle-format.md` documents every field for people who write bundles by hand or with
//! other tools; these serde types are the single definition both the CLI and the app use.

use serde::{Deserialize, Serialize};

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A whole archive: metadata plus its articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub schema: u32,
    /// ISO 8601 date-time the content was generated (reproducible: see the CLI).
    pub generated: String,
    pub title: String,
    pub articles: Vec<Article>,
    /// The search index built from `articles` by the CLI (base64 of the binary format in
    /// `docs/index-format.md`), so the app need not build it on every load. Optional: without it,
    /// or when it does not match the articles, the app builds one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<String>,
}

/// One news article with what ingest extracted from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id derived from the source URL or, failing that, the content.
    pub id: String,
    pub title: String,
    /// ISO 8601 date (`2023-04-07`) or local date-time (`2024-01-18T07:34:05`); null when unknown.
    pub published: Option<String>,
    pub source: Option<Source>,
    pub author: Option<String>,
    pub views: Option<u64>,
    pub body: Vec<Block>,
    pub province: Option<Place>,
    #[serde(default)]
    pub conferences: Vec<Conference>,
    #[serde(default)]
    pub documents: Vec<DocumentRef>,
    #[serde(default)]
    pub people: Vec<Person>,
}

/// Where the article was published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Site name as the site gives it (banner line), e.g. "Trang thông tin điện tử Đảng bộ tỉnh Điện Biên".
    pub name: Option<String>,
    /// Article URL when known.
    #[serde(default)]
    pub url: Option<String>,
    /// Site domain, e.g. "nbtv.vn".
    #[serde(default)]
    pub domain: Option<String>,
}

/// One block of article text, in reading order. Text only: never HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        text: String,
    },
    Caption {
        text: String,
    },
    Heading {
        text: String,
    },
    /// A link kept from the page (e.g. a video); shown as a link only for http(s) URLs.
    Link {
        url: String,
        text: Option<String>,
    },
}

impl Article {
    /// Its opening: the first paragraph, cut after `max` characters (" …" marks the cut).
    pub fn lead(&self, max: usize) -> Option<String> {
        self.body.iter().find_map(|b| match b {
            Block::Paragraph { text } => Some(crate::display::clip(text, max, " …")),
            _ => None,
        })
    }

    /// What names its source to a reader: the site's name, else its domain.
    pub fn source_name(&self) -> Option<&str> {
        let source = self.source.as_ref()?;
        source.name.as_deref().or(source.domain.as_deref())
    }
}

#[cfg(test)]
impl Article {
    /// An article with only an id and a title: tests fill in what they look at.
    pub(crate) fn bare(id: &str, title: &str) -> Article {
        Article {
            id: id.to_string(),
            title: title.to_string(),
            published: None,
            source: None,
            author: None,
            views: None,
            body: vec![],
            province: None,
            conferences: vec![],
            documents: vec![],
            people: vec![],
        }
    }
}

impl Block {
    /// The readable text of the block (a link's label, or its URL when it has none).
    pub fn text(&self) -> &str {
        match self {
            Block::Paragraph { text } | Block::Caption { text } | Block::Heading { text } => text,
            Block::Link { url, text } => text.as_deref().unwrap_or(url),
        }
    }
}

/// The province an article is about, with finer places when it is local.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Full Vietnamese province name as of before the 2025 merger, e.g. "Phú Yên".
    pub name: String,
    /// The province it belongs to after the 2025 merger, e.g. "Đắk Lắk" for Phú Yên.
    #[serde(default)]
    pub name_2025: Option<String>,
    /// Region, e.g. "Duyên hải Nam Trung Bộ".
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub district: Option<String>,
    #[serde(default)]
    pub commune: Option<String>,
    /// How sure ingest is: explicit mention, or only indirect evidence.
    #[serde(default)]
    pub confidence: Confidence,
    /// The evidence the province was read from, for people who check.
    #[serde(default)]
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    #[default]
    High,
    Medium,
    Low,
}

/// A conference the article reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conference {
    /// `yyyy-mm-dd`; with `precision` month or year only the leading part is meaningful.
    pub date: Option<String>,
    #[serde(default)]
    pub precision: DatePrecision,
    pub kind: ConferenceKind,
    /// The conference's name as reported, e.g. "Hội nghị giao ban công tác dân vận Quý I".
    #[serde(default)]
    pub name: Option<String>,
    /// The period it reviews, e.g. "Quý I/2023".
    #[serde(default)]
    pub period: Option<Period>,
    #[serde(default)]
    pub level: Option<Level>,
    /// Held by video link ("trực tuyến", "điểm cầu").
    #[serde(default)]
    pub online: bool,
    /// Host organisation, e.g. "Ban Dân vận Tỉnh ủy".
    #[serde(default)]
    pub host: Option<String>,
    /// People who chaired or spoke, with the titles the article gives them.
    #[serde(default)]
    pub people: Vec<Participant>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    #[default]
    Day,
    Month,
    Year,
}

/// Fixed vocabulary of conference kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConferenceKind {
    /// Regular briefing.
    GiaoBan,
    /// Interim review.
    SoKet,
    /// Annual or period review.
    TongKet,
    /// Signing a coordination programme.
    KyKet,
    /// Launch.
    TrienKhai,
    /// Training.
    TapHuan,
    /// Anniversary.
    KyNiem,
    /// Contest.
    HoiThi,
    /// Dialogue.
    DoiThoai,
    Khac,
}

impl ConferenceKind {
    pub const ALL: [ConferenceKind; 10] = [
        Self::GiaoBan,
        Self::SoKet,
        Self::TongKet,
        Self::KyKet,
        Self::TrienKhai,
        Self::TapHuan,
        Self::KyNiem,
        Self::HoiThi,
        Self::DoiThoai,
        Self::Khac,
    ];

    /// The identifier used in the bundle and in queries (`loai:tong_ket`).
    pub fn code(self) -> &'static str {
        match self {
            Self::GiaoBan => "giao_ban",
            Self::SoKet => "so_ket",
            Self::TongKet => "tong_ket",
            Self::KyKet => "ky_ket",
            Self::TrienKhai => "trien_khai",
            Self::TapHuan => "tap_huan",
            Self::KyNiem => "ky_niem",
            Self::HoiThi => "hoi_thi",
            Self::DoiThoai => "doi_thoai",
            Self::Khac => "khac",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Vietnamese label for people.
    pub fn label_vi(self) -> &'static str {
        match self {
            Self::GiaoBan => "Giao ban",
            Self::SoKet => "Sơ kết",
            Self::TongKet => "Tổng kết",
            Self::KyKet => "Ký kết",
            Self::TrienKhai => "Triển khai",
            Self::TapHuan => "Tập huấn",
            Self::KyNiem => "Kỷ niệm",
            Self::HoiThi => "Hội thi",
            Self::DoiThoai => "Đối thoại",
            Self::Khac => "Khác",
        }
    }

    /// English label for people.
    pub fn label_en(self) -> &'static str {
        match self {
            Self::GiaoBan => "Briefing",
            Self::SoKet => "Interim review",
            Self::TongKet => "Annual review",
            Self::KyKet => "Signing",
            Self::TrienKhai => "Launch",
            Self::TapHuan => "Training",
            Self::KyNiem => "Anniversary",
            Self::HoiThi => "Contest",
            Self::DoiThoai => "Dialogue",
            Self::Khac => "Other",
        }
    }
}

/// A reviewed period, normalised to inclusive start and end dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// As written, e.g. "6 tháng đầu năm 2022".
    pub label: String,
    /// `yyyy-mm-dd`
    pub start: String,
    /// `yyyy-mm-dd`
    pub end: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    National,
    Province,
    District,
    Commune,
}

impl Level {
    pub fn code(self) -> &'static str {
        match self {
            Self::National => "national",
            Self::Province => "province",
            Self::District => "district",
            Self::Commune => "commune",
        }
    }

    /// The level as people say it, in `lang`.
    pub fn label(self, lang: crate::display::Lang) -> &'static str {
        use crate::display::Lang::{En, Vi};
        match (self, lang) {
            (Self::National, Vi) => "Trung ương",
            (Self::Province, Vi) => "Tỉnh",
            (Self::District, Vi) => "Huyện",
            (Self::Commune, Vi) => "Xã",
            (Self::National, En) => "National",
            (Self::Province, En) => "Province",
            (Self::District, En) => "District",
            (Self::Commune, En) => "Commune",
        }
    }
}

/// Someone taking part in a conference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub name: String,
    #[serde(default)]
    pub titles: Vec<String>,
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Chair,
    Speaker,
    Attendee,
}

/// A directive, plan, resolution … cited by the article, normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    /// Normalised number, e.g. "132-KH/TU".
    pub number: String,
    /// Document type in Vietnamese, e.g. "Kế hoạch", "Chỉ thị"; null when the text gives none.
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    /// `yyyy-mm-dd` when the text gives it.
    #[serde(default)]
    pub date: Option<String>,
}

/// A person named in the article with the titles given there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    #[serde(default)]
    pub titles: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_source(name: Option<&str>, domain: Option<&str>) -> Article {
        Article {
            source: Some(Source {
                name: name.map(str::to_string),
                url: None,
                domain: domain.map(str::to_string),
            }),
            ..Article::bare("a", "t")
        }
    }

    #[test]
    fn a_source_is_named_by_its_site_name_else_its_domain() {
        let both = with_source(Some("Báo Phú Yên"), Some("baophuyen.vn"));
        assert_eq!(both.source_name(), Some("Báo Phú Yên"));
        let domain = with_source(None, Some("baophuyen.vn"));
        assert_eq!(domain.source_name(), Some("baophuyen.vn"));
        assert_eq!(with_source(None, None).source_name(), None);
        let unsourced = Article {
            source: None,
            ..both
        };
        assert_eq!(unsourced.source_name(), None);
    }
}
