//! `rolefit validate`: check the catalog and answer files.
//!
//! The catalog was loaded (and so checked) before this runs: a broken one
//! has already ended the command with exit code 2. Answer files go through
//! the same pipeline as `score`, in its checking mode ([`batch::check`]):
//! read, parsed and resolved, not scored.
//! So the messages and exit codes are the same: each problem on stderr
//! with its file and line, 1 when some inputs fail, 2 for usage errors.
//! On standard output, each answer set with a word that was not an exact
//! catalog name says how its words were read ([`Readings`]); nothing is
//! printed of the ranking.

use std::io::{self, IsTerminal, Write};

use crate::batch::{self, Summary};
use crate::catalog::Catalog;
use crate::cli::ValidateArgs;
use crate::error::{Error, Located, Result};
use crate::report::{FormatWriter, Rendered, Renderer, Reporter};
use crate::text::escape_control;

/// `validate`'s writer: for each answer set with a word that was not an
/// exact catalog name, where it is and how each such word was read (see
/// [`crate::report::words::readings`]).
struct Readings<'c> {
    catalog: &'c Catalog,
    unicode: bool,
    /// The lines are wrapped to this many columns.
    width: usize,
}

/// The lines of one answer set, headed by where it is and its id.
fn readings_text(catalog: &Catalog, r: &crate::answers::Respondent, arrow: &str) -> String {
    let lines = crate::report::words::readings(catalog, r, arrow);
    if lines.is_empty() {
        return String::new();
    }
    let place = match &r.at {
        Some(at) => format!("{} {at}", r.source),
        None => r.source.clone(),
    };
    let mut text = format!("{} ({}):\n", escape_control(&place), escape_control(&r.id));
    for line in lines {
        text.push_str(&format!("  {line}\n"));
    }
    text
}

impl<'c> FormatWriter<'c> for Readings<'c> {
    fn renderer(&self) -> Renderer<'c> {
        let render: fn(&Catalog, crate::score::Scored) -> Rendered = if self.unicode {
            |catalog, scored| Rendered::Text(readings_text(catalog, &scored.respondent, "\u{2192}"))
        } else {
            |catalog, scored| Rendered::Text(readings_text(catalog, &scored.respondent, "->"))
        };
        Renderer::new(self.catalog, render)
    }

    fn emit(&mut self, rendered: Rendered, out: &mut dyn Write) -> io::Result<()> {
        let Rendered::Text(text) = rendered else {
            return Ok(());
        };
        for line in text.lines() {
            match line.strip_prefix("  ") {
                // A reading, wrapped under its first word.
                Some(reading) => {
                    let wrapped = crate::text::wrap(reading, self.width, "    ");
                    writeln!(out, "  {}", wrapped.trim_start())?
                }
                None => writeln!(out, "{line}")?,
            }
        }
        Ok(())
    }

    fn error(&mut self, _problems: &[Located], _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn finish(self: Box<Self>, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

pub fn validate(catalog: &Catalog, args: &ValidateArgs) -> Result<()> {
    let (mut inputs, missing) =
        batch::gather(&args.inputs, args.reading.jsonl, args.reading.recursive)?;
    let surveys = crate::survey::Surveys::for_inputs(
        &mut inputs,
        args.reading.csv,
        args.reading.columns.as_deref(),
        catalog,
    )?;
    for problem in &missing {
        crate::diagnostics::error(problem);
    }
    let mut out = crate::output::Stdout::new();
    let summary = if inputs.is_empty() {
        Summary::default()
    } else {
        let terminal = std::io::stdout().is_terminal();
        let theme = crate::output::theme(crate::output::ColorChoice::Never, terminal);
        let mut reporter = Reporter::with_writer(Box::new(Readings {
            catalog,
            unicode: theme.unicode,
            width: theme.width,
        }));
        let unknown = args.reading.unknown_tags;
        batch::check(&inputs, catalog, unknown, &surveys, &mut reporter, &mut out)
            .map_err(Error::Output)?
    };
    let failed = summary.failed + missing.len();
    if !args.inputs.is_empty() && failed == 0 && summary.scored == 0 {
        return Err(Error::Usage(
            "no answer files found in the inputs given".into(),
        ));
    }
    let line = report_line(catalog, !args.inputs.is_empty(), summary.scored, failed);
    writeln!(out, "{line}").map_err(Error::Output)?;
    crate::diagnostics::closing("ok", summary.scored, failed);
    if failed > 0 {
        return Err(Error::SomeInputsFailed {
            failed,
            total: failed + summary.scored,
        });
    }
    Ok(())
}

/// `catalog ok (<built-in roles.yaml>): 24 roles in 4 families, 72 tags; 7 answer sets ok`
fn report_line(catalog: &Catalog, had_inputs: bool, ok: usize, failed: usize) -> String {
    let plural = crate::text::count;
    let mut line = format!(
        "catalog ok ({}): {} in {}, {}",
        escape_control(&catalog.source),
        plural(catalog.roles.len(), "role", "roles"),
        plural(catalog.families.len(), "family", "families"),
        plural(catalog.tags.len(), "tag", "tags"),
    );
    if had_inputs {
        let sets = plural(ok + failed, "answer set", "answer sets");
        if failed == 0 {
            line.push_str(&format!("; {sets} ok"));
        } else {
            line.push_str(&format!("; {ok} of {sets} ok"));
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_line_counts() {
        let catalog = Catalog::builtin().unwrap();
        assert_eq!(
            report_line(&catalog, false, 0, 0),
            format!(
                "catalog ok (<built-in roles.yaml>): {} roles in {} families, {} tags",
                catalog.roles.len(),
                catalog.families.len(),
                catalog.tags.len()
            )
        );
        assert!(report_line(&catalog, true, 1, 0).ends_with("; 1 answer set ok"));
        assert!(report_line(&catalog, true, 2, 1).ends_with("; 2 of 3 answer sets ok"));
    }
}
