//! The fast ranking (top-k with a bar, packed keys, per-person sums)
//! equals a straightforward one written from docs/scoring.md: every role
//! scored, sorted in full, ties marked; on random catalogs and answers.

use std::collections::BTreeSet;
use std::fmt::Write;

use proptest::prelude::*;

use rolefit::answers::Respondent;
use rolefit::catalog::Catalog;
use rolefit::score::{RoleScore, rank, standing, ten_thousandths};

/// A random catalog: the built-in families, axes, questions and paths,
/// plus a path with random weights; roles drawing their tags from a small
/// pool (so roles share tags), targets in halves (so ties are common), and
/// ids whose order is not the catalog's.
#[derive(Debug, Clone)]
struct Shape {
    roles: Vec<(usize, Vec<usize>, Vec<u8>)>,
    weights: [Option<u8>; 3],
    ids: Vec<usize>,
}

fn shape() -> impl Strategy<Value = Shape> {
    let builtin = Catalog::builtin().unwrap();
    let (families, axes) = (builtin.families.len(), builtin.axes.len());
    let role = (
        0..families,
        prop::collection::btree_set(0..24usize, 1..8),
        prop::collection::vec(2u8..=10, axes),
    )
        .prop_map(|(family, tags, halves)| (family, tags.into_iter().collect(), halves));
    (
        prop::collection::vec(role, 1..60),
        prop::array::uniform3(prop::option::of(0u8..=100)),
    )
        .prop_filter("a path needs a positive weight", |(_, w)| {
            w.iter().flatten().any(|&w| w > 0)
        })
        .prop_flat_map(|(roles, weights)| {
            let n = roles.len();
            (
                Just(roles),
                Just(weights),
                Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
            )
        })
        .prop_map(|(roles, weights, ids)| Shape {
            roles,
            weights,
            ids,
        })
}

fn build(shape: &Shape) -> Catalog {
    let builtin = Catalog::builtin().unwrap();
    let mut out = String::from("version: 1\nfamilies:\n");
    for f in &builtin.families {
        writeln!(
            out,
            "  - {{id: {}, name: {}, description: d}}",
            f.id, f.name
        )
        .unwrap();
    }
    out.push_str("axes:\n");
    for a in &builtin.axes {
        writeln!(
            out,
            "  - {{id: {}, name: {}, low: l, high: h}}",
            a.id, a.name
        )
        .unwrap();
    }
    out.push_str("questions:\n");
    for q in &builtin.questions {
        let axis = &builtin.axes[q.axis].id;
        writeln!(
            out,
            "  - {{id: {}, axis: {axis}, text: t, reverse: {}}}",
            q.id, q.reverse
        )
        .unwrap();
    }
    out.push_str("paths:\n");
    let mut paths: Vec<(String, [Option<f64>; 3])> = builtin
        .paths
        .iter()
        .map(|p| {
            let w = p.weights;
            (p.id.clone(), [w.competency, w.growth, w.work_style])
        })
        .collect();
    paths.push((
        "random".into(),
        shape.weights.map(|w| w.map(|w| f64::from(w) / 100.0)),
    ));
    for (id, weights) in &paths {
        let given: Vec<String> = ["competency", "growth", "work_style"]
            .iter()
            .zip(weights)
            .filter_map(|(name, w)| Some(format!("{name}: {}", (*w)?)))
            .collect();
        writeln!(
            out,
            "  - {{id: {id}, name: {id}, description: d, weights: {{{}}}}}",
            given.join(", ")
        )
        .unwrap();
    }
    let used: BTreeSet<usize> = shape.roles.iter().flat_map(|r| r.1.clone()).collect();
    out.push_str("tags:\n");
    for tag in &used {
        writeln!(out, "  - {{name: skill {tag}}}").unwrap();
    }
    out.push_str("roles:\n");
    for (i, (family, tags, halves)) in shape.roles.iter().enumerate() {
        let tags: Vec<String> = tags.iter().map(|t| format!("skill {t}")).collect();
        let axes: Vec<String> = builtin
            .axes
            .iter()
            .zip(halves)
            .map(|(a, &h)| format!("{}: {}", a.id, f64::from(h) / 2.0))
            .collect();
        writeln!(
            out,
            "  - id: role-{}\n    name: Role {i}\n    family: {}\n    summary: s\n    detail: d\n    tags: [{}]\n    profile:\n      axes: {{{}}}\n      behaviors: {{trust: t, clarity: c, accountability: a, shared_results: s}}",
            shape.ids[i],
            builtin.families[*family].id,
            tags.join(", "),
            axes.join(", ")
        )
        .unwrap();
    }
    Catalog::parse(&out, "random.yaml").unwrap_or_else(|e| panic!("{e:?}\n{out}"))
}

/// Answers to a catalog of `tags` tags: levels, goals, axes in thirds and
/// halves (the means statements give), families.
fn answers(
    tags: usize,
    axes: usize,
    paths: usize,
    families: usize,
) -> impl Strategy<Value = Respondent> {
    (
        0..paths,
        prop::collection::btree_map(0..tags, 1u8..=5, 0..10),
        prop::collection::btree_set(0..tags, 0..4),
        prop::collection::vec(prop::option::of(prop_oneof![3u8..=15, 16u8..=20]), axes),
        prop::collection::btree_set(0..families, 0..3),
    )
        .prop_map(|(path, strengths, goals, axes, families)| Respondent {
            id: "someone".into(),
            source: "random.yaml".into(),
            path,
            strengths: strengths.into_iter().collect(),
            goals: goals.into_iter().collect(),
            // 3..=15 are thirds from 1 to 5; 16..=20 halves from 1.5 to 3.5.
            work_style: axes
                .into_iter()
                .map(|v| {
                    v.map(|v| {
                        if v <= 15 {
                            f64::from(v) / 3.0
                        } else {
                            f64::from(v - 13) / 2.0
                        }
                    })
                })
                .collect(),
            families: families.into_iter().collect(),
            warnings: Vec::new(),
            words: Default::default(),
        })
}

/// Rounded components: what the ranking compares and the outputs show.
type Rounded = (usize, i64, Option<i64>, Option<i64>, Option<i64>, bool);

/// docs/scoring.md, written out plainly: every considered role scored, the
/// whole list sorted, neighbours with equal rounded scores tied.
fn straightforward(catalog: &Catalog, r: &Respondent) -> Vec<Rounded> {
    let w = catalog.paths[r.path].weights;
    let level = |t: &usize| r.strengths.iter().find(|s| s.0 == *t).map_or(0, |s| s.1);
    let answered: Vec<(usize, f64)> = r
        .work_style
        .iter()
        .enumerate()
        .filter_map(|(a, v)| Some((a, (*v)?)))
        .collect();
    let mut rows: Vec<Rounded> = Vec::new();
    for (i, role) in catalog.roles.iter().enumerate() {
        if !r.families.is_empty() && !r.families.contains(&role.family) {
            continue;
        }
        let n = role.tags.len() as f64;
        let competency = w.competency.map(|_| {
            role.tags
                .iter()
                .map(|t| f64::from(level(t)) / 5.0)
                .sum::<f64>()
                / n
        });
        let growth = w
            .growth
            .map(|_| role.tags.iter().filter(|t| r.goals.contains(t)).count() as f64 / n);
        let work_style = w.work_style.filter(|_| !answered.is_empty()).map(|_| {
            let gaps: f64 = answered
                .iter()
                .map(|&(a, u)| (u - role.targets[a]).abs() / 4.0)
                .sum();
            1.0 - gaps / answered.len() as f64
        });
        let parts = [
            (w.competency, competency),
            (w.growth, growth),
            (w.work_style, work_style),
        ];
        let defined = parts.iter().filter_map(|(w, c)| Some(((*w)?, (*c)?)));
        let total: f64 = defined.clone().map(|(w, _)| w).sum();
        let sum: f64 = defined.map(|(w, c)| w * c).sum();
        let score = if total > 0.0 { sum / total } else { 0.0 };
        let round = |x: Option<f64>| x.map(ten_thousandths);
        rows.push((
            i,
            ten_thousandths(score),
            round(competency),
            round(growth),
            round(work_style),
            false,
        ));
    }
    let below = i64::MIN;
    rows.sort_by(|a, b| {
        (b.1, b.2.unwrap_or(below), b.4.unwrap_or(below))
            .cmp(&(a.1, a.2.unwrap_or(below), a.4.unwrap_or(below)))
            .then_with(|| catalog.roles[a.0].id.cmp(&catalog.roles[b.0].id))
    });
    for i in 1..rows.len() {
        if rows[i].1 == rows[i - 1].1 {
            rows[i].5 = true;
            rows[i - 1].5 = true;
        }
    }
    rows
}

fn rounded(s: &RoleScore) -> Rounded {
    let round = |x: Option<f64>| x.map(ten_thousandths);
    (
        s.role,
        ten_thousandths(s.score),
        round(s.competency),
        round(s.growth),
        round(s.work_style),
        s.tied,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_fast_ranking_is_the_straightforward_one(
        (shape, r) in shape().prop_flat_map(|shape| {
            let catalog = build(&shape);
            let respondent = answers(
                catalog.tags.len(),
                catalog.axes.len(),
                catalog.paths.len(),
                catalog.families.len(),
            );
            (Just(shape), respondent)
        }),
        top in 1usize..12,
    ) {
        let catalog = build(&shape);
        let plain = straightforward(&catalog, &r);
        let full = rank(&catalog, &r, None);
        prop_assert_eq!(full.iter().map(rounded).collect::<Vec<_>>(), plain);
        // The top-k path (taken when k + 1 is under a quarter of the
        // roles) gives the full ranking's first k, exactly.
        let cut = rank(&catalog, &r, Some(top));
        prop_assert_eq!(&cut[..], &full[..top.min(full.len())]);
        // One role's standing is its place in the full ranking.
        for (at, s) in full.iter().enumerate() {
            let (place, alone) = standing(&catalog, &r, s.role);
            let place = place.expect("a ranked role is considered");
            prop_assert_eq!(place.rank, at + 1);
            let first = full.iter().position(|o| ten_thousandths(o.score) == ten_thousandths(s.score));
            prop_assert_eq!(Some(place.first_of_score - 1), first);
            prop_assert_eq!(alone, *s);
        }
    }
}
