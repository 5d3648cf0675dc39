//! The work-style path told honestly: roles tied at the top are one group
//! shown side by side, and roles that lead or guide engineers say they
//! usually follow years of technical work (catalog data, validated).

use crate::common::{catalog, catalog_with, rolefit, stdout_of};

#[test]
fn roles_tied_at_the_top_are_one_group_side_by_side() {
    let table = stdout_of(rolefit().args(["score", "examples/alex-workstyle.yaml"]));
    assert!(
        table.contains("Two roles equally close (90% each)"),
        "{table}"
    );
    assert!(!table.contains("Best match:"), "{table}");
    let side_by_side = table
        .lines()
        .find(|l| l.starts_with("Axis"))
        .expect("the axes side by side");
    assert!(
        side_by_side.contains("Solutions Architect"),
        "{side_by_side}"
    );
    assert!(side_by_side.contains("VP of Engineering"), "{side_by_side}");
    let markdown = stdout_of(rolefit().args([
        "score",
        "examples/alex-workstyle.yaml",
        "--format",
        "markdown",
    ]));
    assert!(
        markdown.contains("### Two roles equally close (90% each)"),
        "{markdown}"
    );
    assert!(markdown.contains("| Axis | You | Solutions Architect | VP of Engineering |"));
    // No column repeats the score on this path.
    assert!(
        markdown.contains("| # | Role | Family | Score |\n"),
        "{markdown}"
    );
    let header = table
        .lines()
        .find(|l| l.trim_start().starts_with("# Role"))
        .unwrap();
    assert!(!header.contains("Style"), "{header}");
}

#[test]
fn roles_that_lead_engineers_say_they_follow_technical_work() {
    let cat = catalog();
    let flagged: Vec<&str> = cat
        .roles
        .iter()
        .filter(|r| r.follows_technical_work)
        .map(|r| r.id.as_str())
        .collect();
    // The architecture and leadership families, and the senior developer
    // who mentors and sets guardrails.
    let expected: Vec<&str> = cat
        .roles
        .iter()
        .filter(|r| {
            matches!(
                cat.families[r.family].id.as_str(),
                "architecture" | "leadership"
            ) || r.id == "senior-developer"
        })
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(flagged, expected);
    let table = stdout_of(rolefit().args(["score", "examples/alex-workstyle.yaml", "--top", "24"]));
    for role in &cat.roles {
        let line = table
            .lines()
            .find(|l| l.contains(&format!(" {} ", role.name)))
            .unwrap_or_else(|| panic!("{} not ranked:\n{table}", role.name));
        assert_eq!(
            line.contains("after technical work"),
            role.follows_technical_work,
            "{line}"
        );
    }
    // Competency paths say nothing of it: the skills speak there.
    let full = stdout_of(rolefit().args(["score", "examples/jane-sre.yaml"]));
    assert!(!full.contains("after technical work"), "{full}");
}

#[test]
fn the_catalog_field_is_validated_like_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let bad = catalog_with(
        dir.path(),
        "bad.yaml",
        "    follows_technical_work: true\n",
        "    follows_technical_work: often\n",
    );
    let output = rolefit()
        .arg("--roles")
        .arg(&bad)
        .arg("validate")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad.yaml"), "{stderr}");
    assert!(
        stderr.contains("follows_technical_work") || stderr.contains("boolean"),
        "{stderr}"
    );
}
