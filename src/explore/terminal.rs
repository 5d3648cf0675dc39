//! The catalog on the terminal: the role list, a role's card, roles side
//! by side and the tag list, wrapped to the width and escaped.

use std::fmt::Write as _;

use comfy_table::{Cell, CellAlignment};

use crate::catalog::{Catalog, Role, Tag};
use crate::report::Theme;
use crate::report::grid::{new_table, wrap_only};
use crate::report::profile::{self, LABEL, style_bar};
use crate::text::{escape_control, pad, wrap};

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
pub(super) fn wrap_items(items: &[String], sep: &str, width: usize, indent: &str) -> String {
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

pub(super) fn roles_table(catalog: &Catalog, families: &[usize], theme: Theme) -> String {
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

pub(super) fn show_table(catalog: &Catalog, index: usize, theme: Theme) -> String {
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
    profile::role_paragraphs(&mut out, role, theme);

    let _ = writeln!(out, "\n{}", theme.bold("Competency focus"));
    for &t in &role.tags {
        let tag = &catalog.tags[t];
        let _ = writeln!(out, "  - {}", esc(&tag.name));
        tag_details(&mut out, tag, theme, "    ");
    }

    let _ = writeln!(out, "\n{}", theme.bold("Work-style targets (1 to 5)"));
    let indent = " ".repeat(LABEL + 2);
    for (a, axis) in catalog.axes.iter().enumerate() {
        let target = role.targets[a];
        let _ = writeln!(
            out,
            "  {}{} {}",
            pad(&esc(&axis.name), LABEL),
            style_bar(theme, target),
            crate::report::profile::axis_value(target)
        );
        for (end, meaning) in [("1", &axis.low), ("5", &axis.high)] {
            let line = format!("{end} = {}", esc(meaning));
            let _ = writeln!(out, "{}", theme.dim(&wrap(&line, theme.width, &indent)));
        }
    }

    profile::team_behaviours(&mut out, role, theme);
    out
}

pub(super) fn compare_table(catalog: &Catalog, roles: &[usize], theme: Theme) -> String {
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
                style_bar(theme, target),
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
            row.push(Cell::new(if catalog.roles[r].tags.contains(&t) {
                has
            } else {
                absent
            }));
        }
        table.add_row(row);
    }
    for column in table.column_iter_mut().skip(1) {
        column.set_cell_alignment(CellAlignment::Center);
    }
    wrap_only(&mut table, 0);
    table.set_width(u16::try_from(theme.width.saturating_sub(2)).unwrap_or(u16::MAX));
    let lines = table.trim_fmt();
    let mut out = String::new();
    if !theme.color {
        for line in lines.lines() {
            let _ = writeln!(out, "  {line}");
        }
        return out;
    }
    // The marks turn green after the layout (the table measures plain
    // text). Past the tag column a line holds only marks and spaces, one
    // column each: that part is the line's last characters.
    let tag_column = lines
        .lines()
        .next()
        .and_then(|header| header.find(" 1"))
        .map_or(usize::MAX, |at| at + 1);
    let green = theme.styled(has, console::Style::new().green().bright());
    for line in lines.lines() {
        let marks = crate::text::width(line).saturating_sub(tag_column);
        let split = (line.char_indices().rev().take(marks).last()).map_or(line.len(), |(at, _)| at);
        let (tag, marks) = line.split_at(split);
        let _ = writeln!(out, "  {tag}{}", marks.replace(has, &green));
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

pub(super) fn tags_table(catalog: &Catalog, theme: Theme) -> String {
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
