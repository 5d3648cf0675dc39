//! Scoring: the rule, the ranking and the explanation of a score, and
//! what a scored respondent carries to the reports. Pure: no I/O, no
//! allocation per role.

mod aim;
mod explain;
mod notes;
mod rank;
mod round;
mod rule;
mod scored;

pub use aim::{coverage, goal_roles};
pub use explain::{
    AxisPoints, Breakdown, Explanation, GoalPoints, TagPoints, WeightsInEffect, breakdown, explain,
    growth_plan, level_of, related_level, tag_marks, word_for,
};
pub use notes::{FEW_AXES, Note, NoteKind, note_kinds, notes};
pub use rank::{assess, assess_asking, rank, ranking_order, standing};
pub use round::{round4, ten_thousandths};
pub use scored::{
    Aim, AimFrom, AimPlan, Asked, COVERED_LEVEL, Change, Focus, Place, RoleScore, Scored,
};

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
