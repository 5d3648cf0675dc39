//! `rolefit template --format csv|markdown`: what a survey needs. The CSV
//! header is one the importer reads without a mapping; the Markdown lists
//! every question with its choices, titled so that a form tool's export is
//! recognised as it is.

use std::fmt::Write as _;

use crate::catalog::Catalog;
use crate::catalog::LEVELS;
use crate::text::escape_markdown;

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
        competency(catalog, &mut out);
    }
    if def.assesses_work_style() {
        work_style(catalog, &mut out);
    }
    out
}

fn competency(catalog: &Catalog, out: &mut String) {
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

fn work_style(catalog: &Catalog, out: &mut String) {
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
mod tests {
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
