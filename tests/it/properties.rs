//! Invariants of the scoring engine and the reports, over generated answers.

use crate::common;
use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use serde_json::{Value, json};

use rolefit::answers::{Format, Origin, Respondent, parse, resolve};
use rolefit::cli::OutputFormat;
use rolefit::report::{Reporter, Theme};
use rolefit::score::{RoleScore, Scored, assess, ranking_order};

use crate::common::catalog;

fn path_id(path: usize) -> &'static str {
    &catalog().paths[path].id
}

fn respondent() -> impl Strategy<Value = Respondent> {
    common::respondent_with(catalog(), 1.0f64..=5.0)
}

fn score_of(ranking: &[RoleScore], role: usize) -> f64 {
    ranking
        .iter()
        .find(|s| s.role == role)
        .map(|s| s.score)
        .expect("the role is ranked")
}

fn in_unit(x: f64) -> bool {
    x.is_finite() && (0.0..=1.0).contains(&x)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_number_is_a_fraction_and_the_ranking_is_sorted(r in respondent()) {
        let cat = catalog();
        let considered = cat
            .roles
            .iter()
            .filter(|role| r.families.is_empty() || r.families.contains(&role.family))
            .count();
        let scored = assess(cat, r.clone(), None);
        prop_assert_eq!(scored.ranking.len(), considered);
        for s in &scored.ranking {
            prop_assert!(in_unit(s.score), "score {}", s.score);
            for c in [s.competency, s.growth, s.work_style].into_iter().flatten() {
                prop_assert!(in_unit(c), "component {}", c);
            }
            // A path defines exactly the components it weighs.
            let w = cat.paths[r.path].weights;
            prop_assert_eq!(s.competency.is_some(), w.competency.is_some());
            prop_assert_eq!(s.growth.is_some(), w.growth.is_some());
            if w.work_style.is_none() {
                prop_assert!(s.work_style.is_none());
            }
        }
        for pair in scored.ranking.windows(2) {
            prop_assert_ne!(
                ranking_order(cat, &pair[0], &pair[1]),
                std::cmp::Ordering::Greater
            );
        }
    }

    #[test]
    fn a_new_strength_never_lowers_a_score(
        r in respondent(),
        role in 0..24usize,
        pick in 0..3usize,
        level in 1u8..=5,
    ) {
        let cat = catalog();
        let role = role % cat.roles.len();
        let tags = &cat.roles[role].tags;
        let tag = tags[pick % tags.len()];
        let mut more = r.clone();
        more.families = Vec::new();
        let before = assess(cat, more.clone(), None).ranking;
        match more.strengths.binary_search_by_key(&tag, |&(t, _)| t) {
            // Already a strength: raise its level instead.
            Ok(i) => {
                let old = more.strengths[i].1;
                more.strengths[i].1 = old.max(level).max((old + 1).min(5));
            }
            Err(i) => more.strengths.insert(i, (tag, level)),
        }
        let after = assess(cat, more, None).ranking;
        prop_assert!(
            score_of(&after, role) >= score_of(&before, role),
            "{} fell from {} to {}",
            cat.roles[role].id,
            score_of(&before, role),
            score_of(&after, role)
        );
        // No other role loses either: its competency only grows or stays.
        for s in &before {
            prop_assert!(score_of(&after, s.role) >= s.score);
        }
    }

    #[test]
    fn a_new_goal_never_lowers_a_score(r in respondent(), tag in 0..72usize) {
        let cat = catalog();
        let tag = tag % cat.tags.len();
        let before = assess(cat, r.clone(), None).ranking;
        let mut more = r;
        if let Err(i) = more.goals.binary_search(&tag) {
            more.goals.insert(i, tag);
        }
        let after = assess(cat, more, None).ranking;
        for s in &before {
            prop_assert!(score_of(&after, s.role) >= s.score);
        }
    }
}

// ---------------------------------------------------------------- input order

/// An answer file's lists, as written (names, levels, axis answers).
#[derive(Debug, Clone)]
struct Written {
    path: &'static str,
    strengths: Vec<(String, Option<u8>)>,
    goals: Vec<String>,
    work_style: Vec<(String, f64)>,
    families: Vec<String>,
}

impl Written {
    fn yaml(&self) -> String {
        let strengths: Vec<Value> = self
            .strengths
            .iter()
            .map(|(tag, level)| match level {
                None => json!(tag),
                Some(l) => json!({"tag": tag, "level": l}),
            })
            .collect();
        let work_style: serde_json::Map<String, Value> = self
            .work_style
            .iter()
            .map(|(axis, v)| (axis.clone(), json!(v)))
            .collect();
        let mut doc = json!({
            "id": "ordered",
            "path": self.path,
            "strengths": strengths,
            "goals": self.goals,
            "work_style": work_style,
        });
        if !self.families.is_empty() {
            doc["families"] = json!(self.families);
        }
        serde_yaml::to_string(&doc).unwrap()
    }
}

fn any_name() -> impl Strategy<Value = String> {
    let names: Vec<String> = catalog()
        .tags
        .iter()
        .flat_map(|t| std::iter::once(t.name.clone()).chain(t.aliases.iter().cloned()))
        .collect();
    prop::sample::select(names)
}

/// Distinct tags (duplicates would make warnings depend on the order) with
/// names and aliases; axes with any value; paths that read every list.
fn written() -> impl Strategy<Value = Written> {
    let cat = catalog();
    let axes: Vec<String> = cat.axes.iter().map(|a| a.id.clone()).collect();
    let families: Vec<String> = cat.families.iter().map(|f| f.id.clone()).collect();
    (
        prop::sample::select(vec!["full", "competency", "work-style"]),
        prop::collection::vec((any_name(), prop::option::of(1u8..=5)), 0..8),
        prop::collection::vec(any_name(), 0..5),
        prop::sample::subsequence(axes, 1..=5),
        prop::collection::vec(1.0f64..=5.0, 5),
        prop::sample::subsequence(families, 0..=2),
    )
        .prop_map(|(path, strengths, goals, axes, values, families)| {
            let cat = catalog();
            let mut seen = BTreeSet::new();
            let strengths = strengths
                .into_iter()
                .filter(|(n, _)| seen.insert(cat.tag_index(n)))
                .collect();
            let mut seen = BTreeSet::new();
            let goals = goals
                .into_iter()
                .filter(|n| seen.insert(cat.tag_index(n)))
                .collect();
            Written {
                path,
                strengths,
                goals,
                work_style: axes.into_iter().zip(values).collect(),
                families,
            }
        })
}

fn shuffled(w: Written) -> impl Strategy<Value = (Written, Written)> {
    let original = w.clone();
    (
        Just(w.strengths).prop_shuffle(),
        Just(w.goals).prop_shuffle(),
        Just(w.work_style).prop_shuffle(),
        Just(w.families).prop_shuffle(),
    )
        .prop_map(move |(strengths, goals, work_style, families)| {
            let again = Written {
                path: original.path,
                strengths,
                goals,
                work_style,
                families,
            };
            (original.clone(), again)
        })
}

fn score_text(text: &str) -> Scored {
    let origin = Origin {
        source: "ordered.yaml",
        text,
        first_line: 1,
        default_id: "ordered",
    };
    let file = parse(&origin, Format::Yaml).unwrap();
    let respondent = resolve(file, catalog(), &origin).unwrap_or_else(|e| panic!("{e:?}"));
    assess(catalog(), respondent, None)
}

fn render(format: OutputFormat, scored: &[Scored]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut reporter = Reporter::new(catalog(), format, Theme::PLAIN);
    reporter.begin(&mut out).unwrap();
    for s in scored {
        let rendered = reporter.render(s.clone());
        reporter.emit(rendered, &mut out).unwrap();
    }
    reporter.finish(&mut out).unwrap();
    out
}

const FORMATS: [OutputFormat; 5] = [
    OutputFormat::Table,
    OutputFormat::Json,
    OutputFormat::Jsonl,
    OutputFormat::Csv,
    OutputFormat::Markdown,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn the_order_of_answers_changes_nothing(
        (a, b) in written().prop_flat_map(shuffled),
    ) {
        let first = score_text(&a.yaml());
        let second = score_text(&b.yaml());
        prop_assert_eq!(&first.ranking, &second.ranking);
        let (r1, r2) = (&first.respondent, &second.respondent);
        prop_assert_eq!(&r1.strengths, &r2.strengths);
        prop_assert_eq!(&r1.goals, &r2.goals);
        prop_assert_eq!(&r1.work_style, &r2.work_style);
        prop_assert_eq!(&r1.families, &r2.families);
        prop_assert_eq!(path_id(r1.path), a.path);
        // What the reports show is the same too (warnings aside, which quote
        // entries by position, and the words read, listed in file order).
        for format in FORMATS {
            let strip = |s: &Scored| {
                let mut s = s.clone();
                s.respondent.warnings.clear();
                let words = &mut s.respondent.words.understood;
                words.sort_by(|a, b| a.said.cmp(&b.said).then(a.how.cmp(&b.how)));
                s
            };
            prop_assert_eq!(
                render(format, &[strip(&first)]),
                render(format, &[strip(&second)]),
                "{:?}", format
            );
        }
    }

    #[test]
    fn rendering_is_byte_identical_across_runs(
        people in prop::collection::vec(written(), 1..4),
        top in prop::option::of(0usize..12),
    ) {
        let score_all = || -> Vec<Scored> {
            people
                .iter()
                .map(|w| {
                    let mut s = score_text(&w.yaml());
                    s.ranking.truncate(top.unwrap_or(usize::MAX));
                    s
                })
                .collect()
        };
        let (first, second) = (score_all(), score_all());
        for format in FORMATS {
            let a = render(format, &first);
            let b = render(format, &second);
            prop_assert!(!a.is_empty());
            prop_assert_eq!(&a, &b, "{:?}", format);
            if matches!(format, OutputFormat::Json) {
                let doc: Value = serde_json::from_slice(&a).unwrap();
                prop_assert_eq!(doc["respondents"].as_array().unwrap().len(), people.len());
            }
        }
    }
}

/// The number formats of the machine outputs: every number in JSON is a
/// fraction with at most 4 decimals, every CSV number exactly 4.
#[test]
fn machine_numbers_have_four_decimals() {
    let cat = catalog();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = written();
    let mut people = Vec::new();
    for _ in 0..40 {
        use proptest::strategy::ValueTree;
        let w = strategy.new_tree(&mut runner).unwrap().current();
        people.push(score_text(&w.yaml()));
    }
    let json: Value = serde_json::from_slice(&render(OutputFormat::Json, &people)).unwrap();
    assert_eq!(
        json["catalog"]["roles"].as_u64(),
        Some(cat.roles.len() as u64)
    );
    let mut numbers = 0;
    for respondent in json["respondents"].as_array().unwrap() {
        for entry in respondent["ranking"].as_array().unwrap() {
            for field in ["score", "competency", "growth", "work_style"] {
                if let Some(x) = entry[field].as_f64() {
                    assert!(in_unit(x));
                    assert_eq!((x * 10_000.0).round() / 10_000.0, x, "{x}");
                    numbers += 1;
                } else {
                    assert!(entry[field].is_null());
                }
            }
        }
    }
    assert!(numbers > 0);
    let csv = String::from_utf8(render(OutputFormat::Csv, &people)).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let mut rows = 0;
    for record in reader.records() {
        let record = record.unwrap();
        let by_name: BTreeMap<&str, &str> = headers.iter().zip(record.iter()).collect();
        for field in ["score", "competency", "growth", "work_style"] {
            let cell = by_name[field];
            assert!(
                cell.is_empty() || (cell.len() == 6 && cell.starts_with(['0', '1'])),
                "{field} = {cell:?}"
            );
        }
        rows += 1;
    }
    assert_eq!(rows, people.iter().map(|p| p.ranking.len()).sum::<usize>());
}
