//! A catalog's problems as validation finds them: each with its entry and
//! line, the first few spelled out and the rest counted.

use crate::error::{Error, Located, Result};
use crate::locate::line_of;
use crate::matching::{closest, did_you_mean};

/// Locating a problem walks the document; a hostile catalog with thousands
/// of problems gets the first few spelled out and a count.
const MAX_REPORTED: usize = 50;

/// Every problem of one catalog text, collected rather than stopping at
/// the first.
pub(super) struct Problems<'t> {
    text: &'t str,
    source: &'t str,
    problems: Vec<Located>,
    /// Problems past the first MAX_REPORTED: counted, not located.
    more: usize,
}

impl<'t> Problems<'t> {
    pub(super) fn new(text: &'t str, source: &'t str) -> Self {
        Problems {
            text,
            source,
            problems: Vec::new(),
            more: 0,
        }
    }

    /// The name of the catalog in errors.
    pub(super) fn source(&self) -> &'t str {
        self.source
    }

    fn full(&mut self) -> bool {
        let full = self.problems.len() >= MAX_REPORTED;
        self.more += usize::from(full);
        full
    }

    pub(super) fn problem(&mut self, entry: String, message: String, hint: Option<String>) {
        if self.full() {
            return;
        }
        let line = line_of(self.text, &entry);
        self.problems.push(
            Located::new(self.source, message)
                .at_line(line)
                .at_entry(entry)
                .with_hint(hint),
        );
    }

    /// Each id of a section must be given and appear once.
    pub(super) fn unique<'a>(&mut self, section: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = rustc_hash::FxHashSet::default();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.problem(format!("{section}[{i}]"), "empty id".into(), None);
            } else if !seen.insert(id) {
                self.problem(
                    format!("{section}[{i}]"),
                    format!("duplicate id {id:?}"),
                    None,
                );
            }
        }
    }

    /// A name that is none of `known`, with "did you mean".
    pub(super) fn unknown(&mut self, entry: String, kind: &str, name: &str, known: &[&str]) {
        if self.full() {
            return;
        }
        let pairs = known.iter().map(|k| (*k, *k));
        let hint = did_you_mean(&closest(name, pairs, 3));
        self.problem(entry, format!("unknown {kind} {name:?}"), hint);
    }

    /// Ok when nothing was found, else every problem as one error.
    pub(super) fn finish(mut self) -> Result<()> {
        if self.more > 0 {
            let more = format!("… and {} more problems", self.more);
            self.problems.push(Located::new(self.source, more));
        }
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Catalog(self.problems))
        }
    }
}
