//! Working out column kinds from a survey's headers and the `--columns`
//! mapping (a file naming what each header holds), once per file.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::answers::{self, UniqueMap};
use crate::catalog::Catalog;
use crate::error::{Error, Located};
use crate::matching::{did_you_mean, normalize};

use super::meaning::{Meaning, grid_meaning, meaning};

/// Headers longer than this are shortened in messages (a statement's text
/// can be a whole sentence).
pub(super) const HEADER_SHOWN_CHARS: usize = 60;

/// Column headers form tools add that carry no answer: ignored without a
/// warning (Google Forms, Microsoft Forms, SurveyMonkey).
pub(super) const METADATA_HEADERS: [&str; 13] = [
    "timestamp",
    "start time",
    "completion time",
    "last modified time",
    "collector id",
    "start date",
    "end date",
    "ip address",
    "first name",
    "last name",
    "custom data 1",
    "score",
    "total score",
];

/// Headers that give the respondent's id, best first: the first of these a
/// file has is used.
pub(super) const ID_HEADERS: [&[&str]; 3] = [
    &["id", "respondent id"],
    &["name", "full name"],
    &["email", "email address"],
];

/// What a header means, as a `--columns` file names it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    Id,
    Path,
    Families,
    Strengths,
    Goals,
    /// The role the person aims for.
    Target,
    /// A grid question: its columns `QUESTION [TAG]` hold levels.
    Levels,
    Axis(usize),
    Statement(usize),
    Assessed,
    Group,
    Ignore,
}

impl Kind {
    const NAMES: [&'static str; 12] = [
        "id",
        "path",
        "families",
        "strengths",
        "goals",
        "target",
        "levels",
        "axis:ID",
        "statement:ID",
        "assessed",
        "group",
        "ignore",
    ];

    /// The kind a `--columns` value names, or why it names none.
    pub(super) fn parse(text: &str, catalog: &Catalog) -> Result<Kind, (String, Option<String>)> {
        let text = text.trim();
        let lower = text.to_lowercase();
        if let Some(axis) = lower.strip_prefix("axis:") {
            return catalog
                .axis_index(axis.trim())
                .map(Kind::Axis)
                .ok_or_else(|| {
                    let ids = catalog.axes.iter().map(|a| (a.id.as_str(), a.id.as_str()));
                    let hint = did_you_mean(&crate::matching::closest(axis, ids, 3));
                    (format!("unknown axis {:?}", axis.trim()), hint)
                });
        }
        if let Some(question) = lower.strip_prefix("statement:") {
            return catalog
                .question_index(question.trim())
                .map(Kind::Statement)
                .ok_or_else(|| {
                    let ids = catalog
                        .questions
                        .iter()
                        .map(|q| (q.id.as_str(), q.id.as_str()));
                    let hint = did_you_mean(&crate::matching::closest(question, ids, 3))
                        .or_else(|| Some("see `rolefit template --format markdown`".into()));
                    (format!("unknown statement {:?}", question.trim()), hint)
                });
        }
        match normalize(text).as_str() {
            "id" => Ok(Kind::Id),
            "path" => Ok(Kind::Path),
            "families" => Ok(Kind::Families),
            "strengths" => Ok(Kind::Strengths),
            "goals" => Ok(Kind::Goals),
            "target" => Ok(Kind::Target),
            "levels" => Ok(Kind::Levels),
            "assessed" => Ok(Kind::Assessed),
            "group" => Ok(Kind::Group),
            "ignore" => Ok(Kind::Ignore),
            _ => {
                let names = Self::NAMES.iter().map(|n| (*n, *n));
                let hint = did_you_mean(&crate::matching::closest(text, names, 1))
                    .or_else(|| Some(format!("kinds are {}", Self::NAMES.join(", "))));
                Err((format!("unknown column kind {text:?}"), hint))
            }
        }
    }
}

/// Headers are compared trimmed, lower-cased, with runs of white space as
/// one space.
pub(super) fn header_key(header: &str) -> String {
    header
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `Question [Row]`, the way form tools name a grid's columns.
pub(super) fn split_grid(header: &str) -> Option<(&str, &str)> {
    let inner = header.trim_end().strip_suffix(']')?;
    let open = inner.rfind('[')?;
    let question = inner[..open].trim_end();
    let row = inner[open + 1..].trim();
    (!question.is_empty() && !row.is_empty()).then_some((question, row))
}

pub(super) fn shorten(header: &str) -> String {
    if header.chars().count() <= HEADER_SHOWN_CHARS {
        return header.to_string();
    }
    let mut short: String = header.chars().take(HEADER_SHOWN_CHARS - 1).collect();
    short.push('…');
    short
}

/// What one column gives each row.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Column {
    Id,
    Path,
    Families,
    Strengths,
    Goals,
    Target,
    /// The level of the strength named (as written in the header).
    Level(String),
    Axis(usize),
    Statement(usize),
    /// The date of the answers: `YYYY-MM-DD`, or a form's timestamp.
    Assessed,
    Group,
    Skip,
}

/// The columns of one survey file, worked out once from its headers.
#[derive(Debug)]
pub(super) struct Layout {
    pub(super) source: String,
    pub(super) stem: String,
    /// Each column's header as shown in messages.
    pub(super) headers: Vec<String>,
    pub(super) columns: Vec<Column>,
}

/// What the headers of a file said beyond the layout: what to name once.
#[derive(Debug, Default)]
pub(super) struct Reading {
    /// Headers that mean nothing here.
    pub(super) unrecognised: Vec<String>,
    /// Headers read by their words, with the kind read.
    pub(super) by_meaning: Vec<(String, &'static str)>,
    /// Why the skill questions cannot be placed: the survey is not scored.
    pub(super) unplaced: Option<Located>,
}

impl Layout {
    /// Works out the columns from the header cells; returns the layout and
    /// what to say of the headers.
    pub(super) fn new(
        headers: Vec<String>,
        source: &str,
        stem: &str,
        columns: Option<&Columns>,
        catalog: &Catalog,
    ) -> Result<(Layout, Reading), Located> {
        let names = Names::new(catalog);
        let mut reading = Reading::default();
        let mut kinds: Vec<Column> = Vec::with_capacity(headers.len());
        let mut id_rank: Vec<Option<usize>> = Vec::with_capacity(headers.len());
        let mut read_by_words: Vec<usize> = Vec::new();
        let mut unplaced: Vec<String> = Vec::new();
        for (i, header) in headers.iter().enumerate() {
            let key = header_key(header);
            let mut rank = None;
            let column = match mapped(&key, columns) {
                Some(column) => column,
                None => match auto(&key, header, &names, catalog) {
                    Auto::Column(column) => column,
                    Auto::Meaning(column) => {
                        read_by_words.push(i);
                        column
                    }
                    Auto::Skills => {
                        unplaced.push(header.clone());
                        Column::Skip
                    }
                    Auto::Id(r) => {
                        rank = Some(r);
                        Column::Skip
                    }
                    Auto::Metadata => Column::Skip,
                    Auto::Unknown => {
                        if !key.is_empty() {
                            reading.unrecognised.push(header.clone());
                        }
                        Column::Skip
                    }
                },
            };
            kinds.push(column);
            id_rank.push(rank);
        }
        // A list read by its words is safe only as the one column of its
        // kind: two are a guess between them.
        for kind in [Column::Strengths, Column::Goals] {
            let guessed: Vec<usize> = read_by_words
                .iter()
                .copied()
                .filter(|&c| kinds[c] == kind)
                .collect();
            let named = kinds.iter().filter(|c| **c == kind).count() - guessed.len();
            if guessed.len() > 1 || (guessed.len() == 1 && named > 0) {
                for c in guessed {
                    unplaced.push(headers[c].clone());
                    kinds[c] = Column::Skip;
                }
            }
        }
        reading.by_meaning = read_by_words
            .iter()
            .filter_map(|&c| {
                let kind = match kinds[c] {
                    Column::Strengths => "strengths",
                    Column::Goals => "goals",
                    Column::Level(_) => "levels",
                    _ => return None,
                };
                Some((headers[c].clone(), kind))
            })
            .collect();
        // The id comes from a mapped id column, else from the best-ranked
        // recognised one (the first of them).
        if !kinds.contains(&Column::Id) {
            let best = id_rank
                .iter()
                .enumerate()
                .filter_map(|(i, r)| r.map(|r| (r, i)))
                .min();
            if let Some((_, i)) = best {
                kinds[i] = Column::Id;
            }
        }
        let layout = Layout {
            source: source.to_string(),
            stem: stem.to_string(),
            headers,
            columns: kinds,
        };
        layout.check_single_answers(catalog)?;
        reading.unplaced = layout.unplaced(&unplaced, &reading.unrecognised);
        if unplaced.is_empty()
            && layout
                .columns
                .iter()
                .all(|c| matches!(c, Column::Skip | Column::Id))
        {
            // Every row would be scored as empty: a wrong file or a missing
            // mapping, not a cohort with no answers.
            return Err(Located::new(source, "no column holds answers")
                .at_line(Some(1))
                .with_hint(Some(
                    "name the columns as `rolefit template --format csv` prints them, or map them with --columns".into(),
                )));
        }
        Ok((layout, reading))
    }

    /// Why the survey's skill questions cannot be placed, if they cannot:
    /// headers that speak of skills and could not be read safely, or no
    /// skill column at all beside columns not recognised (no `path`
    /// column saying the rows are on the work-style path). Scoring such a
    /// survey would rank everyone on a fraction of their answers. (A file
    /// with no answer column at all fails alone, as a wrong file.)
    fn unplaced(&self, skills: &[String], unrecognised: &[String]) -> Option<Located> {
        let fix = |header: &str| {
            format!(
                "nothing was scored; say what each column holds in a YAML file \
                 (e.g. `{:?}: strengths`, `goals`, `levels` or `ignore`) and run again with --columns FILE",
                shorten(header)
            )
        };
        if let Some(first) = skills.first() {
            let names = unrecognised_names(skills);
            let message = format!(
                "the skill questions cannot be placed: {} could be strengths, goals or levels",
                names.join(", ")
            );
            return Some(
                Located::new(&self.source, message)
                    .at_line(Some(1))
                    .with_hint(Some(fix(first))),
            );
        }
        let skill_column = self
            .columns
            .iter()
            .any(|c| matches!(c, Column::Strengths | Column::Goals | Column::Level(_)));
        let first = unrecognised.first()?;
        let answers = self
            .columns
            .iter()
            .any(|c| !matches!(c, Column::Skip | Column::Id));
        if skill_column || self.columns.contains(&Column::Path) || !answers {
            return None;
        }
        let names = unrecognised_names(unrecognised);
        let message = format!(
            "no column gives strengths, goals or levels, and these were not recognised: {}",
            names.join(", ")
        );
        Some(
            Located::new(&self.source, message)
                .at_line(Some(1))
                .with_hint(Some(format!(
                    "{}; or, for a survey of work style alone, add a `path` column",
                    fix(first)
                ))),
        )
    }

    /// An id, path, axis or statement answered by two columns would be
    /// ambiguous in every row: the file fails.
    pub(super) fn check_single_answers(&self, catalog: &Catalog) -> Result<(), Located> {
        for (i, column) in self.columns.iter().enumerate() {
            let what = match column {
                Column::Id => "the id".to_string(),
                Column::Path => "the path".to_string(),
                Column::Assessed => "the date assessed".to_string(),
                Column::Group => "the group".to_string(),
                Column::Target => "the target".to_string(),
                Column::Axis(a) => format!("axis {}", catalog.axes[*a].id),
                Column::Statement(q) => format!("statement {}", catalog.questions[*q].id),
                _ => continue,
            };
            if let Some(j) = self.columns[..i].iter().position(|c| c == column) {
                let message = format!(
                    "columns {:?} and {:?} both give {what}",
                    shorten(&self.headers[j]),
                    shorten(&self.headers[i])
                );
                return Err(Located::new(&self.source, message)
                    .at_line(Some(1))
                    .with_hint(Some("map one of them to `ignore` with --columns".into())));
            }
        }
        Ok(())
    }

    pub(super) fn column_of(&self, wanted: impl Fn(&Column) -> bool) -> Option<usize> {
        self.columns.iter().position(wanted)
    }
}

/// A column's meaning from `--columns`: the header itself, or a grid's
/// question (`QUESTION [ROW]`).
pub(super) fn mapped(key: &str, columns: Option<&Columns>) -> Option<Column> {
    let columns = columns?;
    if let Some(mapping) = columns.find(key) {
        mapping.used.store(true, Ordering::Relaxed);
        return Some(match &mapping.kind {
            // A grid's question has no cells of its own.
            Kind::Levels => Column::Skip,
            kind => column_of_kind(kind),
        });
    }
    let (question, row) = split_grid(key)?;
    let mapping = columns.find(question)?;
    mapping.used.store(true, Ordering::Relaxed);
    Some(match &mapping.kind {
        Kind::Levels => Column::Level(row.to_string()),
        kind => column_of_kind(kind),
    })
}

pub(super) fn column_of_kind(kind: &Kind) -> Column {
    match kind {
        Kind::Id => Column::Id,
        Kind::Path => Column::Path,
        Kind::Families => Column::Families,
        Kind::Strengths => Column::Strengths,
        Kind::Goals => Column::Goals,
        Kind::Target => Column::Target,
        Kind::Axis(a) => Column::Axis(*a),
        Kind::Statement(q) => Column::Statement(*q),
        Kind::Assessed => Column::Assessed,
        Kind::Group => Column::Group,
        Kind::Levels | Kind::Ignore => Column::Skip,
    }
}

pub(super) enum Auto {
    Column(Column),
    /// Read by its words (a form's own question title): said once.
    Meaning(Column),
    /// Speaks of skills in a way that says not which kind: the survey
    /// stops before anything is scored.
    Skills,
    /// An id header, ranked: lower is preferred.
    Id(usize),
    Metadata,
    Unknown,
}

/// A column's meaning from its header alone.
pub(super) fn auto(key: &str, header: &str, names: &Names, catalog: &Catalog) -> Auto {
    if let Some(rank) = ID_HEADERS.iter().position(|names| names.contains(&key)) {
        return Auto::Id(rank);
    }
    match key {
        "path" => return Auto::Column(Column::Path),
        "families" => return Auto::Column(Column::Families),
        "strengths" => return Auto::Column(Column::Strengths),
        "goals" => return Auto::Column(Column::Goals),
        // A form's `Timestamp` is when the answers were given.
        "assessed" | "timestamp" => return Auto::Column(Column::Assessed),
        "group" => return Auto::Column(Column::Group),
        "target" | "target role" => return Auto::Column(Column::Target),
        _ => {}
    }
    if let Some(column) = names.axis_or_statement(key) {
        return Auto::Column(column);
    }
    if let Some((question, row)) = split_grid(header) {
        let question = header_key(question);
        if question == "level" {
            return Auto::Column(Column::Level(row.to_string()));
        }
        // A Likert grid: `How much do you agree? [STATEMENT]`.
        if let Some(column) = names.axis_or_statement(&header_key(row)) {
            return Auto::Column(column);
        }
        // A grid whose rows name skills: levels if it asks how well.
        if catalog.tag_index(row).is_some() {
            return match grid_meaning(&question) {
                Meaning::Levels => Auto::Meaning(Column::Level(row.to_string())),
                _ => Auto::Skills,
            };
        }
        if meaning(&question) != Meaning::Other {
            return Auto::Skills;
        }
    }
    if METADATA_HEADERS.contains(&key) {
        return Auto::Metadata;
    }
    match meaning(key) {
        Meaning::Strengths => Auto::Meaning(Column::Strengths),
        Meaning::Goals => Auto::Meaning(Column::Goals),
        Meaning::Levels | Meaning::Skills => Auto::Skills,
        Meaning::Other => Auto::Unknown,
    }
}

/// The catalog's axis and statement names in compared form, worked out
/// once per file: a survey may have very many columns.
pub(super) struct Names {
    /// Axis ids and names, normalised like tag names.
    pub(super) axes: std::collections::HashMap<String, usize>,
    /// Statement ids, normalised like tag names.
    pub(super) question_ids: std::collections::HashMap<String, usize>,
    /// Statement texts, compared like headers.
    pub(super) question_texts: std::collections::HashMap<String, usize>,
}

impl Names {
    pub(super) fn new(catalog: &Catalog) -> Names {
        let mut axes = std::collections::HashMap::new();
        for (a, axis) in catalog.axes.iter().enumerate() {
            axes.entry(normalize(&axis.id)).or_insert(a);
            axes.entry(normalize(&axis.name)).or_insert(a);
        }
        let mut question_ids = std::collections::HashMap::new();
        let mut question_texts = std::collections::HashMap::new();
        for (q, question) in catalog.questions.iter().enumerate() {
            question_ids.entry(normalize(&question.id)).or_insert(q);
            question_texts
                .entry(header_key(&question.text))
                .or_insert(q);
        }
        Names {
            axes,
            question_ids,
            question_texts,
        }
    }

    pub(super) fn axis_or_statement(&self, key: &str) -> Option<Column> {
        let wanted = normalize(key);
        if let Some(&a) = self.axes.get(&wanted) {
            return Some(Column::Axis(a));
        }
        self.question_ids
            .get(&wanted)
            .or_else(|| self.question_texts.get(key))
            .map(|&q| Column::Statement(q))
    }
}

/// The headers to name in the warning: a grid's columns once, by its
/// question.
pub(super) fn unrecognised_names(headers: &[String]) -> Vec<String> {
    let mut names: Vec<(String, usize)> = Vec::new();
    // A file may have very many columns: find each name's place by hash.
    let mut place: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for header in headers {
        let name = split_grid(header).map_or(header.as_str(), |(question, _)| question);
        let name = format!("{:?}", shorten(name));
        match place.get(&name) {
            Some(&i) => names[i].1 += 1,
            None => {
                place.insert(name.clone(), names.len());
                names.push((name, 1));
            }
        }
    }
    let more = names.len().saturating_sub(answers::MAX_REPORTED);
    let mut shown: Vec<String> = names
        .into_iter()
        .take(answers::MAX_REPORTED)
        .map(|(name, count)| match count {
            1 => name,
            n => format!("{name} ({n} columns)"),
        })
        .collect();
    if more > 0 {
        shown.push(format!("… and {more} more"));
    }
    shown
}

/// One line of a `--columns` file.
#[derive(Debug)]
pub(super) struct Mapping {
    pub(super) header: String,
    pub(super) key: String,
    pub(super) kind: Kind,
    pub(super) line: Option<usize>,
    /// Some column of some survey has this header.
    pub(super) used: AtomicBool,
}

/// A `--columns` file: header text → kind.
#[derive(Debug)]
pub struct Columns {
    pub(super) source: String,
    pub(super) mappings: Vec<Mapping>,
}

impl Columns {
    /// Reads a `--columns` file; any problem is a usage error (exit 2).
    pub fn load(path: &Path, catalog: &Catalog) -> crate::error::Result<Columns> {
        let source = path.display().to_string();
        let text = crate::read::read_limited(path, answers::MAX_ANSWER_BYTES)
            .map_err(|m| Located::new(&source, m))
            .and_then(|bytes| crate::read::decode(bytes, &source))
            .map_err(|e| Error::Usage(format!("--columns: {e}")))?;
        Columns::parse(&text, &source, catalog).map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(|p| format!("--columns: {p}")).collect();
            Error::Usage(lines.join("\n"))
        })
    }

    /// Parses the text of a `--columns` file, reporting every bad line.
    pub fn parse(text: &str, source: &str, catalog: &Catalog) -> Result<Columns, Vec<Located>> {
        let map: UniqueMap<String> = crate::document::from_yaml(
            text,
            source,
            crate::document::Shape("a map of column headers to kinds"),
        )
        .map_err(|e| vec![e])?;
        let mut mappings = Vec::new();
        let mut problems = Vec::new();
        for (header, kind) in map.iter() {
            let line = line_of_key(text, header);
            match Kind::parse(kind, catalog) {
                Ok(kind) => mappings.push(Mapping {
                    header: header.clone(),
                    key: header_key(header),
                    kind,
                    line,
                    used: AtomicBool::new(false),
                }),
                Err((message, hint)) => problems.push(
                    Located::new(source, message)
                        .at_line(line)
                        .at_entry(format!("{:?}", shorten(header)))
                        .with_hint(hint),
                ),
            }
        }
        if problems.is_empty() {
            Ok(Columns {
                source: source.to_string(),
                mappings,
            })
        } else {
            Err(problems)
        }
    }

    pub(super) fn find(&self, key: &str) -> Option<&Mapping> {
        self.mappings.iter().find(|m| m.key == key)
    }

    /// Mapped headers no survey had, as a usage error naming their lines.
    pub(super) fn check_used(&self) -> crate::error::Result<()> {
        let unused: Vec<String> = self
            .mappings
            .iter()
            .filter(|m| !m.used.load(Ordering::Relaxed))
            .map(|m| {
                let problem =
                    Located::new(&self.source, "no column of the surveys has this header")
                        .at_line(m.line)
                        .at_entry(format!("{:?}", shorten(&m.header)));
                format!("--columns: {problem}")
            })
            .collect();
        if unused.is_empty() {
            Ok(())
        } else {
            Err(Error::Usage(unused.join("\n")))
        }
    }
}

/// The line a top-level key starts on: the first line that begins with it,
/// bare or quoted.
pub(super) fn line_of_key(text: &str, key: &str) -> Option<usize> {
    let quoted = serde_json::to_string(key).unwrap_or_default();
    let single = format!("'{}'", key.replace('\'', "''"));
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            [key, quoted.as_str(), single.as_str()].iter().any(|k| {
                line.strip_prefix(k)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
        })
        .map(|i| i + 1)
}
