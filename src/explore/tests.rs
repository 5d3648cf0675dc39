//! The browsing commands' renderers, on the built-in catalog.

use super::terminal::wrap_items;
use super::*;
use crate::text::escape_markdown as md;

fn builtin() -> Catalog {
    Catalog::builtin().unwrap()
}

#[test]
fn near_misses_by_initials_get_a_suggestion() {
    let catalog = builtin();
    let message = catalog.find_role("sre-engineer").unwrap_err().to_string();
    assert!(
        message.contains("did you mean one of \"site-reliability-engineer\", "),
        "{message}"
    );
    let message = catalog.find_role("data").unwrap_err().to_string();
    assert!(message.contains("is ambiguous"), "{message}");
    for id in ["data-engineer", "data-architect", "database-administrator"] {
        assert!(message.contains(id), "{message}");
    }
    let message = catalog.find_role("vp eng").unwrap_err().to_string();
    assert!(
        message.contains("did you mean \"vp-of-engineering\"?"),
        "{message}"
    );
    let message = catalog
        .find_role("kubernetes wizard")
        .unwrap_err()
        .to_string();
    assert!(message.contains("see `rolefit roles`"), "{message}");
}

#[test]
fn a_unique_prefix_or_the_initials_name_a_role() {
    let catalog = builtin();
    let id = |query: &str| catalog.roles[catalog.find_role(query).unwrap()].id.as_str();
    assert_eq!(id("devops"), "devops-engineer");
    assert_eq!(id("SRE"), "site-reliability-engineer");
    assert_eq!(id("soc"), "soc-analyst");
    assert_eq!(id("Senior Eng"), "senior-engineering-manager");
    let message = catalog.find_role("senior").unwrap_err().to_string();
    assert!(
        message.contains("\"senior-developer\", \"senior-engineering-manager\""),
        "{message}"
    );
}

#[test]
fn json_escapes_every_terminal_control() {
    let text = to_json(&vec!["a\u{1b}[31m", "b\u{9b}c", "d\u{202e}e", "f\u{7f}"]);
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
    let back: Vec<String> = serde_json::from_str(&text).unwrap();
    assert_eq!(back, ["a\u{1b}[31m", "b\u{9b}c", "d\u{202e}e", "f\u{7f}"]);
}

#[test]
fn lists_wrap_between_items() {
    let items: Vec<String> = ["alpha beta", "gamma delta", "epsilon zeta"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(
        wrap_items(&items, " · ", 30, "  "),
        "  alpha beta · gamma delta ·\n  epsilon zeta"
    );
    assert_eq!(wrap_items(&items[..1], ", ", 80, ""), "alpha beta");
}

#[test]
fn markdown_escapes_markup() {
    assert_eq!(md("a|b*c_d"), "a\\|b\\*c\\_d");
    assert_eq!(md("- x"), "\\- x");
    assert_eq!(md("# x\n"), "\\# x\\\\n");
}

#[test]
fn tables_fit_the_width() {
    let catalog = builtin();
    for width in [40, 80, 120] {
        let theme = Theme {
            width,
            ..Theme::PLAIN
        };
        let texts = [
            roles_table(&catalog, &[0, 1, 2, 3], theme),
            show_table(&catalog, 2, theme),
            compare_table(&catalog, &[2, 14, 20], theme),
            tags_table(&catalog, theme),
        ];
        for text in texts {
            for line in text.lines() {
                assert!(
                    line.chars().count() <= width,
                    "{width}: {line:?} is {} wide",
                    line.chars().count()
                );
            }
        }
    }
}
