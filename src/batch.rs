//! Batch scoring: finding inputs, reading them with bounded memory, scoring
//! them in parallel, and writing results in input order.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::answers::{self, Format, MAX_ANSWER_BYTES, Origin};
use crate::catalog::Catalog;
use crate::error::Located;
use crate::report::{Rendered, Renderer, Reporter};
use crate::score;
use crate::survey::{Rows, Surveys};

/// One thing to read: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin(Format),
    File(PathBuf, Format),
}

/// Expands arguments into inputs: a directory gives its answer files sorted
/// by name (not its subdirectories, devices or FIFOs, which are skipped with
/// a note). Problems are returned beside the inputs, in order.
pub fn discover(
    args: &[PathBuf],
    stdin_format: Format,
) -> (Vec<Input>, Vec<Located>, Vec<Located>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    let mut skipped = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            inputs.push(Input::Stdin(stdin_format));
            continue;
        }
        let shown = arg.display().to_string();
        match std::fs::metadata(arg) {
            Err(e) => problems.push(Located::new(shown, io_problem(&e))),
            Ok(meta) if meta.is_dir() => match list_dir(arg) {
                Ok((files, notes)) => {
                    inputs.extend(files);
                    skipped.extend(notes);
                }
                Err(e) => problems.push(Located::new(shown, io_problem(&e))),
            },
            // A named file is read whatever it is: `<(cmd)` gives a FIFO.
            Ok(_) => inputs.push(Input::File(
                arg.clone(),
                Format::from_extension(arg).unwrap_or(Format::Yaml),
            )),
        }
    }
    (inputs, problems, skipped)
}

fn list_dir(dir: &Path) -> io::Result<(Vec<Input>, Vec<Located>)> {
    let mut files = Vec::new();
    let mut notes = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        // A directory's .csv files are often results, not surveys: a survey
        // is named on the command line.
        let Some(format) = Format::from_extension(&path).filter(|f| *f != Format::Csv) else {
            continue;
        };
        // metadata() follows links: a loop or dangling link fails here.
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_file() => files.push((path, format)),
            Ok(_) => notes.push(Located::new(
                path.display().to_string(),
                "skipped: not a regular file",
            )),
            Err(e) => notes.push(Located::new(
                path.display().to_string(),
                format!("skipped: {e}"),
            )),
        }
    }
    files.sort_by(|a, b| a.0.file_name().cmp(&b.0.file_name()));
    Ok((
        files.into_iter().map(|(p, f)| Input::File(p, f)).collect(),
        notes,
    ))
}

/// An I/O error in words, without "(os error 2)".
pub fn io_problem(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

/// The inputs of `score` and `validate` from their arguments: checks that
/// `-` comes once, says when it waits on a terminal, and notes what a
/// directory held that is skipped. Returns the inputs, and the arguments
/// that could not be read (each a failed input).
pub fn gather(
    args: &[PathBuf],
    stdin_jsonl: bool,
    quiet: bool,
) -> crate::error::Result<(Vec<Input>, Vec<Located>)> {
    let stdin_count = args.iter().filter(|a| a.as_os_str() == "-").count();
    if stdin_count > 1 {
        return Err(crate::error::Error::Usage(
            "standard input (-) can be read only once".into(),
        ));
    }
    if stdin_count == 1 && io::stdin().is_terminal() && !quiet {
        eprintln!("rolefit: reading answers from standard input (Ctrl-D to end)");
    }
    let stdin_format = if stdin_jsonl {
        Format::JsonLines
    } else {
        Format::Yaml
    };
    let (inputs, missing, skipped) = discover(args, stdin_format);
    if !quiet {
        for note in &skipped {
            eprintln!("rolefit: note: {note}");
        }
    }
    Ok((inputs, missing))
}

/// Reads at most `limit` bytes; more is an error, not a truncation.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|e| io_problem(&e))?;
    let meta = file.metadata().map_err(|e| io_problem(&e))?;
    if meta.is_dir() {
        return Err("is a directory".into());
    }
    if meta.is_file() && meta.len() > limit {
        return Err(too_large(limit));
    }
    read_to_limit(file, limit)
}

fn read_to_limit(reader: impl Read, limit: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

fn too_large(limit: u64) -> String {
    format!("larger than {} KiB; refused", limit / 1024)
}

/// What a batch needs besides its inputs.
pub struct Options<'a> {
    pub catalog: &'a Catalog,
    /// Limits every ranking (None: all roles).
    pub top: Option<usize>,
    /// Replaces each respondent's families when not empty.
    pub families: Vec<usize>,
    pub quiet: bool,
    /// What an unknown strength or goal does.
    pub unknown_tags: answers::UnknownTags,
    /// The `--columns` mapping and standard input's survey.
    pub surveys: &'a Surveys,
}

/// Counts of a finished batch.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub scored: usize,
    pub failed: usize,
}

/// One unit of parallel work.
enum Job {
    File(PathBuf, Format),
    /// A document already read (standard input, a JSON Lines record).
    Text {
        source: String,
        text: String,
        format: Format,
        first_line: usize,
        default_id: String,
    },
    /// An input that failed before it could be parsed.
    Failed(Located),
    /// One respondent's row of a survey.
    Row(crate::survey::Row),
}

/// What a job produced.
type Outcome = Result<(Rendered, Vec<Located>), Vec<Located>>;

/// Jobs scored together before their results are written in order; bounds
/// memory whatever the batch size.
const CHUNK: usize = 1024;
/// Smaller chunks are scored on the calling thread.
const PARALLEL_FROM: usize = 8;

/// Scores every input and writes each result through `reporter`, in input
/// order. Failures are reported on stderr and to the reporter; the batch
/// goes on.
pub fn run(
    inputs: &[Input],
    options: &Options<'_>,
    reporter: &mut Reporter<'_>,
    out: &mut dyn io::Write,
) -> io::Result<Summary> {
    let mut pipeline = Pipeline {
        options,
        renderer: reporter.renderer(),
        written: Vec::new(),
        summary: Summary::default(),
        progress: progress_bar(inputs, options.quiet),
    };
    let mut chunk: Vec<Job> = Vec::with_capacity(CHUNK);
    for input in inputs {
        match input {
            Input::File(path, Format::JsonLines) => {
                let source = path.display().to_string();
                match File::open(path) {
                    Ok(file) => {
                        stream_lines(BufReader::new(file), &source, &mut chunk, &mut |jobs| {
                            pipeline.push(jobs, reporter, out)
                        })?
                    }
                    Err(e) => chunk.push(Job::Failed(Located::new(source, io_problem(&e)))),
                }
            }
            Input::File(path, Format::Csv) => {
                let rows = Rows::open_file(path, options.surveys.columns.as_ref(), options.catalog);
                stream_rows(rows, options.quiet, &mut chunk, &mut |jobs| {
                    pipeline.push(jobs, reporter, out)
                })?
            }
            Input::Stdin(Format::Csv) => {
                let rows = options.surveys.take_stdin(options.catalog);
                stream_rows(rows, options.quiet, &mut chunk, &mut |jobs| {
                    pipeline.push(jobs, reporter, out)
                })?
            }
            Input::File(path, format) => chunk.push(Job::File(path.clone(), *format)),
            Input::Stdin(Format::JsonLines) => {
                let stdin = io::stdin().lock();
                stream_lines(stdin, "<stdin>", &mut chunk, &mut |jobs| {
                    pipeline.push(jobs, reporter, out)
                })?
            }
            Input::Stdin(format) => chunk.push(read_stdin(*format)),
        }
        if chunk.len() >= CHUNK {
            pipeline.push(&mut chunk, reporter, out)?;
        }
    }
    pipeline.push(&mut chunk, reporter, out)?;
    pipeline.finish(reporter, out)
}

/// Scores one chunk on the thread pool while the chunk before it is
/// written: writing keeps input order and runs on this thread, scoring
/// runs everywhere else.
struct Pipeline<'o, 'c> {
    options: &'o Options<'c>,
    renderer: Renderer<'c>,
    /// Outcomes scored but not yet written, in input order.
    written: Vec<Outcome>,
    summary: Summary,
    progress: indicatif::ProgressBar,
}

impl Pipeline<'_, '_> {
    fn push(
        &mut self,
        chunk: &mut Vec<Job>,
        reporter: &mut Reporter<'_>,
        out: &mut dyn io::Write,
    ) -> io::Result<()> {
        if chunk.is_empty() {
            return Ok(());
        }
        let jobs = std::mem::replace(chunk, Vec::with_capacity(CHUNK));
        let earlier = std::mem::take(&mut self.written);
        let (options, renderer) = (self.options, self.renderer);
        // Starting threads costs more than scoring a few answers.
        if jobs.len() < PARALLEL_FROM && earlier.is_empty() {
            self.written = jobs
                .into_iter()
                .map(|job| process(job, options, renderer))
                .collect();
            return Ok(());
        }
        let (wrote, scored) = std::thread::scope(|scope| {
            let scoring = scope.spawn(move || {
                jobs.into_par_iter()
                    .map(|job| process(job, options, renderer))
                    .collect::<Vec<Outcome>>()
            });
            let wrote = self.write(earlier, reporter, out);
            (wrote, scoring.join())
        });
        self.written = scored.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        wrote
    }

    fn finish(
        mut self,
        reporter: &mut Reporter<'_>,
        out: &mut dyn io::Write,
    ) -> io::Result<Summary> {
        let last = std::mem::take(&mut self.written);
        self.write(last, reporter, out)?;
        self.progress.finish_and_clear();
        Ok(self.summary)
    }

    /// Writes outcomes in order: results to the reporter, problems to
    /// stderr and the reporter.
    fn write(
        &mut self,
        outcomes: Vec<Outcome>,
        reporter: &mut Reporter<'_>,
        out: &mut dyn io::Write,
    ) -> io::Result<()> {
        let progress = &self.progress;
        for outcome in outcomes {
            match outcome {
                Ok((rendered, warnings)) => {
                    if !self.options.quiet {
                        for warning in &warnings {
                            progress.suspend(|| eprintln!("rolefit: warning: {warning}"));
                        }
                    }
                    reporter.emit(rendered, out)?;
                    self.summary.scored += 1;
                }
                Err(problems) => {
                    for problem in &problems {
                        progress.suspend(|| eprintln!("rolefit: error: {problem}"));
                    }
                    reporter.error(&problems, out)?;
                    self.summary.failed += 1;
                }
            }
            progress.inc(1);
        }
        Ok(())
    }
}

fn progress_bar(inputs: &[Input], quiet: bool) -> indicatif::ProgressBar {
    const MIN_FILES: usize = 200;
    if quiet || !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let files = inputs
        .iter()
        .filter(|i| matches!(i, Input::File(_, f) if !matches!(f, Format::JsonLines | Format::Csv)))
        .count();
    let streams = inputs.len() - files;
    if streams == 0 && files < MIN_FILES {
        return indicatif::ProgressBar::hidden();
    }
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    let style =
        indicatif::ProgressStyle::with_template("{spinner} {pos} answer sets read ({elapsed})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
    bar.set_style(style);
    bar
}

fn read_stdin(format: Format) -> Job {
    let source = "<stdin>".to_string();
    match read_to_limit(io::stdin().lock(), MAX_ANSWER_BYTES)
        .map_err(|m| Located::new(&source, m))
        .and_then(|bytes| answers::decode_utf8(bytes, &source))
    {
        Ok(text) => Job::Text {
            source,
            text,
            format,
            first_line: 1,
            default_id: "stdin".into(),
        },
        Err(problem) => Job::Failed(problem),
    }
}

/// Splits a survey into one job per row; the headers' notes are said once.
fn stream_rows(
    rows: Result<Rows, Located>,
    quiet: bool,
    chunk: &mut Vec<Job>,
    flush: &mut dyn FnMut(&mut Vec<Job>) -> io::Result<()>,
) -> io::Result<()> {
    let mut rows = match rows {
        Ok(rows) => rows,
        Err(problem) => {
            chunk.push(Job::Failed(problem));
            return Ok(());
        }
    };
    if !quiet {
        for note in &rows.notes {
            eprintln!("rolefit: warning: {note}");
        }
    }
    let mut any = false;
    while let Some(row) = rows.next_row() {
        any = true;
        chunk.push(match row {
            Ok(row) => Job::Row(row),
            Err(problem) => Job::Failed(problem),
        });
        if chunk.len() >= CHUNK {
            flush(chunk)?;
        }
    }
    if !any && !quiet {
        eprintln!("rolefit: warning: {}", rows.no_rows());
    }
    Ok(())
}

/// Splits JSON Lines into one job per non-blank line, a line longer than
/// the answer-file limit failing alone without being held in memory.
fn stream_lines(
    mut reader: impl BufRead,
    source: &str,
    chunk: &mut Vec<Job>,
    flush: &mut dyn FnMut(&mut Vec<Job>) -> io::Result<()>,
) -> io::Result<()> {
    let stem = Path::new(source)
        .file_stem()
        .map_or_else(|| "stdin".to_string(), |s| s.to_string_lossy().into_owned());
    let stem = if source == "<stdin>" {
        "stdin".to_string()
    } else {
        stem
    };
    let mut line_number = 0;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        line_number += 1;
        let (read, overflow) = read_line_limited(&mut reader, &mut buf, MAX_ANSWER_BYTES as usize);
        match read {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                chunk.push(Job::Failed(
                    Located::new(source, e.to_string()).at_line(Some(line_number)),
                ));
                break;
            }
        }
        let job = if overflow {
            Job::Failed(
                Located::new(source, too_large(MAX_ANSWER_BYTES)).at_line(Some(line_number)),
            )
        } else {
            match String::from_utf8(std::mem::take(&mut buf)) {
                Ok(text) if text.trim().is_empty() => continue,
                Ok(text) => Job::Text {
                    source: source.to_string(),
                    text,
                    format: Format::JsonLines,
                    first_line: line_number,
                    default_id: format!("{stem}:{line_number}"),
                },
                Err(e) => Job::Failed(
                    Located::new(
                        source,
                        format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
                    )
                    .at_line(Some(line_number)),
                ),
            }
        };
        chunk.push(job);
        if chunk.len() >= CHUNK {
            flush(chunk)?;
        }
    }
    Ok(())
}

/// Reads one line into `buf`, keeping at most `limit` bytes; returns the
/// bytes consumed and whether the line was longer than `limit`.
fn read_line_limited(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> (io::Result<usize>, bool) {
    let mut consumed = 0;
    let mut overflow = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return (Err(e), overflow),
        };
        if available.is_empty() {
            return (Ok(consumed), overflow);
        }
        let (take, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !overflow {
            let room = limit.saturating_sub(buf.len());
            if take > room + usize::from(done) {
                overflow = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&available[..take]);
            }
        }
        reader.consume(take);
        consumed += take;
        if done {
            return (Ok(consumed), overflow);
        }
    }
}

/// Reads, parses, resolves, scores and renders one answer set.
fn process(job: Job, options: &Options<'_>, renderer: Renderer<'_>) -> Outcome {
    let (source, text, format, first_line, default_id) = match job {
        Job::Failed(problem) => return Err(vec![problem]),
        Job::Row(row) => {
            let respondent = row.resolve(options.catalog, options.unknown_tags)?;
            return score_and_render(respondent, options, renderer);
        }
        Job::Text {
            source,
            text,
            format,
            first_line,
            default_id,
        } => (source, text, format, first_line, default_id),
        Job::File(path, format) => {
            let source = path.display().to_string();
            let text = read_limited(&path, MAX_ANSWER_BYTES)
                .map_err(|m| vec![Located::new(&source, m)])
                .and_then(|bytes| answers::decode_utf8(bytes, &source).map_err(|e| vec![e]))?;
            let stem = path
                .file_stem()
                .map_or_else(|| source.clone(), |s| s.to_string_lossy().into_owned());
            (source, text, format, 1, stem)
        }
    };
    let origin = Origin {
        source: &source,
        text: &text,
        first_line,
        default_id: &default_id,
    };
    let file = answers::parse(&origin, format).map_err(|e| vec![e])?;
    let respondent = answers::resolve_with(file, options.catalog, &origin, options.unknown_tags)?;
    score_and_render(respondent, options, renderer)
}

fn score_and_render(
    mut respondent: answers::Respondent,
    options: &Options<'_>,
    renderer: Renderer<'_>,
) -> Outcome {
    if !options.families.is_empty() {
        respondent.families = options.families.clone();
    }
    let warnings = respondent.warnings.clone();
    let scored = score::assess(options.catalog, respondent, options.top);
    Ok((renderer.render(scored), warnings))
}

/// Reads, parses and resolves every input exactly as [`run`] does, with the
/// same errors and warnings on stderr, but writes no result: what
/// `rolefit validate` needs. It is `run` itself, writing to nowhere and
/// keeping no role of any ranking (so scoring none), so the messages and
/// counts cannot drift apart from `score`'s.
pub fn check(
    inputs: &[Input],
    catalog: &Catalog,
    unknown_tags: answers::UnknownTags,
    surveys: &Surveys,
) -> io::Result<Summary> {
    let options = Options {
        catalog,
        top: Some(0),
        families: Vec::new(),
        quiet: false,
        unknown_tags,
        surveys,
    };
    // JSON Lines keeps nothing between inputs, whatever the batch size.
    let mut reporter = Reporter::new(
        catalog,
        crate::cli::OutputFormat::Jsonl,
        crate::report::Theme::PLAIN,
    );
    run(inputs, &options, &mut reporter, &mut io::sink())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_refused_without_being_kept() {
        let text = format!("{}\nshort\n", "x".repeat(100));
        let mut reader = io::Cursor::new(text.into_bytes());
        let mut buf = Vec::new();
        let (read, overflow) = read_line_limited(&mut reader, &mut buf, 10);
        assert_eq!((read.unwrap(), overflow), (101, true));
        assert!(buf.len() <= 10);
        buf.clear();
        let (read, overflow) = read_line_limited(&mut reader, &mut buf, 10);
        assert_eq!(
            (read.unwrap(), overflow, buf.as_slice()),
            (6, false, &b"short\n"[..])
        );
    }
}
