//! Where answers come from: the inputs read, their formats, and the origin
//! of one document, which locates its problems.

use crate::document::line_of;
use crate::error::Located;

/// An answer file bigger than this is refused before it is parsed.
pub const MAX_ANSWER_BYTES: u64 = 1024 * 1024;

/// One thing to read: a file, or standard input, in a format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin(Format),
    File(std::path::PathBuf, Format),
}

/// The file formats answers come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Json,
    JsonLines,
    /// A survey export: a header row, then one answer set per row.
    Csv,
}

impl Format {
    /// By extension: `.yaml`/`.yml`, `.json`, `.jsonl`/`.ndjson`.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "yaml" | "yml" => Some(Format::Yaml),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Where a document came from, for error messages and default ids.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// The file as shown to the user.
    pub source: &'a str,
    /// The document's text, to find entries' lines in.
    pub text: &'a str,
    /// The line the document starts on (JSON Lines records start later).
    pub first_line: usize,
    /// The id when the document gives none.
    pub default_id: &'a str,
}

impl Origin<'_> {
    pub(super) fn locate(&self, entry: &str, message: String, hint: Option<String>) -> Located {
        Located::new(self.source, message)
            .at_line(self.line_of(entry))
            .at_entry(entry)
            .with_hint(hint)
    }

    /// The line `entry` is on. A JSON Lines record is one line, so every
    /// entry of a later record is on its first line, found without parsing.
    fn line_of(&self, entry: &str) -> Option<usize> {
        let one_line = !self
            .text
            .trim_end_matches(['\n', '\r'])
            .contains(['\n', '\r']);
        if self.first_line > 1 && one_line {
            return Some(self.first_line);
        }
        line_of(self.text, entry)
            .map(|l| l + self.first_line - 1)
            .or((self.first_line > 1).then_some(self.first_line))
    }
}
