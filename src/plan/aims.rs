//! The person's aims answered: the role they named, or the roles their
//! goals point at, each with its place now and the plan toward it.

use crate::answers::Respondent;
use crate::catalog::Catalog;
use crate::score::{Aim, AimFrom, AimPlan, Scored, goal_roles, standing};

use super::{
    DEFAULT_MAX_RAISE, DEFAULT_WITHIN, Outcome, Plan, PlanError, Unreachable, plan, render,
};

/// The aims of a scored respondent: the target, if named; else the
/// role(s) the goals point at, if any.
pub fn aims(catalog: &Catalog, respondent: &Respondent) -> Vec<Aim> {
    let roles: Vec<(usize, AimFrom)> = match respondent.target {
        Some(role) => vec![(role, AimFrom::Target)],
        None => goal_roles(catalog, respondent)
            .into_iter()
            .map(|role| (role, AimFrom::Goals))
            .collect(),
    };
    roles
        .into_iter()
        .map(|(role, from)| aim(catalog, respondent, role, from))
        .collect()
}

/// Fills in a scored respondent's aims.
pub fn answer_aims(catalog: &Catalog, scored: &mut Scored) {
    scored.aims = aims(catalog, &scored.respondent);
}

/// An aim's plan: `plan` with its defaults (into the top 3, no skill
/// raised more than 2 levels). A role already in the top 3 is not an aim
/// reached, so then the plan is for first place, or, when the cap rules
/// that out, for the best place the cap allows.
fn aim(catalog: &Catalog, respondent: &Respondent, role: usize, from: AimFrom) -> Aim {
    let (place, score) = standing(catalog, respondent, role);
    let search = |within: usize| plan(catalog, respondent, role, within, DEFAULT_MAX_RAISE);
    let mut within = DEFAULT_WITHIN;
    let mut closest = false;
    let mut found = search(within);
    if let Ok(Plan {
        now,
        outcome: Outcome::Found { changes, .. },
        ..
    }) = &found
        && changes.is_empty()
        && now.rank > 1
    {
        let first = search(1);
        match &first {
            Ok(Plan {
                outcome: Outcome::Found { .. },
                ..
            }) => {
                within = 1;
                found = first;
            }
            Ok(Plan {
                outcome: Outcome::Unreachable(Unreachable::OutOfReach { best_rank }),
                now,
                ..
            }) if *best_rank < now.rank => {
                within = *best_rank;
                closest = true;
                found = search(within);
            }
            _ => {}
        }
    }
    let plan = match found {
        Ok(found) => match &found.outcome {
            Outcome::Found { changes, after } => AimPlan::Found {
                changes: changes.clone(),
                rank_after: after.rank,
                score_after: after.score,
            },
            Outcome::Unreachable(_) => AimPlan::Unreachable(
                render::reason(catalog, respondent, &found).unwrap_or_default(),
            ),
        },
        Err(PlanError::NotConsidered) => AimPlan::Unreachable(format!(
            "its family ({}) is not among those ranked",
            catalog.families[catalog.roles[role].family].id
        )),
        Err(PlanError::TooLarge { .. }) => AimPlan::Unreachable(
            "a plan would need more changes than rolefit can search exactly".into(),
        ),
    };
    Aim {
        role,
        from,
        place,
        score: score.score,
        within,
        closest,
        max_raise: DEFAULT_MAX_RAISE,
        plan,
    }
}
