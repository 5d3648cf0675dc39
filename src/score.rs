//! The scoring rule: competency and work-style fit per role, blended by the
//! role's weights. Pure: no I/O, no allocation per role.

use std::cmp::Ordering;

use crate::answers::Respondent;
use crate::catalog::{Catalog, MAX_LEVEL, Role, Weights};

/// One role's score for one respondent. `None` is an undefined component.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoleScore {
    pub role: usize,
    pub score: f64,
    pub competency: Option<f64>,
    pub growth: Option<f64>,
    pub work_style: Option<f64>,
    /// Its score, to 4 decimals, equals a neighbour's in the full ranking
    /// (also one cut off by `--top`).
    pub tied: bool,
}

/// A respondent and their ranking, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub respondent: Respondent,
    pub ranking: Vec<RoleScore>,
    /// Whether each entry's score is to be broken down (`--explain`).
    pub explain: bool,
    /// Roles whose fit profile was asked for (`--role`), in the order asked.
    pub focus: Vec<Focus>,
}

/// A role asked for by name, wherever it ranks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Focus {
    pub score: RoleScore,
    /// Its place in the full ranking; None when its family is not among
    /// those the answers consider.
    pub place: Option<Place>,
}

/// What is asked for beyond the ranking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Asked {
    /// Break every entry's score down (`--explain`).
    pub explain: bool,
    /// Roles whose fit profile to show (`--role`).
    pub roles: Vec<usize>,
}

impl Scored {
    /// The best match: the first role, unless every score is 0 (to 4
    /// decimals). Then nothing matches, and the first role is only first
    /// in id order.
    pub fn best(&self) -> Option<&RoleScore> {
        self.ranking
            .first()
            .filter(|s| ten_thousandths(s.score) > 0)
    }

    /// Roles were ranked, and every one of them scored 0.
    pub fn no_match(&self) -> bool {
        !self.ranking.is_empty() && self.best().is_none()
    }
}

/// A nudge far below 1e-4 and far above floating-point noise. Scores are
/// built from halves, fifths and two-decimal weights, so a value can be
/// exactly half-way on paper (0.40875) yet land a hair either side of it,
/// depending on the order of operations. The nudge rounds such values up
/// whatever the arithmetic, so every implementation of the rule agrees.
const HALF_WAY_NUDGE: f64 = 1e-6;

/// A fraction in ten-thousandths, rounded half up: the precision of JSON.
pub fn ten_thousandths(x: f64) -> i64 {
    let shifted = x * 10_000.0 + HALF_WAY_NUDGE + 0.5;
    // Truncation is floor for the non-negative values scores are, and
    // much cheaper than a libm call in the ranking's hot loop.
    if shifted >= 0.0 {
        shifted as i64
    } else {
        shifted.floor() as i64
    }
}

/// Rounds to the 4 decimals that JSON shows.
pub fn round4(x: f64) -> f64 {
    ten_thousandths(x) as f64 / 10_000.0
}

/// The comparison key of a component: its 4-decimal value, and undefined
/// below every number.
fn key(x: Option<f64>) -> i64 {
    x.map_or(i64::MIN, ten_thousandths)
}

/// The numeric part of the ranking order, larger first: score, then
/// competency, then work style, each as rounded.
fn sort_key(s: &RoleScore) -> [i64; 3] {
    [key(Some(s.score)), key(s.competency), key(s.work_style)]
}

/// Ranking order: score, then competency, then work style (all descending,
/// as rounded), then role id ascending.
pub fn ranking_order(catalog: &Catalog, a: &RoleScore, b: &RoleScore) -> Ordering {
    sort_key(b)
        .cmp(&sort_key(a))
        .then_with(|| catalog.id_order(a.role).cmp(&catalog.id_order(b.role)))
}

/// Per-role sums of a respondent's strength levels and goals, gathered
/// through each tag's list of roles. The work is proportional to the
/// answers given, not to the catalog's size, so a 1,000-role catalog costs
/// the same per answer as the built-in one plus one pass over its roles.
struct Lookup {
    level_sums: Vec<u32>,
    goal_counts: Vec<u32>,
}

impl Lookup {
    fn new(catalog: &Catalog, respondent: &Respondent) -> Self {
        let mut level_sums = vec![0u32; catalog.roles.len()];
        for &(tag, level) in &respondent.strengths {
            for &role in &catalog.tags[tag].roles {
                level_sums[role] += u32::from(level);
            }
        }
        let mut goal_counts = vec![0u32; catalog.roles.len()];
        for &tag in &respondent.goals {
            for &role in &catalog.tags[tag].roles {
                goal_counts[role] += 1;
            }
        }
        Lookup {
            level_sums,
            goal_counts,
        }
    }
}

/// Scores one role.
fn score_role(
    index: usize,
    role: &Role,
    weights: &Weights,
    lookup: &Lookup,
    answered: &[(usize, f64)],
) -> RoleScore {
    // Most roles of a large catalog share nothing with one person: their
    // zero sums skip the divisions, which dominate this function. Every
    // shortcut here gives exactly the value the full arithmetic would.
    let n = role.tags.len() as f64;
    let fraction = |count: u32, per_tag: f64| match count {
        0 => 0.0,
        _ => f64::from(count) / per_tag / n,
    };
    let competency = weights
        .competency
        .map(|_| fraction(lookup.level_sums[index], f64::from(MAX_LEVEL)));
    let growth = weights
        .growth
        .map(|_| fraction(lookup.goal_counts[index], 1.0));
    let work_style = weights.work_style.and_then(|_| {
        let distance: f64 = answered
            .iter()
            .map(|&(axis, a)| (a - role.targets[axis]).abs())
            .sum();
        (!answered.is_empty()).then(|| 1.0 - distance / answered.len() as f64 / 4.0)
    });
    let parts = [
        (weights.competency, competency),
        (weights.growth, growth),
        (weights.work_style, work_style),
    ];
    let (weighted, total_weight) = parts
        .iter()
        .filter_map(|(w, c)| Some((w.as_ref()?, c.as_ref()?)))
        .fold((0.0, 0.0), |(sum, total), (w, c)| (sum + w * c, total + w));
    // The built-in paths' weights add up to exactly 1.
    let score = if total_weight == 1.0 {
        weighted
    } else if total_weight > 0.0 {
        weighted / total_weight
    } else {
        0.0
    };
    RoleScore {
        role: index,
        score,
        competency,
        growth,
        work_style,
        tied: false,
    }
}

/// The answered axes, in axis order (a sum's order stays fixed).
fn answered_axes(respondent: &Respondent) -> Vec<(usize, f64)> {
    respondent
        .work_style
        .iter()
        .enumerate()
        .filter_map(|(axis, value)| Some((axis, (*value)?)))
        .collect()
}

/// Whether the answers rank roles of this family.
fn considers(respondent: &Respondent, role: &Role) -> bool {
    respondent.families.is_empty() || respondent.families.contains(&role.family)
}

/// Where one role stands: its place in the full ranking (None when its
/// family is not considered) and its score. The same rule as [`rank`],
/// without sorting: the place is one more than the roles ordered before
/// it. Plans call this for every candidate change.
pub fn standing(
    catalog: &Catalog,
    respondent: &Respondent,
    role: usize,
) -> (Option<Place>, RoleScore) {
    let lookup = Lookup::new(catalog, respondent);
    let weights = &catalog.paths[respondent.path].weights;
    let answered = answered_axes(respondent);
    let mine = score_role(role, &catalog.roles[role], weights, &lookup, &answered);
    if !considers(respondent, &catalog.roles[role]) {
        return (None, mine);
    }
    let my_key = (sort_key(&mine), catalog.id_order(role));
    let mut place = Place {
        rank: 1,
        first_of_score: 1,
    };
    let mut tied = false;
    for (i, other) in catalog.roles.iter().enumerate() {
        if i == role || !considers(respondent, other) {
            continue;
        }
        let score = score_role(i, other, weights, &lookup, &answered);
        let key = (sort_key(&score), catalog.id_order(i));
        place.rank += usize::from(key.0.cmp(&my_key.0).then(my_key.1.cmp(&key.1)).is_gt());
        place.first_of_score += usize::from(key.0[0] > my_key.0[0]);
        tied |= key.0[0] == my_key.0[0];
    }
    (Some(place), RoleScore { tied, ..mine })
}

/// A role's place in a ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Its position in the ranking order (1 is first).
    pub rank: usize,
    /// The first position of its score (to 4 decimals): what tables show
    /// as `=N` when the role is tied.
    pub first_of_score: usize,
}

/// Ranks the roles the respondent considers; `top` keeps only the first N.
pub fn rank(catalog: &Catalog, respondent: &Respondent, top: Option<usize>) -> Vec<RoleScore> {
    // `validate` asks for no roles: it checks answers and scores nothing.
    if top == Some(0) {
        return Vec::new();
    }
    let lookup = Lookup::new(catalog, respondent);
    let weights = &catalog.paths[respondent.path].weights;
    let answered = answered_axes(respondent);
    // Keys are computed once per role, not once per comparison, and ties
    // compare the roles' places in id order rather than their ids.
    type Key = ([i64; 3], u32);
    let before = |a: &Key, b: &Key| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
    let considered = catalog
        .roles
        .iter()
        .enumerate()
        .filter(|(_, role)| considers(respondent, role));
    let mut keyed: Vec<(Key, RoleScore)> = Vec::new();
    // One role more than shown: the last one shown may tie with it.
    let keep = top.map(|n| n.saturating_add(1));
    match keep {
        // A few best of many: keep them sorted as they come, so most roles
        // cost one comparison of keys with the worst kept.
        Some(n) if n.saturating_mul(4) < catalog.roles.len() => {
            keyed.reserve(n + 1);
            for (i, role) in considered {
                let score = score_role(i, role, weights, &lookup, &answered);
                // Most roles lose on the score alone; the rest of the key
                // is worked out only for those that may not.
                let loses_on_score =
                    |worst: &(Key, RoleScore)| key(Some(score.score)) < worst.0.0[0];
                if keyed.len() == n && keyed.last().is_some_and(loses_on_score) {
                    continue;
                }
                let key = (sort_key(&score), catalog.id_order(i));
                if keyed.len() == n
                    && keyed
                        .last()
                        .is_none_or(|worst| before(&key, &worst.0).is_ge())
                {
                    continue;
                }
                let at = keyed.partition_point(|kept| before(&kept.0, &key).is_lt());
                keyed.insert(at, (key, score));
                keyed.truncate(n);
            }
        }
        _ => {
            keyed.extend(considered.map(|(i, role)| {
                let score = score_role(i, role, weights, &lookup, &answered);
                ((sort_key(&score), catalog.id_order(i)), score)
            }));
            keyed.sort_unstable_by(|a, b| before(&a.0, &b.0));
            keyed.truncate(keep.unwrap_or(usize::MAX));
        }
    }
    // Neighbours in order compare their rounded scores: ties cost nothing.
    for i in 1..keyed.len() {
        if keyed[i].0.0[0] == keyed[i - 1].0.0[0] {
            keyed[i].1.tied = true;
            keyed[i - 1].1.tied = true;
        }
    }
    keyed.truncate(top.unwrap_or(usize::MAX));
    keyed.into_iter().map(|(_, score)| score).collect()
}

/// Scores a respondent.
pub fn assess(catalog: &Catalog, respondent: Respondent, top: Option<usize>) -> Scored {
    assess_asking(catalog, respondent, top, &Asked::default())
}

/// Scores a respondent, with what is asked beyond the ranking.
pub fn assess_asking(
    catalog: &Catalog,
    respondent: Respondent,
    top: Option<usize>,
    asked: &Asked,
) -> Scored {
    let ranking = rank(catalog, &respondent, top);
    let focus = asked
        .roles
        .iter()
        .map(|&role| {
            let (place, score) = standing(catalog, &respondent, role);
            Focus { score, place }
        })
        .collect();
    Scored {
        respondent,
        ranking,
        explain: asked.explain,
        focus,
    }
}

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

/// A tag's part of a score: level None is a gap (0 points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TagPoints {
    pub tag: usize,
    pub level: Option<u8>,
    pub points: f64,
}

/// A goal's part of a score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GoalPoints {
    pub tag: usize,
    pub points: f64,
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
            .map(|(tag, level)| TagPoints {
                tag,
                level,
                points: competency * per_tag * f64::from(level.unwrap_or(0)) / f64::from(MAX_LEVEL),
            })
            .collect()
    } else {
        Vec::new()
    };
    let goals = match score.growth {
        Some(_) => role
            .tags
            .iter()
            .filter(|tag| respondent.goals.binary_search(tag).is_ok())
            .map(|&tag| GoalPoints {
                tag,
                points: growth * per_tag,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn respondent(catalog: &Catalog, path: &str) -> Respondent {
        Respondent {
            id: "t".into(),
            source: "t.yaml".into(),
            path: catalog.path_index(path).unwrap(),
            strengths: vec![],
            goals: vec![],
            work_style: vec![None; catalog.axes.len()],
            families: vec![],
            warnings: vec![],
        }
    }

    #[test]
    fn full_path_without_work_style_renormalises() {
        let catalog = Catalog::builtin().unwrap();
        let mut r = respondent(&catalog, "full");
        let sre = catalog.role_index("site-reliability-engineer").unwrap();
        let tags = &catalog.roles[sre].tags;
        r.strengths = vec![(tags[0], 5), (tags[1], 3)];
        r.strengths.sort_unstable();
        r.goals = vec![tags[2]];
        let ranking = rank(&catalog, &r, None);
        let s = ranking.iter().find(|s| s.role == sre).unwrap();
        let competency = (1.0 + 0.6) / 3.0;
        let growth = 1.0 / 3.0;
        assert_eq!(s.work_style, None);
        assert!((s.score - (0.6 * competency + 0.15 * growth) / 0.75).abs() < 1e-12);
        assert_eq!(ranking[0].role, sre);
    }

    #[test]
    fn work_style_path_has_no_competency() {
        let catalog = Catalog::builtin().unwrap();
        let mut r = respondent(&catalog, "work-style");
        r.work_style[0] = Some(5.0);
        let ranking = rank(&catalog, &r, Some(3));
        assert_eq!(ranking.len(), 3);
        for s in &ranking {
            assert_eq!((s.competency, s.growth), (None, None));
            let target = catalog.roles[s.role].targets[0];
            assert!((s.score - (1.0 - (5.0 - target) / 4.0)).abs() < 1e-12);
            assert!(explain(&catalog, &r, s).gaps.is_empty());
        }
    }

    #[test]
    fn top_n_equals_prefix_of_full_ranking() {
        let catalog = Catalog::builtin().unwrap();
        let mut r = respondent(&catalog, "full");
        r.work_style = vec![Some(3.0), Some(2.0), Some(4.0), Some(1.0), Some(5.0)];
        let all = rank(&catalog, &r, None);
        for n in [0, 1, 5, 24, 40] {
            assert_eq!(
                rank(&catalog, &r, Some(n)),
                all[..n.min(all.len())].to_vec()
            );
        }
    }
}
