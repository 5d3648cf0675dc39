//! Scoring, pure (no I/O, no allocation per role): the ranking of the roles
//! for a respondent, each role's place and ties, and what the rest of
//! rolefit reads of scores.
//!
//! Its parts, each using only those before it: `round`, `scored`, `rule`,
//! `explain`, `notes`.

use std::cmp::Ordering;

use crate::answers::Respondent;
use crate::catalog::Catalog;
use round::rounds_below;
use rule::Person;

mod explain;
mod notes;
mod round;
mod rule;
mod scored;

pub use explain::{
    AxisPoints, Breakdown, Explanation, GoalPoints, TagPoints, WeightsInEffect, breakdown,
    coverage, explain, goal_roles, growth_plan, level_of, related_level, tag_marks, word_for,
};
pub use notes::{FEW_AXES, Note, NoteKind, note_kinds, notes};
pub use round::{round4, ten_thousandths};
pub use scored::{
    Aim, AimFrom, AimPlan, Asked, COVERED_LEVEL, Change, Focus, Place, RoleScore, Scored,
};

/// A role's place in the ranking order as one integer, smaller first:
/// score, competency and work style (each as rounded, larger first, an
/// undefined one below every number), then the role's place in id order.
/// Comparing two roles is one integer comparison.
type Key = u128;

/// A component's rounded value as 32 bits that sort larger-first. The
/// values are fractions from 0 to 1 (0 to 10,000 when rounded), far inside
/// what 32 bits hold; undefined is below all of them.
fn descending(x: Option<f64>) -> u128 {
    let value = x.map_or(i64::MIN, ten_thousandths);
    let clamped = value.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
    // Flipping the sign bit orders i32 values as unsigned ones.
    let ascending = (clamped as u32) ^ 0x8000_0000;
    u128::from(u32::MAX - ascending)
}

fn key(catalog: &Catalog, s: &RoleScore) -> Key {
    descending(Some(s.score)) << 96
        | descending(s.competency) << 64
        | descending(s.work_style) << 32
        | u128::from(catalog.id_order(s.role))
}

/// The rounded score's part of a key: equal for tied roles.
fn score_part(key: Key) -> u128 {
    key >> 96
}

/// Ranking order: score, then competency, then work style (all descending,
/// as rounded), then role id ascending.
pub fn ranking_order(catalog: &Catalog, a: &RoleScore, b: &RoleScore) -> Ordering {
    key(catalog, a).cmp(&key(catalog, b))
}

/// Ranks the roles the respondent considers; `top` keeps only the first N.
pub fn rank(catalog: &Catalog, respondent: &Respondent, top: Option<usize>) -> Vec<RoleScore> {
    // `validate` asks for no roles: it checks answers and scores nothing.
    if top == Some(0) {
        return Vec::new();
    }
    let person = Person::new(catalog, respondent);
    // One role more than shown: the last one shown may tie with it.
    let keep = top.map(|n| n.saturating_add(1));
    let mut keyed: Vec<(Key, RoleScore)> = match keep {
        Some(n) if n.saturating_mul(4) < catalog.roles.len() => best(catalog, &person, n),
        _ => {
            let mut all = Vec::with_capacity(catalog.roles.len());
            person.each_candidate(catalog, |candidate| {
                let s = person.score(candidate);
                all.push((key(catalog, &s), s));
            });
            all.sort_unstable_by_key(|&(key, _)| key);
            all.truncate(keep.unwrap_or(usize::MAX));
            all
        }
    };
    // Neighbours in order compare their rounded scores: ties cost nothing.
    for i in 1..keyed.len() {
        if score_part(keyed[i].0) == score_part(keyed[i - 1].0) {
            keyed[i].1.tied = true;
            keyed[i - 1].1.tied = true;
        }
    }
    keyed.truncate(top.unwrap_or(usize::MAX));
    keyed.into_iter().map(|(_, score)| score).collect()
}

/// The first `n` (at least 1) of many scores in ranking order, kept sorted
/// as they come. Most roles lose to the worst kept on the rounded score
/// alone: one rounding and one comparison, no key, no move.
fn best(catalog: &Catalog, person: &Person, n: usize) -> Vec<(Key, RoleScore)> {
    let mut kept: Vec<(Key, RoleScore)> = Vec::with_capacity(n + 1);
    // The worst kept's rounded score, once `n` are kept.
    let mut bar = f64::NEG_INFINITY;
    person.each_candidate(catalog, |candidate| {
        let valued = person.value(candidate);
        if rounds_below(valued.score, bar) {
            return;
        }
        let score = person.complete(valued);
        let key = key(catalog, &score);
        if kept.len() == n && kept.last().is_some_and(|worst| key >= worst.0) {
            return;
        }
        let at = kept.partition_point(|kept| kept.0 < key);
        kept.insert(at, (key, score));
        kept.truncate(n);
        if kept.len() == n {
            let worst = kept
                .last()
                .map_or(i64::MIN, |worst| ten_thousandths(worst.1.score));
            bar = worst as f64;
        }
    });
    kept
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
    let person = Person::new(catalog, respondent);
    let mine = person.score(person.candidate(role));
    if !person.considers(catalog, role) {
        return (None, mine);
    }
    let my_key = key(catalog, &mine);
    let mut place = Place {
        rank: 1,
        first_of_score: 1,
    };
    let mut tied = false;
    person.each_candidate(catalog, |other| {
        if other.index == role {
            return;
        }
        let key = key(catalog, &person.score(other));
        place.rank += usize::from(key < my_key);
        place.first_of_score += usize::from(score_part(key) < score_part(my_key));
        tied |= score_part(key) == score_part(my_key);
    });
    (Some(place), RoleScore { tied, ..mine })
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
        aims: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    //! Unit tests of the scoring rule and the ranking.

    use super::{explain, rank};
    use crate::answers::Respondent;
    use crate::catalog::Catalog;

    fn respondent(catalog: &Catalog, path: &str) -> Respondent {
        Respondent {
            id: "t".into(),
            source: "t.yaml".into(),
            path: catalog.path_index(path).unwrap(),
            strengths: vec![],
            goals: vec![],
            work_style: vec![None; catalog.axes.len()],
            families: vec![],
            target: None,
            warnings: vec![],
            ..Default::default()
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
