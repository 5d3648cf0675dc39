//! Hostile input: one test per class of bad input (DESIGN section 7). Each
//! checks the exit code, a message naming the file (and line where there is
//! one), that nothing panicked, that the run ended (a generous hang guard,
//! not a speed test), and that the good inputs of the batch were scored.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use tempfile::TempDir;

/// Generous: only a hang or a runaway allocation takes this long.
const HANG_GUARD: Duration = Duration::from_secs(60);

const GOOD: &str = "id: good-one\nstrengths: [SLO, pager]\nwork_style: {pace: 5}\n";

fn rolefit() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolefit"));
    cmd.timeout(HANG_GUARD)
        .env_remove("ROLEFIT_ROLES")
        .env("NO_COLOR", "1");
    cmd
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().expect("rolefit runs");
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "panic: {}", run.stderr);
    assert!(run.code.is_some(), "killed (hang guard?): {}", run.stderr);
    run
}

/// A directory holding `good.yaml` and one bad file.
fn batch_with(name: &str, bad: &[u8]) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    let bad_path = dir.path().join(name);
    fs::write(&bad_path, bad).unwrap();
    (dir, bad_path)
}

/// Scores the batch as JSON Lines: exit 1, the good file scored, the bad
/// one reported on stderr naming it (and `line` when given).
fn assert_batch_survives(name: &str, bad: &[u8], line: Option<usize>) -> Run {
    let (dir, _) = batch_with(name, bad);
    let result = run(rolefit()
        .args(["score", "--format", "jsonl"])
        .arg(dir.path()));
    assert_eq!(result.code, Some(1), "stderr: {}", result.stderr);
    assert!(
        result.stdout.contains("\"id\":\"good-one\""),
        "good file not scored: {}",
        result.stdout
    );
    assert!(
        result.stderr.contains(name),
        "bad file not named: {}",
        result.stderr
    );
    if let Some(line) = line {
        assert!(
            result.stderr.contains(&format!("{name}:{line})")),
            "line {line} not named: {}",
            result.stderr
        );
    }
    result
}

#[test]
fn malformed_yaml() {
    assert_batch_survives(
        "bad.yaml",
        b"id: x\nstrengths: [SLO\nwork_style: {pace: 3}\n",
        Some(3),
    );
}

#[test]
fn malformed_json() {
    assert_batch_survives(
        "bad.json",
        b"{\n  \"id\": \"x\",\n  \"strengths\": [\"SLO\",]\n}\n",
        Some(3),
    );
}

#[test]
fn non_utf8() {
    let run = assert_batch_survives("latin1.yaml", b"id: x\nstrengths: [caf\xe9]\n", Some(2));
    assert!(run.stderr.contains("UTF-8"), "{}", run.stderr);
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
    let run = assert_batch_survives("empty.yaml", b"", None);
    assert!(run.stderr.contains("empty file"), "{}", run.stderr);
    assert_batch_survives("comments.yaml", b"# nothing here\n\n", None);
    assert_batch_survives("empty.json", b"   \n", None);
}

#[test]
fn wrong_types() {
    assert_batch_survives("types.yaml", b"id: x\nstrengths: SLO\n", Some(2));
    assert_batch_survives("types2.yaml", b"id: x\nwork_style: [1, 2]\n", Some(2));
    assert_batch_survives("types3.yaml", b"- just\n- a list\n", Some(1));
    assert_batch_survives(
        "types4.json",
        b"{\"work_style\": {\"pace\": \"fast\"}}",
        Some(1),
    );
}

#[test]
fn out_of_range_fractional_and_non_finite_values() {
    assert_batch_survives(
        "range.yaml",
        b"strengths:\n  - {tag: SLO, level: 9}\n",
        Some(2),
    );
    assert_batch_survives(
        "zero.yaml",
        b"strengths:\n  - {tag: SLO, level: 0}\n",
        Some(2),
    );
    assert_batch_survives(
        "frac.yaml",
        b"strengths:\n  - {tag: SLO, level: 2.5}\n",
        Some(2),
    );
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
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("anchors.yaml");
    fs::write(&file, "strengths: &s [SLO]\ngoals: [pager]\n").unwrap();
    let result = run(rolefit().args(["score", "--format", "json"]).arg(&file));
    assert_eq!(result.code, Some(0), "{}", result.stderr);
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
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cohort.jsonl");
    let long = format!("{{\"id\": \"{}\"}}", "x".repeat(2 * 1024 * 1024));
    fs::write(&file, format!("{{\"id\":\"first\",\"strengths\":[\"SLO\"]}}\n{long}\n{{\"id\":\"third\",\"goals\":[\"pager\"]}}\n")).unwrap();
    let result = run(rolefit().args(["score", "--format", "jsonl"]).arg(&file));
    assert_eq!(result.code, Some(1));
    assert!(
        result.stdout.contains("\"id\":\"first\"") && result.stdout.contains("\"id\":\"third\"")
    );
    assert!(
        result.stderr.contains("cohort.jsonl:2)"),
        "{}",
        result.stderr
    );
}

#[test]
fn very_long_tag_names_keep_suggestions_bounded() {
    let name = "error budgets and SLOs ".repeat(20_000);
    let many: String = (0..2000)
        .map(|i| format!("  - unknown tag number {i} with a long tail of words\n"))
        .collect();
    let text = format!("strengths:\n  - \"{name}\"\n{many}");
    let run = assert_batch_survives("long.yaml", text.as_bytes(), Some(2));
    assert!(run.stderr.contains("unknown tag"), "{}", run.stderr);
}

#[test]
fn missing_files_are_reported_and_the_rest_scored() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.yaml");
    fs::write(&good, GOOD).unwrap();
    let result = run(rolefit()
        .args(["score", "--format", "jsonl"])
        .arg(dir.path().join("nope.yaml"))
        .arg(&good));
    assert_eq!(result.code, Some(1));
    assert!(result.stderr.contains("nope.yaml"), "{}", result.stderr);
    assert!(result.stdout.contains("good-one"));
}

#[cfg(unix)]
#[test]
fn fifos_devices_subfolders_and_link_loops_in_directories_are_skipped() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    let fifo = dir.path().join("pipe.yaml");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    symlink("/dev/zero", dir.path().join("zero.yaml")).unwrap();
    symlink(
        dir.path().join("loop-b.yaml"),
        dir.path().join("loop-a.yaml"),
    )
    .unwrap();
    symlink(
        dir.path().join("loop-a.yaml"),
        dir.path().join("loop-b.yaml"),
    )
    .unwrap();
    fs::create_dir(dir.path().join("sub.yaml")).unwrap();
    fs::write(
        dir.path().join("sub.yaml").join("inner.yaml"),
        "id: inner\n",
    )
    .unwrap();
    symlink(dir.path(), dir.path().join("self")).unwrap();
    let result = run(rolefit()
        .args(["score", "--format", "jsonl"])
        .arg(dir.path()));
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    assert!(result.stdout.contains("good-one"));
    assert!(!result.stdout.contains("inner"));
    for skipped in ["pipe.yaml", "zero.yaml", "loop-a.yaml"] {
        assert!(
            result.stderr.contains(skipped),
            "{skipped} not noted: {}",
            result.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn an_explicit_endless_device_is_refused_at_the_size_limit() {
    let result = run(rolefit().args(["score", "/dev/zero"]));
    assert_eq!(result.code, Some(1));
    assert!(
        result.stderr.contains("/dev/zero") && result.stderr.contains("larger than"),
        "{}",
        result.stderr
    );
}

fn broken_catalog(dir: &Path, find: &str, replace: &str) -> PathBuf {
    let text = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/roles.yaml")).unwrap();
    assert!(text.contains(find), "{find:?} not in roles.yaml");
    let path = dir.join("custom.yaml");
    fs::write(&path, text.replacen(find, replace, 1)).unwrap();
    path
}

#[test]
fn broken_custom_catalogs_exit_2_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.yaml");
    fs::write(&good, GOOD).unwrap();
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
        ("version: 1", "version: 1\nextra: true", "unknown field"),
    ];
    for (find, replace, expected) in cases {
        let catalog = broken_catalog(dir.path(), find, replace);
        for args in [vec!["score"], vec!["validate"]] {
            let result = run(rolefit()
                .arg("--roles")
                .arg(&catalog)
                .args(&args)
                .arg(&good));
            assert_eq!(result.code, Some(2), "{find}: {}", result.stderr);
            assert!(
                result.stderr.contains(expected),
                "{find}: {}",
                result.stderr
            );
            assert!(
                result.stderr.contains("custom.yaml:"),
                "no file:line for {find}: {}",
                result.stderr
            );
            assert!(result.stdout.is_empty());
        }
    }
    let missing = run(rolefit()
        .args(["--roles", "/no/such/roles.yaml", "score"])
        .arg(&good));
    assert_eq!(missing.code, Some(2));
    assert!(missing.stderr.contains("/no/such/roles.yaml"));
}

#[test]
fn catalog_alias_bomb_and_garbage_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.yaml");
    let mut bomb = String::from("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
    let mut prev = 'a';
    for name in 'b'..='j' {
        bomb.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        prev = name;
    }
    fs::write(&path, bomb).unwrap();
    let result = run(rolefit().arg("--roles").arg(&path).args(["validate"]));
    assert_eq!(result.code, Some(2));
    assert!(result.stderr.contains("bomb.yaml"), "{}", result.stderr);
    fs::write(&path, b"\xfe\x00garbage").unwrap();
    let result = run(rolefit().arg("--roles").arg(&path).args(["validate"]));
    assert_eq!(result.code, Some(2));
    assert!(
        result.stderr.contains("bomb.yaml") && result.stderr.contains("UTF-8"),
        "{}",
        result.stderr
    );
    // A UTF-16 byte-order mark is believed; what follows is no catalog.
    fs::write(&path, b"\xff\xfe\x00garbage").unwrap();
    let result = run(rolefit().arg("--roles").arg(&path).args(["validate"]));
    assert_eq!(result.code, Some(2));
    assert!(
        result.stderr.contains("bomb.yaml") && result.stderr.contains("expected a catalog map"),
        "{}",
        result.stderr
    );
}

#[test]
fn terminal_control_characters_are_escaped_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("evil.yaml");
    fs::write(
        &file,
        "id: \"\\e]0;pwned\\a\\e[2J\"\nstrengths: [\"\\e[31mSLO\"]\n",
    )
    .unwrap();
    let result = run(rolefit().args(["score"]).arg(&file));
    assert_eq!(result.code, Some(1));
    assert!(
        !result.stderr.contains('\u{1b}'),
        "raw escape in diagnostics: {:?}",
        result.stderr
    );
    assert!(result.stderr.contains("\\u{1b}"), "{:?}", result.stderr);

    fs::write(&file, "id: \"\\e]0;pwned\\a\\e[2J\"\nstrengths: [SLO]\n").unwrap();
    for format in ["table", "markdown"] {
        let result = run(rolefit().args(["score", "--format", format]).arg(&file));
        assert_eq!(result.code, Some(0));
        assert!(
            !result.stdout.contains('\u{1b}') && !result.stdout.contains('\u{7}'),
            "{format}: {:?}",
            result.stdout
        );
    }
    // JSON keeps the value exact (escaped the JSON way).
    let result = run(rolefit().args(["score", "--format", "json"]).arg(&file));
    let doc: serde_json::Value = serde_json::from_str(&result.stdout).unwrap();
    assert_eq!(doc["respondents"][0]["id"], "\u{1b}]0;pwned\u{7}\u{1b}[2J");
}

#[test]
fn csv_cells_cannot_become_formulas() {
    let dir = tempfile::tempdir().unwrap();
    for (i, id) in [
        "=HYPERLINK(\"http://x\")",
        "+1",
        "-1",
        "@SUM(A1)",
        "\tx",
        "\rx",
    ]
    .iter()
    .enumerate()
    {
        let text = format!(
            "id: {}\nstrengths: [SLO]\n",
            serde_json::to_string(id).unwrap()
        );
        fs::write(dir.path().join(format!("f{i}.yaml")), text).unwrap();
    }
    let result = run(rolefit()
        .args(["score", "--format", "csv", "--top", "1"])
        .arg(dir.path()));
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    let mut reader = csv::Reader::from_reader(result.stdout.as_bytes());
    let ids: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(ids.len(), 6);
    for id in ids {
        assert!(id.starts_with('\''), "not neutralised: {id:?}");
    }
}

#[cfg(unix)]
#[test]
fn closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.jsonl");
    let line = "{\"strengths\":[\"SLO\"],\"work_style\":{\"pace\":3}}\n";
    fs::write(&file, line.repeat(20_000)).unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rolefit"))
        .args(["score", "--format", "csv"])
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reader is gone now, like `| head -c 64`.
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{stderr}"
    );
    assert_eq!(output.status.code(), Some(0), "{stderr}");
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
            || (text.starts_with("id,source,") && text.lines().count() == 60_000 * 24 + 1);
        assert!(
            whole,
            "partial file after kill at {delay_ms} ms: {} bytes",
            text.len()
        );
    }
}

#[test]
fn output_never_replaces_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.yaml");
    fs::write(&good, GOOD).unwrap();
    let result = run(rolefit()
        .args(["score", "--force", "--output", "/dev/null"])
        .arg(&good));
    assert_eq!(result.code, Some(2));
    assert!(
        result.stderr.contains("not a regular file"),
        "{}",
        result.stderr
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
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.yaml");
    fs::write(&good, GOOD).unwrap();
    // A file made the ordinary way: 0666 less the umask.
    let ordinary = dir.path().join("ordinary.txt");
    fs::write(&ordinary, "x").unwrap();
    let out = dir.path().join("out.csv");
    let result = run(rolefit()
        .args(["score", "--format", "csv", "--output"])
        .arg(&out)
        .arg(&good));
    assert_eq!(result.code, Some(0), "{}", result.stderr);
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out), mode(&ordinary));
}

/// `score --format json` and `jsonl` write C1 controls, bidi marks and
/// zero-width characters as `\u` escapes, as `show --format json` does; a
/// JSON reader gets the id back exactly.
#[test]
fn score_json_escapes_characters_that_drive_or_hide_text() {
    let id = "ann\u{9b}31m\u{202e}lee\u{200b}\u{200e}x";
    let dir = tempfile::tempdir().unwrap();
    // Written escaped: the answer file itself stays plain text.
    let file = dir.path().join("me.json");
    let answers = serde_json::json!({"id": id, "strengths": ["SLO"]});
    fs::write(&file, text_escaped(&answers.to_string())).unwrap();
    for format in ["json", "jsonl"] {
        let result = run(rolefit().args(["score", "--format", format]).arg(&file));
        assert_eq!(result.code, Some(0), "{}", result.stderr);
        for raw in ['\u{9b}', '\u{202e}', '\u{200b}', '\u{200e}'] {
            assert!(!result.stdout.contains(raw), "{raw:?} raw in {format}");
        }
        for escaped in ["\\u009b", "\\u202e", "\\u200b", "\\u200e"] {
            assert!(result.stdout.contains(escaped), "{escaped} in {format}");
        }
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
