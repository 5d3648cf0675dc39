//! `rolefit assess` driven as a person would: the real binary in a
//! pseudo-terminal, keys sent one screen at a time.
//!
//! Every wait has a generous timeout; nothing here measures time.

use std::path::Path;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Session};
use predicates::prelude::PredicateBooleanExt;
use rolefit::catalog::Catalog;

use crate::common::{rolefit, rolefit_in};

const ENTER: &str = "\r";
const TAB: &str = "\t";
const DOWN: &str = "\x1b[B";
const ESC: &str = "\x1b";
const BACKSPACE: &str = "\x7f";
const CTRL_C: &str = "\x03";
const HIDE_CURSOR: &str = "\x1b[?25l";
const SHOW_CURSOR: &str = "\x1b[?25h";

/// The interview in a pseudo-terminal, and everything it has shown so far.
struct Person {
    session: expectrl::session::OsSession,
    seen: Vec<u8>,
    /// Keys pressed so far (an arrow key is one key).
    keys: usize,
}

impl Person {
    /// Starts `rolefit ARGS` in `dir` on a 100×40 terminal.
    fn start(dir: &Path, args: &[&str]) -> Person {
        Person::start_sized(dir, args, (100, 40), "C.UTF-8")
    }

    /// Starts `rolefit ARGS` in `dir` on a terminal of (columns, rows),
    /// in the locale `lang`.
    fn start_sized(dir: &Path, args: &[&str], (cols, rows): (u16, u16), lang: &str) -> Person {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_rolefit"));
        command
            .args(args)
            .current_dir(dir)
            .env("TERM", "xterm-256color")
            .env("HOME", dir)
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .env_remove("NO_COLOR")
            .env_remove("ROLEFIT_ROLES");
        let mut session = Session::spawn(command).expect("spawn rolefit in a pty");
        session
            .get_process_mut()
            .set_window_size(cols, rows)
            .expect("size the pty");
        session.set_expect_timeout(Some(Duration::from_secs(20)));
        Person {
            session,
            seen: Vec::new(),
            keys: 0,
        }
    }

    /// Waits until `text` is on screen.
    fn sees(&mut self, text: &str) -> &mut Self {
        match self.session.expect(text) {
            Ok(found) => {
                self.seen.extend_from_slice(found.before());
                self.seen.extend_from_slice(found.as_bytes());
            }
            Err(e) => {
                let seen = plain(&self.seen);
                let tail: String = seen
                    .chars()
                    .rev()
                    .take(3000)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                panic!("waiting for {text:?}: {e}\n--- the screen's last words ---\n{tail}")
            }
        }
        self
    }

    /// Presses keys: each character is a key, and so is each escape
    /// sequence (an arrow).
    fn presses(&mut self, keys: &str) -> &mut Self {
        self.keys += count_keys(keys);
        self.session.send(keys).expect("send keys");
        self
    }

    /// Presses one key and waits until the screen shows `text`: keys sent
    /// faster than the screen is drawn are still read in order, but
    /// waiting keeps each screen's output apart.
    fn then(&mut self, keys: &str, text: &str) -> &mut Self {
        self.presses(keys).sees(text)
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

/// Keys in `keys`: an escape sequence (ESC [ … final byte) is one key.
fn count_keys(keys: &str) -> usize {
    let mut count = 0;
    let mut chars = keys.chars().peekable();
    while let Some(c) = chars.next() {
        count += 1;
        if c == '\x1b' && chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        }
    }
    count
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
        .or_else(|| table.find("Score: how close"))
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
    let output = rolefit_in(dir)
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

/// How many of the catalog's tags a filter lets through: those whose
/// name, aliases, families and description hold every word typed,
/// ignoring case.
fn shown_for(catalog: &Catalog, filter: &str) -> usize {
    catalog
        .tags
        .iter()
        .enumerate()
        .filter(|(_, tag)| !tag.roles.is_empty())
        .filter(|&(t, tag)| {
            // Related words find a tag too: its hints, roles and families.
            let related = rolefit::reader::related_words(catalog, t);
            let haystack = format!(
                "{} {} {} {}",
                tag.name,
                tag.aliases.join(" "),
                related.join(" "),
                tag.description
            )
            .to_lowercase();
            filter
                .to_lowercase()
                .split_whitespace()
                .all(|word| haystack.contains(word))
        })
        .count()
}

/// Ticks a tag by typing `filter` (which must find it first in the
/// list), then clears the filter.
fn tick_by_filter(
    person: &mut Person,
    catalog: &Catalog,
    filter: &str,
    ticked: usize,
    total: usize,
) {
    for (i, _) in filter.char_indices() {
        let typed = &filter[..=i];
        let key = &filter[i..=i];
        person.then(key, &format!("filter: {typed}_"));
    }
    person
        .sees(&format!("{} of {total} shown", shown_for(catalog, filter)))
        .then(TAB, &format!("{ticked} ticked"))
        .then(ESC, "type to filter ·");
}

/// The work-style answers given by number keys: 4 2 5 3 1 4 2 5 …
fn answer(i: usize) -> u8 {
    [4, 2, 5, 3, 1][i % 5]
}

#[test]
fn a_full_interview_by_filter_and_number_keys_saves_a_file_that_scores_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = Catalog::builtin().unwrap();
    let questions = catalog.questions.len();
    let mut person = Person::start_sized(dir.path(), &["assess"], (80, 24), "C.UTF-8");
    person
        .sees("Step 1 of 7 · Path")
        .sees("Work style only")
        .then(ENTER, "Step 2 of 7 · Families")
        .then(ENTER, "Step 3 of 7 · Strengths")
        .sees("type to filter · ↑↓ move · tab tick · enter confirm · esc back");
    // Typing narrows the list; letters never tick.
    tick_by_filter(&mut person, &catalog, "slo", 1, catalog.tags.len());
    tick_by_filter(&mut person, &catalog, "pager", 2, catalog.tags.len());
    tick_by_filter(&mut person, &catalog, "blast", 3, catalog.tags.len());
    // Backspace widens the list again.
    person
        .then("x", "filter: x_")
        .then("q", "filter: xq_")
        .sees("nothing matches")
        .then(BACKSPACE, "filter: x_")
        .then(BACKSPACE, "type to filter ·")
        .then(ENTER, "Strengths · levels")
        // One screen sets all three levels: 4, 2, 5.
        .then("4", "advanced")
        .then("2", "developing")
        .then("5", "expert")
        .then(ENTER, "Step 4 of 7 · Growth goals");
    tick_by_filter(&mut person, &catalog, "escalation", 1, 69);
    person.then(ENTER, &format!("statement 1 of {questions}"));
    for i in 1..questions {
        person.then(
            &answer(i - 1).to_string(),
            &format!("statement {} of {questions}", i + 1),
        );
    }
    person
        .then(&answer(questions - 1).to_string(), "Step 6 of 7 · Your aim")
        .sees("Is there a role you are aiming for?")
        .then(ENTER, "Step 7 of 7 · Your name")
        .presses("Ann Lee")
        .then(ENTER, "Save them to a file?");
    let before_save = plain(&person.seen);
    person
        .then("y", "File name: ann-lee.yaml")
        .then(ENTER, "Saved your answers to ann-lee.yaml")
        .sees("Save the report as a web page (HTML) to keep and show?")
        // Offered beside the answers.
        .then("y", "File name: ann-lee.html")
        .then(ENTER, "Saved the report to ann-lee.html");
    let keys = person.keys;
    let (code, shown, _) = person.exits();
    assert_eq!(code, 0, "{shown}");
    // `rolefit` is not on PATH here: the hint names the binary that ran.
    let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_rolefit")).unwrap();
    let flat = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    let hint = format!(
        "To see this result again: {} score ann-lee.yaml",
        exe.display()
    );
    assert!(flat.contains(&hint), "{shown}");
    assert!(!shown.contains("Notes on your answers"), "{shown}");
    // Far fewer keys than one screen per level and per page of tags.
    assert!(keys < 130, "{keys} keys");
    println!("a full interview with 3 strengths and 1 goal took {keys} keys");

    // The answers are not echoed line by line; the ranking and the
    // summary are on the 24-line screen when the save question comes.
    let tail = screen_at_question(&before_save, 24);
    // What the person came for: the aim their goal points at, right above
    // the summary.
    assert!(tail.contains("Your aim:"), "{tail}");
    assert!(
        tail.contains("Your best match: Site Reliability Engineer"),
        "{tail}"
    );
    let summary = tail.find("Your best match").unwrap();
    assert!(
        tail[summary..].lines().count() <= 5,
        "the summary is right above the question: {tail}"
    );
    assert!(!tail.contains("✔"), "no answers echoed: {tail}");

    // The report holds the person's id and best match.
    let report = std::fs::read_to_string(dir.path().join("ann-lee.html")).unwrap();
    assert!(report.starts_with("<!DOCTYPE html>"), "{report}");
    assert!(report.contains("Role fit report: Ann Lee"), "{report}");
    assert!(
        report.contains("best match: <strong>Site Reliability Engineer</strong>"),
        "{report}"
    );

    let saved = std::fs::read_to_string(dir.path().join("ann-lee.yaml")).unwrap();
    assert!(saved.contains("id: Ann Lee"), "{saved}");
    assert!(saved.contains("path: full"), "{saved}");
    for level in [4, 2, 5] {
        assert!(saved.contains(&format!("level: {level}")), "{saved}");
    }
    assert!(saved.contains("- escalation routing"), "{saved}");
    assert!(saved.contains("statements:"), "{saved}");
    assert!(!saved.contains("work_style:"), "{saved}");
    for (i, question) in catalog.questions.iter().enumerate() {
        let line = format!("{}: {}", question.id, answer(i));
        assert!(
            saved.lines().any(|l| l.trim().starts_with(&line)),
            "{line}\n{saved}"
        );
    }

    // `score` prints the same ranking and the same best match.
    let interview_rows = ranked_rows(&shown);
    let score_output = score(dir.path(), "ann-lee.yaml")
        .replace("[x]", "✓")
        .replace("[ ]", "✗");
    assert_eq!(interview_rows.len(), 10, "{shown}");
    assert_eq!(interview_rows, ranked_rows(&score_output));
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

    // And the axes are the exact means of the statements, not rounded.
    let json = rolefit_in(dir.path())
        .args(["score", "ann-lee.yaml", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let axes = &json["respondents"][0]["work_style"];
    for (a, axis) in catalog.axes.iter().enumerate() {
        let (sum, count) = catalog
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.axis == a)
            .fold((0.0, 0.0), |(sum, count), (i, q)| {
                let given = f64::from(answer(i));
                (
                    sum + if q.reverse { 6.0 - given } else { given },
                    count + 1.0,
                )
            });
        assert_eq!(axes[&axis.id].as_f64(), Some(sum / count), "{}", axis.id);
    }
    assert!(
        axes.as_object()
            .unwrap()
            .values()
            .any(|v| v.as_f64().unwrap().to_string().len() > 5),
        "some axis is a repeating fraction: {axes}"
    );
}

/// The screen when the save question comes: the last `rows` lines of
/// output before it (the question itself takes its own lines). The
/// ranking's column header is on it, either over the table or repeated
/// above the summary.
fn screen_at_question(seen: &str, rows: usize) -> String {
    let lines: Vec<&str> = seen.lines().collect();
    let start = lines.len().saturating_sub(rows);
    let screen = lines[start..].join("\n");
    assert!(
        screen.lines().any(|l| l.trim_start().starts_with("# Role")),
        "the column header is off the screen when the question comes:\n{screen}"
    );
    screen
}

#[test]
fn nine_strengths_and_three_goals_at_80_by_24_in_few_keys() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = Catalog::builtin().unwrap();
    let questions = catalog.questions.len();
    let strengths = [
        "slo", "pager", "blast", "dns", "backup", "siem", "patch", "mfa", "queue",
    ];
    // Each filter puts the wanted tag first ("alert" would also find the
    // pager tag, whose description says "alerted").
    let goals = ["stride", "escal", "index"];
    let mut person = Person::start_sized(dir.path(), &["assess"], (80, 24), "C.UTF-8");
    person
        .sees("Step 1 of 7 · Path")
        .then(ENTER, "Step 2 of 7 · Families")
        .then(ENTER, "Step 3 of 7 · Strengths");
    for (i, filter) in strengths.iter().enumerate() {
        tick_by_filter(&mut person, &catalog, filter, i + 1, catalog.tags.len());
    }
    person.then(ENTER, "Strengths · levels");
    for level in [4, 3, 5, 2, 3, 4, 3, 2, 3] {
        person.presses(&level.to_string());
    }
    person.then(ENTER, "Step 4 of 7 · Growth goals");
    for (i, filter) in goals.iter().enumerate() {
        tick_by_filter(
            &mut person,
            &catalog,
            filter,
            i + 1,
            catalog.tags.len() - strengths.len(),
        );
    }
    person.then(ENTER, "statement 1 of");
    for i in 0..questions {
        person.presses(&answer(i).to_string());
    }
    person
        .sees("Your aim")
        .then(ENTER, "Your name")
        .then(ENTER, "Save them to a file?");
    let before_save = plain(&person.seen);
    let tail = screen_at_question(&before_save, 24);
    assert!(tail.contains("Your best match:"), "{tail}");
    person
        .then("y", "File name: rolefit-answers.yaml")
        .then(ENTER, "Saved your answers")
        .sees("Save the report")
        .presses("n");
    let keys = person.keys;
    let (code, shown, _) = person.exits();
    assert_eq!(code, 0, "{shown}");
    let saved = std::fs::read_to_string(dir.path().join("rolefit-answers.yaml")).unwrap();
    assert_eq!(saved.matches("level:").count(), 9, "{saved}");
    let goal_lines = saved
        .lines()
        .filter(|l| l.starts_with("- ") && !l.starts_with("- tag:"));
    assert_eq!(goal_lines.count(), 3, "{saved}");
    // Before, about 130 keys: a screen per level, arrows through four pages.
    assert!(keys < 130, "{keys} keys");
    println!("9 strengths and 3 goals at 80x24: {keys} keys");
}

#[test]
fn assess_from_a_saved_file_starts_on_its_answers() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = Catalog::builtin().unwrap();
    let questions = catalog.questions.len();
    let mut statements = String::new();
    for (i, question) in catalog.questions.iter().enumerate() {
        statements.push_str(&format!("  {}: {}\n", question.id, answer(i)));
    }
    let earlier = format!(
        "id: Ann Lee\npath: full\nfamilies: [support, engineering]\nstrengths:\n  \
         - {{tag: error budgets and SLOs, level: 4}}\n  - {{tag: pager and on-call operations, level: 2}}\n\
         goals: [escalation routing]\nstatements:\n{statements}"
    );
    std::fs::write(dir.path().join("before.yaml"), &earlier).unwrap();
    let mut person = Person::start(
        dir.path(),
        &[
            "assess",
            "--from",
            "before.yaml",
            "--color",
            "never",
            "--group",
            "Platform",
        ],
    );
    person
        .sees("Step 1 of 7 · Path")
        .sees("❯ Competency and work style")
        .then(ENTER, "Families · type to filter · 4 of 4 shown · 2 ticked")
        .then(ENTER, "Your strengths · type to filter")
        .sees("2 ticked")
        .then(ENTER, "Strengths · levels")
        .sees("pager and on-call operations  ●●○○○ 2 developing")
        .sees("error budgets and SLOs        ●●●●○ 4 advanced")
        .then(ENTER, "Growth goals · type to filter")
        .sees("1 ticked")
        .then(ENTER, &format!("statement 1 of {questions}"))
        .sees(&format!("❯ {}  ", answer(0)));
    for i in 1..questions {
        person
            .then(ENTER, &format!("statement {} of {questions}", i + 1))
            .sees(&format!("❯ {}  ", answer(i)));
    }
    person
        .then(ENTER, "Aiming for")
        .then(ENTER, "Name: Ann Lee")
        .then(ENTER, "Save them to a file?")
        .then("y", "File name: ann-lee.yaml")
        .then(ENTER, "Saved your answers")
        .sees("Save the report")
        .presses("n");
    let (code, shown, _) = person.exits();
    assert_eq!(code, 0, "{shown}");
    // Nothing changed: the same answers, saved the same way.
    let again = std::fs::read_to_string(dir.path().join("ann-lee.yaml")).unwrap();
    let answers = |text: &str| {
        let mut lines: Vec<String> = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.replace(".0", ""))
            .collect();
        lines.sort();
        lines
    };
    let scored_before = score(dir.path(), "before.yaml");
    let scored_again = score(dir.path(), "ann-lee.yaml");
    assert_eq!(ranked_rows(&scored_before), ranked_rows(&scored_again));
    assert!(
        answers(&again).contains(&"id: Ann Lee".to_string()),
        "{again}"
    );
    assert!(
        again.contains("level: 4") && again.contains("level: 2"),
        "{again}"
    );
    // Saved answers say when they were given, and the group asked for.
    let today = rolefit::answers::Date::today().to_string();
    assert!(
        answers(&again).contains(&format!("assessed: '{today}'"))
            || answers(&again).contains(&format!("assessed: {today}")),
        "{again}"
    );
    assert!(
        answers(&again).contains(&"group: Platform".to_string()),
        "{again}"
    );

    // A file `score` would refuse is refused before any question (a word
    // not understood, under `--unknown-tags error`).
    std::fs::write(
        dir.path().join("bad.yaml"),
        "path: full\nstrengths: [no such tag]\n",
    )
    .unwrap();
    rolefit_in(dir.path())
        .args(["assess", "--from", "bad.yaml", "--unknown-tags", "error"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--from bad.yaml"))
        .stderr(predicates::str::contains("no such tag"));
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
                "Step 1 of 3 · Work style · statement {i} of {questions}"
            ))
            .presses(ENTER);
    }
    person
        .then(ENTER, "Your name")
        .then(ENTER, "Your work-style profile")
        .sees("Notes on your answers")
        .sees("Save them to a file?")
        .then("n", "Save the report")
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
fn a_60_column_terminal_shows_whole_role_names() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = Catalog::builtin().unwrap();
    let questions = catalog.questions.len();
    let mut person = slo_to_goals(dir.path(), &catalog, (60, 24));
    person
        .then(ENTER, "Aiming for")
        .then(ENTER, "Your name")
        .then(ENTER, "Save them to a file?")
        .then("n", "Save the report")
        .presses("n");
    let (code, shown, _) = person.exits();
    assert_eq!(code, 0, "{shown}");
    let _ = questions;
    let rows = ranked_rows(&shown);
    assert_eq!(rows.len(), 10, "{shown}");
    // Each row holds its whole role name on one line, no word broken.
    let start = shown.find("# Role").unwrap();
    let end = shown[start..].find("Skills: your strengths").unwrap() + start;
    let table: Vec<&str> = shown[start..end].lines().skip(2).collect();
    assert_eq!(
        table.len(),
        10,
        "one line per role:\n{}",
        &shown[start..end]
    );
    for line in &table {
        assert!(
            catalog.roles.iter().any(|r| line.contains(&r.name)),
            "{line:?}"
        );
        assert!(console_width(line) <= 60, "{line:?}");
    }
}

/// Starts `rolefit ARGS` (a work-style interview) and answers every statement.
fn answers_every_statement(dir: &Path, args: &[&str]) -> Person {
    let mut person = Person::start(dir, args);
    let questions = Catalog::builtin().unwrap().questions.len();
    person.sees("statement 1 of");
    for i in 0..questions {
        person.presses(&answer(i).to_string());
    }
    // No particular role aimed for.
    person.sees("Aiming for").presses(ENTER);
    person
}

/// Display columns of a line of plain text.
fn console_width(line: &str) -> usize {
    line.chars().count()
}

#[test]
fn esc_at_the_file_name_goes_back_and_tilde_is_home() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("answers")).unwrap();
    let mut person = answers_every_statement(dir.path(), &["assess", "--path", "work-style"]);
    person
        .then(ENTER, "Save them to a file?")
        .then("y", "File name: rolefit-answers.yaml")
        .then(ESC, "Save them to a file?")
        .then("y", "File name: rolefit-answers.yaml");
    for _ in 0.."rolefit-answers.yaml".len() {
        person.presses(BACKSPACE);
    }
    // HOME is the test's folder: ~/answers/me.yaml lands there.
    person
        .then("~/answers/me.yaml", "File name: ~/answers/me.yaml")
        .then(ENTER, "Saved your answers")
        .sees("Save the report")
        .presses("n");
    let (code, shown, _) = person.exits();
    assert_eq!(code, 0, "{shown}");
    let saved = std::fs::read_to_string(dir.path().join("answers/me.yaml")).unwrap();
    assert!(
        saved.contains("id: me"),
        "no name: the file's stem\n{saved}"
    );
}

#[test]
fn report_saves_the_html_without_asking_and_replaces_only_with_a_yes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("report.html"), "keep me").unwrap();
    let mut person = answers_every_statement(
        dir.path(),
        &["assess", "--path", "work-style", "--report", "report.html"],
    );
    person
        .then(ENTER, "Save them to a file?")
        .then("n", "report.html exists. Replace it?")
        .then("y", "Saved the report to report.html");
    let (code, shown, _) = person.exits();
    assert_eq!(code, 0, "{shown}");
    assert!(!shown.contains("Save the report as a web page"), "{shown}");
    let report = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    // No name and no answers saved: the id is the report's stem.
    assert!(report.contains("Role fit report: report"), "{report}");
    assert!(report.contains("best match: <strong>"), "{report}");
}

#[test]
fn a_failed_save_names_the_path_and_the_cause_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut person = answers_every_statement(dir.path(), &["assess", "--path", "work-style"]);
    person
        .then(ENTER, "Save them to a file?")
        .then("y", "File name: rolefit-answers.yaml");
    for _ in 0.."rolefit-answers.yaml".len() {
        person.presses(BACKSPACE);
    }
    person
        .then("nope/me.yaml", "File name: nope/me.yaml")
        .then(
            ENTER,
            "Not saved: cannot save nope/me.yaml: the folder nope does not exist",
        )
        .then(CTRL_C, SHOW_CURSOR);
    let (code, shown, raw) = person.exits();
    assert_eq!(code, 130, "{shown}");
    assert!(!shown.contains(".rolefit-"), "{shown}");
    // Ctrl-C leaves the shell's prompt on a fresh line, the cursor shown.
    let raw = String::from_utf8_lossy(&raw);
    let last_shown = raw.rfind(SHOW_CURSOR).unwrap();
    assert!(raw[last_shown..].contains('\n'), "{:?}", &raw[last_shown..]);
}

#[test]
fn typing_a_filter_with_spaces_ticks_nothing_and_keeps_the_spaces() {
    let dir = tempfile::tempdir().unwrap();
    let mut person = Person::start_sized(
        dir.path(),
        &[
            "assess",
            "--path",
            "competency",
            "--save",
            "me.yaml",
            "--color",
            "never",
        ],
        (100, 30),
        "C.UTF-8",
    );
    person
        .sees("Families")
        .then(ENTER, "tab tick")
        .sees("Your strengths");
    for filter in ["customer support", "on call", "managing people"] {
        for (i, _) in filter.char_indices() {
            person.then(&filter[i..=i], &format!("filter: {}_", &filter[..=i]));
        }
        // Only the filter changed: nothing was ticked on the way.
        person
            .sees("0 ticked")
            .then(ESC, "type to filter ·")
            .sees("0 ticked");
    }
    // Tab ticks the row under the cursor, and only that.
    person
        .then("customer support", "filter: customer support_")
        .then(TAB, "1 ticked")
        .then(TAB, "0 ticked")
        .then(TAB, "1 ticked")
        .then(ENTER, "Strengths · levels")
        .then(ENTER, "Growth goals")
        .then(ENTER, "Is there a role you are aiming for?")
        .then(ENTER, "Your name")
        .then(ENTER, "Saved your answers")
        .sees("Save the report")
        .presses("n");
    let (code, shown, _) = person.exits();
    assert_eq!(code, 0, "{shown}");
    let saved = std::fs::read_to_string(dir.path().join("me.yaml")).unwrap();
    let strengths = saved.lines().filter(|l| l.contains("tag:")).count();
    assert_eq!(strengths, 1, "one strength, the one ticked: {saved}");
}

#[test]
fn a_best_match_resting_on_goals_alone_is_said_in_the_interview() {
    let dir = tempfile::tempdir().unwrap();
    let mut person = Person::start(
        dir.path(),
        &["assess", "--path", "competency", "--color", "never"],
    );
    person
        .sees("Families")
        .then(ENTER, "Your strengths")
        .then("knowledge-base", "filter: knowledge-base_")
        .then(TAB, "1 ticked")
        .then(ENTER, "Strengths · levels")
        .then("1", "1 learning")
        .then(ENTER, "Growth goals")
        .then("threat modeling", "filter: threat modeling_")
        .then(TAB, "1 ticked")
        .then(ENTER, "Is there a role you are aiming for?")
        .then(ENTER, "Your name")
        .then(ENTER, "Save them to a file?")
        .then("n", "Save the report")
        .presses("n");
    let (code, shown, _) = person.exits();
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains("Notes on your answers"), "{shown}");
    assert!(
        shown.contains("rests on goals, not on skills held"),
        "{shown}"
    );
}

#[test]
fn without_utf8_the_glyphs_are_ascii_and_no_family_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut person = Person::start_sized(
        dir.path(),
        &["assess", "--path", "competency", "--color", "never"],
        (80, 24),
        "C",
    );
    person
        .sees("Families | type to filter | 4 of 4 shown | 4 ticked")
        .sees("> [x] Support")
        .then(TAB, "3 ticked")
        .then(DOWN, "> [x] Engineering")
        .then(TAB, "2 ticked")
        .then(DOWN, "> [x] Architecture")
        .then(TAB, "1 ticked")
        .then(DOWN, "> [x] Leadership")
        .then(TAB, "0 ticked")
        .then(ENTER, "Tick at least one family")
        // The list comes back as it was before.
        .sees("4 ticked")
        .then(TAB, "3 ticked")
        .then(DOWN, "> [x] Engineering")
        .then(TAB, "2 ticked")
        .then(DOWN, "> [x] Architecture")
        .then(TAB, "1 ticked")
        .then(ENTER, "Families: Leadership")
        .sees("[ ] ")
        .presses(CTRL_C);
    let (code, shown, raw) = person.exits();
    assert_eq!(code, 130, "{shown}");
    let raw = String::from_utf8_lossy(&raw);
    for glyph in ["✔", "⬚", "❯", "…", "·", "↑"] {
        assert!(!raw.contains(glyph), "{glyph} shown under LANG=C");
    }
}

#[test]
fn descriptions_show_in_the_list_and_find_their_tag() {
    let dir = tempfile::tempdir().unwrap();
    let roles =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/roles.yaml")).unwrap();
    let described = roles.replacen(
        "description: \"Agreeing how reliable a service must be, measuring it, and slowing down changes when it falls short.\"",
        "description: \"How much unreliability a service may spend before changes stop\"",
        1,
    );
    assert_ne!(roles, described);
    std::fs::write(dir.path().join("described.yaml"), described).unwrap();
    let mut person = Person::start_sized(
        dir.path(),
        &[
            "--roles",
            "described.yaml",
            "assess",
            "--path",
            "competency",
        ],
        (80, 24),
        "C.UTF-8",
    );
    person
        .sees("Families")
        .then(ENTER, "Your strengths")
        .then("unrel", "filter: unrel_")
        .sees(&format!(
            "1 of {} shown",
            Catalog::builtin().unwrap().tags.len()
        ))
        // In the row, cut to the width; whole under the list.
        .sees("error budgets and SLOs")
        .sees("Support")
        .sees("How much unreliability")
        .sees("Roles: Site Reliability Engineer")
        .presses(CTRL_C);
    let (code, shown, _) = person.exits();
    assert_eq!(code, 130, "{shown}");
}

#[test]
fn ctrl_c_mid_interview_shows_the_cursor_writes_nothing_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let mut person = Person::start(dir.path(), &["assess", "--save", "me.yaml"]);
    person
        .sees("Step 1 of 7 · Path")
        .then(ENTER, "Step 2 of 7 · Families")
        .then(ENTER, "Your strengths")
        .then(TAB, "1 ticked")
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
    assert!(
        raw[shown_again..].contains('\n'),
        "a fresh line for the shell"
    );
    assert!(
        shown.contains("rolefit: note: interrupted: nothing was saved"),
        "{shown}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

/// Ctrl-C at the save question after a whole interview says what it
/// discards; nothing is written.
#[test]
fn ctrl_c_at_the_save_question_says_what_was_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let mut person = answers_every_statement(dir.path(), &["assess", "--path", "work-style"]);
    person.then(ENTER, "Save them to a file?").presses(CTRL_C);
    let (code, shown, _) = person.exits();
    assert_eq!(code, 130, "{shown}");
    assert!(
        shown.contains("interrupted: your answers to the whole interview and their result were discarded; nothing was saved"),
        "{shown}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn esc_at_the_first_question_leaves_with_130() {
    let dir = tempfile::tempdir().unwrap();
    let mut person = Person::start(dir.path(), &["assess"]);
    person
        .sees("Step 1 of 7 · Path")
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
        rolefit()
            .args(args)
            .write_stdin("")
            .assert()
            .code(2)
            .stderr(predicates::str::contains("rolefit score"));
    }
}

#[test]
fn unknown_path_or_family_is_a_usage_error_with_a_suggestion() {
    let run = |args: &[&str]| rolefit().args(args).write_stdin("").assert().code(2);
    run(&["assess", "--path", "work-styel"])
        .stderr(predicates::str::contains("did you mean \"work-style\""));
    run(&["assess", "--family", "suport"])
        .stderr(predicates::str::contains("did you mean \"support\""));
    run(&["assess", "--top", "0"]).stderr(predicates::str::contains("--top"));
    run(&["assess", "--save", "no/such/folder/me.yaml"])
        .stderr(predicates::str::contains("does not exist"));
    // The report's target is checked before any question too.
    run(&["assess", "--report", "no/such/folder/me.html"])
        .stderr(predicates::str::contains("does not exist"));
    run(&["assess", "--report", "."])
        .stderr(predicates::str::contains("--report needs a file name"));
    // --force only means something with a file to replace.
    run(&["assess", "--force"])
        .stderr(predicates::str::contains("--save").and(predicates::str::contains("--report")));
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

/// A competency interview on a terminal of `size`, one strength ticked
/// (SLOs) at its default level, on the goals screen.
fn slo_to_goals(dir: &Path, catalog: &Catalog, size: (u16, u16)) -> Person {
    let mut person = Person::start_sized(dir, &["assess", "--path", "competency"], size, "C.UTF-8");
    person.sees("Families").then(ENTER, "Your strengths");
    tick_by_filter(&mut person, catalog, "slo", 1, catalog.tags.len());
    person.then(ENTER, "Levels").then(ENTER, "Growth goals");
    person
}

/// Runs a competency interview on a terminal of `size` that names an aim
/// by typing in the target question; returns what was shown up to the save
/// question and the whole session.
fn aims_at_data_architect(size: (u16, u16)) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let catalog = Catalog::builtin().unwrap();
    let mut person = slo_to_goals(dir.path(), &catalog, size);
    person
        .then(ENTER, "Is there a role you are aiming for?")
        .sees("No particular role")
        // Searchable: the filter finds the role by words of its name.
        .then(
            "data arch",
            &format!("1 of {} shown", catalog.roles.len() + 1),
        )
        .then(ENTER, "Aiming for: Data Architect")
        .sees("Your name")
        .then(ENTER, "Save them to a file?");
    let before_save = plain(&person.seen);
    person.then("n", "Save the report").presses("n");
    let (code, shown, _) = person.exits();
    assert_eq!(code, 0, "{shown}");
    (before_save, shown)
}

#[test]
fn the_aim_is_asked_and_answered_above_the_save_question_at_80_by_24() {
    let (before_save, _) = aims_at_data_architect((80, 24));
    let aim = before_save
        .rfind("Your aim: Data Architect (the role you aim for)")
        .expect("the aim answered");
    assert!(before_save[aim..].contains("Now: rank"), "{before_save}");
    assert!(before_save[aim..].contains("add canonical data modeling"));
    // The summary keeps the runner-up at 80 columns.
    let summary = before_save.rfind("Your best match:").unwrap();
    assert!(aim < summary);
    assert!(
        before_save[summary..].contains("runner-up:"),
        "{before_save}"
    );
    // The hint lines never break inside a hint.
    for broken in ["esc\nback", "esc\nquit", "enter\nchoose", "space\ntick"] {
        assert!(!before_save.contains(broken), "{broken:?} in {before_save}");
    }
}

#[test]
fn at_60_by_20_the_aim_shows_and_the_column_header_is_repeated() {
    let (before_save, _) = aims_at_data_architect((60, 20));
    assert!(
        before_save.contains("Your aim: Data Architect"),
        "{before_save}"
    );
    let summary = before_save.rfind("Your best match:").unwrap();
    assert!(
        before_save[summary..].contains("runner-up:"),
        "{before_save}"
    );
    // The ranking's header scrolled off: it is repeated right above the
    // summary, so the last rows keep the names of their columns.
    let above: Vec<&str> = before_save[..summary].lines().rev().take(2).collect();
    assert!(
        above.iter().any(|l| l.trim_start().starts_with("# Role")),
        "{above:?}"
    );
    // No hint breaks inside itself; the list's cut description says so.
    for broken in ["esc\nback", "esc\nquit", "enter\nchoose", "space\ntick"] {
        assert!(!before_save.contains(broken), "{broken:?} in {before_save}");
    }
    assert!(before_save.contains('…'), "{before_save}");
}

/// The tags the list shows, top down, on the last screen drawn for
/// `filter` (rows are matched by the start of a tag's name: a long name is
/// cut to the row).
fn rows_shown(person: &Person, catalog: &Catalog, filter: &str) -> Vec<String> {
    let seen = plain(&person.seen);
    let status = format!("filter: {filter}_");
    let start = seen.rfind(&status).expect("the filter on screen") + status.len();
    let screen = &seen[start..];
    let end = screen.find("Roles:").unwrap_or(screen.len());
    let mut rows = Vec::new();
    for line in screen[..end].lines() {
        let found = catalog.tags.iter().find(|tag| {
            let head: String = tag.name.chars().take(18).collect();
            line.contains(&head)
        });
        if let Some(tag) = found {
            rows.push(tag.name.clone());
        }
    }
    rows
}

/// Types `filter` key by key into the list, and returns the tags shown
/// top down; Esc clears the filter again.
fn search(person: &mut Person, catalog: &Catalog, filter: &str) -> Vec<String> {
    for (i, _) in filter.char_indices() {
        person.then(&filter[i..=i], &format!("filter: {}_", &filter[..=i]));
    }
    person.sees("Roles:");
    let rows = rows_shown(person, catalog, filter);
    person.then(ESC, "type to filter ·");
    rows
}

#[test]
fn lists_show_the_fitting_skills_first_at_80_by_24() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = Catalog::builtin().unwrap();
    let mut person = Person::start_sized(dir.path(), &["assess"], (80, 24), "C.UTF-8");
    person
        .sees("Step 1 of 7 · Path")
        .then(ENTER, "Step 2 of 7 · Families")
        .then(ENTER, "Step 3 of 7 · Strengths");
    let sre = [
        "pager and on-call operations",
        "error budgets and SLOs",
        "blast-radius control",
    ];
    let firsts = |rows: &[String], n: usize| rows.iter().take(n).cloned().collect::<Vec<_>>();
    // `customer support`, typed whole (a space filters): the support
    // skills first.
    let rows = search(&mut person, &catalog, "customer support");
    let support = [
        "repro steps and log analysis",
        "escalation routing",
        "knowledge-base authoring",
        "queue management",
    ];
    println!("customer support: {rows:?}");
    assert!(rows.len() >= 4, "customer support: {rows:?}");
    for tag in firsts(&rows, 4) {
        assert!(
            support.contains(&tag.as_str()),
            "customer support: {rows:?}"
        );
    }
    let rows = search(&mut person, &catalog, "reliability");
    println!("reliability: {rows:?}");
    assert!(rows.len() >= 3, "reliability: {rows:?}");
    for tag in firsts(&rows, 2) {
        assert!(sre.contains(&tag.as_str()), "reliability: {rows:?}");
    }
    assert!(
        rows.contains(&"CI pipeline reliability".to_string()),
        "{rows:?}"
    );
    let rows = search(&mut person, &catalog, "sre");
    let mut first = firsts(&rows, 3);
    first.sort();
    let mut expected = sre.map(String::from).to_vec();
    expected.sort();
    assert_eq!(first, expected, "sre: {rows:?}");
    let rows = search(&mut person, &catalog, "kubernetes");
    let related = &catalog.hint("kubernetes").unwrap().tags;
    assert!(rows.len() >= 2, "kubernetes: {rows:?}");
    for tag in firsts(&rows, 2) {
        let index = catalog.tag_index(&tag).unwrap();
        assert!(related.contains(&index), "kubernetes: {rows:?}");
    }
    person.presses(CTRL_C);
    let (code, _, _) = person.exits();
    assert_eq!(code, 130);
}
