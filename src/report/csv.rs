//! CSV in long format: one row per respondent × ranked role.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::catalog::Catalog;
use crate::report::fraction4;
use crate::score::{Scored, explain};

const HEADER: [&str; 13] = [
    "id",
    "source",
    "path",
    "rank",
    "role_id",
    "role",
    "family",
    "score",
    "competency",
    "growth",
    "work_style",
    "matched",
    "gaps",
];

pub fn header(out: &mut dyn Write) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    writer.flush()
}

/// A cell a spreadsheet would run as a formula gets a leading `'`.
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

pub fn rows(catalog: &Catalog, scored: &Scored) -> String {
    let r = &scored.respondent;
    let mut writer = ::csv::Writer::from_writer(Vec::with_capacity(scored.ranking.len() * 160));
    for (i, s) in scored.ranking.iter().enumerate() {
        let role = &catalog.roles[s.role];
        let why = explain(catalog, r, s);
        let matched: Vec<String> = why
            .matched
            .iter()
            .map(|&(t, level)| format!("{} ({level})", catalog.tags[t].name))
            .collect();
        let gaps: Vec<&str> = why
            .gaps
            .iter()
            .map(|&t| catalog.tags[t].name.as_str())
            .collect();
        let rank = (i + 1).to_string();
        let numbers = [Some(s.score), s.competency, s.growth, s.work_style].map(fraction4);
        let text = [
            r.id.as_str(),
            r.source.as_str(),
            catalog.paths[r.path].id.as_str(),
            &rank,
            &role.id,
            &role.name,
            &catalog.families[role.family].id,
            &numbers[0],
            &numbers[1],
            &numbers[2],
            &numbers[3],
            &matched.join(";"),
            &gaps.join(";"),
        ];
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(text.iter().map(|cell| neutralize(cell).into_owned()));
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::neutralize;

    #[test]
    fn formula_cells_are_neutralised() {
        for cell in ["=1+1", "+x", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralize(cell).starts_with('\''), "{cell:?}");
        }
        assert_eq!(neutralize("jane"), "jane");
        assert_eq!(neutralize("0.8125"), "0.8125");
    }
}
