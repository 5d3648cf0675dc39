//! Batches: parallel scoring writes exactly what a single thread writes, in
//! input order, across chunk boundaries; progress shows only on a terminal.

use crate::common;
use std::fs;

use rolefit::catalog::Catalog;

/// A varied answer set for person `i`.
fn answer(catalog: &Catalog, i: usize) -> String {
    let tag = |k: usize| {
        serde_json::to_string(&catalog.tags[(i * 7 + k * 13) % catalog.tags.len()].name).unwrap()
    };
    let path = ["full", "competency", "work-style", "full"][i % 4];
    format!(
        "{{\"id\":\"p{i}\",\"path\":\"{path}\",\"strengths\":[{},{{\"tag\":{},\"level\":{}}}],\"goals\":[{}],\"work_style\":{{\"pace\":{},\"scope\":{}}}}}",
        tag(0),
        tag(1),
        1 + i % 5,
        tag(2),
        1 + i % 5,
        1.0 + (i % 9) as f64 / 2.0
    )
}

fn score(threads: &str, args: &[&str]) -> Vec<u8> {
    let output = common::rolefit()
        .env("RAYON_NUM_THREADS", threads)
        .arg("score")
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.code() == Some(0) || output.status.code() == Some(1));
    output.stdout
}

#[test]
fn parallel_output_equals_sequential_output() {
    let catalog = common::catalog();
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    fs::create_dir(&files).unwrap();
    for i in 0..300 {
        fs::write(files.join(format!("a{i:04}.json")), answer(catalog, i)).unwrap();
    }
    // One bad file in the middle: errors keep their place too.
    fs::write(files.join("a0150.yaml"), "strengths: [nonsense tag]\n").unwrap();
    // More lines than one parallel chunk holds.
    let lines: Vec<String> = (0..2500).map(|i| answer(catalog, i)).collect();
    let jsonl = dir.path().join("cohort.jsonl");
    fs::write(&jsonl, lines.join("\n")).unwrap();

    let files = files.to_str().unwrap();
    let jsonl = jsonl.to_str().unwrap();
    for args in [
        vec![files, "--format", "csv"],
        vec![files, "--format", "json"],
        vec![files, "--format", "table"],
        vec![jsonl, "--format", "jsonl", "--top", "3"],
        vec![jsonl, "--format", "markdown"],
    ] {
        let one = score("1", &args);
        assert!(!one.is_empty());
        assert_eq!(one, score("4", &args), "{args:?}");
    }
}

/// A directory of `count` answer files.
fn answer_dir(count: usize) -> tempfile::TempDir {
    let catalog = common::catalog();
    let dir = tempfile::tempdir().unwrap();
    for i in 0..count {
        fs::write(dir.path().join(format!("a{i:04}.json")), answer(catalog, i)).unwrap();
    }
    dir
}

#[cfg(unix)]
#[test]
fn progress_shows_on_a_terminal_but_not_with_quiet() {
    use expectrl::{Eof, Expect, Session};
    let dir = answer_dir(400);
    let run = |quiet: bool| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_rolefit"));
        command
            .env("TERM", "xterm-256color")
            .env_remove("ROLEFIT_ROLES")
            .args(["score", "--format", "csv", "--force", "--output"])
            .arg(dir.path().join("out.csv"))
            .arg(dir.path());
        if quiet {
            command.arg("--quiet");
        }
        let mut session = Session::spawn(command).expect("spawn in a pty");
        session
            .get_process_mut()
            .set_window_size(100, 40)
            .expect("size the pty");
        session.set_expect_timeout(Some(std::time::Duration::from_secs(60)));
        let seen = session.expect(Eof).expect("rolefit ends");
        let mut bytes = seen.before().to_vec();
        bytes.extend_from_slice(seen.as_bytes());
        String::from_utf8_lossy(&bytes).into_owned()
    };
    assert!(run(false).contains("answer sets read"));
    let quiet = run(true);
    assert!(!quiet.contains("answer sets read"), "{quiet}");
}

#[test]
fn no_progress_when_stderr_is_not_a_terminal() {
    let dir = answer_dir(400);
    let output = common::rolefit()
        .args(["score", "--format", "csv"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("warning"), "warnings still come: {stderr}");
    assert!(!stderr.contains("answer sets read"), "{stderr}");
}
