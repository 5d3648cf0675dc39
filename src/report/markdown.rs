//! The ranking as GitHub-flavoured Markdown.

use std::io::{self, Write};

use super::cohort::{Cohort, View};
use super::{Theme, percent};
use crate::catalog::Catalog;
use crate::score::{Scored, explain};
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
    writeln!(out, "\n| Best match | People |\n|------------|-------:|")?;
    for &(role, count) in &cohort.best_counts {
        row(out, &[name(role), count.to_string()])?;
    }
    Ok(())
}
