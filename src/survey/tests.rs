//! Unit tests of the survey importer: cells, line endings, headers, the
//! `--columns` file.

use std::io::Read;

use crate::answers::{self, AnswerFile, Origin, Strength, UniqueMap, UnknownTags};
use crate::catalog::Catalog;
use crate::document::Number;

use super::cells::{leading_number, level_value, leveled_item, likert_value, list_items};
use super::header::Columns;
use super::header::{header_key, split_grid};
use super::read::{Limited, Rows, combine_headers};

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
