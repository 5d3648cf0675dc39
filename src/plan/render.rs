//! A plan as a table for people and as JSON for programs.

use std::fmt::Write;

use serde::Serialize;

use super::{Outcome, Plan, Unreachable};
use crate::answers::Respondent;
use crate::catalog::Catalog;
use crate::report::grid::{align_right, new_table};
use crate::report::{Theme, percent};
use crate::score::round4;
use crate::text::escape_control;

/// Why the plan cannot be, in words.
fn reason(catalog: &Catalog, respondent: &Respondent, plan: &Plan) -> Option<String> {
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
            "no combination of levels of {role}'s tags brings it into the top {}; \
             the best any of them reaches is rank {best_rank}",
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
        "Now: rank {}, score {}\n",
        plan.now.rank,
        percent(Some(plan.now.score))
    );
    match &plan.outcome {
        Outcome::Found { changes, .. } if changes.is_empty() => {
            let _ = writeln!(
                out,
                "{name} is already within the top {}: nothing to change.",
                plan.within
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
            let _ = writeln!(
                out,
                "After: rank {}, score {} ({} change{}, {levels} level{} added)",
                after.rank,
                percent(Some(after.score)),
                changes.len(),
                plural(changes.len()),
                plural(levels as usize)
            );
            let _ = writeln!(
                out,
                "{}",
                theme.dim(&crate::text::wrap(
                    "The fewest changes of strengths that do it, then the fewest levels \
                     added. Goals and work style stay as they are.",
                    theme.width,
                    ""
                ))
            );
        }
        Outcome::Unreachable(_) => {
            let why = reason(catalog, respondent, plan).unwrap_or_default();
            let _ = writeln!(out, "No plan: {}.", escape_control(&why));
        }
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[derive(Serialize)]
struct PlanOut<'a> {
    id: &'a str,
    role_id: &'a str,
    within: usize,
    rank_now: usize,
    score_now: f64,
    changes: Option<Vec<ChangeOut<'a>>>,
    rank_after: Option<usize>,
    score_after: Option<f64>,
    reason: Option<String>,
}

#[derive(Serialize)]
struct ChangeOut<'a> {
    tag: &'a str,
    from: Option<u8>,
    to: u8,
}

pub fn json(catalog: &Catalog, respondent: &Respondent, plan: &Plan) -> String {
    let (changes, after) = match &plan.outcome {
        Outcome::Found { changes, after } => (
            Some(
                changes
                    .iter()
                    .map(|c| ChangeOut {
                        tag: &catalog.tags[c.tag].name,
                        from: c.from,
                        to: c.to,
                    })
                    .collect(),
            ),
            Some(after),
        ),
        Outcome::Unreachable(_) => (None, None),
    };
    let document = PlanOut {
        id: &respondent.id,
        role_id: &catalog.roles[plan.role].id,
        within: plan.within,
        rank_now: plan.now.rank,
        score_now: round4(plan.now.score),
        changes,
        rank_after: after.map(|a| a.rank),
        score_after: after.map(|a| round4(a.score)),
        reason: reason(catalog, respondent, plan),
    };
    // Serialising these plain structs cannot fail.
    let mut text =
        crate::text::escape_json(serde_json::to_string_pretty(&document).unwrap_or_default());
    text.push('\n');
    text
}
