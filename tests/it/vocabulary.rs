//! The vocabulary evaluation: everyday skill words (tests/vocabulary.yaml)
//! run through the real tag resolution and "did you mean" code of the
//! built-in catalog. A phrase is served when it resolves to a tag an advisor
//! accepts, or when its hint or suggestions name one; it is WRONG when it
//! resolves to a tag the advisor does not accept (or, for a broad word, to
//! any tag at all). Run with `--nocapture` to see the numbers and misses.

use crate::common::{self, Phrase as Entry, yaml_list};
use predicates::prelude::*;
use rolefit::catalog::{Catalog, TagMiss};

#[derive(Debug, PartialEq)]
enum Outcome {
    Resolved,
    Suggested,
    NotServed,
    Wrong(String),
}

fn outcome(catalog: &Catalog, entry: &Entry) -> Outcome {
    let accepted = |tag: &str| entry.accept.iter().any(|a| a == tag);
    if let Some(tag) = catalog.tag_index(&entry.phrase) {
        let name = &catalog.tags[tag].name;
        return if accepted(name) && !entry.broad {
            Outcome::Resolved
        } else {
            Outcome::Wrong(name.clone())
        };
    }
    let offered: Vec<&str> = match catalog.tag_miss(&entry.phrase) {
        TagMiss::Broad(hint) => hint
            .tags
            .iter()
            .map(|&t| catalog.tags[t].name.as_str())
            .collect(),
        TagMiss::Near(near) => near,
    };
    if offered.iter().any(|tag| accepted(tag)) {
        Outcome::Suggested
    } else {
        Outcome::NotServed
    }
}

/// What an evaluation list measured.
struct Measured {
    total: usize,
    served: usize,
    wrong: usize,
}

/// Runs every phrase of `file`, prints the misses and the numbers.
fn evaluate(file: &str) -> Measured {
    let catalog = Catalog::builtin().unwrap();
    let entries: Vec<Entry> = yaml_list(file);
    for entry in &entries {
        assert!(
            !entry.accept.is_empty(),
            "{:?} accepts nothing",
            entry.phrase
        );
        for tag in &entry.accept {
            assert!(
                catalog.tags.iter().any(|t| &t.name == tag),
                "{:?} accepts {tag:?}, which is no tag's name",
                entry.phrase
            );
        }
    }

    let outcomes: Vec<Outcome> = entries.iter().map(|e| outcome(&catalog, e)).collect();
    let count = |wanted: fn(&Outcome) -> bool| outcomes.iter().filter(|o| wanted(o)).count();
    let resolved = count(|o| *o == Outcome::Resolved);
    let suggested = count(|o| *o == Outcome::Suggested);
    let not_served = count(|o| *o == Outcome::NotServed);
    let wrong = count(|o| matches!(o, Outcome::Wrong(_)));
    let total = entries.len();
    let served = resolved + suggested;
    for (entry, outcome) in entries.iter().zip(&outcomes) {
        match outcome {
            Outcome::Wrong(tag) => println!("WRONG       {:?} -> {tag:?}", entry.phrase),
            Outcome::NotServed => println!("not served  {:?}", entry.phrase),
            _ => {}
        }
    }
    let share = |n: usize| 100.0 * n as f64 / total as f64;
    println!(
        "{file}: {total} phrases: {resolved} resolved ({:.1}%), {suggested} hinted or suggested \
         ({:.1}%), served {served} ({:.1}%), not served {not_served} ({:.1}%), wrong {wrong}",
        share(resolved),
        share(suggested),
        share(served),
        share(not_served),
    );
    Measured {
        total,
        served,
        wrong,
    }
}

#[test]
fn everyday_words_are_served_and_never_wrong() {
    let Measured {
        total,
        served,
        wrong,
    } = evaluate("vocabulary.yaml");
    assert!(total >= 200, "only {total} phrases");
    assert_eq!(
        wrong, 0,
        "phrases resolved to a tag an advisor would not accept"
    );
    assert!(
        served * 100 >= total * 85,
        "only {served} of {total} phrases served"
    );
}

/// Words the vocabulary was not written against: never wrong; the share
/// served is reported, not held to the aim.
#[test]
fn held_out_words_are_never_wrong() {
    let measured = evaluate("vocabulary-holdout.yaml");
    assert!(measured.total >= 80);
    assert_eq!(
        measured.wrong, 0,
        "phrases resolved to a tag an advisor would not accept"
    );
}

#[test]
fn a_broad_word_earns_related_credit_and_a_too_broad_one_names_its_tags() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kim.yaml");
    std::fs::write(
        &file,
        "path: competency\nstrengths: [Jenkins, {tag: kubernetes, level: 4}, leadership]\ngoals: [mentorng]\n",
    )
    .unwrap();
    common::rolefit()
        .arg("validate")
        .arg(&file)
        .assert()
        .code(0)
        // Too broad to credit: it names the tags to choose from.
        .stderr(predicates::str::contains(
            "\"leadership\" is not a tag of its own (not understood; scored without it) at strengths[2] (",
        ))
        .stderr(predicates::str::contains("related tags: \"capacity and staffing planning\""))
        // A typo of a hint's term is not the hint: nothing shares its words.
        .stderr(predicates::str::contains(
            "unknown tag \"mentorng\" (not understood; scored without it) at goals[0]",
        ))
        // Jenkins is an alias, kubernetes a related word: no complaint.
        .stderr(predicates::str::contains("Jenkins").not())
        .stderr(predicates::str::contains("kubernetes").not());
    let json = common::rolefit()
        .args(["score", "--format", "jsonl"])
        .arg(&file)
        .output()
        .unwrap();
    let record: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let understood = &record["understood"];
    assert_eq!(understood[1]["said"], "kubernetes");
    assert_eq!(understood[1]["how"], "related");
    assert_eq!(understood[1]["weight"], 0.5);
    assert_eq!(
        understood[1]["tags"][0], "deployment and rollback strategy",
        "{record}"
    );
    assert_eq!(
        record["not_understood"],
        serde_json::json!(["leadership", "mentorng"])
    );
}

#[test]
fn every_hint_word_is_refused_with_its_tags() {
    let catalog = Catalog::builtin().unwrap();
    for hint in &catalog.hints {
        for word in std::iter::once(&hint.term).chain(&hint.aliases) {
            assert_eq!(catalog.tag_index(word), None, "{word:?} resolves");
            assert_eq!(catalog.tag_miss(word), TagMiss::Broad(hint), "{word:?}");
        }
    }
}

proptest::proptest! {
    /// Any text gets at most three distinct suggestions, each a real tag,
    /// and never panics, however long or strange.
    #[test]
    fn suggestions_are_few_distinct_tags(query in "\\PC{0,200}") {
        static CATALOG: std::sync::LazyLock<Catalog> =
            std::sync::LazyLock::new(|| Catalog::builtin().unwrap());
        let catalog = &*CATALOG;
        let suggested = catalog.suggest_tags(&query);
        proptest::prop_assert!(suggested.len() <= 3);
        for (i, name) in suggested.iter().enumerate() {
            proptest::prop_assert!(catalog.tags.iter().any(|t| t.name == *name));
            proptest::prop_assert!(!suggested[..i].contains(name));
        }
    }
}
