//! Turning one row into an answer file, naming the row and column of
//! each problem.

use crate::answers::{self, AnswerFile, Origin, Respondent, Strength, UnknownTags};
use crate::catalog::Catalog;
use crate::document::Number;
use crate::error::Located;
use crate::matching::normalize;

use super::header::{Column, shorten};
use super::records::Row;

/// Where each list item of a row came from, to name its column.
#[derive(Default)]
pub(super) struct Sources {
    pub(super) strengths: Vec<usize>,
    pub(super) goals: Vec<usize>,
    pub(super) families: Vec<usize>,
}

impl Row {
    /// Reads the row into an answer set and resolves it like any answer
    /// file; problems and warnings name the row and the column.
    pub fn resolve(
        &self,
        catalog: &Catalog,
        unknown_tags: UnknownTags,
    ) -> Result<Respondent, Vec<Located>> {
        let layout = &self.layout;
        let default_id = format!("{}:{}", layout.stem, self.row);
        // A failed row is found again by the id it would have had.
        let id = self
            .layout
            .column_of(|c| *c == Column::Id)
            .and_then(|c| self.record.get(c))
            .map(str::trim)
            .filter(|cell| !cell.is_empty())
            .unwrap_or(&default_id)
            .to_string();
        let with_id = |problems: Vec<Located>| -> Vec<Located> {
            problems.into_iter().map(|p| p.with_id(Some(&id))).collect()
        };
        let (file, sources) = self.answers(catalog).map_err(with_id)?;
        let origin = Origin {
            source: &layout.source,
            text: "",
            first_line: self.line,
            default_id: &default_id,
        };
        let relocate = |mut problem: Located| {
            problem.entry = Some(self.entry_of(problem.entry.as_deref(), &sources, catalog));
            problem.line = Some(self.line);
            problem.message = self.name_earlier_entry(&problem.message, &sources);
            problem
        };
        match answers::resolve_with(file, catalog, &origin, unknown_tags) {
            Ok(mut respondent) => {
                respondent.warnings = respondent.warnings.into_iter().map(relocate).collect();
                respondent.at = Some(format!("row {}", self.row));
                Ok(respondent)
            }
            Err(problems) => Err(with_id(problems.into_iter().map(relocate).collect())),
        }
    }

    /// A repeat's message names the earlier entry (`from strengths[1]`): in
    /// a survey, name its column instead.
    pub(super) fn name_earlier_entry(&self, message: &str, sources: &Sources) -> String {
        const FROM: &str = "from strengths[";
        let Some(start) = message.find(FROM) else {
            return message.to_string();
        };
        let rest = &message[start + FROM.len()..];
        let Some((index, after)) = rest.split_once(']') else {
            return message.to_string();
        };
        match index
            .parse::<usize>()
            .ok()
            .and_then(|i| sources.strengths.get(i))
        {
            Some(&c) => format!(
                "{}from column {:?}{after}",
                &message[..start],
                shorten(&self.layout.headers[c])
            ),
            None => message.to_string(),
        }
    }

    /// The line the row starts on: with the file's name, the place shown
    /// to a person (`survey.csv:4`).
    pub fn line(&self) -> usize {
        self.line
    }

    /// `row 4, column "Strengths"`.
    pub(super) fn at(&self, column: Option<usize>) -> String {
        match column {
            Some(c) => format!(
                "row {}, column {:?}",
                self.row,
                shorten(&self.layout.headers[c])
            ),
            None => format!("row {}", self.row),
        }
    }

    /// The column behind an answer-file entry (`strengths[2].level`,
    /// `work_style.pace`, `statements.ws-pace-1`, `path`).
    pub(super) fn entry_of(
        &self,
        entry: Option<&str>,
        sources: &Sources,
        catalog: &Catalog,
    ) -> String {
        let layout = &self.layout;
        let Some(entry) = entry else {
            return self.at(None);
        };
        let head = entry.split(['.', '[']).next().unwrap_or("");
        let index = entry
            .split_once('[')
            .and_then(|(_, rest)| rest.split(']').next())
            .and_then(|i| i.parse::<usize>().ok());
        let listed = |list: &[usize], kind: Column| {
            index
                .and_then(|i| list.get(i).copied())
                .or_else(|| layout.column_of(|c| *c == kind))
        };
        let column = match head {
            "id" => layout.column_of(|c| *c == Column::Id),
            "assessed" => layout.column_of(|c| *c == Column::Assessed),
            "group" => layout.column_of(|c| *c == Column::Group),
            "path" => layout.column_of(|c| *c == Column::Path),
            "target" => layout.column_of(|c| *c == Column::Target),
            "strengths" => listed(&sources.strengths, Column::Strengths),
            "goals" => listed(&sources.goals, Column::Goals),
            "families" => listed(&sources.families, Column::Families),
            "work_style" | "statements" => entry.split_once('.').and_then(|(_, id)| {
                let axis = catalog.axis_index(id);
                let question = catalog.question_index(id);
                layout.column_of(|c| match c {
                    Column::Axis(a) => Some(*a) == axis,
                    Column::Statement(q) => {
                        Some(*q) == question || Some(catalog.questions[*q].axis) == axis
                    }
                    _ => false,
                })
            }),
            _ => None,
        };
        self.at(column)
    }

    /// The row as an answer file, and the column of every list item.
    pub(super) fn answers(&self, catalog: &Catalog) -> Result<(AnswerFile, Sources), Vec<Located>> {
        let mut file = AnswerFile::default();
        let mut sources = Sources::default();
        let mut problems = Vec::new();
        for (c, column) in self.layout.columns.iter().enumerate() {
            let cell = self.record.get(c).unwrap_or("").trim();
            if cell.is_empty() || *column == Column::Skip {
                continue;
            }
            let mut bad = |what: String| {
                if problems.len() == answers::MAX_REPORTED {
                    return;
                }
                problems.push(
                    Located::new(&self.layout.source, format!("{:?} is not {what}", cell))
                        .at_line(Some(self.line))
                        .at_entry(self.at(Some(c))),
                )
            };
            match column {
                Column::Id => file.id = Some(cell.to_string()),
                Column::Path => file.path = Some(path_id(cell, catalog)),
                Column::Target => file.target = Some(cell.to_string()),
                Column::Families => {
                    let families = file.families.get_or_insert_with(Vec::new);
                    for item in list_items(cell) {
                        families.push(family_id(item, catalog));
                        sources.families.push(c);
                    }
                }
                Column::Strengths => {
                    for item in list_items(cell) {
                        let (tag, level) = leveled_item(item);
                        file.strengths.push(Strength {
                            tag: tag.to_string(),
                            level: level.map(Number::from),
                        });
                        sources.strengths.push(c);
                    }
                }
                Column::Goals => {
                    for item in list_items(cell) {
                        file.goals.push(item.to_string());
                        sources.goals.push(c);
                    }
                }
                Column::Level(tag) => match level_value(cell) {
                    Some(level) => {
                        file.strengths.push(Strength {
                            tag: tag.clone(),
                            level: Some(Number::from(level)),
                        });
                        sources.strengths.push(c);
                    }
                    None => bad(format!(
                        "a level: a number from 1 to 5 or one of {}",
                        level_names().join(", ")
                    )),
                },
                Column::Axis(a) => match leading_number(cell) {
                    Some(value) => file
                        .work_style
                        .0
                        .push((catalog.axes[*a].id.clone(), Number::from(value))),
                    None => bad("a number from 1 to 5".into()),
                },
                Column::Statement(q) => match likert_value(cell) {
                    Some(value) => file
                        .statements
                        .0
                        .push((catalog.questions[*q].id.clone(), Number::from(value))),
                    None => bad(
                        "an answer from 1 to 5 or strongly disagree, disagree, neutral, agree, strongly agree"
                            .into(),
                    ),
                },
                Column::Assessed => match crate::answers::Date::from_timestamp(cell) {
                    Ok(date) => file.assessed = Some(date.to_string()),
                    Err(why) => bad(format!("a date: {why}")),
                },
                Column::Group => file.group = Some(cell.to_string()),
                Column::Skip => {}
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        self.prefer_grid_levels(&mut file, &mut sources, catalog);
        Ok((file, sources))
    }

    /// A skill ticked in a list and rated in a level grid (SurveyMonkey and
    /// Google Forms surveys often ask both) takes the grid's level: the
    /// tick alone says nothing about the level.
    pub(super) fn prefer_grid_levels(
        &self,
        file: &mut AnswerFile,
        sources: &mut Sources,
        catalog: &Catalog,
    ) {
        let from_grid = |c: usize| matches!(self.layout.columns[c], Column::Level(_));
        let rated: Vec<usize> = file
            .strengths
            .iter()
            .zip(&sources.strengths)
            .filter(|&(_, &c)| from_grid(c))
            .filter_map(|(s, _)| catalog.tag_index(&s.tag))
            .collect();
        if rated.is_empty() {
            return;
        }
        let strengths = std::mem::take(&mut file.strengths);
        let columns = std::mem::take(&mut sources.strengths);
        for (strength, c) in strengths.into_iter().zip(columns) {
            let ticked_only = !from_grid(c) && strength.level.is_none();
            if ticked_only
                && catalog
                    .tag_index(&strength.tag)
                    .is_some_and(|t| rated.contains(&t))
            {
                continue;
            }
            file.strengths.push(strength);
            sources.strengths.push(c);
        }
    }
}

/// A path cell: its id or its name; anything else is left for the
/// resolver to report with a suggestion.
pub(super) fn path_id(cell: &str, catalog: &Catalog) -> String {
    let wanted = normalize(cell);
    catalog
        .paths
        .iter()
        .find(|p| normalize(&p.name) == wanted)
        .map_or_else(|| cell.to_string(), |p| p.id.clone())
}

pub(super) fn family_id(cell: &str, catalog: &Catalog) -> String {
    let wanted = normalize(cell);
    catalog
        .families
        .iter()
        .find(|f| normalize(&f.name) == wanted)
        .map_or_else(|| cell.to_string(), |f| f.id.clone())
}

/// The items of a list cell: separated by `;`, `,` or line breaks.
pub(super) fn list_items(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', ',', '\n', '\r'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// `tag (N)` is the tag at level N; a bare tag has the default level.
pub(super) fn leveled_item(item: &str) -> (&str, Option<f64>) {
    if let Some(inner) = item.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
        && let Ok(level) = inner[open + 1..].trim().parse::<f64>()
    {
        let tag = inner[..open].trim_end();
        if !tag.is_empty() {
            return (tag, Some(level));
        }
    }
    (item, None)
}

/// A number at the start of a cell: `4`, `3.5`, `"3 - practitioner"`.
pub(super) fn leading_number(cell: &str) -> Option<f64> {
    let cell = cell.trim();
    let end = cell
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(cell.len());
    let rest = &cell[end..];
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    cell[..end].parse().ok()
}

pub(super) fn level_names() -> Vec<&'static str> {
    crate::catalog::LEVELS
        .iter()
        .map(|(name, _)| *name)
        .collect()
}

/// A level cell: a number (`3`, `3 - practitioner`) or a level's name.
pub(super) fn level_value(cell: &str) -> Option<f64> {
    leading_number(cell).or_else(|| {
        let wanted = normalize(cell);
        level_names()
            .iter()
            .position(|name| *name == wanted)
            .map(|i| (i + 1) as f64)
    })
}

/// A Likert cell: a number (`4`, `4 - agree`) or a label.
pub(super) fn likert_value(cell: &str) -> Option<f64> {
    leading_number(cell).or_else(|| {
        let wanted = normalize(cell);
        if wanted == "neutral" {
            return Some(3.0);
        }
        crate::template::LIKERT_LABELS
            .iter()
            .position(|label| normalize(label) == wanted)
            .map(|i| (i + 1) as f64)
    })
}
