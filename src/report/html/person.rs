//! The HTML report for one person: the ranking with its bars, the fit
//! profile and the work-style radar of the best match (and any `--role`),
//! the growth plan and the behaviours.

use maud::{Markup, html};

use super::page::{DISCLAIMER, page};
use crate::answers::Respondent;
use crate::catalog::Catalog;
use crate::report::numbers::percent;
use crate::report::svg::{self, Series};
use crate::score::{RoleScore, Scored, growth_plan, level_of, tag_marks};

fn axis_value(value: Option<f64>) -> String {
    value.map_or_else(|| "not answered".into(), crate::report::profile::axis_value)
}

/// The report for one person. Roles asked for with `--role` join the best match in
/// the work-style radar (each at most once).
pub fn single(catalog: &Catalog, scored: &Scored) -> Markup {
    single_beside(catalog, scored, html! {})
}

/// One person's report, with `more` at its end (the inputs of the run
/// that failed).
pub fn single_beside(catalog: &Catalog, scored: &Scored, more: Markup) -> Markup {
    let r = &scored.respondent;
    let compare: Vec<usize> = scored.focus.iter().map(|f| f.score.role).collect();
    let path = &catalog.paths[r.path];
    let title = format!("Role fit report: {}", r.id);
    let body = html! {
        header {
            h1 { "Role fit report: " (r.id) }
            p.meta {
                (path.name) " (" (path.id) " path) · " (scored.ranking.len()) " roles ranked"
                @let group = crate::report::profile::top_group(catalog, scored);
                @if !group.is_empty() {
                    " · " (crate::report::profile::group_heading(group.len()).to_lowercase()) " (" (percent(group.first().map(|s| s.score))) ")"
                } @else if let Some(best) = scored.best() {
                    " · best match: " strong { (catalog.roles[best.role].name) } " (" (percent(Some(best.score))) ")"
                }
            }
            p.disclaimer { (DISCLAIMER) }
        }
        @if !path.assesses_competency() {
            (own_work_style(catalog, r))
        }
        (answers(catalog, r))
        (ranking(catalog, scored))
        @if !scored.aims.is_empty() {
            (aims(catalog, scored))
        }
        @let group = crate::report::profile::top_group(catalog, scored);
        @let words = crate::report::words::summary(catalog, r, &|w: &str| format!("\u{201c}{w}\u{201d}"));
        @if !words.is_empty() {
            section #words {
                h2 { "Your words" }
                @for line in &words { p { (line) } }
            }
        }
        @match scored.best() {
            Some(_) if !group.is_empty() => { (tied_group(catalog, r, &group)) }
            Some(best) => { (fit_profile(catalog, r, best, &radar_roles(best.role, &compare))) }
            None if scored.no_match() => {}
            None => { p.note { "No role is in the families chosen." } }
        }
        (more)
    };
    page(&title, body)
}

/// The person's aims, each with where it stands and the plan toward it.
fn aims(catalog: &Catalog, scored: &Scored) -> Markup {
    let heading = if scored.aims.len() == 1 {
        "Your aim"
    } else {
        "Your aims"
    };
    html! {
        section #aims {
            h2 { (heading) }
            @for aim in &scored.aims {
                @let text = crate::report::aims::aim_text(catalog, &scored.respondent, aim);
                div.card {
                    h3 { (text.title) }
                    p { (text.now) }
                    @if !text.changes.is_empty() {
                        p { "The plan:" }
                        ol { @for change in &text.changes { li { (change) } } }
                    }
                    p { (text.outcome) }
                }
            }
        }
    }
}

/// The roles tied at the top on the work-style path: each one's summary,
/// and their work style side by side with yours.
fn tied_group(catalog: &Catalog, r: &Respondent, group: &[RoleScore]) -> Markup {
    let roles: Vec<usize> = group.iter().map(|s| s.role).collect();
    html! {
        section #best-match {
            h2 { (crate::report::profile::group_heading(group.len())) }
            p.meta { "Each scores " (percent(group.first().map(|s| s.score))) ": equally close to your work style." }
            ul {
                @for &role in &roles {
                    @let card = &catalog.roles[role];
                    li {
                        strong { (card.name) } " (" (catalog.families[card.family].name) ")"
                        @if card.follows_technical_work { " — " (crate::report::profile::AFTER_TECHNICAL_WORK) }
                        ": " (card.summary)
                    }
                }
            }
            (work_style_radar(catalog, r, &roles))
        }
    }
}

/// The best match, then each role of `compare` not already there.
fn radar_roles(best: usize, compare: &[usize]) -> Vec<usize> {
    let mut roles = vec![best];
    for &role in compare {
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    roles
}

/// The person's own answer on each axis, with its bar and what the ends
/// of the axis mean: one table (the bar is drawn beside the number).
fn own_work_style(catalog: &Catalog, r: &Respondent) -> Markup {
    html! {
        section #own-profile {
            h2 { "Your work-style profile" }
            div.wide {
                table {
                    caption { "Your answer on each axis, 1 to 5" }
                    thead { tr { th { "Axis" } th.num { "You (1–5)" } th { "1 means" } th { "5 means" } } }
                    tbody {
                        @for (axis, value) in catalog.axes.iter().zip(&r.work_style) {
                            tr {
                                th scope="row" { (axis.name) }
                                td.num.score {
                                    span.meter aria-hidden="true" {
                                        span.fill style={ "width: " (score_width(value.map_or(0.0, |v| (v - 1.0) / 4.0))) "%" } {}
                                    }
                                    " " (axis_value(*value))
                                }
                                td { (axis.low) }
                                td { (axis.high) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// What each column of the ranking means, for the path's columns only.
fn legend(competency: bool, style: bool, style_column: bool) -> Markup {
    html! {
        dl.legend {
            dt { "#" } dd { "The role's place; =N marks roles tied on score." }
            dt { "Score" } dd {
                @if competency {
                    "How well the role fits you, from 0% to 100%: competency, growth and work \
                     style together, each weighted by the path."
                } @else {
                    "How close your work-style answers are to the role's on the five axes, \
                     from 0% (as far apart as the scale allows) to 100% (the same answers)."
                }
            }
            @if competency {
                dt { "Competency" } dd { "Your strengths among the role's skills, by level: \
                    100% is every skill at level 5." }
                dt { "Growth" } dd { "Your growth goals among the role's skills." }
            }
            @if style && style_column {
                dt { "Work style" } dd { "How close your work-style answers are to the \
                    role's on the five axes." }
            }
            @if competency {
                dt { "Skills you have" } dd { "How many of the role's skills are among your \
                    strengths." }
            } @else {
                dt { "Note" } dd { "Roles whose work is leading or guiding other engineers: \
                    they are usually reached after years of technical work." }
            }
        }
    }
}

/// The ranking as one table, each score with its bar (the bar is drawn
/// beside the number, which screen readers read).
fn ranking(catalog: &Catalog, scored: &Scored) -> Markup {
    let r = &scored.respondent;
    // Only the components the path assesses get a column; on the
    // work-style path the score is the work style, so it has no column of
    // its own. Which tags matched is in the best match's card.
    let competency = catalog.paths[r.path].assesses_competency();
    let style = catalog.paths[r.path].assesses_work_style();
    let style_column = style && competency;
    html! {
        section #ranking {
            h2 { "Ranking" }
            div.wide {
                table.ranking {
                    caption { (scored.ranking.len()) " roles, best match first" }
                    thead { tr {
                        th.num { "#" } th { "Role" } th { "Family" } th.num { "Score" }
                        @if competency { th.num { "Competency" } th.num { "Growth" } }
                        @if style_column { th.num { "Work style" } }
                        @if competency { th.num { "Skills you have" } }
                        @if !competency { th { "Note" } }
                    } }
                    tbody {
                        @for (s, rank) in scored.ranking.iter().zip(crate::report::ties::rank_labels(&scored.ranking)) {
                            @let role = &catalog.roles[s.role];
                            tr {
                                td.num { (rank) }
                                th scope="row" { (role.name) }
                                td { (catalog.families[role.family].name) }
                                td.num.score {
                                    span.meter aria-hidden="true" {
                                        span.fill style={ "width: " (score_width(s.score)) "%" } {}
                                    }
                                    " " (percent(Some(s.score)))
                                }
                                @if competency { td.num { (percent(s.competency)) } td.num { (percent(s.growth)) } }
                                @if style_column { td.num { (percent(s.work_style)) } }
                                @if competency {
                                    td.num { (tag_marks(catalog, r, s).filter(|(_, level)| level.is_some()).count()) " of " (role.tags.len()) }
                                }
                                @if !competency {
                                    td { @if role.follows_technical_work { (crate::report::profile::AFTER_TECHNICAL_WORK) } }
                                }
                            }
                        }
                    }
                }
            }
            (legend(competency, style, style_column))
            @if scored.ranking.iter().any(|s| s.tied) {
                p.note { (crate::report::ties::tie_note(catalog, scored)) }
            }
            @if scored.no_match() {
                p.note { (crate::report::ties::NO_MATCH_NOTE) }
            }
            @let notes = crate::score::notes(catalog, scored);
            @if !notes.is_empty() {
                h3 { "Notes on this result" }
                ul.notes { @for note in &notes { li data-kind=(note.kind.name()) { (note.text) } } }
            }
        }
    }
}

/// A score's bar width in whole percent.
fn score_width(score: f64) -> u32 {
    if score.is_finite() {
        (score.clamp(0.0, 1.0) * 100.0).round() as u32
    } else {
        0
    }
}

/// The person's own answers: each strength with its level, each goal, the
/// role aimed for and the work-style answers.
fn answers(catalog: &Catalog, r: &Respondent) -> Markup {
    let competency = catalog.paths[r.path].assesses_competency();
    // On the work-style path the profile above has the axes.
    let axes = competency && r.work_style.iter().any(Option::is_some);
    html! {
        section #answers {
            h2 { "Your answers" }
            div.columns {
                @if competency {
                    div.card {
                        h3 { "Strengths" }
                        @if r.strengths.is_empty() {
                            p.note { "None given." }
                        } @else {
                            ul {
                                @for &(tag, level) in &r.strengths {
                                    li { (catalog.tags[tag].name) " — level " (level) " of 5 ("
                                        (crate::catalog::LEVELS[usize::from(level.clamp(1, 5)) - 1].0) ")" }
                                }
                            }
                        }
                    }
                    div.card {
                        h3 { "Growth goals" }
                        @if r.goals.is_empty() {
                            p.note { "None given." }
                        } @else {
                            ul { @for &tag in &r.goals { li { (catalog.tags[tag].name) } } }
                        }
                    }
                }
                div.card {
                    h3 { "Aiming for" }
                    @match r.target {
                        Some(role) => p { (catalog.roles[role].name) },
                        None => p.note { "No role named." },
                    }
                    @if axes {
                        h3 { "Work style (1 to 5)" }
                        ul {
                            @for (axis, value) in catalog.axes.iter().zip(&r.work_style) {
                                li { (axis.name) ": " (axis_value(*value)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The best match's card: summary and detail, tags matched and missing,
/// the work-style radar against `roles` (the best match first), the growth
/// plan and the behaviours.
fn fit_profile(catalog: &Catalog, r: &Respondent, best: &RoleScore, roles: &[usize]) -> Markup {
    let role = &catalog.roles[best.role];
    let assessed = best.competency.is_some();
    let plan = growth_plan(catalog, r, best);
    html! {
        section #best-match {
            h2 { "Best match: " (role.name) }
            p.meta { (catalog.families[role.family].name) " · score " (percent(Some(best.score))) }
            p { (role.summary) }
            p { (role.detail) }
            div.columns {
                div.card {
                    h3 { "Competency focus" }
                    ul.tags {
                        @for &tag in &role.tags {
                            @let name = &catalog.tags[tag].name;
                            @match level_of(r, tag).filter(|_| assessed) {
                                Some(level) => li { span.yes aria-hidden="true" { "✓ " } (name) " — matched, level " (level) " of 5" },
                                None if assessed => li { span.no aria-hidden="true" { "✗ " } (name) " — missing" },
                                None => li { (name) },
                            }
                        }
                    }
                    @if !assessed { p.note { "Competencies are not assessed on this path." } }
                }
                @if assessed { div.card {
                    h3 { "Growth plan" }
                    @if !plan.is_empty() {
                        ol {
                            @for tag in &plan {
                                li { (catalog.tags[*tag].name) @if r.goals.binary_search(tag).is_ok() { " (your goal)" } }
                            }
                        }
                    } @else {
                        p.note { "No gaps: every tag of this role is among your strengths." }
                    }
                } }
            }
            (work_style_radar(catalog, r, roles))
            h3 { "Team behaviours" }
            dl.behaviours {
                @for (label, sentence) in role.behaviors.labelled() {
                    dt { (label) }
                    dd { (sentence) }
                }
            }
        }
    }
}

/// The radar of the person (where work style is assessed) against each of
/// `roles`, and the same numbers as a table.
pub fn work_style_radar(catalog: &Catalog, r: &Respondent, roles: &[usize]) -> Markup {
    let assessed = catalog.paths[r.path].assesses_work_style();
    let axes: Vec<&str> = catalog.axes.iter().map(|a| a.name.as_str()).collect();
    let targets: Vec<Vec<Option<f64>>> = roles
        .iter()
        .map(|&role| {
            catalog.roles[role]
                .targets
                .iter()
                .copied()
                .map(Some)
                .collect()
        })
        .collect();
    let mut series = Vec::new();
    if assessed {
        series.push(Series {
            name: "You",
            values: &r.work_style,
        });
    }
    for (&role, values) in roles.iter().zip(&targets) {
        series.push(Series {
            name: &catalog.roles[role].name,
            values,
        });
    }
    let names: Vec<&str> = roles
        .iter()
        .map(|&role| catalog.roles[role].name.as_str())
        .collect();
    let title = if assessed {
        format!("Work style, 1 to 5: you and {}", names.join(", "))
    } else {
        format!("Work style of {}, 1 to 5", names.join(", "))
    };
    html! {
        h3 { @if assessed { "Work style: you and the role" } @else { "Work style of the role" } }
        figure {
            div.chart-box { (svg::radar(&title, &axes, &series)) }
            table {
                caption { "Work style, 1 to 5" }
                thead { tr {
                    th { "Axis" }
                    @if assessed { th.num { "You" } }
                    @for name in &names { th.num { (name) } }
                } }
                tbody {
                    @for (a, axis) in catalog.axes.iter().enumerate() {
                        tr {
                            th scope="row" { (axis.name) }
                            @if assessed { td.num { (axis_value(r.work_style[a])) } }
                            @for &role in roles { td.num { (crate::report::profile::axis_value(catalog.roles[role].targets[a])) } }
                        }
                    }
                }
            }
        }
    }
}
