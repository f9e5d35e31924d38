//! The query string as ordered key/value pairs: parsed and written here, natively tested, so the
//! app needs no router and no browser URL parser to keep its state in the address bar.
//!
//! Parsing follows `application/x-www-form-urlencoded` as browsers apply it to `location.search`:
//! `&` separates pairs, the first `=` splits key from value, `+` is a space, `%XX` are UTF-8 bytes
//! (a malformed escape stays as typed, and invalid UTF-8 becomes U+FFFD, rather than failing).
//! Writing escapes everything but the characters `encodeURIComponent` leaves alone.

/// The pairs of a query string, in order, repeated keys included.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryPairs(Vec<(String, String)>);

impl QueryPairs {
    /// Reads `?a=1&b=2` (the leading `?` is optional).
    pub fn parse(search: &str) -> QueryPairs {
        let search = search.strip_prefix('?').unwrap_or(search);
        QueryPairs(
            search
                .split('&')
                .filter(|part| !part.is_empty())
                .map(|part| {
                    let (key, value) = part.split_once('=').unwrap_or((part, ""));
                    (decode(key), decode(value))
                })
                .collect(),
        )
    }

    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }

    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    pub fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }

    /// `?a=1&b=2`, or the empty string when there are no pairs.
    pub fn to_search(&self) -> String {
        write_search(&self.0)
    }
}

impl FromIterator<(String, String)> for QueryPairs {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Self {
        QueryPairs(iter.into_iter().collect())
    }
}

/// `?a=1&b=2` from pairs, or the empty string when there are none.
pub fn write_search(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    format!("?{}", parts.join("&"))
}

/// Percent-encodes all but `A–Z a–z 0–9 - _ . ! ~ * ' ( )`, as `encodeURIComponent` does.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match bytes.get(i + 1..i + 3).and_then(hex_byte) {
                Some(b) => {
                    out.push(b);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_byte(pair: &[u8]) -> Option<u8> {
    let digit = |c: u8| (c as char).to_digit(16);
    Some((digit(pair[0])? * 16 + digit(pair[1])?) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(q: &QueryPairs) -> Vec<(&str, &str)> {
        q.pairs()
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    #[test]
    fn reads_pairs_in_order_with_repeats_plus_and_escapes() {
        let q = QueryPairs::parse(
            "?q=d%C3%A2n+v%E1%BA%ADn&tinh=Ph%C3%BA%20Y%C3%AAn&tinh=Gia+Lai&exact",
        );
        assert_eq!(
            pairs(&q),
            [
                ("q", "dân vận"),
                ("tinh", "Phú Yên"),
                ("tinh", "Gia Lai"),
                ("exact", "")
            ]
        );
        assert_eq!(q.get("tinh").as_deref(), Some("Phú Yên"));
        assert_eq!(q.get("nam"), None);
    }

    #[test]
    fn malformed_escapes_and_empty_parts_do_not_fail() {
        let q = QueryPairs::parse("a=100%&&b=%zz&c=%E1%BA&=x");
        assert_eq!(
            pairs(&q),
            [("a", "100%"), ("b", "%zz"), ("c", "\u{FFFD}"), ("", "x")]
        );
        assert_eq!(QueryPairs::parse(""), QueryPairs::default());
        assert_eq!(QueryPairs::parse("?"), QueryPairs::default());
    }

    #[test]
    fn writing_then_reading_gives_the_same_pairs() {
        let original: QueryPairs = [
            ("q", "\"giao ban\" -bóng đá & OR"),
            ("vanban", "27-CT/TU"),
            ("bundle", "https://example.org/a b.json?x=1#y"),
            ("a", "757e41f54ae12bcf"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let search = original.to_search();
        assert!(!search[1..].contains([' ', '#', '?', '"', '/']), "{search}");
        assert_eq!(QueryPairs::parse(&search), original);
    }

    #[test]
    fn encodes_as_encode_uri_component_does() {
        assert_eq!(encode("a-b_c.d!e~f*g'h(i)j"), "a-b_c.d!e~f*g'h(i)j");
        assert_eq!(encode("đ /?&=+"), "%C4%91%20%2F%3F%26%3D%2B");
        assert_eq!(write_search(&[]), "");
    }

    #[test]
    fn remove_drops_every_value_of_a_key() {
        let mut q = QueryPairs::parse("view=timeline&q=x&view=list");
        q.remove("view");
        assert_eq!(q.to_search(), "?q=x");
    }
}
