//! The report as GitHub-flavoured Markdown: for one respondent the whole
//! report (ranking, fit profile, growth plan), for a cohort a row each and
//! the cohort summary.

use std::io::{self, Write};

use super::cohort::{COMMON_GAPS, Cohort, View};
use super::{Theme, percent};
use crate::answers::Respondent;
use crate::catalog::Catalog;
use crate::score::{RoleScore, Scored, explain, growth_plan, level_of};
use crate::text::escape_markdown as cell;

fn row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))
}

/// One respondent in full, or the cohort.
pub(crate) fn write(
    catalog: &Catalog,
    view: View<'_>,
    _theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    match view {
        View::Single(scored) => single(catalog, scored, out),
        View::Cohort(rows) => cohort(catalog, &rows, out),
    }
}

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
    match scored.best() {
        Some(best) => fit_profile(catalog, r, best, "Best match", out),
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
    for (i, s) in scored.ranking.iter().enumerate() {
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
                (i + 1).to_string(),
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

/// A role's fit profile for the person: summary, detail, tags matched or
/// missing, the axes side by side, the behaviours, and (for a role with
/// gaps) the growth plan. `title` says which role it is ("Best match").
pub fn fit_profile(
    catalog: &Catalog,
    r: &Respondent,
    score: &RoleScore,
    title: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let role = &catalog.roles[score.role];
    writeln!(
        out,
        "\n#### {title}: {} ({}, score {})\n",
        cell(&role.name),
        cell(&catalog.families[role.family].name),
        percent(Some(score.score))
    )?;
    writeln!(out, "{}\n\n{}\n", cell(&role.summary), cell(&role.detail))?;

    writeln!(out, "**Competency focus**\n")?;
    let assessed = score.competency.is_some();
    for &tag in &role.tags {
        let name = cell(&catalog.tags[tag].name);
        match level_of(r, tag).filter(|_| assessed) {
            Some(level) => writeln!(out, "- ✓ {name} (level {level} of 5)")?,
            None if assessed => writeln!(out, "- ✗ {name} (missing)")?,
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

pub(crate) fn cohort(
    catalog: &Catalog,
    cohort: &Cohort<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let name = |role: usize| cell(&catalog.roles[role].name);
    writeln!(
        out,
        "| Respondent | Best match | Score | Runner-up | Score |"
    )?;
    writeln!(
        out,
        "|------------|------------|------:|-----------|------:|"
    )?;
    for r in cohort.rows {
        row(
            out,
            &[
                cell(&r.id),
                r.best.map(|(role, _)| name(role)).unwrap_or_default(),
                percent(r.best.map(|(_, s)| s)),
                r.runner_up.map(|(role, _)| name(role)).unwrap_or_default(),
                percent(r.runner_up.map(|(_, s)| s)),
            ],
        )?;
    }
    let scored = cohort.rows.len();
    write!(out, "\n**Cohort:** {scored} respondents scored")?;
    if cohort.failed_inputs > 0 {
        write!(out, ", {} inputs failed", cohort.failed_inputs)?;
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
