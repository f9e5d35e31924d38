//! Conferences an article reports: only when its lead says one was held ("Ngày 7/4, Ban Dân vận
//! Tỉnh ủy tổ chức Hội nghị …"), not when a text mentions "hội nghị" in passing.
//!
//! Seed 004 ("Ký kết chương trình phối hợp …") reports one meeting, a tổng kết at which a
//! programme was signed. It is one entry: a timeline should show one event, and its kind is the
//! one the title gives (`ky_ket`), which is what readers look for; the period is the one the
//! meeting reviewed ("giai đoạn 2015 - 2020"). Several entries come only from several leads
//! with different dates.

use crate::bundle::{Conference, ConferenceKind, DatePrecision, Level, Participant, Role};

use super::dates::{self, Date};
use super::people;
use super::period;
use super::text::{capitalize, find_ci, lowercase_same_offsets, sentences};

/// Kind keywords; where several occur, the earliest in the text wins ("tổng kết …, triển khai").
const KINDS: [(&str, ConferenceKind); 12] = [
    ("ký kết", ConferenceKind::KyKet),
    ("giao ban", ConferenceKind::GiaoBan),
    ("sơ kết", ConferenceKind::SoKet),
    ("tổng kết", ConferenceKind::TongKet),
    ("triển khai", ConferenceKind::TrienKhai),
    ("quán triệt", ConferenceKind::TrienKhai),
    ("phát động", ConferenceKind::TrienKhai),
    ("tập huấn", ConferenceKind::TapHuan),
    ("bồi dưỡng", ConferenceKind::TapHuan),
    ("kỷ niệm", ConferenceKind::KyNiem),
    ("hội thi", ConferenceKind::HoiThi),
    ("đối thoại", ConferenceKind::DoiThoai),
];

/// Names of the events counted as conferences.
const EVENTS: [&str; 9] = [
    "hội nghị",
    "lễ ký kết",
    "ký kết chương trình",
    "ký kết quy chế",
    "hội thi",
    "buổi đối thoại",
    "hội nghị đối thoại",
    "lễ kỷ niệm",
    "buổi giao ban",
];

/// Case-free tails of the event names ("ội nghị" for "Hội nghị" and "hội nghị"): a paragraph
/// without any is skipped before the costlier lower-casing.
const EVENT_CORES: [&str; 12] = [
    "ội nghị",
    "ỘI NGHỊ",
    "ý kết",
    "Ý KẾT",
    "ội thi",
    "ỘI THI",
    "ối thoại",
    "ỐI THOẠI",
    "ỷ niệm",
    "Ỷ NIỆM",
    "iao ban",
    "IAO BAN",
];

/// Verbs that report an event as held.
const HELD: [&str; 10] = [
    "tổ chức",
    "chủ trì",
    "khai mạc",
    "diễn ra",
    "đã họp",
    "tiến hành",
    "dự hội nghị",
    "dự và chỉ đạo",
    "đã ký kết",
    "long trọng",
];

/// Verbs that report the event held when they follow its name ("Hội nghị … đã được tổ chức").
const HELD_AFTER: [&str; 4] = ["tổ chức", "diễn ra", "khai mạc", "bế mạc"];

/// Bytes allowed between a verb and the event it reports ("tổ chức long trọng Lễ kỷ niệm").
const VERB_GAP_BEFORE: usize = 24;
/// How far after the event's name a verb may report it.
const VERB_GAP_AFTER: usize = 160;

/// Words before an event noun that make it something else: a venue or an aside.
const NOT_THE_EVENT: [&str; 7] = [
    "trung tâm ",
    "cung ",
    "phòng ",
    "hội trường ",
    "nhà ",
    "bên lề ",
    "khuôn khổ ",
];

/// What follows an event noun in a list of activity kinds ("hội nghị, hội thảo").
const LISTED_WITH: [&str; 5] = [
    ", hội thảo",
    ", tọa đàm",
    ", diễn đàn",
    ", hội nghị",
    ", sự kiện",
];

/// Words that make it an announcement or a plan, not a report ("sẽ": will).
const NOT_HELD: [&str; 9] = [
    " sẽ ",
    "dự kiến",
    "sắp tổ chức",
    "kế hoạch tổ chức",
    "chuẩn bị tổ chức",
    "phải tổ chức",
    "cần tổ chức",
    "đề nghị tổ chức",
    "yêu cầu tổ chức",
];

/// Openers of a same-day report ("Sáng nay, …").
const TODAY: [&str; 4] = ["sáng nay", "chiều nay", "hôm nay", "tối nay"];

/// Where a reported name stops.
const NAME_ENDS: [&str; 10] = [
    " do ",
    " tại ",
    " với sự tham dự",
    " nhằm ",
    " dưới sự chủ trì",
    " có sự tham gia",
    " đã được",
    " được tổ chức",
    " đã diễn ra",
    " diễn ra",
];

/// Where the lead is: reports say what was held in the opening paragraphs.
const LEAD_PARAGRAPHS: usize = 3;
/// How much of a lead paragraph is read (a few sentences).
const LEAD_BYTES: usize = 1500;

/// Host → level, most local first ("Ủy ban Trung ương MTTQ … tỉnh Hà Tĩnh" is provincial); a
/// word matches only as a whole word.
const LEVELS: [(&str, Level); 16] = [
    ("thị xã", Level::District),
    ("đảng ủy xã", Level::Commune),
    ("xã", Level::Commune),
    ("phường", Level::Commune),
    ("thị trấn", Level::Commune),
    ("huyện ủy", Level::District),
    ("huyện", Level::District),
    ("quận", Level::District),
    ("thị ủy", Level::District),
    ("tỉnh ủy", Level::Province),
    ("tỉnh", Level::Province),
    ("thành ủy", Level::Province),
    ("trung ương", Level::National),
    ("toàn quốc", Level::National),
    ("chính phủ", Level::National),
    ("quốc hội", Level::National),
];

/// Words in a sentence that give its people a role.
const CHAIR: [&str; 2] = ["chủ trì", "chủ tọa"];
const SPEAK: [&str; 10] = [
    "phát biểu",
    "chỉ đạo",
    "báo cáo",
    "kết luận",
    "tham luận",
    "trình bày",
    "nhấn mạnh",
    "cho rằng",
    "đề nghị",
    "đánh giá",
];

pub struct Input<'a> {
    pub title: &'a str,
    /// Paragraph texts in reading order.
    pub paragraphs: &'a [&'a str],
    /// Captions (they often say who spoke).
    pub captions: &'a [&'a str],
    pub published: Option<Date>,
}

fn has(lower: &str, words: &[&str]) -> bool {
    words.iter().any(|w| lower.contains(w))
}

/// The earliest kind keyword in `s`.
pub fn kind_in(s: &str) -> Option<ConferenceKind> {
    let lower = s.to_lowercase();
    KINDS
        .iter()
        .filter_map(|(w, k)| lower.find(w).map(|i| (i, *k)))
        .min_by_key(|&(i, _)| i)
        .map(|(_, k)| k)
}

pub fn extract(input: &Input) -> Vec<Conference> {
    let title_lower = input.title.to_lowercase();
    let title_is_event = has(&title_lower, &EVENTS) || kind_in(input.title).is_some();
    let mut out: Vec<Conference> = Vec::new();
    for para in input.paragraphs.iter().take(LEAD_PARAGRAPHS) {
        // Some sites put a whole article on one line: only its opening can be a lead.
        let para = &para[..floor_boundary(para, LEAD_BYTES)];
        if !EVENT_CORES.iter().any(|c| para.contains(c)) {
            continue;
        }
        for sentence in sentences(para) {
            // Offsets in `lower` are used on `sentence`.
            let Some(lower) = lowercase_same_offsets(sentence) else {
                continue;
            };
            if has(&lower, &NOT_HELD) {
                continue;
            }
            let Some(event_at) = reported_event(&lower) else {
                continue;
            };
            let lead = dates::lead_date(sentence);
            let today = TODAY.iter().any(|t| lower.starts_with(t));
            if !(title_is_event || lead.is_some() || today) {
                continue;
            }
            let date = match lead {
                Some(((d, m, y), _)) => dates::resolve(d, m, y, input.published),
                None if today => input.published,
                None => None,
            };
            if out
                .iter()
                .any(|c| c.date == date.map(Date::iso) || date.is_none())
            {
                continue;
            }
            out.push(conference(
                input,
                sentence,
                &sentence[event_at..],
                date,
                out.is_empty(),
            ));
        }
    }
    out
}

/// The first event in a (lower-cased) sentence that the sentence reports as held: a verb right
/// before it ("tổ chức Hội nghị", "chủ trì hội nghị") or soon after it ("Hội nghị … đã được tổ
/// chức"). Venues ("Trung tâm Hội nghị") and asides ("bên lề Hội nghị") do not count.
fn reported_event(lower: &str) -> Option<usize> {
    let mut events: Vec<usize> = EVENTS
        .iter()
        .flat_map(|e| lower.match_indices(e).map(|(i, _)| i))
        .collect();
    events.sort_unstable();
    events.into_iter().find(|&at| {
        let before = &lower[..at];
        if NOT_THE_EVENT.iter().any(|w| before.ends_with(w)) {
            return false;
        }
        // "hội nghị, hội thảo …": kinds of activity listed, not a named event.
        let noun_end = at
            + EVENTS
                .iter()
                .find(|e| lower[at..].starts_with(*e))
                .map_or(0, |e| e.len());
        if LISTED_WITH.iter().any(|w| lower[noun_end..].starts_with(w)) {
            return false;
        }
        let near_before = HELD.iter().any(|v| {
            before
                .rfind(v)
                .is_some_and(|i| at - (i + v.len()) <= VERB_GAP_BEFORE)
        });
        let after = &lower[at..];
        let after = &after[..floor_boundary(after, VERB_GAP_AFTER)];
        near_before || HELD_AFTER.iter().any(|v| after.contains(v))
    })
}

/// The largest char boundary of `s` at or below `n`.
fn floor_boundary(s: &str, n: usize) -> usize {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

fn conference(
    input: &Input,
    sentence: &str,
    from_event: &str,
    date: Option<Date>,
    first: bool,
) -> Conference {
    let name = event_name(from_event);
    let kind = kind_in(input.title)
        .or_else(|| kind_in(&name))
        .or_else(|| kind_in(sentence))
        .unwrap_or(ConferenceKind::Khac);
    let year = date.or(input.published).map(|d| d.y);
    let in_name = period::find(&name);
    let in_title = period::find(input.title).filter(|p| p.year.is_some());
    let period = match (in_name, in_title) {
        (Some(n), _) if n.year.is_some() => n.resolve(year),
        (_, Some(t)) => t.resolve(year),
        (n, None) => n.and_then(|n| n.resolve(year)),
    };
    let host = host(sentence);
    let people = if first {
        participants(input)
    } else {
        Vec::new()
    };
    let level = host
        .as_deref()
        .and_then(level_of)
        .or_else(|| level_of(&name))
        .or_else(|| {
            people
                .iter()
                .flat_map(|p| &p.titles)
                .find_map(|t| level_of(t))
        });
    let lead: String = input
        .paragraphs
        .iter()
        .take(LEAD_PARAGRAPHS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let online = has(&lead.to_lowercase(), &["trực tuyến", "điểm cầu"]);
    Conference {
        date: date.map(Date::iso),
        precision: DatePrecision::Day,
        kind,
        name: Some(name),
        period,
        level,
        online,
        host,
        people,
    }
}

/// The event's name as reported: from its noun to the end of the sentence, without trailing
/// place or purpose phrases.
fn event_name(from_event: &str) -> String {
    let mut end = from_event.trim_end_matches(['.', ' ']).len();
    for e in NAME_ENDS {
        if let Some((i, _)) = find_ci(from_event, e) {
            end = end.min(i);
        }
    }
    // ", Thủ tướng …": a comma before a capital starts the next clause, not part of the name.
    if let Some(i) = from_event[..end]
        .match_indices(", ")
        .map(|(i, _)| i)
        .find(|&i| {
            from_event[i + 2..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
    {
        end = i;
    }
    let mut name = from_event[..end]
        .trim_end_matches([',', ';', ' '])
        .to_string();
    if name.chars().count() > 200 {
        let cut: String = name.chars().take(200).collect();
        name = cut[..cut.rfind(' ').unwrap_or(cut.len())].to_string();
    }
    capitalize(&name)
}

/// The organiser: what stands before "tổ chức" in the lead, after its date ("Ngày 7/4, Ban Dân
/// vận Tỉnh ủy tổ chức …").
fn host(sentence: &str) -> Option<String> {
    let (at, _) = find_ci(sentence, " tổ chức")?;
    let mut h = &sentence[..at];
    if let Some(i) = h.rfind(", ") {
        h = &h[i + 2..];
    }
    for tail in [" đã", " vừa", " long trọng", " phối hợp", " chính thức"] {
        h = h.strip_suffix(tail).unwrap_or(h);
    }
    // "Hoạt động kỷ niệm được tổ chức": a passive names the event, not who held it.
    if h.ends_with(" được") {
        return None;
    }
    let h = h.trim();
    let starts_upper = h.chars().next().is_some_and(char::is_uppercase);
    // "Hội nghị … được tổ chức": the event itself, not its organiser.
    let is_event = EVENTS.iter().any(|e| h.to_lowercase().contains(e));
    (starts_upper && !is_event && h.chars().count() <= 100 && h.split(' ').count() >= 2)
        .then(|| h.to_string())
}

/// The level an organisation or title belongs to.
pub fn level_of(s: &str) -> Option<Level> {
    let lower = s.to_lowercase();
    LEVELS.iter().find_map(|(w, level)| {
        lower
            .match_indices(w)
            .any(|(i, _)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + w.len()..].chars().next();
                let next_word = lower[i + w.len()..]
                    .trim_start()
                    .split(' ')
                    .next()
                    .unwrap_or("");
                // "xã hội" (society) is not a commune.
                !(before.is_some_and(char::is_alphanumeric)
                    || after.is_some_and(char::is_alphanumeric)
                    || (*w == "xã" && next_word == "hội"))
            })
            .then_some(*level)
    })
}

/// People who chaired or spoke, from the sentences that say so.
fn participants(input: &Input) -> Vec<Participant> {
    let mut out: Vec<Participant> = Vec::new();
    for text in input.paragraphs.iter().chain(input.captions) {
        for sentence in sentences(text) {
            let lower = sentence.to_lowercase();
            let role = if has(&lower, &CHAIR) {
                Role::Chair
            } else if has(&lower, &SPEAK) {
                Role::Speaker
            } else {
                continue;
            };
            for m in people::mentions(sentence) {
                match out.iter_mut().find(|p| p.name == m.name) {
                    Some(p) => {
                        if role == Role::Chair {
                            p.role = Role::Chair;
                        }
                        for t in m.titles {
                            if !p
                                .titles
                                .iter()
                                .any(|x| x.to_lowercase() == t.to_lowercase())
                            {
                                p.titles.push(t);
                            }
                        }
                    }
                    None => out.push(Participant {
                        name: m.name,
                        titles: m.titles,
                        role,
                    }),
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(title: &str, paragraphs: &[&str], published: Option<Date>) -> Vec<Conference> {
        extract(&Input {
            title,
            paragraphs,
            captions: &[],
            published,
        })
    }

    #[test]
    fn kinds() {
        for (s, k) in [
            (
                "Giao ban công tác Dân vận Quý I/2023",
                ConferenceKind::GiaoBan,
            ),
            ("Hội nghị sơ kết 6 tháng", ConferenceKind::SoKet),
            (
                "Hội nghị tổng kết công tác dân vận năm 2023, triển khai nhiệm vụ năm 2024",
                ConferenceKind::TongKet,
            ),
            ("Ký kết chương trình phối hợp", ConferenceKind::KyKet),
            ("Hội nghị triển khai Nghị quyết", ConferenceKind::TrienKhai),
            ("Tập huấn nghiệp vụ", ConferenceKind::TapHuan),
            ("Lễ kỷ niệm 90 năm", ConferenceKind::KyNiem),
            ("Hội thi Dân vận khéo", ConferenceKind::HoiThi),
            ("Đối thoại với nông dân", ConferenceKind::DoiThoai),
        ] {
            assert_eq!(kind_in(s), Some(k), "{s}");
        }
        assert_eq!(kind_in("Hội nghị Ban Chấp hành"), None);
    }

    #[test]
    fn a_reported_conference() {
        let c = run(
            "Giao ban công tác Dân vận Quý I/2023",
            &["Ngày 7/4, Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban công tác dân vận Quý I và triển khai nhiệm vụ công tác Quý II năm 2023. Chủ trì hội nghị có đồng chí Đinh Thị Thu Thanh - Ủy viên Ban thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy."],
            Date::new(2023, 4, 7),
        );
        assert_eq!(c.len(), 1);
        let c = &c[0];
        assert_eq!(c.date.as_deref(), Some("2023-04-07"));
        assert_eq!(c.kind, ConferenceKind::GiaoBan);
        assert_eq!(c.host.as_deref(), Some("Ban Dân vận Tỉnh ủy"));
        assert_eq!(c.level, Some(Level::Province));
        assert_eq!(
            c.period
                .as_ref()
                .map(|p| (p.label.as_str(), p.start.as_str())),
            Some(("Quý I/2023", "2023-01-01"))
        );
        assert_eq!(c.people[0].role, Role::Chair);
        assert!(!c.online);
    }

    #[test]
    fn passing_mentions_are_not_conferences() {
        assert!(run(
            "Giá vàng tăng",
            &["Tại hội nghị tuần trước, ông A cho biết giá sẽ tăng."],
            Date::new(2017, 2, 1)
        )
        .is_empty());
        assert!(run(
            "Tin tức",
            &["Ngày 7/4, tỉnh sẽ tổ chức hội nghị tổng kết."],
            Date::new(2017, 2, 1)
        )
        .is_empty());
    }

    #[test]
    fn venues_asides_and_plans_are_not_conferences() {
        let p = Date::new(2017, 6, 21);
        assert!(run("Vận mệnh", &["Chiều 21/6, tại Trung tâm Hội nghị tỉnh Bình Dương, Thủ tướng chủ trì đón Thủ tướng Campuchia."], p).is_empty());
        assert!(run(
            "Tàu",
            &["Sáng 9/6, bên lề Hội nghị Chuyên đề do Bộ NNPTNT tổ chức, ông A khẳng định."],
            p
        )
        .is_empty());
        assert!(run(
            "G20",
            &["Ngày 15/6, Phó Thủ tướng sẽ dẫn đầu đoàn dự Hội nghị Ngoại trưởng G20."],
            p
        )
        .is_empty());
        assert!(run("Học sinh", &["Chiều 24/5, Bộ GD-ĐT đã tổ chức buổi lễ đón đoàn học sinh tham dự Hội thi Khoa học kỹ thuật quốc tế ở Mỹ năm nay."], p).is_empty());
        assert!(run(
            "Sơn Trà",
            &["Ngày 5/6, Bộ phải tổ chức hội nghị lấy ý kiến chuyên gia."],
            p
        )
        .is_empty());
        assert!(run(
            "Đức",
            &["Sáng 5/7, hai bên tổ chức hội nghị, hội thảo chuyên ngành."],
            p
        )
        .is_empty());
        let c = run("APEC", &["Sáng 9/5, Hội nghị các quan chức cao cấp APEC lần thứ 2 đã được tổ chức tại Hà Nội."], p);
        assert_eq!(
            c[0].name.as_deref(),
            Some("Hội nghị các quan chức cao cấp APEC lần thứ 2")
        );
    }

    #[test]
    fn lead_date_before_publication_goes_back_a_year() {
        let c = run(
            "Hội nghị tổng kết",
            &["Ngày 20/12, Huyện ủy Đak Đoa tổ chức hội nghị tổng kết năm."],
            Date::new(2024, 1, 5),
        );
        assert_eq!(c[0].date.as_deref(), Some("2023-12-20"));
        assert_eq!(c[0].level, Some(Level::District));
    }

    #[test]
    fn levels() {
        assert_eq!(level_of("Ban Dân vận Trung ương"), Some(Level::National));
        assert_eq!(level_of("Ban Dân vận Tỉnh ủy"), Some(Level::Province));
        assert_eq!(level_of("Huyện ủy Đak Đoa"), Some(Level::District));
        assert_eq!(level_of("Đảng ủy xã Ia Băng"), Some(Level::Commune));
        assert_eq!(
            level_of("Sở Lao động - Thương binh và Xã hội tỉnh"),
            Some(Level::Province)
        );
        assert_eq!(
            level_of("Ủy ban Trung ương MTTQ Việt Nam tỉnh Hà Tĩnh"),
            Some(Level::Province)
        );
        assert_eq!(level_of("Thị xã Kỳ Anh"), Some(Level::District));
    }
}
