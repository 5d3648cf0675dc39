//! Batch scoring (`run` and `check`): every input fed in chunks through the
//! ordered pipeline, streams read as they go, memory bounded, results in
//! input order, and a progress bar for big batches on a terminal.
//!
//! Its parts, each using only those before it: `discover`, `ids`, `job`,
//! `stream`, `ordered`.

mod discover;
mod ids;
mod job;
mod ordered;
mod stream;

pub use discover::gather;
pub use job::{Mode, Options, read_one};
pub use ordered::Summary;

use std::fs::File;
use std::io::{self, BufReader, IsTerminal};

use crate::answers::{self, Format, Input};
use crate::catalog::Catalog;
use crate::diagnostics;
use crate::error::Located;
use crate::read::{TextStream, io_problem};
use crate::report::{Renderer, Reporter};
use crate::score;
use crate::survey::{Rows, Surveys};
use job::{Job, read_stdin};
use ordered::{Destination, Pipeline};
use stream::{CHUNK, stream_lines, stream_rows};

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
/// errors and warnings on stderr, but scores nothing: each answer set goes
/// to `reporter` unranked (how its words were read), what `rolefit
/// validate` needs.
pub fn check(
    inputs: &[Input],
    catalog: &Catalog,
    unknown_tags: answers::UnknownTags,
    surveys: &Surveys,
    reporter: &mut Reporter<'_>,
    out: &mut dyn io::Write,
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
    let renderer = reporter.renderer();
    let destination = Destination {
        reporter: Some(reporter),
        out,
    };
    execute(inputs, &options, Some(renderer), destination)
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
                notices(&rows, destination);
                stream_rows(rows, &mut chunk, &mut |jobs| {
                    pipeline.push(jobs, destination)
                })?
            }
            Input::Stdin(Format::Csv) => {
                let options = pipeline.options;
                let rows = options.surveys.take_stdin(options.catalog);
                notices(&rows, destination);
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

/// A survey's notes on its columns, for the reports that show them.
fn notices(rows: &Result<Rows, Located>, destination: &mut Destination<'_, '_, '_>) {
    if let (Ok(rows), Some(reporter)) = (rows, destination.reporter.as_deref_mut()) {
        for note in &rows.notes {
            reporter.notice(note);
        }
    }
}

/// A spinner counting answer sets read; hidden when `quiet`, when stderr
/// is not a terminal, or when no input is a stream and there are fewer
/// than `MIN_FILES` files.
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
