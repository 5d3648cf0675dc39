//! The table a person reads: the ranking, then the best match's profile.

use std::io::{self, Write};

use comfy_table::{
    CellAlignment, ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle,
};

use super::cohort::{COMMON_GAPS, Cohort, View};
use super::{Theme, percent, profile};
use crate::catalog::Catalog;
use crate::score::{Scored, explain};
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
    for (i, s) in scored.ranking.iter().enumerate() {
        let role = &catalog.roles[s.role];
        let mut row = vec![
            (i + 1).to_string(),
            escape_control(&role.name).into_owned(),
            escape_control(&catalog.families[role.family].name).into_owned(),
            format!("{:>4} {}", percent(Some(s.score)), theme.bar(s.score, 6)),
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
    let mut parts = Vec::new();
    if path.assesses_competency() {
        parts.push("Skills: your strengths among the role's tags. Growth: your goals among them.");
    }
    if path.assesses_work_style() {
        parts.push("Style: how your work style fits the role.");
    }
    parts.join(" ")
}

/// One respondent in full, or the cohort.
pub(crate) fn write(
    catalog: &Catalog,
    view: View<'_>,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    match view {
        View::Single(scored) => single(catalog, scored, theme, out),
        View::Cohort(rows) => cohort(catalog, &rows, theme, out),
    }
}

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
    if let Some(best) = scored.best() {
        writeln!(out)?;
        out.write_all(profile::fit_profile(catalog, r, best, theme).as_bytes())?;
    } else {
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
    for row in cohort.rows {
        let (best, best_score) = row
            .best
            .map_or((String::new(), None), |(r, s)| (role_name(r), Some(s)));
        let (next, next_score) = row
            .runner_up
            .map_or((String::new(), None), |(r, s)| (role_name(r), Some(s)));
        table.add_row(vec![
            escape_control(&row.id).into_owned(),
            best,
            percent(best_score),
            next,
            percent(next_score),
        ]);
    }
    align_right(&mut table, &[2, 4]);
    writeln!(out, "{}\n", table.trim_fmt())?;

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
        for &(tag, count) in cohort.common_gaps.iter().take(COMMON_GAPS) {
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
