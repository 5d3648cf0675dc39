//! The HTML report: one self-contained file to keep or send. It loads
//! nothing (a Content-Security-Policy forbids it), runs no script, and
//! draws its charts as inline SVG, each with a table of the same numbers.
//! maud escapes every piece of text.
//!
//! A cohort of up to [`PEOPLE_LIMIT`] people gets a row and a heatmap row
//! each; above that the report shows how scores spread over roles instead,
//! and the writer keeps only counts, so its memory stays flat.

use std::io::{self, Write};

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::cohort::{CohortTally, OneOrMany, show_sources_of_shared_ids};
use super::svg::{self, Bar, Cell, Series};
use super::{FormatWriter, Rendered, Renderer, percent};
use crate::answers::Respondent;
use crate::catalog::Catalog;
use crate::diagnostics::thousands;
use crate::error::Located;
use crate::score::{RoleScore, Scored, growth_plan, level_of, tag_marks, ten_thousandths};

/// Above this many people a cohort report shows distributions, not a row
/// per person: a browser opens it quickly whatever the cohort's size.
pub const PEOPLE_LIMIT: usize = 200;
/// Score bands of the distribution: 0–9%, 10–19%, …, 90–100%.
const BANDS: usize = 10;
/// Roles shown in a cohort's heatmap and distribution, the most often
/// best match first: a large custom catalog must not make them unreadable.
const MAX_ROLES_SHOWN: usize = 30;
/// Gaps listed in a cohort report.
const GAPS_SHOWN: usize = 10;

const DISCLAIMER: &str = "Results are for self-directed exploration, not hiring decisions.";

/// Nothing may be loaded: no script, style sheet, font, image or frame.
/// The page's own `<style>` and SVG presentation attributes are inline.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const CSS: &str = r#"
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #1c5fa8; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  color: var(--ink); background: #fff; margin: 0 auto; padding: 24px 32px 48px; max-width: 1180px; }
header { border-bottom: 2px solid var(--ink); margin-bottom: 16px; }
h1 { font-size: 1.7em; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 1.3em; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.05em; margin: 16px 0 6px; }
p.meta, p.note, .disclaimer { color: var(--muted); margin: 4px 0 12px; }
.disclaimer { font-style: italic; }
figure { margin: 12px 0; display: flex; flex-wrap: wrap; gap: 16px 32px; align-items: flex-start; }
figure > .chart-box { flex: 0 1 auto; max-width: 100%; overflow-x: auto; }
figcaption { flex-basis: 100%; font-weight: 600; }
svg.chart { max-width: 100%; height: auto; font-size: 12px; font-family: inherit; }
svg .label { fill: var(--ink); }
svg .value { fill: var(--muted); }
svg.heatmap text.cell { font-size: 9px; }
svg.heatmap.wide-cells text.cell { font-size: 12px; }
svg .track { fill: #eef1f4; }
svg .bar { fill: var(--accent); }
svg .ring { fill: none; stroke: var(--line); }
svg .spoke { stroke: var(--line); }
svg .series polygon { stroke-width: 2.5; }
svg .series line { stroke-width: 2.5; }
svg .series text { fill: var(--ink); stroke: none; }
svg .s0 { stroke: #d9480f; fill: rgba(217, 72, 15, 0.12); }
svg .s0 circle { fill: #d9480f; }
svg .s1 { stroke: #1c5fa8; fill: rgba(28, 95, 168, 0.12); }
svg .s1 circle { fill: #1c5fa8; }
svg .s2 { stroke: #2b8a3e; fill: rgba(43, 138, 62, 0.10); }
svg .s2 circle { fill: #2b8a3e; }
svg .s3 { stroke: #862e9c; fill: rgba(134, 46, 156, 0.10); }
svg .s3 circle { fill: #862e9c; }
table { border-collapse: collapse; font-size: 0.92em; }
caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.id { overflow-wrap: anywhere; max-width: 22em; }
.wide { overflow-x: auto; max-width: 100%; }
ul.tags { list-style: none; padding: 0; margin: 4px 0; }
ul.tags li { margin: 2px 0; }
.yes { color: #2b8a3e; font-weight: 700; }
.no { color: #c92a2a; font-weight: 700; }
dl.behaviours dt { font-weight: 600; margin-top: 8px; }
dl.behaviours dd { margin: 2px 0 0 0; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 8px 32px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
footer { break-before: avoid; page-break-before: avoid; margin-top: 40px; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9em; }
@page { margin: 14mm 12mm; }
@media print {
  body { font-size: 10pt; padding: 0; max-width: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 18px; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure { display: block; }
  figure > * { margin-bottom: 10px; }
  .chart-box, tr, .card, dl.behaviours dd, header { break-inside: avoid; page-break-inside: avoid; }
  figure.heat .chart-box { break-inside: auto; page-break-inside: auto; }
  #heatmap, #distribution { break-before: page; page-break-before: always; }
  .wide { overflow: visible; }
  svg.chart { max-width: 100%; }
}
"#;

/// One person of a cohort small enough to list: their best matches and
/// every score the ranking holds.
struct PersonRow {
    id: String,
    source: String,
    best: Option<(usize, f64)>,
    runner_up: Option<(usize, f64)>,
    /// (role, score) in ranking order.
    scores: Vec<(usize, f64)>,
}

/// The HTML report's writer. One respondent is kept whole; a cohort keeps a
/// row per person only up to [`PEOPLE_LIMIT`], and counts throughout.
pub struct HtmlWriter<'c> {
    catalog: &'c Catalog,
    people: OneOrMany,
    cohort: CohortData,
}

/// What a cohort report is drawn from.
struct CohortData {
    tally: CohortTally,
    rows: Vec<PersonRow>,
    /// Per role: people whose score falls in each band.
    bands: Vec<[u32; BANDS]>,
    /// Per role: the sum of scores and how many people were scored on it.
    sums: Vec<(f64, u32)>,
}

impl<'c> HtmlWriter<'c> {
    pub fn new(catalog: &'c Catalog) -> Self {
        HtmlWriter {
            catalog,
            people: OneOrMany::default(),
            cohort: CohortData {
                tally: CohortTally::new(catalog),
                rows: Vec::new(),
                bands: vec![[0; BANDS]; catalog.roles.len()],
                sums: vec![(0.0, 0); catalog.roles.len()],
            },
        }
    }
}

impl CohortData {
    fn add(&mut self, catalog: &Catalog, scored: &Scored) {
        self.tally.add(catalog, scored);
        for s in &scored.ranking {
            self.bands[s.role][band(s.score)] += 1;
            let sum = &mut self.sums[s.role];
            sum.0 += s.score;
            sum.1 += 1;
        }
        if self.tally.scored <= PEOPLE_LIMIT {
            // A role that scored 0 is no match, whatever its place.
            let pick = |i: usize| {
                (scored.ranking.get(i))
                    .filter(|s| crate::score::ten_thousandths(s.score) > 0)
                    .map(|s| (s.role, s.score))
            };
            self.rows.push(PersonRow {
                id: scored.respondent.id.clone(),
                source: scored.respondent.source.clone(),
                best: pick(0),
                runner_up: pick(1),
                scores: scored.ranking.iter().map(|s| (s.role, s.score)).collect(),
            });
        } else if !self.rows.is_empty() {
            // From here on only counts are kept.
            self.rows = Vec::new();
        }
    }
}

/// The band of a score: tenths, with 100% in the top band.
fn band(score: f64) -> usize {
    let tenths = ten_thousandths(score).max(0) as usize / 1_000;
    tenths.min(BANDS - 1)
}

fn band_name(band: usize) -> String {
    if band + 1 == BANDS {
        format!("{}–100%", band * 10)
    } else {
        format!("{}–{}%", band * 10, band * 10 + 9)
    }
}

impl<'c> FormatWriter<'c> for HtmlWriter<'c> {
    fn renderer(&self) -> Renderer<'c> {
        Renderer::holding(self.catalog)
    }

    fn emit(&mut self, rendered: Rendered, _out: &mut dyn Write) -> io::Result<()> {
        if let Rendered::Held(scored) = rendered {
            let (catalog, cohort) = (self.catalog, &mut self.cohort);
            self.people.add(scored, |s| cohort.add(catalog, s));
        }
        Ok(())
    }

    fn error(&mut self, _problems: &[Located], _out: &mut dyn Write) -> io::Result<()> {
        self.cohort.tally.failed_inputs += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>, out: &mut dyn Write) -> io::Result<()> {
        show_sources_of_shared_ids(&mut self.cohort.rows, |row| {
            (&mut row.id, row.source.as_str())
        });
        let page = match self.people.single() {
            Some(scored) => single(self.catalog, scored),
            None if self.people.count() > 0 => cohort(self.catalog, &self.cohort),
            None => return Ok(()),
        };
        out.write_all(page.into_string().as_bytes())
    }
}

/// The frame of every report: the policy that forbids loading anything,
/// the styles, the disclaimer.
fn page(title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CONTENT_SECURITY_POLICY);
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                meta name="generator" content={ "rolefit " (env!("CARGO_PKG_VERSION")) };
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                (body)
                footer {
                    p { (DISCLAIMER) " Made with rolefit " (env!("CARGO_PKG_VERSION")) "." }
                }
            }
        }
    }
}

fn axis_value(value: Option<f64>) -> String {
    value.map_or_else(|| "not answered".into(), super::profile::axis_value)
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
                |v| format!("{} of 5", super::profile::axis_value(v)),
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
                            @for (s, rank) in scored.ranking.iter().zip(super::table::rank_labels(&scored.ranking)) {
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
                p.note { (super::table::tie_note(catalog, scored)) }
            }
            @if scored.no_match() {
                p.note { (super::table::NO_MATCH_NOTE) }
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
                            @for &role in roles { td.num { (super::profile::axis_value(catalog.roles[role].targets[a])) } }
                        }
                    }
                }
            }
        }
    }
}

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

fn cohort(catalog: &Catalog, data: &CohortData) -> Markup {
    let tally = &data.tally;
    let scored = tally.scored;
    let share = |count: usize| count as f64 / scored.max(1) as f64;
    // Bars are drawn against the largest count, so small shares still
    // differ visibly; the text says the share of the cohort.
    let against_most = |list: &[(usize, usize)]| {
        let most = list.first().map_or(1, |&(_, count)| count.max(1));
        move |count: usize| count as f64 / most as f64
    };
    let best_counts = tally.best_counts();
    let gaps: Vec<(usize, usize)> = tally.common_gaps().into_iter().take(GAPS_SHOWN).collect();
    let best_fraction = against_most(&best_counts);
    let best_bars: Vec<Bar> = best_counts
        .iter()
        .map(|&(role, count)| Bar {
            label: catalog.roles[role].name.clone(),
            fraction: best_fraction(count),
            value: format!("{} ({})", thousands(count), percent(Some(share(count)))),
        })
        .collect();
    let gap_fraction = against_most(&gaps);
    let gap_bars: Vec<Bar> = gaps
        .iter()
        .map(|&(tag, count)| Bar {
            label: catalog.tags[tag].name.clone(),
            fraction: gap_fraction(count),
            value: format!("{} ({})", thousands(count), percent(Some(share(count)))),
        })
        .collect();
    let roles = roles_shown(catalog, data);
    let listed = scored <= PEOPLE_LIMIT;
    let body = html! {
        header {
            h1 { "Cohort report" }
            p.meta {
                (thousands(scored)) " respondents scored"
                @if tally.failed_inputs > 0 { ", " (thousands(tally.failed_inputs)) " inputs failed (see the messages of the run)" }
            }
            p.disclaimer { (DISCLAIMER) }
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
            (distribution(catalog, data, &roles))
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
                        text: super::whole_percent(s).to_string(),
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
                    thead { tr { th { "Respondent" } th { "Best match" } th.num { "Score" } th { "Runner-up" } th.num { "Score" } } }
                    tbody { @for row in &data.rows {
                        tr {
                            th.id scope="row" { (row.id) }
                            td { (name(row.best)) } td.num { (percent(row.best.map(|b| b.1))) }
                            td { (name(row.runner_up)) } td.num { (percent(row.runner_up.map(|b| b.1))) }
                        }
                    } }
                }
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
                        thead { tr { th { "Respondent" } @for c in &columns { th.num { (c) } } } }
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
fn distribution(catalog: &Catalog, data: &CohortData, roles: &[usize]) -> Markup {
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
                "With more than " (PEOPLE_LIMIT) " people the report shows, for each role, how many people fall in each score band instead of one row per person; "
                "the JSON, JSON Lines and CSV formats hold every person's scores."
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Above the limit the writer keeps counts only: its memory does not
    /// grow with the cohort.
    #[test]
    fn a_large_cohort_keeps_no_row_per_person() {
        let catalog = Catalog::builtin().unwrap();
        let respondent = Respondent {
            id: "p".into(),
            source: "p.yaml".into(),
            path: catalog.default_path(),
            strengths: vec![(0, 3)],
            goals: vec![],
            work_style: vec![Some(3.0); catalog.axes.len()],
            families: vec![],
            warnings: vec![],
        };
        let scored = crate::score::assess(&catalog, respondent, None);
        let mut writer = HtmlWriter::new(&catalog);
        let mut sink = io::sink();
        for count in 1..=PEOPLE_LIMIT + 50 {
            let rendered = writer.renderer().render(scored.clone());
            writer.emit(rendered, &mut sink).unwrap();
            let rows = writer.cohort.rows.len();
            match count {
                1 => assert_eq!(rows, 0, "one person is kept whole"),
                2..=PEOPLE_LIMIT => assert_eq!(rows, count),
                _ => assert_eq!(rows, 0),
            }
        }
        assert_eq!(writer.cohort.tally.scored, PEOPLE_LIMIT + 50);
        let people: u32 = writer.cohort.bands[scored.ranking[0].role].iter().sum();
        assert_eq!(people as usize, PEOPLE_LIMIT + 50);
    }

    #[test]
    fn bands_are_tenths_with_full_marks_in_the_top_one() {
        assert_eq!(band(0.0), 0);
        assert_eq!(band(0.0999), 0);
        assert_eq!(band(0.1), 1);
        assert_eq!(band(0.99995), 9);
        assert_eq!(band(1.0), 9);
        assert_eq!(band_name(9), "90–100%");
        assert_eq!(band_name(0), "0–9%");
    }
}
