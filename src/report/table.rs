//! The table a person reads: the ranking, then the best match's profile.

use std::io::{self, Write};

use comfy_table::{
    CellAlignment, ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle,
};

use super::{Cohort, Theme, percent, profile};
use crate::catalog::Catalog;
use crate::score::{RoleScore, Scored, explain, ten_thousandths};
use crate::text::escape_control;

/// A table with only a rule under the header: light on the eye, and it
/// copies cleanly into tickets.
pub fn new_table(theme: Theme, header: Vec<&str>) -> Table {
    let rule = if theme.unicode { '─' } else { '-' };
    let mut table = Table::new();
    table
        .load_style(TableStyle::new().header_separator(LineStyle::none().fill(rule)))
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(theme.width).unwrap_or(u16::MAX))
        .set_header(header);
    // One space between columns: the ranking must fit 80 columns.
    for column in table.column_iter_mut() {
        column.set_padding((0, 1));
    }
    if theme.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// Keeps every column but `flexible` at its content width, so only that
/// one wraps when the terminal is narrow.
pub fn wrap_only(table: &mut Table, flexible: usize) {
    for (i, column) in table.column_iter_mut().enumerate() {
        if i != flexible {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}

/// Right-aligns the columns that hold numbers.
pub fn align_right(table: &mut Table, columns: &[usize]) {
    for &c in columns {
        if let Some(column) = table.column_mut(c) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// The ranking of one respondent.
pub fn ranking(catalog: &Catalog, scored: &Scored, theme: Theme) -> Table {
    let r = &scored.respondent;
    let path = &catalog.paths[r.path];
    // Only the components the path assesses get a column.
    let competency = path.assesses_competency();
    let style = path.assesses_work_style();
    let mut header = vec!["#", "Role", "Family", "Score"];
    if competency {
        header.extend(["Skills", "Growth"]);
    }
    if style {
        header.push("Style");
    }
    if competency {
        header.push("Tags");
    }
    let mut table = new_table(theme, header);
    let ranks = rank_labels(&scored.ranking);
    // The table fills 80 columns with ranks of two characters; a wider
    // rank (`=10`) takes its room from the bars, not from the role names.
    let rank_width = ranks.iter().map(String::len).max().unwrap_or(0);
    let bar_cells = 6usize.saturating_sub(rank_width.saturating_sub(2)).max(3);
    for (s, rank) in scored.ranking.iter().zip(ranks) {
        let role = &catalog.roles[s.role];
        let mut row = vec![
            rank,
            escape_control(&role.name).into_owned(),
            escape_control(&catalog.families[role.family].name).into_owned(),
            format!(
                "{:>4} {}",
                percent(Some(s.score)),
                theme.bar(s.score, bar_cells)
            ),
        ];
        if competency {
            row.extend([percent(s.competency), percent(s.growth)]);
        }
        if style {
            row.push(percent(s.work_style));
        }
        if competency {
            let matched = explain(catalog, r, s).matched.len();
            row.push(format!("{matched}/{}", role.tags.len()));
        }
        table.add_row(row);
    }
    let numeric: Vec<usize> = std::iter::once(0).chain(4..table.column_count()).collect();
    align_right(&mut table, &numeric);
    wrap_only(&mut table, 1);
    table
}

/// What the columns of [`ranking`] mean, for the path's columns only.
fn legend(catalog: &Catalog, scored: &Scored) -> String {
    let path = &catalog.paths[scored.respondent.path];
    let mut parts: Vec<&str> = Vec::new();
    if path.assesses_competency() {
        parts.push("Skills: your strengths among the role's tags. Growth: your goals among them.");
    }
    if path.assesses_work_style() {
        parts.push("Style: how your work style fits the role.");
    }
    parts.join(" ")
}

/// The rank column: the place, or `=N` for a role whose score (to 4
/// decimals) equals a neighbour's, N being the first place of that score.
pub fn rank_labels(ranking: &[RoleScore]) -> Vec<String> {
    let mut first_of_score = 1;
    ranking
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let same_as_previous =
                i > 0 && ten_thousandths(ranking[i - 1].score) == ten_thousandths(s.score);
            if !same_as_previous {
                first_of_score = i + 1;
            }
            if s.tied {
                format!("={first_of_score}")
            } else {
                (i + 1).to_string()
            }
        })
        .collect()
}

/// How tied roles are ordered, naming only what the path assesses.
pub fn tie_note(catalog: &Catalog, scored: &Scored) -> &'static str {
    let path = &catalog.paths[scored.respondent.path];
    match (path.assesses_competency(), path.assesses_work_style()) {
        (true, true) => {
            "=N: tied on score; tied roles are ordered by skills, then style, then role id."
        }
        (true, false) => "=N: tied on score; tied roles are ordered by skills, then role id.",
        _ => "=N: tied on score; tied roles are ordered by role id.",
    }
}

/// The people of a cohort with no best match, listed apart: they count in
/// neither the best matches nor the gaps.
pub(crate) fn no_match_line(cohort: &Cohort<'_>) -> Option<String> {
    let ids: Vec<&str> = cohort
        .rows
        .iter()
        .filter(|row| row.best.is_none())
        .map(|row| row.id.as_str())
        .collect();
    (!ids.is_empty()).then(|| {
        format!(
            "No match (every role scored 0%; not counted below): {}",
            ids.join(", ")
        )
    })
}

/// A score with `=` before it when it is tied.
pub(crate) fn tie_mark(tied: bool, score: String) -> String {
    if tied { format!("={score}") } else { score }
}

/// Under a cohort whose best match ties with the runner-up for someone.
pub(crate) const COHORT_TIE_NOTE: &str = "=: the best match and the runner-up are tied on \
    score; the first in tie order (skills, then style, then role id) counts as the best match.";

/// What stands in for the best match when every role scored 0.
pub const NO_MATCH_NOTE: &str = "No best match: every role scored 0%, so the order above is \
    only the order of ties, not a fit. Add strengths, goals or work-style answers \
    (`rolefit template` lists them).";

pub fn single(
    catalog: &Catalog,
    scored: &Scored,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    let r = &scored.respondent;
    let path = &catalog.paths[r.path];
    writeln!(
        out,
        "{} {} · {} path",
        theme.bold("Ranking for"),
        theme.bold(&escape_control(&r.id)),
        escape_control(&path.id)
    )?;
    if !path.assesses_competency() {
        writeln!(out)?;
        out.write_all(profile::own_work_style(catalog, r, theme).as_bytes())?;
    }
    writeln!(out)?;
    writeln!(out, "{}", ranking(catalog, scored, theme).trim_fmt())?;
    let legend = legend(catalog, scored);
    writeln!(
        out,
        "{}",
        theme.dim(&crate::text::wrap(&legend, theme.width, ""))
    )?;
    if scored.ranking.iter().any(|s| s.tied) {
        let note = tie_note(catalog, scored);
        writeln!(
            out,
            "{}",
            theme.dim(&crate::text::wrap(note, theme.width, ""))
        )?;
    }
    if scored.no_match() {
        writeln!(
            out,
            "\n{}",
            crate::text::wrap(NO_MATCH_NOTE, theme.width, "")
        )?;
    }
    if !scored.focus.is_empty() {
        for focus in &scored.focus {
            writeln!(out)?;
            out.write_all(profile::focus_profile(catalog, r, focus, theme).as_bytes())?;
        }
    } else if let Some(best) = scored.best() {
        writeln!(out)?;
        out.write_all(profile::fit_profile(catalog, r, best, theme).as_bytes())?;
    } else if scored.ranking.is_empty() {
        writeln!(out, "\nNo role is in the families chosen.")?;
    }
    Ok(())
}

pub(crate) fn cohort(
    catalog: &Catalog,
    cohort: &Cohort<'_>,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    let role_name = |role: usize| escape_control(&catalog.roles[role].name).into_owned();
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
    if let Some(line) = no_match_line(cohort) {
        writeln!(
            out,
            "{}\n",
            crate::text::wrap(&escape_control(&line), theme.width, "")
        )?;
    }

    let scored = cohort.rows.len();
    let mut summary = format!("{} {scored} respondents scored", theme.bold("Cohort:"));
    if cohort.failed_inputs > 0 {
        summary.push_str(&format!(", {} inputs failed", cohort.failed_inputs));
    }
    writeln!(out, "{summary}\n")?;
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
        for &(tag, count) in cohort.common_gaps.iter().take(5) {
            gaps.add_row(vec![
                escape_control(&catalog.tags[tag].name).into_owned(),
                count.to_string(),
            ]);
        }
        align_right(&mut gaps, &[1]);
        writeln!(out, "{}", gaps.trim_fmt())?;
    }
    Ok(())
}
