//! A long cohort's table and Markdown are written a chunk of rows at a
//! time (memory stays flat): every row is there, the chunks line up under
//! one header, and an id met again in a later chunk shows its source.

use crate::common::Test;

fn cohort(count: usize) -> String {
    let mut text = String::new();
    for i in 0..count {
        let strengths = if i % 3 == 0 {
            r#"["pager", "threat modeling"]"#
        } else {
            r#"["SLO"]"#
        };
        text.push_str(&format!(
            "{{\"id\": \"p{i}\", \"strengths\": {strengths}}}\n"
        ));
    }
    // p5 again, two chunks later.
    text.push_str("{\"id\": \"p5\", \"strengths\": [\"SLO\"]}\n");
    text
}

#[test]
fn a_long_cohort_table_keeps_every_row_in_line() {
    let run = Test::new()
        .file("cohort.jsonl", cohort(2500))
        .args(["score", "cohort.jsonl"])
        .run();
    let rows: Vec<&str> = run
        .stdout
        .lines()
        .take_while(|line| !line.is_empty())
        .skip(2)
        .filter(|line| line.contains('%'))
        .collect();
    assert_eq!(
        rows.len(),
        2501,
        "{:?}",
        &rows[rows.len().saturating_sub(3)..]
    );
    // Every row's first score ends in the same column as the header's.
    let header = run.stdout.lines().next().unwrap();
    let score_end = header.find("Score").unwrap() + "Score".len();
    for row in &rows {
        assert_eq!(row.find('%').map(|i| i + 1), Some(score_end), "{row:?}");
    }
    // (The first chunk's ids are short: a longer one wraps in its column.)
    assert!(rows[2500].starts_with("p5 (c"), "{}", rows[2500]);
    assert!(rows[5].starts_with("p5 "), "{}", rows[5]);
    assert!(
        run.stdout.contains("Cohort: 2501 respondents scored"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_long_cohort_in_markdown_keeps_every_row() {
    let run = Test::new()
        .file("cohort.jsonl", cohort(2500))
        .args(["score", "--format", "markdown", "cohort.jsonl"])
        .run();
    let is_row =
        |l: &&str| l.starts_with("| p") && l[3..].starts_with(|c: char| c.is_ascii_digit());
    let rows = run.stdout.lines().filter(is_row).count();
    assert_eq!(rows, 2501);
    assert_eq!(run.stdout.matches("| Person |").count(), 1);
    assert!(
        run.stdout.contains("| p5 (cohort.jsonl line 2501) |"),
        "{}",
        run.stdout
    );
}
