//! The HTML report for one person: the ranking with its bars, the fit
//! profile and the work-style radar of the best match (and any `--role`),
//! the growth plan and the behaviours.

use maud::{Markup, html};

use super::page::{DISCLAIMER, page};
use crate::answers::Respondent;
use crate::catalog::Catalog;
use crate::report::numbers::percent;
use crate::report::svg::{self, Bar, Series};
use crate::score::{RoleScore, Scored, growth_plan, level_of, tag_marks};

fn axis_value(value: Option<f64>) -> String {
    value.map_or_else(|| "not answered".into(), crate::report::profile::axis_value)
}

/// The report for one person. Roles asked for with `--role` join the best match in
/// the work-style radar (each at most once).
pub fn single(catalog: &Catalog, scored: &Scored) -> Markup {
    let r = &scored.respondent;
    let compare: Vec<usize> = scored.focus.iter().map(|f| f.score.role).collect();
    let path = &catalog.paths[r.path];
    let title = format!("Role fit report: {}", r.id);
    let body = html! {
        header {
            h1 { "Role fit report: " (r.id) }
            p.meta {
                (path.name) " (" (path.id) " path) · " (scored.ranking.len()) " roles ranked"
                @if let Some(best) = scored.best() {
                    " · best match: " strong { (catalog.roles[best.role].name) } " (" (percent(Some(best.score))) ")"
                }
            }
            p.disclaimer { (DISCLAIMER) }
        }
        @if !path.assesses_competency() {
            (own_work_style(catalog, r))
        }
        (ranking(catalog, scored))
        @let words = crate::report::words::summary(catalog, r, &|w: &str| format!("\u{201c}{w}\u{201d}"));
        @if !words.is_empty() {
            section #words {
                h2 { "Your words" }
                @for line in &words { p { (line) } }
            }
        }
        @match scored.best() {
            Some(best) => { (fit_profile(catalog, r, best, &radar_roles(best.role, &compare))) }
            None if scored.no_match() => {}
            None => { p.note { "No role is in the families chosen." } }
        }
    };
    page(&title, body)
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

fn own_work_style(catalog: &Catalog, r: &Respondent) -> Markup {
    let rows: Vec<Bar> = catalog
        .axes
        .iter()
        .zip(&r.work_style)
        .map(|(axis, value)| Bar {
            label: axis.name.clone(),
            fraction: value.map_or(0.0, |v| (v - 1.0) / 4.0),
            value: value.map_or_else(
                || "not answered".into(),
                |v| format!("{} of 5", crate::report::profile::axis_value(v)),
            ),
        })
        .collect();
    html! {
        section #own-profile {
            h2 { "Your work-style profile" }
            figure {
                div.chart-box { (svg::bars("Your answer on each work-style axis, 1 to 5", &rows)) }
                table {
                    caption { "Your work-style profile" }
                    thead { tr { th { "Axis" } th.num { "You (1–5)" } th { "1 means" } th { "5 means" } } }
                    tbody {
                        @for (axis, value) in catalog.axes.iter().zip(&r.work_style) {
                            tr { th scope="row" { (axis.name) } td.num { (axis_value(*value)) } td { (axis.low) } td { (axis.high) } }
                        }
                    }
                }
            }
        }
    }
}

fn ranking(catalog: &Catalog, scored: &Scored) -> Markup {
    let r = &scored.respondent;
    // Only the components the path assesses get a column. Which tags
    // matched is in the best match's card; here only how many.
    let competency = catalog.paths[r.path].assesses_competency();
    let style = catalog.paths[r.path].assesses_work_style();
    let bars: Vec<Bar> = scored
        .ranking
        .iter()
        .map(|s| Bar {
            label: catalog.roles[s.role].name.clone(),
            fraction: s.score,
            value: percent(Some(s.score)),
        })
        .collect();
    html! {
        section #ranking {
            h2 { "Ranking" }
            figure {
                div.chart-box { (svg::bars("Score of each role, best first", &bars)) }
                div.wide {
                    table {
                        caption { "Ranking" }
                        thead { tr {
                            th.num { "#" } th { "Role" } th { "Family" } th.num { "Score" }
                            @if competency { th.num { "Competency" } th.num { "Growth" } }
                            @if style { th.num { "Work style" } }
                            @if competency { th.num { "Tags matched" } }
                        } }
                        tbody {
                            @for (s, rank) in scored.ranking.iter().zip(crate::report::ties::rank_labels(&scored.ranking)) {
                                @let role = &catalog.roles[s.role];
                                tr {
                                    td.num { (rank) }
                                    th scope="row" { (role.name) }
                                    td { (catalog.families[role.family].name) }
                                    td.num { (percent(Some(s.score))) }
                                    @if competency { td.num { (percent(s.competency)) } td.num { (percent(s.growth)) } }
                                    @if style { td.num { (percent(s.work_style)) } }
                                    @if competency {
                                        td.num { (tag_marks(catalog, r, s).filter(|(_, level)| level.is_some()).count()) " of " (role.tags.len()) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if scored.ranking.iter().any(|s| s.tied) {
                p.note { (crate::report::ties::tie_note(catalog, scored)) }
            }
            @if scored.no_match() {
                p.note { (crate::report::ties::NO_MATCH_NOTE) }
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
