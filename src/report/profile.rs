//! The role card on the terminal: its parts shared with `show`, the fit
//! profile of a role for a person, and the person's own work style.

use std::fmt::Write;

use super::numbers::{hundredths, percent};
use super::theme::Theme;
use crate::answers::Respondent;
use crate::catalog::{Catalog, Role};
use crate::score::{Focus, RoleScore, Scored, growth_plan, level_of};
use crate::text::{escape_control, pad, wrap};

/// Width of the axis-name column in the work-style sections.
pub const LABEL: usize = 16;

/// A value on the 1-to-5 work-style scale as a bar of ten cells.
pub fn style_bar(theme: Theme, value: f64) -> String {
    theme.bar((value - 1.0) / 4.0, 10)
}

/// The role's summary and detail, each a paragraph of its own: the top of
/// every role card (`show`, and the fit profiles).
pub fn role_paragraphs(out: &mut String, role: &Role, theme: Theme) {
    for paragraph in [&role.summary, &role.detail] {
        let _ = writeln!(
            out,
            "\n{}",
            wrap(&escape_control(paragraph), theme.width, "  ")
        );
    }
}

/// The role's team behaviours, each labelled: the foot of every role card.
pub fn team_behaviours(out: &mut String, role: &Role, theme: Theme) {
    let _ = writeln!(out, "\n{}", theme.bold("Team behaviours"));
    for (label, sentence) in role.behaviors.labelled() {
        let _ = writeln!(out, "  {}", theme.bold(label));
        let _ = writeln!(
            out,
            "{}",
            wrap(&escape_control(sentence), theme.width, "    ")
        );
    }
}

/// An axis value as people write it, to hundredths rounded half up:
/// `4`, `3.5`, `2.33`, `2.13` for 2.125.
pub fn axis_value(value: f64) -> String {
    let n = hundredths(value);
    let sign = if n < 0 { "-" } else { "" };
    let text = format!(
        "{sign}{}.{:02}",
        n.unsigned_abs() / 100,
        n.unsigned_abs() % 100
    );
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The person's own answer on each axis, with what its ends mean.
pub fn own_work_style(catalog: &Catalog, r: &Respondent, theme: Theme) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", theme.bold("Your work-style profile"));
    let indent = " ".repeat(LABEL + 2);
    for (a, axis) in catalog.axes.iter().enumerate() {
        let value = r.work_style[a];
        let shown = value.map_or_else(
            || "not answered".to_string(),
            |v| format!("{} of 5", axis_value(v)),
        );
        let _ = writeln!(
            out,
            "  {:<LABEL$}{} {shown}",
            escape_control(&axis.name),
            theme.bar(value.map_or(0.0, |v| (v - 1.0) / 4.0), 10),
        );
        let _ = writeln!(
            out,
            "{}",
            theme.dim(&wrap(
                &format!("1 = {}", escape_control(&axis.low)),
                theme.width,
                &indent
            ))
        );
        let _ = writeln!(
            out,
            "{}",
            theme.dim(&wrap(
                &format!("5 = {}", escape_control(&axis.high)),
                theme.width,
                &indent
            ))
        );
    }
    out
}

/// The best match's card: summary, detail, tags, axes, behaviours, plan.
pub fn fit_profile(catalog: &Catalog, r: &Respondent, best: &RoleScore, theme: Theme) -> String {
    let role = &catalog.roles[best.role];
    let heading = format!(
        "{} {} ({}, score {})",
        theme.bold("Best match:"),
        theme.bold(&escape_control(&role.name)),
        escape_control(&catalog.families[role.family].name),
        percent(Some(best.score))
    );
    card(catalog, r, best, heading, theme)
}

/// Where a role asked for (`--role`) ranks, in words.
pub fn focus_place(focus: &Focus) -> String {
    match focus.place {
        Some(place) if focus.score.tied => format!("rank ={}", place.first_of_score),
        Some(place) => format!("rank {}", place.rank),
        None => "not ranked: its family is not among yours".to_string(),
    }
}

/// The card of a role asked for (`--role`), wherever it ranks.
pub fn focus_profile(catalog: &Catalog, r: &Respondent, focus: &Focus, theme: Theme) -> String {
    let role = &catalog.roles[focus.score.role];
    let heading = format!(
        "{} {} ({}, {}, score {})",
        theme.bold("Fit profile:"),
        theme.bold(&escape_control(&role.name)),
        escape_control(&catalog.families[role.family].name),
        focus_place(focus),
        percent(Some(focus.score.score))
    );
    card(catalog, r, &focus.score, heading, theme)
}

/// A role's card for a person under `heading`.
fn card(
    catalog: &Catalog,
    r: &Respondent,
    best: &RoleScore,
    heading: String,
    theme: Theme,
) -> String {
    let role = &catalog.roles[best.role];
    let mut out = heading;
    out.push('\n');
    role_paragraphs(&mut out, role, theme);

    let _ = writeln!(out, "\n{}", theme.bold("Competency focus"));
    let assessed = best.competency.is_some();
    for &tag in &role.tags {
        let name = escape_control(&catalog.tags[tag].name);
        match level_of(r, tag).filter(|_| assessed) {
            Some(level) => {
                let mark = theme.styled(theme.check(true), console::Style::new().green());
                let _ = writeln!(out, "  {mark} {name} (level {level} of 5)");
            }
            None if assessed => {
                let mark = theme.styled(theme.check(false), console::Style::new().red());
                let _ = writeln!(out, "  {mark} {name}");
            }
            None => {
                let _ = writeln!(out, "  - {name}");
            }
        }
    }

    // Where work style is not assessed, the role's targets stand alone.
    let assessed_style = catalog.paths[r.path].assesses_work_style();
    let heading = if assessed_style {
        "Work style: you and the role"
    } else {
        "Work style of the role"
    };
    let _ = writeln!(out, "\n{}", theme.bold(heading));
    for (a, axis) in catalog.axes.iter().enumerate() {
        let target = role.targets[a];
        let you = match r.work_style[a] {
            _ if !assessed_style => String::new(),
            Some(v) => format!("you {} {:>3}   ", style_bar(theme, v), axis_value(v)),
            None => format!("you {:<10} {:>3}   ", "", "-"),
        };
        let _ = writeln!(
            out,
            "  {}{you}role {} {}",
            pad(&escape_control(&axis.name), LABEL),
            style_bar(theme, target),
            axis_value(target),
        );
    }

    team_behaviours(&mut out, role, theme);

    let plan = growth_plan(catalog, r, best);
    if !plan.is_empty() {
        let _ = writeln!(out, "\n{}", theme.bold("Growth plan"));
        for (i, tag) in plan.iter().enumerate() {
            let goal = if r.goals.binary_search(tag).is_ok() {
                " (your goal)"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "  {}. {}{goal}",
                i + 1,
                escape_control(&catalog.tags[*tag].name)
            );
        }
    } else if !assessed {
        let _ = writeln!(
            out,
            "\n{}",
            theme.dim("Competencies are not assessed on this path.")
        );
    }
    out
}

/// What a role that leads or guides other engineers says beside its score
/// on the work-style path.
pub const AFTER_TECHNICAL_WORK: &str = "usually reached after years of technical work";

/// The roles tied at the top on the work-style path, when more than one:
/// equally close, they are one group, not a best match and the rest.
pub fn top_group(catalog: &Catalog, scored: &Scored) -> Vec<RoleScore> {
    let path = &catalog.paths[scored.respondent.path];
    let Some(best) = scored.best() else {
        return Vec::new();
    };
    if path.assesses_competency() || !best.tied {
        return Vec::new();
    }
    let first = crate::score::ten_thousandths(best.score);
    let group: Vec<RoleScore> = scored
        .ranking
        .iter()
        .take_while(|s| crate::score::ten_thousandths(s.score) == first)
        .copied()
        .collect();
    if group.len() > 1 { group } else { Vec::new() }
}

/// "Five roles equally close".
pub fn group_heading(count: usize) -> String {
    const WORDS: [&str; 9] = [
        "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    ];
    let number = count
        .checked_sub(2)
        .and_then(|i| WORDS.get(i))
        .map_or_else(|| count.to_string(), |w| (*w).to_string());
    format!("{number} roles equally close")
}

/// The roles tied at the top, side by side: each one's summary (and
/// whether it usually follows technical work), then the five axes of you
/// and each of them.
pub fn group_profile(
    catalog: &Catalog,
    r: &Respondent,
    group: &[RoleScore],
    theme: Theme,
) -> String {
    let mut out = format!(
        "{} ({} each)\n",
        theme.bold(&group_heading(group.len())),
        percent(group.first().map(|s| s.score))
    );
    for s in group {
        let role = &catalog.roles[s.role];
        let note = if role.follows_technical_work {
            format!(" ({AFTER_TECHNICAL_WORK})")
        } else {
            String::new()
        };
        let line = format!(
            "{}, {}{note}: {}",
            escape_control(&role.name),
            escape_control(&catalog.families[role.family].name),
            escape_control(&role.summary)
        );
        let _ = writeln!(out, "{}", crate::text::wrap(&line, theme.width, "  "));
    }
    let mut header = vec!["Axis".to_string(), "You".to_string()];
    header.extend(
        group
            .iter()
            .map(|s| escape_control(&catalog.roles[s.role].name).into_owned()),
    );
    let mut table = super::grid::new_table(theme, header.iter().map(String::as_str).collect());
    for (a, axis) in catalog.axes.iter().enumerate() {
        let mut row = vec![
            escape_control(&axis.name).into_owned(),
            r.work_style[a].map_or_else(|| "-".to_string(), axis_value),
        ];
        row.extend(
            group
                .iter()
                .map(|s| axis_value(catalog.roles[s.role].targets[a])),
        );
        table.add_row(row);
    }
    let numeric: Vec<usize> = (1..group.len() + 2).collect();
    super::grid::align_right(&mut table, &numeric);
    let _ = writeln!(out, "\n{}", table.trim_fmt());
    out
}
