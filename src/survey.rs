//! Survey exports (CSV) as answers: a header row, then one answer set per
//! row.
//!
//! What each column holds is worked out once per file from its header (and
//! the `--columns` mapping); each row then becomes an [`AnswerFile`] and is
//! resolved like every answer file, so the same rules and outputs apply.
//! Problems name the file, the row as a spreadsheet numbers it (the header
//! is row 1), the column header, and the row's line in the file.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::answers::{self, AnswerFile, Origin, Respondent, Strength, UniqueMap, UnknownTags};
use crate::catalog::Catalog;
use crate::document::Number;
use crate::error::{Error, Located};
use crate::matching::{did_you_mean, normalize};

/// A survey file bigger than this is refused: far more than 50,000 rows.
pub const MAX_SURVEY_BYTES: u64 = 256 * 1024 * 1024;

/// Headers longer than this are shortened in messages (a statement's text
/// can be a whole sentence).
const HEADER_SHOWN_CHARS: usize = 60;

/// Column headers form tools add that carry no answer: ignored without a
/// warning (Google Forms, Microsoft Forms, SurveyMonkey).
const METADATA_HEADERS: [&str; 13] = [
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
const ID_HEADERS: [&[&str]; 3] = [
    &["id", "respondent id"],
    &["name", "full name"],
    &["email", "email address"],
];

/// What a header means, as a `--columns` file names it.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Id,
    Path,
    Families,
    Strengths,
    Goals,
    /// A grid question: its columns `QUESTION [TAG]` hold levels.
    Levels,
    Axis(usize),
    Statement(usize),
    Ignore,
}

impl Kind {
    const NAMES: [&'static str; 9] = [
        "id",
        "path",
        "families",
        "strengths",
        "goals",
        "levels",
        "axis:ID",
        "statement:ID",
        "ignore",
    ];

    /// The kind a `--columns` value names, or why it names none.
    fn parse(text: &str, catalog: &Catalog) -> Result<Kind, (String, Option<String>)> {
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
            "levels" => Ok(Kind::Levels),
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

/// One line of a `--columns` file.
#[derive(Debug)]
struct Mapping {
    header: String,
    key: String,
    kind: Kind,
    line: Option<usize>,
    /// Some column of some survey has this header.
    used: AtomicBool,
}

/// A `--columns` file: header text → kind.
#[derive(Debug)]
pub struct Columns {
    source: String,
    mappings: Vec<Mapping>,
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

    fn find(&self, key: &str) -> Option<&Mapping> {
        self.mappings.iter().find(|m| m.key == key)
    }

    /// Mapped headers no survey had, as a usage error naming their lines.
    fn check_used(&self) -> crate::error::Result<()> {
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
fn line_of_key(text: &str, key: &str) -> Option<usize> {
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

/// Headers are compared trimmed, lower-cased, with runs of white space as
/// one space.
fn header_key(header: &str) -> String {
    header
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `Question [Row]`, the way form tools name a grid's columns.
fn split_grid(header: &str) -> Option<(&str, &str)> {
    let inner = header.trim_end().strip_suffix(']')?;
    let open = inner.rfind('[')?;
    let question = inner[..open].trim_end();
    let row = inner[open + 1..].trim();
    (!question.is_empty() && !row.is_empty()).then_some((question, row))
}

fn shorten(header: &str) -> String {
    if header.chars().count() <= HEADER_SHOWN_CHARS {
        return header.to_string();
    }
    let mut short: String = header.chars().take(HEADER_SHOWN_CHARS - 1).collect();
    short.push('…');
    short
}

/// What one column gives each row.
#[derive(Debug, Clone, PartialEq)]
enum Column {
    Id,
    Path,
    Families,
    Strengths,
    Goals,
    /// The level of the strength named (as written in the header).
    Level(String),
    Axis(usize),
    Statement(usize),
    Skip,
}

/// The columns of one survey file, worked out once from its headers.
#[derive(Debug)]
struct Layout {
    source: String,
    stem: String,
    /// Each column's header as shown in messages.
    headers: Vec<String>,
    columns: Vec<Column>,
}

impl Layout {
    /// Works out the columns from the header cells; returns the layout and
    /// the headers that mean nothing here (to name once in a warning).
    fn new(
        headers: Vec<String>,
        source: &str,
        stem: &str,
        columns: Option<&Columns>,
        catalog: &Catalog,
    ) -> Result<(Layout, Vec<String>), Located> {
        let names = Names::new(catalog);
        let mut unrecognised = Vec::new();
        let mut kinds: Vec<Column> = Vec::with_capacity(headers.len());
        let mut id_rank: Vec<Option<usize>> = Vec::with_capacity(headers.len());
        for header in &headers {
            let key = header_key(header);
            let mut rank = None;
            let column = match mapped(&key, columns) {
                Some(column) => column,
                None => match auto(&key, header, &names) {
                    Auto::Column(column) => column,
                    Auto::Id(r) => {
                        rank = Some(r);
                        Column::Skip
                    }
                    Auto::Metadata => Column::Skip,
                    Auto::Unknown => {
                        if !key.is_empty() {
                            unrecognised.push(header.clone());
                        }
                        Column::Skip
                    }
                },
            };
            kinds.push(column);
            id_rank.push(rank);
        }
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
        if layout
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
        Ok((layout, unrecognised))
    }

    /// An id, path, axis or statement answered by two columns would be
    /// ambiguous in every row: the file fails.
    fn check_single_answers(&self, catalog: &Catalog) -> Result<(), Located> {
        for (i, column) in self.columns.iter().enumerate() {
            let what = match column {
                Column::Id => "the id".to_string(),
                Column::Path => "the path".to_string(),
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

    fn column_of(&self, wanted: impl Fn(&Column) -> bool) -> Option<usize> {
        self.columns.iter().position(wanted)
    }
}

/// A column's meaning from `--columns`: the header itself, or a grid's
/// question (`QUESTION [ROW]`).
fn mapped(key: &str, columns: Option<&Columns>) -> Option<Column> {
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

fn column_of_kind(kind: &Kind) -> Column {
    match kind {
        Kind::Id => Column::Id,
        Kind::Path => Column::Path,
        Kind::Families => Column::Families,
        Kind::Strengths => Column::Strengths,
        Kind::Goals => Column::Goals,
        Kind::Axis(a) => Column::Axis(*a),
        Kind::Statement(q) => Column::Statement(*q),
        Kind::Levels | Kind::Ignore => Column::Skip,
    }
}

enum Auto {
    Column(Column),
    /// An id header, ranked: lower is preferred.
    Id(usize),
    Metadata,
    Unknown,
}

/// A column's meaning from its header alone.
fn auto(key: &str, header: &str, names: &Names) -> Auto {
    if let Some(rank) = ID_HEADERS.iter().position(|names| names.contains(&key)) {
        return Auto::Id(rank);
    }
    match key {
        "path" => return Auto::Column(Column::Path),
        "families" => return Auto::Column(Column::Families),
        "strengths" => return Auto::Column(Column::Strengths),
        "goals" => return Auto::Column(Column::Goals),
        _ => {}
    }
    if let Some(column) = names.axis_or_statement(key) {
        return Auto::Column(column);
    }
    if let Some((question, row)) = split_grid(header) {
        if header_key(question) == "level" {
            return Auto::Column(Column::Level(row.to_string()));
        }
        // A Likert grid: `How much do you agree? [STATEMENT]`.
        if let Some(column) = names.axis_or_statement(&header_key(row)) {
            return Auto::Column(column);
        }
    }
    if METADATA_HEADERS.contains(&key) {
        return Auto::Metadata;
    }
    Auto::Unknown
}

/// The catalog's axis and statement names in compared form, worked out
/// once per file: a survey may have very many columns.
struct Names {
    /// Axis ids and names, normalised like tag names.
    axes: std::collections::HashMap<String, usize>,
    /// Statement ids, normalised like tag names.
    question_ids: std::collections::HashMap<String, usize>,
    /// Statement texts, compared like headers.
    question_texts: std::collections::HashMap<String, usize>,
}

impl Names {
    fn new(catalog: &Catalog) -> Names {
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

    fn axis_or_statement(&self, key: &str) -> Option<Column> {
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

/// A survey being read: its layout, and the records still to come.
pub struct Rows {
    reader: csv::Reader<Box<dyn Read + Send>>,
    layout: Arc<Layout>,
    /// The spreadsheet row of the last record read.
    row: usize,
    /// What the headers gave to say once (unrecognised columns).
    pub notes: Vec<Located>,
    done: bool,
}

/// One respondent's row, not yet read into answers.
pub struct Row {
    layout: Arc<Layout>,
    record: csv::StringRecord,
    row: usize,
    line: usize,
}

impl Rows {
    /// Opens a survey file: reads its header rows and works out its columns.
    pub fn open_file(
        path: &Path,
        columns: Option<&Columns>,
        catalog: &Catalog,
    ) -> Result<Rows, Located> {
        let source = path.display().to_string();
        let file = std::fs::File::open(path)
            .map_err(|e| Located::new(&source, crate::read::io_problem(&e)))?;
        let meta = file
            .metadata()
            .map_err(|e| Located::new(&source, crate::read::io_problem(&e)))?;
        if meta.is_file() && meta.len() > MAX_SURVEY_BYTES {
            return Err(Located::new(&source, too_large()));
        }
        let stem = path
            .file_stem()
            .map_or_else(|| source.clone(), |s| s.to_string_lossy().into_owned());
        Rows::open(Box::new(file), &source, &stem, columns, catalog)
    }

    /// Opens a survey from any reader (standard input: source `<stdin>`).
    pub fn open(
        reader: Box<dyn Read + Send>,
        source: &str,
        stem: &str,
        columns: Option<&Columns>,
        catalog: &Catalog,
    ) -> Result<Rows, Located> {
        let mut reader = std::io::BufReader::with_capacity(64 * 1024, Limited::new(reader));
        let delimiter = sniff_delimiter(&mut reader)
            .map_err(|e| Located::new(source, crate::read::io_problem(&e)).at_line(Some(1)))?;
        let reader: Box<dyn Read + Send> = Box::new(reader);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(reader);
        let mut record = csv::StringRecord::new();
        let read = |reader: &mut csv::Reader<_>, record: &mut csv::StringRecord| {
            reader
                .read_record(record)
                .map_err(|e| csv_problem(source, &e, 1))
        };
        if !read(&mut reader, &mut record)? {
            return Err(Located::new(source, "empty file"));
        }
        let mut headers: Vec<String> = record
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').to_string())
            .collect();
        let mut row = 1;
        if is_surveymonkey(&headers) {
            // SurveyMonkey's second header row names each column's option
            // or grid row under the question above it (or to its left).
            if !read(&mut reader, &mut record)? {
                return Err(Located::new(source, "the second header row is missing"));
            }
            row = 2;
            headers = combine_headers(&headers, &record);
        }
        let (layout, unrecognised) = Layout::new(headers, source, stem, columns, catalog)?;
        let notes = if unrecognised.is_empty() {
            Vec::new()
        } else {
            let names = unrecognised_names(&unrecognised);
            vec![
                Located::new(
                    source,
                    format!("columns ignored (not recognised): {}", names.join(", ")),
                )
                .at_line(Some(1))
                .with_hint(Some("map them with --columns if they hold answers".into())),
            ]
        };
        Ok(Rows {
            reader,
            layout: Arc::new(layout),
            row,
            notes,
            done: false,
        })
    }

    /// What to say of a survey with a header and no rows.
    pub fn no_rows(&self) -> Located {
        Located::new(&self.layout.source, "no rows under the header").at_line(Some(self.row))
    }

    /// The next respondent's row; a row that cannot be read fails alone,
    /// a read error ends the file.
    pub fn next_row(&mut self) -> Option<Result<Row, Located>> {
        loop {
            if self.done {
                return None;
            }
            let mut record = csv::StringRecord::new();
            self.row += 1;
            match self.reader.read_record(&mut record) {
                Ok(false) => {
                    self.done = true;
                    return None;
                }
                Ok(true) => {
                    // A blank line between rows is no respondent.
                    if record.iter().all(|c| c.trim().is_empty()) {
                        continue;
                    }
                    let line = record.position().map_or(self.row, |p| p.line() as usize);
                    return Some(Ok(Row {
                        layout: Arc::clone(&self.layout),
                        record,
                        row: self.row,
                        line,
                    }));
                }
                Err(e) => {
                    let fatal = !matches!(e.kind(), csv::ErrorKind::Utf8 { .. });
                    self.done = fatal;
                    let problem = csv_problem(&self.layout.source, &e, self.row)
                        .at_entry(format!("row {}", self.row));
                    return Some(Err(problem));
                }
            }
        }
    }
}

/// The headers to name in the warning: a grid's columns once, by its
/// question.
fn unrecognised_names(headers: &[String]) -> Vec<String> {
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

/// The separator of the header line: `,` unless `;` (Excel in many
/// languages) or a tab is more frequent in it, outside quotes.
fn sniff_delimiter(reader: &mut impl std::io::BufRead) -> std::io::Result<u8> {
    let head = reader.fill_buf()?;
    let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (1..3)
        .filter(|&i| counts[i] > counts[0])
        .max_by_key(|&i| counts[i]);
    Ok(match best {
        Some(1) => b';',
        Some(_) => b'\t',
        None => b',',
    })
}

fn is_surveymonkey(headers: &[String]) -> bool {
    headers
        .iter()
        .any(|h| matches!(header_key(h).as_str(), "respondent id" | "collector id"))
}

/// SurveyMonkey's two header rows as one: the question (carried right over
/// the empty cells of its other options), then `[option]` unless the
/// second row says only "Response".
fn combine_headers(first: &[String], second: &csv::StringRecord) -> Vec<String> {
    let width = first.len().max(second.len());
    let mut question = String::new();
    (0..width)
        .map(|i| {
            let top = first.get(i).map_or("", |s| s.trim());
            if !top.is_empty() {
                question = top.to_string();
            }
            let sub = second.get(i).map_or("", str::trim);
            match header_key(sub).as_str() {
                "" | "response" | "open-ended response" => question.clone(),
                _ if question.is_empty() => sub.to_string(),
                _ => format!("{question} [{sub}]"),
            }
        })
        .collect()
}

fn csv_problem(source: &str, error: &csv::Error, row: usize) -> Located {
    let line = error.position().map(|p| p.line() as usize);
    let message = match error.kind() {
        csv::ErrorKind::Utf8 { err, .. } => {
            format!("not valid UTF-8 in column {}", err.field() + 1)
        }
        csv::ErrorKind::Io(e) => crate::read::io_problem(e),
        _ => error.to_string(),
    };
    let problem = Located::new(source, message).at_line(line.or(Some(row)));
    if matches!(error.kind(), csv::ErrorKind::Utf8 { .. }) {
        problem.with_hint(Some(
            "save the survey as \"CSV UTF-8\" and try again".into(),
        ))
    } else {
        problem
    }
}

fn too_large() -> String {
    format!(
        "larger than {} MiB; refused",
        MAX_SURVEY_BYTES / (1024 * 1024)
    )
}

/// A reader that fails once more than `left` bytes have come through, and
/// reads CRLF line ends as LF: the CSV parser counts a record's line from
/// LF only, so with CRLF every line after the first would be one short.
struct Limited {
    inner: Box<dyn Read + Send>,
    left: u64,
    /// A CR that ended the last read: dropped if an LF comes next.
    carry_cr: bool,
}

impl Limited {
    fn new(inner: Box<dyn Read + Send>) -> Self {
        Limited {
            inner,
            left: MAX_SURVEY_BYTES,
            carry_cr: false,
        }
    }

    fn read_raw(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        match self.left.checked_sub(n as u64) {
            Some(left) => {
                self.left = left;
                Ok(n)
            }
            None => Err(std::io::Error::other(too_large())),
        }
    }
}

impl Read for Limited {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.len() < 2 {
            return self.read_raw(buf);
        }
        loop {
            let start = usize::from(std::mem::take(&mut self.carry_cr));
            if start == 1 {
                buf[0] = b'\r';
            }
            let n = self.read_raw(&mut buf[start..])?;
            let len = start + n;
            if n == 0 {
                return Ok(len);
            }
            let mut kept = 0;
            for i in 0..len {
                if buf[i] == b'\r' && buf.get(i + 1) == Some(&b'\n') && i + 1 < len {
                    continue;
                }
                buf[kept] = buf[i];
                kept += 1;
            }
            if buf[kept - 1] == b'\r' {
                self.carry_cr = true;
                kept -= 1;
            }
            if kept > 0 {
                return Ok(kept);
            }
        }
    }
}

/// Where each list item of a row came from, to name its column.
#[derive(Default)]
struct Sources {
    strengths: Vec<usize>,
    goals: Vec<usize>,
    families: Vec<usize>,
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
                Ok(respondent)
            }
            Err(problems) => Err(with_id(problems.into_iter().map(relocate).collect())),
        }
    }

    /// A repeat's message names the earlier entry (`from strengths[1]`): in
    /// a survey, name its column instead.
    fn name_earlier_entry(&self, message: &str, sources: &Sources) -> String {
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

    /// Where the row came from as shown to a person: `survey.csv:4`, its
    /// line.
    pub fn place(&self) -> String {
        format!("{}:{}", self.layout.source, self.line)
    }

    /// `row 4, column "Strengths"`.
    fn at(&self, column: Option<usize>) -> String {
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
    fn entry_of(&self, entry: Option<&str>, sources: &Sources, catalog: &Catalog) -> String {
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
            "path" => layout.column_of(|c| *c == Column::Path),
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
    fn answers(&self, catalog: &Catalog) -> Result<(AnswerFile, Sources), Vec<Located>> {
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
    fn prefer_grid_levels(&self, file: &mut AnswerFile, sources: &mut Sources, catalog: &Catalog) {
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
fn path_id(cell: &str, catalog: &Catalog) -> String {
    let wanted = normalize(cell);
    catalog
        .paths
        .iter()
        .find(|p| normalize(&p.name) == wanted)
        .map_or_else(|| cell.to_string(), |p| p.id.clone())
}

fn family_id(cell: &str, catalog: &Catalog) -> String {
    let wanted = normalize(cell);
    catalog
        .families
        .iter()
        .find(|f| normalize(&f.name) == wanted)
        .map_or_else(|| cell.to_string(), |f| f.id.clone())
}

/// The items of a list cell: separated by `;`, `,` or line breaks.
fn list_items(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', ',', '\n', '\r'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// `tag (N)` is the tag at level N; a bare tag has the default level.
fn leveled_item(item: &str) -> (&str, Option<f64>) {
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
fn leading_number(cell: &str) -> Option<f64> {
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

fn level_names() -> Vec<&'static str> {
    crate::interview::flow::LEVELS
        .iter()
        .map(|(name, _)| *name)
        .collect()
}

/// A level cell: a number (`3`, `3 - practitioner`) or a level's name.
fn level_value(cell: &str) -> Option<f64> {
    leading_number(cell).or_else(|| {
        let wanted = normalize(cell);
        level_names()
            .iter()
            .position(|name| *name == wanted)
            .map(|i| (i + 1) as f64)
    })
}

/// A Likert cell: a number (`4`, `4 - agree`) or a label.
fn likert_value(cell: &str) -> Option<f64> {
    leading_number(cell).or_else(|| {
        let wanted = normalize(cell);
        if wanted == "neutral" {
            return Some(3.0);
        }
        crate::form::LIKERT_LABELS
            .iter()
            .position(|label| normalize(label) == wanted)
            .map(|i| (i + 1) as f64)
    })
}

/// Survey settings shared by every CSV input of one command: the
/// `--columns` mapping, and standard input's survey, opened before scoring
/// so that a mapping problem stops the command before anything is written.
#[derive(Default)]
pub struct Surveys {
    pub columns: Option<Columns>,
    stdin: Mutex<Option<Result<Rows, Located>>>,
}

impl Surveys {
    /// Checks the surveys' headers against the mapping: a mapped header no
    /// survey has is a usage error (exit 2). Files are read again when
    /// scored; standard input is kept open here.
    pub fn prepare(
        columns: Option<Columns>,
        inputs: &[crate::batch::Input],
        catalog: &Catalog,
    ) -> crate::error::Result<Surveys> {
        use crate::answers::Format;
        use crate::batch::Input;
        let surveys = Surveys {
            columns,
            stdin: Mutex::new(None),
        };
        let Some(columns) = &surveys.columns else {
            if inputs.contains(&Input::Stdin(Format::Csv)) {
                surveys.open_stdin(catalog);
            }
            return Ok(surveys);
        };
        let mut any = false;
        let mut unchecked = false;
        for input in inputs {
            match input {
                Input::File(path, Format::Csv) => {
                    any = true;
                    // A pipe can be read only once: its headers are checked
                    // when it is scored, and the mapping cannot be checked.
                    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
                        unchecked = true;
                        continue;
                    }
                    // A file that cannot be read fails when it is scored.
                    let _ = Rows::open_file(path, Some(columns), catalog);
                }
                Input::Stdin(Format::Csv) => {
                    any = true;
                    surveys.open_stdin(catalog);
                }
                _ => {}
            }
        }
        if !any {
            return Err(Error::Usage(
                "--columns maps the headers of CSV surveys, and no .csv input was given".into(),
            ));
        }
        if !unchecked {
            columns.check_used()?;
        }
        Ok(surveys)
    }

    /// The surveys of `score` and `validate`: standard input is a survey
    /// with `--csv`; `--columns` is loaded and checked against the headers.
    pub fn for_inputs(
        inputs: &mut [crate::batch::Input],
        stdin_csv: bool,
        columns: Option<&Path>,
        catalog: &Catalog,
    ) -> crate::error::Result<Surveys> {
        use crate::batch::Input;
        if stdin_csv {
            for input in inputs.iter_mut() {
                if let Input::Stdin(format) = input {
                    *format = crate::answers::Format::Csv;
                }
            }
        }
        let columns = columns
            .map(|path| Columns::load(path, catalog))
            .transpose()?;
        Surveys::prepare(columns, inputs, catalog)
    }

    fn open_stdin(&self, catalog: &Catalog) {
        let rows = Rows::open(
            Box::new(std::io::stdin()),
            "<stdin>",
            "stdin",
            self.columns.as_ref(),
            catalog,
        );
        if let Ok(mut slot) = self.stdin.lock() {
            *slot = Some(rows);
        }
    }

    /// Standard input's survey, opened by [`Surveys::prepare`].
    pub fn take_stdin(&self, catalog: &Catalog) -> Result<Rows, Located> {
        let opened = self.stdin.lock().ok().and_then(|mut slot| slot.take());
        opened.unwrap_or_else(|| {
            Rows::open(
                Box::new(std::io::stdin()),
                "<stdin>",
                "stdin",
                self.columns.as_ref(),
                catalog,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_numbers_labels_and_lists() {
        assert_eq!(leading_number("3 - practitioner"), Some(3.0));
        assert_eq!(leading_number(" 3.5 "), Some(3.5));
        assert_eq!(leading_number("3rd"), None);
        assert_eq!(level_value("Advanced"), Some(4.0));
        assert_eq!(likert_value("Neither agree nor disagree"), Some(3.0));
        assert_eq!(likert_value("STRONGLY_agree"), Some(5.0));
        assert_eq!(likert_value("maybe"), None);
        assert_eq!(leveled_item("SLO (4)"), ("SLO", Some(4.0)));
        assert_eq!(leveled_item("repro (steps)"), ("repro (steps)", None));
        let items: Vec<&str> = list_items("a, b;c\nd ;; ").collect();
        assert_eq!(items, ["a", "b", "c", "d"]);
    }

    #[test]
    fn crlf_reads_as_lf_across_reads() {
        // One byte at a time: every CR is split from its LF.
        struct Trickle(Vec<u8>, usize);
        impl Read for Trickle {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let Some(&b) = self.0.get(self.1) else {
                    return Ok(0);
                };
                buf[0] = b;
                self.1 += 1;
                Ok(1)
            }
        }
        let text = b"a\r\nb\rc\r\n\r".to_vec();
        let mut out = Vec::new();
        Limited::new(Box::new(Trickle(text.clone(), 0)))
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, b"a\nb\rc\n\r");
        let mut whole = Vec::new();
        Limited::new(Box::new(std::io::Cursor::new(text)))
            .read_to_end(&mut whole)
            .unwrap();
        assert_eq!(whole, out);
    }

    #[test]
    fn headers_split_and_combine_like_form_tools_write_them() {
        assert_eq!(split_grid("Level [SLO]"), Some(("Level", "SLO")));
        assert_eq!(split_grid("Level []"), None);
        assert_eq!(header_key("  Your   Strengths "), "your strengths");
        let first: Vec<String> = ["Respondent ID", "Which?", "", "Path"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let second = csv::StringRecord::from(vec!["", "SLO", "pager", "Response"]);
        assert_eq!(
            combine_headers(&first, &second),
            ["Respondent ID", "Which? [SLO]", "Which? [pager]", "Path"]
        );
    }

    proptest::proptest! {
        /// A row written the way `template --format csv` lays it out
        /// resolves exactly like the same answers as an answer file.
        #[test]
        fn a_row_resolves_like_the_answer_file_it_was_written_from(
            path in 0usize..3,
            strengths in proptest::collection::vec((0usize..72, proptest::option::of(1u8..=5)), 0..6),
            goals in proptest::collection::vec(0usize..72, 0..3),
            axes in proptest::collection::vec(proptest::option::of(2u8..=10), 5),
            separator in proptest::sample::select(vec!["; ", ",", "\n"]),
        ) {
            let catalog = Catalog::builtin().unwrap();
            let tag = |t: usize| catalog.tags[t % catalog.tags.len()].name.clone();
            let mut seen = Vec::new();
            let picked: Vec<(String, Option<u8>)> = strengths
                .into_iter()
                .filter(|(t, _)| {
                    let fresh = !seen.contains(&(t % catalog.tags.len()));
                    seen.push(t % catalog.tags.len());
                    fresh
                })
                .map(|(t, level)| (tag(t), level))
                .collect();
            let strengths: Vec<Strength> = picked
                .iter()
                .map(|(tag, level)| Strength { tag: tag.clone(), level: level.map(|l| Number::from(f64::from(l))) })
                .collect();
            let mut goal_names: Vec<String> = goals.into_iter().map(tag).collect();
            goal_names.dedup();
            let work_style: Vec<(String, f64)> = catalog
                .axes
                .iter()
                .zip(&axes)
                .filter_map(|(a, v)| v.map(|v| (a.id.clone(), f64::from(v) / 2.0)))
                .collect();
            let path_id = catalog.paths[path].id.clone();
            let file = AnswerFile {
                id: Some("p".into()),
                path: Some(path_id.clone()),
                strengths: strengths.clone(),
                goals: goal_names.clone(),
                work_style: UniqueMap(
                    work_style.iter().map(|(id, v)| (id.clone(), Number::from(*v))).collect(),
                ),
                ..AnswerFile::default()
            };
            let origin = Origin { source: "a.yaml", text: "", first_line: 1, default_id: "a" };
            let expected = answers::resolve(file, &catalog, &origin);

            let items: Vec<String> = picked
                .iter()
                .map(|(tag, level)| match level {
                    Some(level) => format!("{tag} ({level})"),
                    None => tag.clone(),
                })
                .collect();
            let mut writer = csv::Writer::from_writer(Vec::new());
            let mut header = vec!["id".to_string(), "path".into(), "strengths".into(), "goals".into()];
            header.extend(catalog.axes.iter().map(|a| a.name.clone()));
            writer.write_record(&header).unwrap();
            let mut row = vec!["p".to_string(), path_id, items.join(separator), goal_names.join(separator)];
            row.extend(catalog.axes.iter().map(|a| {
                work_style.iter().find(|(id, _)| *id == a.id).map_or(String::new(), |(_, v)| v.to_string())
            }));
            writer.write_record(&row).unwrap();
            let text = writer.into_inner().unwrap();
            let mut rows = Rows::open(Box::new(std::io::Cursor::new(text)), "s.csv", "s", None, &catalog).unwrap();
            let got = rows.next_row().unwrap().unwrap().resolve(&catalog, UnknownTags::Error);
            proptest::prop_assert!(rows.next_row().is_none());
            match (expected, got) {
                (Ok(expected), Ok(got)) => {
                    proptest::prop_assert_eq!(
                        (&expected.id, expected.path, &expected.strengths, &expected.goals, &expected.work_style),
                        (&got.id, got.path, &got.strengths, &got.goals, &got.work_style)
                    );
                    proptest::prop_assert_eq!(expected.warnings.len(), got.warnings.len());
                }
                (Err(expected), Err(got)) => proptest::prop_assert_eq!(expected.len(), got.len()),
                (expected, got) => proptest::prop_assert!(false, "{:?} vs {:?}", expected, got),
            }
        }
    }

    #[test]
    fn columns_file_errors_name_the_line() {
        let catalog = Catalog::builtin().unwrap();
        let text = "Your strengths: strengths\n\"Q: pace?\": axis:pase\nOther: stuff\n";
        let problems = Columns::parse(text, "cols.yaml", &catalog).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].line, Some(2));
        assert_eq!(problems[0].hint.as_deref(), Some("did you mean \"pace\"?"));
        assert_eq!(problems[1].line, Some(3));
        assert!(problems[1].message.contains("unknown column kind"));
    }
}
