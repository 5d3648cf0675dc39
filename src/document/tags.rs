//! YAML tags outside the core schema, which answer files and catalogs
//! have no use for.

use saphyr_parser::{Event, Parser};

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
