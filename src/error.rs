//! The one error type, with source locations, and its exit codes.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// A problem at a place in an input: a file, maybe a line, maybe an entry
/// (a path into the document such as `strengths[0]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub source: String,
    pub line: Option<usize>,
    pub entry: Option<String>,
    pub message: String,
    pub hint: Option<Box<str>>,
    /// The id the input gave itself, when known (a JSON Lines record's).
    // Hint and id are boxed: keeps the error small to return by value.
    pub id: Option<Box<str>>,
}

impl Located {
    pub fn new(source: impl Into<String>, message: impl Into<String>) -> Self {
        Located {
            source: source.into(),
            line: None,
            entry: None,
            message: message.into(),
            hint: None,
            id: None,
        }
    }

    pub fn with_id(mut self, id: Option<&str>) -> Self {
        self.id = id.map(Box::from);
        self
    }

    pub fn at_line(mut self, line: Option<usize>) -> Self {
        self.line = line;
        self
    }

    pub fn at_entry(mut self, entry: impl Into<String>) -> Self {
        self.entry = Some(entry.into());
        self
    }

    pub fn with_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint.map(String::into_boxed_str);
        self
    }

    /// The message without the file and line: what JSON puts in `message`.
    pub fn detail(&self) -> String {
        let mut text = self.message.clone();
        if let Some(entry) = &self.entry {
            text.push_str(" at ");
            text.push_str(entry);
        }
        if let Some(hint) = &self.hint {
            text.push_str(": ");
            text.push_str(hint);
        }
        crate::text::escape_control(&text).into_owned()
    }
}

impl fmt::Display for Located {
    /// `unknown tag "x" at strengths[0] (answers.yaml:4): did you mean "y"?`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let esc = crate::text::escape_control;
        write!(f, "{}", esc(&self.message))?;
        // `unknown key "strenghts"` names its entry already: not twice.
        if let Some(entry) = &self.entry
            && !self.message.contains(&format!("{entry:?}"))
        {
            write!(f, " at {}", esc(entry))?;
        }
        match self.line {
            Some(line) => write!(f, " ({}:{line})", esc(&self.source))?,
            None => write!(f, " ({})", esc(&self.source))?,
        }
        if let Some(hint) = &self.hint {
            write!(f, ": {}", esc(hint))?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// The role catalog is invalid; nothing can be scored.
    #[error("invalid catalog:\n{}", list(.0))]
    Catalog(Vec<Located>),
    /// Reading or writing a file failed.
    #[error("{}: {source}", crate::text::escape_control(&.path.display().to_string()))]
    Io { path: PathBuf, source: io::Error },
    /// Writing to standard output failed.
    #[error("writing output: {0}")]
    Output(#[source] io::Error),
    /// Some inputs failed; the rest were scored and printed, and the
    /// closing line has said so.
    #[error("{failed} of {total} {} failed", crate::text::noun(*total, "input", "inputs"))]
    SomeInputsFailed { failed: usize, total: usize },
    /// The person interrupted the interview.
    #[error("interrupted")]
    Interrupted,
}

fn list(problems: &[Located]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Error {
    /// The process exit code: 1 some inputs failed, 2 usage or catalog,
    /// 130 interrupted.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::SomeInputsFailed { .. } => 1,
            Error::Interrupted => 130,
            Error::Usage(_) | Error::Catalog(_) | Error::Io { .. } | Error::Output(_) => 2,
        }
    }

    /// A closed pipe downstream (`| head`) is a normal way to stop reading.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Output(e) | Error::Io { source: e, .. } => e.kind() == io::ErrorKind::BrokenPipe,
            _ => false,
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
