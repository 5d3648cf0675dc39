//! The HTML report for a cohort: best-match counts, the most common gaps,
//! and a people × roles heatmap, or how scores spread over roles when the
//! cohort is too large to list.

use crate::report::ties::{COHORT_TIE_NOTE, tie_mark};
use maud::{Markup, html};

use crate::text::noun;

use super::cohort_data::{
    BANDS, CohortData, GAPS_SHOWN, MAX_ROLES_SHOWN, PEOPLE_LIMIT, PersonRow, band_name,
};
use super::page::{DISCLAIMER, page};
use crate::catalog::Catalog;
use crate::diagnostics::thousands;
use crate::report::numbers::{percent, whole_percent};
use crate::report::svg::{self, Bar, Cell};

/// The roles a cohort's heatmap shows: the most often best match first,
/// then by mean score; at most [`MAX_ROLES_SHOWN`].
fn roles_shown(catalog: &Catalog, data: &CohortData) -> Vec<usize> {
    let mean = |role: usize| {
        let (sum, count) = data.sums[role];
        if count == 0 {
            f64::NEG_INFINITY
        } else {
            sum / f64::from(count)
        }
    };
    let best: std::collections::HashMap<usize, usize> =
        data.tally.best_counts().into_iter().collect();
    let mut roles: Vec<usize> = (0..catalog.roles.len())
        .filter(|&role| data.sums[role].1 > 0)
        .collect();
    roles.sort_by(|&a, &b| {
        let count = |r: usize| best.get(&r).copied().unwrap_or(0);
        count(b)
            .cmp(&count(a))
            .then(mean(b).total_cmp(&mean(a)))
            .then(a.cmp(&b))
    });
    roles.truncate(MAX_ROLES_SHOWN);
    roles
}

/// The cohort page. `anonymous`: no row per person (the distribution over
/// score bands instead), and a word not understood is listed only when
/// `min_group` people or more wrote it; `groups`: the group views, drawn
/// after.
pub(super) fn cohort(
    catalog: &Catalog,
    data: &CohortData,
    anonymous: bool,
    min_group: usize,
    groups: &[crate::report::blocks::Block],
) -> Markup {
    let tally = &data.tally;
    let scored = tally.scored;
    let share = |count: usize| count as f64 / scored.max(1) as f64;
    // Bars are drawn against the largest count, so small shares still
    // differ visibly; the text says the share of the cohort.
    let bars = |list: &[(usize, usize)], name: &dyn Fn(usize) -> String| -> Vec<Bar> {
        let most = list.first().map_or(1, |&(_, count)| count.max(1));
        list.iter()
            .map(|&(item, count)| Bar {
                label: name(item),
                fraction: count as f64 / most as f64,
                value: format!("{} ({})", thousands(count), percent(Some(share(count)))),
            })
            .collect()
    };
    let best_counts = tally.best_counts();
    let gaps: Vec<(usize, usize)> = tally.common_gaps().into_iter().take(GAPS_SHOWN).collect();
    let best_bars = bars(&best_counts, &|role| catalog.roles[role].name.clone());
    let gap_bars = bars(&gaps, &|tag| catalog.tags[tag].name.clone());
    let roles = roles_shown(catalog, data);
    let listed = scored <= PEOPLE_LIMIT && !anonymous;
    let body = html! {
        header {
            h1 { "Cohort report" }
            p.meta {
                (thousands(scored)) " " (noun(scored, "respondent", "respondents")) " scored"
                @if tally.failed_inputs > 0 { ", " (crate::report::cohort::inputs_failed(tally.failed_inputs)) " (named below)" }
            }
            p.disclaimer { (DISCLAIMER) }
            @let notes = tally.note_lines();
            @if !notes.is_empty() {
                ul.notes { @for line in &notes { li { (line) } } }
            }
        }
        (inputs_seen(tally.inputs_shown(anonymous)))
        @let words = tally.words.lines(anonymous, min_group, &|w| format!("\u{201c}{w}\u{201d}"));
        @if let Some((head, rest)) = words.split_first() {
            section #own-words {
                h2 { "Own words" }
                p { (head) }
                @if !rest.is_empty() {
                    ul { @for line in rest { li { (line) } } }
                }
            }
        }
        section #best-matches {
            h2 { "Best matches" }
            figure {
                div.chart-box { (svg::bars("People whose best match each role is", &best_bars)) }
                table {
                    caption { "Best matches" }
                    thead { tr { th { "Role" } th.num { "People" } th.num { "Share" } } }
                    tbody { @for &(role, count) in &best_counts {
                        tr { th scope="row" { (catalog.roles[role].name) } td.num { (thousands(count)) } td.num { (percent(Some(share(count)))) } }
                    } }
                }
            }
        }
        @if !gaps.is_empty() {
            section #common-gaps {
                h2 { "Most common gaps in the best match" }
                figure {
                    div.chart-box { (svg::bars("People missing each tag in their best match", &gap_bars)) }
                    table {
                        caption { "Most common gaps" }
                        thead { tr { th { "Tag" } th.num { "People" } th.num { "Share" } } }
                        tbody { @for &(tag, count) in &gaps {
                            tr { th scope="row" { (catalog.tags[tag].name) } td.num { (thousands(count)) } td.num { (percent(Some(share(count)))) } }
                        } }
                    }
                }
            }
        }
        @if listed {
            (people_heatmap(catalog, data, &roles))
        } @else {
            (distribution(catalog, data, &roles, anonymous))
        }
        @if !groups.is_empty() {
            section #groups { (super::blocks_page::blocks_markup(groups)) }
        }
    };
    page("Cohort report", body)
}

fn role_note(data: &CohortData, roles: &[usize]) -> Markup {
    let ranked = data.sums.iter().filter(|s| s.1 > 0).count();
    html! {
        @if roles.len() < ranked {
            p.note { "Showing the " (roles.len()) " of " (ranked) " roles most often a best match." }
        }
    }
}

/// A row per person: the people × roles heatmap with its table, and the
/// list of best matches and runners-up.
fn people_heatmap(catalog: &Catalog, data: &CohortData, roles: &[usize]) -> Markup {
    let columns: Vec<String> = roles
        .iter()
        .map(|&r| catalog.roles[r].name.clone())
        .collect();
    let score_of =
        |row: &PersonRow, role: usize| row.scores.iter().find(|(r, _)| *r == role).map(|&(_, s)| s);
    let cells: Vec<Vec<Option<Cell>>> = data
        .rows
        .iter()
        .map(|row| {
            roles
                .iter()
                .map(|&role| {
                    score_of(row, role).map(|s| Cell {
                        fraction: s,
                        // Percent without the sign, to fit a narrow cell.
                        text: whole_percent(s).to_string(),
                    })
                })
                .collect()
        })
        .collect();
    let ids: Vec<String> = data.rows.iter().map(|r| r.id.clone()).collect();
    let name = |role: Option<(usize, f64)>| {
        role.map(|(r, _)| catalog.roles[r].name.as_str())
            .unwrap_or("")
    };
    html! {
        section #people {
            h2 { "People" }
            div.wide {
                table {
                    caption { "Best match and runner-up of each person" }
                    thead { tr { th { "Person" } th { "Best match" } th.num { "Score" } th { "Runner-up" } th.num { "Score" } th.num { "Words understood" } } }
                    tbody { @for row in &data.rows {
                        tr {
                            th.id scope="row" { (row.id) }
                            td { (name(row.best)) } td.num { (tie_mark(row.best_tied, percent(row.best.map(|b| b.1)))) }
                            td { (name(row.runner_up)) } td.num { (tie_mark(row.best_tied, percent(row.runner_up.map(|b| b.1)))) }
                            td.num { (crate::report::cohort::words_cell(row.words)) }
                        }
                    } }
                }
            }
            @if data.rows.iter().any(|row| row.best_tied) {
                p.note { (COHORT_TIE_NOTE) }
            }
        }
        section #heatmap {
            h2 { "Scores: people × roles" }
            p.note { "Each cell is a score in percent; darker is higher. A blank cell is a role the person's ranking left out." }
            (role_note(data, roles))
            figure.heat {
                div.chart-box { (svg::heatmap("Score of each person for each role; darker is higher", &ids, &columns, &cells, 26.0)) }
                div.sr-only {
                    table {
                        caption { "Score of each person for each role" }
                        thead { tr { th { "Person" } @for c in &columns { th.num { (c) } } } }
                        tbody { @for (row, line) in data.rows.iter().zip(&cells) {
                            tr {
                                th scope="row" { (row.id) }
                                @for cell in line { td.num { @if let Some(cell) = cell { (cell.text) "%" } @else { "-" } } }
                            }
                        } }
                    }
                }
            }
        }
    }
}

/// Above [`PEOPLE_LIMIT`]: for each role, how many people fall in each
/// score band.
fn distribution(catalog: &Catalog, data: &CohortData, roles: &[usize], anonymous: bool) -> Markup {
    let columns: Vec<String> = (0..BANDS).map(band_name).collect();
    let most = roles
        .iter()
        .flat_map(|&r| data.bands[r].iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let rows: Vec<String> = roles
        .iter()
        .map(|&r| catalog.roles[r].name.clone())
        .collect();
    let cells: Vec<Vec<Option<Cell>>> = roles
        .iter()
        .map(|&r| {
            data.bands[r]
                .iter()
                .map(|&count| {
                    // A square-root scale: a few full bands must not wash
                    // out all the others.
                    Some(Cell {
                        fraction: (f64::from(count) / f64::from(most)).sqrt(),
                        text: thousands(count as usize),
                    })
                })
                .collect()
        })
        .collect();
    html! {
        section #distribution {
            h2 { "How scores spread over roles" }
            p.note {
                @if anonymous {
                    "An anonymous report shows, for each role, how many people fall in each score band instead of one row per person."
                } @else {
                    "With more than " (PEOPLE_LIMIT) " people the report shows, for each role, how many people fall in each score band instead of one row per person; "
                    "the JSON, JSON Lines and CSV formats hold every person's scores."
                }
            }
            (role_note(data, roles))
            figure.heat {
                div.chart-box { (svg::heatmap("People in each score band, for each role; darker is more people", &rows, &columns, &cells, 48.0)) }
                // The map writes every number in its cells; the table is
                // for screen readers.
                div.sr-only {
                    table {
                        caption { "People in each score band, for each role" }
                        thead { tr { th { "Role" } @for c in &columns { th.num { (c) } } } }
                        tbody { @for (name, line) in rows.iter().zip(&cells) {
                            tr {
                                th scope="row" { (name) }
                                @for cell in line { td.num { @if let Some(cell) = cell { (cell.text) } } }
                            }
                        } }
                    }
                }
            }
        }
    }
}

/// The inputs that failed, each named with why (nobody is left out of a
/// report unseen), and what reading the inputs decided.
pub(super) fn inputs_seen(inputs: crate::report::cohort::InputsSeen<'_>) -> Markup {
    let count = inputs.failed_count;
    html! {
        @if count > 0 {
            section #not-scored {
                h2 { "Not scored: " (crate::report::cohort::inputs_failed(count)) }
                ul { @for line in crate::report::cohort::failure_lines(inputs.failed, count) { li { (line) } } }
            }
        }
        @if !inputs.notices.is_empty() {
            section #about-inputs {
                h2 { "About the inputs" }
                ul { @for notice in inputs.notices { li { (notice) } } }
            }
        }
    }
}
