//! Finding the inputs of a batch: files, folders (`--recursive`, with a
//! depth limit and skipped subfolders noted) and standard input.

use std::collections::HashSet;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use crate::answers::{Format, Input};
use crate::diagnostics;
use crate::error::Located;
use crate::read::io_problem;

/// Folders nested deeper than this under an argument are not walked.
const MAX_DEPTH: usize = 64;

/// Expands arguments into inputs: a directory gives its answer files
/// sorted by name, and with `recursive` then its subfolders', each in name
/// order. Returns the inputs, the arguments that could not be read, and one
/// note per directory that held something skipped.
pub fn discover(
    args: &[PathBuf],
    stdin_format: Format,
    recursive: bool,
) -> (Vec<Input>, Vec<Located>, Vec<String>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            inputs.push(Input::Stdin(stdin_format));
            continue;
        }
        let shown = arg.display().to_string();
        match std::fs::metadata(arg) {
            Err(e) => problems.push(Located::new(shown, io_problem(&e))),
            Ok(meta) if meta.is_dir() => {
                let mut walk = Walk {
                    recursive,
                    visited: HashSet::new(),
                    inputs: &mut inputs,
                    notes: &mut notes,
                    problems: &mut problems,
                };
                if let Err(e) = walk.dir(arg, 0) {
                    problems.push(Located::new(shown, io_problem(&e)));
                }
            }
            // A named file is read whatever it is: `<(cmd)` gives a FIFO.
            Ok(_) => inputs.push(Input::File(
                arg.clone(),
                Format::from_extension(arg).unwrap_or(Format::Yaml),
            )),
        }
    }
    (inputs, problems, notes)
}

/// A walk through one directory argument.
struct Walk<'a> {
    recursive: bool,
    /// Folders already walked, by their real path: a link back up is not
    /// followed twice, so loops end.
    visited: HashSet<PathBuf>,
    inputs: &'a mut Vec<Input>,
    notes: &'a mut Vec<String>,
    /// Answer files and folders met that cannot be read: each a failed
    /// input (its answers would otherwise be lost unseen).
    problems: &'a mut Vec<Located>,
}

/// What one directory held that is not read, for its note.
#[derive(Default)]
struct Skipped {
    subfolders: Vec<String>,
    other_types: Vec<String>,
    unreadable: Vec<String>,
    already_walked: Vec<String>,
}

impl Walk<'_> {
    fn dir(&mut self, dir: &Path, depth: usize) -> io::Result<()> {
        let real = std::fs::canonicalize(dir)?;
        if !self.visited.insert(real) {
            return Ok(());
        }
        // The entry's name and type come with the directory listing: no
        // path parsing per comparison, and no stat call per file (only a
        // link is followed, to see what it points at).
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            entries.push((entry.file_name(), entry.path(), entry.file_type()));
        }
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let name = |path: &Path| {
            path.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        };
        let mut skipped = Skipped::default();
        let mut subfolders = Vec::new();
        for (_, path, listed_type) in entries {
            // A link is followed: a loop or dangling link fails here.
            let meta = match listed_type {
                Ok(file_type) if !file_type.is_symlink() => Ok(file_type),
                _ => std::fs::metadata(&path).map(|meta| meta.file_type()),
            };
            let format = Format::from_extension(&path).filter(|f| *f != Format::Csv);
            match (format, meta) {
                (_, Ok(meta)) if meta.is_dir() => {
                    if !self.recursive {
                        skipped.subfolders.push(name(&path));
                    } else if depth >= MAX_DEPTH {
                        let message =
                            format!("folder nested more than {MAX_DEPTH} levels deep; not read");
                        self.problems
                            .push(Located::new(path.display().to_string(), message));
                    } else {
                        subfolders.push(path);
                    }
                }
                (Some(format), Ok(meta)) if meta.is_file() => {
                    self.inputs.push(Input::File(path, format))
                }
                (Some(_), Ok(_)) => skipped.unreadable.push(name(&path)),
                (Some(_), Err(e)) => self
                    .problems
                    .push(Located::new(path.display().to_string(), io_problem(&e))),
                (None, _) => skipped.other_types.push(name(&path)),
            }
        }
        for sub in subfolders {
            let before = self.visited.len();
            match self.dir(&sub, depth + 1) {
                Ok(()) if self.visited.len() == before => skipped.already_walked.push(name(&sub)),
                Ok(()) => {}
                Err(e) => self
                    .problems
                    .push(Located::new(sub.display().to_string(), io_problem(&e))),
            }
        }
        if let Some(note) = skipped.note(dir) {
            self.notes.push(note);
        }
        Ok(())
    }
}

impl Skipped {
    /// `answers: skipped 2 subfolders (old, drafts; --recursive reads them), 3 files of other types (notes.txt, …)`
    fn note(&self, dir: &Path) -> Option<String> {
        // Names shown per kind of skipped entry; the count says the rest.
        const SHOWN: usize = 5;
        let some = |names: &[String]| {
            let mut shown: Vec<String> = names
                .iter()
                .take(SHOWN)
                .map(|n| crate::text::escape_control(n).into_owned())
                .collect();
            if names.len() > SHOWN {
                shown.push("…".into());
            }
            shown.join(", ")
        };
        let count = crate::text::count;
        let mut parts = Vec::new();
        if !self.subfolders.is_empty() {
            parts.push(format!(
                "{} ({}; --recursive reads them)",
                count(self.subfolders.len(), "subfolder", "subfolders"),
                some(&self.subfolders)
            ));
        }
        if !self.other_types.is_empty() {
            parts.push(format!(
                "{} ({}; answer files end in .yaml, .yml, .json, .jsonl or .ndjson)",
                count(
                    self.other_types.len(),
                    "file of another type",
                    "files of other types"
                ),
                some(&self.other_types)
            ));
        }
        if !self.unreadable.is_empty() {
            parts.push(format!(
                "{} that cannot be read as files ({})",
                count(self.unreadable.len(), "entry", "entries"),
                some(&self.unreadable)
            ));
        }
        if !self.already_walked.is_empty() {
            parts.push(format!(
                "{} already read through another link ({})",
                count(self.already_walked.len(), "folder", "folders"),
                some(&self.already_walked)
            ));
        }
        (!parts.is_empty()).then(|| {
            format!(
                "{}: skipped {}",
                crate::text::escape_control(&dir.display().to_string()),
                parts.join(", ")
            )
        })
    }
}

/// The inputs of `score` and `validate` from their arguments: checks that
/// `-` comes once, says when it waits on a terminal, and notes what a
/// directory held that is skipped. Returns the inputs, and the arguments
/// that could not be read (each a failed input).
pub fn gather(
    args: &[PathBuf],
    stdin_jsonl: bool,
    recursive: bool,
) -> crate::error::Result<(Vec<Input>, Vec<Located>)> {
    let stdin_count = args.iter().filter(|a| a.as_os_str() == "-").count();
    if stdin_count > 1 {
        return Err(crate::error::Error::Usage(
            "standard input (-) can be read only once".into(),
        ));
    }
    if stdin_count == 1 && io::stdin().is_terminal() {
        diagnostics::note(&"reading answers from standard input (Ctrl-D to end)");
    }
    let stdin_format = if stdin_jsonl {
        Format::JsonLines
    } else {
        Format::Yaml
    };
    let (inputs, missing, notes) = discover(args, stdin_format, recursive);
    for note in &notes {
        diagnostics::note(note);
    }
    Ok((inputs, missing))
}
