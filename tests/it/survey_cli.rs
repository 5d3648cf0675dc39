//! Survey exports (CSV) as answers, `--columns`, `--unknown-tags`,
//! `--excel` and `template --format csv|markdown`, through the real binary.

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

use crate::common::rolefit;
const GOOGLE: &str = "examples/survey/google-forms.csv";
const GOOGLE_COLUMNS: &str = "examples/survey/columns.yaml";
const MICROSOFT: &str = "tests/fixtures/survey/microsoft-forms.csv";
const MONKEY: &str = "tests/fixtures/survey/surveymonkey.csv";
const MONKEY_COLUMNS: &str = "tests/fixtures/survey/surveymonkey-columns.yaml";
const UNKNOWN_WORDS: &str = "tests/fixtures/survey/unknown-words.jsonl";

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

fn stderr_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stderr).unwrap()
}

/// The JSON report's respondents without their `source` and `at` (a
/// survey row's place).
fn respondents(json: &str) -> Vec<Value> {
    let report: Value = serde_json::from_str(json).unwrap();
    report["respondents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.as_object_mut().unwrap().remove("source");
            r.as_object_mut().unwrap().remove("at");
            r
        })
        .collect()
}

fn ids(json: &str) -> Vec<String> {
    respondents(json)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_form_export_through_a_mapping_scores_like_the_same_answer_files() {
    let survey = stdout_of(rolefit().args([
        "score",
        GOOGLE,
        "--columns",
        GOOGLE_COLUMNS,
        "--format",
        "json",
    ]));
    let files = stdout_of(rolefit().args([
        "score",
        "tests/fixtures/survey/answers/",
        "--format",
        "json",
    ]));
    let (mut survey, mut files) = (respondents(&survey), respondents(&files));
    // The words are as each person typed them (a form lower-cases some).
    for person in survey.iter_mut().chain(files.iter_mut()) {
        person.as_object_mut().unwrap().remove("understood");
    }
    assert_eq!(survey.len(), 3);
    assert_eq!(survey, files);
    // Accents and CJK names come through as written.
    assert_eq!(survey[0]["id"], "Zoë Müller");
    assert_eq!(survey[1]["id"], "王芳");
}

#[test]
fn reverse_keyed_statements_and_likert_labels_give_the_exact_axis_mean() {
    // Zoë: pace statements "Agree" (4) and the reverse-keyed "Disagree"
    // (2, counted 6 − 2 = 4); communication "Neither agree nor disagree" (3)
    // and the reverse-keyed "Strongly agree" (5, counted 1): mean 2.
    let json = stdout_of(rolefit().args([
        "score",
        GOOGLE,
        "--columns",
        GOOGLE_COLUMNS,
        "--format",
        "json",
    ]));
    let zoe = &respondents(&json)[0];
    assert_eq!(zoe["work_style"]["pace"], 4.0, "{zoe}");
    assert_eq!(zoe["work_style"]["communication"], 2.0, "{zoe}");
    assert_eq!(zoe["work_style"]["planning"], 4.0, "{zoe}");
}

#[test]
fn unrecognised_columns_are_named_once() {
    let stderr = stderr_of(rolefit().args(["score", GOOGLE, "--format", "csv"]));
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("not recognised"))
        .collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(
        warnings[0].contains("\"Which office are you in?\"")
            && warnings[0].contains("(examples/survey/google-forms.csv:1)"),
        "{stderr}"
    );
    // The skill questions are read by their words, and said so once.
    let read: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("read by their words"))
        .collect();
    assert_eq!(read.len(), 1, "{stderr}");
    assert!(
        read[0].contains("\"Skills you want to grow into\" as goals")
            && read[0].contains("\"How well do you know each of these?\" (6 columns) as levels"),
        "{stderr}"
    );
    // Form tools' own columns (Timestamp) are not worth a warning.
    assert!(!warnings[0].contains("Timestamp"), "{stderr}");
    // Mapped, nothing is left unrecognised.
    rolefit()
        .args(["score", GOOGLE, "--columns", GOOGLE_COLUMNS, "-f", "csv"])
        .assert()
        .success()
        .stderr(predicate::str::contains("not recognised").not())
        .stderr(predicate::str::contains("read by their words").not());
}

/// A Google Forms export titled with the form's own questions.
const FORM_TITLES: &str = "Timestamp,Email address,Name,What are your strongest skills?,\
Which skills would you like to grow?,\
\"I do well when my day is full of interruptions, urgent requests and context switches.\"
2026/11/20 9:14:03 AM GMT+1,ann@example.org,Ann Lee,\"repro steps and log analysis, escalation routing\",knowledge-base authoring,Agree
2026/11/20 9:20:11 AM GMT+1,bo@example.org,Bo Chen,\"error budgets and SLOs, pager and on-call operations\",blast-radius control,Strongly agree
";

#[test]
fn a_form_titled_with_its_own_questions_is_read_by_their_words() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("form.csv"), FORM_TITLES).unwrap();
    let output = rolefit()
        .current_dir(dir.path())
        .args(["score", "form.csv", "--format", "json", "--top", "1"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json = String::from_utf8(output.stdout).unwrap();
    let people = respondents(&json);
    assert_eq!(ids(&json), ["Ann Lee", "Bo Chen"]);
    // Scored on their skills, not on the one statement alone.
    assert_eq!(
        people[0]["ranking"][0]["role_id"],
        "technical-support-engineer"
    );
    assert_eq!(
        people[1]["ranking"][0]["role_id"],
        "site-reliability-engineer"
    );
    assert!(people[1]["ranking"][0]["competency"].as_f64().unwrap() > 0.0);
    assert!(people[1]["ranking"][0]["growth"].as_f64().unwrap() > 0.0);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "columns read by their words: \"What are your strongest skills?\" as strengths, \
             \"Which skills would you like to grow?\" as goals (form.csv:1)"
        ),
        "{stderr}"
    );
    // Timestamp is a form tool's own column: no warning.
    assert!(!stderr.contains("Timestamp"), "{stderr}");
    // The reading is in the report too, not only on stderr.
    let report: Value = serde_json::from_str(&json).unwrap();
    assert!(
        report["notices"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("columns read by their words"),
        "{report}"
    );
    for format in ["table", "markdown", "html"] {
        let text = stdout_of(
            rolefit()
                .current_dir(dir.path())
                .args(["score", "form.csv", "--format", format]),
        );
        assert!(text.contains("About the inputs"), "{format}: {text}");
        assert!(
            text.contains("as strengths") && text.contains("as goals"),
            "{format}: {text}"
        );
    }
}

#[test]
fn skill_questions_that_cannot_be_placed_stop_the_run_naming_columns() {
    let dir = tempfile::tempdir().unwrap();
    let untitled = FORM_TITLES
        .replace("What are your strongest skills?", "Tell us about yourself")
        .replace("Which skills would you like to grow?", "Where next?");
    let twice = FORM_TITLES.replace("Which skills would you like to grow?", "Other skills");
    fs::write(dir.path().join("untitled.csv"), untitled).unwrap();
    fs::write(dir.path().join("twice.csv"), &twice).unwrap();
    fs::write(dir.path().join("good.yaml"), "strengths: [SLOs]\n").unwrap();
    for (file, named) in [
        (
            "untitled.csv",
            "no column gives strengths, goals or levels, and these were not recognised: \
             \"Tell us about yourself\", \"Where next?\" (untitled.csv:1)",
        ),
        (
            "twice.csv",
            "the skill questions cannot be placed: \"What are your strongest skills?\", \
             \"Other skills\" could be strengths, goals or levels (twice.csv:1)",
        ),
    ] {
        for command in ["score", "validate"] {
            rolefit()
                .current_dir(dir.path())
                .args([command, "good.yaml", file])
                .assert()
                .code(2)
                .stdout("")
                .stderr(predicate::str::contains(named))
                .stderr(predicate::str::contains("--columns FILE"));
        }
    }
    // From standard input alike.
    rolefit()
        .current_dir(dir.path())
        .args(["score", "-", "--csv"])
        .write_stdin(twice)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("cannot be placed"));
    // Mapped, the survey scores.
    fs::write(
        dir.path().join("columns.yaml"),
        "Tell us about yourself: strengths\nWhere next?: goals\n",
    )
    .unwrap();
    rolefit()
        .current_dir(dir.path())
        .args(["score", "untitled.csv", "--columns", "columns.yaml"])
        .assert()
        .success();
}

#[test]
fn bad_rows_fail_alone_with_file_row_and_column_named() {
    // Microsoft Forms, titled as the Markdown template says: no mapping.
    let assert = rolefit()
        .args([
            "score",
            MICROSOFT,
            "--unknown-tags",
            "error",
            "--format",
            "json",
        ])
        .assert()
        .code(1);
    let output = assert.get_output();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "unknown tag \"underwater welding\" at row 3, column \"strengths\" \
             (tests/fixtures/survey/microsoft-forms.csv:3)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("\"Maybe\" is not an answer from 1 to 5")
            && stderr.contains("at row 5, column \"I do well when my day is full of"),
        "{stderr}"
    );
    assert!(stderr.contains("2 scored, 2 failed"), "{stderr}");
    let json = String::from_utf8_lossy(&output.stdout);
    // The ID column gives the ids; the other rows are scored.
    assert_eq!(ids(&json), ["1", "3"]);
    let report: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["errors"][0]["line"], 3);
    // A failed row is named by the id it would have had.
    assert_eq!(report["errors"][0]["id"], "2");
    // "flaky tests (4)": an alias with a level.
    let priya = &report["respondents"][1];
    assert_eq!(priya["path"], "competency");
    let matched = priya["ranking"][0]["matched"].as_array().unwrap();
    assert!(
        matched.contains(&serde_json::json!({"tag": "flaky-test reduction", "level": 4})),
        "{priya}"
    );
}

#[test]
fn surveymonkey_second_header_row_and_checkbox_columns() {
    let json = stdout_of(rolefit().args([
        "score",
        MONKEY,
        "--columns",
        MONKEY_COLUMNS,
        "--format",
        "json",
        "--top",
        "1",
    ]));
    let people = respondents(&json);
    assert_eq!(ids(&json), ["Fatima Zahra", "José"]);
    // Ticked and rated: the grid's level counts, with no warning; the
    // "Other" cell's alias counts too.
    let matched = &people[0]["ranking"][0]["matched"];
    assert_eq!(
        matched,
        &serde_json::json!([
            {"tag": "alert triage", "level": 4},
            {"tag": "detection tuning", "level": 3}
        ])
    );
    assert_eq!(people[1]["path"], "competency");
    // Metadata columns (Respondent ID, IP Address, ...) need no mapping and
    // give no warning.
    rolefit()
        .args(["validate", MONKEY, "--columns", MONKEY_COLUMNS])
        .assert()
        .success()
        .stdout(predicate::str::contains("2 answer sets ok"))
        .stderr(predicate::str::is_empty());
}

#[test]
fn columns_file_problems_stop_the_command_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad_kind = dir.path().join("bad.yaml");
    fs::write(
        &bad_kind,
        "Your name: id\nWhich office are you in?: office\n",
    )
    .unwrap();
    rolefit()
        .args(["score", GOOGLE, "--columns"])
        .arg(&bad_kind)
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("unknown column kind \"office\""))
        .stderr(predicate::str::contains("bad.yaml:2)"));
    let missing = dir.path().join("missing.yaml");
    fs::write(&missing, "Your name: id\n\"Your strengths?\": strengths\n").unwrap();
    rolefit()
        .args(["score", GOOGLE, "--format", "csv", "--columns"])
        .arg(&missing)
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "no column of the surveys has this header at \"Your strengths?\"",
        ))
        .stderr(predicate::str::contains("missing.yaml:2)"));
}

#[test]
fn unknown_tags_warn_scores_the_whole_cohort_and_error_fails_it() {
    rolefit()
        .args([
            "score",
            UNKNOWN_WORDS,
            "--unknown-tags",
            "error",
            "--format",
            "json",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("1 scored, 3 failed"));
    let assert = rolefit()
        .args([
            "score",
            UNKNOWN_WORDS,
            "--unknown-tags",
            "warn",
            "--format",
            "json",
        ])
        .assert()
        .success();
    let output = assert.get_output();
    let json = String::from_utf8_lossy(&output.stdout);
    assert_eq!(ids(&json), ["ana", "ben", "chen", "dara"]);
    let people = respondents(&json);
    let warnings = people[0]["warnings"].to_string();
    assert!(
        warnings.contains(
            "unknown tag \\\"underwater welding\\\" (not understood; scored without it) at strengths[0]"
        )
            && warnings.contains("competitive juggling"),
        "{warnings}"
    );
    // What was known still counts: "pager" at level 4.
    assert!(
        people[0]["ranking"][0]["matched"]
            .to_string()
            .contains("\"level\":4"),
        "{}",
        people[0]
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Five of one kind: three spelled out, two counted.
    assert_eq!(
        stderr
            .matches("(not understood; scored without it) at")
            .count(),
        3,
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "rolefit: warning: 2 more like this: unknown tag \"…\" (not understood; scored without it)\n"
        ),
        "{stderr}"
    );
    assert!(stderr.ends_with(", 5 warnings\n"), "{stderr}");
    // validate agrees, and so does a survey row.
    rolefit()
        .args(["validate", UNKNOWN_WORDS, "--unknown-tags", "warn"])
        .assert()
        .success();
    let csv = stdout_of(rolefit().args([
        "score",
        MICROSOFT,
        "--unknown-tags",
        "warn",
        "--format",
        "csv",
        "--top",
        "1",
    ]));
    assert!(csv.lines().any(|l| l.starts_with("2,")), "{csv}");
}

#[test]
fn template_csv_is_read_back_without_a_mapping() {
    for path in ["full", "competency", "work-style"] {
        let csv = stdout_of(rolefit().args(["template", "--format", "csv", "--path", path]));
        assert_eq!(csv.lines().count(), 2, "{csv}");
        rolefit()
            .args(["score", "-", "--csv", "--format", "json"])
            .write_stdin(csv.clone())
            .assert()
            .success()
            .stderr(predicate::str::is_empty())
            .stdout(predicate::str::contains(format!("\"path\": \"{path}\"")));
    }
}

#[test]
fn template_markdown_lists_the_questions_and_choices() {
    rolefit()
        .args(["template", "--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::contains("**strengths**"))
        .stdout(predicate::str::contains("- `error budgets and SLOs`"))
        .stdout(predicate::str::contains("3. practitioner"))
        .stdout(predicate::str::contains("5. Strongly agree"))
        .stdout(predicate::str::contains(
            "I need long, uninterrupted blocks of time to do my best work. (`ws-pace-3`)",
        ));
}

#[test]
fn excel_output_starts_with_a_byte_order_mark() {
    let output = rolefit()
        .args([
            "score",
            GOOGLE,
            "--columns",
            GOOGLE_COLUMNS,
            "--format",
            "csv",
            "--excel",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(output.stdout.starts_with("\u{feff}id,source,".as_bytes()));
    rolefit()
        .args(["score", GOOGLE, "--format", "json", "--excel"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--excel applies to CSV output"));
}

#[test]
fn awkward_csv_bom_crlf_quoted_newlines_and_blank_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("awkward.csv");
    let text = "\u{feff}Name,Strengths,Level [SLO],pace\r\n\
                \"Doe, Jane\",\"pager (5)\r\nrepro steps\",\"4\",3.5\r\n\
                \r\n\
                ,alert triage,,\"2\"\r\n";
    fs::write(&path, text).unwrap();
    let json = stdout_of(rolefit().current_dir(dir.path()).args([
        "score",
        "awkward.csv",
        "--format",
        "json",
        "--top",
        "1",
    ]));
    let people = respondents(&json);
    assert_eq!(people[0]["id"], "Doe, Jane");
    assert_eq!(people[0]["work_style"]["pace"], 3.5);
    // An empty id cell gives FILE:ROW; a blank line is no row.
    assert_eq!(people[1]["id"], "awkward:3");
    rolefit()
        .args(["score", "-", "--csv", "--jsonl"])
        .assert()
        .code(2);
}

#[test]
fn semicolons_and_tabs_separate_like_commas_and_a_file_without_answers_fails() {
    let dir = tempfile::tempdir().unwrap();
    // Excel in many languages saves with `;`.
    fs::write(
        dir.path().join("semi.csv"),
        "Name;Strengths;Pace\r\nAnna;\"SLO; pager (5)\";4\r\n",
    )
    .unwrap();
    fs::write(dir.path().join("tabs.csv"), "name\tstrengths\nBo\tSLO\n").unwrap();
    let json = stdout_of(rolefit().current_dir(dir.path()).args([
        "score", "semi.csv", "tabs.csv", "--format", "json", "--top", "1",
    ]));
    let people = respondents(&json);
    assert_eq!(ids(&json), ["Anna", "Bo"]);
    assert_eq!(people[0]["work_style"]["pace"], 4.0);
    assert_eq!(
        people[0]["ranking"][0]["role_id"],
        "site-reliability-engineer"
    );
    fs::write(dir.path().join("results.csv"), "foo,bar\n1,2\n").unwrap();
    rolefit()
        .current_dir(dir.path())
        .args(["score", "results.csv"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no column holds answers (results.csv:1)",
        ));
    fs::write(dir.path().join("empty.csv"), "id,strengths\n").unwrap();
    rolefit()
        .current_dir(dir.path())
        .args(["validate", "empty.csv", "semi.csv"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "no rows under the header (empty.csv:2)",
        ));
}

#[test]
fn a_row_that_is_not_utf8_fails_alone_and_so_does_a_broken_quote() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"name,strengths\nAna,SLO\nJos\xe9,pager\nBo,\"alert triage\n".to_vec();
    bytes.extend_from_slice(b"\x00\x00,\xff\n");
    fs::write(dir.path().join("mixed.csv"), bytes).unwrap();
    let assert = rolefit()
        .current_dir(dir.path())
        .args(["score", "mixed.csv", "--format", "jsonl", "--top", "1"])
        .assert()
        .code(1);
    let output = assert.get_output();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("not valid UTF-8 in column 1 at row 3 (mixed.csv:3)")
            && stderr.contains("CSV UTF-8"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.starts_with("{\"id\":\"Ana\""), "{stdout}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_repeated_skill_is_named_by_its_columns() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("repeat.csv"),
        "name,strengths,goals\nA,\"SLO, error budgets (4); pager\",\n",
    )
    .unwrap();
    rolefit()
        .current_dir(dir.path())
        .args(["score", "repeat.csv", "--format", "csv"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "\"error budgets\" repeats \"error budgets and SLOs\" from column \"strengths\"; \
             counted once at level 4 at row 2, column \"strengths\" (repeat.csv:2)",
        ));
}
