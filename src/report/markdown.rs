//! The report as GitHub-flavoured Markdown: for one respondent the whole
//! report (ranking, fit profile, growth plan), for a cohort a row each and
//! the cohort summary.

use std::io::{self, Write};

use super::cohort::{COMMON_GAPS, Cohort, CohortRow, Drawing, Widths};
use super::numbers::percent;
use super::theme::Theme;
use crate::answers::Respondent;
use crate::catalog::Catalog;
use crate::score::{RoleScore, Scored, explain, growth_plan, level_of};
use crate::text::escape_markdown as cell;

fn row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))
}

/// One respondent in full, or the cohort a chunk of rows at a time.
pub(crate) const DRAWING: Drawing = Drawing {
    single: |catalog, scored, _, out| single(catalog, scored, out),
    rows: cohort_rows,
    summary: |catalog, cohort, _, out| cohort_summary(catalog, cohort, out),
};

pub fn single(catalog: &Catalog, scored: &Scored, out: &mut dyn Write) -> io::Result<()> {
    let r = &scored.respondent;
    writeln!(
        out,
        "### Ranking for {} ({} path)\n",
        cell(&r.id),
        cell(&catalog.paths[r.path].id)
    )?;
    if !catalog.paths[r.path].assesses_competency() {
        own_work_style(catalog, r, out)?;
    }
    ranking(catalog, scored, out)?;
    // Roles asked for with --role replace the best match's profile.
    if !scored.focus.is_empty() {
        for focus in &scored.focus {
            let role = &catalog.roles[focus.score.role];
            let heading = format!(
                "Fit profile: {} ({}, {}, score {})",
                cell(&role.name),
                cell(&catalog.families[role.family].name),
                super::profile::focus_place(focus),
                percent(Some(focus.score.score))
            );
            fit_profile(catalog, r, &focus.score, &heading, out)?;
        }
        return Ok(());
    }
    match scored.best() {
        Some(best) => {
            let role = &catalog.roles[best.role];
            let heading = format!(
                "Best match: {} ({}, score {})",
                cell(&role.name),
                cell(&catalog.families[role.family].name),
                percent(Some(best.score))
            );
            fit_profile(catalog, r, best, &heading, out)
        }
        // Every score 0: the ranking's note says so.
        None if scored.no_match() => Ok(()),
        None => writeln!(out, "\nNo role is in the families chosen."),
    }
}

/// The ranking table of one respondent.
pub fn ranking(catalog: &Catalog, scored: &Scored, out: &mut dyn Write) -> io::Result<()> {
    let r = &scored.respondent;
    writeln!(
        out,
        "| # | Role | Family | Score | Competency | Growth | Work style | Matched | Gaps |"
    )?;
    writeln!(
        out,
        "|--:|------|--------|------:|-----------:|-------:|-----------:|---------|------|"
    )?;
    let ranks = super::ties::rank_labels(&scored.ranking);
    for (s, rank) in scored.ranking.iter().zip(ranks) {
        let role = &catalog.roles[s.role];
        let why = explain(catalog, r, s);
        let matched: Vec<String> = why
            .matched
            .iter()
            .map(|&(t, level)| format!("{} ({level})", cell(&catalog.tags[t].name)))
            .collect();
        let gaps: Vec<String> = why
            .gaps
            .iter()
            .map(|&t| cell(&catalog.tags[t].name))
            .collect();
        row(
            out,
            &[
                rank,
                cell(&role.name),
                cell(&catalog.families[role.family].id),
                percent(Some(s.score)),
                percent(s.competency),
                percent(s.growth),
                percent(s.work_style),
                matched.join(", "),
                gaps.join(", "),
            ],
        )?;
    }
    if scored.ranking.iter().any(|s| s.tied) {
        writeln!(out, "\n{}", super::ties::tie_note(catalog, scored))?;
    }
    if scored.no_match() {
        writeln!(out, "\n{}", super::ties::NO_MATCH_NOTE)?;
    }
    Ok(())
}

/// The person's own answer on each axis, with what its ends mean.
pub fn own_work_style(catalog: &Catalog, r: &Respondent, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "#### Your work-style profile\n")?;
    writeln!(out, "| Axis | You (1-5) | 1 means | 5 means |")?;
    writeln!(out, "|------|----------:|---------|---------|")?;
    for (a, axis) in catalog.axes.iter().enumerate() {
        row(
            out,
            &[
                cell(&axis.name),
                r.work_style[a].map_or_else(|| "not answered".into(), super::profile::axis_value),
                cell(&axis.low),
                cell(&axis.high),
            ],
        )?;
    }
    writeln!(out)
}

/// A role's fit profile for the person under `heading` (already escaped):
/// summary, detail, tags matched or missing, the axes side by side, the
/// behaviours, and (for a role with gaps) the growth plan.
pub fn fit_profile(
    catalog: &Catalog,
    r: &Respondent,
    score: &RoleScore,
    heading: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let role = &catalog.roles[score.role];
    writeln!(out, "\n### {heading}\n")?;
    writeln!(out, "{}\n\n{}\n", cell(&role.summary), cell(&role.detail))?;

    writeln!(out, "**Competency focus**\n")?;
    let assessed = score.competency.is_some();
    for &tag in &role.tags {
        let name = cell(&catalog.tags[tag].name);
        match level_of(r, tag).filter(|_| assessed) {
            Some(level) => writeln!(out, "- [x] {name} (level {level} of 5)")?,
            None if assessed => writeln!(out, "- [ ] {name}")?,
            None => writeln!(out, "- {name}")?,
        }
    }

    let assessed_style = catalog.paths[r.path].assesses_work_style();
    if assessed_style {
        writeln!(out, "\n**Work style: you and the role**\n")?;
        writeln!(out, "| Axis | You | Role |\n|------|----:|-----:|")?;
    } else {
        writeln!(out, "\n**Work style of the role**\n")?;
        writeln!(out, "| Axis | Role |\n|------|-----:|")?;
    }
    for (a, axis) in catalog.axes.iter().enumerate() {
        let target = super::profile::axis_value(role.targets[a]);
        let mut cells = vec![cell(&axis.name)];
        if assessed_style {
            cells.push(r.work_style[a].map_or_else(|| "-".into(), super::profile::axis_value));
        }
        cells.push(target);
        row(out, &cells)?;
    }

    writeln!(out, "\n**Team behaviours**\n")?;
    for (label, sentence) in role.behaviors.labelled() {
        writeln!(out, "- **{label}**: {}", cell(sentence))?;
    }

    let plan = growth_plan(catalog, r, score);
    if !plan.is_empty() {
        writeln!(out, "\n**Growth plan**\n")?;
        for (i, tag) in plan.iter().enumerate() {
            let goal = if r.goals.binary_search(tag).is_ok() {
                " (your goal)"
            } else {
                ""
            };
            writeln!(out, "{}. {}{goal}", i + 1, cell(&catalog.tags[*tag].name))?;
        }
    } else if assessed {
        writeln!(
            out,
            "\n**Growth plan**: no gaps; every tag of this role is among your strengths."
        )?;
    } else {
        writeln!(out, "\nCompetencies are not assessed on this path.")?;
    }
    Ok(())
}

/// A chunk of the cohort's table (the header with the first).
fn cohort_rows(
    catalog: &Catalog,
    rows: &[CohortRow],
    header_written: &mut Widths,
    _: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    let name = |role: usize| cell(&catalog.roles[role].name);
    if header_written.replace(Vec::new()).is_none() {
        writeln!(
            out,
            "| Respondent | Best match | Score | Runner-up | Score |"
        )?;
        writeln!(
            out,
            "|------------|------------|------:|-----------|------:|"
        )?;
    }
    for r in rows.iter().filter(|row| row.best.is_some()) {
        row(
            out,
            &[
                cell(&r.id),
                r.best.map(|(role, _)| name(role)).unwrap_or_default(),
                super::ties::tie_mark(r.best_tied, percent(r.best.map(|(_, s)| s))),
                r.runner_up.map(|(role, _)| name(role)).unwrap_or_default(),
                super::ties::tie_mark(r.best_tied, percent(r.runner_up.map(|(_, s)| s))),
            ],
        )?;
    }
    Ok(())
}

/// After the rows: the notes on ties and on no match, and the counts.
fn cohort_summary(catalog: &Catalog, cohort: &Cohort<'_>, out: &mut dyn Write) -> io::Result<()> {
    let name = |role: usize| cell(&catalog.roles[role].name);
    if cohort.any_tied {
        writeln!(out, "\n{}", super::ties::COHORT_TIE_NOTE)?;
    }
    if let Some(line) = super::ties::no_match_line(cohort.no_match) {
        writeln!(out, "\n{}", cell(&line))?;
    }
    let scored = cohort.scored;
    let people = crate::text::count(scored, "respondent", "respondents");
    write!(out, "\n**Cohort:** {people} scored")?;
    if cohort.failed_inputs > 0 {
        let failed = crate::text::count(cohort.failed_inputs, "input", "inputs");
        write!(out, ", {failed} failed")?;
    }
    writeln!(out, "\n")?;
    writeln!(
        out,
        "| Best match | People | Share |\n|------------|-------:|------:|"
    )?;
    for &(role, count) in &cohort.best_counts {
        let share = percent(Some(count as f64 / scored as f64));
        row(out, &[name(role), count.to_string(), share])?;
    }
    if !cohort.common_gaps.is_empty() {
        writeln!(
            out,
            "\n| Most common gap in the best match | People |\n|-----------------------------------|-------:|"
        )?;
        for &(tag, count) in cohort.common_gaps.iter().take(COMMON_GAPS) {
            row(out, &[cell(&catalog.tags[tag].name), count.to_string()])?;
        }
    }
    Ok(())
}
