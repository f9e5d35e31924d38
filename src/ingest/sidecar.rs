//! Optional side-car metadata users put next to articles: `NAME.meta.json` for `NAME.txt`, or
//! one `meta.json` (an object keyed by file name) or `meta.csv` (a `file` column) per folder.
//! Given values win over what extraction finds; a file's own `.meta.json` wins over its folder's.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Meta {
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub province: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
}

impl Meta {
    /// Fills each field `self` lacks from `other`.
    fn or(self, other: &Meta) -> Meta {
        Meta {
            url: self.url.or_else(|| other.url.clone()),
            source: self.source.or_else(|| other.source.clone()),
            province: self.province.or_else(|| other.province.clone()),
            published: self.published.or_else(|| other.published.clone()),
        }
    }
}

const OWN_SUFFIX: &str = ".meta.json";
const FOLDER_FILES: [&str; 2] = ["meta.json", "meta.csv"];
/// Article file extensions a side-car can describe.
const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "html", "htm"];

/// True for a side-car file (read as metadata, never as an article).
pub fn is_sidecar(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(OWN_SUFFIX) || FOLDER_FILES.contains(&name)
}

/// Metadata for a set of articles, from the side-car files found next to them.
#[derive(Debug, Default)]
pub struct Sidecars {
    folder: HashMap<PathBuf, Meta>,
    own: HashMap<PathBuf, Meta>,
}

impl Sidecars {
    /// Reads the given side-car files; each unreadable one is returned with its reason.
    pub fn load(files: &[PathBuf]) -> (Sidecars, Vec<(PathBuf, String)>) {
        let mut s = Sidecars::default();
        let mut problems = Vec::new();
        for path in files {
            if let Err(e) = s.read(path) {
                problems.push((path.clone(), e));
            }
        }
        (s, problems)
    }

    /// Side-cars for one article: its own and its folder's, if present.
    pub fn for_article(path: &Path) -> (Sidecars, Vec<(PathBuf, String)>) {
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut files: Vec<PathBuf> = FOLDER_FILES.iter().map(|f| dir.join(f)).collect();
        files.push(own_sidecar(path));
        files.retain(|f| f.is_file());
        Sidecars::load(&files)
    }

    fn read(&mut self, path: &Path) -> Result<(), String> {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if let Some(stem) = name.strip_suffix(OWN_SUFFIX) {
            let meta: Meta = serde_json::from_str(&text).map_err(|e| e.to_string())?;
            for ext in ARTICLE_EXTENSIONS {
                self.own
                    .insert(dir.join(format!("{stem}.{ext}")), meta.clone());
            }
        } else if name == "meta.json" {
            let map: HashMap<String, Meta> =
                serde_json::from_str(&text).map_err(|e| e.to_string())?;
            for (file, meta) in map {
                self.folder.insert(dir.join(file), meta);
            }
        } else {
            for (file, meta) in parse_csv(&text)? {
                self.folder.insert(dir.join(file), meta);
            }
        }
        Ok(())
    }

    pub fn get(&self, article: &Path) -> Meta {
        let own = self.own.get(article).cloned().unwrap_or_default();
        match self.folder.get(article) {
            Some(folder) => own.or(folder),
            None => own,
        }
    }
}

fn own_sidecar(article: &Path) -> PathBuf {
    let stem = article.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    article.with_file_name(format!("{stem}{OWN_SUFFIX}"))
}

/// `meta.csv`: a header naming the columns (`file` plus any of url, source, province,
/// published), then one row per article. Fields may be double-quoted with `""` escapes.
fn parse_csv(text: &str) -> Result<Vec<(String, Meta)>, String> {
    let mut rows = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(csv_fields);
    let header = rows.next().ok_or("meta.csv is empty")?;
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let file = col("file")
        .or_else(|| col("filename"))
        .ok_or("meta.csv has no `file` column")?;
    let (url, source, province, published) =
        (col("url"), col("source"), col("province"), col("published"));
    Ok(rows
        .map(|r| {
            let get = |c: Option<usize>| {
                c.and_then(|c| r.get(c))
                    .map(|v| v.trim().to_string())
                    .filter(|v| !v.is_empty())
            };
            let meta = Meta {
                url: get(url),
                source: get(source),
                province: get(province),
                published: get(published),
            };
            (
                r.get(file)
                    .map(|f| f.trim().to_string())
                    .unwrap_or_default(),
                meta,
            )
        })
        .collect())
}

fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().expect("one field").push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_quotes() {
        let rows =
            parse_csv("file,url,province\n001.txt,\"https://a.vn/x,y\",Bến Tre\n002.txt,,\n")
                .unwrap();
        assert_eq!(rows[0].0, "001.txt");
        assert_eq!(rows[0].1.url.as_deref(), Some("https://a.vn/x,y"));
        assert_eq!(rows[0].1.province.as_deref(), Some("Bến Tre"));
        assert_eq!(rows[1].1, Meta::default());
        assert!(parse_csv("url\nx\n").is_err());
    }

    #[test]
    fn own_file_wins_over_folder() {
        let dir = std::env::temp_dir().join(format!("hoinghi-sidecar-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.meta.json"), r#"{"province": "Gia Lai"}"#).unwrap();
        std::fs::write(
            dir.join("meta.json"),
            r#"{"a.txt": {"province": "Bến Tre", "url": "https://x.vn/a"}}"#,
        )
        .unwrap();
        std::fs::write(dir.join("a.txt"), "T\nx").unwrap();
        let (s, problems) = Sidecars::for_article(&dir.join("a.txt"));
        assert!(problems.is_empty());
        let m = s.get(&dir.join("a.txt"));
        assert_eq!(m.province.as_deref(), Some("Gia Lai"));
        assert_eq!(m.url.as_deref(), Some("https://x.vn/a"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn recognises_sidecars() {
        assert!(is_sidecar(Path::new("x/a.meta.json")));
        assert!(is_sidecar(Path::new("meta.csv")));
        assert!(!is_sidecar(Path::new("a.txt")));
    }
}
