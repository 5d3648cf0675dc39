//! Never a silent guess, through the real binary: notes on results that
//! stand on little, failed inputs named in reports, and two survey rows
//! with one name told apart.

use serde_json::Value;

use crate::common::{rolefit_in, write};

/// Four answer sets, each thin in its own way, and one that fails.
fn cohort(dir: &std::path::Path) {
    // No strength, only work style: the best match rests on it alone.
    write(
        dir,
        "style.yaml",
        "work_style: {communication: 4, planning: 3, stakeholder: 2, pace: 5, scope: 2}\n",
    );
    // Only goals: the best match is where he wants to grow.
    write(
        dir,
        "student.yaml",
        "goals: [threat modeling depth, IAM and trust-boundary architecture]\n",
    );
    // 2 of 15 statements, on 2 axes.
    write(
        dir,
        "thin.yaml",
        "strengths: [SLOs, pager and on-call operations]\nstatements: {ws-pace-1: 5, ws-scope-1: 2}\n",
    );
    // 3 of 4 words not understood.
    write(
        dir,
        "words.yaml",
        "strengths: [underwater welding, basket weaving, SLOs]\ngoals: [juggling]\n\
         work_style: {communication: 4, planning: 3, stakeholder: 2, pace: 5, scope: 2}\n",
    );
    write(dir, "bad.yaml", "strengths: [SLOs\n");
}

fn json_of(dir: &std::path::Path, files: &[&str]) -> Value {
    let output = rolefit_in(dir)
        .args(["score", "--unknown-tags", "warn", "--format", "json"])
        .args(files)
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).unwrap()
}

fn kinds(respondent: &Value) -> Vec<&str> {
    respondent["notes"]
        .as_array()
        .unwrap_or_else(|| panic!("notes on every respondent: {respondent}"))
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect()
}

#[test]
fn thin_results_carry_notes_as_data_and_a_whole_one_none() {
    let dir = tempfile::tempdir().unwrap();
    cohort(dir.path());
    write(
        dir.path(),
        "whole.yaml",
        "strengths: [SLOs, pager and on-call operations, blast-radius control]\n\
         work_style: {communication: 4, planning: 3, stakeholder: 2, pace: 5, scope: 2}\n",
    );
    let json = json_of(
        dir.path(),
        &[
            "style.yaml",
            "student.yaml",
            "thin.yaml",
            "words.yaml",
            "whole.yaml",
        ],
    );
    let people = json["respondents"].as_array().unwrap();
    let by_id = |id: &str| people.iter().find(|p| p["id"] == id).unwrap();
    assert_eq!(kinds(by_id("style")), ["work_style_alone"]);
    assert_eq!(kinds(by_id("student")), ["goals_alone"]);
    assert_eq!(kinds(by_id("thin")), ["few_axes", "few_statements"]);
    assert_eq!(kinds(by_id("words")), ["few_words_understood"]);
    assert_eq!(kinds(by_id("whole")), Vec::<&str>::new());
    let text = by_id("student")["notes"][0]["text"].as_str().unwrap();
    assert!(
        text.contains("Security Architect") && text.contains("not a fit yet"),
        "{text}"
    );
    let text = by_id("thin")["notes"][0]["text"].as_str().unwrap();
    assert!(text.contains("2 of 5 axes"), "{text}");
    let text = by_id("words")["notes"][0]["text"].as_str().unwrap();
    assert!(text.starts_with("3 of 4 skills and goals"), "{text}");
}

#[test]
fn every_human_format_shows_the_notes_of_one_result() {
    let dir = tempfile::tempdir().unwrap();
    cohort(dir.path());
    for format in ["table", "markdown", "html"] {
        let output = rolefit_in(dir.path())
            .args(["score", "student.yaml", "--format", format])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(text.contains("Notes on this result"), "{format}: {text}");
        assert!(
            text.contains("the best match, Security Architect, rests on goals"),
            "{format}: {text}"
        );
    }
}

#[test]
fn cohort_reports_count_the_notes_and_name_every_failed_input() {
    let dir = tempfile::tempdir().unwrap();
    cohort(dir.path());
    let files = [
        "style.yaml",
        "student.yaml",
        "thin.yaml",
        "words.yaml",
        "bad.yaml",
    ];
    for format in ["table", "markdown", "html"] {
        let output = rolefit_in(dir.path())
            .args(["score", "--unknown-tags", "warn", "--format", format])
            .args(files)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{format}");
        let text = String::from_utf8(output.stdout).unwrap();
        for counted in [
            "1 of 4 best matches rest on work style alone",
            "1 of 4 best matches rest on goals, not on skills held",
            "1 of 4 answered work style on fewer than 3 axes",
            "1 of 4 had most of their skills and goals not understood",
        ] {
            assert!(text.contains(counted), "{format}: {counted}\n{text}");
        }
        // The failed input by name, with its message.
        assert!(text.contains("1 input failed"), "{format}: {text}");
        assert!(text.contains("bad.yaml:1"), "{format}: {text}");
        assert!(
            text.contains("while parsing a flow sequence"),
            "{format}: {text}"
        );
        assert!(
            !text.contains("see the messages of the run"),
            "{format}: {text}"
        );
    }
}

#[test]
fn two_survey_rows_with_one_name_are_told_apart_by_row() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "dup.csv",
        "name,strengths,pace\nAnn Lee,SLOs,4\nBo Chen,queue management,3\nAnn Lee,threat modeling depth,2\n",
    );
    for format in ["table", "markdown", "html"] {
        let output = rolefit_in(dir.path())
            .args(["score", "dup.csv", "--format", format])
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(
            text.contains("Ann Lee (dup.csv row 2)") && text.contains("Ann Lee (dup.csv row 4)"),
            "{format}: {text}"
        );
    }
    let output = rolefit_in(dir.path())
        .args(["score", "dup.csv", "--format", "csv", "--top", "1"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("Ann Lee,dup.csv row 2,") && text.contains("Ann Lee,dup.csv row 4,"),
        "{text}"
    );
    let json = json_of(dir.path(), &["dup.csv"]);
    let at: Vec<&str> = json["respondents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["at"].as_str().unwrap())
        .collect();
    assert_eq!(at, ["row 2", "row 3", "row 4"]);
}

#[test]
fn family_flag_replacing_the_answers_own_families_is_said() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "fam.yaml",
        "strengths: [SLOs]\nfamilies: [support]\n",
    );
    let output = rolefit_in(dir.path())
        .args(["score", "fam.yaml", "--family", "engineering", "-f", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let said = "families support of the answers are replaced by --family engineering";
    assert!(stderr.contains(said), "{stderr}");
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let warnings = json["respondents"][0]["warnings"].to_string();
    assert!(warnings.contains(said), "{warnings}");
    // The same families, in another order, replace nothing.
    let output = rolefit_in(dir.path())
        .args(["score", "fam.yaml", "--family", "support"])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8(output.stderr)
            .unwrap()
            .contains("replaced")
    );
}
