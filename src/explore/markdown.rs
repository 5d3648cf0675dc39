//! The catalog as Markdown: every piece of catalog text escaped so that it
//! cannot break a table or start markup.

use std::fmt::Write as _;

use crate::catalog::{Catalog, Role};
use crate::text::escape_markdown as md;

fn md_row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

pub(super) fn roles_markdown(catalog: &Catalog, families: &[usize]) -> String {
    let mut out = String::new();
    for (n, &f) in families.iter().enumerate() {
        let family = &catalog.families[f];
        if n > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "## {} ({})\n", md(&family.name), md(&family.id));
        let _ = writeln!(out, "{}\n", md(&family.description));
        let _ = writeln!(out, "| Role | Id | Tags |\n|------|----|------|");
        for role in catalog.roles.iter().filter(|r| r.family == f) {
            let tags: Vec<String> = role
                .tags
                .iter()
                .map(|&t| md(&catalog.tags[t].name))
                .collect();
            md_row(&mut out, &[md(&role.name), md(&role.id), tags.join(", ")]);
        }
    }
    out
}

pub(super) fn show_markdown(catalog: &Catalog, index: usize) -> String {
    let role = &catalog.roles[index];
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n", md(&role.name));
    let _ = writeln!(
        out,
        "Id: {} · Family: {}\n",
        md(&role.id),
        md(&catalog.families[role.family].name)
    );
    let _ = writeln!(out, "{}\n", md(&role.summary));
    let _ = writeln!(out, "{}\n", md(&role.detail));
    let _ = writeln!(out, "### Competency focus\n");
    for &t in &role.tags {
        let tag = &catalog.tags[t];
        let aliases: Vec<String> = tag.aliases.iter().map(|a| md(a)).collect();
        let mut line = format!("- **{}**", md(&tag.name));
        if !tag.description.is_empty() {
            let _ = write!(line, ": {}", md(&tag.description));
        }
        if !aliases.is_empty() {
            let _ = write!(line, " (also: {})", aliases.join(", "));
        }
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "\n### Work-style targets\n");
    let _ = writeln!(
        out,
        "| Axis | Target | 1 means | 5 means |\n|------|-------:|---------|---------|"
    );
    for (a, axis) in catalog.axes.iter().enumerate() {
        md_row(
            &mut out,
            &[
                md(&axis.name),
                crate::report::profile::axis_value(role.targets[a]),
                md(&axis.low),
                md(&axis.high),
            ],
        );
    }
    let _ = writeln!(out, "\n### Team behaviours\n");
    for (label, sentence) in role.behaviors.labelled() {
        let _ = writeln!(out, "- **{label}**: {}", md(sentence));
    }
    out
}

pub(super) fn compare_markdown(catalog: &Catalog, roles: &[usize]) -> String {
    let mut out = String::new();
    let names: Vec<String> = roles.iter().map(|&r| md(&catalog.roles[r].name)).collect();
    let header = |out: &mut String, first: &str| {
        let _ = writeln!(out, "| {first} | {} |", names.join(" | "));
        let _ = writeln!(out, "|{}", "---|".repeat(roles.len() + 1));
    };
    let _ = writeln!(out, "## Comparing {}\n", names.join(", "));
    header(&mut out, "");
    let row_of = |label: &str, cell: &dyn Fn(&Role) -> String| {
        let mut cells = vec![label.to_string()];
        cells.extend(roles.iter().map(|&r| cell(&catalog.roles[r])));
        cells
    };
    md_row(&mut out, &row_of("Id", &|r| md(&r.id)));
    md_row(
        &mut out,
        &row_of("Family", &|r| md(&catalog.families[r.family].name)),
    );
    md_row(&mut out, &row_of("Summary", &|r| md(&r.summary)));

    let _ = writeln!(out, "\n### Competency focus\n");
    header(&mut out, "Tag");
    let mut all_tags: Vec<usize> = Vec::new();
    for &r in roles {
        for &t in &catalog.roles[r].tags {
            if !all_tags.contains(&t) {
                all_tags.push(t);
            }
        }
    }
    for &t in &all_tags {
        md_row(
            &mut out,
            &row_of(&md(&catalog.tags[t].name), &|r| {
                if r.tags.contains(&t) { "✓" } else { "" }.to_string()
            }),
        );
    }

    let _ = writeln!(out, "\n### Work-style targets (1 to 5)\n");
    header(&mut out, "Axis");
    for (a, axis) in catalog.axes.iter().enumerate() {
        md_row(
            &mut out,
            &row_of(&md(&axis.name), &|r| {
                crate::report::profile::axis_value(r.targets[a])
            }),
        );
    }

    let _ = writeln!(out, "\n### Team behaviours\n");
    header(&mut out, "Behaviour");
    for (b, label) in crate::catalog::Behaviors::LABELS.iter().enumerate() {
        md_row(
            &mut out,
            &row_of(label, &|r| md(r.behaviors.labelled()[b].1)),
        );
    }
    out
}

pub(super) fn tags_markdown(catalog: &Catalog) -> String {
    let mut out = String::from(
        "| Tag | Description | Aliases | Roles |\n|-----|-------------|---------|-------|\n",
    );
    for tag in &catalog.tags {
        let aliases: Vec<String> = tag.aliases.iter().map(|a| md(a)).collect();
        let roles: Vec<String> = tag
            .roles
            .iter()
            .map(|&r| md(&catalog.roles[r].name))
            .collect();
        md_row(
            &mut out,
            &[
                md(&tag.name),
                md(&tag.description),
                aliases.join(", "),
                roles.join(", "),
            ],
        );
    }
    if !catalog.hints.is_empty() {
        let terms: Vec<String> = catalog.hints.iter().map(|h| md(&h.term)).collect();
        let _ = writeln!(
            out,
            "\nBroad words, not tags (naming one lists its related tags): {}.",
            terms.join(", ")
        );
    }
    out
}

// ------------------------------------------------------------------ json
