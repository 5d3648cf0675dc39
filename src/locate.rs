//! Finds the line of an entry (`roles[3].tags[1]`) in a YAML or JSON text.
//!
//! serde reports where a document is malformed, but not where a well-formed
//! value sits. Errors found after parsing (an unknown tag, a duplicate id)
//! still need a line, so this walks the entry's path in the fast YAML
//! subset reader's tree, or, for a text it declines (JSON, odd YAML), in a
//! full parser's events. It only runs when there is an error or a warning
//! to report.

use saphyr_parser::{Event, Parser};

use crate::document::{Step, subset_line_of};

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
mod tests {
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
