//! The ranking as GitHub-flavoured Markdown.

use std::io::{self, Write};

use super::profile::axis_value;
use super::{Cohort, percent};
use crate::answers::Respondent;
use crate::catalog::Catalog;
use crate::score::{Focus, Scored, explain, growth_plan, level_of};
use crate::text::escape_markdown as cell;

fn row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))
}

pub fn single(catalog: &Catalog, scored: &Scored, out: &mut dyn Write) -> io::Result<()> {
    let r = &scored.respondent;
    writeln!(
        out,
        "### Ranking for {} ({} path)\n",
        cell(&r.id),
        cell(&catalog.paths[r.path].id)
    )?;
    writeln!(
        out,
        "| # | Role | Family | Score | Competency | Growth | Work style | Matched | Gaps |"
    )?;
    writeln!(
        out,
        "|--:|------|--------|------:|-----------:|-------:|-----------:|---------|------|"
    )?;
    let ranks = super::table::rank_labels(&scored.ranking);
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
        writeln!(out, "\n{}", super::table::tie_note(catalog, scored))?;
    }
    if scored.no_match() {
        writeln!(out, "\n{}", super::table::NO_MATCH_NOTE)?;
    }
    for focus in &scored.focus {
        focus_profile(catalog, r, focus, out)?;
    }
    Ok(())
}

/// The fit profile of a role asked for (`--role`).
fn focus_profile(
    catalog: &Catalog,
    r: &Respondent,
    focus: &Focus,
    out: &mut dyn Write,
) -> io::Result<()> {
    let role = &catalog.roles[focus.score.role];
    writeln!(
        out,
        "\n### Fit profile: {} ({}, {}, score {})\n",
        cell(&role.name),
        cell(&catalog.families[role.family].name),
        super::profile::focus_place(focus),
        percent(Some(focus.score.score))
    )?;
    writeln!(out, "{}\n\n{}\n", cell(&role.summary), cell(&role.detail))?;
    writeln!(out, "#### Competency focus\n")?;
    let assessed = focus.score.competency.is_some();
    for &tag in &role.tags {
        let name = cell(&catalog.tags[tag].name);
        match level_of(r, tag).filter(|_| assessed) {
            Some(level) => writeln!(out, "- [x] {name} (level {level} of 5)")?,
            None if assessed => writeln!(out, "- [ ] {name}")?,
            None => writeln!(out, "- {name}")?,
        }
    }
    writeln!(out, "\n#### Work style\n")?;
    writeln!(out, "| Axis | You | Role |\n|------|----:|-----:|")?;
    let assessed_style = catalog.paths[r.path].assesses_work_style();
    for (a, axis) in catalog.axes.iter().enumerate() {
        let you = match r.work_style[a] {
            Some(v) if assessed_style => axis_value(v),
            _ => "-".to_string(),
        };
        row(out, &[cell(&axis.name), you, axis_value(role.targets[a])])?;
    }
    writeln!(out, "\n#### Team behaviours\n")?;
    for (label, sentence) in role.behaviors.labelled() {
        writeln!(out, "- **{label}**: {}", cell(sentence))?;
    }
    let plan = growth_plan(catalog, r, &focus.score);
    if !plan.is_empty() {
        writeln!(out, "\n#### Growth plan\n")?;
        for (i, tag) in plan.iter().enumerate() {
            let goal = if r.goals.binary_search(tag).is_ok() {
                " (your goal)"
            } else {
                ""
            };
            writeln!(out, "{}. {}{goal}", i + 1, cell(&catalog.tags[*tag].name))?;
        }
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
    for r in cohort.rows.iter().filter(|row| row.best.is_some()) {
        row(
            out,
            &[
                cell(&r.id),
                r.best.map(|(role, _)| name(role)).unwrap_or_default(),
                super::table::tie_mark(r.best_tied, percent(r.best.map(|(_, s)| s))),
                r.runner_up.map(|(role, _)| name(role)).unwrap_or_default(),
                super::table::tie_mark(r.best_tied, percent(r.runner_up.map(|(_, s)| s))),
            ],
        )?;
    }
    if cohort.rows.iter().any(|row| row.best_tied) {
        writeln!(out, "\n{}", super::table::COHORT_TIE_NOTE)?;
    }
    if let Some(line) = super::table::no_match_line(cohort) {
        writeln!(out, "\n{}", cell(&line))?;
    }
    writeln!(out, "\n| Best match | People |\n|------------|-------:|")?;
    for &(role, count) in &cohort.best_counts {
        row(out, &[name(role), count.to_string()])?;
    }
    Ok(())
}
