//! Re-assessment and cohort privacy through the real binary: dated and
//! grouped answers, `rolefit diff` in every format, `score --by group`,
//! `--min-group` and `--anonymous`.

use crate::common;
use std::fs;
use std::path::Path;

use crate::common::{json_of, output, rolefit_in, write};
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

/// One person's two answer files (in `dir/q1` and `dir/q2`) and a cohort
/// around them: bob in both, cy only before, dee only after.
fn two_rounds(dir: &Path) {
    for round in ["q1", "q2"] {
        fs::create_dir_all(dir.join(round)).unwrap();
    }
    write(
        dir,
        "q1/ann.yaml",
        "id: ann\nassessed: 2025-03-01\nstrengths:\n  - error budgets and SLOs\n  \
         - {tag: pager and on-call operations, level: 2}\ngoals: [blast-radius control]\n\
         work_style: {pace: 3, planning: 2}\n",
    );
    write(
        dir,
        "q2/ann.yaml",
        "id: ann\nassessed: 2026-03-01\nstrengths:\n  - {tag: error budgets and SLOs, level: 5}\n  \
         - alert triage\ngoals: [threat modeling depth]\nwork_style: {pace: 4, planning: 2}\n",
    );
    write(
        dir,
        "q1/bob.yaml",
        "id: bob\nstrengths: [error budgets and SLOs]\n",
    );
    write(
        dir,
        "q2/bob.yaml",
        "id: bob\nstrengths: [alert triage, detection tuning, SIEM tuning]\n",
    );
    write(dir, "q1/cy.yaml", "id: cy\nstrengths: [alert triage]\n");
    write(dir, "q2/dee.yaml", "id: dee\nstrengths: [alert triage]\n");
}

fn diff_in(dir: &Path, args: &[&str]) -> String {
    common::stdout_of(rolefit_in(dir).arg("diff").args(args))
}

#[test]
fn one_persons_two_files_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    two_rounds(dir.path());
    let files = ["q1/ann.yaml", "q2/ann.yaml"];

    let json: Value =
        serde_json::from_str(&diff_in(dir.path(), &[files[0], files[1], "-f", "json"])).unwrap();
    assert!(json.get("cohort").is_none(), "{json}");
    let ann = &json["people"][0];
    assert_eq!(ann["id"], "ann");
    assert_eq!(
        ann["assessed"],
        serde_json::json!(["2025-03-01", "2026-03-01"])
    );
    assert_eq!(
        ann["tags"],
        serde_json::json!([
            {"tag": "pager and on-call operations", "from": 2, "to": null},
            {"tag": "error budgets and SLOs", "from": 3, "to": 5},
            {"tag": "alert triage", "from": null, "to": 3},
        ])
    );
    assert_eq!(
        ann["goals"]["added"],
        serde_json::json!(["threat modeling depth"])
    );
    assert_eq!(
        ann["goals"]["removed"],
        serde_json::json!(["blast-radius control"])
    );
    assert_eq!(
        ann["work_style"],
        serde_json::json!([{"axis": "pace", "from": 3.0, "to": 4.0}])
    );
    assert_eq!(
        ann["best_match"],
        serde_json::json!(["site-reliability-engineer", "site-reliability-engineer"])
    );
    // Every role, with its place and score then and now, as `score` ranks them.
    let roles = ann["roles"].as_array().unwrap();
    assert_eq!(roles.len(), common::role_count());
    let ranked = |file: &str| {
        json_of(rolefit_in(dir.path()).args(["score", file, "-f", "json"]))["respondents"][0]["ranking"].clone()
    };
    let (then, now) = (ranked(files[0]), ranked(files[1]));
    for role in roles {
        let place =
            |ranking: &Value, rank: &Value| ranking[rank.as_u64().unwrap() as usize - 1].clone();
        let was = place(&then, &role["rank_from"]);
        let is = place(&now, &role["rank_to"]);
        assert_eq!(
            (&was["role_id"], &was["score"]),
            (&role["role_id"], &role["score_from"])
        );
        assert_eq!(
            (&is["role_id"], &is["score"]),
            (&role["role_id"], &role["score_to"])
        );
    }

    let table = diff_in(dir.path(), &files);
    for part in [
        "Changes for ann",
        "Assessed 2025-03-01 → 2026-03-01.",
        "Best match: Site Reliability Engineer (unchanged).",
        "pager and on-call operations    2   - dropped",
        "error budgets and SLOs          3   5 +2",
        "Goals added: threat modeling depth. Goals removed: blast-radius control.",
        "Pace    3   4",
        "Every role then and now",
    ] {
        assert!(table.contains(part), "{part:?} in\n{table}");
    }
    let markdown = diff_in(dir.path(), &[files[0], files[1], "-f", "markdown"]);
    assert!(markdown.starts_with("### Changes for ann\n"), "{markdown}");
    assert!(
        markdown.contains("| alert triage | \\- | 3 | added |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Site Reliability Engineer | 1 | 1 | same |"),
        "{markdown}"
    );
    // The wrong way round: said on stderr, compared as asked.
    let (code, _, stderr) = output(rolefit_in(dir.path()).args(["diff", files[1], files[0]]));
    assert_eq!(code, Some(0));
    assert!(
        stderr.contains("1 of the people compared answered OLD after NEW"),
        "{stderr}"
    );
    let html = diff_in(dir.path(), &[files[0], files[1], "-f", "html"]);
    assert!(html.contains("<h1>Changes for ann</h1>"), "{html}");
    assert!(html.contains("class=\"chart shifts\""), "{html}");
    assert!(html.contains("<td>dropped</td>"), "{html}");
}

#[test]
fn two_cohort_folders_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    two_rounds(dir.path());
    let json: Value =
        serde_json::from_str(&diff_in(dir.path(), &["q1", "q2", "--format", "json"])).unwrap();
    let ids: Vec<&str> = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ann", "bob"]);
    assert_eq!(json["only_old"], serde_json::json!(["cy"]));
    assert_eq!(json["only_new"], serde_json::json!(["dee"]));
    let cohort = &json["cohort"];
    assert_eq!(
        (
            cohort["compared"].as_u64(),
            cohort["only_old"].as_u64(),
            cohort["only_new"].as_u64()
        ),
        (Some(2), Some(1), Some(1))
    );
    let skill = |tag: &str| {
        cohort["skills"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["tag"] == tag)
            .cloned()
            .unwrap()
    };
    // ann and bob both gained alert triage; ann raised SLOs, bob dropped them.
    assert_eq!(
        skill("alert triage"),
        serde_json::json!({"tag": "alert triage", "rose": 2, "fell": 0})
    );
    assert_eq!(
        skill("error budgets and SLOs"),
        serde_json::json!({"tag": "error budgets and SLOs", "rose": 1, "fell": 1})
    );
    let moves = cohort["best_match_moves"].as_array().unwrap();
    assert_eq!(
        moves
            .iter()
            .map(|m| m["people"].as_u64().unwrap())
            .sum::<u64>(),
        2
    );
    assert!(
        moves.contains(&serde_json::json!({"from": "site-reliability-engineer", "to": "soc-analyst", "people": 1})),
        "{moves:?}"
    );

    let table = diff_in(dir.path(), &["q1", "q2"]);
    for part in [
        "Changes in the cohort",
        "2 people compared, 1 only in the old answers, 1 only in the new answers.",
        "Best-match moves",
        "People who rose or fell on each skill",
        "alert triage                    2    0",
        "Only in the old answers: cy.",
        "Only in the new answers: dee.",
    ] {
        assert!(table.contains(part), "{part:?} in\n{table}");
    }
    let markdown = diff_in(dir.path(), &["q1", "q2", "-f", "markdown"]);
    assert!(
        markdown.contains("| Site Reliability Engineer | SOC Analyst | 1 |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| bob | Site Reliability Engineer | SOC Analyst | 3 | 0 | 0 |"),
        "{markdown}"
    );
    let html = diff_in(dir.path(), &["q1", "q2", "-f", "html"]);
    assert!(html.contains("<h1>Changes in the cohort</h1>"));
    assert!(
        html.contains("Site Reliability Engineer → SOC Analyst"),
        "{html}"
    );

    // Formats diff does not write, and a side that is missing.
    let (code, _, stderr) = output(rolefit_in(dir.path()).args(["diff", "q1", "q2", "-f", "csv"]));
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("diff writes table, json, markdown or html, not csv"),
        "{stderr}"
    );
    let (code, _, stderr) = output(rolefit_in(dir.path()).args(["diff", "q1", "q3"]));
    assert_ne!(code, Some(0), "{stderr}");
}

/// A cohort as JSON Lines: each respondent as the answer file it resolves from.
fn jsonl_of(people: &[rolefit::answers::Respondent]) -> String {
    let catalog = common::catalog();
    people
        .iter()
        .map(|r| serde_json::to_string(&r.to_answer_file(catalog)).unwrap() + "\n")
        .collect()
}

/// A small cohort with distinct ids `p0`, `p1`, …
fn cohort() -> impl proptest::strategy::Strategy<Value = Vec<rolefit::answers::Respondent>> {
    use proptest::prelude::*;
    prop::collection::vec(
        common::respondent_with(common::catalog(), 1.0f64..=5.0),
        1..5,
    )
    .prop_map(|mut people| {
        for (i, r) in people.iter_mut().enumerate() {
            r.id = format!("p{i}");
        }
        people
    })
}

/// The levels a diff says changed, applied to the old levels.
fn apply(old: &rolefit::answers::Respondent, tags: &Value) -> Vec<(String, u64)> {
    let catalog = common::catalog();
    let mut levels: std::collections::BTreeMap<String, u64> = old
        .strengths
        .iter()
        .map(|&(t, l)| (catalog.tags[t].name.clone(), u64::from(l)))
        .collect();
    for change in tags.as_array().unwrap() {
        let tag = change["tag"].as_str().unwrap().to_string();
        assert_eq!(
            change["from"].as_u64(),
            levels.get(&tag).copied(),
            "from is the old level"
        );
        match change["to"].as_u64() {
            Some(level) => levels.insert(tag, level),
            None => levels.remove(&tag),
        };
    }
    levels.into_iter().collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    #[test]
    fn a_diff_shows_exactly_the_changes(old in cohort(), new in cohort()) {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "old.jsonl", jsonl_of(&old));
        write(dir.path(), "new.jsonl", jsonl_of(&new));

        // A set against itself: nothing moved.
        let same: Value = serde_json::from_str(&diff_in(dir.path(), &["old.jsonl", "old.jsonl", "-f", "json"])).unwrap();
        for person in same["people"].as_array().unwrap() {
            proptest::prop_assert_eq!(&person["tags"], &serde_json::json!([]));
            proptest::prop_assert_eq!(&person["goals"], &serde_json::json!({"added": [], "removed": []}));
            proptest::prop_assert_eq!(&person["work_style"], &serde_json::json!([]));
            proptest::prop_assert_eq!(&person["best_match"][0], &person["best_match"][1]);
            for role in person["roles"].as_array().unwrap() {
                proptest::prop_assert_eq!(&role["rank_from"], &role["rank_to"]);
                proptest::prop_assert_eq!(&role["score_from"], &role["score_to"]);
            }
        }
        proptest::prop_assert_eq!(same["people"].as_array().unwrap().len(), old.len());

        // Old against new: the tag changes take old's levels to new's.
        let diff: Value = serde_json::from_str(&diff_in(dir.path(), &["old.jsonl", "new.jsonl", "-f", "json"])).unwrap();
        let people = diff["people"].as_array().unwrap();
        let pair = old.len() == 1 && new.len() == 1;
        let both = if pair { 1 } else { old.len().min(new.len()) };
        proptest::prop_assert_eq!(people.len(), both);
        for (i, person) in people.iter().enumerate() {
            let now: Vec<(String, u64)> = new[i]
                .strengths
                .iter()
                .map(|&(t, l)| (common::catalog().tags[t].name.clone(), u64::from(l)))
                .collect::<std::collections::BTreeMap<_, _>>()
                .into_iter()
                .collect();
            proptest::prop_assert_eq!(apply(&old[i], &person["tags"]), now);
        }
        let seen_once = old.len().max(new.len()) - both;
        let listed = diff["only_old"].as_array().map_or(0, Vec::len) + diff["only_new"].as_array().map_or(0, Vec::len);
        proptest::prop_assert_eq!(listed, if pair { 0 } else { seen_once });
    }
}

/// Every id and file name holds this; no rendering of one can leave it out.
const MARK: &str = "zq7";

/// Ids that try to break out of every format: markup, control characters,
/// a Markdown table, a very long name.
fn hostile_ids() -> Vec<String> {
    vec![
        format!("{MARK}<script>alert(1)</script>"),
        format!("{MARK}\u{1b}[31mred\u{7}\r\nnext"),
        format!("{MARK} | ### Ann O'Brien"),
        format!("{MARK}{}", "w".repeat(5_000)),
        format!("\"><img src=x onerror=alert(2)>{MARK}"),
        format!("{MARK} Jane Doe"),
    ]
}

/// A team of six (Ops) and one of two (Sec) in `dir/NAME`, every id hostile.
fn teams(dir: &Path, name: &str, strengths: &str) -> String {
    let folder = dir.join(name);
    fs::create_dir_all(&folder).unwrap();
    let mut ids = hostile_ids();
    ids.extend([format!("{MARK}-sec-1"), format!("{MARK}-sec-2")]);
    for (i, id) in ids.iter().enumerate() {
        let group = if i < 6 { "Ops" } else { "Redteam" };
        let answers = serde_json::json!({
            "id": id,
            "group": group,
            "strengths": if i < 6 { strengths.split(',').collect::<Vec<_>>() } else { vec!["threat modeling depth", "detection tuning"] },
        });
        fs::write(folder.join(format!("{MARK}-{i}.json")), answers.to_string()).unwrap();
    }
    // An input that fails, named like a person.
    fs::write(
        folder.join(format!("{MARK}-broken.json")),
        format!(
            "{{\"id\": \"{MARK}-broken\", \"strengths\": [{{\"tag\": \"SLO\", \"level\": 9}}]}}"
        ),
    )
    .unwrap();
    folder.display().to_string()
}

#[test]
fn by_group_anonymous_shows_the_big_team_and_neither_names_nor_reveals_the_small_one() {
    let dir = tempfile::tempdir().unwrap();
    let folder = teams(dir.path(), "now", "error budgets and SLOs,alert triage");
    for format in ["table", "markdown", "html"] {
        let (code, stdout, stderr) = output(rolefit_in(dir.path()).args([
            "score",
            &folder,
            "--by",
            "group",
            "--anonymous",
            "--format",
            format,
        ]));
        assert_eq!(code, Some(1), "one input fails: {stderr}");
        assert!(
            !stdout.contains(MARK),
            "{format}: a person's id or file in\n{stdout}"
        );
        assert!(
            stdout.contains("Ops"),
            "{format}: the team of six is shown\n{stdout}"
        );
        assert!(
            !stdout.contains("Redteam"),
            "{format}: the team of two is named\n{stdout}"
        );
        // The two are out of the totals too: subtracting Ops from them gives nothing.
        assert!(
            stdout.contains("6 respondents scored"),
            "{format}\n{stdout}"
        );
        assert!(!stdout.contains("8 respondents"), "{format}\n{stdout}");
        assert!(
            !stdout.contains("threat modeling depth"),
            "{format}: the small team's answers\n{stdout}"
        );
        let flat = stdout.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("2 people are left out of the group views"),
            "{format}\n{stdout}"
        );
        assert!(
            stdout.contains("Ops: best matches (6 people)"),
            "{format}\n{stdout}"
        );
    }
    // Without --anonymous the people are listed; the small team is still not a group view.
    let (_, table, _) = output(rolefit_in(dir.path()).args(["score", &folder, "--by", "group"]));
    assert!(table.contains(&format!("{MARK}-sec-1")), "{table}");
    assert!(
        table.contains("Ops: best matches (6 people)") && !table.contains("Redteam"),
        "{table}"
    );

    // Formats that hold a row per person refuse the flags.
    for format in ["json", "jsonl", "csv"] {
        let (code, _, stderr) =
            output(rolefit_in(dir.path()).args(["score", &folder, "--anonymous", "-f", format]));
        assert_eq!(code, Some(2), "{stderr}");
        assert!(
            stderr.contains("--anonymous shapes cohort summaries"),
            "{stderr}"
        );
    }
    let (code, _, stderr) =
        output(rolefit_in(dir.path()).args(["score", &folder, "--min-group", "3"]));
    assert_eq!(code, Some(2), "--min-group needs --by: {stderr}");
}

#[test]
fn anonymous_reports_hold_no_id_or_name_of_a_person() {
    let dir = tempfile::tempdir().unwrap();
    let before = teams(dir.path(), "before", "error budgets and SLOs");
    let after = teams(
        dir.path(),
        "after",
        "error budgets and SLOs,alert triage,pager",
    );
    for format in ["table", "markdown", "html"] {
        let (_, stdout, _) =
            output(rolefit_in(dir.path()).args(["score", &after, "--anonymous", "-f", format]));
        assert!(!stdout.contains(MARK), "score {format}:\n{stdout}");
        assert!(
            stdout.contains("8 respondents scored"),
            "score {format}:\n{stdout}"
        );
    }
    for format in ["table", "markdown", "html", "json"] {
        let (_, stdout, _) = output(rolefit_in(dir.path()).args([
            "diff",
            &before,
            &after,
            "--anonymous",
            "-f",
            format,
        ]));
        assert!(!stdout.contains(MARK), "diff {format}:\n{stdout}");
        assert!(
            stdout.contains("alert triage"),
            "diff {format}: the counts are there\n{stdout}"
        );
    }
    // Someone with no match is counted, not named.
    write(
        Path::new(&after),
        &format!("{MARK}-none.yaml"),
        format!("id: {MARK}-none\npath: competency\n"),
    );
    let (_, table, _) = output(rolefit_in(dir.path()).args(["score", &after, "--anonymous"]));
    assert!(!table.contains(MARK), "{table}");
    assert!(table.contains("not counted below): 1 person"), "{table}");
    // Named, the same diff lists them (escaped).
    let (_, named, _) =
        output(rolefit_in(dir.path()).args(["diff", &before, &after, "-f", "markdown"]));
    assert!(named.contains(MARK), "{named}");
    assert!(
        named.contains("\\<script\\>") && !named.contains("\u{1b}"),
        "{named}"
    );
    // One person's two files, anonymous: their changes without their name.
    let (_, one, _) = output(rolefit_in(dir.path()).args([
        "diff",
        &format!("{before}/{MARK}-0.json"),
        &format!("{after}/{MARK}-0.json"),
        "--anonymous",
        "-f",
        "html",
    ]));
    assert!(
        !one.contains(MARK) && one.contains("Changes since the last assessment"),
        "{one}"
    );
}

#[test]
fn a_second_group_is_hidden_when_one_small_group_alone_would_be_left_over() {
    let dir = tempfile::tempdir().unwrap();
    for (group, n) in [("Ops", 6), ("Builders", 5), ("Redteam", 2)] {
        for i in 0..n {
            write(
                dir.path(),
                &format!("{group}-{i}.yaml"),
                format!("group: {group}\nstrengths: [alert triage]\n"),
            );
        }
    }
    let stdout = common::stdout_of(rolefit_in(dir.path()).args([
        "score",
        ".",
        "--by",
        "group",
        "--anonymous",
        "-f",
        "markdown",
    ]));
    // Builders (5) go too: else the totals minus Ops and Builders would be Redteam's 2.
    assert!(
        stdout.contains("#### Ops: best matches (6 people)"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("Builders") && !stdout.contains("Redteam"),
        "{stdout}"
    );
    assert!(
        stdout.contains("**Cohort:** 13 respondents scored"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "7 people are left out of the group views. One group of 5 or more is not shown either"
        ),
        "{stdout}"
    );
}

/// Own words are compared on what was understood, and the report says what
/// was not, on each side.
#[test]
fn own_words_are_compared_on_what_was_understood() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "old.yaml",
        "id: ann\nstrengths: [SLO, underwater welding]\n",
    );
    write(
        dir.path(),
        "new.yaml",
        "id: ann\nstrengths: [SLO, pager, restoring backups]\n",
    );
    let json = json_of(rolefit_in(dir.path()).args(["diff", "old.yaml", "new.yaml", "-f", "json"]));
    let ann = &json["people"][0];
    assert_eq!(ann["understood"], serde_json::json!([1, 3]), "{ann}");
    assert_eq!(ann["words"], serde_json::json!([2, 3]), "{ann}");
    assert_eq!(ann["not_understood"][0][0], "underwater welding", "{ann}");
    // The inflected form was read (near), so it counts as a change.
    let tags: Vec<&str> = (ann["tags"].as_array().unwrap().iter())
        .map(|t| t["tag"].as_str().unwrap())
        .collect();
    assert!(tags.contains(&"backup and restore execution"), "{tags:?}");
    let table = diff_in(dir.path(), &["old.yaml", "new.yaml"]);
    assert!(
        table.contains("Words understood: 1 of 2 then, 3 of 3 now.")
            && table.contains("\"underwater"),
        "{table}"
    );
}
