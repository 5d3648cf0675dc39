//! The interview's order: a state machine over steps that can go back,
//! driven through a [`Prompter`](super::prompt::Prompter).
//!
//! Steps run path → families → strengths → their levels (one screen) →
//! growth goals → work-style statements → name; a step that does not apply
//! (a question the command line already answered, competency questions on
//! the `work-style` path, …) is skipped. Esc returns to the step asked
//! before; Esc at the first step asked leaves the interview.
//!
//! This file runs the steps one after another and shows the progress
//! lines. Its parts, each using only those before it: `state`,
//! `questions`, `outcome`.

mod outcome;
mod questions;
mod state;

pub use outcome::Outcome;
pub use state::{Earlier, Preset};

use crate::catalog::Catalog;
use crate::error::{Error, Result};

use super::prompt::Prompter;
use state::{State, Step};

/// Runs the interview to its end, or to Esc at the first step
/// ([`Error::Interrupted`]).
pub fn run(catalog: &Catalog, preset: &Preset, prompter: &mut dyn Prompter) -> Result<Outcome> {
    let mut state = State::new(catalog, preset);
    let mut history: Vec<(Step, String)> = Vec::new();
    let mut current = state.next(None);
    while let Some(step) = current {
        let ask = state.ask(step, history.is_empty());
        match state.put(step, &ask, prompter)? {
            Some(summary) => {
                history.push((step, summary));
                prompter.progress(&progress(&history));
                current = state.next(Some(step));
            }
            None => match history.pop() {
                Some((previous, _)) => {
                    prompter.progress(&progress(&history));
                    current = Some(previous);
                }
                None => return Err(Error::Interrupted),
            },
        }
    }
    state.outcome()
}

/// One line per step answered, the work-style statements as one line.
fn progress(history: &[(Step, String)]) -> Vec<String> {
    let mut lines: Vec<String> = Vec::with_capacity(history.len());
    for (i, (step, summary)) in history.iter().enumerate() {
        let follows_item = i > 0 && matches!(history[i - 1].0, Step::Item(_));
        if matches!(step, Step::Item(_)) && follows_item {
            lines.pop();
        }
        lines.push(summary.clone());
    }
    lines
}

#[cfg(test)]
mod tests;
