//! Writing a batch's results in input order while the next chunk is
//! scored in parallel, and the counts and shared-id warnings on the way.

use std::io;

use rayon::prelude::*;

use super::ids;
use super::job::{Done, Job, Options, Outcome, process};
use super::stream::CHUNK;
use crate::answers::Input;
use crate::diagnostics;
use crate::error::Located;
use crate::report::{Renderer, Reporter};

/// Counts of a finished batch.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub scored: usize,
    pub failed: usize,
}

/// Smaller chunks are scored on the calling thread.
const PARALLEL_FROM: usize = 8;

/// Where results go; checking writes none.
pub(super) struct Destination<'r, 'c, 'w> {
    pub(super) reporter: Option<&'r mut Reporter<'c>>,
    pub(super) out: &'w mut dyn io::Write,
}

/// Scores one chunk on the thread pool while the chunk before it is
/// written: writing keeps input order and runs on this thread, scoring
/// runs everywhere else.
pub(super) struct Pipeline<'o, 'c> {
    pub(super) inputs: &'o [Input],
    pub(super) options: &'o Options<'c>,
    /// None when only checking.
    pub(super) renderer: Option<Renderer<'c>>,
    /// Outcomes scored but not yet written, in input order.
    pub(super) written: Vec<Outcome>,
    pub(super) summary: Summary,
    pub(super) progress: indicatif::ProgressBar,
    /// Every id written so far, with where it came from: two answer sets
    /// with one id would be told apart by nobody.
    pub(super) ids: ids::SeenIds,
    /// The input of each outcome written.
    pub(super) input_of: ids::InputOf,
}

impl Pipeline<'_, '_> {
    pub(super) fn push(
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
    pub(super) fn write(
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
