//! Finds the line of an entry (`roles[3].tags[1]`) in a YAML or JSON text.
//!
//! serde reports where a document is malformed, but not where a well-formed
//! value sits. Errors found after parsing (an unknown tag, a duplicate id)
//! still need a line, so this walks the parser's events along the entry's
//! path. It only runs when there is an error to report.

use saphyr_parser::{Event, Parser};

enum Step<'a> {
    Key(&'a str),
    Index(usize),
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
    let mut events = Parser::new_from_str(text).map_while(Result::ok);
    // StreamStart, DocumentStart, then the root node.
    let (mut event, mut span) =
        events.find(|(e, _)| !matches!(e, Event::StreamStart | Event::DocumentStart(_)))?;
    for step in &steps {
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

/// The first YAML tag outside the core schema's plain types (`!custom`,
/// `!!binary`, `!!set`), with its line. serde would quietly ignore most
/// tags; an answer file or catalog has no use for them.
pub fn foreign_tag(text: &str) -> Option<(String, usize)> {
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
    fn finds_foreign_tags_only() {
        assert_eq!(super::foreign_tag("a: !!str x\nb: \"hi!\"\n"), None);
        assert_eq!(
            super::foreign_tag("a: 1\nb: !custom [x]\n").map(|t| t.1),
            Some(2)
        );
        assert!(super::foreign_tag("a: !!binary aGk=\n").is_some());
    }

    #[test]
    fn finds_entries_in_json() {
        let json = "{\n  \"id\": \"x\",\n  \"goals\": [\n    \"a\",\n    \"b\"\n  ]\n}";
        assert_eq!(line_of(json, "goals[1]"), Some(5));
    }
}
