//! People named with their titles: "Đinh Thị Thu Thanh - Ủy viên …, Trưởng Ban …",
//! "Mùa A Sơn, Phó Bí thư …", "Châu Ngọc Tuấn – Phó Bí thư …", and title-first forms such as
//! "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Hồ Thị Hoàng Yến".

use crate::bundle::Person;

use super::gazetteer::{self, Target};
use super::text::{lowercase_same_offsets, prefix_ci};

/// Family names a Vietnamese personal name starts with (including those of ethnic minorities
/// common in provincial news).
const SURNAMES: [&str; 60] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Trương", "Lương", "Mai", "Cao", "Lâm", "Hà", "Tô",
    "Tạ", "Thái", "Triệu", "Quách", "Châu", "Đào", "Đàm", "Chu", "Kiều", "Lưu", "Mạc", "Nông",
    "Lò", "Mùa", "Sùng", "Giàng", "Hầu", "Vàng", "Thào", "Cầm", "Lường", "Quàng", "Y", "Ksor",
    "Rơ", "Siu", "Rah", "Nay", "Danh", "Thạch", "Kim", "Văn", "Tống", "Âu", "La",
];

/// Words a title starts with (compared case-insensitively).
const TITLE_HEADS: [&str; 40] = [
    "ủy viên",
    "uỷ viên",
    "uvbtv",
    "uv ban",
    "tỉnh ủy viên",
    "tỉnh uỷ viên",
    "huyện ủy viên",
    "thành ủy viên",
    "bí thư",
    "phó bí thư",
    "tổng bí thư",
    "chủ tịch",
    "phó chủ tịch",
    "trưởng",
    "phó trưởng",
    "phó ban",
    "giám đốc",
    "phó giám đốc",
    "tổng giám đốc",
    "chánh",
    "phó chánh",
    "bộ trưởng",
    "thứ trưởng",
    "thủ tướng",
    "phó thủ tướng",
    "chủ nhiệm",
    "phó chủ nhiệm",
    "đại biểu quốc hội",
    "đại tá",
    "thượng tá",
    "thiếu tướng",
    "trung tướng",
    "thượng tướng",
    "đại tướng",
    "cục trưởng",
    "vụ trưởng",
    "viện trưởng",
    "hiệu trưởng",
    "tổng cục trưởng",
    "kiêm",
];

/// Where a title ends and the sentence goes on ("… Tỉnh ủy phát biểu chỉ đạo").
const TITLE_ENDS: [&str; 33] = [
    " chủ trì",
    " đồng chủ trì",
    " phát biểu",
    " đến dự",
    " dự ",
    " cho rằng",
    " cho biết",
    " ghi nhận",
    " đề nghị",
    " đánh giá",
    " báo cáo",
    " đã ",
    " cũng ",
    " tham dự",
    " nhấn mạnh",
    " tiếp thu",
    " kết luận",
    " chỉ đạo",
    " trao ",
    " khẳng định",
    " yêu cầu",
    " chúc mừng",
    " thăm ",
    " làm việc",
    " tặng",
    " và các",
    " và đồng chí",
    " và lãnh đạo",
    " cùng ",
    " thay mặt",
    " nói",
    " gửi ",
    " trân trọng",
];

/// Foreign places written like Vietnamese names ("Hà Lan": the Netherlands).
const NOT_NAMES: [&str; 3] = ["Hà Lan", "Triều Tiên", "Lý Sơn"];

/// A title read backwards from a name is at most this long; longer text is a clause.
const TITLE_BEFORE_MAX: usize = 70;

/// Words before a name that make it a person even without a title.
const HONORIFICS: [&str; 5] = [
    "đồng chí ",
    "ông ",
    "bà ",
    "các đồng chí: ",
    "các đồng chí ",
];

/// A name found in a sentence with the titles given to it there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub name: String,
    pub titles: Vec<String>,
    pub start: usize,
}

/// A name syllable: capital letter then lower-case letters ("Thùy"), or a lone capital ("A").
fn syllable(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.all(char::is_lowercase)
}

/// People named in one sentence.
pub fn mentions(sentence: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut skip_to = 0;
    for (s0, e0) in word_spans(sentence) {
        // Surnames are short and capitalised: a lower-case ASCII first byte (most words) fails
        // at once, then the full check, then the table.
        if sentence.as_bytes()[s0].is_ascii_lowercase() {
            continue;
        }
        let first_upper = sentence[s0..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if s0 < skip_to || e0 - s0 > 8 || !first_upper || !SURNAMES.contains(&&sentence[s0..e0]) {
            continue;
        }
        let end = name_end(sentence, e0);
        let name = &sentence[s0..end];
        if end == e0 || !syllable(&sentence[s0..e0]) || is_place(name) {
            continue;
        }
        let mut titles = titles_after(&sentence[end..]);
        if titles.is_empty() {
            titles = titles_before(&sentence[..s0]);
        }
        let honoured = HONORIFICS.iter().any(|h| ends_with_ci(&sentence[..s0], h));
        if !titles.is_empty() || honoured {
            out.push(Mention {
                name: name.to_string(),
                titles,
                start: s0,
            });
        }
        skip_to = end;
    }
    out
}

/// Where a name that starts with a surname ending at `e0` ends: it runs on through syllables
/// separated by single spaces, at most five syllables in all.
fn name_end(s: &str, e0: usize) -> usize {
    let mut end = e0;
    for _ in 0..4 {
        let Some(rest) = s[end..].strip_prefix(' ') else {
            break;
        };
        let len = rest
            .bytes()
            .position(|b| b < 0x80 && !b.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if len == 0 || !syllable(&rest[..len]) {
            break;
        }
        end += 1 + len;
    }
    end
}

/// Case-insensitive "ends with" against a lower-case pattern, looking only at the tail.
fn ends_with_ci(s: &str, lower_pat: &str) -> bool {
    let n = lower_pat.chars().count();
    let Some((start, _)) = s.char_indices().rev().nth(n.saturating_sub(1)) else {
        return false;
    };
    n > 0 && prefix_ci(&s[start..], lower_pat) == Some(s.len() - start)
}

/// Byte spans of the words in `s`, split at ASCII spaces and punctuation. Working on bytes keeps
/// this cheap (it runs over every sentence); Vietnamese letters are never ASCII punctuation.
fn word_spans(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let word_byte = |b: u8| b >= 0x80 || b.is_ascii_alphanumeric();
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !word_byte(b[i]) {
            i += 1;
        }
        if i == b.len() {
            return None;
        }
        let start = i;
        while i < b.len() && word_byte(b[i]) {
            i += 1;
        }
        Some((start, i))
    })
}

/// Places look like names ("Hà Nội", "Cao Bằng"); the gazetteer tells them apart.
/// "Hồ Chí Minh" is listed there as a non-place and is left out too: in these texts it is the
/// ideology ("tư tưởng Hồ Chí Minh"), not a participant.
fn is_place(name: &str) -> bool {
    NOT_NAMES.iter().any(|n| name.starts_with(n))
        || gazetteer::get()
            .scan(name)
            .first()
            .is_some_and(|h| h.start == 0 && !matches!(h.target, Target::Tie(_)))
}

fn is_title(seg: &str) -> bool {
    let lower = seg.to_lowercase();
    TITLE_HEADS.iter().any(|h| {
        lower.starts_with(h)
            && !lower[h.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

/// Cuts a title where the sentence goes on; returns the title and whether it was cut.
fn cut_title(seg: &str) -> (&str, bool) {
    // Byte offsets agree because Vietnamese letters keep their UTF-8 length when lower-cased;
    // no cut if a character ever changes length.
    let Some(lower) = lowercase_same_offsets(seg) else {
        return (seg, false);
    };
    let cut = TITLE_ENDS.iter().filter_map(|e| lower.find(e)).min();
    // " và " joins two organisations in a title ("Thương binh và Xã hội") but ends it before
    // lower case ("… và các đồng chí").
    let and = lower.match_indices(" và ").map(|(i, _)| i).find(|&i| {
        seg[i + " và ".len()..]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
    });
    match cut.into_iter().chain(and).min() {
        Some(i) => (seg[..i].trim(), true),
        None => (seg.trim(), false),
    }
}

/// Titles after a name: ", Phó Bí thư …, Chủ tịch …" or " - Ủy viên …" / " – Phó Bí thư …".
fn titles_after(rest: &str) -> Vec<String> {
    let Some(open) = [", ", " - ", " – ", " — ", ": "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    else {
        return Vec::new();
    };
    let clause = &open[..open
        .find([';', '.', '(', ')', ':', '"', '“'])
        .unwrap_or(open.len())];
    let mut titles = Vec::new();
    for seg in split_titles(clause) {
        if !is_title(seg) {
            break;
        }
        let (title, cut) = cut_title(seg);
        push_title(&mut titles, title);
        if cut {
            break;
        }
    }
    titles
}

/// Titles before a name: "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Hồ Thị Hoàng Yến",
/// "đồng chí Trưởng Ban Dân vận Tỉnh ủy Đỗ Việt Anh".
fn titles_before(before: &str) -> Vec<String> {
    let clause_start = before.rfind([';', ':', '(', ')']).map_or(0, |i| i + 1);
    let clause = &before[clause_start..];
    let clause = match clause
        .rfind("đồng chí ")
        .or_else(|| clause.rfind("Đồng chí "))
    {
        Some(i) => &clause[i + "đồng chí ".len()..],
        None => clause,
    };
    if !clause.ends_with(' ') {
        return Vec::new();
    }
    let mut titles = Vec::new();
    for seg in clause.rsplit(", ") {
        let seg = seg.trim();
        let verb = TITLE_ENDS.iter().any(|e| seg.contains(e));
        if !is_title(seg) || verb || seg.chars().count() > TITLE_BEFORE_MAX {
            break;
        }
        titles.push(seg.to_string());
    }
    titles.reverse();
    titles
        .iter_mut()
        .for_each(|t| *t = clean_title(t).to_string());
    titles
}

/// Splits a title list at commas, and at dashes that start another title ("… - Kiêm Chủ tịch").
fn split_titles(clause: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in clause.split(", ") {
        let mut rest = part;
        while let Some((i, d)) = [" - ", " – "]
            .iter()
            .filter_map(|d| rest.find(d).map(|i| (i, d)))
            .min()
        {
            let next = &rest[i + d.len()..];
            let next = next.trim_start_matches([' ', '-', '–']);
            if !is_title(next) {
                break;
            }
            out.push(&rest[..i]);
            rest = next;
        }
        out.push(rest);
    }
    out
}

fn clean_title(t: &str) -> &str {
    let t = t.trim().trim_end_matches([',', ';', '.', ':']);
    match prefix_ci(t, "kiêm ") {
        Some(n) => t[n..].trim(),
        None => t,
    }
}

fn push_title(titles: &mut Vec<String>, t: &str) {
    let t = clean_title(t);
    // Sites vary the capitals of one title ("Trưởng ban" / "Trưởng Ban"): keep the first form.
    if !t.is_empty() && !titles.iter().any(|x| x.to_lowercase() == t.to_lowercase()) {
        titles.push(t.to_string());
    }
}

/// Merges mentions into one entry per person, keeping first-mention order and every title.
pub fn merge(all: impl IntoIterator<Item = Mention>) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    for m in all {
        let idx = match people.iter().position(|p| p.name == m.name) {
            Some(i) => i,
            None => {
                people.push(Person {
                    name: m.name.clone(),
                    titles: Vec::new(),
                });
                people.len() - 1
            }
        };
        for t in &m.titles {
            push_title(&mut people[idx].titles, t);
        }
    }
    people
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(s: &str) -> Vec<(String, Vec<String>)> {
        mentions(s)
            .into_iter()
            .map(|m| (m.name, m.titles))
            .collect()
    }

    fn p(name: &str, titles: &[&str]) -> (String, Vec<String>) {
        (name.into(), titles.iter().map(|t| t.to_string()).collect())
    }

    #[test]
    fn name_dash_titles() {
        assert_eq!(
            people("Chủ trì hội nghị có đồng chí Đinh Thị Thu Thanh - Ủy viên Ban thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy và các đồng chí Phó Ban Dân vận Tỉnh ủy."),
            [p("Đinh Thị Thu Thanh", &["Ủy viên Ban thường vụ Tỉnh ủy", "Trưởng Ban Dân vận Tỉnh ủy"])]
        );
    }

    #[test]
    fn name_comma_titles_in_a_list() {
        assert_eq!(
            people("Ngày 17/1, các đồng chí: Mùa A Sơn, Phó Bí thư Thường trực Tỉnh ủy; Lò Văn Mừng, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Dân vận Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh; Lò Văn Tiến, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh chủ trì hội nghị."),
            [
                p("Mùa A Sơn", &["Phó Bí thư Thường trực Tỉnh ủy"]),
                p("Lò Văn Mừng", &["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Dân vận Tỉnh ủy", "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"]),
                p("Lò Văn Tiến", &["Tỉnh ủy viên", "Phó Chủ tịch UBND tỉnh"]),
            ]
        );
    }

    #[test]
    fn title_before_name() {
        assert_eq!(
            people("Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh Hồ Thị Hoàng Yến đến dự và chỉ đạo hội nghị."),
            [p("Hồ Thị Hoàng Yến", &["Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch Hội đồng nhân dân tỉnh"])]
        );
        assert_eq!(
            people(
                "Phát biểu tại hội nghị, đồng chí Trưởng Ban Dân vận Tỉnh ủy Đỗ Việt Anh đề nghị"
            ),
            [p("Đỗ Việt Anh", &["Trưởng Ban Dân vận Tỉnh ủy"])]
        );
    }

    #[test]
    fn en_dash_and_kiem() {
        assert_eq!(
            people("có đồng chí Châu Ngọc Tuấn – Phó Bí thư Thường trực Tỉnh ủy, đồng chí Võ Thanh Hùng – UVBTV, Trưởng Ban Dân vận Tỉnh ủy."),
            [p("Châu Ngọc Tuấn", &["Phó Bí thư Thường trực Tỉnh ủy"]), p("Võ Thanh Hùng", &["UVBTV", "Trưởng Ban Dân vận Tỉnh ủy"])]
        );
        assert_eq!(
            people("đồng chí Đinh Ơng, Trưởng Ban Dân vận Huyện ủy - Kiêm Chủ tịch Ủy ban MTTQ VN huyện đã báo cáo"),
            [p("Đinh Ơng", &["Trưởng Ban Dân vận Huyện ủy", "Chủ tịch Ủy ban MTTQ VN huyện"])]
        );
    }

    #[test]
    fn not_people() {
        assert!(people("theo tư tưởng của Chủ tịch Hồ Chí Minh").is_empty());
        assert!(people("hội nghị tại Hà Nội, Cao Bằng và Lâm Đồng").is_empty());
        assert!(
            people("kỷ niệm ngày sinh danh nhân văn hóa Nguyễn Đình Chiểu, diễn tập").is_empty()
        );
    }

    #[test]
    fn titles_stop_at_quotes_and_verbs() {
        assert_eq!(
            people("ông Nguyễn Huy Quang, Vụ trưởng Vụ Pháp chế - Bộ Y tế nói: \"Tôi vừa nhận\""),
            [p("Nguyễn Huy Quang", &["Vụ trưởng Vụ Pháp chế - Bộ Y tế"])]
        );
        assert!(
            people("Chủ tịch Quốc hội trân trọng gửi lời mời tới Chủ tịch Thượng viện Hà Lan")
                .is_empty()
        );
    }

    #[test]
    fn merges_titles() {
        let all = mentions("Đồng chí Bùi Văn Bia, Trưởng Ban Dân vận Tỉnh ủy phát biểu. ")
            .into_iter()
            .chain(mentions(
                "đồng chí Bùi Văn Bia, Ủy viên Ban Thường vụ Tỉnh ủy",
            ));
        assert_eq!(
            merge(all),
            [Person {
                name: "Bùi Văn Bia".into(),
                titles: vec![
                    "Trưởng Ban Dân vận Tỉnh ủy".into(),
                    "Ủy viên Ban Thường vụ Tỉnh ủy".into()
                ]
            }]
        );
    }
}
