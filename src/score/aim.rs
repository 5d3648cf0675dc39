//! The person's aim as a result carries it: a role they named (`target`)
//! or one their goals point at, where it stands, and the plan toward it.
//! The plan itself is searched by `crate::plan`; this is what reports show.

use crate::answers::Respondent;
use crate::catalog::Catalog;

use super::explain::level_of;
use super::scored::Place;

/// The level a skill counts as covered from: 3, practitioner.
pub const COVERED_LEVEL: u8 = crate::answers::DEFAULT_LEVEL;

/// One change to the strengths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub tag: usize,
    /// The level now; None when the tag is not a strength.
    pub from: Option<u8>,
    pub to: u8,
}

impl Change {
    /// Levels this change adds (from nothing counts from 0).
    pub fn levels(&self) -> u32 {
        u32::from(self.to - self.from.unwrap_or(0))
    }
}

/// Where an aim comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AimFrom {
    /// The person named the role (`target:`).
    Target,
    /// The person's goals count most toward it (the highest growth score).
    Goals,
}

impl AimFrom {
    pub fn id(self) -> &'static str {
        match self {
            AimFrom::Target => "target",
            AimFrom::Goals => "goals",
        }
    }
}

/// The plan toward an aim.
#[derive(Debug, Clone, PartialEq)]
pub enum AimPlan {
    /// The changes (empty when the role is already within the plan's
    /// reach) and where they bring the role.
    Found {
        changes: Vec<Change>,
        rank_after: usize,
        score_after: f64,
    },
    /// No change of strengths brings it there; why, in words.
    Unreachable(String),
}

/// One aim and its answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Aim {
    pub role: usize,
    pub from: AimFrom,
    /// Its place now; None when its family is not among those ranked.
    pub place: Option<Place>,
    pub score: f64,
    /// The place the plan aims for (rank K or better): the top 3, or,
    /// for a role already there, first place or the closest to it the
    /// cap allows.
    pub within: usize,
    /// `within` is the closest place to first that the cap allows.
    pub closest: bool,
    /// How far one skill may rise in the plan.
    pub max_raise: u8,
    pub plan: AimPlan,
}

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
