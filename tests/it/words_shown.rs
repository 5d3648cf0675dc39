//! Every output says what was understood of people's own words: the cohort
//! views (a Words column and a summary that stays short however many
//! people come), `assess --from` (read as `score` reads, not refused for a
//! word), and `validate` (how each word that was not a catalog name was
//! read).
//!
//! The words are catalog names (`SLOs`), a word-order form of one
//! (`SLOs and error budgets`) and made-up words no layer reads
//! (`xyzzy plugh`), so the reader's tuning does not move these tests.

use crate::common::{Test, rolefit_in};

/// Three people: alice 1 of 2 words, bob 1 of 1, carol 1 of 3; two have
/// words not understood, one of them written by both.
fn three_people(test: Test) -> Test {
    test.file("alice.yaml", "id: alice\nstrengths: [SLOs, xyzzy plugh]\n")
        .file("bob.yaml", "id: bob\nstrengths: [error budgets and SLOs]\n")
        .file(
            "carol.yaml",
            "id: carol\nstrengths: [qqqq wibble, xyzzy plugh]\ngoals: [SLOs]\n",
        )
}

/// The text with its line breaks and runs of spaces made single spaces:
/// a sentence is found however it wrapped.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_cohort_table_gives_each_person_their_words_and_names_who_has_some_not_understood() {
    let run = three_people(Test::new())
        .args(["score", "alice.yaml", "bob.yaml", "carol.yaml"])
        .run();
    let out = &run.stdout;
    let header = out.lines().next().unwrap();
    assert!(
        header.starts_with("Person ") && header.ends_with("Words"),
        "{out}"
    );
    let row = |id: &str| out.lines().find(|l| l.starts_with(id)).unwrap();
    assert!(row("alice").ends_with(" 1 of 2"), "{out}");
    assert!(row("bob").ends_with(" 1 of 1"), "{out}");
    assert!(row("carol").ends_with(" 1 of 3"), "{out}");
    let text = flat(out);
    assert!(
        text.contains("Own words: 3 of 6 words understood (50%)."),
        "{out}"
    );
    assert!(
        text.contains(
            r#"- 2 people have words not understood: alice ("xyzzy plugh"); carol ("qqqq wibble", "xyzzy plugh")."#
        ),
        "{out}"
    );
    assert!(
        text.contains(r#"- Most often not understood: "xyzzy plugh" (2 people)."#),
        "{out}"
    );
    // At 80 columns (standard output is not a terminal), nothing is wider.
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
}

#[test]
fn a_cohort_in_markdown_and_html_says_the_same() {
    let run = three_people(Test::new())
        .args(["score", "--format", "markdown"])
        .args(["alice.yaml", "bob.yaml", "carol.yaml"])
        .run();
    let out = &run.stdout;
    assert!(
        out.contains("| Person | Best match | Score | Runner-up | Score | Words |"),
        "{out}"
    );
    let alice = out.lines().find(|l| l.starts_with("| alice |")).unwrap();
    assert!(alice.ends_with("| 1 of 2 |"), "{alice}");
    assert!(
        out.contains("**Own words:** 3 of 6 words understood (50%)."),
        "{out}"
    );
    assert!(out.contains(r#"- 2 people have words not understood: alice ("xyzzy plugh")"#));

    let run = three_people(Test::new())
        .args(["score", "--format", "html"])
        .args(["alice.yaml", "bob.yaml", "carol.yaml"])
        .run();
    let html = &run.stdout;
    assert!(html.contains(r#"<section id="own-words">"#), "{html}");
    assert!(html.contains("3 of 6 words understood (50%)."), "{html}");
    assert!(html.contains("Words understood</th>"), "{html}");
    assert!(html.contains(r#"<td class="num">1 of 3</td>"#), "{html}");
    assert!(
        html.contains("carol (“qqqq wibble”, “xyzzy plugh”)"),
        "{html}"
    );
}

/// `n` people in JSON Lines, in groups `ops` and `dev` alternately; person
/// `i` writes `words(i)` beside the tag `SLOs`.
fn cohort(n: usize, words: impl Fn(usize) -> Vec<String>) -> String {
    (0..n)
        .map(|i| {
            let mut strengths = vec!["SLOs".to_string()];
            strengths.extend(words(i));
            let group = if i % 2 == 0 { "ops" } else { "dev" };
            serde_json::json!({"id": format!("p{i}"), "group": group, "strengths": strengths})
                .to_string()
                + "\n"
        })
        .collect()
}

#[test]
fn an_anonymous_cohort_names_no_one_and_only_words_many_wrote() {
    // Eight people write "xyzzy plugh"; one of them also a word of their own.
    let jsonl = cohort(8, |i| {
        let mut w = vec!["xyzzy plugh".to_string()];
        if i == 3 {
            w.push("flobberworth".into());
        }
        w
    });
    for format in ["table", "markdown", "html"] {
        let run = Test::new()
            .file("team.jsonl", &jsonl)
            .args(["score", "--anonymous", "--format", format, "team.jsonl"])
            .run();
        let text = flat(&run.stdout);
        assert!(
            text.contains("8 people have words not understood."),
            "{format}: {text}"
        );
        assert!(text.contains("xyzzy plugh"), "{format}: {text}");
        assert!(!text.contains("flobberworth"), "{format}: {text}");
        assert!(!text.contains("p3"), "{format}: {text}");
    }
}

#[test]
fn each_group_says_how_much_of_its_words_was_understood() {
    let jsonl = cohort(12, |i| {
        if i % 4 == 0 {
            vec!["xyzzy plugh".into()]
        } else {
            Vec::new()
        }
    });
    let run = Test::new()
        .file("team.jsonl", &jsonl)
        .args(["score", "--by", "group", "team.jsonl"])
        .run();
    let text = flat(&run.stdout);
    // ops holds p0, p2, …, p10: p0, p4 and p8 wrote a word not understood.
    assert!(
        text.contains("ops: 6 of 9 words understood (67%); 3 people have words not understood."),
        "{text}"
    );
    assert!(
        text.contains("dev: 6 of 6 words understood (100%)."),
        "{text}"
    );
}

#[test]
fn a_large_cohort_gets_a_summary_not_a_flood() {
    let jsonl = cohort(500, |i| match i % 3 {
        0 => vec!["xyzzy plugh".into()],
        1 => vec![format!("zzwords{i}")],
        _ => Vec::new(),
    });
    let run = Test::new()
        .file("team.jsonl", &jsonl)
        .args(["score", "team.jsonl"])
        .run();
    let out = &run.stdout;
    let start = out.find("Own words:").unwrap();
    let section: Vec<&str> = out[start..].lines().take_while(|l| !l.is_empty()).collect();
    assert!(section.len() <= 12, "{}", section.join("\n"));
    let text = flat(&section.join("\n"));
    assert!(
        text.contains("334 people have words not understood."),
        "{text}"
    );
    assert!(
        text.contains(r#"Most often not understood: "xyzzy plugh" (167 people)."#),
        "{text}"
    );
    assert!(
        text.contains("- The first 10: p0 (\"xyzzy plugh\")"),
        "{text}"
    );
    assert!(
        text.contains("the JSON output lists every person's."),
        "{text}"
    );
}

#[test]
fn assess_from_reads_words_as_score_does() {
    let test = Test::new().file("me.yaml", "path: full\nstrengths: [SLOs, xyzzy plugh]\n");
    // No terminal: the interview cannot start, but the file was read, the
    // word not understood left out with a warning.
    let run = rolefit_in(test.dir())
        .args(["assess", "--from", "me.yaml"])
        .write_stdin("")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(r#""xyzzy plugh" (not understood; the interview starts without it)"#),
        "{stderr}"
    );
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    assert!(!stderr.contains("--from me.yaml:"), "{stderr}");

    // Strict: the file is refused, naming it.
    let run = rolefit_in(test.dir())
        .args(["assess", "--from", "me.yaml", "--unknown-tags", "error"])
        .write_stdin("")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--from me.yaml: "), "{stderr}");
    assert!(stderr.contains("xyzzy plugh"), "{stderr}");
    assert!(!stderr.contains("needs a terminal"), "{stderr}");
}

#[test]
fn validate_lists_how_each_word_was_read() {
    let test = Test::new()
        .file(
            "dan.yaml",
            "id: dan\nstrengths: [SLOs, SLOs and error budgets, team player]\ngoals: [xyzzy plugh]\n",
        )
        .file("eve.yaml", "id: eve\nstrengths: [SLOs]\n");
    let run = rolefit_in(test.dir())
        .args(["validate", "dan.yaml", "eve.yaml"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "dan.yaml (dan):", "{stdout}");
    assert_eq!(
        lines[1], r#"  "SLOs and error budgets" -> error budgets and SLOs (near)"#,
        "{stdout}"
    );
    let text = flat(&stdout);
    assert!(
        text.contains(
            r#""team player": not understood; no tag fits; the work-style questions cover this"#
        ),
        "{stdout}"
    );
    assert!(
        text.contains(r#""xyzzy plugh": not understood; "#),
        "{stdout}"
    );
    // An exact name is not listed; a file of exact names says nothing.
    assert!(!stdout.contains(r#""SLOs" ->"#), "{stdout}");
    assert!(!stdout.contains("eve.yaml"), "{stdout}");
    assert!(
        lines.last().unwrap().ends_with("; 2 answer sets ok"),
        "{stdout}"
    );

    // Exit codes as before: strict, the file with a word not understood
    // fails (1), and nothing is listed for it.
    let run = rolefit_in(test.dir())
        .args([
            "validate",
            "--unknown-tags",
            "error",
            "dan.yaml",
            "eve.yaml",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}");
    assert!(!stdout.contains("dan.yaml"), "{stdout}");
    assert!(stdout.ends_with("; 1 of 2 answer sets ok\n"), "{stdout}");
}
