//! The bottom layer: YAML and JSON text into typed values, with every
//! error located (file, line, entry path) and worded for a person rather
//! than a parser.
//!
//! YAML goes first to `subset`; what it declines (anything outside that
//! subset, and any error) goes to serde_yaml, so every error message and
//! location is serde_yaml's own. Like [`crate::read`], it knows nothing of
//! catalogs or answers. Its parts: `depth`, `messages`, `values`, `subset`.
//!
//! It also finds the line of an entry (`roles[3].tags[1]`), [`line_of`]:
//! serde reports where a document is malformed, but not where a
//! well-formed value sits, and errors found after parsing (an unknown tag,
//! a duplicate id) still need a line. It walks the entry's path in the
//! subset reader's tree, or, for a text it declines (JSON, odd YAML), in a
//! full parser's events, and runs only when there is something to report.

use saphyr_parser::{Event, Parser};
use serde::de::DeserializeOwned;

use crate::error::Located;

mod depth;
mod messages;
mod subset;
mod values;

use depth::{MAX_FLOW_DEPTH, too_deep};
pub use messages::Shape;
use messages::{json_entry_at, last_line_at_most, serde_problem, split_yaml_path, tab_indent};
pub use subset::Step;
use subset::line_of as subset_line_of;
#[cfg(test)]
pub(crate) use subset::tests as subset_tests;

/// The fast reader against serde_yaml, for the fuzz targets and tests.
#[doc(hidden)]
pub mod differential {
    /// Panics where the two YAML readers disagree on `data`: the subset
    /// reader gives a value serde_yaml does not give, or the depth guard
    /// refuses a text serde_yaml reads. The subset reader declining is
    /// never a disagreement (the caller falls back on serde_yaml).
    pub fn yaml_readers_agree(data: &[u8]) {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        let full = serde_yaml::from_str::<serde_yaml::Value>(text);
        if let Some(fast) = super::subset::read::<serde_yaml::Value>(text) {
            // Debug text, so NaN equals NaN.
            let full = full.as_ref().map(|v| format!("{v:?}"));
            assert_eq!(
                Ok(format!("{fast:?}")),
                full.map_err(|e| e.to_string()),
                "{text:?}"
            );
        }
        if full.is_ok() {
            assert_eq!(super::too_deep(text), None, "refused as too deep: {text:?}");
        }
    }
}
pub use values::{Number, UniqueMap};

/// The message for a file with nothing but blanks and comments in it.
pub const EMPTY_FILE: &str = "empty file";

/// Deserialises YAML, turning serde's error into a located one in words.
pub fn from_yaml<T: DeserializeOwned>(
    text: &str,
    source: &str,
    shape: Shape,
) -> Result<T, Located> {
    if is_blank(text) {
        return Err(Located::new(source, EMPTY_FILE));
    }
    // The subset reader declines deep nesting itself and takes time in
    // step with the text; it declines every tag too (`!` starting a node).
    // So the depth and tag checks wait for serde_yaml.
    if let Some(value) = subset::read(text) {
        return Ok(value);
    }
    if let Some(line) = too_deep(text) {
        let message = format!("nested more than {MAX_FLOW_DEPTH} levels deep");
        return Err(Located::new(source, message).at_line(Some(line)));
    }
    let value = from_serde_yaml(text, source, shape)?;
    if let Some((tag, line)) = foreign_tag(text) {
        let message = format!("YAML tag {tag} is not supported");
        return Err(Located::new(source, message).at_line(Some(line)));
    }
    Ok(value)
}

/// Deserialises YAML with serde_yaml, every error located and in words.
fn from_serde_yaml<T: DeserializeOwned>(
    text: &str,
    source: &str,
    shape: Shape,
) -> Result<T, Located> {
    serde_yaml::from_str(text).map_err(|e| {
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
    })
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
            Located::new(source, EMPTY_FILE).at_line((first_line > 1).then_some(first_line))
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

fn is_blank(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#'))
}

/// The first YAML tag outside the core schema's plain types (`!custom`,
/// `!!binary`, `!!set`), with its line. serde would quietly ignore most
/// tags; an answer file or catalog has no use for them.
fn foreign_tag(text: &str) -> Option<(String, usize)> {
    const PLAIN: [&str; 7] = ["str", "int", "float", "bool", "null", "seq", "map"];
    if !text.contains('!') {
        return None;
    }
    Parser::new_from_str(text)
        .map_while(Result::ok)
        .find_map(|(event, span)| {
            let tag = match event {
                Event::Scalar(_, _, _, tag)
                | Event::SequenceStart(_, tag)
                | Event::MappingStart(_, tag) => tag?,
                _ => return None,
            };
            let plain = tag.is_yaml_core_schema() && PLAIN.contains(&tag.suffix.as_str());
            let shown = if tag.is_yaml_core_schema() {
                format!("!!{}", tag.suffix)
            } else {
                tag.to_string()
            };
            (!plain).then(|| (shown, span.start.line()))
        })
}

fn steps(entry: &str) -> Option<Vec<Step<'_>>> {
    let mut steps = Vec::new();
    for part in entry.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => part.split_at(i),
            None => (part, ""),
        };
        if !key.is_empty() {
            steps.push(Step::Key(key));
        }
        while let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']')?;
            steps.push(Step::Index(after[..end].parse().ok()?));
            rest = &after[end + 1..];
        }
    }
    Some(steps)
}

/// The 1-based line where `entry` starts in `text`, if it can be found.
pub fn line_of(text: &str, entry: &str) -> Option<usize> {
    let steps = steps(entry)?;
    match subset_line_of(text, &steps) {
        Ok(line) => line,
        Err(_) => parser_line_of(text, &steps),
    }
}

/// [`line_of`] by a full YAML parser's events.
fn parser_line_of(text: &str, steps: &[Step<'_>]) -> Option<usize> {
    let mut events = Parser::new_from_str(text).map_while(Result::ok);
    // StreamStart, DocumentStart, then the root node.
    let (mut event, mut span) =
        events.find(|(e, _)| !matches!(e, Event::StreamStart | Event::DocumentStart(_)))?;
    for step in steps {
        match (step, &event) {
            (Step::Key(key), Event::MappingStart(..)) => loop {
                let (k, _) = events.next()?;
                match k {
                    Event::Scalar(name, ..) if name == *key => {
                        (event, span) = events.next()?;
                        break;
                    }
                    Event::MappingEnd => return None,
                    other => {
                        skip_node(&other, &mut events)?;
                        let (value, _) = events.next()?;
                        skip_node(&value, &mut events)?;
                    }
                }
            },
            (Step::Index(index), Event::SequenceStart(..)) => {
                for _ in 0..*index {
                    let (item, _) = events.next()?;
                    if matches!(item, Event::SequenceEnd) {
                        return None;
                    }
                    skip_node(&item, &mut events)?;
                }
                (event, span) = events.next()?;
                if matches!(event, Event::SequenceEnd) {
                    return None;
                }
            }
            _ => return None,
        }
    }
    Some(span.start.line())
}

/// Consumes the rest of a node whose first event is `first`.
fn skip_node<'a>(
    first: &Event<'a>,
    events: &mut impl Iterator<Item = (Event<'a>, saphyr_parser::Span)>,
) -> Option<()> {
    let mut depth: usize = match first {
        Event::MappingStart(..) | Event::SequenceStart(..) => 1,
        _ => 0,
    };
    while depth > 0 {
        match events.next()?.0 {
            Event::MappingStart(..) | Event::SequenceStart(..) => depth += 1,
            Event::MappingEnd | Event::SequenceEnd => depth -= 1,
            _ => {}
        }
    }
    Some(())
}

#[cfg(test)]
mod locate_tests {
    use super::line_of;

    const YAML: &str = "id: x\nstrengths:\n  - a\n  - tag: b\n    level: 4\n  - c\nwork_style: {pace: 3, scope: 9}\n";

    #[test]
    fn finds_entries_in_block_and_flow_yaml() {
        assert_eq!(line_of(YAML, "id"), Some(1));
        assert_eq!(line_of(YAML, "strengths[0]"), Some(3));
        assert_eq!(line_of(YAML, "strengths[1]"), Some(4));
        assert_eq!(line_of(YAML, "strengths[1].level"), Some(5));
        assert_eq!(line_of(YAML, "strengths[2]"), Some(6));
        assert_eq!(line_of(YAML, "work_style.scope"), Some(7));
        assert_eq!(line_of(YAML, "strengths[3]"), None);
        assert_eq!(line_of(YAML, "goals"), None);
    }

    #[test]
    fn finds_entries_in_json() {
        let json = "{\n  \"id\": \"x\",\n  \"goals\": [\n    \"a\",\n    \"b\"\n  ]\n}";
        assert_eq!(line_of(json, "goals[1]"), Some(5));
    }

    /// Entries of answer files and catalogs, some there, some not.
    fn entries() -> Vec<String> {
        let mut entries = Vec::new();
        for key in crate::document::subset_tests::KEYS {
            for sub in [
                "",
                ".k1",
                "[0]",
                "[1].tag",
                "[1].level",
                "[2]",
                "[4].tags[1]",
            ] {
                entries.push(format!("{key}{sub}"));
            }
        }
        entries
    }

    /// Where the subset reader reads a text, it finds each entry on the
    /// line the full parser finds it on.
    fn lines_agree(text: &str) -> usize {
        let mut found = 0;
        for entry in entries() {
            let steps = super::steps(&entry).unwrap();
            if let Ok(line) = super::subset_line_of(text, &steps) {
                assert_eq!(
                    line,
                    super::parser_line_of(text, &steps),
                    "{entry} in {text:?}"
                );
                found += usize::from(line.is_some());
            }
        }
        found
    }

    #[test]
    fn the_subset_finds_the_parsers_lines_in_every_yaml_fixture() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("roles.yaml")];
        for dir in ["tests", "examples"] {
            crate::document::subset_tests::yaml_files(&root.join(dir), &mut files);
        }
        let found: usize = files
            .iter()
            .map(|file| lines_agree(&std::fs::read_to_string(file).unwrap()))
            .sum();
        assert!(found > 50, "{found}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        #[test]
        fn the_subset_finds_the_parsers_lines(
            (text, changed) in crate::document::subset_tests::answer_texts()
        ) {
            lines_agree(&text);
            lines_agree(&changed);
        }
    }
}

#[cfg(test)]
mod tests {
    //! Tests of parsing and error messages.

    use super::*;
    use proptest::prelude::*;
    use serde::Deserialize;

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

    #[test]
    fn finds_foreign_tags_only() {
        assert_eq!(super::foreign_tag("a: !!str x\nb: \"hi!\"\n"), None);
        assert_eq!(
            super::foreign_tag("a: 1\nb: !custom [x]\n").map(|t| t.1),
            Some(2)
        );
        assert!(super::foreign_tag("a: !!binary aGk=\n").is_some());
    }

    #[test]
    fn windows_line_endings_take_the_subset_reader_with_the_same_value() {
        let lf = "# saved by Notepad\nid: kim\npath: full\nstrengths:\n  - tag: SLOs\n    level: 4\n  - \"incident response\"\ngoals: [capacity planning]\nwork_style: {pace: 4, scope: 2}\n";
        let crlf = lf.replace('\n', "\r\n");
        let fast = subset::read::<serde_json::Value>(&crlf);
        assert!(fast.is_some(), "the subset reader took the CR LF file");
        let full: serde_json::Value = serde_yaml::from_str(&crlf).unwrap();
        assert_eq!(fast.unwrap(), full);
        let read: serde_json::Value = from_yaml(&crlf, "kim.yaml", SHAPE).unwrap();
        assert_eq!(read, full);
        // Warnings' lines come from the same reader, on the same lines.
        let steps = [Step::Key("strengths"), Step::Index(1)];
        assert_eq!(subset_line_of(&crlf, &steps).ok(), Some(Some(7)));
        assert_eq!(subset_line_of(lf, &steps).ok(), Some(Some(7)));
        // A CR alone is no line ending the subset reader knows: serde_yaml reads it.
        let lone_cr = "id: kim\rpath: full\n";
        assert!(subset::read::<serde_json::Value>(lone_cr).is_none());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The fuzz target `yaml_subset` in small: YAML's indicators in any
        /// order, and answer files with changes anywhere.
        #[test]
        fn the_subset_reader_and_the_depth_guard_agree_with_serde_yaml(
            tokens in "([a-z0-9 :,'\"#&*!|>?.\\-\\[\\]{}\r\t\n]|\n  |: |- |O'B|\\[\\[){0,40}",
            (text, changed) in subset_tests::answer_texts(),
        ) {
            differential::yaml_readers_agree(tokens.as_bytes());
            differential::yaml_readers_agree(text.as_bytes());
            differential::yaml_readers_agree(changed.as_bytes());
        }
    }
}
