//! The docs checked against the tree and the binary: every link of the
//! README and docs/ leads to a file (and heading) that exists, and the
//! worked example of docs/scoring.md is what the binary prints.
//!
//! Jane (`examples/jane-sre.yaml`) and the Site Reliability Engineer: every
//! number is computed here by hand from the rule docs/scoring.md states, then
//! compared with what `rolefit score --format json` prints for her best match.

use serde_json::Value;

use crate::common::{Test, role_count};

/// The JSON output's precision: 4 decimals.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn jane_json() -> Value {
    Test::in_repo()
        .args(["score", "examples/jane-sre.yaml", "--format", "json"])
        .run()
        .json()
}

#[test]
fn jane_best_match_has_the_readme_numbers() {
    // Her SRE tags: pager and on-call operations at 5, error budgets and
    // SLOs at 3 (no level given), blast radius (alias) at 3.
    let competency: f64 = (5.0 / 5.0 + 3.0 / 5.0 + 3.0 / 5.0) / 3.0;
    // Her one goal, threat modeling depth, is not an SRE tag.
    let growth: f64 = 0.0 / 3.0;
    // You 4, 3, 2, 4.5, 2 against the role's 4, 3, 2, 5, 2.
    let distances = [0.0, 0.0, 0.0, 0.5, 0.0];
    let work_style: f64 = 1.0 - distances.iter().sum::<f64>() / 5.0 / 4.0;
    assert_eq!(work_style, 1.0 - 0.5 / 5.0 / 4.0);
    let score = 0.60 * competency + 0.15 * growth + 0.25 * work_style;

    // The README's rounded figures follow from the formula.
    assert_eq!(round4(competency), 0.7333);
    assert_eq!(round4(growth), 0.0);
    assert_eq!(round4(work_style), 0.975);
    assert_eq!(round4(score), 0.6838);

    let json = jane_json();
    let respondent = &json["respondents"][0];
    assert_eq!(respondent["id"], "jane-doe");
    assert_eq!(respondent["path"], "full");
    let best = &respondent["ranking"][0];
    assert_eq!(best["rank"], 1);
    assert_eq!(best["role_id"], "site-reliability-engineer");
    assert_eq!(best["role"], "Site Reliability Engineer");
    assert_eq!(best["family"], "support");
    assert_eq!(best["competency"].as_f64(), Some(round4(competency)));
    assert_eq!(best["growth"].as_f64(), Some(round4(growth)));
    assert_eq!(best["work_style"].as_f64(), Some(round4(work_style)));
    assert_eq!(best["score"].as_f64(), Some(round4(score)));
    assert_eq!(best["score"].as_f64(), Some(0.6838));
}

#[test]
fn jane_best_match_explanation_matches_the_readme() {
    let json = jane_json();
    let best = &json["respondents"][0]["ranking"][0];
    let matched: Vec<(&str, u64)> = best["matched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["tag"].as_str().unwrap(), m["level"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        matched,
        vec![
            ("pager and on-call operations", 5),
            ("error budgets and SLOs", 3),
            ("blast-radius control", 3),
        ]
    );
    assert_eq!(best["gaps"], serde_json::json!([]));
    // She is the only respondent and nothing failed.
    assert_eq!(json["respondents"].as_array().unwrap().len(), 1);
    assert_eq!(json["errors"], serde_json::json!([]));
    assert_eq!(json["respondents"][0]["warnings"], serde_json::json!([]));
    // Every role is ranked in JSON by default, and the ranks run 1, 2, 3, …
    let ranking = json["respondents"][0]["ranking"].as_array().unwrap();
    assert_eq!(ranking.len(), role_count());
    for (i, entry) in ranking.iter().enumerate() {
        assert_eq!(entry["rank"].as_u64(), Some(i as u64 + 1));
    }
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces
/// as hyphens.
fn anchor_of(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The anchors of a Markdown file's headings (outside code blocks).
fn anchors(text: &str) -> Vec<String> {
    let mut fenced = false;
    let mut found = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with('#') {
            found.push(anchor_of(line.trim_start_matches('#')));
        }
    }
    found
}

#[test]
fn every_link_of_the_readme_and_docs_leads_somewhere() {
    let root = std::path::Path::new(crate::common::MANIFEST);
    let mut pages = vec![root.join("README.md")];
    for entry in std::fs::read_dir(root.join("docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            pages.push(path);
        }
    }
    let mut checked = 0;
    for page in &pages {
        let text = std::fs::read_to_string(page).unwrap();
        for (_, rest) in text.match_indices("](").map(|(i, _)| text.split_at(i + 2)) {
            let target = &rest[..rest.find(')').unwrap()];
            if target.starts_with("http") {
                continue;
            }
            let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
            let file = if file.is_empty() {
                page.clone()
            } else {
                page.parent().unwrap().join(file)
            };
            assert!(file.exists(), "{}: {target} does not exist", page.display());
            if !anchor.is_empty() {
                let headings = anchors(&std::fs::read_to_string(&file).unwrap());
                assert!(
                    headings.iter().any(|h| h == anchor),
                    "{}: no heading #{anchor} in {}",
                    page.display(),
                    file.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 10, "only {checked} links found");
}
