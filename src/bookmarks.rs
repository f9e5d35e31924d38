//! The reading list: articles a reader saved, by id, with what they noted. The app keeps it in
//! the browser's local storage and exports and imports it as a small JSON file, in the same
//! format it stores (docs/bookmarks-format.md):
//!
//! ```json
//! { "format": "hoinghi-bookmarks", "version": 1,
//!   "bundle": { "title": "…", "generated": "2024-01-18T07:34:05" },
//!   "bookmarks": [ { "id": "…", "title": "…", "published": "2023-04-07", "source": "…",
//!                    "note": "…", "saved": "2026-11-22T06:00:00.000Z", "bundle": "…" } ] }
//! ```
//!
//! Each bookmark carries its title, date and source as saved, so one whose article is not in the
//! bundle being read (another bundle, a newer build) still reads as something and is kept.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::display::Lang;

/// What `format` says in every bookmarks file, so other JSON files are recognised as such.
pub const FORMAT: &str = "hoinghi-bookmarks";
/// The version this build writes; it reads this and older ones.
pub const VERSION: u32 = 1;

/// One saved article.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Bookmark {
    pub id: String,
    /// The article's title, date and source when it was saved.
    #[serde(default)]
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The reader's own note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When it was saved (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved: Option<String>,
    /// The title of the bundle it was saved from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle: Option<String>,
}

/// Which bundle an exported list was made from, so a reader can tell their files apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleIdentity {
    pub title: String,
    pub generated: String,
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    bundle: Option<&'a BundleIdentity>,
    bookmarks: &'a [Bookmark],
}

/// The file (or stored text) of a list.
pub fn to_json(bookmarks: &[Bookmark], bundle: Option<&BundleIdentity>) -> String {
    let file = FileOut {
        format: FORMAT,
        version: VERSION,
        bundle,
        bookmarks,
    };
    // Plain data with string keys: serialising cannot fail.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Why a file is not a bookmarks file this build can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON at all (e.g. a truncated file), with where it broke.
    NotJson { line: usize, column: usize },
    /// JSON, but not ours (no `"format": "hoinghi-bookmarks"`).
    NotBookmarks,
    /// Written by a newer build.
    Version(u64),
    /// The entry at this position (from 1) has no usable `id`, or fields of the wrong type.
    Entry(usize),
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::NotJson { line, column }, Lang::Vi) => {
                format!("Tệp không phải JSON hợp lệ (lỗi ở dòng {line}, cột {column}).")
            }
            (Self::NotJson { line, column }, Lang::En) => {
                format!("The file is not valid JSON (error at line {line}, column {column}).")
            }
            (Self::NotBookmarks, Lang::Vi) => {
                "Tệp này không phải danh sách đọc của hoinghi (thiếu \"format\": \"hoinghi-bookmarks\").".into()
            }
            (Self::NotBookmarks, Lang::En) => {
                "This file is not a hoinghi reading list (no \"format\": \"hoinghi-bookmarks\").".into()
            }
            (Self::Version(v), Lang::Vi) => {
                format!("Tệp ở phiên bản {v}; bản này chỉ đọc được đến phiên bản {VERSION}.")
            }
            (Self::Version(v), Lang::En) => {
                format!("The file is version {v}; this build reads up to version {VERSION}.")
            }
            (Self::Entry(n), Lang::Vi) => {
                format!("Mục thứ {n} trong tệp thiếu \"id\" hoặc có trường sai kiểu.")
            }
            (Self::Entry(n), Lang::En) => {
                format!("Entry {n} of the file has no \"id\" or a field of the wrong type.")
            }
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ImportError {}

/// Reads a bookmarks file. Unknown fields are ignored (a later version may add some); an entry
/// repeating an earlier id is merged into it.
pub fn parse(text: &str) -> Result<Vec<Bookmark>, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotBookmarks);
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(v) if v > u64::from(VERSION) => return Err(ImportError::Version(v)),
        Some(_) => {}
        None => return Err(ImportError::NotBookmarks),
    }
    let Some(entries) = value.get("bookmarks").and_then(Value::as_array) else {
        return Err(ImportError::NotBookmarks);
    };
    let mut list = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let bookmark = Bookmark::deserialize(entry)
            .ok()
            .filter(|b| !b.id.trim().is_empty())
            .ok_or(ImportError::Entry(i + 1))?;
        merge(&mut list, vec![bookmark]);
    }
    Ok(list)
}

/// What a merge did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Merged {
    /// Ids that were not in the list before.
    pub added: usize,
    /// Ids already in the list (their empty fields filled from the import).
    pub known: usize,
}

/// Adds `incoming` to `list`: new ids at the end in their order, known ids keep what the list
/// has and take only the fields it lacks, so an import never loses a note.
pub fn merge(list: &mut Vec<Bookmark>, incoming: Vec<Bookmark>) -> Merged {
    let mut merged = Merged::default();
    for new in incoming {
        let Some(old) = list.iter_mut().find(|b| b.id == new.id) else {
            list.push(new);
            merged.added += 1;
            continue;
        };
        merged.known += 1;
        if old.title.is_empty() {
            old.title = new.title;
        }
        if old.note.trim().is_empty() {
            old.note = new.note;
        }
        old.published = old.published.take().or(new.published);
        old.source = old.source.take().or(new.source);
        old.saved = old.saved.take().or(new.saved);
        old.bundle = old.bundle.take().or(new.bundle);
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(id: &str, note: &str) -> Bookmark {
        Bookmark {
            id: id.into(),
            title: format!("Bài {id}"),
            note: note.into(),
            ..Bookmark::default()
        }
    }

    #[test]
    fn a_list_round_trips_through_its_file() {
        let mut a = saved("a1", "đọc lại phần kết luận");
        a.published = Some("2023-04-07".into());
        a.source = Some("baophuyen.vn".into());
        a.saved = Some("2026-11-22T06:00:00.000Z".into());
        a.bundle = Some("Hội nghị".into());
        let list = vec![a, saved("not-here", "")];
        let identity = BundleIdentity {
            title: "Hội nghị".into(),
            generated: "2024-01-18T07:34:05".into(),
        };
        let text = to_json(&list, Some(&identity));
        assert!(text.contains("\"format\": \"hoinghi-bookmarks\""));
        assert!(text.contains("\"version\": 1"));
        assert!(text.contains("\"generated\": \"2024-01-18T07:34:05\""));
        assert_eq!(parse(&text), Ok(list.clone()));
        assert_eq!(parse(&to_json(&list, None)), Ok(list));
    }

    #[test]
    fn malformed_files_say_why() {
        assert_eq!(
            parse("{\"format\": \"hoinghi-bookmarks\",\n  \"version\": "),
            Err(ImportError::NotJson {
                line: 2,
                column: 13
            })
        );
        assert_eq!(parse("[1, 2]"), Err(ImportError::NotBookmarks));
        assert_eq!(
            parse(r#"{"schema": 1, "articles": []}"#),
            Err(ImportError::NotBookmarks)
        );
        assert_eq!(
            parse(r#"{"format": "hoinghi-bookmarks", "version": 1}"#),
            Err(ImportError::NotBookmarks)
        );
        assert_eq!(
            parse(r#"{"format": "hoinghi-bookmarks", "version": 7, "bookmarks": []}"#),
            Err(ImportError::Version(7))
        );
        let bad_entry = r#"{"format": "hoinghi-bookmarks", "version": 1,
            "bookmarks": [{"id": "a"}, {"title": "no id"}]}"#;
        assert_eq!(parse(bad_entry), Err(ImportError::Entry(2)));
        let wrong_type = r#"{"format": "hoinghi-bookmarks", "version": 1,
            "bookmarks": [{"id": "a", "note": 5}]}"#;
        assert_eq!(parse(wrong_type), Err(ImportError::Entry(1)));
        assert!(ImportError::Entry(2)
            .message(Lang::Vi)
            .contains("Mục thứ 2"));
    }

    #[test]
    fn unknown_fields_are_ignored_and_repeated_ids_merge() {
        let text = r#"{"format": "hoinghi-bookmarks", "version": 1, "future": true,
            "bookmarks": [{"id": "a", "colour": "red"}, {"id": "a", "note": "x"}, {"id": "b"}]}"#;
        let list = parse(text).unwrap();
        assert_eq!(
            list.iter()
                .map(|b| (b.id.as_str(), b.note.as_str()))
                .collect::<Vec<_>>(),
            [("a", "x"), ("b", "")]
        );
    }

    #[test]
    fn merging_adds_new_ids_and_never_loses_a_note() {
        let mut list = vec![saved("a", "mine"), saved("b", "")];
        let mut untitled = saved("c", "");
        untitled.title.clear();
        list.push(untitled);
        let merged = merge(
            &mut list,
            vec![
                saved("a", "theirs"),
                saved("b", "theirs"),
                saved("c", ""),
                saved("d", ""),
            ],
        );
        assert_eq!(merged, Merged { added: 1, known: 3 });
        let notes: Vec<_> = list.iter().map(|b| b.note.as_str()).collect();
        assert_eq!(notes, ["mine", "theirs", "", ""]);
        assert_eq!(list[2].title, "Bài c");
        assert_eq!(list[3].id, "d");
    }
}
