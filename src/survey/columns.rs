//! The `--columns` mapping: a file naming what each survey header holds.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::answers::{self, UniqueMap};
use crate::catalog::Catalog;
use crate::error::{Error, Located};

use super::header::{Kind, header_key, shorten};

/// One line of a `--columns` file.
#[derive(Debug)]
pub(super) struct Mapping {
    pub(super) header: String,
    pub(super) key: String,
    pub(super) kind: Kind,
    pub(super) line: Option<usize>,
    /// Some column of some survey has this header.
    pub(super) used: AtomicBool,
}

/// A `--columns` file: header text → kind.
#[derive(Debug)]
pub struct Columns {
    pub(super) source: String,
    pub(super) mappings: Vec<Mapping>,
}

impl Columns {
    /// Reads a `--columns` file; any problem is a usage error (exit 2).
    pub fn load(path: &Path, catalog: &Catalog) -> crate::error::Result<Columns> {
        let source = path.display().to_string();
        let text = crate::read::read_limited(path, answers::MAX_ANSWER_BYTES)
            .map_err(|m| Located::new(&source, m))
            .and_then(|bytes| crate::read::decode(bytes, &source))
            .map_err(|e| Error::Usage(format!("--columns: {e}")))?;
        Columns::parse(&text, &source, catalog).map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(|p| format!("--columns: {p}")).collect();
            Error::Usage(lines.join("\n"))
        })
    }

    /// Parses the text of a `--columns` file, reporting every bad line.
    pub fn parse(text: &str, source: &str, catalog: &Catalog) -> Result<Columns, Vec<Located>> {
        let map: UniqueMap<String> = crate::document::from_yaml(
            text,
            source,
            crate::document::Shape("a map of column headers to kinds"),
        )
        .map_err(|e| vec![e])?;
        let mut mappings = Vec::new();
        let mut problems = Vec::new();
        for (header, kind) in map.iter() {
            let line = line_of_key(text, header);
            match Kind::parse(kind, catalog) {
                Ok(kind) => mappings.push(Mapping {
                    header: header.clone(),
                    key: header_key(header),
                    kind,
                    line,
                    used: AtomicBool::new(false),
                }),
                Err((message, hint)) => problems.push(
                    Located::new(source, message)
                        .at_line(line)
                        .at_entry(format!("{:?}", shorten(header)))
                        .with_hint(hint),
                ),
            }
        }
        if problems.is_empty() {
            Ok(Columns {
                source: source.to_string(),
                mappings,
            })
        } else {
            Err(problems)
        }
    }

    pub(super) fn find(&self, key: &str) -> Option<&Mapping> {
        self.mappings.iter().find(|m| m.key == key)
    }

    /// Mapped headers no survey had, as a usage error naming their lines.
    pub(super) fn check_used(&self) -> crate::error::Result<()> {
        let unused: Vec<String> = self
            .mappings
            .iter()
            .filter(|m| !m.used.load(Ordering::Relaxed))
            .map(|m| {
                let problem =
                    Located::new(&self.source, "no column of the surveys has this header")
                        .at_line(m.line)
                        .at_entry(format!("{:?}", shorten(&m.header)));
                format!("--columns: {problem}")
            })
            .collect();
        if unused.is_empty() {
            Ok(())
        } else {
            Err(Error::Usage(unused.join("\n")))
        }
    }
}

/// The line a top-level key starts on: the first line that begins with it,
/// bare or quoted.
pub(super) fn line_of_key(text: &str, key: &str) -> Option<usize> {
    let quoted = serde_json::to_string(key).unwrap_or_default();
    let single = format!("'{}'", key.replace('\'', "''"));
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            [key, quoted.as_str(), single.as_str()].iter().any(|k| {
                line.strip_prefix(k)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
        })
        .map(|i| i + 1)
}
