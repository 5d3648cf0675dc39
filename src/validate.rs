//! `rolefit validate`: check the catalog and answer files, score nothing.
//!
//! The catalog was loaded (and so checked) before this runs: a broken one
//! has already ended the command with exit code 2. Answer files go through
//! the same pipeline as `score`, in its checking mode ([`batch::check`]):
//! read, parsed and resolved, not scored. So the messages and exit codes
//! are the same: each problem on stderr with its file and line, 1 when some
//! inputs fail, 2 for usage errors.

use std::io::Write;

use crate::batch::{self, Summary};
use crate::catalog::Catalog;
use crate::cli::ValidateArgs;
use crate::error::{Error, Result};
use crate::text::escape_control;

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
    let summary = if inputs.is_empty() {
        Summary::default()
    } else {
        batch::check(&inputs, catalog, args.reading.unknown_tags, &surveys)
            .map_err(Error::Output)?
    };
    let failed = summary.failed + missing.len();
    if !args.inputs.is_empty() && failed == 0 && summary.scored == 0 {
        return Err(Error::Usage(
            "no answer files found in the inputs given".into(),
        ));
    }
    let line = report_line(catalog, !args.inputs.is_empty(), summary.scored, failed);
    writeln!(crate::output::Stdout::new(), "{line}").map_err(Error::Output)?;
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
