//! A plan as a table for people and as JSON for programs.

use std::fmt::Write;

use serde::Serialize;

use super::{Outcome, Plan, Unreachable};
use crate::answers::Respondent;
use crate::catalog::Catalog;
use crate::report::aims::{self, already_within, covered_words, plural};
use crate::report::grid::{align_right, new_table};
use crate::report::{Theme, percent};
use crate::score::round4;
use crate::text::escape_control;

/// Why the plan cannot be, in words.
pub(super) fn reason(catalog: &Catalog, respondent: &Respondent, plan: &Plan) -> Option<String> {
    let role = &catalog.roles[plan.role].name;
    let Outcome::Unreachable(why) = plan.outcome else {
        return None;
    };
    Some(match why {
        Unreachable::StrengthsNotScored => format!(
            "the {} path does not score strengths, so no change of them moves {role}",
            catalog.paths[respondent.path].id
        ),
        Unreachable::OutOfReach { best_rank } => format!(
            "no combination of levels of {role}'s tags, none raised more than {} \
             level{}, brings it into the top {}; the best any of them reaches is \
             rank {best_rank} (a larger --max-raise may do it)",
            plan.max_raise,
            plural(usize::from(plan.max_raise)),
            plan.within
        ),
    })
}

pub fn table(catalog: &Catalog, respondent: &Respondent, plan: &Plan, theme: Theme) -> String {
    let role = &catalog.roles[plan.role];
    let name = escape_control(&role.name);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} into the top {} {} {}",
        theme.bold("Plan:"),
        theme.bold(&name),
        plan.within,
        theme.separator(),
        escape_control(&respondent.id)
    );
    let _ = writeln!(
        out,
        "Now: rank {}, score {}; {}\n",
        plan.now.rank,
        percent(Some(plan.now.score)),
        covered_words(catalog, respondent, plan.role, &[])
    );
    match &plan.outcome {
        Outcome::Found { changes, .. } if changes.is_empty() => {
            let _ = writeln!(
                out,
                "{}",
                crate::text::wrap(&within_text(catalog, respondent, plan), theme.width, "")
            );
        }
        Outcome::Found { changes, after } => {
            let arrow = if theme.unicode { "→" } else { "->" };
            let mut table = new_table(theme, vec!["Change", "Tag", "Level"]);
            for change in changes {
                let (what, from) = match change.from {
                    None => ("add", "-".to_string()),
                    Some(level) => ("raise", level.to_string()),
                };
                table.add_row(vec![
                    what.to_string(),
                    escape_control(&catalog.tags[change.tag].name).into_owned(),
                    format!("{from} {arrow} {}", change.to),
                ]);
            }
            align_right(&mut table, &[2]);
            let _ = writeln!(out, "{}\n", table.trim_fmt());
            let levels: u32 = changes.iter().map(super::Change::levels).sum();
            let after = format!(
                "After: rank {}, score {} ({} change{}, {levels} level{} added); {}",
                after.rank,
                percent(Some(after.score)),
                changes.len(),
                plural(changes.len()),
                plural(levels as usize),
                covered_words(catalog, respondent, plan.role, changes)
            );
            let _ = writeln!(out, "{}", crate::text::wrap(&after, theme.width, ""));
            let _ = writeln!(
                out,
                "{}",
                theme.dim(&crate::text::wrap(
                    &format!(
                        "The fewest changes of strengths that do it, no skill raised more \
                         than {} level{} (one not held counts from 1), then the fewest \
                         levels added. Goals and work style stay as they are.",
                        plan.max_raise,
                        plural(usize::from(plan.max_raise))
                    ),
                    theme.width,
                    ""
                ))
            );
        }
        Outcome::Unreachable(_) => {
            let why = reason(catalog, respondent, plan).unwrap_or_default();
            let text = format!("No plan: {}.", escape_control(&why));
            let _ = writeln!(out, "{}", crate::text::wrap(&text, theme.width, ""));
        }
    }
    // What the plan stands on: the words as they were read.
    let quote = |w: &str| format!("{:?}", escape_control(w).as_ref());
    let words = crate::report::words::summary(catalog, respondent, &quote);
    if !words.is_empty() {
        let _ = writeln!(out);
    }
    for line in words {
        let _ = writeln!(out, "{}", crate::text::wrap(&line, theme.width, ""));
    }
    out
}

/// A role already within reach: what is still below practitioner, and
/// how to ask for first place.
fn within_text(catalog: &Catalog, respondent: &Respondent, plan: &Plan) -> String {
    let mut text = escape_control(&already_within(
        catalog,
        respondent,
        plan.role,
        plan.now.rank,
        plan.within,
    ))
    .into_owned();
    if plan.now.rank > 1 {
        text.push_str(" `--within 1` asks what would make it your best match.");
    }
    text
}

#[derive(Serialize)]
struct PlanOut<'a> {
    id: &'a str,
    role_id: &'a str,
    within: usize,
    max_raise: u8,
    rank_now: usize,
    score_now: f64,
    changes: Option<Vec<aims::ChangeOut<'a>>>,
    rank_after: Option<usize>,
    score_after: Option<f64>,
    /// The role's skills at practitioner level or more, now and after.
    coverage: aims::CoverageOut,
    reason: Option<String>,
    /// How the answer file's words were read.
    understood: Vec<crate::report::words::UnderstoodOut<'a>>,
    not_understood: &'a [String],
}

pub fn json(catalog: &Catalog, respondent: &Respondent, plan: &Plan) -> String {
    let (changes, after) = match &plan.outcome {
        Outcome::Found { changes, after } => (Some(changes.as_slice()), Some(after)),
        Outcome::Unreachable(_) => (None, None),
    };
    let document = PlanOut {
        id: &respondent.id,
        role_id: &catalog.roles[plan.role].id,
        within: plan.within,
        max_raise: plan.max_raise,
        rank_now: plan.now.rank,
        score_now: round4(plan.now.score),
        changes: changes.map(|c| aims::changes_out(catalog, c)),
        rank_after: after.map(|a| a.rank),
        score_after: after.map(|a| round4(a.score)),
        coverage: aims::coverage_out(catalog, respondent, plan.role, changes),
        reason: reason(catalog, respondent, plan),
        understood: crate::report::words::understood(catalog, respondent),
        not_understood: &respondent.words.not_understood,
    };
    // Serialising these plain structs cannot fail.
    let mut text =
        crate::text::escape_json(serde_json::to_string_pretty(&document).unwrap_or_default());
    text.push('\n');
    text
}
