//! The HTML writer's memory on a large cohort, and its pages.

use std::io;

use crate::catalog::Catalog;
use crate::report::writer::FormatWriter;

use super::HtmlWriter;
use super::cohort_data::{PEOPLE_LIMIT, band, band_name};

/// Above the limit the writer keeps counts only: its memory does not
/// grow with the cohort.
#[test]
fn a_large_cohort_keeps_no_row_per_person() {
    let catalog = Catalog::builtin().unwrap();
    let scored = crate::report::cohort::tests::sample_scored(&catalog);
    let mut writer = HtmlWriter::new(&catalog);
    let mut sink = io::sink();
    for count in 1..=PEOPLE_LIMIT + 50 {
        let rendered = writer.renderer().render(scored.clone());
        writer.emit(rendered, &mut sink).unwrap();
        let rows = writer.cohort.rows.len();
        match count {
            1 => assert_eq!(rows, 0, "one person is kept whole"),
            2..=PEOPLE_LIMIT => assert_eq!(rows, count),
            _ => assert_eq!(rows, 0),
        }
    }
    assert_eq!(writer.cohort.tally.scored, PEOPLE_LIMIT + 50);
    let people: u32 = writer.cohort.bands[scored.ranking[0].role].iter().sum();
    assert_eq!(people as usize, PEOPLE_LIMIT + 50);
}

#[test]
fn bands_are_tenths_with_full_marks_in_the_top_one() {
    assert_eq!(band(0.0), 0);
    assert_eq!(band(0.0999), 0);
    assert_eq!(band(0.1), 1);
    assert_eq!(band(0.99995), 9);
    assert_eq!(band(1.0), 9);
    assert_eq!(band_name(9), "90–100%");
    assert_eq!(band_name(0), "0–9%");
}
