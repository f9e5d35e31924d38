//! Query syntax: words, `"phrases"`, `-exclusions`, `OR`, and field filters.
//!
//! - Words are ANDed. The last word is a prefix while the user is still typing it (no trailing
//!   space): `dan van kh` finds "khéo".
//! - `"dân vận"` requires the words adjacent and in order; `-word` and `-"a phrase"` exclude.
//! - `a OR b` matches either; it binds the words directly around it.
//! - `field:value` filters; `field:"value with spaces"` is explicit. An unquoted value may also
//!   span spaces: the parser greedily takes the longest run of following words that spells a
//!   value the index knows (`tinh:phu yen dan van` → province "Phú Yên", words `dan van`), and
//!   otherwise only the first word.
//!
//! Malformed input never fails: each problem degrades to plain words and adds a [`Notice`].

use super::tokenize::word_keys;

/// A field usable in `field:value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Province,
    Year,
    Kind,
    Person,
    Document,
    Source,
    Level,
}

impl Field {
    /// Recognises a field name, Vietnamese (without marks) or English.
    pub fn from_name(name: &str) -> Option<Field> {
        Some(match name.to_ascii_lowercase().as_str() {
            "tinh" | "province" => Field::Province,
            "nam" | "year" => Field::Year,
            "loai" | "kind" => Field::Kind,
            "nguoi" | "person" => Field::Person,
            "vanban" | "doc" => Field::Document,
            "nguon" | "source" => Field::Source,
            "cap" | "level" => Field::Level,
            _ => return None,
        })
    }
}

/// A sequence of word keys that must appear adjacent; one word is the common case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seq {
    pub words: Vec<String>,
    /// The last word matches any word starting with it.
    pub prefix: bool,
}

/// Alternatives joined by `OR`; a document matches the clause if it matches any of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub alts: Vec<Seq>,
    /// Written as a plain word (not quoted, no OR): eligible for the phrase-adjacency ranking.
    pub plain: bool,
}

/// `field:value`, possibly negated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldFilter {
    pub field: Field,
    pub value: String,
    pub negated: bool,
}

/// Something in the query that was not understood, and what was done instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    UnclosedQuote,
    DanglingMinus,
    DanglingOr,
    UnknownField(String),
    EmptyFieldValue(String),
    /// A field value no article has; the filter then matches nothing.
    NoSuchValue(String),
    /// A date that is not `yyyy-mm-dd` (or `yyyy-mm`, `yyyy`); it was ignored.
    BadDate(String),
}

impl Notice {
    pub fn text(&self, lang: crate::display::Lang) -> String {
        match lang {
            crate::display::Lang::Vi => self.vi(),
            crate::display::Lang::En => self.en(),
        }
    }

    /// The notice in Vietnamese, for the UI.
    pub fn vi(&self) -> String {
        match self {
            Notice::UnclosedQuote => "Thiếu dấu ngoặc kép đóng: đã tìm như các từ thường.".into(),
            Notice::DanglingMinus => "Dấu “-” không đi kèm từ nào nên đã bỏ qua.".into(),
            Notice::DanglingOr => "“OR” cần có từ ở cả hai bên nên đã bỏ qua.".into(),
            Notice::UnknownField(f) => {
                format!("Không có trường “{f}:”; đã tìm như từ thường.")
            }
            Notice::EmptyFieldValue(f) => format!("Trường “{f}:” chưa có giá trị nên đã bỏ qua."),
            Notice::NoSuchValue(v) => format!("Không bài nào có giá trị “{v}”."),
            Notice::BadDate(d) => format!("Ngày “{d}” không hợp lệ (yyyy-mm-dd) nên đã bỏ qua."),
        }
    }

    /// The notice in English.
    pub fn en(&self) -> String {
        match self {
            Notice::UnclosedQuote => "Unclosed quote: searched as plain words.".into(),
            Notice::DanglingMinus => "A “-” with no word after it was ignored.".into(),
            Notice::DanglingOr => "“OR” needs a word on both sides; it was ignored.".into(),
            Notice::UnknownField(f) => format!("No field “{f}:”; searched as plain words."),
            Notice::EmptyFieldValue(f) => format!("Field “{f}:” has no value; ignored."),
            Notice::NoSuchValue(v) => format!("No article has the value “{v}”."),
            Notice::BadDate(d) => format!("Date “{d}” is not yyyy-mm-dd; ignored."),
        }
    }
}

/// Lets the parser check field values spanning several words against known values.
pub trait FieldVocab {
    /// True when `folded` (a folded value) selects some value of `field`.
    fn has_value(&self, field: Field, folded: &str) -> bool;
}

/// A vocabulary that knows no values: unquoted field values are always one word.
pub struct NoVocab;

impl FieldVocab for NoVocab {
    fn has_value(&self, _: Field, _: &str) -> bool {
        false
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// All must match.
    pub clauses: Vec<Clause>,
    /// None may match.
    pub excluded: Vec<Seq>,
    pub filters: Vec<FieldFilter>,
    pub notices: Vec<Notice>,
}

/// One lexical item before OR-grouping and field binding.
#[derive(Debug)]
enum Item {
    Word {
        text: String,
        negated: bool,
    },
    Quoted {
        text: String,
        negated: bool,
    },
    Or,
    Field {
        field: Field,
        name: String,
        value: String,
        quoted: bool,
        negated: bool,
    },
}

impl Query {
    /// Parses `input`; words become folded keys, or exact keys when `exact`.
    pub fn parse(input: &str, exact: bool, vocab: &dyn FieldVocab) -> Query {
        let mut q = Query::default();
        let typing = !input.ends_with(char::is_whitespace);
        let items = lex(input, &mut q.notices);
        let last_plain_word = match items.last() {
            Some(Item::Word { negated: false, .. }) => items.len() - 1,
            _ => usize::MAX,
        };
        let mut pending_or = false;
        let mut i = 0;
        while i < items.len() {
            match &items[i] {
                Item::Or => {
                    let joinable = |it: Option<&Item>| {
                        matches!(
                            it,
                            Some(
                                Item::Word { negated: false, .. }
                                    | Item::Quoted { negated: false, .. }
                            )
                        )
                    };
                    let after_clause = i > 0 && joinable(items.get(i - 1)) && !q.clauses.is_empty();
                    if after_clause && joinable(items.get(i + 1)) {
                        pending_or = true;
                    } else {
                        q.notices.push(Notice::DanglingOr);
                    }
                }
                Item::Word { text, negated } | Item::Quoted { text, negated } => {
                    let quoted = matches!(items[i], Item::Quoted { .. });
                    let prefix = typing && i == last_plain_word;
                    let seq = Seq {
                        words: word_keys(text, exact),
                        prefix,
                    };
                    if seq.words.is_empty() {
                    } else if *negated {
                        q.excluded.push(seq);
                    } else if pending_or {
                        let last = q.clauses.last_mut().expect("OR follows a clause");
                        last.alts.push(seq);
                        last.plain = false;
                    } else {
                        let plain = !quoted && seq.words.len() == 1;
                        q.clauses.push(Clause {
                            alts: vec![seq],
                            plain,
                        });
                    }
                    pending_or = false;
                }
                Item::Field {
                    field,
                    name,
                    value,
                    quoted,
                    negated,
                } => {
                    let mut value = value.clone();
                    if !quoted {
                        i += extend_value(*field, &mut value, &items[i + 1..], vocab);
                    }
                    if value.trim().is_empty() {
                        q.notices.push(Notice::EmptyFieldValue(name.clone()));
                    } else {
                        q.filters.push(FieldFilter {
                            field: *field,
                            value,
                            negated: *negated,
                        });
                    }
                }
            }
            i += 1;
        }
        q
    }

    /// True when the query has no words or phrases to match (filters only, or empty).
    pub fn is_text_empty(&self) -> bool {
        self.clauses.is_empty()
    }
}

/// Greedily appends following plain words to an unquoted field value while the longer value is
/// known; returns how many items were consumed.
fn extend_value(field: Field, value: &mut String, rest: &[Item], vocab: &dyn FieldVocab) -> usize {
    let mut candidate = value.clone();
    let mut consumed = 0;
    for (n, item) in rest.iter().take(4).enumerate() {
        let Item::Word {
            text,
            negated: false,
        } = item
        else {
            break;
        };
        candidate.push(' ');
        candidate.push_str(text);
        if vocab.has_value(field, &super::fold::fold(&candidate)) {
            *value = candidate.clone();
            consumed = n + 1;
        }
    }
    consumed
}

/// Splits the input into items, recording notices for what it had to repair.
fn lex(input: &str, notices: &mut Vec<Notice>) -> Vec<Item> {
    let mut items = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut negated = false;
        if c == '-' {
            chars.next();
            match chars.peek() {
                Some(&(_, n)) if !n.is_whitespace() => negated = true,
                _ => {
                    notices.push(Notice::DanglingMinus);
                    continue;
                }
            }
        }
        let start = if negated { start + 1 } else { start };
        if input[start..].starts_with('"') {
            chars.next();
            let body = &input[start + 1..];
            match body.find('"') {
                Some(end) => {
                    skip_to(&mut chars, start + 1 + end + 1);
                    items.push(Item::Quoted {
                        text: body[..end].to_string(),
                        negated,
                    });
                }
                None => {
                    // Unclosed: the rest is read again as plain words.
                    notices.push(Notice::UnclosedQuote);
                    if negated {
                        notices.push(Notice::DanglingMinus);
                    }
                }
            }
            continue;
        }
        let end = input[start..]
            .find(|c: char| c.is_whitespace() || c == '"')
            .map_or(input.len(), |e| start + e);
        let word = &input[start..end];
        skip_to(&mut chars, end);
        if word == "OR" && !negated {
            items.push(Item::Or);
            continue;
        }
        match word.split_once(':') {
            Some((name, value))
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()) =>
            {
                match Field::from_name(name) {
                    Some(field) => {
                        let (value, quoted) = if value.is_empty() && input[end..].starts_with('"') {
                            let body = &input[end + 1..];
                            match body.find('"') {
                                Some(close) => {
                                    skip_to(&mut chars, end + 1 + close + 1);
                                    (body[..close].to_string(), true)
                                }
                                None => {
                                    notices.push(Notice::UnclosedQuote);
                                    skip_to(&mut chars, end + 1);
                                    let value =
                                        body.split_whitespace().next().unwrap_or("").to_string();
                                    skip_to(
                                        &mut chars,
                                        end + 1 + body.find(&*value).unwrap_or(0) + value.len(),
                                    );
                                    (value, false)
                                }
                            }
                        } else {
                            (value.to_string(), false)
                        };
                        items.push(Item::Field {
                            field,
                            name: name.into(),
                            value,
                            quoted,
                            negated,
                        });
                    }
                    None => {
                        notices.push(Notice::UnknownField(name.to_string()));
                        items.push(Item::Word {
                            text: word.to_string(),
                            negated,
                        });
                    }
                }
            }
            _ => items.push(Item::Word {
                text: word.to_string(),
                negated,
            }),
        }
    }
    items
}

fn skip_to(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, byte: usize) {
    while chars.peek().is_some_and(|&(i, _)| i < byte) {
        chars.next();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Query {
        Query::parse(s, false, &NoVocab)
    }

    fn words(seq: &Seq) -> Vec<&str> {
        seq.words.iter().map(|w| w.as_str()).collect()
    }

    #[test]
    fn plain_words_fold_and_last_is_prefix_while_typing() {
        let q = parse("Dân VẬN kh");
        assert_eq!(q.clauses.len(), 3);
        assert!(q.clauses.iter().all(|c| c.plain));
        assert_eq!(words(&q.clauses[2].alts[0]), ["kh"]);
        assert!(q.clauses[2].alts[0].prefix);
        assert!(!q.clauses[0].alts[0].prefix);
        assert!(!parse("dan van kheo ").clauses[2].alts[0].prefix);
        assert!(q.notices.is_empty());
    }

    #[test]
    fn exact_mode_keeps_marks() {
        let q = Query::parse("Khéo", true, &NoVocab);
        assert_eq!(words(&q.clauses[0].alts[0]), ["khéo"]);
    }

    #[test]
    fn phrases_exclusions_and_or() {
        let q = parse("\"dân vận\" -\"tỉnh ủy\" -hội a OR b c ");
        assert_eq!(words(&q.clauses[0].alts[0]), ["dan", "van"]);
        assert!(!q.clauses[0].plain);
        assert_eq!(q.excluded.len(), 2);
        assert_eq!(words(&q.excluded[0]), ["tinh", "uy"]);
        assert_eq!(words(&q.excluded[1]), ["hoi"]);
        assert_eq!(q.clauses[1].alts.len(), 2);
        assert_eq!(words(&q.clauses[2].alts[0]), ["c"]);
        assert!(q.notices.is_empty());
    }

    #[test]
    fn punctuated_word_is_a_phrase() {
        let q = parse("27-CT/TU ");
        assert_eq!(words(&q.clauses[0].alts[0]), ["27", "ct", "tu"]);
        assert!(!q.clauses[0].plain);
    }

    #[test]
    fn fields_with_aliases_and_quotes() {
        let q = parse("tinh:\"phú yên\" nam:2023 loai:tong_ket nguoi:\"Mùa A Sơn\" vanban:27-CT/TU nguon:x cap:tinh");
        let got: Vec<(Field, &str)> = q
            .filters
            .iter()
            .map(|f| (f.field, f.value.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Field::Province, "phú yên"),
                (Field::Year, "2023"),
                (Field::Kind, "tong_ket"),
                (Field::Person, "Mùa A Sơn"),
                (Field::Document, "27-CT/TU"),
                (Field::Source, "x"),
                (Field::Level, "tinh"),
            ]
        );
        let q = parse("province:x year:1 kind:k person:p doc:d source:s level:l -tinh:y");
        assert_eq!(q.filters.len(), 8);
        assert!(q.filters[7].negated);
        assert!(q.clauses.is_empty() && q.notices.is_empty());
    }

    #[test]
    fn unquoted_field_value_extends_over_known_values() {
        struct Provinces;
        impl FieldVocab for Provinces {
            fn has_value(&self, field: Field, folded: &str) -> bool {
                field == Field::Province && folded == "phu yen"
            }
        }
        let q = Query::parse("tinh:phu yen dan van", false, &Provinces);
        assert_eq!(q.filters[0].value, "phu yen");
        assert_eq!(q.clauses.len(), 2);
        let q = Query::parse("tinh:phu dan", false, &NoVocab);
        assert_eq!(q.filters[0].value, "phu");
        assert_eq!(q.clauses.len(), 1);
    }

    #[test]
    fn malformed_queries_degrade_with_notices() {
        let q = parse("\"dân vận khéo");
        assert_eq!(q.notices, [Notice::UnclosedQuote]);
        assert_eq!(q.clauses.len(), 3);

        let q = parse("dân - vận -");
        assert_eq!(q.notices, [Notice::DanglingMinus, Notice::DanglingMinus]);
        assert_eq!(q.clauses.len(), 2);

        let q = parse("OR dân OR");
        assert_eq!(q.notices, [Notice::DanglingOr, Notice::DanglingOr]);
        assert_eq!(q.clauses.len(), 1);

        let q = parse("foo:bar");
        assert_eq!(q.notices, [Notice::UnknownField("foo".into())]);
        assert_eq!(words(&q.clauses[0].alts[0]), ["foo", "bar"]);

        let q = parse("tinh: x");
        assert_eq!(q.notices, [Notice::EmptyFieldValue("tinh".into())]);

        let q = parse("tinh:\"phu yen");
        assert_eq!(q.notices, [Notice::UnclosedQuote]);
        assert_eq!(q.filters[0].value, "phu");

        // A clock time is not a field.
        let q = parse("10:30");
        assert!(q.notices.is_empty());
        assert_eq!(words(&q.clauses[0].alts[0]), ["10", "30"]);
        for s in ["", "\"", "-", "OR", "-\"", "::", "\"\"", "a:\"", "- OR -"] {
            let _ = parse(s);
        }
        assert!(!Notice::UnclosedQuote.vi().is_empty() && !Notice::DanglingOr.en().is_empty());
    }
}
