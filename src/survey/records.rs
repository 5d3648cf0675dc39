//! Reading a survey CSV: delimiter, header rows, size limit, records as
//! rows with their spreadsheet row and line.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use crate::catalog::Catalog;
use crate::error::Located;

use super::header::{Columns, Layout, header_key, unrecognised_names};

/// A survey file bigger than this is refused: far more than 50,000 rows.
const MAX_SURVEY_BYTES: u64 = 256 * 1024 * 1024;

/// A survey being read: its layout, and the records still to come.
pub struct Rows {
    pub(super) reader: csv::Reader<Box<dyn Read + Send>>,
    pub(super) layout: Arc<Layout>,
    /// The spreadsheet row of the last record read.
    pub(super) row: usize,
    /// What the headers gave to say once (unrecognised columns, columns
    /// read by their words).
    pub notes: Vec<Located>,
    /// Why the skill questions cannot be placed: then no row is scored.
    pub unplaced: Option<Located>,
    pub(super) done: bool,
}

/// One respondent's row, not yet read into answers.
pub struct Row {
    pub(super) layout: Arc<Layout>,
    pub(super) record: csv::StringRecord,
    pub(super) row: usize,
    pub(super) line: usize,
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
        // A workbook renamed `.csv`: say what it is, not that it is not UTF-8.
        let start = std::io::BufRead::fill_buf(&mut reader).unwrap_or_default();
        if let Some(kind) = crate::read::office_document(start) {
            let message = format!(
                "this is {kind}, not a CSV file; save the survey as \"CSV UTF-8\" and score that"
            );
            return Err(Located::new(source, message));
        }
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
        let (layout, reading) = Layout::new(headers, source, stem, columns, catalog)?;
        let mut notes = Vec::new();
        if !reading.by_meaning.is_empty() {
            let read: Vec<String> = ["strengths", "goals", "levels"]
                .iter()
                .flat_map(|&kind| {
                    let of_kind: Vec<String> = reading
                        .by_meaning
                        .iter()
                        .filter(|(_, k)| *k == kind)
                        .map(|(header, _)| header.clone())
                        .collect();
                    unrecognised_names(&of_kind)
                        .into_iter()
                        .map(move |name| format!("{name} as {kind}"))
                })
                .collect();
            notes.push(
                Located::new(
                    source,
                    format!("columns read by their words: {}", read.join(", ")),
                )
                .at_line(Some(1))
                .with_hint(Some("map them with --columns if that is wrong".into())),
            );
        }
        if !reading.unrecognised.is_empty() {
            let names = unrecognised_names(&reading.unrecognised);
            notes.push(
                Located::new(
                    source,
                    format!("columns ignored (not recognised): {}", names.join(", ")),
                )
                .at_line(Some(1))
                .with_hint(Some("map them with --columns if they hold answers".into())),
            );
        }
        Ok(Rows {
            reader,
            layout: Arc::new(layout),
            row,
            notes,
            unplaced: reading.unplaced,
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

/// The separator of the header line: `,` unless `;` (Excel in many
/// languages) or a tab is more frequent in it, outside quotes.
pub(super) fn sniff_delimiter(reader: &mut impl std::io::BufRead) -> std::io::Result<u8> {
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

pub(super) fn is_surveymonkey(headers: &[String]) -> bool {
    headers
        .iter()
        .any(|h| matches!(header_key(h).as_str(), "respondent id" | "collector id"))
}

/// SurveyMonkey's two header rows as one: the question (carried right over
/// the empty cells of its other options), then `[option]` unless the
/// second row says only "Response".
pub(super) fn combine_headers(first: &[String], second: &csv::StringRecord) -> Vec<String> {
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

pub(super) fn csv_problem(source: &str, error: &csv::Error, row: usize) -> Located {
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

pub(super) fn too_large() -> String {
    format!(
        "larger than {} MiB; refused",
        MAX_SURVEY_BYTES / (1024 * 1024)
    )
}

/// A reader that fails once more than `left` bytes have come through, and
/// reads CRLF line ends as LF: the CSV parser counts a record's line from
/// LF only, so with CRLF every line after the first would be one short.
pub(super) struct Limited {
    pub(super) inner: Box<dyn Read + Send>,
    pub(super) left: u64,
    /// A CR that ended the last read: dropped if an LF comes next.
    pub(super) carry_cr: bool,
}

impl Limited {
    pub(super) fn new(inner: Box<dyn Read + Send>) -> Self {
        Limited {
            inner,
            left: MAX_SURVEY_BYTES,
            carry_cr: false,
        }
    }

    pub(super) fn read_raw(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
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
