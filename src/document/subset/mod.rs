//! A fast reader for the common subset of YAML that answer files and
//! catalogs are written in, into a tree of [`Node`]s.
//!
//! The subset: block mappings and sequences (a sequence may sit at its
//! key's indentation), one-line plain, 'single' and "double" quoted
//! scalars, one-line flow `[…]` and `{…}`, comments, and a leading `---`.
//! Anything else (anchors, tags, block scalars, empty values, multi-line
//! scalars or flows, tabs, carriage returns other than in CR LF line
//! endings, control characters, a second
//! document, odd escapes) makes it decline, and the caller reads the text
//! with the full YAML parser instead. It never reports an error of its
//! own: declining is always safe, so when in doubt it declines.
//!
//! Its parts, each using only those before it: `cursor`, `scalars`,
//! `block`, `lines`; this file holds `read`, serde over the tree.

use self::block::{lf_endings, parse};
use self::cursor::{Decline, Node};
use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
mod block;
mod cursor;
mod lines;
mod scalars;

pub use lines::{Step, line_of};

/// `text` read by the subset reader, or `None` when it declines: outside
/// the subset, or any error at all, which serde_yaml then reports in its
/// own words and place.
pub(crate) fn read<T: DeserializeOwned>(text: &str) -> Option<T> {
    let text = lf_endings(text);
    let tree = parse(&text).ok()?;
    T::deserialize(NodeDe(&tree)).ok()
}

/// A plain scalar as a number, when it is written the simple way:
/// `-?[1-9][0-9]*`, `0`, `-0`, or those with a `.` and digits after it.
enum Simple {
    Unsigned(u64),
    Negative(i64),
    Float(f64),
}

fn simple_number(text: &str) -> Option<Simple> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) {
        return None;
    }
    match fraction {
        // Too many digits for a float is text to serde_yaml: left to it.
        Some(fraction) if all_digits(fraction) => text
            .parse()
            .ok()
            .filter(|f: &f64| f.is_finite())
            .map(Simple::Float),
        Some(_) => None,
        // `01` is text to serde_yaml, `-01` too.
        None if whole.len() > 1 && whole.starts_with('0') => None,
        None if digits.len() == text.len() => text.parse().ok().map(Simple::Unsigned),
        None => text.parse().ok().map(Simple::Negative),
    }
}

/// Whether serde_yaml might read a plain scalar as a number (an integer
/// in any base, or a float): a superset of its rules, so that
/// what is not a number here is text there too.
fn may_be_number(text: &str) -> bool {
    let unplus = text.strip_prefix('+').unwrap_or(text);
    let unsigned = unplus.strip_prefix('-').unwrap_or(unplus).as_bytes();
    let starts = |prefix: &[u8]| {
        unsigned.len() >= prefix.len() && unsigned[..prefix.len()].eq_ignore_ascii_case(prefix)
    };
    // Infinite too (`1e999`, a 400-digit decimal): serde_yaml decides.
    unplus.parse::<f64>().is_ok()
        || [b"0x", b"0o", b"0b"]
            .iter()
            .any(|p| unsigned.starts_with(*p))
        || starts(b".inf")
        || starts(b".nan")
}

fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

fn boolean(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// The deserializer of one node.
struct NodeDe<'n, 'a>(&'n Node<'a>);

impl NodeDe<'_, '_> {
    fn plain(&self) -> Result<&str, Decline> {
        match self.0 {
            Node::Plain(_, text) => Ok(text),
            _ => Err(Decline),
        }
    }
}

impl<'de> Deserializer<'de> for NodeDe<'_, '_> {
    type Error = Decline;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        match self.0 {
            Node::Plain(_, text) if is_null(text) => visitor.visit_unit(),
            Node::Plain(_, text) => match (boolean(text), simple_number(text)) {
                (Some(b), _) => visitor.visit_bool(b),
                (_, Some(Simple::Unsigned(n))) => visitor.visit_u64(n),
                (_, Some(Simple::Negative(n))) => visitor.visit_i64(n),
                (_, Some(Simple::Float(n))) => visitor.visit_f64(n),
                _ if may_be_number(text) => Err(Decline),
                _ => visitor.visit_str(text),
            },
            Node::Quoted(_, text) => visitor.visit_str(text),
            Node::Seq(_, items) => visit_seq(items, visitor),
            Node::Map(_, entries) => visit_map(entries, visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        visitor.visit_bool(boolean(self.plain()?).ok_or(Decline)?)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        match simple_number(self.plain()?) {
            Some(Simple::Unsigned(n)) => visitor.visit_i64(i64::try_from(n).map_err(|_| Decline)?),
            Some(Simple::Negative(n)) => visitor.visit_i64(n),
            _ => Err(Decline),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        match simple_number(self.plain()?) {
            Some(Simple::Unsigned(n)) => visitor.visit_u64(n),
            _ => Err(Decline),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        let text = self.plain()?;
        match simple_number(text) {
            Some(_) => visitor.visit_f64(text.parse().map_err(|_| Decline)?),
            None => Err(Decline),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        match self.0 {
            Node::Plain(_, text) => visitor.visit_str(text),
            Node::Quoted(_, text) => visitor.visit_str(text),
            _ => Err(Decline),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        match self.0 {
            Node::Plain(_, text) if is_null(text) => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Decline> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        match self.0 {
            Node::Seq(_, items) => visit_seq(items, visitor),
            _ => Err(Decline),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        match self.0 {
            Node::Map(_, entries) => visit_map(entries, visitor),
            _ => Err(Decline),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Decline> {
        self.deserialize_map(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        visitor.visit_unit()
    }

    // Read as serde_yaml reads them.
    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_str(visitor)
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_str(visitor)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_str(visitor)
    }

    // Nothing a document holds is read these ways; serde_yaml decides.
    fn deserialize_i128<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_u128<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_unit<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Decline> {
        Err(Decline)
    }
}

fn visit_seq<'de, V: Visitor<'de>>(items: &[Node<'_>], visitor: V) -> Result<V::Value, Decline> {
    let mut access = Items(items.iter());
    let value = visitor.visit_seq(&mut access)?;
    // serde_yaml counts items left unread an error.
    if access.0.len() > 0 {
        return Err(Decline);
    }
    Ok(value)
}

fn visit_map<'de, V: Visitor<'de>>(
    entries: &[(Node<'_>, Node<'_>)],
    visitor: V,
) -> Result<V::Value, Decline> {
    let mut access = Entries {
        entries: entries.iter(),
        value: None,
    };
    let value = visitor.visit_map(&mut access)?;
    if access.entries.len() > 0 || access.value.is_some() {
        return Err(Decline);
    }
    Ok(value)
}

struct Items<'n, 'a>(std::slice::Iter<'n, Node<'a>>);

impl<'de> SeqAccess<'de> for Items<'_, '_> {
    type Error = Decline;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Decline> {
        self.0
            .next()
            .map(|node| seed.deserialize(NodeDe(node)))
            .transpose()
    }
}

struct Entries<'n, 'a> {
    entries: std::slice::Iter<'n, (Node<'a>, Node<'a>)>,
    value: Option<&'n Node<'a>>,
}

impl<'de> MapAccess<'de> for Entries<'_, '_> {
    type Error = Decline;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Decline> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(NodeDe(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Decline> {
        let value = self.value.take().ok_or(Decline)?;
        seed.deserialize(NodeDe(value))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    //! The fast YAML subset reader against serde_yaml: on every text it reads,
    //! it must give exactly serde_yaml's value; otherwise it must decline.

    use std::collections::BTreeMap;
    use std::fmt::Debug;

    use proptest::prelude::*;
    use serde::de::DeserializeOwned;

    use super::block::parse;
    use super::read;
    use crate::document::values::Number;

    /// Whether the subset reader read `text` as `T`; panics if what it read
    /// differs from serde_yaml's value (or serde_yaml refuses the text).
    pub(crate) fn agrees<T: DeserializeOwned + PartialEq + Debug>(text: &str) -> bool {
        let Some(fast) = read::<T>(text) else {
            return false;
        };
        let slow = serde_yaml::from_str::<T>(text);
        assert_eq!(
            Some(&fast),
            slow.as_ref().ok(),
            "text: {text:?}, serde_yaml: {slow:?}"
        );
        true
    }

    /// Every way a test here reads a text: as any value, as maps of text and
    /// of numbers. (`answers` tests read them as answer files too.)
    fn agrees_every_way(text: &str) -> bool {
        let value = agrees::<serde_json::Value>(text);
        agrees::<BTreeMap<String, String>>(text);
        agrees::<BTreeMap<String, Number>>(text);
        agrees::<BTreeMap<String, Option<f64>>>(text);
        agrees::<BTreeMap<String, Vec<String>>>(text);
        value
    }

    /// Plain scalars whose type serde_yaml decides by its own rules.
    const ODD_SCALARS: [&str; 47] = [
        "null",
        "Null",
        "NULL",
        "~",
        "true",
        "True",
        "TRUE",
        "false",
        "yes",
        "no",
        "on",
        "1_000",
        "01",
        "-01",
        "-0",
        "0",
        "3.50",
        ".5",
        "5.",
        "1.5.3",
        "0x1F",
        "0o17",
        "0b11",
        "1e3",
        "+1",
        "-1",
        "+.5",
        ".inf",
        "-.inf",
        ".nan",
        "inf",
        "nan",
        "-x",
        "x-",
        "C#",
        "a b",
        "18446744073709551616",
        "-9223372036854775809",
        "12345678901234567890",
        "日本",
        "2FA",
        ".NET",
        "1e400",
        "-+5",
        "+.nan",
        "0x",
        "170141183460469231731687303715884105728",
    ];

    #[test]
    fn plain_scalars_are_typed_as_serde_yaml_types_them() {
        let mut read = 0;
        for scalar in ODD_SCALARS {
            for text in [
                format!("a: {scalar}\n"),
                format!("a: [{scalar}]\n"),
                format!("a:\n- {scalar}\n"),
                format!("{{a: {scalar}}}\n"),
            ] {
                read += usize::from(agrees_every_way(&text));
            }
        }
        // Most of them are read, not declined.
        assert!(read > 60, "{read}");
    }

    /// Found by the yaml_subset fuzz target: a decimal too long for a float
    /// was read as -inf; serde_yaml keeps it as text. (serde_json's values,
    /// which the other tests compare, hold no infinity.)
    #[test]
    fn decimals_too_long_for_a_float_are_not_infinite() {
        let long = format!("-005{}000.156", "5".repeat(400));
        for text in [
            format!("a: {long}\n"),
            format!("{long}: o\n"),
            format!("a: [1{}.5]\n", "0".repeat(400)),
        ] {
            agrees::<serde_yaml::Value>(&text);
        }
    }

    #[test]
    fn quoted_scalars_are_text_with_escapes_resolved() {
        for text in [
            "a: 'it''s'\n",
            "a: \"say \\\"hi\\\" \\u00e9\\n\"\n",
            "a: \"5\"\n",
            "a: '5'\n",
            "'a': \"null\"\n",
            "a: \"\"\n",
            "a: ''\n",
            "a: \"x\" # c\n",
        ] {
            assert!(agrees_every_way(text), "declined {text:?}");
        }
    }

    #[test]
    fn what_is_outside_the_subset_is_declined() {
        for text in [
            "a: &x 1\nb: *x\n",
            "a: !custom 1\n",
            "a: |\n  x\n",
            "a: >\n  x\n",
            "a:\n",
            "a: x\n  y\n",
            "a: \"x\n  y\"\n",
            "a: [x,\n  y]\n",
            "a: [x, y,]\n",
            "? a\n: b\n",
            "a:\n\t- x\n",
            "a: x\r\n",
            "a: 1\n---\nb: 2\n",
            "a: 1\n...\n",
            "a: \"\\x41\"\n",
            "a: [b: c]\n",
            "a: {b}\n",
            "a: b: c\n",
            "- - x\n",
            "-\n  a: 1\n",
            "\u{feff}a: 1\n",
            "a: 1\u{2028}b: 2\n",
        ] {
            assert!(
                parse(text).is_err() || !agrees_every_way(text),
                "read {text:?}"
            );
        }
    }

    #[test]
    fn block_shapes_of_answer_files_are_read() {
        for text in [
            "---\nid: x\nstrengths:\n- a\n- level: 3\n  tag: b\ngoals: [c, 'd e']\n",
            "id: x\nstrengths:\n  - tag: a\n    level: 4.5\n  # comment\n  - b # why\nwork_style: {pace: 3, scope: 2}\n",
            "  id: x\n  goals:\n  - a\n",
            "a:\n  b:\n    c: [1, [2, {d: e}]]\n",
            "x: -5\ny: http://a.b/c\nz: a:b\n",
        ] {
            assert!(agrees_every_way(text), "declined {text:?}");
        }
    }

    #[test]
    fn deep_block_nesting_is_declined_not_recursed() {
        let deep: String = (0..5_000)
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect();
        assert!(parse(&format!("{deep}{}v: 1\n", " ".repeat(5_000))).is_err());
        let dashes = format!("{}x\n", "- ".repeat(5_000));
        assert!(parse(&dashes).is_err());
    }

    /// Every YAML file the project ships or tests with.
    pub(crate) fn yaml_files(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                yaml_files(&path, found);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml")
            ) {
                found.push(path);
            }
        }
    }

    #[test]
    fn every_yaml_fixture_is_read_alike() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("roles.yaml")];
        for dir in ["tests", "examples"] {
            yaml_files(&root.join(dir), &mut files);
        }
        let mut read = 0;
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap();
            if agrees_every_way(&text) {
                read += 1;
            }
        }
        assert!(files.len() > 10, "{files:?}");
        let roles = std::fs::read_to_string(&files[0]).unwrap();
        assert!(agrees::<serde_json::Value>(&roles), "roles.yaml declined");
        assert!(read > files.len() / 2, "{read} of {}", files.len());
    }

    fn token() -> impl Strategy<Value = String> {
        prop_oneof![
            1 => prop::sample::select(&ODD_SCALARS[..]).prop_map(String::from),
            4 => "[a-zA-Z][a-zA-Z0-9 _-]{0,12}",
            1 => "'[a-z' ]{0,6}'",
            1 => "\"[a-z\\\\\"' ]{0,6}\"",
            2 => (1u8..6).prop_map(|n| n.to_string()),
            1 => (0u8..60).prop_map(|n| format!("{}.{}", n / 10, n % 10)),
        ]
    }

    /// Keys of answer files and catalogs, and one that neither has.
    pub(crate) const KEYS: [&str; 12] = [
        "id",
        "path",
        "strengths",
        "goals",
        "work_style",
        "statements",
        "families",
        "extra",
        "roles",
        "tags",
        "hints",
        "version",
    ];

    /// One entry of an answer file, in one of the shapes people write.
    fn entry() -> impl Strategy<Value = String> {
        let key = prop::sample::select(&KEYS[..8]);
        let indent = prop::sample::select(vec!["", "  ", "    "]);
        (
            key,
            indent,
            prop::collection::vec((token(), token(), any::<bool>()), 0..4),
            0..5u8,
        )
            .prop_map(|(key, indent, items, shape)| {
                let mut out = format!("{key}:");
                match shape {
                    0 if !items.is_empty() => out += &format!(" {}\n", items[0].0),
                    1 => {
                        let flow: Vec<_> = items.iter().map(|i| i.0.clone()).collect();
                        out += &format!(" [{}]\n", flow.join(", "));
                    }
                    2 => {
                        let flow: Vec<_> = items
                            .iter()
                            .map(|i| format!("k{}: {}", i.1.len(), i.0))
                            .collect();
                        out += &format!(" {{{}}}\n", flow.join(", "));
                    }
                    3 if !items.is_empty() => {
                        out.push('\n');
                        for (i, (a, _, _)) in items.iter().enumerate() {
                            out += &format!("{indent}  k{i}: {a}\n");
                        }
                    }
                    _ => {
                        out.push('\n');
                        for (a, b, leveled) in &items {
                            if *leveled {
                                out += &format!("{indent}- tag: {a}\n{indent}  level: {b} # lv\n");
                            } else {
                                out += &format!("{indent}- {a}\n");
                            }
                        }
                        if items.is_empty() {
                            out += &format!("{indent}- x\n");
                        }
                    }
                }
                out
            })
    }

    /// A small change anywhere: a YAML-significant character put in, or a
    /// few characters taken out.
    fn mutate(text: &str, changes: &[(usize, usize, bool)]) -> String {
        const INSERTS: [&str; 20] = [
            ":", " ", "\n", "- ", "#", "'", "\"", "[", "]", "{", "}", ",", "\t", "\\", "!", "&",
            "*", "|", "  ", "---\n",
        ];
        let mut text = text.to_string();
        for &(at, what, delete) in changes {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if delete {
                let mut end = (at + 1 + what % 3).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(at..end, "");
            } else {
                text.insert_str(at, INSERTS[what % INSERTS.len()]);
            }
        }
        text
    }

    /// Answer files as people write them, some with a small change anywhere.
    pub(crate) fn answer_texts() -> impl Strategy<Value = (String, String)> {
        (
            prop::collection::vec(entry(), 1..7),
            any::<bool>(),
            prop::collection::vec((any::<usize>(), any::<usize>(), any::<bool>()), 0..3),
        )
            .prop_map(|(entries, start, changes)| {
                let start = if start { "---\n# answers\n" } else { "" };
                let text = format!("{start}{}", entries.concat());
                let changed = mutate(&text, &changes);
                (text, changed)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn generated_answer_files_are_read_alike((text, changed) in answer_texts()) {
            agrees_every_way(&text);
            agrees_every_way(&changed);
        }
    }
}
