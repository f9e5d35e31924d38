//! Article text from a saved HTML page, without an HTML parser dependency: the page becomes the
//! same "title line, then one line per block" text as a scraped `.txt`, so one pipeline serves both.

/// Elements whose content is never article text.
const SKIPPED: [&str; 8] = [
    "script", "style", "noscript", "head", "template", "svg", "iframe", "form",
];

/// Elements that start a new line.
const BLOCKS: [&str; 30] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "blockquote",
    "hr",
    "pre",
    "main",
    "dd",
    "dt",
];

/// Named entities common in Vietnamese pages (numeric ones are decoded generally).
const ENTITIES: [(&str, &str); 12] = [
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("bull", "•"),
];

const VIDEO_HINTS: [&str; 4] = [".mp4", ".webm", "youtube.com/", "youtu.be/"];

/// The page as text: the article title (first `<h1>`, else `<title>`) on the first line, then the
/// text of `<article>` when the page has one, else of `<body>`.
pub fn to_text(html: &str) -> String {
    let title = element_text(html, "h1")
        .or_else(|| element_text(html, "title"))
        .unwrap_or_default();
    let lower = html.to_ascii_lowercase();
    let body = ["<article", "<body"]
        .iter()
        .find_map(|t| lower.find(t))
        .map_or(html, |i| &html[i..]);
    format!("{}\n{}", title.trim(), blocks(body))
}

/// Text of the first `<tag>` element.
fn element_text(html: &str, tag: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = lower.find(&format!("<{tag}"))?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find(&format!("</{tag}"))?;
    let text = blocks(&html[start..end]);
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

/// Strips tags, keeping block boundaries as line breaks, images as their file names (captions
/// follow them), and video links as "Video: URL" lines.
fn blocks(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |i| &rest[i + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !closing && SKIPPED.contains(&name.as_str()) {
            let close = format!("</{name}");
            rest = rest.to_ascii_lowercase().find(&close).map_or("", |i| {
                let after = &rest[i..];
                after.find('>').map_or("", |j| &after[j + 1..])
            });
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            out.push('\n');
        }
        match name.as_str() {
            "img" => {
                if let Some(src) = attribute(tag, "src") {
                    let file = src.rsplit('/').next().unwrap_or(&src);
                    let file = file.split(['?', '#']).next().unwrap_or(file);
                    out.push_str(&format!("\n{file}\n"));
                }
            }
            "a" | "video" | "source" => {
                let url = attribute(tag, "href").or_else(|| attribute(tag, "src"));
                if let Some(url) = url.filter(|u| {
                    VIDEO_HINTS
                        .iter()
                        .any(|h| u.to_ascii_lowercase().contains(h))
                }) {
                    out.push_str(&format!("\nVideo: {url}\n"));
                }
            }
            _ => {}
        }
    }
    out.push_str(&decode_entities(rest));
    out
}

/// The value of `name="…"` (or single-quoted) inside a tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let boundary = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let after = lower[from..].trim_start();
        if !boundary || !after.starts_with('=') {
            continue;
        }
        let v = tag[tag.len() - after.len() + 1..].trim_start();
        let quote = v.chars().next()?;
        let value = if quote == '"' || quote == '\'' {
            &v[1..1 + v[1..].find(quote)?]
        } else {
            v.split_whitespace().next()?
        };
        return Some(decode_entities(value));
    }
    None
}

/// Decodes `&name;`, `&#NNN;` and `&#xHH;`; unknown entities are kept as written.
pub fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let semi = rest.find(';').filter(|&i| i <= 10);
        let decoded = semi.and_then(|i| {
            let body = &rest[1..i];
            let c = if let Some(hex) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .map(String::from)
            } else if let Some(dec) = body.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32).map(String::from)
            } else {
                ENTITIES
                    .iter()
                    .find(|(n, _)| *n == body)
                    .map(|(_, v)| v.to_string())
            };
            c.map(|c| (c, i + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_title_and_blocks() {
        let html = r#"<html><head><title>Site | Tin</title><style>p{color:red}</style>
            <script>var a = "<p>no</p>";</script></head><body><nav>Trang chủ</nav>
            <article><h1>Hội nghị &amp; giao ban</h1><p>Ngày 7/4,&nbsp;Ban Dân vận</p>
            <!-- comment --><img src="/upload/18-1-dan-van2.jpg?x=1" alt=""><p>Quang cảnh</p>
            <a href="https://cdn.nbtv.vn/v.mp4">xem</a><p>&#272;&#x1ed3;ng chí</p></article></body></html>"#;
        let text = to_text(html);
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            lines,
            [
                "Hội nghị & giao ban",
                "Hội nghị & giao ban",
                "Ngày 7/4,\u{a0}Ban Dân vận",
                "18-1-dan-van2.jpg",
                "Quang cảnh",
                "Video: https://cdn.nbtv.vn/v.mp4",
                "xem",
                "Đồng chí",
            ]
        );
    }

    #[test]
    fn title_falls_back_to_title_element() {
        assert!(to_text("<title>Tin A</title><body><p>x</p></body>").starts_with("Tin A\n"));
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &lt;b&gt; &#39;c&#39; &unknown; & d"),
            "a <b> 'c' &unknown; & d"
        );
    }
}
