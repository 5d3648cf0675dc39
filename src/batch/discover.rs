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
    let mut found = Found::default();
    for arg in args {
        if arg.as_os_str() == "-" {
            found.inputs.push(Input::Stdin(stdin_format));
            continue;
        }
        match std::fs::metadata(arg) {
            Err(e) => found
                .problems
                .push(Located::new(arg.display().to_string(), io_problem(&e))),
            Ok(meta) if meta.is_dir() => found.walk(arg, recursive),
            // A named file is read whatever it is: `<(cmd)` gives a FIFO.
            Ok(_) => found.inputs.push(Input::File(
                arg.clone(),
                Format::from_extension(arg).unwrap_or(Format::Yaml),
            )),
        }
    }
    (found.inputs, found.problems, found.notes)
}

/// What the arguments give.
#[derive(Default)]
struct Found {
    inputs: Vec<Input>,
    /// Arguments, answer files and folders that cannot be read: each a
    /// failed input (its answers would otherwise be lost unseen).
    problems: Vec<Located>,
    /// One per folder that held something skipped.
    notes: Vec<String>,
}

/// What one directory held that is not read, for its note.
#[derive(Default)]
struct Skipped {
    subfolders: Vec<String>,
    other_types: Vec<String>,
    unreadable: Vec<String>,
    already_walked: Vec<String>,
}

impl Found {
    /// Walks one directory argument with walkdir: in each folder its files
    /// in name order, then its subfolders in name order, each walked whole
    /// before the next. Links are followed; a folder reached a second time
    /// (a link back up, or two links to one folder) is walked once.
    fn walk(&mut self, root: &Path, recursive: bool) {
        let mut walked = HashSet::new();
        // The folders being walked, outermost first (a folder's place is
        // its depth), with what each skipped so far.
        let mut open: Vec<(PathBuf, Skipped)> = Vec::new();
        let mut entries = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by(|a, b| (is_folder(a), a.file_name()).cmp(&(is_folder(b), b.file_name())))
            .into_iter();
        while let Some(entry) = entries.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    self.failed(e, &mut open, recursive);
                    continue;
                }
            };
            let depth = entry.depth();
            self.leave(&mut open, depth);
            let path = entry.path();
            let parent = open.last_mut().map(|(_, skipped)| skipped);
            if entry.file_type().is_dir() {
                let skip = match parent {
                    _ if depth == 0 => false,
                    Some(parent) if !recursive => {
                        parent.subfolders.push(name(path));
                        true
                    }
                    _ if depth > MAX_DEPTH => {
                        let message =
                            format!("folder nested more than {MAX_DEPTH} levels deep; not read");
                        self.problems
                            .push(Located::new(path.display().to_string(), message));
                        true
                    }
                    _ => false,
                };
                let skip = skip
                    || match std::fs::canonicalize(path) {
                        Err(e) => {
                            let shown = path.display().to_string();
                            self.problems.push(Located::new(shown, io_problem(&e)));
                            true
                        }
                        Ok(real) => {
                            let again = !walked.insert(real);
                            if again && let Some((_, parent)) = open.last_mut() {
                                parent.already_walked.push(name(path));
                            }
                            again
                        }
                    };
                if skip {
                    entries.skip_current_dir();
                } else {
                    open.push((entry.into_path(), Skipped::default()));
                }
                continue;
            }
            let Some(parent) = parent else { continue };
            match Format::from_extension(path).filter(|f| *f != Format::Csv) {
                Some(format) if entry.file_type().is_file() => {
                    self.inputs.push(Input::File(entry.into_path(), format))
                }
                Some(_) => parent.unreadable.push(name(path)),
                None => parent.other_types.push(name(path)),
            }
        }
        self.leave(&mut open, 0);
    }

    /// An entry the walk could not read or follow.
    fn failed(&mut self, e: walkdir::Error, open: &mut Vec<(PathBuf, Skipped)>, recursive: bool) {
        let depth = e.depth();
        let problem = || e.io_error().map_or_else(|| e.to_string(), io_problem);
        let Some(path) = e.path().map(Path::to_path_buf) else {
            // A folder whose listing fails part way (walkdir names no
            // path): the folder listed.
            self.leave(open, depth);
            let folder = open
                .last()
                .map_or_else(String::new, |(f, _)| f.display().to_string());
            self.problems.push(Located::new(folder, problem()));
            return;
        };
        let shown = path.display().to_string();
        // A folder entered whose listing cannot be read.
        if open.get(depth).is_some_and(|(folder, _)| *folder == path) {
            self.problems.push(Located::new(shown, problem()));
            self.leave(open, depth);
            return;
        }
        self.leave(open, depth);
        let Some((_, parent)) = open.last_mut() else {
            self.problems.push(Located::new(shown, problem()));
            return;
        };
        if e.loop_ancestor().is_some() {
            // A link to a folder the walk is in.
            if recursive {
                parent.already_walked.push(name(&path));
            } else {
                parent.subfolders.push(name(&path));
            }
        } else if Format::from_extension(&path).is_some_and(|f| f != Format::Csv) {
            // A link that leads nowhere, or round in a loop.
            self.problems.push(Located::new(shown, problem()));
        } else {
            parent.other_types.push(name(&path));
        }
    }

    /// Leaves the folders deeper than `depth`, innermost first: the walk has
    /// read all they hold, so their notes are written.
    fn leave(&mut self, open: &mut Vec<(PathBuf, Skipped)>, depth: usize) {
        while open.len() > depth {
            if let Some((dir, skipped)) = open.pop()
                && let Some(note) = skipped.note(&dir)
            {
                self.notes.push(note);
            }
        }
    }
}

/// Whether an entry is a folder, or a link to one: folders sort after the
/// files beside them. Only a link costs a `stat` call.
fn is_folder(entry: &walkdir::DirEntry) -> bool {
    entry.file_type().is_dir() || entry.path_is_symlink() && entry.path().is_dir()
}

/// An entry's name as a note shows it.
fn name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
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
                "{} back into folders this run reads ({})",
                count(self.already_walked.len(), "link", "links"),
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
