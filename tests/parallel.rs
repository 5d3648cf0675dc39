//! Parallel scoring writes exactly what a single thread writes, in input
//! order, across chunk boundaries.

use std::fs;

use assert_cmd::Command;
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
    let output = Command::new(env!("CARGO_BIN_EXE_rolefit"))
        .env("RAYON_NUM_THREADS", threads)
        .env("NO_COLOR", "1")
        .arg("score")
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.code() == Some(0) || output.status.code() == Some(1));
    output.stdout
}

#[test]
fn parallel_output_equals_sequential_output() {
    let catalog = Catalog::builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    fs::create_dir(&files).unwrap();
    for i in 0..300 {
        fs::write(files.join(format!("a{i:04}.json")), answer(&catalog, i)).unwrap();
    }
    // One bad file in the middle: errors keep their place too.
    fs::write(files.join("a0150.yaml"), "strengths: [nonsense tag]\n").unwrap();
    // More lines than one parallel chunk holds.
    let lines: Vec<String> = (0..5000).map(|i| answer(&catalog, i)).collect();
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
