//! Warnings of a big batch, through the real binary: a summary by kind
//! (the first few spelled out, then one count a kind), every warning still
//! in each respondent's JSON, and shared ids named with both places.

use serde_json::Value;

use crate::common::{output, rolefit_in, score_big_jsonl, thousands, write};

// Big enough for every kind to pass its few spelled-out lines many times
// over (and ten shared ids), small enough for an unoptimised test build.
const SETS: usize = 10_000;

/// Set `i` of the batch: its JSON Lines record and the warnings it draws,
/// by kind (each message differs: the names, levels and entries vary).
fn answer_set(i: usize) -> (String, Vec<&'static str>) {
    let mut kinds = Vec::new();
    let id = if i % 1000 == 999 { 0 } else { i };
    let mut strengths = vec!["\"SLO\"".to_string()];
    if i.is_multiple_of(7) {
        // The same tag again, under another of its names, at a varied level.
        let name = ["pager", "PAGER", "Pager"][i % 3];
        strengths = vec![
            format!("{{\"tag\": \"{name}\", \"level\": {}}}", i % 5 + 1),
            format!(
                "{{\"tag\": \"pager and on-call operations\", \"level\": {}}}",
                i % 4 + 1
            ),
        ];
        kinds.push("strength");
    }
    let mut goals = String::new();
    if i.is_multiple_of(11) {
        let (a, b) = [
            ("SLO", "slo"),
            ("slo", "SLOs"),
            ("SLO", "error budgets and SLOs"),
        ][i % 3];
        goals = format!(", \"goals\": [\"{a}\", \"{b}\"]");
        kinds.push("goal");
    }
    let mut path = String::new();
    if i.is_multiple_of(9) {
        path = format!(
            ", \"path\": \"competency\", \"work_style\": {{\"pace\": {}}}",
            i % 5 + 1
        );
        kinds.push("work style");
    }
    let line = format!(
        "{{\"id\": \"p{id}\", \"strengths\": [{}]{goals}{path}}}\n",
        strengths.join(", ")
    );
    (line, kinds)
}

#[test]
fn a_big_batch_prints_a_few_lines_a_kind_and_keeps_every_warning_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    let mut counts = [("strength", 0), ("goal", 0), ("work style", 0)];
    for i in 0..SETS {
        let (line, kinds) = answer_set(i);
        lines.push_str(&line);
        for (kind, count) in &mut counts {
            *count += kinds.iter().filter(|k| *k == kind).count();
        }
    }
    let shared_ids = SETS / 1000;
    let (code, stdout, stderr) = score_big_jsonl(dir.path(), &lines);
    assert_eq!(code, Some(0), "{stderr}");

    // Every warning about an answer set is in its JSON.
    let in_json: usize = stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["warnings"]
                .as_array()
                .unwrap()
                .len()
        })
        .sum();
    let resolved: usize = counts.iter().map(|(_, n)| n).sum();
    assert_eq!(stdout.lines().count(), SETS);
    assert_eq!(in_json, resolved);

    // On stderr: three of each of the four kinds, a count of the rest of
    // each, and the closing line.
    let total = resolved + shared_ids;
    let stderr_lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(stderr_lines.len(), 4 * 3 + 4 + 1, "{stderr}");
    let summaries = [
        (
            counts[0].1,
            r#""…" repeats "…" from strengths[N]; counted once at level N"#,
        ),
        (counts[1].1, r#""…" repeats goal "…"; counted once"#),
        (counts[2].1, "work_style is ignored on the competency path"),
        (
            shared_ids,
            r#"id "…" is also the id of an earlier answer set; tables show each one's source beside it"#,
        ),
    ];
    for (count, kind) in summaries {
        let line = format!(
            "rolefit: warning: {} more like this: {kind}",
            thousands(count - 3)
        );
        assert!(stderr_lines.contains(&line.as_str()), "{line}\n{stderr}");
    }
    assert_eq!(
        stderr_lines.last().unwrap(),
        &format!(
            "rolefit: {} scored, 0 failed, {} warnings",
            thousands(SETS),
            thousands(total)
        )
    );
    // The first shared id names both places.
    assert!(
        stderr.contains(
            "id \"p0\" is also the id of big.jsonl:1; tables show each one's source beside it (big.jsonl:1000)"
        ),
        "{stderr}"
    );
}

#[test]
fn shared_ids_name_both_places_within_and_across_inputs() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.jsonl",
        b"{\"id\": \"ann\", \"strengths\": [\"SLO\"]}\n\n{\"id\": \"bob\", \"strengths\": [\"SLO\"]}\n{\"id\": \"ann\", \"strengths\": [\"pager\"]}\n",
    );
    write(dir.path(), "b.csv", b"id,strengths\ncy,SLO\nbob,pager\n");
    write(dir.path(), "c.yaml", b"id: cy\nstrengths: [SLO]\n");
    let (code, _, stderr) = output(
        rolefit_in(dir.path()).args(["score", "a.jsonl", "b.csv", "c.yaml", "--format", "csv"]),
    );
    assert_eq!(code, Some(0), "{stderr}");
    for (id, first, second) in [
        ("ann", "a.jsonl:1", "a.jsonl:4"),
        ("bob", "a.jsonl:3", "b.csv:3"),
        ("cy", "b.csv:2", "c.yaml"),
    ] {
        let line = format!(
            "rolefit: warning: id \"{id}\" is also the id of {first}; tables show each one's source beside it ({second})"
        );
        assert!(stderr.lines().any(|l| l == line), "{line}\n{stderr}");
    }
    assert!(
        stderr.ends_with("rolefit: 6 scored, 0 failed, 3 warnings\n"),
        "{stderr}"
    );
}
