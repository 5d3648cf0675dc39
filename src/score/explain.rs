//! Why a role scored as it did: matched tags and gaps, the growth plan,
//! and a score taken apart into points per tag, goal and axis.

use crate::answers::{Respondent, Understood};
use crate::catalog::{Catalog, MAX_LEVEL};
use crate::reader::RELATED_DISCOUNT;

use super::rule::answered_axes;
use super::scored::{Change, RoleScore};

/// The level of a strength, if the tag is one.
pub fn level_of(respondent: &Respondent, tag: usize) -> Option<u8> {
    respondent
        .strengths
        .binary_search_by_key(&tag, |&(t, _)| t)
        .ok()
        .map(|i| respondent.strengths[i].1)
}

/// Why a role scored as it did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Explanation {
    /// The role's tags that are strengths, with levels.
    pub matched: Vec<(usize, u8)>,
    /// The role's tags that are not.
    pub gaps: Vec<usize>,
}

/// Each of the role's tags with the person's level (None: a gap), without
/// allocating; nothing where competency is undefined.
pub fn tag_marks<'a>(
    catalog: &'a Catalog,
    respondent: &'a Respondent,
    score: &RoleScore,
) -> impl Iterator<Item = (usize, Option<u8>)> + 'a {
    let tags: &[usize] = match score.competency {
        Some(_) => &catalog.roles[score.role].tags,
        None => &[],
    };
    tags.iter()
        .map(move |&tag| (tag, level_of(respondent, tag)))
}

/// Matched tags and gaps of a role; both empty where competency is undefined.
pub fn explain(catalog: &Catalog, respondent: &Respondent, score: &RoleScore) -> Explanation {
    let mut explanation = Explanation::default();
    for (tag, level) in tag_marks(catalog, respondent, score) {
        match level {
            Some(level) => explanation.matched.push((tag, level)),
            None => explanation.gaps.push(tag),
        }
    }
    explanation
}

/// The best match's gaps, the person's goals first.
pub fn growth_plan(catalog: &Catalog, respondent: &Respondent, score: &RoleScore) -> Vec<usize> {
    let mut gaps = explain(catalog, respondent, score).gaps;
    gaps.sort_by_key(|tag| respondent.goals.binary_search(tag).is_err());
    gaps
}

/// The weights in effect for a role's score: the path's weights of the
/// components defined, scaled to add up to 1; 0 for the others.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeightsInEffect {
    pub competency: f64,
    pub growth: f64,
    pub work_style: f64,
}

/// A tag's part of a score: level None is a gap (0 points, unless a
/// related word earns part of it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TagPoints {
    pub tag: usize,
    pub level: Option<u8>,
    /// The level of the related word that earns a gap's points, at the
    /// related discount.
    pub related: Option<u8>,
    pub points: f64,
}

/// A goal's part of a score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GoalPoints {
    pub tag: usize,
    /// Earned by a related word, at the related discount.
    pub related: bool,
    pub points: f64,
}

/// The level a related word gives a tag that is no strength.
pub fn related_level(respondent: &Respondent, tag: usize) -> Option<u8> {
    let related = &respondent.words.related;
    (related.binary_search_by_key(&tag, |&(t, _)| t).ok()).map(|i| related[i].1)
}

/// The word that earned a tag's points: the first that claims it
/// directly, else the first related one.
pub fn word_for(respondent: &Respondent, tag: usize, goal: bool) -> Option<&Understood> {
    let words = respondent.words.understood.iter();
    let fits = |u: &&Understood| u.level.is_none() == goal && u.tags.as_slice().contains(&tag);
    let mut fitting = words.filter(fits);
    let first = fitting.next()?;
    if first.how.is_direct() {
        return Some(first);
    }
    Some(fitting.find(|u| u.how.is_direct()).unwrap_or(first))
}

/// An answered axis's part of a score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AxisPoints {
    pub axis: usize,
    pub you: f64,
    pub target: f64,
    pub points: f64,
}

/// A score taken apart: every item's points add up to the score.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub weights: WeightsInEffect,
    /// Every tag of the role, gaps included, in the role's order.
    pub competency: Vec<TagPoints>,
    /// The role's tags that are goals, in the role's order.
    pub growth: Vec<GoalPoints>,
    /// Every answered axis, in axis order.
    pub work_style: Vec<AxisPoints>,
}

/// Takes a role's score apart into points per tag, goal and axis. The
/// score is a weighted mean of component means, so each item's points are
/// its value times its component's weight in effect over the component's
/// item count; their sum is the score.
pub fn breakdown(catalog: &Catalog, respondent: &Respondent, score: &RoleScore) -> Breakdown {
    let role = &catalog.roles[score.role];
    let path = &catalog.paths[respondent.path].weights;
    let weight = |w: Option<f64>, component: Option<f64>| match component {
        Some(_) => w.unwrap_or(0.0),
        None => 0.0,
    };
    let raw = [
        weight(path.competency, score.competency),
        weight(path.growth, score.growth),
        weight(path.work_style, score.work_style),
    ];
    let total: f64 = raw.iter().sum();
    let [competency, growth, work_style] = raw.map(|w| if total > 0.0 { w / total } else { 0.0 });
    let per_tag = 1.0 / role.tags.len() as f64;
    let tags = if score.competency.is_some() {
        tag_marks(catalog, respondent, score)
            .map(|(tag, level)| {
                let related = level
                    .is_none()
                    .then(|| related_level(respondent, tag))
                    .flatten();
                let credit = match (level, related) {
                    (Some(level), _) => f64::from(level),
                    (None, Some(level)) => f64::from(level) * RELATED_DISCOUNT,
                    (None, None) => 0.0,
                };
                TagPoints {
                    tag,
                    level,
                    related,
                    points: competency * per_tag * credit / f64::from(MAX_LEVEL),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let goals = match score.growth {
        Some(_) => role
            .tags
            .iter()
            .filter_map(|&tag| {
                let direct = respondent.goals.binary_search(&tag).is_ok();
                let related = !direct && respondent.words.related_goals.binary_search(&tag).is_ok();
                let share = if direct { 1.0 } else { RELATED_DISCOUNT };
                (direct || related).then_some(GoalPoints {
                    tag,
                    related,
                    points: growth * per_tag * share,
                })
            })
            .collect(),
        None => Vec::new(),
    };
    let axes = match score.work_style {
        Some(_) => {
            let answered = answered_axes(respondent);
            let per_axis = 1.0 / answered.len() as f64;
            answered
                .into_iter()
                .map(|(axis, you)| {
                    let target = role.targets[axis];
                    AxisPoints {
                        axis,
                        you,
                        target,
                        points: work_style * per_axis * (1.0 - (you - target).abs() / 4.0),
                    }
                })
                .collect()
        }
        None => Vec::new(),
    };
    Breakdown {
        weights: WeightsInEffect {
            competency,
            growth,
            work_style,
        },
        competency: tags,
        growth: goals,
        work_style: axes,
    }
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
