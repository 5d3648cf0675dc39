//! Batch scoring: reading inputs with bounded memory, scoring them in
//! parallel, and writing results in input order. `discover` finds them.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::answers::{self, Format, MAX_ANSWER_BYTES, Origin};
use crate::catalog::Catalog;
use crate::diagnostics;
use crate::error::Located;
use crate::read::{TextStream, io_problem, read_limited, read_to_limit, too_large};
use crate::report::{Rendered, Renderer, Reporter};
use crate::score;
use crate::survey::{Rows, Surveys};

mod discover;
mod ids;
pub use discover::*;

/// What a batch does with each answer set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Score and render it.
    Score,
    /// Read, parse and resolve it only (`rolefit validate`): the same
    /// messages and counts as scoring, without the scoring.
    Check,
}

/// What a batch needs besides its inputs.
pub struct Options<'a> {
    pub catalog: &'a Catalog,
    pub mode: Mode,
    /// Limits every ranking (None: all roles).
    pub top: Option<usize>,
    /// Replaces each respondent's families when not empty.
    pub families: Vec<usize>,
    pub quiet: bool,
    /// What is asked beyond each ranking (`--explain`, `--role`).
    pub asked: score::Asked,
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

/// An answer set read and resolved (and, when scoring, rendered).
struct Done {
    rendered: Option<Rendered>,
    id: String,
    /// Its line in its input, when the input holds many answer sets.
    line: Option<usize>,
    warnings: Vec<Located>,
}

/// What a job produced.
type Outcome = Result<Done, Vec<Located>>;

/// Jobs scored together before their results are written in order; bounds
/// memory whatever the batch size.
const CHUNK: usize = 1024;
/// Smaller chunks are scored on the calling thread.
const PARALLEL_FROM: usize = 8;

/// Where results go; checking writes none.
struct Destination<'r, 'c, 'w> {
    reporter: Option<&'r mut Reporter<'c>>,
    out: &'w mut dyn io::Write,
}

/// Scores every input and writes each result through `reporter`, in input
/// order. Failures are reported on stderr and to the reporter; the batch
/// goes on.
pub fn run(
    inputs: &[Input],
    options: &Options<'_>,
    reporter: &mut Reporter<'_>,
    out: &mut dyn io::Write,
) -> io::Result<Summary> {
    let renderer = reporter.renderer();
    let destination = Destination {
        reporter: Some(reporter),
        out,
    };
    execute(inputs, options, Some(renderer), destination)
}

/// Reads, parses and resolves every input as [`run`] does, with the same
/// errors and warnings on stderr, but scores and writes nothing: what
/// `rolefit validate` needs.
pub fn check(
    inputs: &[Input],
    catalog: &Catalog,
    unknown_tags: answers::UnknownTags,
    surveys: &Surveys,
) -> io::Result<Summary> {
    let options = Options {
        catalog,
        mode: Mode::Check,
        top: None,
        families: Vec::new(),
        quiet: false,
        asked: score::Asked::default(),
        unknown_tags,
        surveys,
    };
    let destination = Destination {
        reporter: None,
        out: &mut io::sink(),
    };
    execute(inputs, &options, None, destination)
}

fn execute(
    inputs: &[Input],
    options: &Options<'_>,
    renderer: Option<Renderer<'_>>,
    mut destination: Destination<'_, '_, '_>,
) -> io::Result<Summary> {
    let progress = progress_bar(inputs, options.quiet);
    diagnostics::set_progress(Some(progress.clone()));
    let mut pipeline = Pipeline {
        inputs,
        options,
        renderer,
        written: Vec::new(),
        summary: Summary::default(),
        progress,
        ids: ids::SeenIds::new(),
        input_of: ids::InputOf::default(),
    };
    let result = feed(inputs, &mut pipeline, &mut destination);
    diagnostics::set_progress(None);
    result
}

fn feed(
    inputs: &[Input],
    pipeline: &mut Pipeline<'_, '_>,
    destination: &mut Destination<'_, '_, '_>,
) -> io::Result<Summary> {
    let mut chunk: Vec<Job> = Vec::with_capacity(CHUNK);
    for (index, input) in inputs.iter().enumerate() {
        pipeline.input_of.begin(index, chunk.len());
        match input {
            Input::File(path, Format::JsonLines) => {
                let source = path.display().to_string();
                let stream = File::open(path)
                    .and_then(|file| TextStream::new(BufReader::with_capacity(64 * 1024, file)));
                match stream {
                    Ok(stream) => stream_lines(stream, &source, &mut chunk, &mut |jobs| {
                        pipeline.push(jobs, destination)
                    })?,
                    Err(e) => chunk.push(Job::Failed(Located::new(source, io_problem(&e)))),
                }
            }
            Input::File(path, Format::Csv) => {
                let rows = Rows::open_file(
                    path,
                    pipeline.options.surveys.columns.as_ref(),
                    pipeline.options.catalog,
                );
                stream_rows(rows, &mut chunk, &mut |jobs| {
                    pipeline.push(jobs, destination)
                })?
            }
            Input::Stdin(Format::Csv) => {
                let options = pipeline.options;
                let rows = options.surveys.take_stdin(options.catalog);
                stream_rows(rows, &mut chunk, &mut |jobs| {
                    pipeline.push(jobs, destination)
                })?
            }
            Input::File(path, format) => chunk.push(Job::File(path.clone(), *format)),
            Input::Stdin(Format::JsonLines) => match TextStream::new(io::stdin().lock()) {
                Ok(stream) => stream_lines(stream, "<stdin>", &mut chunk, &mut |jobs| {
                    pipeline.push(jobs, destination)
                })?,
                Err(e) => chunk.push(Job::Failed(Located::new("<stdin>", io_problem(&e)))),
            },
            Input::Stdin(format) => chunk.push(read_stdin(*format)),
        }
        if chunk.len() >= CHUNK {
            pipeline.push(&mut chunk, destination)?;
        }
    }
    pipeline.push(&mut chunk, destination)?;
    let last = std::mem::take(&mut pipeline.written);
    pipeline.write(last, destination)?;
    pipeline.progress.finish_and_clear();
    Ok(pipeline.summary)
}

/// Scores one chunk on the thread pool while the chunk before it is
/// written: writing keeps input order and runs on this thread, scoring
/// runs everywhere else.
struct Pipeline<'o, 'c> {
    inputs: &'o [Input],
    options: &'o Options<'c>,
    /// None when only checking.
    renderer: Option<Renderer<'c>>,
    /// Outcomes scored but not yet written, in input order.
    written: Vec<Outcome>,
    summary: Summary,
    progress: indicatif::ProgressBar,
    /// Every id written so far, with where it came from: two answer sets
    /// with one id would be told apart by nobody.
    ids: ids::SeenIds,
    /// The input of each outcome written.
    input_of: ids::InputOf,
}

impl Pipeline<'_, '_> {
    fn push(
        &mut self,
        chunk: &mut Vec<Job>,
        destination: &mut Destination<'_, '_, '_>,
    ) -> io::Result<()> {
        if chunk.is_empty() {
            return Ok(());
        }
        let jobs = std::mem::replace(chunk, Vec::with_capacity(CHUNK));
        self.input_of.queued(jobs.len());
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
            let wrote = self.write(earlier, destination);
            (wrote, scoring.join())
        });
        self.written = scored.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        wrote
    }

    /// Writes outcomes in order: results to the reporter, problems to
    /// stderr and the reporter.
    fn write(
        &mut self,
        outcomes: Vec<Outcome>,
        destination: &mut Destination<'_, '_, '_>,
    ) -> io::Result<()> {
        for outcome in outcomes {
            let input = self.input_of.next();
            match outcome {
                Ok(done) => {
                    for warning in &done.warnings {
                        diagnostics::warning(warning);
                    }
                    self.note_id(&done, input);
                    if let (Some(reporter), Some(rendered)) =
                        (destination.reporter.as_deref_mut(), done.rendered)
                    {
                        reporter.emit(rendered, destination.out)?;
                    }
                    self.summary.scored += 1;
                }
                Err(problems) => {
                    for problem in &problems {
                        diagnostics::error(problem);
                    }
                    if let Some(reporter) = destination.reporter.as_deref_mut() {
                        reporter.error(&problems, destination.out)?;
                    }
                    self.summary.failed += 1;
                }
            }
            self.progress.inc(1);
        }
        Ok(())
    }

    /// Warns when an id was already used by another answer set.
    fn note_id(&mut self, done: &Done, input: usize) {
        let place = ids::Place {
            input,
            line: done.line,
        };
        if let Some(first) = self.ids.note(&done.id, place) {
            let message = format!(
                "id {:?} is also the id of {}; tables show each one's source beside it",
                done.id,
                ids::shown(self.inputs, first)
            );
            let warning = Located::new(ids::shown(self.inputs, place), message);
            diagnostics::warning_of_kind(&warning, ids::SHARED_ID);
        }
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
        .and_then(|bytes| crate::read::decode(bytes, &source))
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

/// Splits a survey into one job per row; what its headers hold that means
/// nothing is said once.
fn stream_rows(
    rows: Result<Rows, Located>,
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
    for note in &rows.notes {
        diagnostics::warning(note);
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
    if !any {
        diagnostics::warning(&rows.no_rows());
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
                    Located::new(source, io_problem(&e)).at_line(Some(line_number)),
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
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    let message = crate::read::not_utf8(e.as_bytes(), at);
                    // The line within the record is always 1: say only the file's.
                    let message = message.replacen(" on line 1", "", 1);
                    Job::Failed(Located::new(source, message).at_line(Some(line_number)))
                }
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

/// Reads, parses, resolves, and (when scoring) scores and renders one
/// answer set.
fn process(job: Job, options: &Options<'_>, renderer: Option<Renderer<'_>>) -> Outcome {
    let (mut respondent, line) = resolve_job(job, options.catalog, options.unknown_tags)?;
    if !options.families.is_empty() {
        respondent.families = options.families.clone();
    }
    // JSON output lists the warnings too.
    let warnings = respondent.warnings.clone();
    let id = respondent.id.clone();
    let rendered = match (options.mode, renderer) {
        (Mode::Score, Some(renderer)) => {
            let scored =
                score::assess_asking(options.catalog, respondent, options.top, &options.asked);
            Some(renderer.render(scored))
        }
        _ => None,
    };
    Ok(Done {
        rendered,
        id,
        line,
        warnings,
    })
}

/// Reads one answer file (YAML or JSON, by its extension; `-` is YAML on
/// standard input) exactly as `score` does, with the same errors: what
/// `rolefit plan` needs.
pub fn read_one(path: &Path, catalog: &Catalog) -> Result<answers::Respondent, Vec<Located>> {
    let job = if path.as_os_str() == "-" {
        read_stdin(Format::Yaml)
    } else {
        let format = Format::from_extension(path).unwrap_or(Format::Yaml);
        Job::File(path.to_path_buf(), format)
    };
    resolve_job(job, catalog, answers::UnknownTags::Error).map(|(respondent, _)| respondent)
}

/// Reads, parses and resolves one answer set; returns it with its line
/// when its input holds many (a JSON Lines record, a survey row).
fn resolve_job(
    job: Job,
    catalog: &Catalog,
    unknown_tags: answers::UnknownTags,
) -> Result<(answers::Respondent, Option<usize>), Vec<Located>> {
    let (source, text, format, first_line, default_id) = match job {
        Job::Failed(problem) => return Err(vec![problem]),
        Job::Row(row) => {
            let respondent = row.resolve(catalog, unknown_tags)?;
            return Ok((respondent, Some(row.line())));
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
                .and_then(|bytes| crate::read::decode(bytes, &source).map_err(|e| vec![e]))?;
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
    let resolved = answers::parse(&origin, format)
        .map_err(|e| vec![e])
        .and_then(|file| answers::resolve_with(file, catalog, &origin, unknown_tags));
    let respondent = match resolved {
        Ok(respondent) => respondent,
        // A JSON Lines record is found again by its id, when it has one.
        Err(problems) if format == Format::JsonLines => {
            let id = record_id(&text);
            return Err(problems
                .into_iter()
                .map(|p| p.with_id(id.as_deref()))
                .collect());
        }
        Err(problems) => return Err(problems),
    };
    let line = (format == Format::JsonLines).then_some(first_line);
    Ok((respondent, line))
}

/// The `id` of a JSON Lines record that failed, if it has a readable one.
fn record_id(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        id: Option<String>,
    }
    serde_json::from_str::<IdOnly>(text).ok()?.id
}

#[cfg(test)]
mod tests;
