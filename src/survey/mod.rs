//! Survey exports (CSV) as answers: a header row, then one answer set per
//! row.
//!
//! What each column holds is worked out once per file from its header (and
//! the `--columns` mapping); each row then becomes an [`AnswerFile`](crate::answers::AnswerFile) and is
//! resolved like every answer file, so the same rules and outputs apply.
//! Problems name the file, the row as a spreadsheet numbers it (the header
//! is row 1), the column header, and the row's line in the file.
//!
//! This file holds the entry points ([`Surveys`], [`Rows`], [`Row`]) and
//! the plan per file; `read` reads the CSV, `header` works out the column
//! kinds, `cells` reads cell values, `rows` turns a row into an
//! answer file.

use std::path::Path;
use std::sync::Mutex;

use crate::catalog::Catalog;
use crate::error::{Error, Located};

mod cells;
mod header;
mod meaning;
mod read;
mod rows;
#[cfg(test)]
mod tests;

pub use header::Columns;
pub use read::{Row, Rows};

/// Survey settings shared by every CSV input of one command: the
/// `--columns` mapping, and standard input's survey, opened before scoring
/// so that a mapping problem stops the command before anything is written.
#[derive(Default)]
pub struct Surveys {
    pub columns: Option<Columns>,
    stdin: Mutex<Option<Result<Rows, Located>>>,
}

impl Surveys {
    /// Checks the surveys' headers: a survey whose skill questions cannot
    /// be placed, or a mapped header no survey has, is a usage error (exit
    /// 2) before anything is scored. Files are read again when scored;
    /// standard input is kept open here.
    pub fn prepare(
        columns: Option<Columns>,
        inputs: &[crate::answers::Input],
        catalog: &Catalog,
    ) -> crate::error::Result<Surveys> {
        use crate::answers::Format;
        use crate::answers::Input;
        let surveys = Surveys {
            columns,
            stdin: Mutex::new(None),
        };
        let mut any = false;
        let mut unchecked = false;
        for input in inputs {
            match input {
                Input::File(path, Format::Csv) => {
                    any = true;
                    // A pipe can be read only once: its headers are checked
                    // when it is scored.
                    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
                        unchecked = true;
                        continue;
                    }
                    // A file that cannot be read fails when it is scored.
                    if let Ok(rows) = Rows::open_file(path, surveys.columns.as_ref(), catalog) {
                        unplaced(&rows)?;
                    }
                }
                Input::Stdin(Format::Csv) => {
                    any = true;
                    surveys.open_stdin(catalog);
                    if let Ok(slot) = surveys.stdin.lock()
                        && let Some(Ok(rows)) = slot.as_ref()
                    {
                        unplaced(rows)?;
                    }
                }
                _ => {}
            }
        }
        let Some(columns) = &surveys.columns else {
            return Ok(surveys);
        };
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
        inputs: &mut [crate::answers::Input],
        stdin_csv: bool,
        columns: Option<&Path>,
        catalog: &Catalog,
    ) -> crate::error::Result<Surveys> {
        use crate::answers::Input;
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

/// A survey whose skill questions cannot be placed stops the command.
fn unplaced(rows: &Rows) -> crate::error::Result<()> {
    match &rows.unplaced {
        Some(problem) => Err(Error::Usage(problem.to_string())),
        None => Ok(()),
    }
}
