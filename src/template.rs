//! `rolefit template`: a commented answer file to fill in, or, with
//! `--format csv|markdown`, what a survey needs (see [`csv`] and [`markdown`]).
//!
//! As printed, the file is a valid answer file (`rolefit validate` accepts
//! it): every tag is listed, commented out, so claiming one is deleting the
//! `# ` in front of it. On the `full` path the work-style axes are commented
//! out as well, so an axis left alone is not answered (a made-up middle
//! value would bend the scores); the `work-style` path needs at least one
//! answer, so there every axis starts at 3, to be changed.
//!
//! Catalog text is written into comments with control characters escaped,
//! and into values as YAML scalars quoted when needed, so a custom catalog
//! cannot break the file.

use std::fmt::Write as _;
use std::io::Write;

use crate::catalog::{Catalog, LEVELS};
use crate::error::{Error, Result};
use crate::text::{escape_control, escape_markdown, pad};

/// What `rolefit template` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TemplateFormat {
    /// A commented answer file.
    Yaml,
    /// A survey header row and an example row.
    Csv,
    /// Every question with its choices, for building a form.
    Markdown,
}

pub fn template(
    catalog: &Catalog,
    path: &str,
    format: TemplateFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let path = catalog.find_path(path).map_err(Error::Usage)?;
    let text = match format {
        TemplateFormat::Yaml => render(catalog, path),
        TemplateFormat::Csv => csv(catalog, path),
        TemplateFormat::Markdown => markdown(catalog, path),
    };
    out.write_all(text.as_bytes()).map_err(Error::Output)
}

/// The answer file for `path` (an index into the catalog's paths).
pub fn render(catalog: &Catalog, path: usize) -> String {
    let def = &catalog.paths[path];
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# rolefit answer file for the {} path: {}.",
        comment(&def.id),
        comment(&def.name)
    );
    for line in wrapped(&comment(&def.description), 76) {
        let _ = writeln!(out, "# {line}");
    }
    out.push_str(
        "#\n\
         # Fill it in, then:   rolefit score FILE\n\
         # Check it first:     rolefit validate FILE\n\
         # Lines starting with # are comments; YAML is picky about indentation,\n\
         # so keep each line where it is.\n\
         #\n\
         # Results are for self-directed exploration, not hiring decisions.\n\n",
    );
    let _ = writeln!(
        out,
        "# id: your-name    # optional; the default is the file's name\npath: {}\n",
        scalar(&def.id)
    );

    if def.assesses_competency() {
        competency(catalog, &mut out);
    }
    if def.assesses_work_style() {
        work_style(catalog, def.assesses_competency(), &mut out);
    }

    let ids: Vec<String> = catalog.families.iter().map(|f| scalar(&f.id)).collect();
    out.push_str("# Rank only roles of some families (optional; the default is all):\n");
    let _ = writeln!(out, "# families: [{}]", ids.join(", "));
    out.push_str(
        "# When you answered (YYYY-MM-DD) and your team, for `rolefit diff` and\n\
         # `rolefit score --by group` (optional):\n\
         # assessed: 2026-03-31\n\
         # group: Platform\n",
    );
    out.push_str(
        "# The role you are aiming for (optional): its id, name, or initials.\n\
         # Every result then says where it stands and what would bring it closer.\n",
    );
    if let Some(role) = catalog.roles.first() {
        let _ = writeln!(out, "# target: {}", scalar(&role.id));
    }
    out
}

fn competency(catalog: &Catalog, out: &mut String) {
    out.push_str(
        "# Strengths: the competency tags you already have, grouped by the roles\n\
         # that use them. To claim one, delete the \"# \" before its \"-\". It counts\n\
         # at level 3; for another level write it as\n\
         #   - {tag: NAME, level: N}\n\
         # with N a whole number from 1 (learning) to 5 (expert). The aliases\n\
         # under a tag work as well as its name. Broad words such as Kubernetes\n\
         # or Python are no tag: `rolefit validate` lists the tags they relate to.\n\
         strengths:\n",
    );
    let mut listed = vec![false; catalog.tags.len()];
    for (f, family) in catalog.families.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n  # ---- {} ({}) ----",
            comment(&family.name),
            comment(&family.id)
        );
        for role in catalog.roles.iter().filter(|r| r.family == f) {
            let _ = writeln!(out, "  # {}", comment(&role.name));
            let mut earlier = Vec::new();
            for &t in &role.tags {
                let tag = &catalog.tags[t];
                if std::mem::replace(&mut listed[t], true) {
                    earlier.push(comment(&tag.name));
                    continue;
                }
                let _ = writeln!(out, "  # - {}", scalar(&tag.name));
                for line in wrapped(&comment(&tag.description), 72) {
                    let _ = writeln!(out, "  #     {line}");
                }
                if !tag.aliases.is_empty() {
                    let aliases: Vec<String> = tag.aliases.iter().map(|a| comment(a)).collect();
                    let also = format!("(also: {})", aliases.join(", "));
                    for line in wrapped(&also, 72) {
                        let _ = writeln!(out, "  #     {line}");
                    }
                }
            }
            if !earlier.is_empty() {
                let _ = writeln!(out, "  #   (and, listed above: {})", earlier.join(", "));
            }
        }
    }

    let example = catalog
        .tags
        .first()
        .map_or_else(|| "NAME".to_string(), |t| scalar(&t.name));
    let _ = writeln!(
        out,
        "\n# Goals: tags from the list above that you want to grow into.\n\
         goals:\n  # - {example}\n"
    );
}

fn work_style(catalog: &Catalog, optional: bool, out: &mut String) {
    if optional {
        out.push_str(
            "# Work style: how you like to work, from 1 to 5 on each axis (2.5 is\n\
             # fine). To answer an axis, delete the \"# \" before its name and set the\n\
             # number; an axis left commented out is not counted.\n",
        );
    } else {
        out.push_str(
            "# Work style: how you like to work, from 1 to 5 on each axis (2.5 is\n\
             # fine). Each starts at 3, the middle: change it to your answer. Delete\n\
             # an axis you cannot answer; at least one must stay.\n",
        );
    }
    out.push_str("work_style:\n");
    let label = catalog
        .axes
        .iter()
        .map(|a| crate::text::width(&comment(&a.name)))
        .max()
        .unwrap_or(0)
        + 1;
    for axis in &catalog.axes {
        let name = format!("{}:", comment(&axis.name));
        let _ = writeln!(out, "  # {} 1 = {}", pad(&name, label), comment(&axis.low));
        let _ = writeln!(out, "  # {} 5 = {}", pad("", label), comment(&axis.high));
        let marker = if optional { "# " } else { "" };
        let _ = writeln!(out, "  {marker}{}: 3\n", scalar(&axis.id));
    }
}

/// Catalog text made safe for a YAML comment: one line, no controls.
fn comment(text: &str) -> String {
    escape_control(text).into_owned()
}

/// Catalog text as a YAML scalar: plain when that reads back as the same
/// string, double-quoted (JSON syntax, which YAML accepts) otherwise.
fn scalar(text: &str) -> String {
    if is_plain_safe(text) {
        text.to_string()
    } else {
        serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
    }
}

fn is_plain_safe(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let lower = text.to_ascii_lowercase();
    first.is_alphanumeric()
        && !text.ends_with(' ')
        && !text.contains("  ")
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '/' | '.' | '(' | ')' | '&' | '\'' | '+'))
        // Words YAML reads as something other than a string.
        && !matches!(
            lower.as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "null"
        )
        && lower.parse::<f64>().is_err()
        // "3D modeling" is a string, "0x1F" is not.
        && (!first.is_ascii_digit() || text.contains(' '))
}

/// Greedy word wrap without indentation.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    crate::text::wrap(text, width, "")
        .lines()
        .map(str::to_string)
        .collect()
}

/// The Likert scale of the work-style statements, 1 to 5.
pub const LIKERT_LABELS: [&str; 5] = [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
];

/// A header row and one example row for `path` (an index into the paths).
pub fn csv(catalog: &Catalog, path: usize) -> String {
    let def = &catalog.paths[path];
    let mut header: Vec<String> = vec!["id".into(), "path".into(), "families".into()];
    let mut example: Vec<String> = vec!["jane-doe".into(), def.id.clone(), String::new()];
    if def.assesses_competency() {
        header.extend(["strengths".into(), "goals".into()]);
        let first = catalog
            .roles
            .first()
            .map(|r| r.tags.as_slice())
            .unwrap_or(&[]);
        let strengths: Vec<String> = first
            .iter()
            .take(2)
            .enumerate()
            .map(|(i, &t)| match i {
                0 => format!("{} (4)", catalog.tags[t].name),
                _ => catalog.tags[t].name.clone(),
            })
            .collect();
        example.push(strengths.join("; "));
        // A goal from the last role: most likely a different family.
        let goal = catalog.roles.last().and_then(|r| r.tags.first());
        example.push(goal.map_or_else(String::new, |&t| catalog.tags[t].name.clone()));
    }
    if def.assesses_work_style() {
        for (i, axis) in catalog.axes.iter().enumerate() {
            header.push(axis.id.clone());
            example.push(["3", "4", "2", "3.5", "4"][i % 5].into());
        }
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(&header);
    let _ = writer.write_record(&example);
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Every question of `path` with its choices, in Markdown.
pub fn markdown(catalog: &Catalog, path: usize) -> String {
    let def = &catalog.paths[path];
    let md = |text: &str| escape_markdown(text);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# rolefit survey: the questions for the {} path\n",
        md(&def.id)
    );
    out.push_str(
        "Build a form (Google Forms, Microsoft Forms, SurveyMonkey, ...) from these\n\
         questions. Give each question the title shown in **bold**: then\n\
         `rolefit score export.csv` recognises every column of the export as it is.\n\
         With titles of your own, map them with `--columns FILE`. Choices are\n\
         compared like tag names: case, `-`, `_` and extra spaces do not matter.\n\n\
         Results are for self-directed exploration, not hiring decisions.\n\n",
    );
    out.push_str(
        "## Your name\n\n**name** (short answer, optional): how you appear in the results.\n\
         Without it a respondent is FILE:ROW.\n\n",
    );
    out.push_str(
        "## Path\n\n**path** (one choice, optional; without it: full). Leave it out when\n\
         everyone answers the same questions.\n\n",
    );
    for p in &catalog.paths {
        let _ = writeln!(
            out,
            "- `{}`: {}. {}",
            md(&p.id),
            md(&p.name),
            md(&p.description)
        );
    }
    out.push_str(
        "\n## Families\n\n**families** (checkboxes, optional): rank only roles of these families.\n\n",
    );
    for f in &catalog.families {
        let _ = writeln!(out, "- `{}`: {}", md(&f.id), md(&f.description));
    }
    out.push('\n');
    if def.assesses_competency() {
        form_competency(catalog, &mut out);
    }
    if def.assesses_work_style() {
        form_work_style(catalog, &mut out);
    }
    out
}

fn form_competency(catalog: &Catalog, out: &mut String) {
    let md = |text: &str| escape_markdown(text);
    out.push_str(
        "## Strengths\n\n\
         Ask in one of two ways:\n\n\
         - **strengths** (checkboxes): each ticked skill counts at level 3; or\n\
         - **Level** (a grid): one row per skill below, the columns the level\n  \
           scale (`1 - learning` … `5 - expert`; a number or a name is enough);\n  \
           a row left empty is not a strength. Google Forms then writes\n  \
           columns `Level [SKILL]`.\n\n\
         The level scale:\n\n",
    );
    for (i, (name, meaning)) in LEVELS.iter().enumerate() {
        let _ = writeln!(out, "{}. {name}: {meaning}", i + 1);
    }
    out.push_str("\nThe skills, by family (choice text in `code`):\n");
    let mut listed = vec![false; catalog.tags.len()];
    for (f, family) in catalog.families.iter().enumerate() {
        let _ = writeln!(out, "\n### {}\n", md(&family.name));
        for role in catalog.roles.iter().filter(|r| r.family == f) {
            for &t in &role.tags {
                if !std::mem::replace(&mut listed[t], true) {
                    let _ = writeln!(out, "- `{}`", md(&catalog.tags[t].name));
                }
            }
        }
    }
    out.push_str(
        "\n## Goals\n\n**goals** (checkboxes, optional): the skills above you want to grow\n\
         into, the same choices.\n\n",
    );
}

fn form_work_style(catalog: &Catalog, out: &mut String) {
    let md = |text: &str| escape_markdown(text);
    out.push_str(
        "## Work style\n\n\
         Ask either one question per statement, titled with its exact text, or\n\
         one grid (any title) whose rows are the statements. The choices, 1 to 5:\n\n",
    );
    for (i, label) in LIKERT_LABELS.iter().enumerate() {
        let _ = writeln!(out, "{}. {label}", i + 1);
    }
    out.push_str("\nThe statements:\n\n");
    for q in &catalog.questions {
        let _ = writeln!(out, "- {} (`{}`)", md(&q.text), md(&q.id));
    }
    out.push('\n');
}

#[cfg(test)]
mod form_tests {
    use super::*;

    #[test]
    fn markdown_lists_every_tag_and_statement() {
        let catalog = Catalog::builtin().unwrap();
        let text = markdown(&catalog, catalog.default_path());
        for tag in &catalog.tags {
            assert!(
                text.contains(&format!("`{}`", escape_markdown(&tag.name))),
                "{}",
                tag.name
            );
        }
        for q in &catalog.questions {
            assert!(text.contains(&escape_markdown(&q.text)), "{}", q.id);
        }
        let competency = markdown(&catalog, catalog.path_index("competency").unwrap());
        assert!(!competency.contains("## Work style"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Respondent;
    use crate::answers::testing::resolve_text;
    use crate::catalog::BUILTIN_SOURCE;

    fn resolve(catalog: &Catalog, text: &str) -> Respondent {
        resolve_text(catalog, "template.yaml", text)
    }

    /// Uncomments every tag and axis, as a person filling it in would.
    fn fill_in(text: &str) -> String {
        text.lines()
            .map(|line| match line.strip_prefix("  # ") {
                Some(rest) if rest.starts_with("- ") || rest.ends_with(": 3") => {
                    format!("  {rest}")
                }
                _ => line.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn every_path_validates_as_printed_and_filled_in() {
        let catalog = Catalog::builtin().unwrap();
        for (p, path) in catalog.paths.iter().enumerate() {
            let text = render(&catalog, p);
            let blank = resolve(&catalog, &text);
            assert_eq!(blank.path, p);
            assert!(blank.strengths.is_empty());
            let filled = resolve(&catalog, &fill_in(&text));
            assert!(filled.warnings.is_empty(), "{:?}", filled.warnings);
            if path.assesses_competency() {
                assert_eq!(filled.strengths.len(), catalog.tags.len(), "{}", path.id);
                assert_eq!(filled.goals.len(), 1);
            } else {
                assert!(!text.contains("strengths:"));
            }
            if path.assesses_work_style() {
                assert!(filled.work_style.iter().all(|v| *v == Some(3.0)));
            } else {
                assert!(!text.contains("work_style:"));
            }
        }
    }

    #[test]
    fn awkward_names_from_a_custom_catalog_stay_valid() {
        // Names YAML would read as a bool, a number, or a comment.
        let text = BUILTIN_SOURCE
            .replace("queue management", "\"yes\"")
            .replace("escalation routing", "\"1e3\"")
            .replace("knowledge-base authoring", "\"C#: basics [v2]\"");
        let catalog = Catalog::parse(&text, "odd.yaml").unwrap();
        let filled = fill_in(&render(&catalog, 0));
        let respondent = resolve(&catalog, &filled);
        assert_eq!(respondent.strengths.len(), catalog.tags.len());
        assert!(filled.contains("\"yes\""), "{filled}");
    }

    #[test]
    fn scalars_quote_only_when_needed() {
        assert_eq!(scalar("error budgets and SLOs"), "error budgets and SLOs");
        assert_eq!(scalar("no"), "\"no\"");
        assert_eq!(scalar("42"), "\"42\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("x\u{1b}y"), "\"x\\u001by\"");
        assert_eq!(comment("a\nb"), "a\\nb");
    }
}
