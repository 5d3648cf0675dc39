//! Finding the person's aims: the roles their goals point at, and how
//! many of a role's skills they hold. An aim as a result carries it is in
//! `scored`; the plan toward it is searched by `crate::plan`.

use crate::answers::Respondent;
use crate::catalog::Catalog;

use super::explain::level_of;
use super::scored::Change;

/// How many of a role's skills the person holds at `level` or more, after
/// `changes`, and how many skills the role has.
pub fn coverage(
    catalog: &Catalog,
    respondent: &Respondent,
    role: usize,
    changes: &[Change],
    level: u8,
) -> (usize, usize) {
    let tags = &catalog.roles[role].tags;
    let covered = tags
        .iter()
        .filter(|&&tag| {
            let after = changes
                .iter()
                .find(|c| c.tag == tag)
                .map(|c| c.to)
                .or_else(|| level_of(respondent, tag));
            after.is_some_and(|l| l >= level)
        })
        .count();
    (covered, tags.len())
}

/// The roles the person's goals point at: those with the highest share of
/// their skills among the goals (all tied ones), among the roles ranked.
/// None when no goal is a skill of a role ranked.
pub fn goal_roles(catalog: &Catalog, respondent: &Respondent) -> Vec<usize> {
    if respondent.goals.is_empty() || !catalog.paths[respondent.path].assesses_competency() {
        return Vec::new();
    }
    let considered =
        |family: usize| respondent.families.is_empty() || respondent.families.contains(&family);
    // Shares compared exactly as fractions: hits / tags.
    let mut best: Vec<usize> = Vec::new();
    let mut best_share = (0usize, 1usize);
    for (r, role) in catalog.roles.iter().enumerate() {
        if !considered(role.family) || role.tags.is_empty() {
            continue;
        }
        let hits = role
            .tags
            .iter()
            .filter(|t| respondent.goals.binary_search(t).is_ok())
            .count();
        if hits == 0 {
            continue;
        }
        let share = (hits, role.tags.len());
        let (a, b) = (share.0 * best_share.1, best_share.0 * share.1);
        if a > b {
            best = vec![r];
            best_share = share;
        } else if a == b {
            best.push(r);
        }
    }
    best
}
