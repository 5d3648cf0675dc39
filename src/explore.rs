//! Browsing the catalog: `roles`, `show`, `compare`, `tags`.
//!
//! Each command renders to a string first (pure, testable), then writes it
//! once. Catalog text may come from an untrusted custom catalog, so every
//! piece of it goes through [`escape_control`] in tables, is escaped for
//! Markdown, and has its control characters written as `\u` escapes in JSON.
//!
//! JSON shapes (stable; documented in the README):
//! - `roles`: `[{id, name, description, roles: [{id, name, summary, tags: [name]}]}]`
//! - `show`: one role card, `{id, name, family, family_name, summary, detail,
//!   tags: [{name, aliases}], axes: [{id, name, target, low, high}],
//!   behaviors: {trust, clarity, accountability, shared_results}}`
//! - `compare`: `[card, card, …]`, in the order asked
//! - `tags`: `[{name, aliases, roles: [role id]}]`

use std::fmt::Write as _;
use std::io::Write;

use comfy_table::{Cell, CellAlignment, Color};
use serde::Serialize;

use crate::catalog::{Behaviors, Catalog, Role, Tag};
use crate::cli::{BrowseFormat, CompareArgs, FormatArgs, RolesArgs, ShowArgs};
use crate::error::{Error, Result};
use crate::report::Theme;
use crate::report::table::{new_table, wrap_only};
use crate::text::escape_markdown as md;
use crate::text::{escape_control, pad, wrap};

/// Width of the axis-name column in the work-style sections.
const AXIS_LABEL: usize = 16;

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

// ---------------------------------------------------------------- tables

fn target_bar(theme: Theme, target: f64) -> String {
    theme.bar((target - 1.0) / 4.0, 10)
}

fn esc(text: &str) -> String {
    escape_control(text).into_owned()
}

/// `indent`, then `head` in bold and `rest` dimmed on the same line when
/// that fits the width; otherwise `rest` wraps on the lines below.
fn heading(theme: Theme, indent: &str, head: &str, gap: &str, rest: &str) -> String {
    let width = crate::text::width;
    if width(indent) + width(head) + width(gap) + width(rest) <= theme.width {
        return format!("{indent}{}{gap}{}", theme.bold(head), theme.dim(rest));
    }
    let head = head.trim_end();
    let head = if width(indent) + width(head) <= theme.width {
        format!("{indent}{head}")
    } else {
        wrap(head, theme.width, indent)
    };
    let below = " ".repeat(width(indent) + 2);
    format!(
        "{}\n{}",
        theme.bold(&head),
        theme.dim(&wrap(rest, theme.width, &below))
    )
}

/// Joins `items` with `sep`, wrapped to `width` with every line indented,
/// breaking lines between items rather than inside one where it can.
fn wrap_items(items: &[String], sep: &str, width: usize, indent: &str) -> String {
    let avail = width.saturating_sub(crate::text::width(indent)).max(20);
    let glue = sep.trim_end();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (i, item) in items.iter().enumerate() {
        let last = i + 1 == items.len();
        let piece = if last {
            item.clone()
        } else {
            format!("{item}{glue}")
        };
        let len = crate::text::width(&line);
        let gap = sep.len() - glue.len();
        if len > 0 && len + gap + crate::text::width(&piece) > avail {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push_str(&sep[glue.len()..]);
        }
        line.push_str(&piece);
    }
    lines.push(line);
    lines
        .iter()
        .map(|l| wrap(l, width, indent))
        .collect::<Vec<_>>()
        .join("\n")
}

fn separator(theme: Theme) -> &'static str {
    if theme.unicode { " · " } else { ", " }
}

fn roles_table(catalog: &Catalog, families: &[usize], theme: Theme) -> String {
    let mut out = String::new();
    for (n, &f) in families.iter().enumerate() {
        let family = &catalog.families[f];
        let members: Vec<&Role> = catalog.roles.iter().filter(|r| r.family == f).collect();
        if n > 0 {
            out.push('\n');
        }
        let count = match members.len() {
            1 => "1 role".to_string(),
            k => format!("{k} roles"),
        };
        let rest = format!("({}){}{count}", esc(&family.id), separator(theme));
        let _ = writeln!(
            out,
            "{}",
            heading(theme, "", &esc(&family.name), " ", &rest)
        );
        let _ = writeln!(
            out,
            "{}\n",
            wrap(&esc(&family.description), theme.width, "  ")
        );
        let name_width = members
            .iter()
            .map(|r| crate::text::width(&esc(&r.name)))
            .max()
            .unwrap_or(0);
        for role in members {
            let name = pad(&esc(&role.name), name_width);
            let _ = writeln!(out, "{}", heading(theme, "  ", &name, "  ", &esc(&role.id)));
            let tags: Vec<String> = role
                .tags
                .iter()
                .map(|&t| esc(&catalog.tags[t].name))
                .collect();
            let _ = writeln!(
                out,
                "{}",
                wrap_items(&tags, separator(theme), theme.width, "      ")
            );
        }
    }
    out
}

fn show_table(catalog: &Catalog, index: usize, theme: Theme) -> String {
    let role = &catalog.roles[index];
    let family = &catalog.families[role.family];
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        theme.bold(&wrap(&esc(&role.name), theme.width, ""))
    );
    let what = format!(
        "{}{}{} family",
        esc(&role.id),
        separator(theme),
        esc(&family.name)
    );
    let _ = writeln!(out, "{}", theme.dim(&wrap(&what, theme.width, "")));
    let _ = writeln!(out, "\n{}", wrap(&esc(&role.summary), theme.width, "  "));
    let _ = writeln!(out, "\n{}", wrap(&esc(&role.detail), theme.width, "  "));

    let _ = writeln!(out, "\n{}", theme.bold("Competency focus"));
    for &t in &role.tags {
        let tag = &catalog.tags[t];
        let _ = writeln!(out, "  - {}", esc(&tag.name));
        tag_details(&mut out, tag, theme, "    ");
    }

    let _ = writeln!(out, "\n{}", theme.bold("Work-style targets (1 to 5)"));
    let indent = " ".repeat(AXIS_LABEL + 2);
    for (a, axis) in catalog.axes.iter().enumerate() {
        let target = role.targets[a];
        let _ = writeln!(
            out,
            "  {}{} {}",
            pad(&esc(&axis.name), AXIS_LABEL),
            target_bar(theme, target),
            crate::report::profile::axis_value(target)
        );
        for (end, meaning) in [("1", &axis.low), ("5", &axis.high)] {
            let line = format!("{end} = {}", esc(meaning));
            let _ = writeln!(out, "{}", theme.dim(&wrap(&line, theme.width, &indent)));
        }
    }

    let _ = writeln!(out, "\n{}", theme.bold("Team behaviours"));
    for (label, sentence) in role.behaviors.labelled() {
        let _ = writeln!(out, "  {}", theme.bold(label));
        let _ = writeln!(out, "{}", wrap(&esc(sentence), theme.width, "    "));
    }
    out
}

fn compare_table(catalog: &Catalog, roles: &[usize], theme: Theme) -> String {
    let mut out = String::new();
    let names: Vec<String> = roles.iter().map(|&r| esc(&catalog.roles[r].name)).collect();
    let name_width = names
        .iter()
        .map(|n| crate::text::width(n))
        .max()
        .unwrap_or(0);
    let number_width = roles.len().to_string().len();

    let _ = writeln!(
        out,
        "{}",
        theme.bold(&format!("Comparing {} roles", roles.len()))
    );
    for (i, &r) in roles.iter().enumerate() {
        let role = &catalog.roles[r];
        let number = format!("  {:>number_width$}  ", i + 1);
        let rest = format!(
            "({}{}{})",
            esc(&role.id),
            separator(theme),
            esc(&catalog.families[role.family].name)
        );
        let _ = writeln!(out, "\n{}", heading(theme, &number, &names[i], " ", &rest));
        let indent = " ".repeat(number_width + 4);
        let _ = writeln!(out, "{}", wrap(&esc(&role.summary), theme.width, &indent));
    }

    // Tags: one row per tag of any compared role, one column per role.
    let _ = writeln!(out, "\n{}", theme.bold("Competency focus"));
    let mut all_tags: Vec<usize> = Vec::new();
    for &r in roles {
        for &t in &catalog.roles[r].tags {
            if !all_tags.contains(&t) {
                all_tags.push(t);
            }
        }
    }
    // Each role column takes its number's width and a space.
    let columns = roles.len() * (roles.len().to_string().len().max(1) + 1);
    if 2 + MIN_TAG_COLUMN + columns <= theme.width {
        out.push_str(&tag_matrix(catalog, roles, &all_tags, theme));
    } else {
        // Too many roles for a matrix: each role's tags, listed.
        for (i, &r) in roles.iter().enumerate() {
            let tags: Vec<String> = catalog.roles[r]
                .tags
                .iter()
                .map(|&t| esc(&catalog.tags[t].name))
                .collect();
            let _ = writeln!(out, "  {:>number_width$}  {}", i + 1, names[i]);
            let indent = " ".repeat(number_width + 6);
            let _ = writeln!(
                out,
                "{}",
                wrap_items(&tags, separator(theme), theme.width, &indent)
            );
        }
    }
    let shared = all_tags
        .iter()
        .filter(|&&t| roles.iter().all(|&r| catalog.roles[r].tags.contains(&t)))
        .count();
    let note = match shared {
        0 => "No tag is shared by all of them.".to_string(),
        1 => "1 tag is shared by all of them.".to_string(),
        k => format!("{k} tags are shared by all of them."),
    };
    let _ = writeln!(out, "{}", theme.dim(&wrap(&note, theme.width, "  ")));

    let _ = writeln!(out, "\n{}", theme.bold("Work-style targets (1 to 5)"));
    for (a, axis) in catalog.axes.iter().enumerate() {
        let _ = writeln!(out, "  {}", theme.bold(&esc(&axis.name)));
        for (end, meaning) in [("1", &axis.low), ("5", &axis.high)] {
            let line = format!("{end} = {}", esc(meaning));
            let _ = writeln!(out, "{}", theme.dim(&wrap(&line, theme.width, "    ")));
        }
        for (i, &r) in roles.iter().enumerate() {
            let target = catalog.roles[r].targets[a];
            let bar = format!(
                "{} {}",
                target_bar(theme, target),
                crate::report::profile::axis_value(target)
            );
            if 4 + name_width + 2 + bar.chars().count() <= theme.width {
                let _ = writeln!(out, "    {}  {bar}", pad(&names[i], name_width));
            } else {
                // Narrow terminal: the bar goes under the name.
                let _ = writeln!(out, "{}\n      {bar}", wrap(&names[i], theme.width, "    "));
            }
        }
    }

    let _ = writeln!(out, "\n{}", theme.bold("Team behaviours"));
    for (b, label) in crate::catalog::Behaviors::LABELS.iter().enumerate() {
        let _ = writeln!(out, "  {}", theme.bold(label));
        for (i, &r) in roles.iter().enumerate() {
            let sentence = catalog.roles[r].behaviors.labelled()[b].1;
            let _ = writeln!(out, "    {}", theme.dim(&names[i]));
            let _ = writeln!(out, "{}", wrap(&esc(sentence), theme.width, "      "));
        }
    }
    out
}

/// The narrowest the tag column of the compare matrix may get.
const MIN_TAG_COLUMN: usize = 24;

/// One row per tag, one column per role (numbered), a mark where the role
/// has the tag; indented two spaces like the other sections.
fn tag_matrix(catalog: &Catalog, roles: &[usize], tags: &[usize], theme: Theme) -> String {
    let numbers: Vec<String> = (1..=roles.len()).map(|n| n.to_string()).collect();
    let mut header = vec!["Tag"];
    header.extend(numbers.iter().map(String::as_str));
    let mut table = new_table(theme, header);
    let (has, absent) = if theme.unicode {
        ("✓", "·")
    } else {
        ("x", ".")
    };
    for &t in tags {
        let mut row = vec![Cell::new(esc(&catalog.tags[t].name))];
        for &r in roles {
            row.push(if catalog.roles[r].tags.contains(&t) {
                Cell::new(has).fg(Color::Green)
            } else {
                Cell::new(absent)
            });
        }
        table.add_row(row);
    }
    for column in table.column_iter_mut().skip(1) {
        column.set_cell_alignment(CellAlignment::Center);
    }
    wrap_only(&mut table, 0);
    table.set_width(u16::try_from(theme.width.saturating_sub(2)).unwrap_or(u16::MAX));
    let mut out = String::new();
    for line in table.trim_fmt().lines() {
        let _ = writeln!(out, "  {line}");
    }
    out
}

/// A tag's description, then its aliases (dimmed), each wrapped at `indent`.
fn tag_details(out: &mut String, tag: &Tag, theme: Theme, indent: &str) {
    if !tag.description.is_empty() {
        let _ = writeln!(out, "{}", wrap(&esc(&tag.description), theme.width, indent));
    }
    if !tag.aliases.is_empty() {
        let mut aliases: Vec<String> = tag.aliases.iter().map(|a| esc(a)).collect();
        aliases[0] = format!("also: {}", aliases[0]);
        let also = wrap_items(&aliases, ", ", theme.width, indent);
        let _ = writeln!(out, "{}", theme.dim(&also));
    }
}

/// The catalog's broad words: they are no tag, so a reader of the tag
/// list would not otherwise learn of them.
fn hints_note(catalog: &Catalog) -> String {
    if catalog.hints.is_empty() {
        return String::new();
    }
    let terms: Vec<String> = catalog.hints.iter().map(|h| esc(&h.term)).collect();
    format!(
        " These broad words are not tags; naming one lists its related tags: {}.",
        terms.join(", ")
    )
}

fn tags_table(catalog: &Catalog, theme: Theme) -> String {
    let mut out = String::new();
    for tag in &catalog.tags {
        let roles: Vec<String> = tag
            .roles
            .iter()
            .map(|&r| esc(&catalog.roles[r].name))
            .collect();
        let used_by = format!("({})", roles.join(", "));
        let _ = writeln!(
            out,
            "{}",
            heading(theme, "", &esc(&tag.name), "  ", &used_by)
        );
        tag_details(&mut out, tag, theme, "    ");
    }
    let _ = writeln!(
        out,
        "\n{}",
        theme.dim(&wrap(
            &format!(
                "{} tags. Answer files accept a tag's name or any of its aliases.{}",
                catalog.tags.len(),
                hints_note(catalog)
            ),
            theme.width,
            ""
        ))
    );
    out
}

// -------------------------------------------------------------- markdown

fn md_row(out: &mut String, cells: &[String]) {
    let _ = writeln!(out, "| {} |", cells.join(" | "));
}

fn roles_markdown(catalog: &Catalog, families: &[usize]) -> String {
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

fn show_markdown(catalog: &Catalog, index: usize) -> String {
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

fn compare_markdown(catalog: &Catalog, roles: &[usize]) -> String {
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

fn tags_markdown(catalog: &Catalog) -> String {
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

#[derive(Serialize)]
struct FamilyOut<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
    roles: Vec<RoleBrief<'a>>,
}

#[derive(Serialize)]
struct RoleBrief<'a> {
    id: &'a str,
    name: &'a str,
    summary: &'a str,
    tags: Vec<&'a str>,
}

/// A role's whole card: what `show` prints and `compare` lists.
#[derive(Serialize)]
struct Card<'a> {
    id: &'a str,
    name: &'a str,
    family: &'a str,
    family_name: &'a str,
    summary: &'a str,
    detail: &'a str,
    tags: Vec<TagBrief<'a>>,
    axes: Vec<AxisTarget<'a>>,
    behaviors: &'a Behaviors,
}

#[derive(Serialize)]
struct TagBrief<'a> {
    name: &'a str,
    /// Empty when the catalog gives none.
    description: &'a str,
    aliases: &'a [String],
}

#[derive(Serialize)]
struct AxisTarget<'a> {
    id: &'a str,
    name: &'a str,
    target: f64,
    /// What 1 means.
    low: &'a str,
    /// What 5 means.
    high: &'a str,
}

#[derive(Serialize)]
struct TagOut<'a> {
    name: &'a str,
    /// Empty when the catalog gives none.
    description: &'a str,
    aliases: &'a [String],
    roles: Vec<&'a str>,
}

fn roles_json(catalog: &Catalog, families: &[usize]) -> String {
    let out: Vec<FamilyOut<'_>> = families
        .iter()
        .map(|&f| {
            let family = &catalog.families[f];
            FamilyOut {
                id: &family.id,
                name: &family.name,
                description: &family.description,
                roles: catalog
                    .roles
                    .iter()
                    .filter(|r| r.family == f)
                    .map(|r| RoleBrief {
                        id: &r.id,
                        name: &r.name,
                        summary: &r.summary,
                        tags: r
                            .tags
                            .iter()
                            .map(|&t| catalog.tags[t].name.as_str())
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    to_json(&out)
}

fn card(catalog: &Catalog, index: usize) -> Card<'_> {
    let role = &catalog.roles[index];
    let family = &catalog.families[role.family];
    Card {
        id: &role.id,
        name: &role.name,
        family: &family.id,
        family_name: &family.name,
        summary: &role.summary,
        detail: &role.detail,
        tags: role
            .tags
            .iter()
            .map(|&t| TagBrief {
                name: &catalog.tags[t].name,
                description: &catalog.tags[t].description,
                aliases: &catalog.tags[t].aliases,
            })
            .collect(),
        axes: catalog
            .axes
            .iter()
            .zip(&role.targets)
            .map(|(axis, &target)| AxisTarget {
                id: &axis.id,
                name: &axis.name,
                target,
                low: &axis.low,
                high: &axis.high,
            })
            .collect(),
        behaviors: &role.behaviors,
    }
}

fn tags_json(catalog: &Catalog) -> String {
    let out: Vec<TagOut<'_>> = catalog
        .tags
        .iter()
        .map(|tag| TagOut {
            name: &tag.name,
            description: &tag.description,
            aliases: &tag.aliases,
            roles: tag
                .roles
                .iter()
                .map(|&r| catalog.roles[r].id.as_str())
                .collect(),
        })
        .collect();
    to_json(&out)
}

/// Pretty JSON with a final newline, escaped by [`crate::text::escape_json`].
fn to_json<T: Serialize>(value: &T) -> String {
    // Serialising these plain structs cannot fail.
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = crate::text::escape_json(text);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
