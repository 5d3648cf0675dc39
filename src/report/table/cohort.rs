//! The cohort's tables: each respondent's best match and runner-up, then
//! how many people each role fits best and the most common gaps.

use std::io::{self, Write};

use crate::catalog::Catalog;
use crate::report::cohort::{COMMON_GAPS, Cohort, InputsSeen, failure_lines, inputs_failed};
use crate::report::grid::{align_right, new_table};
use crate::report::numbers::percent;
use crate::report::theme::Theme;
use crate::report::ties::{COHORT_TIE_NOTE, no_match_line, tie_mark};
use crate::text::escape_control;

pub(crate) fn cohort(
    catalog: &Catalog,
    cohort: &Cohort<'_>,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    let role_name = |role: usize| escape_control(&catalog.roles[role].name).into_owned();
    if !cohort.anonymous {
        let mut table = new_table(
            theme,
            vec!["Respondent", "Best match", "Score", "Runner-up", "Score"],
        );
        for row in cohort.rows.iter().filter(|row| row.best.is_some()) {
            let (best, best_score) = row
                .best
                .map_or((String::new(), None), |(r, s)| (role_name(r), Some(s)));
            let (next, next_score) = row
                .runner_up
                .map_or((String::new(), None), |(r, s)| (role_name(r), Some(s)));
            table.add_row(vec![
                escape_control(&row.id).into_owned(),
                best,
                tie_mark(row.best_tied, percent(best_score)),
                next,
                tie_mark(row.best_tied, percent(next_score)),
            ]);
        }
        align_right(&mut table, &[2, 4]);
        writeln!(out, "{}\n", table.trim_fmt())?;
        if cohort.rows.iter().any(|row| row.best_tied) {
            writeln!(
                out,
                "{}\n",
                crate::text::wrap(COHORT_TIE_NOTE, theme.width, "")
            )?;
        }
    }
    if let Some(line) = no_match_line(cohort) {
        writeln!(
            out,
            "{}\n",
            crate::text::wrap(&escape_control(&line), theme.width, "")
        )?;
    }

    let scored = cohort.scored;
    let mut summary = format!(
        "{} {} scored",
        theme.bold("Cohort:"),
        crate::text::count(scored, "respondent", "respondents")
    );
    if cohort.failed_inputs > 0 {
        summary.push_str(&format!(", {}", inputs_failed(cohort.failed_inputs)));
    }
    writeln!(out, "{summary}\n")?;
    if !cohort.notes.is_empty() {
        for line in &cohort.notes {
            writeln!(out, "{}", bullet(line, theme.width))?;
        }
        writeln!(out)?;
    }
    inputs_seen(cohort.inputs, theme, out)?;
    let mut best = new_table(theme, vec!["Best match", "People", "Share"]);
    for &(role, count) in &cohort.best_counts {
        best.add_row(vec![
            role_name(role),
            count.to_string(),
            format!(
                "{} {:>4}",
                theme.bar(count as f64 / scored as f64, 10),
                percent(Some(count as f64 / scored as f64))
            ),
        ]);
    }
    align_right(&mut best, &[1]);
    writeln!(out, "{}\n", best.trim_fmt())?;
    if !cohort.common_gaps.is_empty() {
        let mut gaps = new_table(theme, vec!["Most common gap in the best match", "People"]);
        for &(tag, count) in cohort.common_gaps.iter().take(COMMON_GAPS) {
            gaps.add_row(vec![
                escape_control(&catalog.tags[tag].name).into_owned(),
                count.to_string(),
            ]);
        }
        align_right(&mut gaps, &[1]);
        writeln!(out, "{}", gaps.trim_fmt())?;
    }
    if !cohort.groups.is_empty() {
        writeln!(out)?;
        crate::report::blocks::write_terminal(&cohort.groups, theme, out)?;
    }
    Ok(())
}

/// The inputs that failed, each named with why: nobody is left out unseen.
pub(crate) fn inputs_seen(
    inputs: InputsSeen<'_>,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    let count = inputs.failed_count;
    if count > 0 {
        writeln!(
            out,
            "{} (not scored):",
            theme.bold(&capitalised(&inputs_failed(count)))
        )?;
        for line in failure_lines(inputs.failed, count) {
            writeln!(out, "{}", bullet(&line, theme.width))?;
        }
        writeln!(out)?;
    }
    if !inputs.notices.is_empty() {
        writeln!(out, "{}", theme.bold("About the inputs:"))?;
        for notice in inputs.notices {
            writeln!(out, "{}", bullet(notice, theme.width))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// `  - text`, wrapped to `width` under its first word.
pub(crate) fn bullet(text: &str, width: usize) -> String {
    let wrapped = crate::text::wrap(text, width, "    ");
    format!("  - {}", wrapped.strip_prefix("    ").unwrap_or(&wrapped))
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
