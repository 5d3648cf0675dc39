//! Ties, the all-zero case, `--explain`, `--role` and `plan` through the
//! real binary.

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use serde_json::{Value, json};

use crate::common::{MANIFEST, json_of, rolefit, stdout_of};

fn ranking(doc: &Value) -> &Vec<Value> {
    doc["respondents"][0]["ranking"].as_array().unwrap()
}

// ---------------------------------------------------------------- ties

#[test]
fn ties_are_flagged_in_json_and_shown_as_shared_ranks_in_tables() {
    let doc = json_of(rolefit().args(["score", "examples/jane-sre.yaml", "--format", "json"]));
    let entries = ranking(&doc);
    for (i, entry) in entries.iter().enumerate() {
        let score = |j: usize| entries[j]["score"].as_f64().unwrap();
        let tied = (i > 0 && score(i - 1) == score(i))
            || (i + 1 < entries.len() && score(i + 1) == score(i));
        assert_eq!(entry["tied"], json!(tied), "{entry}");
        // `rank` stays the place in the order.
        assert_eq!(entry["rank"], json!(i + 1));
    }
    // Jane's 4th to 6th roles share 21%: ordered by skills, style, then id.
    let ids: Vec<&str> = entries[3..6]
        .iter()
        .map(|e| e["role_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "backend-engineer",
            "senior-engineering-manager",
            "systems-administrator"
        ]
    );
    assert!(entries[3..6].iter().all(|e| e["tied"] == json!(true)));
    assert_eq!(entries[0]["tied"], json!(false));

    let table = stdout_of(rolefit().args(["score", "examples/jane-sre.yaml"]));
    let shared: Vec<&str> = table.lines().filter(|l| l.starts_with("=4 ")).collect();
    assert_eq!(shared.len(), 3, "{table}");
    assert!(table.contains(" 3 Security Architect"), "{table}");
    // The order of ties is said once.
    assert_eq!(
        table
            .matches("tied roles are ordered by skills, then style, then role id")
            .count(),
        1,
        "{table}"
    );
    let markdown =
        stdout_of(rolefit().args(["score", "examples/jane-sre.yaml", "--format", "markdown"]));
    assert_eq!(markdown.matches("| =4 |").count(), 3, "{markdown}");
    assert_eq!(markdown.matches("tied roles are ordered").count(), 1);
}

#[test]
fn the_last_row_of_a_top_n_is_tied_with_a_role_cut_off() {
    // Jane's 10th role ties with the 11th at 19%.
    let doc = json_of(rolefit().args([
        "score",
        "examples/jane-sre.yaml",
        "--format",
        "json",
        "--top",
        "10",
    ]));
    let all = json_of(rolefit().args(["score", "examples/jane-sre.yaml", "--format", "json"]));
    assert_eq!(ranking(&all)[10]["score"], ranking(&doc)[9]["score"]);
    assert_eq!(ranking(&doc)[9]["tied"], json!(true));
    // JSON Lines carries the flag too.
    let line = stdout_of(rolefit().args([
        "score",
        "examples/jane-sre.yaml",
        "--format",
        "jsonl",
        "--top",
        "4",
    ]));
    let record: Value = serde_json::from_str(line.trim()).unwrap();
    let flags: Vec<&Value> = record["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["tied"])
        .collect();
    assert_eq!(
        flags,
        [&json!(false), &json!(false), &json!(false), &json!(true)]
    );
}

#[test]
fn a_cohort_marks_a_best_match_tied_with_the_runner_up() {
    // Alex's two best roles share 90%.
    let table = stdout_of(rolefit().args(["score", "examples/"]));
    let alex = table
        .lines()
        .find(|l| l.starts_with("alex-morgan"))
        .unwrap();
    assert_eq!(alex.matches("=90%").count(), 2, "{table}");
    let jane = table.lines().find(|l| l.starts_with("jane-doe")).unwrap();
    assert!(!jane.contains('='), "{jane}");
    assert_eq!(
        table
            .matches("the best match and the runner-up are tied")
            .count(),
        1
    );
}

// ---------------------------------------------------------------- all zero

#[test]
fn every_score_zero_has_no_best_match() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("blank.yaml"), "id: blank\n").unwrap();
    let table = stdout_of(rolefit().arg("score").arg(dir.path().join("blank.yaml")));
    assert!(
        table.contains("No best match: every role scored 0%"),
        "{table}"
    );
    assert!(!table.contains("Best match:"), "{table}");
    assert!(!table.contains("Team behaviours"), "{table}");
    // Every row shares first place.
    assert!(table.lines().filter(|l| l.starts_with("=1 ")).count() == 10);

    let markdown = stdout_of(
        rolefit()
            .arg("score")
            .arg(dir.path().join("blank.yaml"))
            .args(["--format", "markdown"]),
    );
    assert!(markdown.contains("No best match"), "{markdown}");

    let doc = json_of(
        rolefit()
            .arg("score")
            .arg(dir.path().join("blank.yaml"))
            .args(["--format", "json"]),
    );
    assert!(
        ranking(&doc)
            .iter()
            .all(|e| e["score"] == json!(0.0) && e["tied"] == json!(true))
    );
}

#[test]
fn a_cohort_lists_people_with_no_match_apart_and_does_not_count_them() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a-blank.yaml"), "id: blank\n").unwrap();
    fs::write(
        dir.path().join("b-nothing.yaml"),
        "id: nothing\npath: competency\n",
    )
    .unwrap();
    fs::copy(
        Path::new(MANIFEST).join("examples/jane-sre.yaml"),
        dir.path().join("c-jane.yaml"),
    )
    .unwrap();
    let table = stdout_of(rolefit().arg("score").arg(dir.path()));
    assert!(
        table.contains("No match (every role scored 0%; not counted below): blank, nothing"),
        "{table}"
    );
    // Only Jane is a row and a best match; the blank files add no gaps.
    assert!(!table.lines().any(|l| l.starts_with("blank ")), "{table}");
    assert!(!table.contains("Application Developer"), "{table}");
    let counts = table.split("Cohort:").nth(1).unwrap();
    assert!(
        counts.contains("Site Reliability Engineer      1"),
        "{table}"
    );
    assert_eq!(counts.matches("      1 ").count(), 1, "{table}");

    let markdown = stdout_of(
        rolefit()
            .arg("score")
            .arg(dir.path())
            .args(["--format", "markdown"]),
    );
    assert!(
        markdown.contains("No match (every role scored 0%"),
        "{markdown}"
    );
    assert!(markdown.contains("| Site Reliability Engineer | 1 |"));
    assert!(!markdown.contains("| blank |"));
}

// ---------------------------------------------------------------- explain

#[test]
fn explain_adds_points_that_add_up_to_each_score() {
    for file in ["jane-sre.yaml", "sam-frontend.yaml", "alex-workstyle.yaml"] {
        let doc = json_of(rolefit().args([
            "score",
            &format!("examples/{file}"),
            "--format",
            "json",
            "--explain",
        ]));
        for entry in ranking(&doc) {
            let explain = &entry["explain"];
            let w = &explain["weights"];
            let weights: f64 = ["competency", "growth", "work_style"]
                .iter()
                .map(|k| w[k].as_f64().unwrap())
                .sum();
            assert!((weights - 1.0).abs() < 1e-3, "{w}");
            let mut points = Vec::new();
            for part in ["competency", "growth", "work_style"] {
                for item in explain[part].as_array().unwrap() {
                    points.push(item["points"].as_f64().unwrap());
                }
                if entry[part].is_null() {
                    assert_eq!(w[part], json!(0.0));
                    assert_eq!(explain[part], json!([]));
                }
            }
            let sum: f64 = points.iter().sum();
            let score = entry["score"].as_f64().unwrap();
            assert!(
                (sum - score).abs() <= (points.len() + 1) as f64 * 0.5e-4 + 1e-9,
                "{file}: {sum} vs {score}: {explain}"
            );
        }
    }
    // Jane's best match, item by item (see the worked example in docs/scoring.md).
    let doc = json_of(rolefit().args([
        "score",
        "examples/jane-sre.yaml",
        "--format",
        "json",
        "--explain",
        "--top",
        "1",
    ]));
    let explain = &ranking(&doc)[0]["explain"];
    assert_eq!(
        explain["competency"],
        json!([
            {"tag": "pager and on-call operations", "level": 5, "points": 0.2,
             "word": "pager and on-call operations", "how": "exact"},
            {"tag": "error budgets and SLOs", "level": 3, "points": 0.12,
             "word": "error budgets and SLOs", "how": "exact"},
            {"tag": "blast-radius control", "level": 3, "points": 0.12,
             "word": "blast radius", "how": "exact"}
        ])
    );
    assert_eq!(explain["growth"], json!([]));
    assert_eq!(
        explain["work_style"][3],
        json!({"axis": "pace", "you": 4.5, "target": 5.0, "points": 0.0438})
    );
    // Without --explain there is no such key.
    let plain = json_of(rolefit().args(["score", "examples/jane-sre.yaml", "--format", "json"]));
    assert!(ranking(&plain)[0].get("explain").is_none());
}

#[test]
fn explain_and_role_refuse_formats_they_do_not_fit() {
    for format in ["table", "csv", "markdown"] {
        rolefit()
            .args([
                "score",
                "examples/jane-sre.yaml",
                "--explain",
                "--format",
                format,
            ])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("--explain adds points to JSON"));
    }
    for format in ["json", "jsonl", "csv"] {
        rolefit()
            .args([
                "score",
                "examples/jane-sre.yaml",
                "--role",
                "qa-engineer",
                "--format",
                format,
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "--role shows fit profiles in tables",
            ));
    }
}

// ---------------------------------------------------------------- --role

#[test]
fn role_shows_the_fit_profile_of_each_role_asked_for() {
    let table = stdout_of(rolefit().args([
        "score",
        "examples/jane-sre.yaml",
        "--role",
        "Data Architect",
        "--role",
        "devops-engineer",
    ]));
    let data = table
        .find("Fit profile: Data Architect (Architecture, rank =21, score 14%)")
        .unwrap_or_else(|| panic!("{table}"));
    let devops = table
        .find("Fit profile: DevOps Engineer (Engineering, rank 2, score 37%)")
        .unwrap();
    assert!(data < devops, "in the order asked");
    // Instead of the best match's profile.
    assert!(!table.contains("Best match:"), "{table}");
    assert!(table.contains("[x] infrastructure as code operations (level 4 of 5)"));

    let markdown = stdout_of(rolefit().args([
        "score",
        "examples/jane-sre.yaml",
        "--role",
        "data-architect",
        "--format",
        "markdown",
    ]));
    assert!(
        markdown.contains("### Fit profile: Data Architect (Architecture, rank =21, score 14%)")
    );
    assert!(markdown.contains("- [ ] canonical data modeling"));
    assert!(markdown.contains("| Planning | 3 | 5 |"), "{markdown}");

    rolefit()
        .args(["score", "examples/jane-sre.yaml", "--role", "data-archtect"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "unknown role \"data-archtect\": did you mean",
        ));
}

#[test]
fn role_with_several_respondents_says_profiles_need_one() {
    rolefit()
        .args(["score", "examples/", "--role", "data-architect"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Cohort:").and(predicate::str::contains("Fit profile").not()),
        )
        .stderr(predicate::str::contains(
            "fit profiles (--role) are shown when one respondent is scored",
        ));
}

#[test]
fn role_outside_the_families_is_shown_as_not_ranked() {
    let table = stdout_of(rolefit().args([
        "score",
        "examples/jane-sre.yaml",
        "--family",
        "support",
        "--role",
        "data-architect",
    ]));
    assert!(
        table.contains("Fit profile: Data Architect (Architecture, not ranked: its family is not among yours, score 14%)"),
        "{table}"
    );
}

// ---------------------------------------------------------------- plan

/// An answer file from strengths (tag, level), with Jane's goal and work style.
fn answer_file(strengths: &[(String, u64)]) -> String {
    let doc = json!({
        "id": "planner",
        "strengths": strengths.iter().map(|(t, l)| json!({"tag": t, "level": l})).collect::<Vec<_>>(),
        "goals": ["threat modeling depth"],
        "work_style": {"communication": 4, "planning": 3, "stakeholder": 2, "pace": 4.5, "scope": 2},
    });
    serde_json::to_string_pretty(&doc).unwrap()
}

fn rank_of(file: &Path, role: &str) -> (u64, f64) {
    let doc = json_of(rolefit().arg("score").arg(file).args(["--format", "json"]));
    let entry = ranking(&doc)
        .iter()
        .find(|e| e["role_id"] == json!(role))
        .unwrap()
        .clone();
    (
        entry["rank"].as_u64().unwrap(),
        entry["score"].as_f64().unwrap(),
    )
}

#[test]
fn applying_a_plan_to_the_file_gives_the_rank_it_promised() {
    let dir = tempfile::tempdir().unwrap();
    let start = vec![
        ("error budgets and SLOs".to_string(), 3),
        ("pager and on-call operations".to_string(), 5),
        ("canonical data modeling".to_string(), 2),
        ("landing-zone architecture".to_string(), 1),
    ];
    let file = dir.path().join("me.json");
    fs::write(&file, answer_file(&start)).unwrap();
    let mut several = 0;
    let mut raised = 0;
    for (role, within) in [
        ("data-architect", 1),
        ("cloud-architect", 1),
        ("cloud-architect", 2),
        ("security-architect", 2),
        ("vp-of-engineering", 1),
        ("devops-engineer", 1),
    ] {
        // No cap (from 1, four levels reach 5): first place for an
        // architect needs expert levels against this SRE's strengths.
        let plan = json_of(rolefit().arg("plan").arg(&file).args([
            "--role",
            role,
            "--within",
            &within.to_string(),
            "--max-raise",
            "4",
            "--format",
            "json",
        ]));
        let (rank_now, score_now) = rank_of(&file, role);
        assert_eq!(plan["role_id"], json!(role));
        assert_eq!(plan["within"], json!(within));
        assert_eq!(
            (
                plan["rank_now"].as_u64().unwrap(),
                plan["score_now"].as_f64().unwrap()
            ),
            (rank_now, score_now)
        );
        let changes = plan["changes"].as_array().expect("a plan exists");
        assert!(!changes.is_empty(), "{plan}");
        several += usize::from(changes.len() > 1);
        let mut strengths = start.clone();
        for change in changes {
            let tag = change["tag"].as_str().unwrap().to_string();
            let to = change["to"].as_u64().unwrap();
            match strengths.iter_mut().find(|(t, _)| *t == tag) {
                Some(held) => {
                    assert_eq!(change["from"], json!(held.1));
                    raised += 1;
                    held.1 = to;
                }
                None => {
                    assert_eq!(change["from"], Value::Null);
                    strengths.push((tag, to));
                }
            }
        }
        let after = dir.path().join(format!("{role}-{within}.json"));
        fs::write(&after, answer_file(&strengths)).unwrap();
        let (rank_after, score_after) = rank_of(&after, role);
        assert_eq!(plan["rank_after"], json!(rank_after), "{plan}");
        assert_eq!(plan["score_after"], json!(score_after));
        assert!(rank_after <= within);
        assert_eq!(plan["reason"], Value::Null);
    }
    assert!(several > 0, "some plan needs more than one change");
    assert!(raised > 0, "some plan raises a level");
}

#[test]
fn plan_table_says_what_to_change_and_where_it_leads() {
    let table =
        stdout_of(rolefit().args(["plan", "examples/jane-sre.yaml", "--role", "data architect"]));
    assert!(
        table.starts_with("Plan: Data Architect into the top 3 - jane-doe"),
        "{table}"
    );
    assert!(table.contains("Now: rank 21, score 14%"), "{table}");
    assert!(
        table.contains("add    canonical data modeling - -> 2"),
        "{table}"
    );
    assert!(
        table.contains("After: rank 3, score 22% (1 change, 2 levels added)"),
        "{table}"
    );

    // Standard input reads as YAML, like `score -`.
    let jane = fs::read_to_string(Path::new(MANIFEST).join("examples/jane-sre.yaml")).unwrap();
    let piped = stdout_of(
        rolefit()
            .args(["plan", "-", "--role", "data architect"])
            .write_stdin(jane),
    );
    assert_eq!(piped, table);

    let already = stdout_of(rolefit().args([
        "plan",
        "examples/jane-sre.yaml",
        "--role",
        "site-reliability-engineer",
        "--format",
        "json",
    ]));
    let already: Value = serde_json::from_str(&already).unwrap();
    assert_eq!(already["changes"], json!([]));
    assert_eq!(already["rank_after"], json!(1));
}

#[test]
fn plan_without_a_way_says_why() {
    // On the work-style path strengths are not scored.
    let doc = json_of(rolefit().args([
        "plan",
        "examples/alex-workstyle.yaml",
        "--role",
        "data-architect",
        "--format",
        "json",
    ]));
    assert_eq!(doc["changes"], Value::Null);
    assert_eq!(doc["rank_after"], Value::Null);
    assert!(
        doc["reason"]
            .as_str()
            .unwrap()
            .contains("work-style path does not score strengths")
    );
    let table = stdout_of(rolefit().args([
        "plan",
        "examples/alex-workstyle.yaml",
        "--role",
        "data-architect",
    ]));
    assert!(
        table.contains("No plan: the work-style path does not score strengths"),
        "{table}"
    );

    // A perfect Site Reliability Engineer (score 100%): no other role can
    // pass it, whatever is added to that role's tags.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("far.yaml");
    fs::write(
        &file,
        "strengths:\n  - {tag: pager and on-call operations, level: 5}\n  - {tag: error budgets and SLOs, level: 5}\n  - {tag: blast-radius control, level: 5}\nwork_style: {communication: 4, planning: 3, stakeholder: 2, pace: 5, scope: 2}\n",
    )
    .unwrap();
    let doc = json_of(rolefit().arg("plan").arg(&file).args([
        "--role",
        "enterprise-architect",
        "--within",
        "1",
        "--format",
        "json",
    ]));
    assert_eq!(doc["changes"], Value::Null, "{doc}");
    assert!(
        doc["reason"]
            .as_str()
            .unwrap()
            .contains("best any of them reaches is rank 2"),
        "{doc}"
    );
}

#[test]
fn plan_errors_exit_like_score() {
    // An unknown role is a usage error with a suggestion.
    rolefit()
        .args(["plan", "examples/jane-sre.yaml", "--role", "data-archtect"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "did you mean one of \"data-architect\"",
        ));
    // A bad answer file is a failed input: named with its line, exit 1.
    let bad = tempfile::tempdir().unwrap();
    std::fs::write(
        bad.path().join("bad.yaml"),
        "strengths:\n  - {tag: SLO, level: 9}\n",
    )
    .unwrap();
    rolefit()
        .arg("plan")
        .arg(bad.path().join("bad.yaml"))
        .args(["--role", "data-architect"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            predicate::str::contains("bad.yaml:2").and(predicate::str::contains("level must be")),
        );
    // A word not understood is left out with a warning, as in score.
    rolefit()
        .args([
            "plan",
            "examples/broken/typo.yaml",
            "--role",
            "data-architect",
        ])
        .assert()
        .code(0)
        .stderr(
            predicate::str::contains("typo.yaml:7").and(predicate::str::contains("did you mean")),
        );
    rolefit()
        .args(["plan", "nope.yaml", "--role", "data-architect"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("nope.yaml"));
    rolefit()
        .args(["plan", "examples/cohort.jsonl", "--role", "data-architect"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("plan reads one answer set"));
    rolefit()
        .args([
            "plan",
            "examples/jane-sre.yaml",
            "--role",
            "data-architect",
            "--within",
            "0",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--within must be at least 1"));
    // A role outside the file's own families cannot be ranked.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("support.yaml");
    fs::write(&file, "families: [support]\nstrengths: [SLO]\n").unwrap();
    rolefit()
        .arg("plan")
        .arg(&file)
        .args(["--role", "data-architect"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "add architecture to its `families`",
        ));
}

#[test]
fn a_plan_asks_for_breadth_not_a_jump_to_expert_and_says_what_it_covers() {
    let dir = tempfile::tempdir().unwrap();
    // A SOC analyst aiming at Security Architect.
    let file = dir.path().join("soc.yaml");
    fs::write(
        &file,
        "strengths:\n  - {tag: alert triage, level: 2}\n  \
         - {tag: detection tuning, level: 2}\n\
         work_style: {communication: 3, planning: 3, stakeholder: 2, pace: 4, scope: 2}\n",
    )
    .unwrap();
    let plan = |extra: &[&str]| {
        json_of(
            rolefit()
                .arg("plan")
                .arg(&file)
                .args([
                    "--role",
                    "security architect",
                    "--within",
                    "1",
                    "--format",
                    "json",
                ])
                .args(extra),
        )
    };
    let capped = plan(&[]);
    assert_eq!(capped["max_raise"], json!(2), "{capped}");
    let changes = capped["changes"].as_array().expect("a plan exists");
    for change in changes {
        let from = change["from"].as_u64().unwrap_or(1);
        assert!(change["to"].as_u64().unwrap() <= from + 2, "{capped}");
    }
    // Without the cap, threat modeling jumps from nothing to expert.
    let free = plan(&["--max-raise", "4"]);
    let jumps = free["changes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["to"].as_u64().unwrap() > c["from"].as_u64().unwrap_or(1) + 2);
    assert!(jumps, "{free}");
    assert!(changes.len() >= free["changes"].as_array().unwrap().len());
    assert_eq!(capped["coverage"]["skills"], json!(3), "{capped}");
    let table = stdout_of(rolefit().arg("plan").arg(&file).args([
        "--role",
        "security architect",
        "--within",
        "1",
    ]));
    assert!(table.contains("skills at 3 or more"), "{table}");
    assert!(
        table.contains("no skill raised more than 2 levels"),
        "{table}"
    );
}

#[test]
fn a_role_already_within_reach_is_not_called_done() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sam.yaml");
    fs::write(
        &file,
        "strengths:\n  - {tag: repro steps and log analysis, level: 4}\n  \
         - {tag: escalation routing, level: 4}\n\
         goals: [pager and on-call operations, error budgets and SLOs, blast-radius control]\n",
    )
    .unwrap();
    let table = stdout_of(rolefit().arg("plan").arg(&file).args(["--role", "sre"]));
    assert!(!table.contains("nothing to change"), "{table}");
    assert!(
        table.contains("covers 0 of 3 skills at 3 or more"),
        "{table}"
    );
    assert!(table.contains("Still below 3 (practitioner)"), "{table}");
    assert!(table.contains("--within 1"), "{table}");
}
