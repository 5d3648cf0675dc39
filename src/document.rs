//! The bottom layer: YAML and JSON text into typed values, with every
//! error located (file, line, entry path) and worded for a person rather
//! than a parser.
//!
//! It also holds the small value types any document may use: [`UniqueMap`]
//! (a map that refuses a key given twice) and [`Number`] (a number, also
//! when written as a string). Like [`crate::read`], it knows nothing of
//! catalogs or answers.

use std::fmt;

use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Located;
use crate::matching::did_you_mean;

/// A map that keeps its keys in file order and rejects a key given twice
/// (serde's maps would keep the last one silently).
#[derive(Debug, Clone, PartialEq)]
pub struct UniqueMap<V>(pub Vec<(String, V)>);

impl<V> Default for UniqueMap<V> {
    fn default() -> Self {
        UniqueMap(Vec::new())
    }
}

impl<V> UniqueMap<V> {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
    pub fn contains_key(&self, key: &str) -> bool {
        self.0.iter().any(|(k, _)| k == key)
    }
}

impl<V: Serialize> Serialize for UniqueMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for UniqueMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = UniqueMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries: Vec<(String, V)> = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, V>()? {
                    if entries.iter().any(|(k, _)| *k == key) {
                        return Err(de::Error::custom(format_args!("duplicate key {key:?}")));
                    }
                    entries.push((key, value));
                }
                Ok(UniqueMap(entries))
            }
        }
        deserializer.deserialize_map(MapVisitor(std::marker::PhantomData))
    }
}

/// A number as a document gives it. A number written as a string (`"4"`,
/// `" 3.5 "`) counts as that number, because spreadsheets and form tools
/// quote numbers. Anything else is kept, as it would be written, for a
/// message that names the range the number should be in: the document still
/// parses, so every such mistake in it is reported at once.
#[derive(Debug, Clone, PartialEq)]
pub enum Number {
    Value(f64),
    /// Not a number: what was given instead (`"high"`, `true`, `a list`).
    NotANumber(String),
}

impl From<f64> for Number {
    fn from(value: f64) -> Self {
        Number::Value(value)
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // Whole numbers are written as such (`level: 4`, not `4.0`).
            Number::Value(v) if v.fract() == 0.0 && v.abs() < 1e15 => {
                serializer.serialize_i64(*v as i64)
            }
            Number::Value(v) => serializer.serialize_f64(*v),
            Number::NotANumber(given) => serializer.serialize_str(given),
        }
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NumberVisitor;
        impl<'de> Visitor<'de> for NumberVisitor {
            type Value = Number;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Number, E> {
                Ok(Number::Value(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Number, E> {
                Ok(Number::Value(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Number, E> {
                Ok(Number::Value(v as f64))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Number, E> {
                Ok(match v.trim().parse::<f64>() {
                    Ok(n) if n.is_finite() => Number::Value(n),
                    _ => Number::NotANumber(format!("{v:?}")),
                })
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Number, E> {
                Ok(Number::NotANumber(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Number, E> {
                Ok(Number::NotANumber("nothing".into()))
            }
            fn visit_none<E: de::Error>(self) -> Result<Number, E> {
                self.visit_unit()
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Number, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Number::NotANumber("a list".into()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Number, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Number::NotANumber("a map".into()))
            }
        }
        deserializer.deserialize_any(NumberVisitor)
    }
}

/// What a document should be, for messages: serde would name a Rust type
/// (`expected struct AnswerFile`).
#[derive(Debug, Clone, Copy)]
pub struct Shape(pub &'static str);

/// Deserialises YAML, turning serde's error into a located one in words.
pub fn from_yaml<T: DeserializeOwned>(
    text: &str,
    source: &str,
    shape: Shape,
) -> Result<T, Located> {
    if is_blank(text) {
        return Err(Located::new(source, "empty file"));
    }
    if let Some(line) = too_deep(text) {
        let message = format!("nested more than {MAX_FLOW_DEPTH} levels deep");
        return Err(Located::new(source, message).at_line(Some(line)));
    }
    let value = serde_yaml::from_str(text).map_err(|e| {
        let line = e.location().map(|l| last_line_at_most(text, l.line()));
        if let Some(tab) = tab_indent(text, line) {
            return Located::new(
                source,
                format!("line {tab} is indented with a tab; YAML needs spaces"),
            )
            .at_line(Some(tab));
        }
        let (entry, message) = split_yaml_path(e.to_string());
        let problem = serde_problem(source, &message, shape).at_line(line);
        match entry {
            Some(entry) => problem.at_entry(entry),
            None => problem,
        }
    })?;
    if let Some((tag, line)) = crate::locate::foreign_tag(text) {
        let message = format!("YAML tag {tag} is not supported");
        return Err(Located::new(source, message).at_line(Some(line)));
    }
    Ok(value)
}

/// Deserialises JSON, turning serde's error into a located one in words,
/// with the path of the entry it is in.
pub fn from_json<T: DeserializeOwned>(
    text: &str,
    source: &str,
    first_line: usize,
    shape: Shape,
) -> Result<T, Located> {
    if is_blank(text) {
        return Err(
            Located::new(source, "empty file").at_line((first_line > 1).then_some(first_line))
        );
    }
    serde_json::from_str(text).map_err(|e| {
        let line = (e.line() > 0).then(|| last_line_at_most(text, e.line()) + first_line - 1);
        let problem = serde_problem(source, &e.to_string(), shape).at_line(line);
        match json_entry_at(text, e.line(), e.column()) {
            Some(entry) if !entry.is_empty() && e.is_data() => problem.at_entry(entry),
            _ => problem,
        }
    })
}

/// More `[`/`{` nesting than any answer file or catalog needs. The YAML
/// parser takes time that grows with the square of the depth (a minute for
/// 100,000 levels), so deeper text is refused before it is parsed.
const MAX_FLOW_DEPTH: usize = 128;

/// The line where flow nesting first passes [`MAX_FLOW_DEPTH`]. Brackets in
/// quotes and comments are skipped; one pass over the bytes.
fn too_deep(text: &str) -> Option<usize> {
    let (mut depth, mut line) = (0usize, 1);
    let mut quote: Option<u8> = None;
    let mut comment = false;
    let mut previous = b'\n';
    for &byte in text.as_bytes() {
        match (byte, quote) {
            (b'\n', _) => {
                line += 1;
                comment = false;
            }
            _ if comment => {}
            (b'"' | b'\'', None) => quote = Some(byte),
            (b'"' | b'\'', Some(open)) if open == byte => quote = None,
            (_, Some(_)) => {}
            (b'#', None) if previous.is_ascii_whitespace() => comment = true,
            (b'[' | b'{', None) => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(line);
                }
            }
            (b']' | b'}', None) => depth = depth.saturating_sub(1),
            _ => {}
        }
        previous = byte;
    }
    None
}

/// The first line up to `error_line` whose indentation holds a tab: libyaml
/// calls it "found character that cannot start any token".
fn tab_indent(text: &str, error_line: Option<usize>) -> Option<usize> {
    if !text.contains('\t') {
        return None;
    }
    text.lines()
        .take(error_line.unwrap_or(usize::MAX))
        .position(|line| {
            let indent = &line[..line.len() - line.trim_start().len()];
            indent.contains('\t') && !line.trim().is_empty()
        })
        .map(|i| i + 1)
}

/// serde_yaml puts the entry first: `strengths[0].level: invalid type: …`.
fn split_yaml_path(message: String) -> (Option<String>, String) {
    let Some((head, rest)) = message.split_once(": ") else {
        return (None, message);
    };
    let is_path = !head.is_empty()
        && !head.contains(' ')
        && head
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']'));
    if is_path {
        (Some(head.to_string()), rest.to_string())
    } else {
        (None, message)
    }
}

/// The entry (`strengths[0].level`) at a 1-based line and column of a JSON
/// text: what the error is inside. Walks the text up to there.
fn json_entry_at(text: &str, line: usize, column: usize) -> Option<String> {
    enum Frame {
        Object {
            key: Option<String>,
            wants_key: bool,
        },
        Array {
            index: usize,
        },
    }
    let line_start = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum::<usize>();
    let end = (line_start + column).min(text.len());
    let bytes = &text.as_bytes()[..end];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                wants_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { wants_key, .. }) => *wants_key = true,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, wants_key }) = stack.last_mut()
                    && *wants_key
                {
                    let raw = &text[start..i.min(bytes.len())];
                    *key = Some(
                        serde_json::from_str(&format!("\"{raw}\""))
                            .unwrap_or_else(|_| raw.to_string()),
                    );
                    *wants_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut entry = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !entry.is_empty() {
                    entry.push('.');
                }
                entry.push_str(key);
            }
            Frame::Object { key: None, .. } => break,
            Frame::Array { index } => entry.push_str(&format!("[{index}]")),
        }
    }
    Some(entry)
}

/// serde's message as a problem; a misspelt key gets "did you mean" from
/// the keys serde lists (``unknown field `strenghts`, expected one of `id`, …``).
fn serde_problem(source: &str, message: &str, shape: Shape) -> Located {
    let message = in_words(&strip_position(message), shape);
    let hint = unknown_field_hint(&message);
    Located::new(source, message).with_hint(hint)
}

/// serde names Rust types and parser states; say what the file should hold.
fn in_words(message: &str, shape: Shape) -> String {
    let mut message = message.to_string();
    if let Some(at) = message.find("expected struct ") {
        let name_end = message[at + "expected struct ".len()..]
            .find(|c: char| !c.is_alphanumeric() && c != '_')
            .map_or(message.len(), |n| at + "expected struct ".len() + n);
        message.replace_range(at..name_end, &format!("expected {}", shape.0));
    }
    let words = [
        ("invalid type: string ", "got the text "),
        ("invalid type: integer ", "got the number "),
        ("invalid type: floating point ", "got the number "),
        ("invalid type: sequence", "got a list"),
        ("invalid type: map", "got a map"),
        ("invalid type: boolean ", "got "),
        ("invalid type: unit value", "got nothing"),
        ("expected a string", "expected text"),
        ("expected a sequence", "expected a list"),
    ];
    for (parser, person) in words {
        message = message.replace(parser, person);
    }
    // serde_json quotes numbers in backticks: `got the number \`5\``.
    if let Some(at) = message.find("got the number `") {
        let start = at + "got the number ".len();
        if let Some(len) = message[start + 1..].find('`') {
            message.replace_range(start + 1 + len..start + 2 + len, "");
            message.replace_range(start..start + 1, "");
        }
    }
    message
}

fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = &message[message.find("unknown field `")? + "unknown field `".len()..];
    let (field, expected) = rest.split_once('`')?;
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    did_you_mean(&crate::matching::closest(
        field,
        known.iter().map(|k| (*k, *k)),
        1,
    ))
}

/// A parser reports an unexpected end of input on the line after the
/// text's final newline, which does not exist (in JSON Lines it is the next
/// record's line): point at the text's last line instead.
fn last_line_at_most(text: &str, line: usize) -> usize {
    line.min(text.lines().count().max(1))
}

fn is_blank(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#'))
}

/// serde appends " at line L column C"; the line is reported separately.
/// libyaml also puts one mid-message ("… at line 2 column 1, while parsing
/// a flow sequence at line 1 column 12"); every one is removed, so the
/// message never disagrees with the line reported beside it.
fn strip_position(message: &str) -> String {
    const AT: &str = " at line ";
    let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(AT) {
        out.push_str(&rest[..i]);
        let after = &rest[i + AT.len()..];
        let line = digits(after);
        let column = after[line..]
            .strip_prefix(" column ")
            .map(|c| (c, digits(c)));
        match column {
            Some((c, n)) if line > 0 && n > 0 => rest = &c[n..],
            _ => {
                out.push_str(AT);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        name: String,
        #[serde(default)]
        items: Vec<Item>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        size: u8,
    }

    const SHAPE: Shape = Shape("a map with name and items");

    #[test]
    fn whole_numbers_are_written_whole() {
        let numbers = [Number::from(4.0), Number::from(3.5), Number::from(-2.0)];
        assert_eq!(serde_json::to_string(&numbers).unwrap(), "[4,3.5,-2]");
        assert_eq!(serde_yaml::to_string(&Number::from(5.0)).unwrap(), "5\n");
    }

    #[test]
    fn json_errors_carry_the_entry_path() {
        let text = "{\"name\": \"x\",\n \"items\": [{\"size\": 1}, {\"size\": \"big\"}]}";
        let problem = from_json::<Doc>(text, "f.json", 1, SHAPE).unwrap_err();
        assert_eq!(problem.entry.as_deref(), Some("items[1].size"), "{problem}");
        assert_eq!(problem.line, Some(2));
        assert!(
            problem.message.contains("got the text \"big\""),
            "{problem}"
        );
    }

    #[test]
    fn yaml_tabs_and_types_are_named() {
        let tab = from_yaml::<Doc>("name: x\nitems:\n\t- size: 1\n", "f.yaml", SHAPE).unwrap_err();
        assert_eq!(
            tab.to_string(),
            "line 3 is indented with a tab; YAML needs spaces (f.yaml:3)"
        );
        let wrong = from_yaml::<Doc>("[1, 2]\n", "f.yaml", SHAPE).unwrap_err();
        assert!(
            wrong.message.contains("expected a map with name and items"),
            "{wrong}"
        );
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        let deep = format!("name: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
        let problem = from_yaml::<Doc>(&deep, "f.yaml", SHAPE).unwrap_err();
        assert!(
            problem.message.contains("nested more than 128"),
            "{problem}"
        );
        // Brackets in quotes and comments do not count.
        let quoted = format!("name: \"{}\" # {}\n", "[".repeat(500), "{".repeat(500));
        assert_eq!(too_deep(&quoted), None);
        assert_eq!(too_deep("a: [[1], {b: [2]}]\n"), None);
    }

    #[test]
    fn numbers_may_be_quoted() {
        let numbers: Vec<Number> =
            serde_json::from_str(r#"[4, "3.5", " 2 ", "high", true, null]"#).unwrap();
        assert_eq!(
            numbers,
            [
                Number::Value(4.0),
                Number::Value(3.5),
                Number::Value(2.0),
                Number::NotANumber("\"high\"".into()),
                Number::NotANumber("true".into()),
                Number::NotANumber("nothing".into()),
            ]
        );
    }
}
