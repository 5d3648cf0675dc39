//! The report as GitHub-flavoured Markdown: for one respondent the whole
//! report (ranking, fit profile, growth plan), for a cohort a row each and
//! the cohort summary.

use std::io::{self, Write};

use super::cohort::{
    COMMON_GAPS, Cohort, CohortRow, Drawing, InputsSeen, Widths, failure_lines, inputs_failed,
};
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
    single: |catalog, scored, inputs, _, out| {
        single(catalog, scored, out)?;
        if inputs.failed_count > 0 || !inputs.notices.is_empty() {
            writeln!(out)?;
        }
        inputs_seen(inputs, out)
    },
    rows: cohort_rows,
    summary: |catalog, cohort, _, out| cohort_summary(catalog, cohort, out),
};

/// The inputs that failed, each named with why, and what reading the
/// inputs decided.
fn inputs_seen(inputs: InputsSeen<'_>, out: &mut dyn Write) -> io::Result<()> {
    let count = inputs.failed_count;
    if count > 0 {
        writeln!(out, "**Not scored:** {}\n", inputs_failed(count))?;
        for line in failure_lines(inputs.failed, count) {
            writeln!(out, "- {}", cell(&line))?;
        }
        writeln!(out)?;
    }
    if !inputs.notices.is_empty() {
        writeln!(out, "**About the inputs**\n")?;
        for notice in inputs.notices {
            writeln!(out, "- {}", cell(notice))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The notes on one result, as a list.
pub fn notes(catalog: &Catalog, scored: &Scored, out: &mut dyn Write) -> io::Result<()> {
    let notes = crate::score::notes(catalog, scored);
    if notes.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n**Notes on this result**\n")?;
    for note in notes {
        writeln!(out, "- {}", cell(&note.text))?;
    }
    Ok(())
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
    notes(catalog, scored, out)?;
    aims(catalog, scored, out)?;
    let quote = |w: &str| format!("\"{}\"", cell(w));
    let words = super::words::summary(catalog, r, &quote);
    if !words.is_empty() {
        writeln!(out, "\n{}", words.join("\n"))?;
    }
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
    let tied = super::profile::top_group(catalog, scored);
    if !tied.is_empty() {
        return group(catalog, r, &tied, out);
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
    // On the work-style path the score is the work style: the columns of
    // the other components would only repeat it or stay empty.
    let style_only = !catalog.paths[r.path].assesses_competency();
    if style_only {
        writeln!(out, "| # | Role | Family | Score |")?;
        writeln!(out, "|--:|------|--------|------:|")?;
    } else {
        writeln!(
            out,
            "| # | Role | Family | Score | Competency | Growth | Work style | Matched | Gaps |"
        )?;
        writeln!(
            out,
            "|--:|------|--------|------:|-----------:|-------:|-----------:|---------|------|"
        )?;
    }
    let ranks = super::ties::rank_labels(&scored.ranking);
    for (s, rank) in scored.ranking.iter().zip(ranks) {
        let role = &catalog.roles[s.role];
        let mut cells = vec![
            rank,
            cell(&role.name),
            cell(&catalog.families[role.family].id),
            score_cell(catalog, r, s),
        ];
        if style_only {
            row(out, &cells)?;
            continue;
        }
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
        cells.extend([
            percent(s.competency),
            percent(s.growth),
            percent(s.work_style),
            matched.join(", "),
            gaps.join(", "),
        ]);
        row(out, &cells)?;
    }
    if scored.ranking.iter().any(|s| s.tied) {
        writeln!(out, "\n{}", super::ties::tie_note(catalog, scored))?;
    }
    if scored.no_match() {
        writeln!(out, "\n{}", super::ties::NO_MATCH_NOTE)?;
    }
    Ok(())
}

/// A score, with a note on the work-style path for a role that usually
/// follows years of technical work.
fn score_cell(catalog: &Catalog, r: &Respondent, s: &RoleScore) -> String {
    let score = percent(Some(s.score));
    if !catalog.paths[r.path].assesses_competency() && catalog.roles[s.role].follows_technical_work
    {
        format!("{score} ({})", super::profile::AFTER_TECHNICAL_WORK)
    } else {
        score
    }
}

/// The roles tied at the top on the work-style path, side by side.
fn group(
    catalog: &Catalog,
    r: &Respondent,
    group: &[RoleScore],
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "\n### {} ({} each)\n",
        super::profile::group_heading(group.len()),
        percent(group.first().map(|s| s.score))
    )?;
    for s in group {
        let role = &catalog.roles[s.role];
        let note = if role.follows_technical_work {
            format!(" ({})", super::profile::AFTER_TECHNICAL_WORK)
        } else {
            String::new()
        };
        writeln!(
            out,
            "- **{}**, {}{note}: {}",
            cell(&role.name),
            cell(&catalog.families[role.family].name),
            cell(&role.summary)
        )?;
    }
    let mut header = vec!["Axis".to_string(), "You".to_string()];
    header.extend(group.iter().map(|s| cell(&catalog.roles[s.role].name)));
    writeln!(out)?;
    row(out, &header)?;
    let rule: Vec<String> = std::iter::once("----".to_string())
        .chain(std::iter::repeat_n("--:".to_string(), group.len() + 1))
        .collect();
    row(out, &rule)?;
    for (a, axis) in catalog.axes.iter().enumerate() {
        let mut cells = vec![
            cell(&axis.name),
            r.work_style[a].map_or_else(|| "-".to_string(), super::profile::axis_value),
        ];
        cells.extend(
            group
                .iter()
                .map(|s| super::profile::axis_value(catalog.roles[s.role].targets[a])),
        );
        row(out, &cells)?;
    }
    Ok(())
}

/// The person's aims: where each stands and the plan toward it.
fn aims(catalog: &Catalog, scored: &Scored, out: &mut dyn Write) -> io::Result<()> {
    for aim in &scored.aims {
        let text = super::aims::aim_text(catalog, &scored.respondent, aim);
        writeln!(out, "\n#### Your aim: {}\n", cell(&text.title))?;
        writeln!(out, "{}\n", cell(&text.now))?;
        for change in &text.changes {
            writeln!(out, "- {}", cell(change))?;
        }
        if !text.changes.is_empty() {
            writeln!(out)?;
        }
        writeln!(out, "{}", cell(&text.outcome))?;
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
            "| Person | Best match | Score | Runner-up | Score | Words |"
        )?;
        writeln!(
            out,
            "|--------|------------|------:|-----------|------:|------:|"
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
                super::cohort::words_cell(r.words),
            ],
        )?;
    }
    Ok(())
}

/// After the rows (none under `--anonymous`): the notes on ties and on no
/// match, and the counts.
fn cohort_summary(catalog: &Catalog, cohort: &Cohort<'_>, out: &mut dyn Write) -> io::Result<()> {
    let name = |role: usize| cell(&catalog.roles[role].name);
    if !cohort.anonymous && cohort.any_tied {
        writeln!(out, "\n{}", super::ties::COHORT_TIE_NOTE)?;
    }
    if let Some(line) = super::ties::no_match_line(cohort) {
        writeln!(out, "\n{}", cell(&line))?;
    }
    let scored = cohort.scored;
    // After the people's table, a blank line; an anonymous report starts here.
    let gap = if cohort.anonymous { "" } else { "\n" };
    let people = crate::text::count(scored, "respondent", "respondents");
    write!(out, "{gap}**Cohort:** {people} scored")?;
    if cohort.failed_inputs > 0 {
        write!(out, ", {}", inputs_failed(cohort.failed_inputs))?;
    }
    writeln!(out, "\n")?;
    for line in &cohort.notes {
        writeln!(out, "- {line}")?;
    }
    if !cohort.notes.is_empty() {
        writeln!(out)?;
    }
    if let Some((head, rest)) = cohort.words.split_first() {
        writeln!(out, "**Own words:** {}\n", cell(head))?;
        for line in rest {
            writeln!(out, "- {}", cell(line))?;
        }
        if !rest.is_empty() {
            writeln!(out)?;
        }
    }
    inputs_seen(cohort.inputs, out)?;
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
    if !cohort.groups.is_empty() {
        writeln!(out)?;
        super::blocks::write_markdown(&cohort.groups, out)?;
    }
    Ok(())
}
