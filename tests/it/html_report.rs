//! The HTML report through the real binary: its structure (policy, no
//! script, nothing external, escaping), the large-cohort view, and the
//! pages rendered in headless Chromium (names shown, no console error,
//! a screenshot that is not blank, a PDF printed).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use predicates::prelude::*;

use crate::common::{role_count, rolefit};
const POLICY: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">";
const DISCLAIMER: &str = "Results are for self-directed exploration, not hiring decisions.";

/// Runs `rolefit score ARGS -o DIR/NAME` and returns the file's text.
fn report(dir: &Path, name: &str, args: &[&str]) -> (PathBuf, String) {
    let out = dir.join(name);
    rolefit()
        .arg("score")
        .args(args)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let text = fs::read_to_string(&out).unwrap();
    (out, text)
}

/// The markup of every tag in `html`, without its angle brackets. Escaped
/// text holds no `<`, so what follows one is always a tag.
fn tags(html: &str) -> impl Iterator<Item = &str> {
    html.split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or(""))
}

/// Whether a tag has an event-handler attribute (` onerror=`).
fn has_handler(tag: &str) -> bool {
    tag.match_indices(char::is_whitespace).any(|(at, _)| {
        let rest = &tag[at + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        name.len() > 2 && name.starts_with("on") && rest[name.len()..].starts_with('=')
    })
}

/// What every report must be: one document with the policy first in its
/// head, no script, no tag that names a resource to load or runs code.
fn assert_self_contained(html: &str) {
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"));
    assert!(html.contains(POLICY), "no policy");
    assert!(html.trim_end().ends_with("</html>"));
    for tag in tags(html) {
        let lower = tag.to_ascii_lowercase();
        let name = lower.split_whitespace().next().unwrap_or("");
        assert!(
            ![
                "script",
                "link",
                "img",
                "image",
                "iframe",
                "object",
                "embed",
                "use",
                "base",
                "a",
                "foreignobject"
            ]
            .contains(&name),
            "<{tag}> in the report"
        );
        for attribute in [
            "src=",
            "href=",
            "srcset=",
            "xlink:",
            "url(",
            "javascript:",
            "//",
        ] {
            assert!(!lower.contains(attribute), "{attribute:?} in <{tag}>");
        }
        assert!(!has_handler(&lower), "event handler in <{tag}>");
    }
    let style = html
        .split("<style>")
        .nth(1)
        .unwrap()
        .split("</style>")
        .next()
        .unwrap();
    for forbidden in ["url(", "@import", "@font-face", "http", "//"] {
        assert!(
            !style.contains(forbidden),
            "{forbidden:?} in the style sheet"
        );
    }
    assert!(html.contains(DISCLAIMER));
    // Every chart is an image with a label, and sits beside a table.
    let charts = html.matches("<svg").count();
    assert!(charts > 0);
    assert_eq!(html.matches("role=\"img\" aria-label=\"").count(), charts);
    let figures = html.matches("<figure").count();
    assert_eq!(figures, charts);
    for figure in html.split("<figure").skip(1) {
        let figure = figure.split("</figure>").next().unwrap();
        assert!(figure.contains("<table>"), "a figure without a table");
    }
}

#[test]
fn the_static_checks_see_handlers_and_loads() {
    assert!(has_handler("img src=x onerror=alert(2)"));
    assert!(!has_handler("svg aria-label=\"answer on each axis\""));
    assert!(tags("a<b c>d<e>").eq(["b c", "e"]));
}

#[test]
fn one_person_gets_the_whole_report() {
    let dir = tempfile::tempdir().unwrap();
    let (_, html) = report(dir.path(), "jane.html", &["examples/jane-sre.yaml"]);
    assert_self_contained(&html);
    for part in [
        "<title>Role fit report: jane-doe</title>",
        "<h2>Ranking</h2>",
        "<h2>Best match: Site Reliability Engineer</h2>",
        "<h3>Competency focus</h3>",
        "pager and on-call operations — matched, level 5 of 5",
        "<h3>Growth plan</h3>",
        "<h3>Work style: you and the role</h3>",
        "class=\"chart radar\"",
        "<h3>Team behaviours</h3>",
        "<dt>Shared results</dt>",
    ] {
        assert!(html.contains(part), "{part:?} missing");
    }
    // The ranking once: one table, each score with its bar (one per role
    // ranked, all of them by default), no chart repeating it.
    let ranking = section(&html, "ranking");
    assert_eq!(ranking.matches("<table").count(), 1, "{ranking}");
    assert!(!ranking.contains("<svg"), "{ranking}");
    assert_eq!(ranking.matches("class=\"meter\"").count(), role_count());
    // A legend for every column of the table.
    for column in [
        "#",
        "Score",
        "Competency",
        "Growth",
        "Work style",
        "Skills you have",
    ] {
        assert!(
            ranking.contains(&format!("<dt>{column}</dt>")),
            "{column} has no legend"
        );
        assert!(
            ranking.contains(&format!(">{column}</th>")),
            "{column} not a column"
        );
    }
    // The person's own answers, each strength with its level, each goal.
    let answers = section(&html, "answers");
    assert!(answers.contains("pager and on-call operations — level 5 of 5 (expert)"));
    assert!(
        answers.contains("<li>threat modeling depth</li>"),
        "{answers}"
    );
    // The aim the goals point at has its own section.
    let aims = section(&html, "aims");
    assert!(aims.contains("Security Architect (where your growth goals point)"));
}

/// The text of `<section id="ID">`.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<section id=\"{id}\">"))
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = html[start..].find("</section>").unwrap() + start;
    &html[start..end]
}

#[test]
fn the_work_style_path_starts_with_the_own_profile() {
    let dir = tempfile::tempdir().unwrap();
    let (_, html) = report(dir.path(), "alex.html", &["examples/alex-workstyle.yaml"]);
    assert_self_contained(&html);
    let own = html.find("<h2>Your work-style profile</h2>").unwrap();
    assert!(own < html.find("<h2>Ranking</h2>").unwrap());
    // Two roles tie at the top: one group, side by side, not a best match.
    let group = section(&html, "best-match");
    assert!(
        group.contains("<h2>Two roles equally close</h2>"),
        "{group}"
    );
    assert!(group.contains("usually reached after years of technical work"));
    // The score is the work style here: no second column says it again.
    let ranking = section(&html, "ranking");
    assert!(!ranking.contains(">Work style</th>"), "{ranking}");
    assert!(ranking.contains("<dt>Score</dt>"), "{ranking}");
    assert!(!ranking.contains("<dt>Competency</dt>"), "{ranking}");
}

#[test]
fn a_format_flag_in_capitals_and_htm_work_too() {
    let dir = tempfile::tempdir().unwrap();
    let (_, html) = report(
        dir.path(),
        "jane.htm",
        &["examples/jane-sre.yaml", "--format", "HTML"],
    );
    assert_self_contained(&html);
    rolefit()
        .args(["score", "examples/jane-sre.yaml", "-f", "html", "-o"])
        .arg(dir.path().join("jane.md"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use --format markdown"));
}

#[test]
fn a_cohort_marks_a_best_match_tied_with_the_runner_up() {
    let dir = tempfile::tempdir().unwrap();
    // Alex's work style fits Solutions Architect and VP of Engineering alike.
    let (_, html) = report(dir.path(), "cohort.html", &["examples/"]);
    let alex = html.find(">alex-morgan<").expect("alex-morgan is listed");
    let row = &html[alex..alex + html[alex..].find("</tr>").unwrap()];
    assert_eq!(row.matches("=90%").count(), 2, "{row}");
    assert!(html.contains("the best match and the runner-up are tied"));
    // Nobody else ties: their scores carry no mark.
    let jane = html.find(">jane-doe<").unwrap();
    let row = &html[jane..jane + html[jane..].find("</tr>").unwrap()];
    assert!(!row.contains(">="), "{row}");
}

/// Ids that would run script or break out of an attribute if not escaped.
const HOSTILE: [&str; 3] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(2)>",
    "x' onmouseover='alert(3)",
];

fn hostile_cohort(dir: &Path) -> PathBuf {
    let answers = dir.join("answers");
    fs::create_dir(&answers).unwrap();
    for (i, id) in HOSTILE.iter().enumerate() {
        let json = serde_json::json!({
            "id": id,
            "strengths": [{"tag": "SLO", "level": 4}, "pager"],
            "goals": ["threat modeling depth"],
            "work_style": {"pace": 5, "scope": i + 1},
        });
        fs::write(answers.join(format!("p{i}.json")), json.to_string()).unwrap();
    }
    answers
}

#[test]
fn a_cohort_with_hostile_ids_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let answers = hostile_cohort(dir.path());
    let (_, html) = report(dir.path(), "cohort.html", &[answers.to_str().unwrap()]);
    assert_self_contained(&html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    for part in [
        "<h1>Cohort report</h1>",
        "3 respondents scored",
        "<h2>Best matches</h2>",
        "<h2>Most common gaps in the best match</h2>",
        "<h2>Scores: people × roles</h2>",
        "class=\"chart heatmap\"",
    ] {
        assert!(html.contains(part), "{part:?} missing");
    }
}

/// A JSON Lines cohort of `count` generated answer sets.
fn big_cohort(dir: &Path, count: usize) -> PathBuf {
    const TAGS: [&str; 8] = [
        "SLO",
        "pager",
        "threat modeling depth",
        "API contract design",
        "canonical data modeling",
        "index strategy",
        "CI pipeline reliability",
        "alert triage",
    ];
    let mut text = String::new();
    for i in 0..count {
        let json = serde_json::json!({
            "id": format!("person-{i:05}"),
            "strengths": [
                {"tag": TAGS[i % 8], "level": 1 + i % 5},
                {"tag": TAGS[(i / 8 + 3) % 8], "level": 1 + i / 5 % 5},
            ],
            "work_style": {"pace": 1 + i % 5, "planning": 1 + i / 3 % 5},
        });
        text.push_str(&json.to_string());
        text.push('\n');
    }
    let path = dir.join("big.jsonl");
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn ten_thousand_people_get_distributions_not_rows() {
    let dir = tempfile::tempdir().unwrap();
    let cohort = big_cohort(dir.path(), 10_000);
    let (_, html) = report(dir.path(), "big.html", &[cohort.to_str().unwrap()]);
    assert_self_contained(&html);
    assert!(html.contains("10,000 respondents scored"));
    assert!(html.contains("<h2>How scores spread over roles</h2>"));
    assert!(!html.contains("<h2>Scores: people × roles</h2>"));
    // Nobody is listed by id; the page stays small however many people.
    assert!(!html.contains("person-00001"));
    assert!(!html.contains("person-09999"));
    assert!(html.len() < 300 * 1024, "{} bytes", html.len());
}

// ---------------------------------------------------------------- Chromium

/// Chromium from `ROLEFIT_CHROMIUM`, else `chromium` on the PATH; `None`
/// (with a notice) when neither is there, so `cargo test` passes on a
/// machine without a browser. CI installs it and sets
/// `ROLEFIT_REQUIRE_TOOLS=1`, which turns a missing browser into a failure.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("ROLEFIT_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("chromium"))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        crate::common::missing_tool(
            "chromium",
            "install Debian's `chromium` package or set ROLEFIT_CHROMIUM to its path",
        );
    }
    found
}

struct Browser {
    chromium: PathBuf,
    profile: tempfile::TempDir,
}

impl Browser {
    /// `None` when Chromium is missing and the test is skipped.
    fn new() -> Option<Self> {
        Some(Browser {
            chromium: chromium()?,
            profile: tempfile::tempdir().unwrap(),
        })
    }

    /// Runs headless Chromium on `page` with `extra` flags, console
    /// messages logged to stderr; returns (stdout, stderr).
    fn run(&self, page: &Path, extra: &[String]) -> (String, String) {
        let output = Process::new(&self.chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--enable-logging=stderr",
                "--v=0",
            ])
            .arg(format!("--user-data-dir={}", self.profile.path().display()))
            .args(extra)
            .arg(format!("file://{}", page.display()))
            .output()
            .expect("Chromium runs");
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(output.status.success(), "Chromium failed: {stderr}");
        (String::from_utf8_lossy(&output.stdout).into_owned(), stderr)
    }
}

/// Lines of Chromium's log that say the page misbehaved: anything it wrote
/// to the console (a clean report writes nothing), a blocked load, an
/// uncaught error.
fn page_complaints(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|line| {
            line.contains(":CONSOLE")
                || line.contains("Content Security Policy")
                || line.contains("Refused to")
                || line.contains("Uncaught")
                || line.contains("net::ERR_")
        })
        .collect()
}

/// Decodes a PNG and checks it is not blank: enough pixels far from the
/// background and a real spread of brightness.
fn assert_not_blank(png_path: &Path) {
    let decoder = png::Decoder::new(std::io::BufReader::new(fs::File::open(png_path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels = &buf[..info.buffer_size()];
    let luma: Vec<f64> = pixels
        .chunks(channels)
        .map(|p| {
            if channels >= 3 {
                0.299 * f64::from(p[0]) + 0.587 * f64::from(p[1]) + 0.114 * f64::from(p[2])
            } else {
                f64::from(p[0])
            }
        })
        .collect();
    let mean = luma.iter().sum::<f64>() / luma.len() as f64;
    let variance = luma.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / luma.len() as f64;
    let inked = luma.iter().filter(|&&l| l < 160.0).count() as f64 / luma.len() as f64;
    assert!(
        variance > 100.0 && inked > 0.01,
        "{} looks blank: variance {variance:.1}, {:.2}% dark pixels",
        png_path.display(),
        inked * 100.0
    );
}

/// Renders `page`: the DOM holds `names`, nothing complains, the screenshot
/// is not blank and printing gives a PDF.
fn assert_renders(browser: &Browser, page: &Path, names: &[&str]) {
    let (dom, stderr) = browser.run(page, &["--dump-dom".to_string()]);
    for name in names {
        assert!(dom.contains(name), "{name:?} not in the rendered page");
    }
    assert!(!dom.contains("<script"), "script in the rendered page");
    let complaints = page_complaints(&stderr);
    assert!(complaints.is_empty(), "{}: {complaints:#?}", page.display());

    let shot = page.with_extension("png");
    let (_, stderr) = browser.run(
        page,
        &[
            "--window-size=1280,1600".to_string(),
            "--hide-scrollbars".to_string(),
            format!("--screenshot={}", shot.display()),
        ],
    );
    assert!(page_complaints(&stderr).is_empty(), "{stderr}");
    assert_not_blank(&shot);

    let pdf = page.with_extension("pdf");
    browser.run(
        page,
        &[
            "--no-pdf-header-footer".to_string(),
            format!("--print-to-pdf={}", pdf.display()),
        ],
    );
    let bytes = fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "no PDF printed");
}

#[test]
fn the_reports_render_in_headless_chromium() {
    let Some(browser) = Browser::new() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (one, _) = report(dir.path(), "jane.html", &["examples/jane-sre.yaml"]);
    assert_renders(
        &browser,
        &one,
        &[
            "jane-doe",
            "Best match: Site Reliability Engineer",
            "DevOps Engineer",
        ],
    );

    let answers = hostile_cohort(dir.path());
    let (small, _) = report(dir.path(), "cohort.html", &[answers.to_str().unwrap()]);
    // The DOM shows the ids as text (serialised escaped again).
    assert_renders(
        &browser,
        &small,
        &[
            "Cohort report",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "Site Reliability Engineer",
        ],
    );

    let cohort = big_cohort(dir.path(), 10_000);
    let (big, _) = report(dir.path(), "big.html", &[cohort.to_str().unwrap()]);
    assert_renders(
        &browser,
        &big,
        &[
            "10,000 respondents scored",
            "How scores spread over roles",
            "Cloud Architect",
        ],
    );
}

/// The checks above must be able to fail: a page that loads an image and
/// runs a script is caught.
#[test]
fn the_chromium_checks_catch_a_page_that_loads_or_runs_something() {
    let Some(browser) = Browser::new() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("bad.html");
    fs::write(
        &page,
        format!(
            "<!DOCTYPE html><html><head>{POLICY}</head><body><p>x</p>\
             <img src=\"https://example.com/x.png\"><script>console.log(1)</script></body></html>"
        ),
    )
    .unwrap();
    let (_, stderr) = browser.run(&page, &["--dump-dom".to_string()]);
    assert!(!page_complaints(&stderr).is_empty(), "{stderr}");
    let blank = dir.path().join("blank.html");
    fs::write(&blank, "<!DOCTYPE html><html><body></body></html>").unwrap();
    let shot = dir.path().join("blank.png");
    browser.run(
        &blank,
        &[
            "--window-size=800,600".to_string(),
            format!("--screenshot={}", shot.display()),
        ],
    );
    let caught = std::panic::catch_unwind(|| assert_not_blank(&shot));
    assert!(caught.is_err(), "a blank page passed as not blank");
}

/// `rolefit diff OLD NEW -o DIR/NAME`: the file's path and text.
fn diff_report(dir: &Path, name: &str, args: &[&str]) -> (PathBuf, String) {
    let out = dir.join(name);
    let output = rolefit()
        .arg("diff")
        .args(args)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.stdout.is_empty());
    assert!(out.exists(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = fs::read_to_string(&out).unwrap();
    (out, text)
}

#[test]
fn the_diff_reports_are_self_contained_and_render_in_headless_chromium() {
    let Some(browser) = Browser::new() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let before = hostile_cohort(dir.path());
    let after = dir.path().join("after");
    fs::create_dir(&after).unwrap();
    for (i, id) in HOSTILE.iter().enumerate() {
        let json = serde_json::json!({
            "id": id,
            "assessed": "2026-06-30",
            "strengths": [{"tag": "SLO", "level": 5}, "alert triage", "detection tuning"],
            "work_style": {"pace": 2, "scope": i + 1},
        });
        fs::write(after.join(format!("p{i}.json")), json.to_string()).unwrap();
    }
    let (one, html) = diff_report(
        dir.path(),
        "one.html",
        &[
            before.join("p0.json").to_str().unwrap(),
            after.join("p0.json").to_str().unwrap(),
        ],
    );
    assert_self_contained(&html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_renders(
        &browser,
        &one,
        &[
            "Every role then and now",
            "Site Reliability Engineer",
            "added",
        ],
    );

    let (cohort, html) = diff_report(
        dir.path(),
        "cohort.html",
        &[before.to_str().unwrap(), after.to_str().unwrap()],
    );
    assert_self_contained(&html);
    assert!(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assert_renders(
        &browser,
        &cohort,
        &[
            "Changes in the cohort",
            "Best-match moves",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
        ],
    );
    let (anonymous, html) = diff_report(
        dir.path(),
        "anonymous.html",
        &[
            before.to_str().unwrap(),
            after.to_str().unwrap(),
            "--anonymous",
        ],
    );
    assert_self_contained(&html);
    assert!(
        !html.contains("alert(1)") && !html.contains("onerror"),
        "{html}"
    );
    assert_renders(
        &browser,
        &anonymous,
        &[
            "Changes in the cohort",
            "People who rose or fell on each skill",
        ],
    );
}

#[test]
fn a_cohort_by_group_anonymous_is_self_contained_and_renders() {
    let Some(browser) = Browser::new() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("teams");
    fs::create_dir(&answers).unwrap();
    for i in 0..8 {
        let (group, id) = if i < 6 {
            ("Ops", HOSTILE[i % 3])
        } else {
            ("Redteam", HOSTILE[0])
        };
        let json = serde_json::json!({"id": id, "group": group, "strengths": ["SLO", "pager"]});
        fs::write(answers.join(format!("p{i}.json")), json.to_string()).unwrap();
    }
    let (page, html) = report(
        dir.path(),
        "teams.html",
        &[answers.to_str().unwrap(), "--by", "group", "--anonymous"],
    );
    assert_self_contained(&html);
    assert!(
        !html.contains("alert(") && !html.contains("Redteam"),
        "{html}"
    );
    assert!(html.contains("Mean score by group"));
    assert_renders(
        &browser,
        &page,
        &["Ops: best matches (6 people)", "By group"],
    );
}
