//! One scraped page → one [`Article`]: title, metadata lines, byline, body blocks, then the
//! extractors over the clean text.

use crate::bundle::{Article, Block, Source};

use super::byline;
use super::clutter;
use super::conference;
use super::dates::{find_stamp, Date};
use super::documents;
use super::header;
use super::people;
use super::province::{self, Clues};
use super::sidecar::Meta;
use super::text::{normalize, prefix_ci, sentences, stable_id};

/// Metadata lines (date, views) are looked for among this many lines after the title.
const HEADER_LINES: usize = 6;

/// Phrases a caption starts with ("Quang cảnh hội nghị"); with `true` the phrase alone makes a
/// short line a caption, with `false` it needs a glued sentence after it to tell it from text.
const CAPTION_STARTS: [(&str, bool); 7] = [
    ("quang cảnh", true),
    ("toàn cảnh", true),
    ("ảnh minh họa", true),
    ("các đại biểu", false),
    ("đại biểu", false),
    ("lãnh đạo", false),
    ("đồng chí", false),
];

/// Caption-only lines are short; a glued caption ends within this many characters.
const CAPTION_MAX: usize = 150;
/// Captions with a photo credit may run longer, but not to article length.
const CREDITED_MAX: usize = 300;

/// Video links kept as link blocks ("Video: https://…").
const LINK_LABELS: [&str; 2] = ["video:", "clip:"];

/// Builds the record for one page of text (already decoded).
pub fn from_text(raw: &str, meta: &Meta) -> Option<Article> {
    let text = normalize(raw);
    let mut lines = text
        .lines()
        .map(clutter::strip_bullets)
        .filter(|l| !l.is_empty())
        .peekable();
    // The first line is the title, unless it is the site banner and the title follows it.
    let mut banner = None;
    let mut title = lines.find(|l| !clutter::is_clutter(l))?;
    if clutter::is_banner(title) {
        banner = Some(title);
        title = lines.find(|l| !clutter::is_clutter(l))?;
    }
    let rest: Vec<&str> = lines.collect();

    let mut published = None;
    let mut views = None;
    let mut kept: Vec<&str> = Vec::new();
    for (i, line) in rest.iter().enumerate() {
        let repeats_title =
            line.len() == title.len() && line.to_lowercase() == title.to_lowercase();
        if clutter::is_clutter(line) || repeats_title {
            continue;
        }
        if i < HEADER_LINES {
            if let Some(info) = header::parse_line(line, title) {
                published = published.or(info.published);
                views = views.or(info.views);
                continue;
            }
        }
        kept.push(line);
    }
    // The byline is the last line of text.
    let mut byline = None;
    if let Some(b) = kept.last().and_then(|l| byline::parse(l)) {
        kept.pop();
        byline = Some(b);
    }
    let body = blocks(&kept);

    let published = match meta.published.as_deref() {
        Some(given) => Some(find_stamp(given).map_or_else(|| given.to_string(), |f| f.stamp.iso())),
        None => published.map(|s| s.iso()),
    };
    let author = byline.as_ref().and_then(|b| b.author.clone());
    let domain = byline
        .as_ref()
        .and_then(|b| b.domain.clone())
        .or_else(|| meta.url.as_deref().and_then(url_domain));
    let source_name = meta
        .source
        .clone()
        .or_else(|| banner.map(province::tidy_banner));
    let source =
        (source_name.is_some() || domain.is_some() || meta.url.is_some()).then(|| Source {
            name: source_name.clone(),
            url: meta.url.clone(),
            domain: domain.clone(),
        });

    let paragraphs: Vec<&str> = body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let captions: Vec<&str> = body
        .iter()
        .filter_map(|b| match b {
            Block::Caption { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let all_text = std::iter::once(title)
        .chain(paragraphs.iter().copied())
        .chain(captions.iter().copied())
        .collect::<Vec<_>>()
        .join("\n");

    let province = match meta.province.as_deref() {
        Some(given) => Some(province::from_name(given)),
        None => province::detect(&Clues {
            banner: source_name.as_deref().or(banner),
            domain: domain.as_deref(),
            text: &all_text,
        }),
    };
    let published_date = published.as_deref().and_then(Date::from_iso);
    let conferences = conference::extract(&conference::Input {
        title,
        paragraphs: &paragraphs,
        captions: &captions,
        published: published_date,
    });
    let documents = documents::extract(&paragraphs.join("\n"));
    let people = people::merge(
        paragraphs
            .iter()
            .chain(&captions)
            .flat_map(|p| sentences(p))
            .flat_map(people::mentions),
    );
    let id = match meta.url.as_deref() {
        Some(url) => stable_id(&["url", url.trim()]),
        None => {
            let mut parts = vec![title];
            parts.extend(body.iter().map(Block::text));
            stable_id(&parts)
        }
    };
    Some(Article {
        id,
        title: title.to_string(),
        published,
        source,
        author,
        views,
        body,
        province,
        conferences,
        documents,
        people,
    })
}

/// The host of a URL ("https://www.nbtv.vn/tin/…" → "nbtv.vn").
fn url_domain(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .trim_start_matches("www.");
    host.contains('.').then(|| host.to_ascii_lowercase())
}

/// Body lines to blocks: paragraphs, captions (split off when glued to the next sentence),
/// video links; image file names are dropped and make the short line after them a caption.
fn blocks(lines: &[&str]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut after_image = false;
    for &line in lines {
        if clutter::is_image_file(line) {
            after_image = true;
            continue;
        }
        let was_after_image = std::mem::take(&mut after_image);
        if let Some(link) = link(line) {
            out.push(link);
            continue;
        }
        let chars = line.chars().count();
        let short = chars <= CAPTION_MAX;
        // Longer lines that start like a caption are whole articles on one line: text.
        let caption_sized = chars <= CREDITED_MAX;
        if let Some(n) = prefix_ci(line, "ảnh:").filter(|_| caption_sized) {
            out.push(Block::Caption {
                text: line[n..].trim().to_string(),
            });
            continue;
        }
        if (was_after_image && short) || (caption_sized && ends_with_credit(line)) {
            out.push(Block::Caption {
                text: line.to_string(),
            });
            continue;
        }
        if let Some(&(_, alone)) = CAPTION_STARTS
            .iter()
            .find(|(s, _)| prefix_ci(line, s).is_some())
        {
            if let Some(at) = glue_point(line) {
                out.push(Block::Caption {
                    text: line[..at].trim().to_string(),
                });
                out.push(Block::Paragraph {
                    text: line[at..].trim().to_string(),
                });
                continue;
            }
            if alone && short && !line.ends_with('.') {
                out.push(Block::Caption {
                    text: line.to_string(),
                });
                continue;
            }
        }
        out.push(Block::Paragraph {
            text: line.to_string(),
        });
    }
    out
}

/// True when the line ends with a photo credit: "… (Ảnh: Nguyễn Diễm)".
fn ends_with_credit(line: &str) -> bool {
    let Some(body) = line.strip_suffix(')') else {
        return false;
    };
    body.rfind('(')
        .is_some_and(|i| prefix_ci(&body[i + 1..], "ảnh:").is_some())
}

/// Where a caption runs into the next sentence without a break: a lower-case letter followed
/// directly by a capital or a digit ("hội nghị2 đơn vị", "hội nghịPhát biểu").
fn glue_point(line: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        if i > CAPTION_MAX {
            break;
        }
        if prev.is_some_and(char::is_lowercase) && (c.is_uppercase() || c.is_ascii_digit()) {
            // A caption has a few words before the glue.
            return (line[..i].split(' ').count() >= 2).then_some(i);
        }
        prev = Some(c);
    }
    None
}

fn link(line: &str) -> Option<Block> {
    let label = LINK_LABELS.iter().find_map(|l| prefix_ci(line, l));
    let url = line[label.unwrap_or(0)..].trim();
    let is_url = (url.starts_with("http://") || url.starts_with("https://")) && !url.contains(' ');
    is_url.then(|| Block::Link {
        url: url.to_string(),
        text: label.map(|n| line[..n].trim_end_matches(':').to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(lines: &[&str]) -> Vec<Block> {
        blocks(lines)
    }

    fn cap(t: &str) -> Block {
        Block::Caption { text: t.into() }
    }

    fn par(t: &str) -> Block {
        Block::Paragraph { text: t.into() }
    }

    #[test]
    fn caption_forms() {
        assert_eq!(body(&["Quang cảnh hội nghị"]), [cap("Quang cảnh hội nghị")]);
        assert_eq!(
            body(&["Quang cảnh đại biểu dự hội nghị. (Ảnh: Nguyễn Diễm)"]),
            [cap("Quang cảnh đại biểu dự hội nghị. (Ảnh: Nguyễn Diễm)")]
        );
        assert_eq!(
            body(&["Ảnh: Toàn cảnh tại điểm cầu"]),
            [cap("Toàn cảnh tại điểm cầu")]
        );
        assert_eq!(
            body(&["18-1-dan-van2.jpg", "Đồng chí A phát biểu."]),
            [cap("Đồng chí A phát biểu.")]
        );
    }

    #[test]
    fn glued_captions_are_split() {
        assert_eq!(
            body(&["Quang cảnh hội nghị2 đơn vị cũng đã tham mưu."]),
            [
                cap("Quang cảnh hội nghị"),
                par("2 đơn vị cũng đã tham mưu.")
            ]
        );
        assert_eq!(
            body(&["Đồng chí Chủ tịch UBND tỉnh phát biểu tại hội nghịPhát biểu tại hội nghị, đồng chí"]),
            [cap("Đồng chí Chủ tịch UBND tỉnh phát biểu tại hội nghị"), par("Phát biểu tại hội nghị, đồng chí")]
        );
        assert_eq!(
            body(&["Đồng chí Phạm Quang Ngọc chủ trì."]),
            [par("Đồng chí Phạm Quang Ngọc chủ trì.")]
        );
    }

    #[test]
    fn video_links() {
        assert_eq!(
            body(&["Video: https://cdn.nbtv.vn/a.mp4"]),
            [Block::Link {
                url: "https://cdn.nbtv.vn/a.mp4".into(),
                text: Some("Video".into())
            }]
        );
        assert_eq!(
            url_domain("https://www.nbtv.vn/tin/1").as_deref(),
            Some("nbtv.vn")
        );
    }
}
