//! `rolefit score` end to end: the real binary, every output format and
//! every error path of answer files, catalogs and output.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use predicates::prelude::*;
use serde_json::Value;

use crate::common::{
    MANIFEST, Test, catalog_with, json_of, role_count, rolefit, rolefit_in, stdout_of, write,
};

fn example(name: &str) -> String {
    format!("{MANIFEST}/examples/{name}")
}

/// The `id` column of a CSV text, row by row.
fn csv_ids(text: &str) -> Vec<String> {
    csv_rows(text)
        .into_iter()
        .map(|r| r["id"].clone())
        .collect()
}

/// Reads every record of a CSV text as (header → cell) rows.
fn csv_rows(text: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, c)| (h.to_string(), c.to_string()))
                .collect()
        })
        .collect()
}

const CSV_HEADER: &str = "id,source,path,rank,role_id,role,family,score,competency,growth,work_style,matched,gaps,understood,words";

// ---------------------------------------------------------------- formats

#[test]
fn table_shows_the_ranking_and_the_fit_profile() {
    rolefit()
        .args(["score", "examples/jane-sre.yaml", "--color", "never"])
        .assert()
        .success()
        .stderr("")
        .stdout(
            predicate::str::starts_with("Ranking for jane-doe")
                .and(predicate::str::contains("Site Reliability Engineer"))
                .and(predicate::str::contains(
                    "Best match: Site Reliability Engineer (Support, score 68%)",
                ))
                .and(predicate::str::contains("Competency focus"))
                .and(predicate::str::contains("Work style: you and the role"))
                .and(predicate::str::contains("Team behaviours"))
                // Piped: plain ASCII, no escape sequences.
                .and(predicate::str::contains("\u{1b}").not())
                .and(predicate::str::contains("[x] pager and on-call operations")),
        );
}

#[test]
fn table_shows_ten_roles_by_default_and_top_n_when_asked() {
    let rows = |text: &str| {
        text.lines()
            .filter(|l| {
                // A tied role's rank reads `=4`.
                let t = l.trim_start().trim_start_matches('=');
                t.split_whitespace()
                    .next()
                    .is_some_and(|n| n.parse::<u32>().is_ok())
                    && t.contains('%')
            })
            .count()
    };
    let default = stdout_of(rolefit().args(["score", "examples/jane-sre.yaml"]));
    assert_eq!(rows(&default), 10, "{default}");
    let three = stdout_of(rolefit().args(["score", "examples/jane-sre.yaml", "--top", "3"]));
    assert_eq!(rows(&three), 3, "{three}");
}

#[test]
fn json_is_one_document_with_the_schema() {
    let json = json_of(rolefit().args([
        "score",
        "examples/jane-sre.yaml",
        "examples/priya-leader.json",
        "--format",
        "json",
    ]));
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["catalog"]["version"], 1);
    assert_eq!(json["catalog"]["roles"], role_count());
    assert_eq!(json["errors"], serde_json::json!([]));
    let respondents = json["respondents"].as_array().unwrap();
    assert_eq!(respondents.len(), 2);
    assert_eq!(respondents[0]["id"], "jane-doe");
    assert_eq!(respondents[0]["source"], "examples/jane-sre.yaml");
    assert_eq!(respondents[1]["id"], "priya-raman");
    // Priya ranks only leadership and architecture: 3 + 5 roles.
    let priya = respondents[1]["ranking"].as_array().unwrap();
    assert_eq!(priya.len(), 8);
    assert!(
        priya
            .iter()
            .all(|r| r["family"] == "leadership" || r["family"] == "architecture")
    );
    for r in respondents {
        for entry in r["ranking"].as_array().unwrap() {
            for key in [
                "rank",
                "role_id",
                "role",
                "family",
                "score",
                "competency",
                "growth",
                "work_style",
                "matched",
                "gaps",
            ] {
                assert!(entry.get(key).is_some(), "{key} missing in {entry}");
            }
        }
        assert!(r["warnings"].is_array());
    }
}

#[test]
fn json_undefined_components_are_null() {
    let json = json_of(rolefit().args([
        "score",
        "examples/alex-workstyle.yaml",
        "examples/sam-frontend.yaml",
        "-f",
        "json",
    ]));
    let alex = &json["respondents"][0];
    assert_eq!(alex["path"], "work-style");
    for entry in alex["ranking"].as_array().unwrap() {
        assert!(entry["competency"].is_null() && entry["growth"].is_null());
        assert!(entry["work_style"].is_f64());
        assert_eq!(entry["matched"], serde_json::json!([]));
        assert_eq!(entry["gaps"], serde_json::json!([]));
    }
    let sam = &json["respondents"][1];
    assert_eq!(sam["path"], "competency");
    for entry in sam["ranking"].as_array().unwrap() {
        assert!(entry["work_style"].is_null());
        assert!(entry["competency"].is_f64());
    }
}

#[test]
fn jsonl_streams_one_respondent_per_line() {
    let text = stdout_of(rolefit().args(["score", "examples/", "--format", "jsonl", "--top", "2"]));
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // 4 single files and 6 JSON Lines records; broken/ is not entered.
    assert_eq!(lines.len(), 10);
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "alex-morgan",
            "c01-dba",
            "c02-desk",
            "c03-mobile",
            "c04-data",
            "c05-ops-lead",
            "c06-security",
            "jane-doe",
            "priya-raman",
            "sam-lee"
        ]
    );
    for line in &lines {
        assert_eq!(line["ranking"].as_array().unwrap().len(), 2);
        assert!(line.get("error").is_none());
    }
}

#[test]
fn csv_is_long_format_with_four_decimals() {
    let text = stdout_of(rolefit().args(["score", "examples/jane-sre.yaml", "-f", "csv"]));
    assert_eq!(text.lines().next(), Some(CSV_HEADER));
    let rows = csv_rows(&text);
    assert_eq!(rows.len(), role_count());
    let first = &rows[0];
    assert_eq!(first["id"], "jane-doe");
    assert_eq!(first["rank"], "1");
    assert_eq!(first["role_id"], "site-reliability-engineer");
    assert_eq!(first["score"], "0.6838");
    assert_eq!(first["competency"], "0.7333");
    assert_eq!(first["growth"], "0.0000");
    assert_eq!(first["work_style"], "0.9750");
    assert_eq!(
        first["matched"],
        "pager and on-call operations (5);error budgets and SLOs (3);blast-radius control (3)"
    );
    assert_eq!(first["gaps"], "");
    // Undefined components are empty cells.
    let alex = stdout_of(rolefit().args(["score", "examples/alex-workstyle.yaml", "-f", "csv"]));
    for row in csv_rows(&alex) {
        assert_eq!(
            (row["competency"].as_str(), row["growth"].as_str()),
            ("", "")
        );
        assert_eq!(row["work_style"].len(), 6);
    }
}

#[test]
fn markdown_is_a_github_table() {
    let text = stdout_of(rolefit().args([
        "score",
        "examples/sam-frontend.yaml",
        "--format",
        "markdown",
        "--top",
        "3",
    ]));
    // The ranking is the first table of the report.
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert_eq!(table.len(), 2 + 3, "{text}");
    let columns = table[0].matches('|').count();
    assert!(table.iter().all(|l| l.matches('|').count() == columns));
    assert!(table[1].starts_with("|--"));
    assert!(table[2].contains("Frontend Engineer"));
    // Several respondents: a row each.
    let cohort = stdout_of(rolefit().args(["score", "examples/", "-f", "markdown"]));
    assert!(cohort.contains("| jane-doe | Site Reliability Engineer | 68% |"));
}

#[test]
fn markdown_for_one_respondent_is_the_whole_report() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "kim.yaml",
        "id: kim\nstrengths: [{tag: control-baseline design, level: 4}]\ngoals: [threat modeling depth]\nwork_style: {planning: 4}\nfamilies: [architecture]\n",
    );
    let text = stdout_of(rolefit().arg("score").arg(&file).args(["-f", "markdown"]));
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} missing in {text}"))
    };
    // Ranking, then the fit profile with its sections, then the plan.
    let order = [
        "### Ranking for kim",
        "| 1 | Security Architect |",
        "### Best match: Security Architect",
        "- [ ] threat modeling depth",
        "- [x] control-baseline design (level 4 of 5)",
        "| Planning | 4 | ",
        "- **Trust**: ",
        "**Growth plan**",
        "1. threat modeling depth (your goal)",
        "2. IAM and trust-boundary architecture",
    ];
    let places: Vec<usize> = order.iter().map(|n| at(n)).collect();
    assert!(places.is_sorted(), "{places:?} in {text}");
    // A cohort gets the summary.
    let cohort = stdout_of(rolefit().args(["score", "examples/", "-f", "markdown"]));
    assert!(
        cohort.contains("**Cohort:** 10 respondents scored"),
        "{cohort}"
    );
    assert!(cohort.contains("| Most common gap in the best match | People |"));
}

#[test]
fn several_respondents_get_a_cohort_table() {
    rolefit()
        .args(["score", "examples/", "--color", "never"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Cohort: 10 respondents scored")
                .and(predicate::str::contains("jane-doe"))
                .and(predicate::str::contains("Runner-up"))
                .and(predicate::str::contains("Best match")),
        );
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    for format in ["table", "json", "jsonl", "csv", "markdown"] {
        let run = || {
            stdout_of(rolefit().args(["score", "examples/", "examples/cohort.jsonl", "-f", format]))
        };
        let first = run();
        assert!(!first.is_empty());
        assert_eq!(first, run(), "{format}");
    }
}

// ---------------------------------------------------------------- input errors

#[test]
fn unknown_tag_suggests_the_closest_with_file_line_and_entry() {
    Test::in_repo()
        .args([
            "score",
            "examples/broken/typo.yaml",
            "--unknown-tags",
            "error",
        ])
        .code(1)
        .stdout("")
        .stderr_has(
            "unknown tag \"error budgest\" at strengths[0] \
             (examples/broken/typo.yaml:7): did you mean \"error budgets and SLOs\"?",
        )
        .run();
}

#[test]
fn unknown_key_is_an_error_with_its_line() {
    Test::new()
        .file("key.yaml", "id: k\nstrengths: [SLO]\nstrenghts: [SLO]\n")
        .args(["score", "key.yaml"])
        .code(1)
        .stderr_has("unknown key \"strenghts\"")
        .stderr_has("(key.yaml:3)")
        .run();
    // Unknown keys inside a strength too.
    Test::new()
        .file("nested.yaml", "strengths:\n  - {tag: SLO, levle: 4}\n")
        .args(["score", "nested.yaml"])
        .code(1)
        .stderr_has("levle")
        .stderr_has("nested.yaml:2")
        .run();
}

#[test]
fn bad_levels_are_errors() {
    for (name, level) in [
        ("seven.yaml", "7"),
        ("half.yaml", "2.5"),
        ("zero.yaml", "0"),
    ] {
        Test::new()
            .file(name, format!("strengths:\n  - SLO\n  - {{tag: pager, level: {level}}}\n"))
            .args(["score", name])
            .code(1)
            .stderr_has(format!(
                "level must be a whole number from 1 (learning) to 5 (expert) or its name (learning, developing, practitioner, advanced, expert); got {level} at strengths[1].level ({name}:3)"
            ))
            .run();
    }
    Test::new()
        .file("word.yaml", "strengths:\n  - {tag: SLO, level: high}\n")
        .args(["score", "word.yaml"])
        .code(1)
        .stderr_has(
            "level must be a whole number from 1 (learning) to 5 (expert) or its name (learning, developing, practitioner, advanced, expert); got \"high\" at strengths[0].level (word.yaml:2)",
        )
        .run();
}

#[test]
fn unknown_axis_and_out_of_range_answers_are_errors() {
    Test::new()
        .file("axis.yaml", "work_style:\n  pace: 3\n  plannning: 2\n")
        .args(["score", "axis.yaml"])
        .code(1)
        .stderr_has(
            "unknown axis \"plannning\" at work_style.plannning (axis.yaml:3): did you mean \"planning\"?",
        )
        .run();
    Test::new()
        .file("range.yaml", "work_style:\n  pace: 6\n")
        .args(["score", "range.yaml"])
        .code(1)
        .stderr_has("pace must be a number from 1 (steady, deep-focus work) to 5 (fast, interrupt-driven work and on-call); got 6")
        .stderr_has("work_style.pace (range.yaml:2)")
        .run();
}

#[test]
fn unknown_path_is_an_error() {
    Test::new()
        .file("path.yaml", "strengths: [SLO]\npath: ful\n")
        .args(["score", "path.yaml"])
        .code(1)
        .stderr_has("unknown path \"ful\" at path (path.yaml:2): did you mean \"full\"?")
        .run();
}

#[test]
fn unknown_family_in_a_file_fails_that_input() {
    Test::new()
        .file(
            "fam.yaml",
            "strengths: [SLO]\nfamilies:\n  - support\n  - suport\n",
        )
        .args(["score", "fam.yaml"])
        .code(1)
        .stderr_has(
            "unknown family \"suport\" at families[1] (fam.yaml:4): did you mean \"support\"?",
        )
        .run();
}

#[test]
fn unknown_family_flag_is_a_usage_error() {
    Test::in_repo()
        .args(["score", "examples/jane-sre.yaml", "--family", "suport"])
        .code(2)
        .stdout("")
        .stderr_has("unknown family \"suport\"")
        .stderr_has("did you mean \"support\"?")
        .run();
}

#[test]
fn missing_file_is_an_input_failure() {
    rolefit()
        .args(["score", "examples/no-such-file.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("examples/no-such-file.yaml"));
    // Beside a good file, the good one is still scored.
    rolefit()
        .args([
            "score",
            "examples/no-such-file.yaml",
            "examples/jane-sre.yaml",
            "-f",
            "jsonl",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"id\":\"jane-doe\""))
        .stderr(predicate::str::contains("examples/no-such-file.yaml"));
}

#[test]
fn a_directory_with_some_bad_files_scores_the_good_ones() {
    let example_text = |name: &str| fs::read(example(name)).unwrap();
    let test = Test::new()
        .file("a-jane.yaml", example_text("jane-sre.yaml"))
        .file("b-typo.yaml", "id: typo\nstrengths:\n  - error budgest\n")
        .file("c-priya.json", example_text("priya-leader.json"))
        .file(
            "d-level.yml",
            "id: lvl\nstrengths:\n  - SLO\n  - {tag: pager, level: 9}\n",
        )
        .file(
            "e-alex.yml",
            "id: alex\npath: work-style\nwork_style: {pace: 2}\n",
        )
        .file("notes.txt", "not an answer file\n")
        .file("sub/sam.yaml", example_text("sam-frontend.yaml"));
    let dir = test.dir().to_path_buf();
    let ran = test
        .args([
            "score",
            ".",
            "--unknown-tags",
            "error",
            "--format",
            "csv",
            "--top",
            "1",
        ])
        .code(1)
        .stderr_has("b-typo.yaml:3")
        .stderr_has("did you mean \"error budgets and SLOs\"?")
        .stderr_has("d-level.yml:4")
        .stderr_lacks("sam")
        .run();
    let ids = csv_ids(&ran.stdout);
    assert_eq!(ids, ["jane-doe", "priya-raman", "alex"], "{}", ran.stdout);
    assert!(
        ran.stderr
            .ends_with("rolefit: 3 scored, 2 failed, 0 warnings\n"),
        "{}",
        ran.stderr
    );
    // What was skipped is said once for the directory.
    let notes: Vec<&str> = ran.stderr.lines().filter(|l| l.contains("note:")).collect();
    assert_eq!(notes.len(), 1, "{}", ran.stderr);
    assert!(notes[0].contains("notes.txt"), "{}", ran.stderr);

    // The table says how many failed, too.
    rolefit_in(&dir)
        .args(["score", ".", "--unknown-tags", "error"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "3 respondents scored, 2 inputs failed",
        ));
}

fn cohort_with_bad_lines(dir: &Path) -> PathBuf {
    let cohort = fs::read_to_string(example("cohort.jsonl")).unwrap();
    let mut lines: Vec<&str> = cohort.lines().collect();
    lines.insert(
        2,
        "{\"id\": \"bad-tag\", \"strengths\": [\"basket weaving\"]}",
    );
    lines.insert(4, "{\"id\": \"broken\", \"strengths\": [");
    write(dir, "mixed.jsonl", &(lines.join("\n") + "\n"))
}

/// `mixed.jsonl` scored strictly (a word not understood fails its line),
/// the top role of each in `format`.
fn score_strictly(dir: &Path, format: &str) -> std::process::Output {
    rolefit_in(dir)
        .args(["score", "mixed.jsonl", "--unknown-tags", "error"])
        .args(["-f", format, "--top", "1"])
        .output()
        .unwrap()
}

#[test]
fn jsonl_with_bad_lines_scores_the_rest_and_names_the_lines() {
    let dir = tempfile::tempdir().unwrap();
    cohort_with_bad_lines(dir.path());
    let output = score_strictly(dir.path(), "csv");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let ids = csv_ids(&stdout);
    assert_eq!(
        ids,
        [
            "c01-dba",
            "c02-desk",
            "c03-mobile",
            "c04-data",
            "c05-ops-lead",
            "c06-security"
        ]
    );
    assert!(
        stderr.contains("unknown tag \"basket weaving\" at strengths[0] (mixed.jsonl:3)"),
        "{stderr}"
    );
    assert!(stderr.contains("(mixed.jsonl:5)"), "{stderr}");
    assert!(
        stderr.ends_with("rolefit: 6 scored, 2 failed, 0 warnings\n"),
        "{stderr}"
    );
}

#[test]
fn jsonl_output_reports_a_failed_line_in_the_stream() {
    let dir = tempfile::tempdir().unwrap();
    cohort_with_bad_lines(dir.path());
    let output = score_strictly(dir.path(), "jsonl");
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 8);
    // In input order: the error records sit where their lines were.
    assert_eq!(lines[1]["id"], "c02-desk");
    let error = &lines[2];
    assert_eq!(error["error"], true);
    assert_eq!(error["source"], "mixed.jsonl");
    assert_eq!(error["line"], 3);
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("unknown tag \"basket weaving\"")
    );
    assert_eq!(lines[4]["error"], true);
    assert_eq!(lines[4]["line"], 5);
    assert_eq!(lines[3]["id"], "c03-mobile");
    assert_eq!(lines[7]["id"], "c06-security");
    // In one JSON document the failures are listed under "errors".
    let json: Value = serde_json::from_slice(
        &rolefit_in(dir.path())
            .args([
                "score",
                "mixed.jsonl",
                "--unknown-tags",
                "error",
                "-f",
                "json",
            ])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(json["respondents"].as_array().unwrap().len(), 6);
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0]["line"], 3);
    assert_eq!(errors[1]["line"], 5);
    assert!(errors.iter().all(|e| e.get("error").is_none()));
}

#[test]
fn jsonl_records_without_an_id_are_named_by_stem_and_line() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "anon.jsonl",
        "{\"strengths\": [\"SLO\"]}\n\n{\"strengths\": [\"pager\"]}\n",
    );
    let text = stdout_of(rolefit_in(dir.path()).args(["score", "anon.jsonl", "-f", "jsonl"]));
    let ids: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["anon:1", "anon:3"]);
}

// ---------------------------------------------------------------- stdin

#[test]
fn stdin_reads_yaml() {
    let jane = fs::read_to_string(example("jane-sre.yaml")).unwrap();
    let json: Value = serde_json::from_slice(
        &rolefit()
            .args(["score", "-", "-f", "json", "--top", "1"])
            .write_stdin(jane)
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .unwrap();
    let r = &json["respondents"][0];
    assert_eq!(r["id"], "jane-doe");
    assert_eq!(r["source"], "<stdin>");
    assert_eq!(r["ranking"][0]["role_id"], "site-reliability-engineer");
    assert_eq!(r["ranking"][0]["score"], 0.6838);
    // Without an id, standard input is "stdin".
    let out = stdout_of(
        rolefit()
            .args(["score", "-", "-f", "csv", "--top", "1"])
            .write_stdin("strengths: [SLO]\n"),
    );
    assert_eq!(csv_rows(&out)[0]["id"], "stdin");
}

#[test]
fn stdin_errors_name_stdin_and_the_line() {
    rolefit()
        .args(["score", "-", "--unknown-tags", "error"])
        .write_stdin("id: x\nstrengths:\n  - error budgest\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("(<stdin>:3)"));
}

#[test]
fn stdin_reads_json_lines_with_the_flag() {
    let cohort = fs::read_to_string(example("cohort.jsonl")).unwrap();
    let text = stdout_of(
        rolefit()
            .args(["score", "-", "--jsonl", "-f", "jsonl", "--top", "3"])
            .write_stdin(cohort),
    );
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0]["id"], "c01-dba");
    assert!(lines.iter().all(|l| l["source"] == "<stdin>"));
    assert!(
        lines
            .iter()
            .all(|l| l["ranking"].as_array().unwrap().len() == 3)
    );
}

// ---------------------------------------------------------------- --output

#[test]
fn output_writes_the_file_and_never_clobbers_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    rolefit()
        .args(["score", "examples/jane-sre.yaml", "-f", "csv", "--output"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let written = fs::read_to_string(&out).unwrap();
    assert!(written.starts_with(CSV_HEADER));
    assert_eq!(csv_rows(&written).len(), role_count());

    fs::write(&out, "precious\n").unwrap();
    rolefit()
        .args(["score", "examples/jane-sre.yaml", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("already exists").and(predicate::str::contains("--force")),
        );
    assert_eq!(fs::read_to_string(&out).unwrap(), "precious\n");

    rolefit()
        .args([
            "score",
            "examples/jane-sre.yaml",
            "--top",
            "2",
            "--force",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
    let rows = csv_rows(&fs::read_to_string(&out).unwrap());
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["id"], "jane-doe");

    // No temporary files are left beside it.
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["out.csv"]);
}

#[test]
fn output_is_written_even_when_some_inputs_fail() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("partial.jsonl");
    rolefit()
        .args([
            "score",
            "examples/jane-sre.yaml",
            "examples/broken/typo.yaml",
            "--unknown-tags",
            "error",
            "-f",
            "jsonl",
            "-o",
        ])
        .arg(&out)
        .assert()
        .code(1);
    let text = fs::read_to_string(&out).unwrap();
    assert_eq!(text.lines().count(), 2);
    assert!(text.contains("\"id\":\"jane-doe\""));
    assert!(text.contains("\"error\":true"));
}

// ---------------------------------------------------------------- --top, --family

#[test]
fn top_limits_every_ranking() {
    let json = json_of(rolefit().args(["score", "examples/", "-f", "json", "--top", "2"]));
    for r in json["respondents"].as_array().unwrap() {
        assert_eq!(r["ranking"].as_array().unwrap().len(), 2);
    }
    let all = json_of(rolefit().args(["score", "examples/jane-sre.yaml", "-f", "json"]));
    let top = json_of(rolefit().args([
        "score",
        "examples/jane-sre.yaml",
        "-f",
        "json",
        "--top",
        "5",
    ]));
    assert_eq!(
        top["respondents"][0]["ranking"].as_array().unwrap()[..],
        all["respondents"][0]["ranking"].as_array().unwrap()[..5]
    );
}

#[test]
fn family_flag_replaces_the_files_own_families() {
    let json = json_of(rolefit().args([
        "score",
        "examples/priya-leader.json",
        "examples/jane-sre.yaml",
        "-f",
        "json",
        "--family",
        "support",
        "--family",
        "engineering",
    ]));
    for r in json["respondents"].as_array().unwrap() {
        let ranking = r["ranking"].as_array().unwrap();
        assert_eq!(ranking.len(), 16, "6 support + 10 engineering roles");
        assert!(
            ranking
                .iter()
                .all(|e| e["family"] == "support" || e["family"] == "engineering")
        );
    }
    let csv = stdout_of(rolefit().args([
        "score",
        "examples/jane-sre.yaml",
        "-f",
        "csv",
        "--family",
        "architecture",
    ]));
    let rows = csv_rows(&csv);
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r["family"] == "architecture"));
}

// ---------------------------------------------------------------- pipes

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let cohort = fs::read_to_string(example("cohort.jsonl")).unwrap();
    // 1,200 answer sets: in every format, output several times a pipe's
    // 64 KiB buffer, so writes go on after the reader has gone.
    let big = cohort.repeat(200);
    write(dir.path(), "big.jsonl", &big);
    for format in ["jsonl", "csv", "json", "table"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rolefit"))
            .current_dir(dir.path())
            .env_remove("ROLEFIT_ROLES")
            .args(["score", "big.jsonl", "--format", format])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 64];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "{format}: {:?} {stderr}",
            output.status
        );
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{format}: {stderr}");
    }
}

// ---------------------------------------------------------------- catalogs

#[test]
fn rolefit_roles_env_selects_the_catalog() {
    let dir = tempfile::tempdir().unwrap();
    catalog_with(
        dir.path(),
        "my-roles.yaml",
        "family: support",
        "family: suport",
    );
    rolefit_in(dir.path())
        .env("ROLEFIT_ROLES", "my-roles.yaml")
        .args(["score"])
        .arg(example("jane-sre.yaml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("my-roles.yaml:"));

    // A valid custom catalog is used for scoring.
    let builtin = fs::read_to_string(format!("{MANIFEST}/roles.yaml")).unwrap();
    let renamed = builtin.replacen(
        "name: Site Reliability Engineer",
        "name: Reliability Wrangler",
        1,
    );
    write(dir.path(), "renamed.yaml", &renamed);
    let json = json_of(
        rolefit_in(dir.path())
            .env("ROLEFIT_ROLES", "renamed.yaml")
            .args(["score", "-f", "json", "--top", "1"])
            .arg(example("jane-sre.yaml")),
    );
    assert_eq!(
        json["respondents"][0]["ranking"][0]["role"],
        "Reliability Wrangler"
    );
    // --roles wins over the environment.
    let json = json_of(
        rolefit_in(dir.path())
            .env("ROLEFIT_ROLES", "my-roles.yaml")
            .args([
                "--roles",
                "renamed.yaml",
                "score",
                "-f",
                "json",
                "--top",
                "1",
            ])
            .arg(example("jane-sre.yaml")),
    );
    assert_eq!(
        json["respondents"][0]["ranking"][0]["role"],
        "Reliability Wrangler"
    );
}

#[test]
fn a_missing_or_malformed_catalog_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad.yaml", "version: 1\nfamilies: [\n");
    for catalog in ["nothing-here.yaml", "bad.yaml"] {
        rolefit_in(dir.path())
            .args(["--roles", catalog, "score"])
            .arg(example("jane-sre.yaml"))
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(catalog));
    }
}

// ---------------------------------------------------------------- safety

#[test]
fn control_characters_are_escaped_in_tables_and_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ansi.yaml",
        "id: \"\\e[31mred\\u0007\"\nstrengths: [SLO]\n",
    );
    let table = stdout_of(rolefit_in(dir.path()).args(["score", "ansi.yaml", "--color", "never"]));
    assert!(
        !table.contains('\u{1b}') && !table.contains('\u{7}'),
        "{table:?}"
    );
    assert!(table.contains("\\u{1b}[31mred"), "{table}");

    // Markdown and the cohort table escape it too.
    write(dir.path(), "plain.yaml", "id: plain\nstrengths: [SLO]\n");
    for format in ["table", "markdown"] {
        let text = stdout_of(rolefit_in(dir.path()).args([
            "score",
            "ansi.yaml",
            "plain.yaml",
            "-f",
            format,
        ]));
        assert!(!text.contains('\u{1b}'), "{format}: {text:?}");
        assert!(text.contains("u{1b}"), "{format}: {text}");
    }

    // A tag name and a file name with control characters, in stderr.
    write(
        dir.path(),
        "tag.yaml",
        "strengths:\n  - \"zzz\\e]0;pwned\\u0007\"\n",
    );
    let bad_name = "evil\u{1b}[2J.yaml";
    write(dir.path(), bad_name, "strenghts: [SLO]\n");
    let output = rolefit_in(dir.path())
        .args(["score", "tag.yaml", bad_name])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(stderr.contains("tag.yaml:2"), "{stderr}");
    assert!(stderr.contains("evil\\u{1b}[2J.yaml"), "{stderr}");

    // JSON keeps the value exact (escaped the JSON way).
    let json = json_of(rolefit_in(dir.path()).args(["score", "ansi.yaml", "-f", "json"]));
    assert_eq!(json["respondents"][0]["id"], "\u{1b}[31mred\u{7}");
}

#[test]
fn no_inputs_found_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "readme.txt", "nothing to score\n");
    rolefit_in(dir.path())
        .args(["score", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no answer files"));
}

#[test]
fn warnings_go_to_stderr_and_quiet_silences_them() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "dup.yaml",
        "id: dup\nstrengths:\n  - SLO\n  - {tag: error budgets and SLOs, level: 5}\n",
    );
    let output = rolefit_in(dir.path())
        .args(["score", "dup.yaml", "-f", "json", "--top", "1"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("warning:") && stderr.contains("dup.yaml:4"),
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let r = &json["respondents"][0];
    assert_eq!(r["warnings"].as_array().unwrap().len(), 1);
    assert_eq!(r["ranking"][0]["matched"][0]["level"], 5);
    rolefit_in(dir.path())
        .args(["score", "dup.yaml", "--quiet"])
        .assert()
        .success()
        .stderr("");
}

// ------------------------------------------------- format from --output

#[test]
fn output_extension_picks_the_format() {
    let dir = tempfile::tempdir().unwrap();
    for (name, starts) in [
        ("r.json", "{\n  \"schema_version\""),
        ("r.JSONL", "{\"id\":\"jane-doe\""),
        ("r.ndjson", "{\"id\":\"jane-doe\""),
        ("r.csv", CSV_HEADER),
        ("r.md", "### Ranking for jane-doe"),
        ("r.txt", "Ranking for jane-doe"),
    ] {
        let out = dir.path().join(name);
        rolefit()
            .args(["score", "examples/jane-sre.yaml", "-o"])
            .arg(&out)
            .assert()
            .success();
        let written = fs::read_to_string(&out).unwrap();
        assert!(written.starts_with(starts), "{name}: {written}");
    }
}

#[test]
fn a_format_that_contradicts_the_extension_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    rolefit()
        .args(["score", "examples/jane-sre.yaml", "--format", "csv", "-o"])
        .arg(&out)
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("--format csv contradicts --output")
                .and(predicate::str::contains("use --format json"))
                .and(predicate::str::contains("report.csv")),
        );
    assert!(!out.exists());
    // Agreeing, and the format named in capitals, is fine.
    rolefit()
        .args(["score", "examples/jane-sre.yaml", "--format", "JSON", "-o"])
        .arg(&out)
        .assert()
        .success();
    let json: Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["respondents"][0]["id"], "jane-doe");
}

#[test]
fn format_names_are_case_insensitive() {
    let text = stdout_of(rolefit().args(["score", "examples/jane-sre.yaml", "-f", "Csv"]));
    assert!(text.starts_with(CSV_HEADER));
    let text = stdout_of(rolefit().args(["roles", "--format", "JSON"]));
    assert!(text.trim_start().starts_with('['));
    let text = stdout_of(rolefit().args(["tags", "--format", "Json"]));
    assert!(text.trim_start().starts_with('['));
}
