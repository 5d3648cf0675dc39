//! `rolefit assess` driven as a person would: the real binary in a
//! pseudo-terminal, keys sent one screen at a time.
//!
//! Every wait has a generous timeout; nothing here measures time.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Session};
use rolefit::catalog::Catalog;

const ENTER: &str = "\r";
const SPACE: &str = " ";
const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const ESC: &str = "\x1b";
const CTRL_C: &str = "\x03";
const HIDE_CURSOR: &str = "\x1b[?25l";
const SHOW_CURSOR: &str = "\x1b[?25h";

/// The interview in a pseudo-terminal, and everything it has shown so far.
struct Person {
    session: expectrl::session::OsSession,
    seen: Vec<u8>,
}

impl Person {
    /// Starts `rolefit ARGS` in `dir` on a 100×40 terminal.
    fn start(dir: &Path, args: &[&str]) -> Person {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_rolefit"));
        command
            .args(args)
            .current_dir(dir)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env_remove("ROLEFIT_ROLES");
        let mut session = Session::spawn(command).expect("spawn rolefit in a pty");
        session
            .get_process_mut()
            .set_window_size(100, 40)
            .expect("size the pty");
        session.set_expect_timeout(Some(Duration::from_secs(20)));
        Person {
            session,
            seen: Vec::new(),
        }
    }

    /// Waits until `text` is on screen.
    fn sees(&mut self, text: &str) -> &mut Self {
        match self.session.expect(text) {
            Ok(found) => {
                self.seen.extend_from_slice(found.before());
                self.seen.extend_from_slice(found.as_bytes());
            }
            Err(e) => panic!(
                "waiting for {text:?}: {e}\n--- screen so far ---\n{}",
                plain(&self.seen)
            ),
        }
        self
    }

    fn presses(&mut self, keys: &str) -> &mut Self {
        self.session.send(keys).expect("send keys");
        self
    }

    /// Waits for the end of the output and the exit code.
    fn exits(mut self) -> (i32, String, Vec<u8>) {
        match self.session.expect(Eof) {
            Ok(found) => self.seen.extend_from_slice(found.as_bytes()),
            Err(e) => panic!("waiting for the end: {e}\n{}", plain(&self.seen)),
        }
        let status = self.session.get_process().wait().expect("wait for rolefit");
        let code = match status {
            WaitStatus::Exited(_, code) => code,
            other => panic!(
                "rolefit did not exit normally: {other:?}\n{}",
                plain(&self.seen)
            ),
        };
        (code, plain(&self.seen), self.seen)
    }
}

/// The text without ANSI escapes and carriage returns.
fn plain(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => {
                if chars.peek() == Some(&'[') {
                    chars.next();
                    // Parameters, then one final byte in @..~.
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                } else {
                    chars.next();
                }
            }
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// The ranked rows of a result: rank, role, the percentages, matched tags.
fn ranked_rows(text: &str) -> Vec<(String, String, Vec<String>, String)> {
    let catalog = Catalog::builtin().unwrap();
    let start = text.find("Ranking for").expect("a ranking");
    let header = text[start..].find("# Role").expect("the table header") + start;
    let table = &text[header..];
    // The legend names the path's columns: Skills first, or Style alone.
    let end = table
        .find("Skills: your strengths")
        .or_else(|| table.find("Style: how your work style"))
        .expect("the legend after the table");
    table[..end]
        .lines()
        // A tied role's rank reads `=4`.
        .filter(|line| {
            line.trim_start()
                .trim_start_matches('=')
                .starts_with(|c: char| c.is_ascii_digit())
        })
        .map(|line| {
            let tokens: Vec<&str> = line.split_whitespace().collect();
            let role = catalog
                .roles
                .iter()
                .map(|r| r.name.as_str())
                .filter(|name| line.contains(name))
                .max_by_key(|name| name.len())
                .unwrap_or_else(|| panic!("no role in {line:?}"))
                .to_string();
            let percents = tokens
                .iter()
                .filter(|t| t.ends_with('%') || **t == "-")
                .map(|t| t.to_string())
                .collect();
            let tags = tokens.last().map_or(String::new(), |t| t.to_string());
            (tokens[0].to_string(), role, percents, tags)
        })
        .collect()
}

fn score(dir: &Path, file: &str) -> String {
    let output = Command::cargo_bin("rolefit")
        .unwrap()
        .current_dir(dir)
        .env_remove("ROLEFIT_ROLES")
        .args(["score", file, "--color", "never"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "score failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_full_interview_saves_a_file_that_scores_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let questions = Catalog::builtin().unwrap().questions.len();
    let mut person = Person::start(dir.path(), &["assess", "--save", "me.yaml"]);
    person
        .sees("Step 1 of 5 · Path")
        .sees("Work style only")
        .presses(ENTER)
        .sees("Step 2 of 5 · Families")
        .presses(ENTER)
        .sees("Step 3 of 5 · Strengths")
        .sees("Your strengths")
        // The first support tag, and the eighth (error budgets and SLOs).
        .presses(SPACE);
    for _ in 0..7 {
        person.presses(DOWN);
    }
    person
        .presses(SPACE)
        .presses(ENTER)
        .sees("level 1 of 2")
        .presses(DOWN)
        .presses(ENTER)
        .sees("level 2 of 2")
        .presses(ENTER)
        .sees("Step 4 of 5 · Growth goals")
        // Back to the last level, which starts on the answer given.
        .presses(ESC)
        .sees("level 2 of 2")
        .presses(UP)
        .presses(ENTER)
        .sees("Step 4 of 5 · Growth goals")
        .presses(SPACE)
        .presses(ENTER);
    for i in 1..=questions {
        person.sees(&format!("statement {i} of {questions}"));
        for _ in 0..(i % 3) {
            person.presses(if i % 2 == 0 { DOWN } else { UP });
        }
        person.presses(ENTER);
    }
    person
        .sees("Ranking for")
        .sees("Saved your answers to me.yaml");
    let (code, shown, _) = person.exits();
    assert_eq!(code, 0, "{shown}");
    assert!(!shown.contains("Notes on your answers"), "{shown}");

    let saved = std::fs::read_to_string(dir.path().join("me.yaml")).unwrap();
    assert!(saved.contains("path: full"), "{saved}");
    assert!(saved.contains("level: 4"), "{saved}");
    assert!(saved.contains("level: 2"), "{saved}");
    assert!(saved.contains("goals:"), "{saved}");

    let interview_rows = ranked_rows(&shown);
    let score_output = score(dir.path(), "me.yaml")
        .replace("[x]", "✓")
        .replace("[ ]", "✗");
    assert_eq!(interview_rows.len(), 10, "{shown}");
    assert_eq!(interview_rows, ranked_rows(&score_output));
    // And the fit profile of the best match, word for word (the
    // terminal is wider than a pipe, so lines wrap elsewhere).
    let best = |text: &str| {
        let start = text.find("Best match:").expect("a best match");
        let end = text[start..].find("Team behaviours").expect("behaviours") + start;
        text[start..end]
            .split_whitespace()
            .filter(|w| !w.chars().all(|c| "█▏▎▍▌▋▊▉░#.".contains(c)))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(best(&shown), best(&score_output));
}

#[test]
fn a_work_style_interview_shows_the_profile_and_points_out_flat_answers() {
    let dir = tempfile::tempdir().unwrap();
    let questions = Catalog::builtin().unwrap().questions.len();
    let mut person = Person::start(
        dir.path(),
        &["assess", "--path", "work-style", "--top", "3"],
    );
    for i in 1..=questions {
        person
            .sees(&format!(
                "Step 1 of 1 · Work style · statement {i} of {questions}"
            ))
            .presses(ENTER);
    }
    person
        .sees("Your work-style profile")
        .sees("Notes on your answers")
        .sees("Save them to a file?")
        .presses("n");
    let (code, shown, _) = person.exits();
    assert_eq!(code, 0, "{shown}");
    assert!(
        shown.contains("Ranking for you · work-style path"),
        "{shown}"
    );
    assert!(shown.contains("the same answer"), "{shown}");
    assert_eq!(ranked_rows(&shown).len(), 3, "{shown}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing saved"
    );
}

#[test]
fn ctrl_c_mid_interview_shows_the_cursor_writes_nothing_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let mut person = Person::start(dir.path(), &["assess", "--save", "me.yaml"]);
    person
        .sees("Step 1 of 5 · Path")
        .presses(ENTER)
        .sees("Step 2 of 5 · Families")
        .presses(ENTER)
        .sees("Your strengths")
        .presses(SPACE)
        .presses(DOWN)
        .presses(CTRL_C);
    let (code, shown, raw) = person.exits();
    assert_eq!(code, 130, "{shown}");
    let raw = String::from_utf8_lossy(&raw);
    let hidden = raw.rfind(HIDE_CURSOR).expect("the list hid the cursor");
    let shown_again = raw.rfind(SHOW_CURSOR).expect("the cursor is shown again");
    assert!(
        hidden < shown_again,
        "the last word on the cursor is: show it"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
fn esc_at_the_first_question_leaves_with_130() {
    let dir = tempfile::tempdir().unwrap();
    let mut person = Person::start(dir.path(), &["assess"]);
    person
        .sees("Step 1 of 5 · Path")
        .sees("esc quit")
        .presses(ESC);
    let (code, shown, raw) = person.exits();
    assert_eq!(code, 130, "{shown}");
    let raw = String::from_utf8_lossy(&raw);
    assert!(
        raw.rfind(HIDE_CURSOR) < raw.rfind(SHOW_CURSOR),
        "cursor shown at the end"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn without_a_terminal_assess_points_to_score() {
    for args in [&["assess"][..], &[][..]] {
        Command::cargo_bin("rolefit")
            .unwrap()
            .args(args)
            .env_remove("ROLEFIT_ROLES")
            .write_stdin("")
            .assert()
            .code(2)
            .stderr(predicates::str::contains("rolefit score"));
    }
}

#[test]
fn unknown_path_or_family_is_a_usage_error_with_a_suggestion() {
    let run = |args: &[&str]| {
        Command::cargo_bin("rolefit")
            .unwrap()
            .args(args)
            .env_remove("ROLEFIT_ROLES")
            .write_stdin("")
            .assert()
            .code(2)
    };
    run(&["assess", "--path", "work-styel"])
        .stderr(predicates::str::contains("did you mean \"work-style\""));
    run(&["assess", "--family", "suport"])
        .stderr(predicates::str::contains("did you mean \"support\""));
    run(&["assess", "--top", "0"]).stderr(predicates::str::contains("--top"));
    run(&["assess", "--save", "no/such/folder/me.yaml"])
        .stderr(predicates::str::contains("does not exist"));
}

#[test]
fn custom_catalog_text_cannot_drive_the_terminal_during_the_interview() {
    let dir = tempfile::tempdir().unwrap();
    let roles =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/roles.yaml")).unwrap();
    assert!(roles.contains("error budgets and SLOs"));
    // An OSC sequence that would retitle the terminal, in a tag name.
    let hostile = roles.replace(
        "error budgets and SLOs",
        "\"error budgets \\e]0;pwned\\a SLOs\"",
    );
    std::fs::write(dir.path().join("evil.yaml"), hostile).unwrap();
    let mut person = Person::start(
        dir.path(),
        &["--roles", "evil.yaml", "assess", "--path", "competency"],
    );
    person
        .sees("Families")
        .presses(ENTER)
        .sees("Your strengths")
        .sees("pwned")
        .presses(CTRL_C);
    let (code, shown, raw) = person.exits();
    assert_eq!(code, 130, "{shown}");
    let raw = String::from_utf8_lossy(&raw);
    assert!(
        !raw.contains("\x1b]0;pwned"),
        "a raw escape reached the terminal"
    );
    assert!(
        raw.contains("\\u{1b}]0;pwned"),
        "the escape is shown as text"
    );
}
