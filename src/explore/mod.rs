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
#[cfg(test)]
mod tests;

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
