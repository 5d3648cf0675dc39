//! Everyday files and honest diagnostics, through the real binary:
//! byte-order marks and UTF-16, a closed standard error, repeated warnings
//! summarised, quoted numbers, messages in words, several mistakes reported
//! in one run, duplicate ids, JSON Lines error ids, directories.

use std::fs;
use std::path::Path;
use std::process::Stdio;

use predicates::prelude::*;
use serde_json::Value;

use crate::common::{MANIFEST, output, rolefit_in, score_big_jsonl, thousands, write};

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

/// The same text in every encoding rolefit reads, CRLF line ends included.
fn encodings(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let crlf = text.replace('\n', "\r\n");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(crlf.as_bytes());
    vec![
        ("utf8-bom", bom),
        ("utf16le", utf16(&crlf, true)),
        ("utf16be", utf16(text, false)),
    ]
}

#[test]
fn bom_and_utf16_files_score_like_their_clean_twins() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = "id: jane\nstrengths:\n  - SLO\n  - {tag: pager, level: 5}\nwork_style: {pace: 4}\n";
    let json = "{\n  \"id\": \"jane\",\n  \"strengths\": [\"SLO\", {\"tag\": \"pager\", \"level\": 5}],\n  \"work_style\": {\"pace\": 4}\n}\n";
    let jsonl = "{\"id\": \"a\", \"strengths\": [\"SLO\"]}\n{\"id\": \"b\", \"goals\": [\"threat modeling depth\"]}\n";
    // Each twin has the same name in its own folder: the output names it.
    let score = |folder: &str, ext: &str, bytes: &[u8]| {
        let folder = dir.path().join(folder);
        fs::create_dir_all(&folder).unwrap();
        let name = format!("answers.{ext}");
        write(&folder, &name, bytes);
        output(rolefit_in(&folder).args(["score", &name, "--format", "jsonl"]))
    };
    for (ext, text) in [("yaml", yaml), ("json", json), ("jsonl", jsonl)] {
        let (code, expected, stderr) = score("clean", ext, text.as_bytes());
        assert_eq!(code, Some(0), "{stderr}");
        for (name, bytes) in encodings(text) {
            let (code, got, stderr) = score(name, ext, &bytes);
            assert_eq!(code, Some(0), "{name}.{ext}: {stderr}");
            assert_eq!(got, expected, "{name}.{ext}");
        }
    }
}

#[test]
fn other_encodings_are_named_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "latin1.yaml",
        b"id: caf\xe9\nstrengths: [SLO]\n",
    );
    rolefit_in(dir.path())
        .args(["score", "latin1.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("latin1.yaml:1"))
        .stderr(predicate::str::contains("Windows-1252"))
        .stderr(predicate::str::contains("save it as UTF-8"));
    let mut no_mark = utf16("strengths: [SLO]\n", true);
    no_mark.drain(..2);
    for name in ["no-mark.yaml", "no-mark.jsonl"] {
        write(dir.path(), name, &no_mark);
        rolefit_in(dir.path())
            .args(["score", name])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "the file looks like UTF-16 without a byte-order mark",
            ))
            .stderr(predicate::str::contains(name));
    }
}

/// A broken surrogate in UTF-16 text fails only where it is: the JSON Lines
/// record holding it (the others score), or the file with its line.
#[test]
fn a_broken_surrogate_in_utf16_fails_only_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let record = |id: &str| format!("{{\"id\": \"{id}\", \"strengths\": [\"SLO\"]}}\r\n");
    let mut bytes = utf16(&record("first"), true);
    let mut second = utf16(&record("second"), true);
    // A lone high surrogate in place of the id's first letter.
    second[16..18].copy_from_slice(&0xD800u16.to_le_bytes());
    bytes.extend(&second[2..]);
    bytes.extend(&utf16(&record("third"), true)[2..]);
    write(dir.path(), "cohort.jsonl", &bytes);
    let (code, stdout, stderr) =
        output(rolefit_in(dir.path()).args(["score", "cohort.jsonl", "--format", "csv"]));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stdout.contains("\nfirst,") && stdout.contains("\nthird,"),
        "{stdout}"
    );
    assert!(!stdout.contains("econd,"), "{stdout}");
    assert!(stderr.contains("cohort.jsonl:2"), "{stderr}");

    let mut file = utf16("id: x\nstrengths: [SLO]\ngoals: [pager]\n", true);
    let at = file.len() - 8;
    file[at..at + 2].copy_from_slice(&0xDC00u16.to_le_bytes());
    write(dir.path(), "broken.yaml", &file);
    let (code, _, stderr) = output(rolefit_in(dir.path()).args(["score", "broken.yaml"]));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("broken.yaml:3") && stderr.contains("not valid UTF-16"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_closed_stderr_still_yields_the_whole_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    for i in 0..300 {
        // Every record warns; every tenth fails.
        if i % 10 == 0 {
            lines.push_str(&format!(
                "{{\"id\": \"r{i}\", \"strengths\": [\"no such tag\"]}}\n"
            ));
        } else {
            lines.push_str(&format!(
                "{{\"id\": \"r{i}\", \"path\": \"competency\", \"strengths\": [\"SLO\"], \"work_style\": {{\"pace\": 2}}}}\n"
            ));
        }
    }
    write(dir.path(), "cohort.jsonl", lines.as_bytes());
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("rolefit"))
        .current_dir(dir.path())
        .env_remove("ROLEFIT_ROLES")
        .args([
            "score",
            "cohort.jsonl",
            "--unknown-tags",
            "error",
            "--format",
            "csv",
            "-o",
            "out.csv",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before rolefit writes its first message.
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(1),
        "failures still give exit code 1, not a panic"
    );
    let csv = fs::read_to_string(dir.path().join("out.csv")).unwrap();
    let ids: std::collections::BTreeSet<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    assert_eq!(ids.len(), 270, "every valid record is in the file");
}

#[test]
fn repeated_warnings_are_summarised_with_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    for i in 0..50_000 {
        if i % 9 == 0 {
            lines.push_str("{\"path\": \"competency\", \"strengths\": [\"SLO\"], \"work_style\": {\"pace\": 2}}\n");
        } else {
            lines.push_str("{\"strengths\": [\"SLO\"]}\n");
        }
    }
    let (code, stdout, stderr) = score_big_jsonl(dir.path(), &lines);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout.lines().count(), 50_000);
    let warned = 50_000_usize.div_ceil(9);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 5, "{stderr}");
    assert!(lines[0].contains("(big.jsonl:1)"), "{stderr}");
    assert_eq!(
        lines[3],
        format!(
            "rolefit: warning: {} more like this: work_style is ignored on the competency path",
            thousands(warned - 3)
        )
    );
    assert_eq!(
        lines[4],
        format!(
            "rolefit: 50,000 scored, 0 failed, {} warnings",
            thousands(warned)
        )
    );
}

#[test]
fn quoted_numbers_score_like_numbers() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "plain.yaml",
        b"id: x\nstrengths:\n  - {tag: pager, level: 4}\nwork_style: {pace: 3.5}\n",
    );
    write(
        dir.path(),
        "quoted.yaml",
        b"id: x\nstrengths:\n  - {tag: pager, level: \"4\"}\nwork_style: {pace: \"3.5\"}\n",
    );
    write(
        dir.path(),
        "quoted.json",
        br#"{"id": "x", "strengths": [{"tag": "pager", "level": "4"}], "work_style": {"pace": "3.5"}}"#,
    );
    let score = |name: &str| {
        let (code, stdout, stderr) =
            output(rolefit_in(dir.path()).args(["score", name, "--format", "jsonl"]));
        assert_eq!(code, Some(0), "{name}: {stderr}");
        let mut record: Value = serde_json::from_str(&stdout).unwrap();
        record.as_object_mut().unwrap().remove("source");
        record
    };
    let plain = score("plain.yaml");
    assert_eq!(score("quoted.yaml"), plain);
    assert_eq!(score("quoted.json"), plain);
}

#[test]
fn several_mistakes_in_one_file_are_all_reported_in_words() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "mistakes.yaml",
        b"id: x\nstrengths:\n  - {tag: SLO, level: high}\n  - {tag: pager, level: 9}\n  - no such tag\nwork_style:\n  pace: fast\n  scope: \"7\"\nstrenghts: [SLO]\n",
    );
    let (code, _, stderr) =
        output(rolefit_in(dir.path()).args(["score", "mistakes.yaml", "--unknown-tags", "error"]));
    assert_eq!(code, Some(1));
    for expected in [
        "level must be a whole number from 1 (learning) to 5 (expert) or its name (learning, developing, practitioner, advanced, expert); got \"high\" at strengths[0].level (mistakes.yaml:3)",
        "level must be a whole number from 1 (learning) to 5 (expert) or its name (learning, developing, practitioner, advanced, expert); got 9 at strengths[1].level (mistakes.yaml:4)",
        "unknown tag \"no such tag\" at strengths[2] (mistakes.yaml:5)",
        "pace must be a number from 1 (steady, deep-focus work) to 5 (fast, interrupt-driven work and on-call); got \"fast\" at work_style.pace (mistakes.yaml:7)",
        "scope must be a number from 1",
        "got 7 at work_style.scope (mistakes.yaml:8)",
        "unknown key \"strenghts\" (mistakes.yaml:9): did you mean \"strengths\"?",
    ] {
        assert!(
            stderr.contains(expected),
            "missing {expected:?} in:\n{stderr}"
        );
    }
    assert!(!stderr.contains("f64"), "{stderr}");
}

#[test]
fn tabs_and_wrong_types_are_named() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "tab.yaml", b"id: x\nstrengths:\n\t- SLO\n");
    rolefit_in(dir.path())
        .args(["score", "tab.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "line 3 is indented with a tab; YAML needs spaces (tab.yaml:3)",
        ));
    write(
        dir.path(),
        "types.json",
        b"{\n  \"id\": \"x\",\n  \"strengths\": [\"SLO\", {\"tag\": 5}]\n}\n",
    );
    let (code, _, stderr) = output(rolefit_in(dir.path()).args(["score", "types.json"]));
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("at strengths[1].tag (types.json:3)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("got the number 5, expected text"),
        "{stderr}"
    );
}

#[test]
fn json_lines_error_records_carry_the_id() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "c.jsonl",
        b"{\"id\": \"ann\", \"strengths\": [\"nope\"]}\n{\"id\": \"bob\", \"strengths\": [\"SLO\"], \"oops\": 1}\n{\"strengths\": [\"SLO\"]}\n",
    );
    let (code, stdout, _) = output(rolefit_in(dir.path()).args([
        "score",
        "c.jsonl",
        "--unknown-tags",
        "error",
        "--format",
        "jsonl",
    ]));
    assert_eq!(code, Some(1));
    let records: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records[0]["error"], true);
    assert_eq!(records[0]["id"], "ann");
    assert_eq!(records[1]["id"], "bob");
    assert_eq!(records[2]["id"], "c:3");
}

#[test]
fn duplicate_ids_are_warned_and_told_apart_in_tables() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.yaml", b"id: alice\nstrengths: [SLO]\n");
    write(dir.path(), "b.yaml", b"id: alice\nstrengths: [pager]\n");
    write(dir.path(), "c.yaml", b"id: carol\nstrengths: [pager]\n");
    let (code, stdout, stderr) = output(rolefit_in(dir.path()).args(["score", "."]));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("id \"alice\" is also the id of ./a.yaml") && stderr.contains("(./b.yaml)"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("warning:").count(), 1, "{stderr}");
    assert!(stdout.contains("alice (./a.yaml)"), "{stdout}");
    assert!(stdout.contains("alice (./b.yaml)"), "{stdout}");
    assert!(!stdout.contains("carol ("), "{stdout}");
}

#[test]
fn directories_say_what_they_skip_and_recursive_walks_safely() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.yaml", b"strengths: [SLO]\n");
    write(root, "notes.txt", b"hello\n");
    write(root, "README.md", b"hello\n");
    fs::create_dir_all(root.join("sub/deeper")).unwrap();
    write(&root.join("sub"), "b.yaml", b"strengths: [SLO]\n");
    write(
        &root.join("sub/deeper"),
        "c.json",
        b"{\"strengths\": [\"SLO\"]}\n",
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", root.join("sub/deeper/up")).unwrap();

    let (code, stdout, stderr) = output(rolefit_in(root).args(["score", ".", "--format", "jsonl"]));
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(stdout.lines().count(), 1);
    assert_eq!(
        stderr.lines().count(),
        1,
        "one line for the directory: {stderr}"
    );
    assert!(
        stderr.contains("1 subfolder (sub; --recursive reads them)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 files of other types (README.md, notes.txt"),
        "{stderr}"
    );

    let (code, stdout, stderr) =
        output(rolefit_in(root).args(["score", ".", "--recursive", "--format", "jsonl"]));
    assert_eq!(code, Some(0), "{stderr}");
    let ids: Vec<String> = stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        ids,
        ["a", "b", "c"],
        "each file once, in order, the link loop not followed"
    );
}

#[test]
fn validate_checks_without_scoring_and_closes_with_the_count() {
    let examples = format!("{MANIFEST}/examples");
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "good.yaml",
        b"path: competency\nstrengths: [SLO]\nwork_style: {pace: 2}\n",
    );
    write(dir.path(), "bad.yaml", b"strengths: [nope]\n");
    let (code, stdout, stderr) =
        output(rolefit_in(dir.path()).args(["validate", ".", "--unknown-tags", "error"]));
    assert_eq!(code, Some(1));
    assert!(stdout.contains("1 of 2 answer sets ok"), "{stdout}");
    assert!(
        stderr.ends_with("rolefit: 1 ok, 1 failed, 1 warning\n"),
        "{stderr}"
    );
    rolefit_in(Path::new(MANIFEST))
        .args(["validate", &format!("{examples}/jane-sre.yaml")])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn score_help_says_what_family_replaces_and_offers_recursive() {
    rolefit_in(Path::new(MANIFEST))
        .args(["score", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("replaces the families the"))
        .stdout(predicate::str::contains("answer files name"))
        .stdout(predicate::str::contains("--recursive"));
}
