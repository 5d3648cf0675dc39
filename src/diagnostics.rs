//! The one place that writes to standard error.
//!
//! Everything a person should read beside the data (errors, warnings,
//! notes, the closing count) goes through these functions:
//!
//! - [`error`] for a failed input (`rolefit: error: …`, always shown);
//!   [`error_text`] for a failure that is not about one input.
//! - [`warning`] for something scored anyway. Warnings of one kind (the
//!   same message, location left out) are spelled out for the first
//!   [`SPELLED_OUT`] of a run; the rest are counted, and [`closing`] says
//!   `warning: 4,997 more like this: <message>` once per kind.
//! - [`note`] for what a person may want to know (a skipped subfolder).
//! - [`closing`] at the end of a batch: the summaries, then
//!   `rolefit: 7 scored, 1 failed, 2 warnings` (`validate`: `7 ok, …`).
//!
//! `--quiet` ([`set_quiet`]) silences warnings and notes, never errors.
//! A progress bar registered with [`set_progress`] is hidden while a line is
//! written. A closed or failing standard error is ignored: the run goes on,
//! its output is written whole and its exit code is unchanged.

use std::collections::HashMap;
use std::fmt::Display;
use std::io::Write;
use std::sync::{Mutex, MutexGuard};

use crate::error::Located;

/// How many warnings of one kind are written out before they are counted.
pub const SPELLED_OUT: usize = 3;

#[derive(Default)]
struct State {
    quiet: bool,
    warnings: usize,
    /// Warnings per kind, and the order kinds first appeared in.
    kinds: HashMap<String, usize>,
    order: Vec<String>,
    progress: Option<indicatif::ProgressBar>,
}

static STATE: Mutex<Option<State>> = Mutex::new(None);

fn state() -> MutexGuard<'static, Option<State>> {
    // A panic elsewhere must not silence diagnostics.
    STATE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn with_state<T>(body: impl FnOnce(&mut State) -> T) -> T {
    body(state().get_or_insert_with(State::default))
}

/// Writes one line, hiding the progress bar meanwhile; a failure to write
/// is ignored on purpose (see the module doc).
fn write_line(state: &State, line: std::fmt::Arguments<'_>) {
    let write = || {
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    };
    match &state.progress {
        Some(bar) => bar.suspend(write),
        None => write(),
    }
}

/// `--quiet`: no warnings and no notes (errors are still written).
pub fn set_quiet(quiet: bool) {
    with_state(|s| s.quiet = quiet);
}

/// A progress bar to hide while lines are written (None to forget it).
pub fn set_progress(bar: Option<indicatif::ProgressBar>) {
    with_state(|s| s.progress = bar);
}

/// An input that failed, with its place.
pub fn error(problem: &Located) {
    with_state(|s| write_line(s, format_args!("rolefit: error: {problem}")));
}

/// A failure not tied to one input (the command as a whole failed).
pub fn error_text(message: &dyn Display) {
    with_state(|s| write_line(s, format_args!("rolefit: error: {message}")));
}

/// Something that was scored anyway; counted, and summarised by kind.
pub fn warning(problem: &Located) {
    with_state(|s| {
        s.warnings += 1;
        let seen = match s.kinds.get_mut(&problem.message) {
            Some(count) => {
                *count += 1;
                *count
            }
            None => {
                s.kinds.insert(problem.message.clone(), 1);
                s.order.push(problem.message.clone());
                1
            }
        };
        if !s.quiet && seen <= SPELLED_OUT {
            write_line(s, format_args!("rolefit: warning: {problem}"));
        }
    });
}

/// Something worth knowing that is not a problem.
pub fn note(message: &dyn Display) {
    with_state(|s| {
        if !s.quiet {
            write_line(s, format_args!("rolefit: note: {message}"));
        }
    });
}

/// Warnings so far in this run.
pub fn warnings() -> usize {
    with_state(|s| s.warnings)
}

/// Ends a batch: one line per kind of warning that was not spelled out in
/// full, then the count of what happened (when anything but clean scoring
/// did). `done` says what happened to the inputs that did not fail
/// (`scored`, or `ok` when only checking). Forgets the warnings, so a next
/// batch in the process starts anew.
pub fn closing(done: &str, ok: usize, failed: usize) {
    with_state(|s| {
        if !s.quiet {
            for kind in &s.order {
                let count = s.kinds[kind];
                if count > SPELLED_OUT {
                    let more = thousands(count - SPELLED_OUT);
                    let kind = crate::text::escape_control(kind);
                    write_line(
                        s,
                        format_args!("rolefit: warning: {more} more like this: {kind}"),
                    );
                }
            }
        }
        let warnings = s.warnings;
        if failed > 0 || (warnings > 0 && !s.quiet) {
            write_line(
                s,
                format_args!("rolefit: {}", closing_line(done, ok, failed, warnings)),
            );
        }
        s.warnings = 0;
        s.kinds.clear();
        s.order.clear();
    });
}

/// `7 scored, 1 failed, 2 warnings`
pub fn closing_line(done: &str, ok: usize, failed: usize, warnings: usize) -> String {
    let plural = if warnings == 1 { "warning" } else { "warnings" };
    format!(
        "{} {done}, {} failed, {} {plural}",
        thousands(ok),
        thousands(failed),
        thousands(warnings)
    )
}

/// `4997` → `4,997`: counts in messages are read by people.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(4_997), "4,997");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(
            closing_line("scored", 7, 1, 1),
            "7 scored, 1 failed, 1 warning"
        );
    }
}
