//! Re-assessment and cohort privacy through the real binary: dated and
//! grouped answers, `rolefit diff` in every format, `score --by group`,
//! `--min-group` and `--anonymous`.

mod common;

use std::fs;
use std::path::Path;

use common::{json_of, output, rolefit_in, write};
use serde_json::Value;

#[test]
fn answer_files_carry_a_real_date_and_a_group() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ann.yaml",
        "id: ann\nassessed: 2026-03-31\ngroup: Platform\nstrengths: [error budgets and SLOs]\n",
    );
    let json = json_of(rolefit_in(dir.path()).args(["score", "ann.yaml", "--format", "json"]));
    let person = &json["respondents"][0];
    assert_eq!(person["assessed"], "2026-03-31");
    assert_eq!(person["group"], "Platform");

    write(
        dir.path(),
        "bad.yaml",
        "id: bob\nstrengths: [error budgets and SLOs]\nassessed: 2026-02-29\ngroup: ''\n",
    );
    let (code, stdout, stderr) = output(rolefit_in(dir.path()).args(["score", "bad.yaml"]));
    assert_eq!(code, Some(1), "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.contains(
            "\"2026-02-29\" is not a real date (no such day in that month) at assessed (bad.yaml:3)"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("empty group at group (bad.yaml:4)"),
        "{stderr}"
    );

    write(
        dir.path(),
        "us.yaml",
        "assessed: 03/31/2026\nstrengths: [alert triage]\n",
    );
    let (_, _, stderr) = output(rolefit_in(dir.path()).args(["score", "us.yaml"]));
    assert!(
        stderr.contains(
            "is not a date written YYYY-MM-DD (such as 2026-03-31) at assessed (us.yaml:1)"
        ),
        "{stderr}"
    );
}

#[test]
fn a_forms_timestamp_is_the_date_assessed_and_never_a_guess() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "form.csv",
        "Timestamp,Name,Team,strengths\n\
         2026/03/31 10:02:11 AM GMT+1,Ann,Ops,error budgets and SLOs\n\
         03/04/2026 10:00:00,Bob,Ops,alert triage\n",
    );
    write(dir.path(), "columns.yaml", "Team: group\n");
    let (code, stdout, stderr) = output(rolefit_in(dir.path()).args([
        "score",
        "form.csv",
        "--columns",
        "columns.yaml",
        "--format",
        "json",
    ]));
    assert_eq!(code, Some(1), "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let ann = &json["respondents"][0];
    assert_eq!(
        (
            ann["id"].as_str(),
            ann["assessed"].as_str(),
            ann["group"].as_str()
        ),
        (Some("Ann"), Some("2026-03-31"), Some("Ops"))
    );
    assert_eq!(json["respondents"].as_array().unwrap().len(), 1);
    assert!(
        stderr
            .contains("\"03/04/2026 10:00:00\" is not a date: it could be day/month or month/day")
            && stderr.contains("row 3, column \"Timestamp\" (form.csv:3)"),
        "{stderr}"
    );
}
