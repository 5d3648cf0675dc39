//! Snapshots of what people read: the tables, the Markdown and the fit
//! profile. The binary's output is piped here, so it is plain text at 80
//! columns with no colour, like in a pipe or a CI log.

use crate::common;
use insta::assert_snapshot;

use rolefit::answers::{Format, Origin, parse, resolve};
use rolefit::catalog::Catalog;
use rolefit::report::Theme;
use rolefit::report::profile::{fit_profile, own_work_style};
use rolefit::score::{Scored, assess};

/// `rolefit score ARGS… --color never`, from the repository root.
fn score(args: &[&str]) -> String {
    let text = common::stdout_of(
        common::rolefit()
            .arg("score")
            .args(args)
            .args(["--color", "never"]),
    );
    // Markdown is for renderers, not terminals: its rows may be long.
    let markdown = args.windows(2).any(|w| w == ["--format", "markdown"]);
    assert_fits(&text, if markdown { usize::MAX } else { 80 });
    text
}

/// Every line within `width` columns, and nothing that drives a terminal.
fn assert_fits(text: &str, width: usize) {
    for line in text.lines() {
        assert!(
            line.chars().count() <= width,
            "{} columns: {line:?}",
            line.chars().count()
        );
    }
    assert!(!text.contains('\u{1b}'), "escape sequence in {text:?}");
}

fn scored(file: &str, format: Format, line: Option<usize>) -> Scored {
    let catalog = Catalog::builtin().unwrap();
    let full =
        std::fs::read_to_string(format!("{}/examples/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let text = match line {
        Some(n) => full.lines().nth(n - 1).unwrap().to_string(),
        None => full,
    };
    let origin = Origin {
        source: file,
        text: &text,
        first_line: line.unwrap_or(1),
        default_id: "example",
    };
    let respondent = resolve(parse(&origin, format).unwrap(), &catalog, &origin).unwrap();
    assess(&catalog, respondent, None)
}

#[test]
fn table_for_one_respondent() {
    assert_snapshot!("jane_table", score(&["examples/jane-sre.yaml"]));
}

#[test]
fn table_for_the_work_style_path() {
    let text = score(&["examples/alex-workstyle.yaml"]);
    // The person's own profile comes before the ranking; the two roles
    // tied at the top come after it as one group.
    let own = text.find("Your work-style profile").unwrap();
    let ranking = text.find("# Role").unwrap();
    let group = text.find("Two roles equally close").unwrap();
    assert!(own < ranking && ranking < group);
    assert_snapshot!("alex_workstyle_table", text);
}

#[test]
fn table_for_a_competency_path_with_a_family_filter() {
    assert_snapshot!(
        "sam_competency_table",
        score(&["examples/sam-frontend.yaml", "--top", "5"])
    );
}

#[test]
fn table_for_a_cohort() {
    assert_snapshot!("cohort_table", score(&["examples/"]));
}

#[test]
fn markdown_for_one_respondent() {
    assert_snapshot!(
        "jane_markdown",
        score(&["examples/jane-sre.yaml", "--format", "markdown"])
    );
}

#[test]
fn markdown_for_the_work_style_path() {
    let text = score(&["examples/alex-workstyle.yaml", "--format", "markdown"]);
    // The person's own profile comes before the ranking.
    let own = text.find("Your work-style profile").unwrap();
    assert!(own < text.find("| # | Role").unwrap());
    assert_snapshot!("alex_markdown", text);
}

#[test]
fn markdown_for_a_cohort() {
    assert_snapshot!(
        "cohort_markdown",
        score(&["examples/", "--format", "markdown"])
    );
}

#[test]
fn fit_profile_panel() {
    let catalog = Catalog::builtin().unwrap();
    let jane = scored("jane-sre.yaml", Format::Yaml, None);
    let panel = fit_profile(
        &catalog,
        &jane.respondent,
        jane.best().unwrap(),
        Theme::PLAIN,
    );
    assert_fits(&panel, 80);
    assert_snapshot!("jane_fit_profile", panel);
}

#[test]
fn fit_profile_panel_with_a_growth_plan() {
    // c06-security: Security Architect is the best match, with a gap that
    // is also one of their goals.
    let catalog = Catalog::builtin().unwrap();
    let person = scored("cohort.jsonl", Format::JsonLines, Some(6));
    assert_eq!(person.respondent.id, "c06-security");
    let panel = fit_profile(
        &catalog,
        &person.respondent,
        person.best().unwrap(),
        Theme::PLAIN,
    );
    assert!(panel.contains("Growth plan"));
    assert!(panel.contains("(your goal)"));
    assert_fits(&panel, 80);
    assert_snapshot!("security_fit_profile", panel);
}

#[test]
fn own_work_style_panel() {
    let catalog = Catalog::builtin().unwrap();
    let alex = scored("alex-workstyle.yaml", Format::Yaml, None);
    let panel = own_work_style(&catalog, &alex.respondent, Theme::PLAIN);
    assert_fits(&panel, 80);
    assert_snapshot!("alex_own_work_style", panel);
}

#[test]
fn fit_profile_at_a_narrow_width() {
    let catalog = Catalog::builtin().unwrap();
    let jane = scored("jane-sre.yaml", Format::Yaml, None);
    let narrow = Theme {
        width: 60,
        ..Theme::PLAIN
    };
    let panel = fit_profile(&catalog, &jane.respondent, jane.best().unwrap(), narrow);
    assert_fits(&panel, 60);
    assert_snapshot!("jane_fit_profile_60_columns", panel);
}
