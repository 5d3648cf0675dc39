//! The cohort's tables: each respondent's best match and runner-up, then
//! how many people each role fits best and the most common gaps.

use std::io::{self, Write};

use crate::catalog::Catalog;
use crate::report::cohort::{
    COMMON_GAPS, Cohort, CohortRow, InputsSeen, Widths, failure_lines, inputs_failed, words_cell,
};
use crate::report::grid::{align_right, fix_widths, new_table, new_table_without_header};
use crate::report::numbers::percent;
use crate::report::theme::Theme;
use crate::report::ties::{COHORT_TIE_NOTE, no_match_line, tie_mark};
use crate::text::escape_control;

const HEADER: [&str; 6] = [
    "Person",
    "Best match",
    "Score",
    "Runner-up",
    "Score",
    "Words",
];

/// A chunk of the cohort's table: each respondent with a best match, its
/// score and the runner-up. The first chunk writes the header and fixes
/// the columns' widths, so later chunks line up under it.
pub(crate) fn rows(
    catalog: &Catalog,
    rows: &[CohortRow],
    widths: &mut Widths,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    let role_name = |role: usize| escape_control(&catalog.roles[role].name).into_owned();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .filter(|row| row.best.is_some())
        .map(|row| {
            let (best, best_score) = row
                .best
                .map_or((String::new(), None), |(r, s)| (role_name(r), Some(s)));
            let (next, next_score) = row
                .runner_up
                .map_or((String::new(), None), |(r, s)| (role_name(r), Some(s)));
            vec![
                escape_control(&row.id).into_owned(),
                best,
                tie_mark(row.best_tied, percent(best_score)),
                next,
                tie_mark(row.best_tied, percent(next_score)),
                words_cell(row.words),
            ]
        })
        .collect();
    let first = widths.is_none();
    let widths = widths.get_or_insert_with(|| fitted_widths(&cells, theme.width));
    let mut table = if first {
        new_table(theme, HEADER.to_vec())
    } else {
        new_table_without_header(theme)
    };
    table.add_rows(cells);
    fix_widths(&mut table, widths);
    align_right(&mut table, &[2, 4, 5]);
    if first || table.row_count() > 0 {
        writeln!(out, "{}", table.trim_fmt())?;
    }
    Ok(())
}

/// The role columns narrow to this (the runner-up's first) before the
/// person's narrows.
const ROLES_KEPT: usize = 16;

/// The columns' widths for `cells` under the header: each as wide as its
/// widest cell, and when that is wider than `room`, the text columns
/// (person, best match, runner-up) give way: the runner-up first, then the
/// best match, then the widest.
fn fitted_widths(cells: &[Vec<String>], room: usize) -> Vec<u16> {
    let mut widths: Vec<usize> = HEADER.iter().map(|h| crate::text::width(h)).collect();
    for row in cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(crate::text::width(cell));
        }
    }
    // One space after each column. The runner-up gives way first, then
    // the best match, down to a few words' width each: the person's id is
    // what the row is found by; then the widest.
    while widths.iter().sum::<usize>() + widths.len() > room {
        let widest = if widths[3] > ROLES_KEPT {
            3
        } else if widths[1] > ROLES_KEPT {
            1
        } else {
            [0, 1, 3]
                .into_iter()
                .max_by_key(|&i| (widths[i], i))
                .unwrap_or(0)
        };
        if widths[widest] <= 8 {
            break;
        }
        widths[widest] -= 1;
    }
    widths
        .into_iter()
        .map(|w| u16::try_from(w).unwrap_or(u16::MAX))
        .collect()
}

/// After the rows: the notes on ties and on no match, and the cohort's
/// counts.
pub(crate) fn summary(
    catalog: &Catalog,
    cohort: &Cohort<'_>,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    let role_name = |role: usize| escape_control(&catalog.roles[role].name).into_owned();
    if !cohort.anonymous {
        // The blank line after the people's table.
        writeln!(out)?;
        if cohort.any_tied {
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
    own_words(&cohort.words, theme, out)?;
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

/// What the people's own words were read as: the headline after `Own
/// words:`, the rest as bullets.
fn own_words(lines: &[String], theme: Theme, out: &mut dyn Write) -> io::Result<()> {
    let Some((head, rest)) = lines.split_first() else {
        return Ok(());
    };
    let label = "Own words:";
    let text = crate::text::wrap(
        &format!("{label} {}", escape_control(head)),
        theme.width,
        "",
    );
    let text = text.replacen(label, &theme.bold(label), 1);
    writeln!(out, "{text}")?;
    for line in rest {
        writeln!(out, "{}", bullet(&escape_control(line), theme.width))?;
    }
    writeln!(out)
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
