//! The bottom layer: YAML and JSON text into typed values, with every
//! error located (file, line, entry path) and worded for a person rather
//! than a parser.
//!
//! YAML goes first to `subset`, a fast reader of the plain YAML answer
//! files and catalogs are written in; what it declines (anything outside
//! that subset, and any error) goes to serde_yaml, so every error message
//! and location is serde_yaml's own.
//!
//! `values` holds the small value types any document may use: [`UniqueMap`]
//! (a map that refuses a key given twice) and [`Number`] (a number, also
//! when written as a string). Like [`crate::read`], it knows nothing of
//! catalogs or answers.

use serde::de::DeserializeOwned;

use crate::error::Located;

mod depth;
mod messages;
mod subset;
mod tags;
mod values;

use depth::{MAX_FLOW_DEPTH, too_deep};
pub use messages::Shape;
use messages::{json_entry_at, last_line_at_most, serde_problem, split_yaml_path, tab_indent};
#[cfg(test)]
pub(crate) use subset::tests as subset_tests;
pub use subset::{Step, line_of as subset_line_of};

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
    if let Some((tag, line)) = tags::foreign_tag(text) {
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

#[cfg(test)]
mod tests;
