//! Browsing the catalog: the commands `roles`, `show`, `compare` and `tags`,
//! each rendered by [`terminal`], [`markdown`] or [`json`].
//!
//! Each command renders to a string first (pure, testable), then writes it
//! once. Catalog text may come from an untrusted custom catalog, so every
//! piece of it goes through [`escape_control`] in tables, is escaped for
//! Markdown, and has its control characters written as `\u` escapes in JSON.
//!
//! JSON shapes (stable; documented in docs/commands.md):
//! - `roles`: `[{id, name, description, roles: [{id, name, summary, tags: [name]}]}]`
//! - `show`: one role card, `{id, name, family, family_name, summary, detail,
//!   tags: [{name, aliases}], axes: [{id, name, target, low, high}],
//!   behaviors: {trust, clarity, accountability, shared_results}}`
//! - `compare`: `[card, card, …]`, in the order asked
//! - `tags`: `[{name, aliases, roles: [role id]}]`

mod json;
mod markdown;
mod terminal;

use std::io::Write;

use crate::catalog::Catalog;
use crate::cli::{BrowseFormat, CompareArgs, FormatArgs, RolesArgs, ShowArgs};
use crate::error::{Error, Result};
use crate::report::Theme;
use crate::text::escape_control;

use json::{Card, card, roles_json, tags_json, to_json};
use markdown::{compare_markdown, roles_markdown, show_markdown, tags_markdown};
use terminal::{compare_table, roles_table, show_table, tags_table};

pub fn roles(catalog: &Catalog, args: &RolesArgs, theme: Theme, out: &mut dyn Write) -> Result<()> {
    let families = resolve_families(catalog, &args.families)?;
    let text = match args.format.format {
        BrowseFormat::Table => roles_table(catalog, &families, theme),
        BrowseFormat::Json => roles_json(catalog, &families),
        BrowseFormat::Markdown => roles_markdown(catalog, &families),
    };
    emit(&text, out)
}

pub fn show(catalog: &Catalog, args: &ShowArgs, theme: Theme, out: &mut dyn Write) -> Result<()> {
    let role = catalog.find_role(&args.role)?;
    let text = match args.format.format {
        BrowseFormat::Table => show_table(catalog, role, theme),
        BrowseFormat::Json => to_json(&card(catalog, role)),
        BrowseFormat::Markdown => show_markdown(catalog, role),
    };
    emit(&text, out)
}

pub fn compare(
    catalog: &Catalog,
    args: &CompareArgs,
    theme: Theme,
    out: &mut dyn Write,
) -> Result<()> {
    let mut roles: Vec<usize> = Vec::with_capacity(args.roles.len());
    for query in &args.roles {
        let role = catalog.find_role(query)?;
        if let Some(first) = roles.iter().position(|&r| r == role) {
            return Err(Error::Usage(format!(
                "{:?} and {:?} name the same role ({}); compare different roles",
                escape_control(&args.roles[first]),
                escape_control(query),
                escape_control(&catalog.roles[role].id),
            )));
        }
        roles.push(role);
    }
    let text = match args.format.format {
        BrowseFormat::Table => compare_table(catalog, &roles, theme),
        BrowseFormat::Json => {
            let cards: Vec<Card<'_>> = roles.iter().map(|&r| card(catalog, r)).collect();
            to_json(&cards)
        }
        BrowseFormat::Markdown => compare_markdown(catalog, &roles),
    };
    emit(&text, out)
}

pub fn tags(catalog: &Catalog, args: &FormatArgs, theme: Theme, out: &mut dyn Write) -> Result<()> {
    let text = match args.format {
        BrowseFormat::Table => tags_table(catalog, theme),
        BrowseFormat::Json => tags_json(catalog),
        BrowseFormat::Markdown => tags_markdown(catalog),
    };
    emit(&text, out)
}

fn emit(text: &str, out: &mut dyn Write) -> Result<()> {
    out.write_all(text.as_bytes()).map_err(Error::Output)
}

/// Family ids from `--family`, in catalog order, each once; all when none.
fn resolve_families(catalog: &Catalog, wanted: &[String]) -> Result<Vec<usize>> {
    if wanted.is_empty() {
        return Ok((0..catalog.families.len()).collect());
    }
    catalog.find_families(wanted)
}

#[cfg(test)]
mod tests {
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
}
