//! The person's aims answered: the role they named, or the roles their
//! goals point at, each with its place now and the plan toward it (the
//! plan with its defaults: into the top 3, no skill raised more than 2).

use crate::answers::Respondent;
use crate::catalog::Catalog;
use crate::score::{Aim, AimFrom, AimPlan, Scored, goal_roles, standing};

use super::{DEFAULT_MAX_RAISE, DEFAULT_WITHIN, Outcome, PlanError, plan, render};

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

fn aim(catalog: &Catalog, respondent: &Respondent, role: usize, from: AimFrom) -> Aim {
    let (place, score) = standing(catalog, respondent, role);
    let plan = match plan(catalog, respondent, role, DEFAULT_WITHIN, DEFAULT_MAX_RAISE) {
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
        within: DEFAULT_WITHIN,
        max_raise: DEFAULT_MAX_RAISE,
        plan,
    }
}
