//! The one place that writes to standard error.
//!
//! Everything a person should read beside the data (errors, warnings,
//! notes, the closing count) goes through these functions:
//!
//! - [`error`] for a failed input (`rolefit: error: …`, always shown);
//!   [`error_text`] for a failure that is not about one input.
//! - [`warning`] for something scored anyway. Warnings of one kind (the
//!   same message once its place and values are left out: see [`kind_of`])
//!   are spelled out for the first [`SPELLED_OUT`] of a run; the rest are
//!   counted, and [`closing`] says `warning: 4,997 more like this: <kind>`
//!   once per kind.
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

/// Something that was scored anyway; counted, and summarised by kind
/// ([`kind_of`] its message).
pub fn warning(problem: &Located) {
    warning_of_kind(problem, &kind_of(&problem.message));
}

/// A warning whose kind its message does not show: `kind` is said in the
/// summary of those not spelled out.
pub fn warning_of_kind(problem: &Located, kind: &str) {
    with_state(|s| {
        s.warnings += 1;
        let seen = match s.kinds.get_mut(kind) {
            Some(count) => {
                *count += 1;
                *count
            }
            None => {
                s.kinds.insert(kind.to_string(), 1);
                s.order.push(kind.to_string());
                1
            }
        };
        if !s.quiet && seen <= SPELLED_OUT {
            write_line(s, format_args!("rolefit: warning: {problem}"));
        }
    });
}

/// The kind of a warning: its message with each value left out, a quoted
/// text becoming `"…"` and a number `N` (a number inside a word, as in
/// `utf8`, stays). `"Go" repeats goal "go"; counted once` and
/// `"SRE" repeats goal "sre"; counted once` are one kind.
pub fn kind_of(message: &str) -> String {
    let mut kind = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(c) = rest.chars().next() {
        let after_word = kind
            .chars()
            .next_back()
            .is_some_and(|p| p.is_alphanumeric() || p == '_');
        if c == '"' {
            kind.push_str("\"…\"");
            rest = &rest[quoted_len(rest)..];
        } else if c.is_ascii_digit() && !after_word {
            kind.push('N');
            rest = &rest[number_len(rest)..];
        } else {
            kind.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    kind
}

/// Bytes of the quoted text `text` starts with, quotes included (all of
/// `text` when it is not closed); `\"` and `\\` inside are escapes.
fn quoted_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    text.len()
}

/// Bytes of the number `text` starts with: digits, with a `.` or `,`
/// between two of them (`4.5`, `1,234`).
fn number_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let digit_next = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        match bytes[i] {
            b'0'..=b'9' => i += 1,
            b'.' | b',' if i > 0 && digit_next => i += 1,
            _ => break,
        }
    }
    i
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
    let plural = crate::text::noun(warnings, "warning", "warnings");
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

    #[test]
    fn a_kind_leaves_out_quoted_values_and_numbers() {
        let kind = kind_of(
            r#""AlERt TriAgE" repeats "alert triage" from strengths[12]; counted once at level 4"#,
        );
        assert_eq!(
            kind,
            r#""…" repeats "…" from strengths[N]; counted once at level N"#
        );
        assert_eq!(
            kind_of(r#""a \"b\" c" repeats goal "x"; counted once"#),
            r#""…" repeats goal "…"; counted once"#
        );
        assert_eq!(
            kind_of("… and 1,234 more like these (4.5 a utf8 x86_64)"),
            "… and N more like these (N a utf8 x86_64)"
        );
        assert_eq!(
            kind_of("work_style is ignored on the competency path"),
            "work_style is ignored on the competency path"
        );
        assert_eq!(kind_of(r#"unclosed "quote"#), r#"unclosed "…""#);
    }
}
