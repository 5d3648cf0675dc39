//! Exploring the catalog and fitting the shell, end to end on the real
//! binary: `roles`, `show`, `compare`, `tags` in every format, `template`,
//! `validate`, `completions` and `man`.

use crate::common;
use std::fs;

use clap::CommandFactory;
use predicates::prelude::*;
use serde_json::Value;

use crate::common::{
    MANIFEST, catalog, catalog_counts, role_count, rolefit, roles_in_family, tag_count, write,
};

/// Runs `args`, expects exit code 0, returns stdout.
fn stdout_of(args: &[&str]) -> String {
    let output = rolefit().args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn json_of(args: &[&str]) -> Value {
    serde_json::from_str(&stdout_of(args)).unwrap()
}

fn builtin_catalog() -> String {
    fs::read_to_string(format!("{MANIFEST}/roles.yaml")).unwrap()
}

fn assert_fits(text: &str, width: usize) {
    for line in text.lines() {
        assert!(
            line.chars().count() <= width,
            "wider than {width}: {line:?}"
        );
    }
}

#[test]
fn the_cli_definition_is_consistent() {
    rolefit::cli::Cli::command().debug_assert();
}

// ------------------------------------------------------------------ roles

#[test]
fn roles_lists_every_family_and_role_with_tags() {
    let text = stdout_of(&["roles", "--color", "never"]);
    for family in ["Support", "Engineering", "Architecture", "Leadership"] {
        assert!(text.contains(family), "{family} missing:\n{text}");
    }
    assert!(text.contains("Site Reliability Engineer"));
    assert!(text.contains("site-reliability-engineer"));
    assert!(text.contains("error budgets and SLOs"));
    assert!(text.contains("6 roles") && text.contains("10 roles"));
    assert!(!text.contains('\x1b'), "colour when piped");
    assert_fits(&text, 80);
}

#[test]
fn roles_filters_by_family() {
    let text = stdout_of(&[
        "roles",
        "--family",
        "architecture",
        "--family",
        "leadership",
    ]);
    assert!(text.contains("Cloud Architect") && text.contains("VP of Engineering"));
    assert!(!text.contains("Site Reliability Engineer"), "{text}");

    let json = json_of(&["roles", "--family", "support", "--format", "json"]);
    let families = json.as_array().unwrap();
    assert_eq!(families.len(), 1);
    assert_eq!(families[0]["id"], "support");
    assert_eq!(
        families[0]["roles"].as_array().unwrap().len(),
        roles_in_family("support")
    );
}

#[test]
fn roles_unknown_family_is_a_usage_error_with_a_suggestion() {
    rolefit()
        .args(["roles", "--family", "suport"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "unknown family \"suport\": did you mean \"support\"?",
        ));
    rolefit()
        .args(["roles", "--family", "marketing"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "families are support, engineering, architecture, leadership",
        ));
}

#[test]
fn roles_json_has_the_documented_shape() {
    let json = json_of(&["roles", "--format", "json"]);
    let families = json.as_array().unwrap();
    assert_eq!(families.len(), catalog().families.len());
    let roles: Vec<&Value> = families
        .iter()
        .flat_map(|f| f["roles"].as_array().unwrap())
        .collect();
    assert_eq!(roles.len(), role_count());
    for family in families {
        for key in ["id", "name", "description"] {
            assert!(family[key].is_string(), "{key} in {family}");
        }
    }
    for role in roles {
        for key in ["id", "name", "summary"] {
            assert!(role[key].is_string(), "{key} in {role}");
        }
        assert!(role["tags"].as_array().unwrap().len() >= 3);
    }
}

#[test]
fn roles_markdown_is_a_table_per_family() {
    let text = stdout_of(&["roles", "--format", "markdown"]);
    assert!(text.starts_with("## Support (support)\n"), "{text}");
    assert_eq!(text.matches("| Role | Id | Tags |").count(), 4);
    assert!(text.contains(
        "| Site Reliability Engineer | site-reliability-engineer | pager and on-call operations, error budgets and SLOs, blast-radius control |"
    ));
}

// ------------------------------------------------------------------- show

#[test]
fn show_table_snapshot() {
    let text = stdout_of(&["show", "site-reliability-engineer", "--color", "never"]);
    assert_fits(&text, 80);
    insta::assert_snapshot!("show_site_reliability_engineer", text);
}

#[test]
fn show_accepts_a_name_in_any_case() {
    let text = stdout_of(&["show", "DATA architect"]);
    assert!(text.starts_with("Data Architect\ndata-architect, Architecture family\n"));
    for section in ["Competency focus", "Work-style targets", "Team behaviours"] {
        assert!(text.contains(section), "{section}");
    }
    // What 1 and 5 mean, on every axis.
    assert!(text.contains("1 = heads-down work, speaking up when needed"));
    assert!(text.contains("5 = leading through others and owning decisions"));
}

#[test]
fn show_json_is_the_whole_card() {
    let card = json_of(&["show", "soc-analyst", "--format", "json"]);
    assert_eq!(card["id"], "soc-analyst");
    assert_eq!(card["name"], "SOC Analyst");
    assert_eq!(card["family"], "support");
    assert_eq!(card["family_name"], "Support");
    assert!(
        card["summary"]
            .as_str()
            .unwrap()
            .starts_with("You work the queue")
    );
    assert!(card["detail"].is_string());
    let tags = card["tags"].as_array().unwrap();
    assert_eq!(tags[0]["name"], "alert triage");
    assert!(tags[0]["aliases"].as_array().unwrap().len() > 1);
    let axes = card["axes"].as_array().unwrap();
    assert_eq!(axes.len(), 5);
    assert_eq!(axes[0]["id"], "communication");
    assert!(axes[0]["target"].is_number());
    assert!(axes[0]["low"].is_string() && axes[0]["high"].is_string());
    for behaviour in ["trust", "clarity", "accountability", "shared_results"] {
        assert!(card["behaviors"][behaviour].is_string(), "{behaviour}");
    }
}

#[test]
fn show_markdown() {
    let text = stdout_of(&["show", "site-reliability-engineer", "--format", "markdown"]);
    assert!(text.starts_with("## Site Reliability Engineer\n"), "{text}");
    assert!(text.contains("| Axis | Target | 1 means | 5 means |"));
    assert!(text.contains("| Pace | 5 | steady, deep-focus work |"));
    assert!(text.contains("- **Trust**: "));
}

#[test]
fn show_near_miss_suggests_the_closest_roles() {
    rolefit()
        .args(["show", "sre-engineer"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "rolefit: error: unknown role \"sre-engineer\": did you mean one of \"site-reliability-engineer\", ",
        ));
    rolefit()
        .args(["show", "site reliabilty engineer"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean \"site-reliability-engineer\"?",
        ));
    rolefit()
        .args(["show", "astronaut"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown role \"astronaut\": see `rolefit roles` for the list",
        ));
}

// ---------------------------------------------------------------- compare

#[test]
fn compare_table_snapshot() {
    let text = stdout_of(&[
        "compare",
        "data-engineer",
        "Data Architect",
        "--color",
        "never",
    ]);
    assert_fits(&text, 80);
    insta::assert_snapshot!("compare_data_engineer_data_architect", text);
}

#[test]
fn compare_many_roles_stays_readable_at_80_columns() {
    let text = stdout_of(&[
        "compare",
        "backend-engineer",
        "frontend-engineer",
        "mobile-engineer",
        "site-reliability-engineer",
        "vp-of-engineering",
    ]);
    assert_fits(&text, 80);
    assert!(text.starts_with("Comparing 5 roles"));
    // Each role's target on each axis, as a bar.
    assert_eq!(text.matches("Mobile Engineer  ").count(), 5, "{text}");
}

#[test]
fn compare_json_lists_the_cards_in_order() {
    let json = json_of(&[
        "compare",
        "devops-engineer",
        "site-reliability-engineer",
        "--format",
        "json",
    ]);
    let cards = json.as_array().unwrap();
    assert_eq!(cards.len(), 2);
    assert_eq!(cards[0]["id"], "devops-engineer");
    assert_eq!(cards[1]["id"], "site-reliability-engineer");
    assert_eq!(cards[1]["axes"][3]["id"], "pace");
    assert_eq!(cards[1]["axes"][3]["target"], 5.0);
}

#[test]
fn compare_markdown_puts_roles_in_columns() {
    let text = stdout_of(&[
        "compare",
        "data-engineer",
        "data-architect",
        "--format",
        "markdown",
    ]);
    assert!(text.contains("| Tag | Data Engineer | Data Architect |"));
    assert!(text.contains("| pipeline orchestration | ✓ |  |"));
    assert!(text.contains("| Planning | 3 | 5 |"));
    assert!(text.contains("| Trust | "));
}

#[test]
fn compare_rejects_one_role_twice_and_unknown_roles() {
    rolefit()
        .args([
            "compare",
            "site-reliability-engineer",
            "Site Reliability Engineer",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("name the same role"));
    rolefit()
        .args(["compare", "data-engineer", "data-archtect"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown role \"data-archtect\": did you mean one of \"data-architect\", ",
        ));
    rolefit()
        .args(["compare", "data-engineer"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ROLE"));
}

// ------------------------------------------------------------------- tags

#[test]
fn tags_lists_every_tag_with_aliases_and_roles() {
    let text = stdout_of(&["tags"]);
    assert!(text.contains(
        "error budgets and SLOs  (Site Reliability Engineer)\n    \
         Agreeing how reliable a service must be, measuring it, and slowing down\n    \
         changes when it falls short.\n    \
         also: SLOs, SLO, error budget, error budgets,"
    ));
    assert!(text.contains(&format!("{} tags.", tag_count())));
    assert_fits(&text, 80);

    let json = json_of(&["tags", "--format", "json"]);
    let tags = json.as_array().unwrap();
    assert_eq!(tags.len(), tag_count());
    for tag in tags {
        assert!(tag["name"].is_string());
        let description = tag["description"].as_str().unwrap();
        assert!(description.ends_with('.'), "{tag}");
        assert!(tag["aliases"].is_array());
        assert!(!tag["roles"].as_array().unwrap().is_empty(), "{tag}");
    }
    let slo = tags
        .iter()
        .find(|t| t["name"] == "error budgets and SLOs")
        .unwrap();
    assert_eq!(slo["roles"][0], "site-reliability-engineer");

    let markdown = stdout_of(&["tags", "--format", "markdown"]);
    assert!(markdown.starts_with("| Tag | Description | Aliases | Roles |\n"));
    assert!(markdown.contains(
        "| error budgets and SLOs | Agreeing how reliable a service must be, measuring it, \
         and slowing down changes when it falls short. | SLOs, SLO,"
    ));
    // The table, a blank line and the broad words.
    assert_eq!(markdown.lines().count(), 76);
    assert!(markdown.ends_with(
        "executive communication, OKRs, KPIs, engineering metrics, DORA metrics, project management.\n"
    ));
    let unwrapped = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(unwrapped.contains(
        "These broad words are not tags; naming one lists its related tags: ticketing, help desk,"
    ));
}

// ------------------------------------------------------ colour and width

#[test]
fn colour_follows_the_flag_and_no_color() {
    for args in [
        &["show", "qa-engineer"][..],
        &["roles"][..],
        &["compare", "qa-engineer", "ml-engineer"][..],
        &["tags"][..],
    ] {
        // Piped: no escapes, no box drawing, blocks or marks.
        let plain = stdout_of(args);
        assert!(
            !plain.contains(['\x1b', '█', '─', '✓', '·']),
            "{args:?}: decorated when piped"
        );

        let mut forced = args.to_vec();
        forced.extend(["--color", "always"]);
        let coloured = stdout_of(&forced);
        assert!(
            coloured.contains("\x1b["),
            "{args:?}: no colour with always"
        );

        let output = rolefit()
            .args(args)
            .args(["--color", "auto"])
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(!String::from_utf8_lossy(&output.stdout).contains('\x1b'));
    }
}

// ---------------------------------------------------- untrusted catalogs

#[test]
fn catalog_text_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = builtin_catalog().replacen(
        "name: Site Reliability Engineer",
        "name: \"Site \\e[31mReliability\\u202e | *Engineer*\"",
        1,
    );
    let roles = write(dir.path(), "roles.yaml", &catalog);
    let roles = roles.to_str().unwrap();
    for format in ["table", "json", "markdown"] {
        for args in [
            &["show", "site-reliability-engineer"][..],
            &["compare", "site-reliability-engineer", "qa-engineer"][..],
            &["roles"][..],
            &["tags"][..],
        ] {
            let output = rolefit()
                .args(["--roles", roles, "--color", "never"])
                .args(args)
                .args(["--format", format])
                .output()
                .unwrap();
            assert!(output.status.success(), "{args:?} {format}");
            let text = String::from_utf8(output.stdout).unwrap();
            assert!(
                !text.contains(['\x1b', '\u{202e}']),
                "{args:?} {format}: {text}"
            );
            if args[0] == "tags" && format == "json" {
                // Its JSON names roles by id.
            } else if format == "json" {
                // Escaped, not lost: the data reads back as written.
                let value: Value = serde_json::from_str(&text).unwrap();
                assert!(value.to_string().contains("\\u001b[31mReliability\u{202e}"));
            } else if format == "markdown" {
                assert!(text.contains("\\\\u{1b}\\[31mReliability"), "{text}");
            } else {
                assert!(text.contains("\\u{1b}[31mReliability\\u{202e}"), "{text}");
            }
        }
    }
    let markdown = stdout_of(&[
        "--roles",
        roles,
        "show",
        "site-reliability-engineer",
        "--format",
        "markdown",
    ]);
    assert!(markdown.contains("\\| \\*Engineer\\*"), "{markdown}");
}

#[test]
fn a_broken_custom_catalog_is_refused_with_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = builtin_catalog().replacen("family: support", "family: suport", 1);
    let line = catalog
        .lines()
        .position(|l| l.contains("family: suport"))
        .unwrap()
        + 1;
    let path = write(dir.path(), "my-roles.yaml", &catalog);
    let shown = path.display().to_string();
    for args in [
        &["validate"][..],
        &["roles"][..],
        &["show", "soc-analyst"][..],
        &["tags"][..],
        &["template"][..],
    ] {
        rolefit()
            .arg("--roles")
            .arg(&path)
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(format!(
                "unknown family \"suport\" at roles[0].family ({shown}:{line}): did you mean \"support\"?"
            )));
    }
    // The same through the environment.
    rolefit()
        .arg("validate")
        .env("ROLEFIT_ROLES", &path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid catalog"));
}

#[test]
fn a_valid_custom_catalog_is_reported_by_validate() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "mine.yaml", builtin_catalog());
    rolefit()
        .arg("--roles")
        .arg(&path)
        .arg("validate")
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "catalog ok ({}): {}",
            path.display(),
            catalog_counts()
        )));
}

// --------------------------------------------------------------- template

#[test]
fn template_as_printed_validates_and_scores_for_every_path() {
    let dir = tempfile::tempdir().unwrap();
    for path in ["full", "competency", "work-style"] {
        let text = stdout_of(&["template", "--path", path]);
        assert!(text.contains(&format!("path: {path}\n")), "{text}");
        let file = write(dir.path(), &format!("{path}.yaml"), &text);
        rolefit()
            .arg("validate")
            .arg(&file)
            .assert()
            .success()
            .stdout(predicate::str::ends_with("; 1 answer set ok\n"))
            .stderr("");
        rolefit()
            .args(["score", "--format", "json"])
            .arg(&file)
            .assert()
            .success();
    }
}

#[test]
fn template_lists_every_tag_by_family_and_every_axis() {
    let full = stdout_of(&["template"]);
    for family in ["Support", "Engineering", "Architecture", "Leadership"] {
        assert!(full.contains(&format!("# ---- {family} (")), "{family}");
    }
    let json = json_of(&["tags", "--format", "json"]);
    for tag in json.as_array().unwrap() {
        let name = tag["name"].as_str().unwrap();
        assert!(full.contains(&format!("  # - {name}\n")), "{name} missing");
    }
    assert!(full.contains(
        "  # - error budgets and SLOs\n  \
         #     Agreeing how reliable a service must be, measuring it, and slowing down\n  \
         #     changes when it falls short.\n  \
         #     (also: SLOs, SLO, error budget, error budgets,"
    ));
    for axis in ["communication", "planning", "stakeholder", "pace", "scope"] {
        assert!(full.contains(&format!("  # {axis}: 3\n")), "{axis}");
    }
    assert!(full.contains("1 = heads-down work, speaking up when needed"));
    assert!(full.contains("5 = constant updates to many audiences"));
    assert!(full.contains("not hiring decisions"));

    let work_style = stdout_of(&["template", "--path", "work-style"]);
    assert!(!work_style.contains("strengths:") && !work_style.contains("goals:"));
    assert!(work_style.contains("\n  pace: 3\n"), "{work_style}");

    let competency = stdout_of(&["template", "--path", "competency"]);
    assert!(competency.contains("strengths:"));
    assert!(!competency.contains("work_style:"));
}

#[test]
fn template_filled_in_scores_as_expected() {
    let text = stdout_of(&["template"]);
    // Claim the three SRE tags and answer every axis like an SRE.
    let sre_tags = [
        "pager and on-call operations",
        "error budgets and SLOs",
        "blast-radius control",
    ];
    let targets = [
        ("communication", 4),
        ("planning", 3),
        ("stakeholder", 2),
        ("pace", 5),
        ("scope", 2),
    ];
    let mut filled = text.clone();
    for tag in sre_tags {
        filled = filled.replace(
            &format!("  # - {tag}\n"),
            &format!("  - {{tag: {tag}, level: 5}}\n"),
        );
    }
    for (axis, value) in targets {
        filled = filled.replace(&format!("  # {axis}: 3\n"), &format!("  {axis}: {value}\n"));
    }
    assert_ne!(filled, text);
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "me.yaml", &filled);
    let json = common::json_of(rolefit().args(["score", "--format", "json"]).arg(&file));
    let best = &json["respondents"][0]["ranking"][0];
    assert_eq!(best["role_id"], "site-reliability-engineer");
    assert_eq!(best["competency"], 1.0);
    assert_eq!(best["work_style"], 1.0);
}

#[test]
fn template_unknown_path_suggests_the_closest() {
    rolefit()
        .args(["template", "--path", "workstyle"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "unknown path \"workstyle\": did you mean \"work-style\"?",
        ));
}

// --------------------------------------------------------------- validate

#[test]
fn validate_checks_the_catalog_alone() {
    rolefit()
        .arg("validate")
        .assert()
        .success()
        .stdout(format!(
            "catalog ok (<built-in roles.yaml>): {}\n",
            catalog_counts()
        ))
        .stderr("");
}

#[test]
fn validate_checks_answer_files_without_scoring() {
    let output = rolefit().args(["validate", "examples/"]).output().unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with(&format!(
            "catalog ok (<built-in roles.yaml>): {}; ",
            catalog_counts()
        )),
        "{stdout}"
    );
    assert!(stdout.ends_with(" answer sets ok\n"), "{stdout}");
    assert!(!stdout.contains("Ranking"), "validate scored: {stdout}");
    assert_eq!(stdout.lines().count(), 1);
}

#[test]
fn validate_gives_the_same_messages_and_exit_codes_as_score() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "typo.yaml",
        "strengths:\n  - SLO\n  - error budgest\n",
    );
    write(dir.path(), "twice.yaml", "strengths: [SLO, SLOs]\n");
    write(dir.path(), "ok.json", "{\"strengths\": [\"DNS\"]}");
    write(
        dir.path(),
        "bad.jsonl",
        "{\"strengths\": [\"DNS\"]}\n{\"strenghts\": []}\n",
    );
    write(dir.path(), "work.yaml", "path: work-style\n");
    for inputs in [
        vec![".".to_string()],
        vec!["ok.json".to_string(), "missing.yaml".to_string()],
        vec!["twice.yaml".to_string()],
    ] {
        let run = |command: &str| {
            let mut cmd = rolefit();
            cmd.current_dir(dir.path()).arg(command).args(&inputs);
            cmd.args(["--unknown-tags", "error"]);
            if command == "score" {
                cmd.args(["--format", "json"]);
            }
            cmd.output().unwrap()
        };
        let validated = run("validate");
        let scored = run("score");
        assert_eq!(validated.status.code(), scored.status.code(), "{inputs:?}");
        // The same messages; only the closing count's word differs
        // ("3 ok" after checking, "3 scored" after scoring).
        let stderr = |output: &std::process::Output| {
            String::from_utf8_lossy(&output.stderr).replace(" ok, ", " scored, ")
        };
        assert_eq!(stderr(&validated), stderr(&scored), "{inputs:?}");
    }
    // What those messages are.
    rolefit()
        .current_dir(dir.path())
        .args(["validate", ".", "--unknown-tags", "error"])
        .assert()
        .code(1)
        .stdout(predicate::str::ends_with("; 3 of 6 answer sets ok\n"))
        .stderr(predicate::str::contains(
            "rolefit: error: unknown tag \"error budgest\" at strengths[1] (./typo.yaml:3): did you mean \"error budgets and SLOs\"?",
        ))
        .stderr(predicate::str::contains("(./bad.jsonl:2)"))
        .stderr(predicate::str::contains(
            "the work-style path needs at least one work_style answer",
        ))
        .stderr(predicate::str::contains("rolefit: warning: \"SLOs\" repeats"))
        .stderr(predicate::str::ends_with("rolefit: 3 ok, 3 failed, 1 warning\n"));
}

#[test]
fn validate_reads_standard_input_and_refuses_empty_inputs() {
    rolefit()
        .args(["validate", "-"])
        .write_stdin("strengths: [SLO]\n")
        .assert()
        .success()
        .stdout(predicate::str::ends_with("; 1 answer set ok\n"));
    rolefit()
        .args(["validate", "-", "--jsonl", "--unknown-tags", "error"])
        .write_stdin("{\"strengths\": [\"SLO\"]}\n{\"goals\": [\"nope\"]}\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("(<stdin>:2)"));
    rolefit()
        .args(["validate", "-", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("can be read only once"));
    let dir = tempfile::tempdir().unwrap();
    rolefit()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no answer files found"));
}

// ------------------------------------------------------------------ shell

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(&["completions", shell]);
        assert!(script.len() > 1000, "{shell}: {script}");
        assert!(script.contains("rolefit"), "{shell}");
        // Subcommands and their options are completed.
        assert!(
            script.contains("compare") && script.contains("family"),
            "{shell}"
        );
        // clap_complete offers option values (family and path ids) in bash,
        // zsh and fish, and positional values (role ids) in bash and zsh.
        if matches!(shell, "bash" | "zsh" | "fish") {
            assert!(script.contains("architecture"), "{shell}");
        }
        if matches!(shell, "bash" | "zsh") {
            assert!(script.contains("site-reliability-engineer"), "{shell}");
        }
    }
    // Offered values do not restrict parsing: a role by its initials still works.
    rolefit()
        .args(["show", "sre"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Site Reliability Engineer"));
    rolefit()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value"));
}

#[test]
fn man_page_is_roff_with_every_command() {
    let page = stdout_of(&["man"]);
    assert!(
        page.contains(".TH rolefit 1"),
        "{}",
        &page[..200.min(page.len())]
    );
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH COMMANDS",
        ".SH \"ANSWER FILES\"",
        ".SH SCORING",
        ".SH \"EXIT STATUS\"",
        ".SH EXAMPLES",
    ] {
        assert!(page.contains(section), "{section}");
    }
    for command in [
        "score", "roles", "show", "compare", "tags", "template", "validate",
    ] {
        assert!(
            page.contains(&format!(".SS \"rolefit {command}\"")),
            "{command}"
        );
    }
    assert!(page.contains("not hiring decisions"));
    // The format and the rule are summarised; the page names where their
    // full reference is, and that page exists.
    for (named, file) in [
        ("docs/answer\\-files.md", "docs/answer-files.md"),
        ("docs/scoring.md", "docs/scoring.md"),
    ] {
        assert!(page.contains(named), "{named}");
        assert!(
            std::path::Path::new(crate::common::MANIFEST)
                .join(file)
                .is_file(),
            "{file}"
        );
    }
}

#[test]
fn completions_and_man_work_with_a_broken_catalog() {
    for args in [&["completions", "bash"][..], &["man"][..]] {
        rolefit()
            .args(["--roles", "/nonexistent/roles.yaml"])
            .args(args)
            .assert()
            .success()
            .stdout(predicate::str::is_empty().not());
    }
}

// ------------------------------------------------------------------- help

/// The example lines of a subcommand's --help, without pipes or redirects.
fn examples_of(command: &str) -> Vec<Vec<String>> {
    let help = stdout_of(&[command, "--help"]);
    let (_, examples) = help
        .split_once("Examples:\n")
        .expect("help ends with examples");
    examples
        .lines()
        .filter_map(|line| line.trim().strip_prefix("rolefit "))
        .map(|line| {
            let line = line.split(['|', '>']).next().unwrap_or_default();
            // Split on spaces, keeping "quoted words" together.
            let mut words = Vec::new();
            for (i, part) in line.split('"').enumerate() {
                if i % 2 == 1 {
                    words.push(part.to_string());
                } else {
                    words.extend(part.split_whitespace().map(str::to_string));
                }
            }
            words
        })
        .collect()
}

#[test]
fn every_help_ends_with_examples_that_work() {
    for command in [
        "roles",
        "show",
        "compare",
        "tags",
        "template",
        "validate",
        "completions",
        "man",
    ] {
        let examples = examples_of(command);
        assert!((2..=3).contains(&examples.len()), "{command}: {examples:?}");
        for words in examples {
            // Catalog authors' own files are not in the repository.
            if words.iter().any(|w| w == "me.yaml" || w == "my-roles.yaml") {
                continue;
            }
            let output = rolefit().args(&words).output().unwrap();
            assert!(
                output.status.success(),
                "`rolefit {}` failed: {}",
                words.join(" "),
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
}
