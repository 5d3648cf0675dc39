//! People's own words, understood: the reader measured on phrases and on
//! personas written in CV words. Run with `--nocapture` for the numbers,
//! the wrong readings beside the right ones, and what was not read.
//!
//! A phrase is RIGHT when every tag its reading credits is one the advisor
//! accepts, WRONG when any is not, NOT READ when nothing is credited. A
//! phrase no tag fits (`none: true`) must credit nothing.
//!
//! Every list here is DEVELOPMENT data now. `tests/vocabulary-heldout-3.yaml`
//! and `tests/personas-heldout.yaml` were held out for the reader's first
//! version (committed before it and measured once: 122 of 204 phrases right,
//! 19 wrong); since then they have been used to tune the reader's rules (a
//! broad word credits only the tags its phrase singles out, the `similar`
//! threshold), so their figures no longer estimate unseen words. The
//! floors below are what the reader reaches on each list.
//!
//! The held-out lists of round 5 are measured at the end of this file.

use crate::common::{Phrase, yaml_list};
use rolefit::catalog::Catalog;
use rolefit::reader::read;
use serde::Deserialize;

#[derive(Debug, Default)]
struct Tally {
    fitting: usize,
    right: usize,
    wrong: Vec<String>,
    /// Wrong readings that credit no accepted tag at all (the others
    /// credit an accepted tag beside one that is not).
    wrong_only: usize,
    not_read: Vec<String>,
    no_fit: usize,
    no_fit_credited: Vec<String>,
    right_shown: Vec<String>,
}

impl Tally {
    fn percent(part: usize, whole: usize) -> f64 {
        100.0 * part as f64 / whole.max(1) as f64
    }
    fn right_share(&self) -> f64 {
        Self::percent(self.right, self.fitting)
    }
    fn wrong_share(&self) -> f64 {
        Self::percent(self.wrong.len(), self.fitting)
    }
    fn print(&self, name: &str) {
        println!(
            "{name}: {} phrases with a fitting tag: right {} ({:.1}%), wrong {} ({:.1}%), not read {} ({:.1}%); {} no tag fits, credited {}",
            self.fitting,
            self.right,
            self.right_share(),
            self.wrong.len(),
            self.wrong_share(),
            self.not_read.len(),
            Self::percent(self.not_read.len(), self.fitting),
            self.no_fit,
            self.no_fit_credited.len(),
        );
        println!(
            "  wrong readings crediting no accepted tag at all: {} ({:.1}%); the other {} credit an accepted tag beside a wrong one",
            self.wrong_only,
            Self::percent(self.wrong_only, self.fitting),
            self.wrong.len() - self.wrong_only
        );
        println!("  WRONG: {:#?}", self.wrong);
        println!("  no tag fits, credited: {:#?}", self.no_fit_credited);
        println!("  not read: {:?}", self.not_read);
        println!("  right: {:?}", self.right_shown);
    }
}

fn evaluate(file: &str) -> Tally {
    let catalog = Catalog::builtin().unwrap();
    let mut tally = Tally::default();
    for entry in yaml_list::<Vec<Phrase>>(file) {
        let reading = read(&catalog, &entry.phrase);
        let shown = |r: &rolefit::reader::Reading| {
            let tags: Vec<&str> = r
                .tags
                .iter()
                .map(|&t| catalog.tags[t].name.as_str())
                .collect();
            format!("{} -> {} {:?}", entry.phrase, r.how.as_str(), tags)
        };
        if entry.none {
            tally.no_fit += 1;
            if let Some(r) = &reading {
                tally.no_fit_credited.push(shown(r));
            }
            continue;
        }
        tally.fitting += 1;
        let _ = entry.broad;
        match &reading {
            None => tally.not_read.push(entry.phrase.clone()),
            Some(r) => {
                let all_accepted = r
                    .tags
                    .iter()
                    .all(|&t| entry.accept.contains(&catalog.tags[t].name));
                if all_accepted {
                    tally.right += 1;
                    tally.right_shown.push(shown(r));
                } else {
                    let any_accepted =
                        (r.tags.iter()).any(|&t| entry.accept.contains(&catalog.tags[t].name));
                    tally.wrong_only += usize::from(!any_accepted);
                    tally.wrong.push(shown(r));
                }
            }
        }
    }
    tally
}

/// The development lists (seen while writing the vocabulary).
#[test]
fn development_phrases_are_read() {
    // (file, right floor %, wrong ceiling %): what the reader reaches.
    for (file, right, wrong) in [
        ("vocabulary.yaml", 99.5, 0.0),
        ("vocabulary-holdout.yaml", 98.5, 1.2),
        (
            "vocabulary-heldout-3.yaml",
            LIST_3_RIGHT_FLOOR,
            LIST_3_WRONG_CEILING,
        ),
    ] {
        let tally = evaluate(file);
        tally.print(file);
        assert!(
            tally.right_share() >= right,
            "{file}: {}",
            tally.right_share()
        );
        assert!(
            tally.wrong_share() <= wrong,
            "{file}: {}",
            tally.wrong_share()
        );
    }
}

/// docs/scoring.md's partial-credit example, against the binary.
#[test]
fn the_partial_credit_example_scores_as_documented() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kim.yaml");
    std::fs::write(
        &file,
        "path: competency\nstrengths: [{tag: Kubernetes, level: 4}, {tag: Terraform, level: 3}]\n",
    )
    .unwrap();
    let output = assert_cmd::Command::cargo_bin("rolefit")
        .unwrap()
        .env_remove("ROLEFIT_ROLES")
        .args(["score", "--format", "jsonl", "--explain"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success());
    let record: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let devops = record["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["role_id"] == "devops-engineer")
        .unwrap();
    assert_eq!(devops["competency"], 0.3333, "{devops}");
    assert_eq!(devops["score"], 0.2667, "{devops}");
    let points = &devops["explain"]["competency"];
    assert_eq!(points[1]["word"], "Kubernetes", "{points}");
    assert_eq!(points[1]["how"], "related");
    assert_eq!(points[1]["points"], 0.1067);
    assert_eq!(points[2]["word"], "Terraform");
    assert_eq!(points[2]["how"], "exact");
    assert_eq!(points[2]["points"], 0.16);
    assert_eq!(record["rule"], 3);
}

fn score_jsonl(name: &str, text: &str) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    let output = assert_cmd::Command::cargo_bin("rolefit")
        .unwrap()
        .env_remove("ROLEFIT_ROLES")
        .current_dir(dir.path())
        .args(["score", name, "--format", "jsonl"])
        .output()
        .unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (
        output.status.code(),
        text(output.stdout),
        text(output.stderr),
    )
}

/// Forms the tool itself shows are read: level names, axis names as
/// tables print them, a list as one text, and `- TAG: LEVEL`.
#[test]
fn forms_the_tool_shows_are_accepted() {
    let (code, stdout, stderr) = score_jsonl(
        "forms.yaml",
        "strengths: python, sql, on-call\ngoals: threat modeling; SLOs\n\
         work_style: {Stakeholders: 4, pace: 3}\nfamilies: support, engineering\n",
    );
    assert_eq!(code, Some(0), "{stderr}");
    let record: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let said: Vec<&str> = (record["understood"].as_array().unwrap().iter())
        .map(|u| u["said"].as_str().unwrap())
        .collect();
    assert_eq!(
        said,
        ["python", "sql", "on-call", "threat modeling", "SLOs"]
    );
    assert_eq!(record["work_style"]["stakeholder"], 4.0);

    let (code, stdout, stderr) = score_jsonl(
        "levels.yaml",
        "strengths:\n  - SQL: 4\n  - {tag: SLO, level: expert}\n  - {tag: pager, level: 4 - advanced}\n",
    );
    assert_eq!(code, Some(0), "{stderr}");
    let record: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let sre = &record["ranking"][0];
    assert_eq!(sre["role_id"], "site-reliability-engineer", "{record}");
    assert_eq!(
        sre["matched"],
        serde_json::json!([
            {"tag": "pager and on-call operations", "level": 4},
            {"tag": "error budgets and SLOs", "level": 5}
        ])
    );
    assert_eq!(
        record["understood"][0]["how"], "related",
        "SQL is a broad word"
    );

    // Mistakes in these forms are told in user words, with the forms.
    let (code, _, stderr) = score_jsonl("bad.yaml", "strengths:\n  - SQL: 4\n    pager: 3\n");
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("a strength is a tag name (`- SQL`), a tag with its level (`- SQL: 4`), or `- {tag: SQL, level: 4}` at strengths[0] (bad.yaml:2)"),
        "{stderr}"
    );
    assert!(!stderr.contains("unknown field"), "{stderr}");
    let (code, _, stderr) = score_jsonl("high.yaml", "strengths:\n  - {tag: SLO, level: high}\n");
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains(
            "or its name (learning, developing, practitioner, advanced, expert); got \"high\""
        ),
        "{stderr}"
    );
}

/// tests/vocabulary-heldout-3.yaml (development now, see the top): its
/// phrases no tag fits credit nothing.
#[test]
fn development_phrases_no_tag_fits_credit_nothing() {
    let tally = evaluate("vocabulary-heldout-3.yaml");
    assert_eq!(tally.no_fit, 24);
    assert!(
        tally.no_fit_credited.is_empty(),
        "{:?}",
        tally.no_fit_credited
    );
}

// First run (held out, 2026-12-08): 122 of 204 right (59.8%), 19 wrong
// (9.3%), 63 not read. Now (development): 152 right (74.5%), 1 wrong
// (0.5%: Oracle RMAN), 51 not read; 0 of 24 no-fit phrases credited.
// Personas: 24 of 24 as written and on words alone, 178 of 205 words
// count (86.8%). After the prec2 rules (words that point elsewhere credit
// nothing): 154 right (75.5%), 1 wrong (0.5%), 49 not read; personas 24
// and 24, 177 of 205 words count (86.3%).
const LIST_3_RIGHT_FLOOR: f64 = 75.0;
const LIST_3_WRONG_CEILING: f64 = 0.5;
const PERSONAS_AS_WRITTEN_FLOOR: usize = 24;
const PERSONAS_WORDS_ALONE_FLOOR: usize = 24;
const PERSONAS_WORDS_COUNT_FLOOR: f64 = 86.0;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Persona {
    id: String,
    accept: Vec<String>,
    answers: serde_json::Value,
}

/// Every persona's best match (None: no best match), scored in one run.
fn best_matches(personas: &[serde_json::Value]) -> (Vec<Option<String>>, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = personas.iter().map(|p| p.to_string()).collect();
    std::fs::write(dir.path().join("personas.jsonl"), lines.join("\n") + "\n").unwrap();
    let output = assert_cmd::Command::cargo_bin("rolefit")
        .unwrap()
        .env_remove("ROLEFIT_ROLES")
        .current_dir(dir.path())
        .args(["score", "personas.jsonl", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let best = (report["respondents"].as_array().unwrap().iter())
        .map(|r| {
            let first = &r["ranking"][0];
            (first["score"].as_f64().unwrap_or(0.0) > 0.0)
                .then(|| first["role_id"].as_str().unwrap().to_string())
        })
        .collect();
    (best, report)
}

fn understood_rows(personas: &[Persona], id: &str) -> usize {
    personas.iter().position(|p| p.id == id).unwrap()
}

/// Personas in CV words (tests/personas-heldout.yaml, development now): is the best
/// match one an advisor accepts, as written and on words alone (work style
/// removed), and how many of their words count.
/// What a list of personas reaches: how many get an acceptable best match
/// as written and on words alone, and the share of their words that count.
struct PersonaFigures {
    as_written: usize,
    words_alone: usize,
    words_count: f64,
}

fn persona_figures(file: &str) -> PersonaFigures {
    let personas: Vec<Persona> = yaml_list(file);
    let as_written: Vec<serde_json::Value> = (personas.iter())
        .map(|p| {
            let mut answers = p.answers.clone();
            answers["id"] = serde_json::json!(p.id);
            answers
        })
        .collect();
    let words_alone: Vec<serde_json::Value> = (as_written.iter())
        .map(|a| {
            let mut a = a.clone();
            a.as_object_mut().unwrap().remove("work_style");
            a
        })
        .collect();
    let (written, report) = best_matches(&as_written);
    let (alone, _) = best_matches(&words_alone);
    let acceptable = |best: &[Option<String>]| -> Vec<bool> {
        (personas.iter().zip(best))
            .map(|(p, b)| b.as_ref().is_some_and(|b| p.accept.contains(b)))
            .collect()
    };
    let (ok_written, ok_alone) = (acceptable(&written), acceptable(&alone));
    let (mut understood, mut given) = (0, 0);
    for (p, r) in personas
        .iter()
        .zip(report["respondents"].as_array().unwrap())
    {
        let read = r["understood"].as_array().unwrap().len();
        let missed = r["not_understood"].as_array().unwrap().len();
        understood += read;
        given += read + missed;
        let i = understood_rows(&personas, &p.id);
        println!(
            "{:<28} written {:<28} {:<5} alone {:<28} {:<5} words {read}/{} not understood: {}",
            p.id,
            written[i].as_deref().unwrap_or("(no best match)"),
            ok_written[i],
            alone[i].as_deref().unwrap_or("(no best match)"),
            ok_alone[i],
            read + missed,
            r["not_understood"]
        );
    }
    let count = |ok: &[bool]| ok.iter().filter(|o| **o).count();
    let share = 100.0 * understood as f64 / given.max(1) as f64;
    println!(
        "personas: {} of {} acceptable as written, {} of {} on words alone; {understood} of {given} words count ({share:.1}%)",
        count(&ok_written),
        personas.len(),
        count(&ok_alone),
        personas.len()
    );
    for (i, p) in personas.iter().enumerate() {
        if !ok_written[i] || !ok_alone[i] {
            println!(
                "  {}: as written {:?}, words alone {:?}; accepts {:?}",
                p.id, written[i], alone[i], p.accept
            );
        }
    }
    PersonaFigures {
        as_written: count(&ok_written),
        words_alone: count(&ok_alone),
        words_count: share,
    }
}

#[test]
fn development_personas_get_an_acceptable_best_match() {
    let figures = persona_figures("personas-heldout.yaml");
    assert!(figures.as_written >= PERSONAS_AS_WRITTEN_FLOOR);
    assert!(figures.words_alone >= PERSONAS_WORDS_ALONE_FLOOR);
    assert!(
        figures.words_count >= PERSONAS_WORDS_COUNT_FLOOR,
        "{}",
        figures.words_count
    );
}

// ---------------------------------------------------------------- round 4
//
// Round 4's lists, tests/vocabulary-heldout-4.yaml (256 phrases, 39 no tag
// fits) and tests/personas-heldout-2.yaml (26 personas), were held out for
// one measurement (committed before the round's reader changes, written by
// someone who ran nothing on them): 139 of 217 right (64.1%), 15 wrong
// (6.9%), 63 not read, no-fit credited 1 of 39; personas 26 and 26, 71.1%
// of words count. They were then development data for a second precision
// pass: 140 right (64.5%), 4 wrong (1.8%), 73 not read; personas 26 and 26,
// 68.6% of words count. The floors are these figures.

#[test]
fn round_4_phrases_are_read_right_and_almost_never_wrong() {
    let tally = evaluate("vocabulary-heldout-4.yaml");
    tally.print("vocabulary-heldout-4.yaml");
    assert_eq!(tally.no_fit, 39);
    assert!(tally.right_share() >= 64.0, "{}", tally.right_share());
    assert!(tally.wrong_share() <= 2.0, "{}", tally.wrong_share());
    assert!(
        tally.no_fit_credited.len() <= 1,
        "{:?}",
        tally.no_fit_credited
    );
}

#[test]
fn round_4_personas_get_an_acceptable_best_match() {
    let figures = persona_figures("personas-heldout-2.yaml");
    assert!(figures.as_written >= 26);
    assert!(figures.words_alone >= 26);
    assert!(figures.words_count >= 68.5, "{}", figures.words_count);
}

// --------------------------------------------------------------- held out
//
// Round 5's lists, tests/vocabulary-heldout-5.yaml (239 phrases, 32 no tag
// fits) and tests/personas-heldout-3.yaml (24 personas), were written and
// committed before the second precision pass, by someone who ran nothing
// on them, and nothing was tuned on them. The rule for taking that pass was
// written down before they were read (its figures on development lists).
// Measured on the reader before the pass: 131 of 207 right (63.3%), 15
// wrong (7.2%), 61 not read; no-fit credited 4 of 32; personas 24 of 24 as
// written and on words alone, 56.2% of words count. After (first and only
// run, 2026-12-08): 128 right (61.8%), 15 wrong (7.2%), 64 not read;
// no-fit credited 4 of 32; personas 24 of 24 as written, 23 of 24 on
// words alone, 52.6% of words count. The pass that took round 4's wrong
// readings from 15 to 4 did not carry to these words. The targets
// (70% right, 2% wrong, 60% of persona words) are not met. The floors are
// this run's figures.

#[test]
fn held_out_phrases_are_read_right_and_almost_never_wrong() {
    let tally = evaluate("vocabulary-heldout-5.yaml");
    tally.print("vocabulary-heldout-5.yaml");
    assert_eq!(tally.no_fit, 32);
    assert!(
        tally.right_share() >= HELD_OUT_RIGHT_FLOOR,
        "{}",
        tally.right_share()
    );
    assert!(
        tally.wrong_share() <= HELD_OUT_WRONG_CEILING,
        "{}",
        tally.wrong_share()
    );
    assert!(
        tally.no_fit_credited.len() <= HELD_OUT_NO_FIT_CREDITED,
        "{:?}",
        tally.no_fit_credited
    );
}

#[test]
fn held_out_personas_get_an_acceptable_best_match() {
    let figures = persona_figures("personas-heldout-3.yaml");
    assert!(figures.as_written >= HELD_OUT_PERSONAS_AS_WRITTEN_FLOOR);
    assert!(figures.words_alone >= HELD_OUT_PERSONAS_WORDS_ALONE_FLOOR);
    assert!(
        figures.words_count >= HELD_OUT_PERSONAS_WORDS_COUNT_FLOOR,
        "{}",
        figures.words_count
    );
}

const HELD_OUT_RIGHT_FLOOR: f64 = 61.5;
const HELD_OUT_WRONG_CEILING: f64 = 7.3;
const HELD_OUT_NO_FIT_CREDITED: usize = 4;
const HELD_OUT_PERSONAS_AS_WRITTEN_FLOOR: usize = 24;
const HELD_OUT_PERSONAS_WORDS_ALONE_FLOOR: usize = 23;
const HELD_OUT_PERSONAS_WORDS_COUNT_FLOOR: f64 = 52.5;
