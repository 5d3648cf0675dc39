//! Hostile input: one test per class of bad input (malformed, oversized,
//! hostile or special files, broken catalogs, terminal escapes, formula
//! cells, devices as output). Each checks the exit code, a message naming
//! the file (and line where there is one), that nothing panicked, that the
//! run ended (a generous hang guard, not a speed test), and that the good
//! inputs of the batch were scored.

use crate::common;
use std::fs;
use std::path::Path;
use std::time::Duration;

use crate::common::{Ran, Test, catalog_with, line_of, role_count};

const GOOD: &str = "id: good-one\nstrengths: [SLO, pager]\nwork_style: {pace: 5}\n";

/// Scores a directory holding `good.yaml` and the bad file `name` as JSON
/// Lines: exit 1, the good file scored, the bad one reported on stderr
/// naming it (and `line` when given).
fn assert_batch_survives(name: &str, bad: &[u8], line: Option<usize>) -> Ran {
    let mut test = Test::new()
        .file("good.yaml", GOOD)
        .file(name, bad)
        .args(["score", "--format", "jsonl", "."])
        .code(1)
        .stdout_has("\"id\":\"good-one\"")
        .stderr_has(name);
    if let Some(line) = line {
        test = test.stderr_has(format!("{name}:{line})"));
    }
    test.run()
}

/// Malformed YAML and JSON, in the middle of a file or cut off at its end,
/// and text that is not UTF-8: each fails alone, naming the line where the
/// trouble is, and the parser's own "at line L column C" never contradicts it.
#[test]
fn malformed_and_non_utf8_files_fail_alone_naming_the_line() {
    let cases: [(&str, &[u8], usize); 10] = [
        (
            "bad.yaml",
            b"id: x\nstrengths: [SLO\nwork_style: {pace: 3}\n",
            3,
        ),
        (
            "bad.json",
            b"{\n  \"id\": \"x\",\n  \"strengths\": [\"SLO\",]\n}\n",
            3,
        ),
        ("cut.yaml", b"id: x\nstrengths: [SLO\n", 2),
        ("cut.json", b"{\n  \"strengths\": [\"SLO\"\n", 2),
        ("comma.json", b"{\"strengths\": [\"SLO\"],}\n", 1),
        ("list.yaml", b"- SLO\n- pager\n", 1),
        ("latin1.yaml", b"id: x\nstrengths: [caf\xe9]\n", 2),
        ("latin1-id.yaml", b"id: x\nid: caf\xe9\n", 2),
        // Classic Mac files end lines in a lone CR.
        (
            "mac.yaml",
            b"id: x\rstrengths: [SLO\rwork_style: {pace: 3}\r",
            3,
        ),
        (
            "mac-cut.yaml",
            b"id: x\rgoals: [pager]\rstrengths: [SLO\r",
            3,
        ),
    ];
    for (name, bad, line) in cases {
        let run = assert_batch_survives(name, bad, Some(line));
        assert!(!run.stderr.contains(" at line "), "{name}: {}", run.stderr);
        if name.starts_with("latin1") {
            assert!(run.stderr.contains("UTF-8"), "{}", run.stderr);
        }
    }
}

#[test]
fn binary_garbage() {
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert_batch_survives("garbage.yaml", &garbage, None);
}

#[test]
fn empty_and_comment_only_files() {
    for (name, text) in [
        ("empty.yaml", ""),
        ("comments.yaml", "# nothing here\n\n"),
        ("empty.json", "   \n"),
    ] {
        let run = assert_batch_survives(name, text.as_bytes(), None);
        assert!(
            run.stderr.contains(&format!("empty file (./{name})")),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn wrong_types() {
    assert_batch_survives("types.yaml", b"id: x\nstrengths: 5\n", Some(2));
    assert_batch_survives("types2.yaml", b"id: x\nwork_style: [1, 2]\n", Some(2));
    assert_batch_survives("types3.yaml", b"- just\n- a list\n", Some(1));
    assert_batch_survives(
        "types4.json",
        b"{\"work_style\": {\"pace\": \"fast\"}}",
        Some(1),
    );
}

#[test]
fn non_finite_and_negative_values() {
    // Levels out of range or fractional: score_cli::bad_levels_are_errors.
    assert_batch_survives("nan.yaml", b"work_style:\n  pace: .nan\n", Some(2));
    assert_batch_survives("inf.yaml", b"work_style:\n  pace: .inf\n", Some(2));
    assert_batch_survives("neg.yaml", b"work_style:\n  pace: -3\n", Some(2));
    assert_batch_survives("huge.json", b"{\"work_style\": {\"pace\": 1e999}}", Some(1));
}

#[test]
fn duplicate_keys() {
    let run = assert_batch_survives("dup.yaml", b"id: a\nid: b\n", None);
    assert!(run.stderr.contains("duplicate"), "{}", run.stderr);
    // serde reports the map that holds the duplicate.
    assert_batch_survives(
        "dup-axis.yaml",
        b"work_style:\n  pace: 2\n  pace: 5\n",
        Some(2),
    );
    assert_batch_survives("dup.json", b"{\"id\": \"a\", \"id\": \"b\"}", Some(1));
}

#[test]
fn several_documents() {
    assert_batch_survives("multi.yaml", b"id: a\n---\nid: b\n", None);
}

#[test]
fn yaml_tags() {
    let run = assert_batch_survives(
        "tags.yaml",
        b"id: !!binary aGVsbG8=\nstrengths: [SLO]\n",
        Some(1),
    );
    assert!(
        run.stderr.contains("YAML tag !!binary is not supported"),
        "{}",
        run.stderr
    );
    assert_batch_survives(
        "tags2.yaml",
        b"goals: [pager]\nstrengths: !custom [SLO]\n",
        Some(2),
    );
}

#[test]
fn alias_bomb() {
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
    let mut prev = "a";
    for name in names {
        bomb.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        prev = name;
    }
    bomb.push_str("goals: *i\n");
    assert_batch_survives("bomb.yaml", bomb.as_bytes(), None);
}

#[test]
fn anchors_that_are_harmless_still_work() {
    Test::new()
        .file("anchors.yaml", "strengths: &s [SLO]\ngoals: [pager]\n")
        .args(["score", "--format", "json", "anchors.yaml"])
        .run();
}

#[test]
fn deep_nesting() {
    let deep_yaml = format!(
        "strengths: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_batch_survives("deep.yaml", deep_yaml.as_bytes(), None);
    let deep_json = format!(
        "{{\"strengths\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_batch_survives("deep.json", deep_json.as_bytes(), None);
}

#[test]
fn oversized_file_is_refused() {
    let mut big = String::from("id: big\ngoals:\n");
    while big.len() <= 1024 * 1024 {
        big.push_str("  - SLO\n");
    }
    let run = assert_batch_survives("big.yaml", big.as_bytes(), None);
    assert!(
        run.stderr.contains("larger than 1024 KiB"),
        "{}",
        run.stderr
    );
}

#[test]
fn oversized_jsonl_line_fails_alone() {
    let long = format!("{{\"id\": \"{}\"}}", "x".repeat(2 * 1024 * 1024));
    Test::new()
        .file(
            "cohort.jsonl",
            format!("{{\"id\":\"first\",\"strengths\":[\"SLO\"]}}\n{long}\n{{\"id\":\"third\",\"goals\":[\"pager\"]}}\n"),
        )
        .args(["score", "--format", "jsonl", "cohort.jsonl"])
        .code(1)
        .stdout_has("\"id\":\"first\"")
        .stdout_has("\"id\":\"third\"")
        .stderr_has("cohort.jsonl:2)")
        .run();
}

#[test]
fn very_long_tag_names_keep_suggestions_bounded() {
    let name = "error budgets and SLOs ".repeat(20_000);
    let many: String = (0..2000)
        .map(|i| format!("  - unknown tag number {i} with a long tail of words\n"))
        .collect();
    let text = format!("strengths:\n  - \"{name}\"\n{many}");
    // Strict: every word not understood fails the file, with suggestions.
    let run = Test::new()
        .file("good.yaml", GOOD)
        .file("long.yaml", text.as_bytes())
        .args(["score", "--unknown-tags", "error", "--format", "jsonl", "."])
        .code(1)
        .stdout_has("\"id\":\"good-one\"")
        .stderr_has("long.yaml:2)")
        .run();
    assert!(run.stderr.contains("unknown tag"), "{}", run.stderr);
    // By default they are warnings, and the rest of the file is scored.
    Test::new()
        .file("long.yaml", text.as_bytes())
        .args(["score", "--format", "jsonl", "."])
        .stderr_has("long.yaml:2)")
        .stdout_has("\"not_understood\"")
        .run();
}

#[cfg(unix)]
#[test]
fn fifos_devices_subfolders_and_link_loops_in_directories_are_skipped() {
    use std::os::unix::fs::symlink;
    let test = Test::new()
        .file("good.yaml", GOOD)
        .file("sub.yaml/inner.yaml", "id: inner\n")
        .args(["score", "--format", "jsonl", "."]);
    let status = std::process::Command::new("mkfifo")
        .arg(test.path("pipe.yaml"))
        .status()
        .unwrap();
    assert!(status.success());
    symlink("/dev/zero", test.path("zero.yaml")).unwrap();
    symlink(test.path("loop-b.yaml"), test.path("loop-a.yaml")).unwrap();
    symlink(test.path("loop-a.yaml"), test.path("loop-b.yaml")).unwrap();
    symlink(test.dir(), test.path("self")).unwrap();
    // A link loop named as an answer file cannot be read: an error.
    test.code(1)
        .stdout_has("good-one")
        .stdout_lacks("inner")
        .stderr_has("pipe.yaml")
        .stderr_has("zero.yaml")
        .stderr_has("loop-a.yaml")
        .run();
}

#[cfg(unix)]
#[test]
fn a_link_up_out_of_the_folder_reads_nothing_outside_it() {
    // answers/up -> .. leads to the folder holding answers/: a recursive
    // walk of answers/ must not read outside.yaml through it.
    let test = Test::new()
        .file("answers/a.yaml", GOOD)
        .file("outside.yaml", "id: outside\nstrengths: [SLO]\n")
        .args(["score", "answers", "--recursive", "--format", "jsonl"]);
    std::os::unix::fs::symlink("..", test.path("answers/up")).unwrap();
    test.stdout_has("good-one")
        .stdout_lacks("outside")
        .stderr_has("1 link back into folders this run reads (up)")
        .run();
}

#[cfg(unix)]
#[test]
fn an_explicit_endless_device_is_refused_at_the_size_limit() {
    Test::new()
        .args(["score", "/dev/zero"])
        .code(1)
        .stderr_has("/dev/zero")
        .stderr_has("larger than")
        .run();
}

#[test]
fn broken_custom_catalogs_exit_2_naming_file_and_line() {
    let cases = [
        ("family: support", "family: suport", "unknown family"),
        ("communication: 4", "communication: 9", "outside 1–5"),
        (
            "weights: {competency: 0.60",
            "weights: {competency: 1.60",
            "outside 0–1",
        ),
        (
            "  - id: site-reliability-engineer",
            "  - id: technical-support-engineer",
            "duplicate id",
        ),
        (
            "aliases: [SLOs,",
            "aliases: [pager, SLOs,",
            "resolves to two tags",
        ),
        (
            "version: 1",
            "version: 1\nextra: true",
            "unknown key \"extra\"",
        ),
    ];
    for (find, replace, expected) in cases {
        for command in ["score", "validate"] {
            let test = Test::new().file("good.yaml", GOOD);
            catalog_with(test.dir(), "custom.yaml", find, replace);
            test.args(["--roles", "custom.yaml", command, "good.yaml"])
                .code(2)
                .stdout("")
                .stderr_has(expected)
                .stderr_has("custom.yaml:")
                .run();
        }
    }
    // The whole message, with the line, for one of them.
    let test = Test::new().file("good.yaml", GOOD);
    let catalog = catalog_with(
        test.dir(),
        "my-roles.yaml",
        "family: support",
        "family: suport",
    );
    let line = line_of(&catalog, "family: suport");
    test.args(["--roles", "my-roles.yaml", "score", "good.yaml"])
        .code(2)
        .stdout("")
        .stderr_has(format!(
            "unknown family \"suport\" at roles[0].family (my-roles.yaml:{line}): did you mean \"support\"?"
        ))
        .run();
}

#[test]
fn catalog_alias_bomb_and_garbage_are_refused() {
    let mut bomb = String::from("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
    let mut prev = 'a';
    for name in 'b'..='j' {
        bomb.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        prev = name;
    }
    let validate = |contents: &[u8]| {
        Test::new()
            .file("bomb.yaml", contents)
            .args(["--roles", "bomb.yaml", "validate"])
            .code(2)
            .stderr_has("bomb.yaml")
    };
    validate(bomb.as_bytes()).run();
    validate(b"\xfe\x00garbage").stderr_has("UTF-8").run();
    // A UTF-16 byte-order mark is believed; what follows is no catalog.
    validate(b"\xff\xfe\x00garbage")
        .stderr_has("expected a catalog map")
        .run();
}

#[test]
fn csv_cells_cannot_become_formulas() {
    let ids = [
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+1",
        "-1",
        "@SUM(A1)",
        "\tx",
        "\rx",
    ];
    let mut test = Test::new().args(["score", "--format", "csv", "--top", "1", "."]);
    for (i, id) in ids.iter().enumerate() {
        let text = format!(
            "id: {}\nstrengths: [SLO]\n",
            serde_json::to_string(id).unwrap()
        );
        test = test.file(&format!("f{i}.yaml"), text);
    }
    let result = test.run();
    let mut reader = csv::Reader::from_reader(result.stdout.as_bytes());
    let written: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    // Control characters are escaped as everywhere (`\t` as two characters).
    let neutralised: Vec<String> = ids
        .iter()
        .map(|id| format!("'{}", id.replace('\t', "\\t").replace('\r', "\\r")))
        .collect();
    assert_eq!(written, neutralised);
    for line in result.stdout.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(!cell.starts_with(['=', '+', '@']), "{line}");
        }
    }
}

#[cfg(unix)]
#[test]
fn killed_write_leaves_the_old_file_or_none() {
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("many.jsonl");
    let line =
        "{\"strengths\":[\"SLO\",\"pager\"],\"goals\":[\"DNS\"],\"work_style\":{\"pace\":3}}\n";
    fs::write(&input, line.repeat(60_000)).unwrap();
    let target = dir.path().join("out.csv");
    fs::write(&target, "old content\n").unwrap();
    for delay_ms in [0u64, 20, 80, 200] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rolefit"))
            .env_remove("ROLEFIT_ROLES")
            .args(["score", "--format", "csv", "--force", "--output"])
            .arg(&target)
            .arg(&input)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let text = fs::read_to_string(&target).unwrap();
        let whole = text == "old content\n"
            || (text.starts_with("id,source,")
                && text.lines().count() == 60_000 * role_count() + 1);
        assert!(
            whole,
            "partial file after kill at {delay_ms} ms: {} bytes",
            text.len()
        );
    }
}

/// `--output` refuses anything that is not a regular file. The device is
/// reached through a link in a temporary folder, so that even a broken
/// build running as root could only replace the link, never `/dev/null`.
#[cfg(unix)]
#[test]
fn output_never_replaces_a_device() {
    let test = Test::new().file("good.yaml", GOOD);
    let link = test.path("null.csv");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    let ran = test
        .args(["score", "--force", "--output", "null.csv", "good.yaml"])
        .code(2)
        .stderr_has("not a regular file")
        .run();
    assert_eq!(
        fs::read_link(ran.path("null.csv")).unwrap(),
        Path::new("/dev/null")
    );
    assert!(
        Path::new("/dev/null")
            .metadata()
            .is_ok_and(|m| !m.is_file())
    );
}

#[cfg(unix)]
#[test]
fn output_files_get_the_usual_permissions() {
    use std::os::unix::fs::PermissionsExt;
    // A file made the ordinary way: 0666 less the umask.
    let ran = Test::new()
        .file("good.yaml", GOOD)
        .file("ordinary.txt", "x")
        .args([
            "score",
            "--format",
            "csv",
            "--output",
            "out.csv",
            "good.yaml",
        ])
        .run();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&ran.path("out.csv")), mode(&ran.path("ordinary.txt")));
}

/// `score --format json` and `jsonl` write C1 controls, bidi marks and
/// zero-width characters as `\u` escapes, as `show --format json` does; a
/// JSON reader gets the id back exactly.
#[test]
fn score_json_escapes_characters_that_drive_or_hide_text() {
    let id = "ann\u{9b}31m\u{202e}lee\u{200b}\u{200e}x";
    // Written escaped: the answer file itself stays plain text.
    let answers = serde_json::json!({"id": id, "strengths": ["SLO"]});
    for format in ["json", "jsonl"] {
        let mut test = Test::new()
            .file("me.json", text_escaped(&answers.to_string()))
            .args(["score", "--format", format, "me.json"]);
        for raw in ['\u{9b}', '\u{202e}', '\u{200b}', '\u{200e}'] {
            test = test.stdout_lacks(raw.to_string());
        }
        for escaped in ["\\u009b", "\\u202e", "\\u200b", "\\u200e"] {
            test = test.stdout_has(escaped);
        }
        let result = test.run();
        let first = result.stdout.lines().next().unwrap_or_default();
        let value: serde_json::Value = if format == "json" {
            serde_json::from_str(&result.stdout).unwrap()
        } else {
            serde_json::from_str(first).unwrap()
        };
        let read_back = if format == "json" {
            &value["respondents"][0]["id"]
        } else {
            &value["id"]
        };
        assert_eq!(read_back.as_str(), Some(id), "{format}");
    }
}

/// JSON text with every non-ASCII character as a `\u` escape.
fn text_escaped(json: &str) -> String {
    json.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("\\u{:04x}", u32::from(c))
            }
        })
        .collect()
}

/// A quote inside a plain scalar (`O'Brien`) does not hide a deep flow
/// after it from the depth guard, in answer files, catalogs and column
/// mappings alike: each is refused naming the line, and the run ends (the
/// deep text is never handed to the YAML parser).
#[test]
fn quotes_in_plain_scalars_do_not_blind_the_depth_guard() {
    let deep = format!("{}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let run = assert_batch_survives(
        "obrien.yaml",
        format!("id: O'Brien\nstrengths: {deep}").as_bytes(),
        Some(2),
    );
    assert!(
        run.stderr.contains("nested more than 128 levels deep"),
        "{}",
        run.stderr
    );
    Test::new()
        .file("good.yaml", GOOD)
        .file(
            "roles.yaml",
            format!("version: 1\n# by O'Brien\nname: O'Brien\nroles: {deep}"),
        )
        .args(["--roles", "roles.yaml", "score", "good.yaml"])
        .code(2)
        .stderr_has("nested more than 128 levels deep (roles.yaml:4)")
        .run();
    Test::new()
        .file("survey.csv", "Your name\nAnn\n")
        .file("columns.yaml", format!("Your name: id\nO'Brien: {deep}"))
        .args(["score", "survey.csv", "--columns", "columns.yaml"])
        .code(2)
        .stderr_has("nested more than 128 levels deep (columns.yaml:2)")
        .run();
}

/// Brackets inside scalars are text, not nesting: files the YAML parser
/// reads (here outside the fast reader's subset: an anchor, a scalar over
/// two lines, a block scalar) are scored, not refused as too deep.
#[test]
fn brackets_inside_scalars_are_not_nesting() {
    let many = "[".repeat(200);
    for text in [
        format!("id: &who kim{many}\nstrengths: [SLO]\n"),
        format!("id: kim\n  {many}\nstrengths: [SLO]\n"),
        format!("id: >-\n  kim {many}\nstrengths: [SLO]\n"),
    ] {
        Test::new()
            .file("kim.yaml", &text)
            .args(["score", "--format", "jsonl", "kim.yaml"])
            .stdout_has("\"id\":\"kim")
            .run();
    }
    // Found by the differential fuzz target: an anchor's name ends at `:`,
    // and what follows it is a plain scalar, brackets and all.
    Test::new()
        .file(
            "kim.yaml",
            format!("id: &who:kim{many}\nstrengths: [SLO]\n"),
        )
        .args(["score", "--format", "jsonl", "kim.yaml"])
        .stdout_has("\"id\":\":kim[[[")
        .run();
}

/// Standard output closed before rolefit writes (`| head -1` having read
/// its line): the exit code is still the run's, 1 when an input failed and
/// 0 when none did, for score and validate alike.
#[test]
fn the_exit_code_is_the_runs_when_stdout_is_closed() {
    let test = Test::new()
        .file("good.yaml", GOOD)
        .file("bad.yaml", "id: x\nstrengths: [SLO\n");
    let code_with_stdout_closed = |args: &[&str]| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rolefit"))
            .args(args)
            .current_dir(test.dir())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(!stderr.contains("panicked"), "{stderr}");
        (output.status.code(), stderr)
    };
    for command in ["score", "validate"] {
        let (code, stderr) = code_with_stdout_closed(&[command, "good.yaml", "bad.yaml"]);
        assert_eq!(code, Some(1), "{command}: {stderr}");
        assert!(stderr.contains("bad.yaml:2"), "{stderr}");
        let (code, stderr) = code_with_stdout_closed(&[command, "good.yaml"]);
        assert_eq!(code, Some(0), "{command}: {stderr}");
    }
    let (code, _) = code_with_stdout_closed(&["score", "-f", "jsonl", "good.yaml", "bad.yaml"]);
    assert_eq!(code, Some(1));
}

/// `--output` naming one of the inputs (by the same name, another path or
/// a link; an answer file, a survey, the column mapping or the catalog) is
/// refused with exit 2, `--force` or not, and the input is left whole.
#[cfg(unix)]
#[test]
fn output_naming_an_input_is_refused() {
    let columns = "Your name: id\n";
    let survey = "Your name\nAnn\n";
    let test = Test::new()
        .file("me.yaml", GOOD)
        .file("dir/kim.yaml", GOOD)
        .file("survey.csv", survey)
        .file("columns.yaml", columns);
    std::os::unix::fs::symlink(test.path("me.yaml"), test.path("link.yaml")).unwrap();
    fs::copy("roles.yaml", test.path("roles.yaml")).unwrap();
    let cases: [&[&str]; 7] = [
        &["score", "me.yaml", "-f", "json", "-o", "me.yaml"],
        &["score", "me.yaml", "-f", "json", "-o", "./dir/../me.yaml"],
        &["score", "link.yaml", "-f", "json", "-o", "me.yaml"],
        &["score", "dir", "-o", "dir/kim.yaml", "-f", "json"],
        &[
            "score",
            "survey.csv",
            "--columns",
            "columns.yaml",
            "-o",
            "survey.csv",
        ],
        &[
            "score",
            "survey.csv",
            "--columns",
            "columns.yaml",
            "-f",
            "csv",
            "-o",
            "columns.yaml",
        ],
        &[
            "--roles",
            "roles.yaml",
            "score",
            "me.yaml",
            "-f",
            "json",
            "-o",
            "roles.yaml",
        ],
    ];
    for args in cases {
        for force in [false, true] {
            let mut cmd = common::rolefit_in(test.dir());
            cmd.args(args);
            if force {
                cmd.arg("--force");
            }
            let (code, _, stderr) = common::output(&mut cmd);
            assert_eq!(code, Some(2), "{args:?} {force}: {stderr}");
            assert!(stderr.contains("is one of the inputs"), "{stderr}");
        }
    }
    assert_eq!(fs::read_to_string(test.path("me.yaml")).unwrap(), GOOD);
    assert_eq!(fs::read_to_string(test.path("dir/kim.yaml")).unwrap(), GOOD);
    assert_eq!(
        fs::read_to_string(test.path("columns.yaml")).unwrap(),
        columns
    );
    assert_eq!(fs::read_to_string(test.path("survey.csv")).unwrap(), survey);
}

/// A folder or answer file met under `-r` that cannot be read is an error
/// naming it (exit 1), with `--quiet` too: its answers are not lost
/// unseen. The rest of the folder is still scored.
#[cfg(unix)]
#[test]
fn unreadable_folders_and_files_in_a_folder_are_errors() {
    use std::os::unix::fs::PermissionsExt;
    let test = Test::new()
        .file("answers/good.yaml", GOOD)
        .file("answers/locked/kim.yaml", GOOD.replace("good-one", "kim"));
    fs::set_permissions(
        test.path("answers/locked"),
        fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    // Running as root reads any mode: a folder even root may not list
    // stands in (where there is one).
    let lists = |dir: &Path| {
        fs::read_dir(dir)
            .and_then(|mut d| d.next().transpose())
            .is_ok()
    };
    let root_blind = lists(&test.path("answers/locked"));
    if root_blind {
        fs::set_permissions(
            test.path("answers/locked"),
            fs::Permissions::from_mode(0o755),
        )
        .unwrap();
        fs::remove_dir_all(test.path("answers/locked")).unwrap();
        std::os::unix::fs::symlink("/proc/1/map_files", test.path("answers/locked")).unwrap();
        assert!(
            !lists(&test.path("answers/locked")),
            "no unreadable folder to test with"
        );
    }
    std::os::unix::fs::symlink("missing.yaml", test.path("answers/dangling.yaml")).unwrap();
    for quiet in [false, true] {
        let mut cmd = common::rolefit_in(test.dir());
        cmd.args(["score", "-r", "-f", "jsonl", "answers"]);
        if quiet {
            cmd.arg("-q");
        }
        let (code, stdout, stderr) = common::output(&mut cmd);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(stdout.contains("good-one"), "{stdout}");
        for name in ["answers/locked", "answers/dangling.yaml"] {
            assert!(stderr.contains(&format!("({name})")), "{quiet}: {stderr}");
        }
        assert!(
            stderr.contains("permission denied (answers/locked)"),
            "{stderr}"
        );
    }
    fs::set_permissions(
        test.path("answers/locked"),
        fs::Permissions::from_mode(0o755),
    )
    .ok();
}

/// Control and bidi characters from input (ESC and an OSC title sequence,
/// BEL, a C1 CSI, RLO and LRO) are escaped in CSV and HTML as in tables,
/// so a file opened in a terminal, spreadsheet or browser shows them
/// instead of obeying them.
#[test]
fn csv_and_html_escape_characters_that_drive_or_hide_text() {
    let id = "ann\u{1b}]0;owned\u{7}\u{9b}31m\u{202e}eel\u{202d}x";
    let answers = serde_json::json!({"id": id, "strengths": ["SLO"]});
    for format in ["csv", "html", "table", "markdown"] {
        let mut test = Test::new()
            .file("me.json", text_escaped(&answers.to_string()))
            .args(["score", "--format", format, "me.json"]);
        for raw in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{202d}'] {
            test = test.stdout_lacks(raw.to_string());
        }
        if format != "markdown" {
            // (Markdown escapes its own markup characters too.)
            test = test.stdout_has("ann\\u{1b}]0;owned\\u{7}\\u{9b}31m\\u{202e}eel\\u{202d}x");
        }
        test.run();
    }
}

/// `plan --format json` escapes them as `score`'s JSON does.
#[test]
fn plan_json_escapes_characters_that_drive_or_hide_text() {
    let answers = serde_json::json!({"id": "ann\u{202e}eel\u{1b}x", "strengths": ["SLO"]});
    let args = [
        "plan",
        "me.json",
        "--role",
        "devops-engineer",
        "--format",
        "json",
    ];
    let run = Test::new()
        .file("me.json", text_escaped(&answers.to_string()))
        .args(args)
        .stdout_lacks("\u{202e}")
        .stdout_has("ann\\u202eeel\\u001bx")
        .run();
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["id"], "ann\u{202e}eel\u{1b}x");
}

/// `-o ben.pdf` (an extension rolefit does not write, and no --format) is
/// a usage error naming the formats it writes, not a table in ben.pdf.
#[test]
fn output_with_an_unknown_extension_names_the_formats() {
    let run = Test::new()
        .file("good.yaml", GOOD)
        .args(["score", "good.yaml", "-o", "ben.pdf"])
        .code(2)
        .stderr_has("rolefit does not write .pdf files")
        .stderr_has("ben.html")
        .stderr_has(".csv, .json, .jsonl or .txt")
        .run();
    assert!(!run.path("ben.pdf").exists());
    // Asked for by name, the format goes into any file.
    Test::new()
        .file("good.yaml", GOOD)
        .args(["score", "good.yaml", "-f", "json", "-o", "ben.data"])
        .run();
}

/// clap's own errors (an unknown flag, a misspelt command, a bad value)
/// carry the `rolefit: error:` prefix like every other error, exit 2;
/// --help and --version still print to standard output.
#[test]
fn argument_errors_carry_the_rolefit_prefix() {
    for args in [
        &["score", "--bogus", "x.yaml"][..],
        &["scor", "x.yaml"][..],
        &["score", "-f", "pdf", "x.yaml"][..],
    ] {
        let run = Test::new().args(args).code(2).stdout("").run();
        assert!(
            run.stderr.starts_with("rolefit: error: "),
            "{args:?}: {}",
            run.stderr
        );
        assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
    }
    Test::new()
        .args(["--version"])
        .stdout_has("rolefit ")
        .stderr("")
        .run();
    Test::new()
        .args(["score", "--help"])
        .stdout_has("Usage:")
        .stderr("")
        .run();
}

/// A Word document renamed `.yaml` is told it is one (by its first bytes,
/// .docx or the older .doc) and pointed to `rolefit template`, not asked to
/// re-save it as UTF-8; an empty answer file gets the same next step.
#[test]
fn office_documents_and_empty_files_get_a_next_step() {
    let mut docx = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
    docx.extend_from_slice(b"[Content_Types].xml\x00\x00word/document.xml\xff\xfe\x00\x01");
    let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    doc.extend_from_slice(&[0u8, 0xff, 0xfe, 3].repeat(100));
    for (name, bytes, says) in [
        (
            "cv.yaml",
            docx,
            "this is a Word document (.docx), not a text file",
        ),
        (
            "old.yaml",
            doc,
            "this is a Word or Excel document in the old format (.doc, .xls)",
        ),
    ] {
        let run = assert_batch_survives(name, &bytes, None);
        assert!(run.stderr.contains(says), "{}", run.stderr);
        assert!(
            run.stderr.contains("`rolefit template > me.yaml`"),
            "{}",
            run.stderr
        );
        assert!(!run.stderr.contains("UTF-8"), "{}", run.stderr);
    }
    let mut xlsx = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
    xlsx.extend_from_slice(b"[Content_Types].xml\x00xl/workbook.xml\xff\xfe");
    Test::new()
        .file("survey.csv", xlsx)
        .args(["score", "survey.csv"])
        .code(1)
        .stderr_has(
            "this is an Excel workbook (.xlsx), not a CSV file; save the survey as \"CSV UTF-8\"",
        )
        .run();
    let run = assert_batch_survives("blank.yaml", b"# to do\n", None);
    assert!(
        run.stderr.contains("empty file (./blank.yaml): `rolefit template > ./blank.yaml` writes an answer file to fill in"),
        "{}",
        run.stderr
    );
}

/// Found by the differential fuzz target: a decimal too long for a float
/// was read by the fast reader as infinity (`got inf`); it is the text
/// serde_yaml reads, named as written.
#[test]
fn a_decimal_too_long_for_a_float_is_not_infinity() {
    let text = format!("id: x\nwork_style: {{pace: 1{}.5}}\n", "0".repeat(400));
    let run = assert_batch_survives("huge.yaml", text.as_bytes(), Some(2));
    assert!(run.stderr.contains("got \"1000"), "{}", run.stderr);
    assert!(!run.stderr.contains("got inf"), "{}", run.stderr);
}

/// Words a person wrote come back in the result, in validate's list and in
/// a cohort's summary of words not understood: a control sequence in one
/// must reach the terminal escaped, never raw.
#[test]
fn own_words_shown_back_never_carry_raw_control_characters() {
    let word = "\u{1b}]0;owned\u{7}\u{1b}[2Jwiped";
    let answers = format!(
        "strengths: [{}, SLO, restoring backups]\n",
        serde_json::to_string(word).unwrap()
    );
    let dir = tempfile::tempdir().unwrap();
    common::write(dir.path(), "me.yaml", &answers);
    common::write(dir.path(), "you.yaml", &answers);
    for args in [
        vec!["score", "me.yaml"],
        vec!["validate", "me.yaml"],
        vec!["score", "me.yaml", "you.yaml"],
        vec!["score", "me.yaml", "you.yaml", "--format", "markdown"],
    ] {
        let (code, stdout, stderr) = common::output(common::rolefit_in(dir.path()).args(&args));
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(stdout.contains("wiped"), "{args:?}: {stdout}");
        for (name, text) in [("stdout", &stdout), ("stderr", &stderr)] {
            assert!(
                !text.contains(['\u{1b}', '\u{7}']),
                "{args:?} {name}: {text:?}"
            );
        }
    }
}
