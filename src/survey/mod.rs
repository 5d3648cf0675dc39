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
//! the plan per file. Its parts, each using only those before it:
//! `meaning`, `header`, `records`, `rows`.

use std::path::Path;
use std::sync::Mutex;

use crate::catalog::Catalog;
use crate::error::{Error, Located};

mod header;
mod meaning;
mod records;
mod rows;

pub use header::Columns;
pub use records::{Row, Rows};

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

#[cfg(test)]
mod tests {
    //! Unit tests of the survey importer: cells, line endings, headers, the
    //! `--columns` file.

    use std::io::Read;

    use crate::answers::{self, AnswerFile, Origin, Strength, UniqueMap, UnknownTags};
    use crate::catalog::Catalog;
    use crate::document::Number;

    use super::header::Columns;
    use super::header::{header_key, split_grid};
    use super::records::{Limited, Rows, combine_headers};
    use super::rows::{leading_number, level_value, leveled_item, likert_value, list_items};

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
