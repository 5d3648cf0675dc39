//! Ties, `--explain` and `plan`, in the library: invariants over generated
//! answers, and plans checked against a brute-force search.

mod common;

use std::cmp::Reverse;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRng, TestRunner};

use rolefit::answers::Respondent;
use rolefit::catalog::Catalog;
use rolefit::plan::{Change, Outcome, PlanError, Unreachable, apply, plan, plan_within_limit};
use rolefit::score::{breakdown, rank, round4, ten_thousandths};

fn builtin() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::builtin().expect("the built-in catalog is valid"))
}

/// Answers with half-step axis values, as people give them: ties are
/// common then.
fn respondent(catalog: &'static Catalog) -> impl Strategy<Value = Respondent> {
    common::respondent_with(catalog, (2u8..=10).prop_map(|h| f64::from(h) / 2.0))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Each entry's points, as JSON rounds them, add up to its score as
    /// JSON rounds it: within half a ten-thousandth per rounded number.
    #[test]
    fn explain_points_add_up_to_the_score(r in respondent(builtin())) {
        let cat = builtin();
        for s in rank(cat, &r, None) {
            let b = breakdown(cat, &r, &s);
            let w = b.weights;
            let points: Vec<f64> = b.competency.iter().map(|p| p.points)
                .chain(b.growth.iter().map(|p| p.points))
                .chain(b.work_style.iter().map(|p| p.points))
                .collect();
            let exact: f64 = points.iter().sum();
            prop_assert!((exact - s.score).abs() < 1e-9, "{} vs {}", exact, s.score);
            let rounded: f64 = points.iter().map(|&p| round4(p)).sum();
            let tolerance = (points.len() + 1) as f64 * 0.5e-4 + 1e-9;
            prop_assert!(
                (rounded - round4(s.score)).abs() <= tolerance,
                "{} points sum to {} for score {}", points.len(), rounded, round4(s.score)
            );
            // The weights in effect add up to 1 (0 when nothing is defined),
            // and an undefined component has weight 0 and no items.
            let total = w.competency + w.growth + w.work_style;
            prop_assert!((total - 1.0).abs() < 1e-12 || total == 0.0, "weights {:?}", w);
            for (weight, component, items) in [
                (w.competency, s.competency, b.competency.len()),
                (w.growth, s.growth, b.growth.len()),
                (w.work_style, s.work_style, b.work_style.len()),
            ] {
                if component.is_none() {
                    prop_assert_eq!((weight, items), (0.0, 0));
                }
            }
            if s.competency.is_some() {
                prop_assert_eq!(b.competency.len(), cat.roles[s.role].tags.len());
            }
        }
    }

    /// `tied` is true exactly when a neighbour in the full ranking has the
    /// same score to 4 decimals, also for the last entry kept by a top N.
    #[test]
    fn tied_means_a_neighbour_has_the_same_rounded_score(
        r in respondent(builtin()),
        top in 1usize..30,
    ) {
        let cat = builtin();
        let all = rank(cat, &r, None);
        let units: Vec<i64> = all.iter().map(|s| ten_thousandths(s.score)).collect();
        for (i, s) in all.iter().enumerate() {
            let tied = (i > 0 && units[i - 1] == units[i])
                || (i + 1 < units.len() && units[i + 1] == units[i]);
            prop_assert_eq!(s.tied, tied, "entry {}", i);
        }
        let kept = rank(cat, &r, Some(top));
        prop_assert_eq!(kept, all[..top.min(all.len())].to_vec());
    }
}

// ---------------------------------------------------------------- plans

/// The best plan by brute force: every combination of levels of the
/// role's tags (and, when given, of one more tag that is not the role's,
/// to show such a change never helps), each scored through `rank`.
/// Returns None when no combination works.
fn brute_force(
    cat: &Catalog,
    r: &Respondent,
    role: usize,
    within: usize,
    extra: Option<usize>,
) -> Option<(Vec<Change>, usize, i64)> {
    let mut tags = cat.roles[role].tags.clone();
    tags.extend(extra);
    let now: Vec<Option<u8>> = tags
        .iter()
        .map(|&t| rolefit::score::level_of(r, t))
        .collect();
    // Each tag's choices: unchanged, or any level above the current one.
    let choices: Vec<Vec<Option<u8>>> = now
        .iter()
        .map(|&level| {
            std::iter::once(None)
                .chain((level.unwrap_or(0) + 1..=5).map(Some))
                .collect()
        })
        .collect();
    type Key = (
        usize,
        u32,
        Reverse<usize>,
        usize,
        Reverse<i64>,
        Vec<(usize, u8)>,
    );
    let mut best: Option<(Key, Vec<Change>, usize, i64)> = None;
    let mut pick = vec![0usize; tags.len()];
    loop {
        let changes: Vec<Change> = (0..tags.len())
            .filter_map(|i| {
                choices[i][pick[i]].map(|to| Change {
                    tag: tags[i],
                    from: now[i],
                    to,
                })
            })
            .collect();
        let changed = apply(r, &changes);
        let ranking = rank(cat, &changed, None);
        let place = ranking.iter().position(|s| s.role == role).unwrap() + 1;
        if place <= within {
            let score = ten_thousandths(ranking[place - 1].score);
            let levels = changes.iter().map(Change::levels).sum();
            let goals = changes
                .iter()
                .filter(|c| r.goals.binary_search(&c.tag).is_ok())
                .count();
            // The role's tag order, lowest levels first, breaks the last ties.
            let order = (0..tags.len())
                .filter_map(|i| choices[i][pick[i]].map(|to| (i, to)))
                .collect();
            let key = (
                changes.len(),
                levels,
                Reverse(goals),
                place,
                Reverse(score),
                order,
            );
            if best.as_ref().is_none_or(|b| key < b.0) {
                best = Some((key, changes, place, score));
            }
        }
        // The next combination, like an odometer.
        let mut i = 0;
        loop {
            if i == tags.len() {
                return best.map(|(_, changes, place, score)| (changes, place, score));
            }
            pick[i] += 1;
            if pick[i] < choices[i].len() {
                break;
            }
            pick[i] = 0;
            i += 1;
        }
    }
}

/// What a checked case was, to show the cases cover every outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Case {
    NotConsidered,
    AlreadyWithin,
    OneChange,
    SeveralChanges,
    StrengthsNotScored,
    OutOfReach,
}

/// Checks `plan` against the brute force for one case.
fn check_plan(
    cat: &Catalog,
    r: &Respondent,
    role: usize,
    within: usize,
    extra: Option<usize>,
) -> Case {
    let considered = r.families.is_empty() || r.families.contains(&cat.roles[role].family);
    let found = plan(cat, r, role, within);
    if !considered {
        assert_eq!(found, Err(PlanError::NotConsidered));
        return Case::NotConsidered;
    }
    let found = found.expect("small searches are never too large");
    let expected = brute_force(cat, r, role, within, extra);
    let ranking = rank(cat, r, None);
    let now = ranking.iter().position(|s| s.role == role).unwrap() + 1;
    assert_eq!(found.now.rank, now);
    match (&found.outcome, expected) {
        (Outcome::Found { changes, after }, Some((best, place, score))) => {
            assert_eq!(changes, &best, "role {role}, within {within}, {r:?}");
            assert_eq!((after.rank, ten_thousandths(after.score)), (place, score));
            // Applying the changes and ranking again gives the rank promised.
            let again = rank(cat, &apply(r, changes), None);
            assert_eq!(
                again.iter().position(|s| s.role == role).unwrap() + 1,
                after.rank
            );
            match changes.len() {
                0 => Case::AlreadyWithin,
                1 => Case::OneChange,
                _ => Case::SeveralChanges,
            }
        }
        (Outcome::Unreachable(why), None) => {
            let strengths_scored = cat.paths[r.path].weights.competency.is_some();
            match why {
                Unreachable::StrengthsNotScored => {
                    assert!(!strengths_scored);
                    Case::StrengthsNotScored
                }
                Unreachable::OutOfReach { best_rank } => {
                    assert!(strengths_scored);
                    assert!(*best_rank > within);
                    Case::OutOfReach
                }
            }
        }
        (got, want) => {
            panic!("plan {got:?}, brute force {want:?}, role {role}, within {within}, {r:?}")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn plans_on_the_built_in_catalog_are_the_brute_force_optimum(
        r in respondent(builtin()),
        role in 0..24usize,
        within in 1usize..6,
    ) {
        let cat = builtin();
        check_plan(cat, &r, role % cat.roles.len(), within, None);
    }
}

/// A catalog of a few roles over a few shared tags, with up to five tags
/// per role (the built-in roles have three), from the built-in catalog's
/// families, axes, questions and paths.
fn small_catalog(rng: &mut TestRng) -> Catalog {
    let builtin_text = include_str!("../roles.yaml");
    let head = &builtin_text[..builtin_text.find("\ntags:").unwrap()];
    let tag_count = rng.random_range(4..=8);
    let role_count = rng.random_range(3..=8);
    let mut text = format!("{head}\ntags:\n");
    for t in 0..tag_count {
        text.push_str(&format!("  - {{name: skill {t}}}\n"));
    }
    text.push_str("roles:\n");
    let mut used = vec![false; tag_count];
    for i in 0..role_count {
        let mut tags: Vec<usize> = (0..tag_count).collect();
        // A shuffle, then the first few; the last role takes any tag unused.
        for j in (1..tags.len()).rev() {
            tags.swap(j, rng.random_range(0..=j));
        }
        let n = rng.random_range(3..=tag_count.min(5));
        let mut mine: Vec<usize> = tags[..n].to_vec();
        if i + 1 == role_count {
            let unused: Vec<usize> = (0..tag_count)
                .filter(|&t| !used[t] && !mine.contains(&t))
                .collect();
            mine.extend(unused);
        }
        for &t in &mine {
            used[t] = true;
        }
        let names: Vec<String> = mine.iter().map(|t| format!("skill {t}")).collect();
        let axes: Vec<String> = ["communication", "planning", "stakeholder", "pace", "scope"]
            .iter()
            .map(|a| format!("{a}: {}", rng.random_range(1..=5)))
            .collect();
        let family = ["support", "engineering", "architecture", "leadership"][i % 4];
        text.push_str(&format!(
            "  - id: role-{i}\n    name: Role {i}\n    family: {family}\n    summary: s\n    detail: d\n    \
             tags: [{}]\n    profile:\n      axes: {{{}}}\n      behaviors: {{trust: t, clarity: c, \
             accountability: a, shared_results: r}}\n",
            names.join(", "),
            axes.join(", ")
        ));
    }
    Catalog::parse(&text, "small.yaml").unwrap_or_else(|e| panic!("{e}\n{text}"))
}

#[test]
fn plans_on_small_catalogs_with_more_tags_are_the_brute_force_optimum() {
    let mut runner = TestRunner::new(Config::default());
    let mut seen = std::collections::BTreeMap::new();
    for _ in 0..30 {
        let rng = runner.rng();
        let cat: &'static Catalog = Box::leak(Box::new(small_catalog(rng)));
        let strategy = respondent(cat);
        for _ in 0..6 {
            let r = strategy.new_tree(&mut runner).unwrap().current();
            let rng = runner.rng();
            let role = rng.random_range(0..cat.roles.len());
            let within = rng.random_range(1..=3);
            // One tag that is not the role's, if any: changing it never helps.
            let others: Vec<usize> = (0..cat.tags.len())
                .filter(|t| !cat.roles[role].tags.contains(t))
                .collect();
            // (Only for roles of up to four tags: the brute force is 6^tags.)
            let extra = (!others.is_empty() && cat.roles[role].tags.len() <= 4)
                .then(|| others[rng.random_range(0..others.len())]);
            *seen
                .entry(check_plan(cat, &r, role, within, extra))
                .or_insert(0) += 1;
        }
    }
    // The generated cases reach every kind of outcome.
    assert_eq!(seen.len(), 6, "{seen:?}");
}

#[test]
fn a_search_too_large_to_finish_is_refused_not_guessed() {
    let cat = builtin();
    let vp = cat.role_index("vp-of-engineering").unwrap();
    let tag = |name: &str| cat.tag_index(name).unwrap();
    let mut strengths = vec![
        (tag("error budgets and SLOs"), 3),
        (tag("pager and on-call operations"), 5),
        (tag("canonical data modeling"), 2),
        (tag("landing-zone architecture"), 1),
    ];
    strengths.sort_unstable();
    let r = Respondent {
        id: "planner".into(),
        source: "planner.yaml".into(),
        path: cat.path_index("full").unwrap(),
        strengths,
        goals: vec![tag("threat modeling depth")],
        work_style: vec![Some(4.0), Some(3.0), Some(2.0), Some(4.5), Some(2.0)],
        families: Vec::new(),
        warnings: Vec::new(),
        words: Default::default(),
    };
    // First place takes all three of the VP's tags, none held yet: the
    // search tries 15 one-change, 75 two-change and 125 three-change
    // candidates, each ranking every role.
    let found = plan(cat, &r, vp, 1).unwrap();
    assert!(
        matches!(&found.outcome, Outcome::Found { changes, .. } if changes.len() == 3),
        "{found:?}"
    );
    let roles = cat.roles.len() as u64;
    // With room for the shorter candidates only, it stops before the
    // three-change ones instead of answering without them.
    assert_eq!(
        plan_within_limit(cat, &r, vp, 1, (15 + 75) * roles),
        Err(PlanError::TooLarge { candidates: 125 })
    );
    assert_eq!(
        plan_within_limit(cat, &r, vp, 1, (15 + 75 + 125) * roles),
        Ok(found)
    );
}
