//! CSV in long format: one row per respondent × ranked role.

use std::borrow::Cow;
use std::io::{self, Write};

use super::numbers::{write_fraction4, write_integer};
use super::writer::{FormatWriter, Rendered, Renderer, write_text};
use crate::catalog::Catalog;
use crate::error::Located;
use crate::score::{Scored, tag_marks};

const HEADER: [&str; 15] = [
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
    "understood",
    "words",
];

pub fn header(out: &mut dyn Write) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    writer.flush()
}

/// Excel reads a CSV file as UTF-8 only when it starts with this mark;
/// without it, accents and non-Latin names come out garbled.
pub fn excel_bom(out: &mut dyn Write) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())
}

/// A cell as written: control and bidi characters escaped as tables show
/// them, and a cell a spreadsheet would run as a formula with a leading `'`.
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    let escaped = crate::text::escape_control(cell);
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{escaped}"))
    } else {
        escaped
    }
}

/// The rows of one respondent. Buffers are reused across the rows: at
/// 24 rows per respondent this is the hot loop of a CSV export.
pub fn rows(catalog: &Catalog, scored: &Scored) -> String {
    let r = &scored.respondent;
    let mut out = String::with_capacity(scored.ranking.len() * 320);
    // The respondent's cells are the same on every row: checked and
    // quoted once.
    let mut prefix = String::new();
    // A survey row's or JSON Lines record's place tells apart two with
    // one id.
    let source = crate::report::cohort::place_of(r);
    for text in [&r.id, &source, &catalog.paths[r.path].id] {
        push_field(&mut prefix, &neutralize(text));
    }
    // Words understood of the words given: the same on every row.
    let mut counts = String::new();
    write_integer(&mut counts, r.words.understood.len() as u64);
    counts.push(',');
    write_integer(&mut counts, r.words.given() as u64);
    let mut marks: Vec<(usize, Option<u8>)> = Vec::new();
    let (mut matched, mut gaps) = (String::new(), String::new());
    with_catalog_cells(catalog, |cells| {
        for (i, s) in scored.ranking.iter().enumerate() {
            marks.clear();
            marks.extend(tag_marks(catalog, r, s));
            out.push_str(&prefix);
            write_integer(&mut out, (i + 1) as u64);
            out.push(',');
            out.push_str(&cells.roles[s.role]);
            for value in [Some(s.score), s.competency, s.growth, s.work_style] {
                write_fraction4(&mut out, value);
                out.push(',');
            }
            if marks.iter().all(|&(tag, _)| cells.plain_tags[tag]) {
                // Nothing to quote or neutralise: straight into the row.
                push_matched(&mut out, catalog, &marks);
                out.push(',');
                push_gaps(&mut out, catalog, &marks);
                out.push(',');
            } else {
                matched.clear();
                gaps.clear();
                push_matched(&mut matched, catalog, &marks);
                push_gaps(&mut gaps, catalog, &marks);
                push_field(&mut out, &neutralize(&matched));
                push_field(&mut out, &neutralize(&gaps));
            }
            out.push_str(&counts);
            out.push('\n');
        }
    });
    out
}

/// The `matched` cell: the tags with a level, `name (level)`, `;` between.
fn push_matched(out: &mut String, catalog: &Catalog, marks: &[(usize, Option<u8>)]) {
    let mut first = true;
    for &(tag, level) in marks {
        let Some(level) = level else { continue };
        if !std::mem::take(&mut first) {
            out.push(';');
        }
        out.push_str(&catalog.tags[tag].name);
        out.push_str(" (");
        write_integer(out, u64::from(level));
        out.push(')');
    }
}

/// The `gaps` cell: the tags without a level, `;` between.
fn push_gaps(out: &mut String, catalog: &Catalog, marks: &[(usize, Option<u8>)]) {
    let mut first = true;
    for &(tag, level) in marks {
        if level.is_some() {
            continue;
        }
        if !std::mem::take(&mut first) {
            out.push(';');
        }
        out.push_str(&catalog.tags[tag].name);
    }
}

/// What rows reuse from a catalog, made once per catalog and thread.
struct CatalogCells {
    /// Each role's `role_id,role,family,` cells.
    roles: Vec<String>,
    /// Whether a tag's name may go into a cell as it is: it holds nothing
    /// to quote and does not start like a formula. A list of such names
    /// (joined by `;`, with ` (N)` levels) needs neither.
    plain_tags: Vec<bool>,
}

/// Runs `use_cells` with the catalog's cells, made once per catalog and
/// thread rather than on every row.
fn with_catalog_cells<R>(catalog: &Catalog, use_cells: impl FnOnce(&CatalogCells) -> R) -> R {
    thread_local! {
        static CELLS: std::cell::RefCell<Option<(u64, CatalogCells)>> =
            const { std::cell::RefCell::new(None) };
    }
    CELLS.with_borrow_mut(|made| {
        if made
            .as_ref()
            .is_some_and(|(serial, _)| *serial != catalog.serial())
        {
            *made = None;
        }
        let (_, cells) = made.get_or_insert_with(|| (catalog.serial(), catalog_cells(catalog)));
        use_cells(cells)
    })
}

fn catalog_cells(catalog: &Catalog) -> CatalogCells {
    let roles = catalog
        .roles
        .iter()
        .map(|role| {
            let mut cell = String::new();
            for text in [&role.id, &role.name, &catalog.families[role.family].id] {
                push_field(&mut cell, &neutralize(text));
            }
            cell
        })
        .collect();
    let plain_tags = catalog
        .tags
        .iter()
        .map(|tag| !needs_quotes(&tag.name) && matches!(neutralize(&tag.name), Cow::Borrowed(_)))
        .collect();
    CatalogCells { roles, plain_tags }
}

/// Whether a field holds a comma, quote or line break, as csv_core decides
/// (the csv crate's own rule).
fn needs_quotes(field: &str) -> bool {
    csv_core::Writer::new().should_quote(field.as_bytes())
}

/// Appends one field and the comma after it, written by csv_core: quoted
/// when it holds a comma, quote or line break, quotes doubled (RFC 4180,
/// as the csv crate writes the header).
fn push_field(out: &mut String, field: &str) {
    let mut writer = csv_core::Writer::new();
    if !writer.should_quote(field.as_bytes()) {
        out.push_str(field);
        out.push(',');
        return;
    }
    // At most: the opening quote, every byte a doubled quote, the closing
    // quote and the comma.
    let mut quoted = vec![0; 2 * field.len() + 3];
    let (_, _, written) = writer.field(field.as_bytes(), &mut quoted);
    let (_, closed) = writer.delimiter(&mut quoted[written..]);
    // csv_core adds ASCII quotes only, between whole characters: the bytes
    // stay UTF-8 and nothing is replaced.
    out.push_str(&String::from_utf8_lossy(&quoted[..written + closed]));
}

/// CSV: the header, then each respondent's rows as they come.
pub struct CsvWriter<'c> {
    catalog: &'c Catalog,
}

impl<'c> CsvWriter<'c> {
    pub fn new(catalog: &'c Catalog) -> Self {
        CsvWriter { catalog }
    }
}

impl<'c> FormatWriter<'c> for CsvWriter<'c> {
    fn renderer(&self) -> Renderer<'c> {
        Renderer::new(self.catalog, |catalog, scored| {
            Rendered::Text(rows(catalog, &scored))
        })
    }

    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        header(out)
    }

    fn emit(&mut self, rendered: Rendered, out: &mut dyn Write) -> io::Result<()> {
        write_text(rendered, out)
    }

    /// Failed inputs have no rows; stderr names them.
    fn error(&mut self, _problems: &[Located], _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn finish(self: Box<Self>, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::neutralize;
    use crate::answers::Respondent;
    use crate::catalog::Catalog;

    #[test]
    fn tag_lists_to_quote_or_neutralise_are_read_back_as_written() {
        // A tag whose name starts like a formula and holds a comma and quotes.
        let text = crate::catalog::BUILTIN_SOURCE
            .replace("escalation routing", r#""=escalation, \"routing\"""#);
        let catalog = Catalog::parse(&text, "odd.yaml").unwrap();
        let odd = catalog
            .tags
            .iter()
            .position(|t| t.name.starts_with('='))
            .unwrap();
        for strengths in [vec![(odd, 3)], vec![]] {
            // As a strength it is its role's whole `matched` cell.
            let first_in_cell = !strengths.is_empty();
            let respondent = Respondent {
                id: "t".into(),
                source: "t.yaml".into(),
                path: catalog.path_index("full").unwrap(),
                strengths,
                goals: vec![],
                work_style: vec![None; catalog.axes.len()],
                families: vec![],
                target: None,
                warnings: vec![],
                ..Default::default()
            };
            let scored = crate::score::assess(&catalog, respondent, None);
            let text = super::rows(&catalog, &scored);
            let mut reader = ::csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(text.as_bytes());
            let records: Vec<_> = reader.records().map(Result::unwrap).collect();
            assert_eq!(records.len(), scored.ranking.len());
            for (record, s) in records.iter().zip(&scored.ranking) {
                let why = crate::score::explain(&catalog, &scored.respondent, s);
                let name = |tag: usize| catalog.tags[tag].name.clone();
                let matched: Vec<String> = (why.matched.iter())
                    .map(|&(t, l)| format!("{} ({l})", name(t)))
                    .collect();
                let gaps: Vec<String> = why.gaps.iter().map(|&t| name(t)).collect();
                assert_eq!(&record[11], neutralize(&matched.join(";")));
                assert_eq!(&record[12], neutralize(&gaps.join(";")));
            }
            if first_in_cell {
                assert!(
                    text.contains(r#","'=escalation, ""routing"" (3)""#),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn fields_are_quoted_like_the_csv_crate_does() {
        for field in [
            "plain",
            "a,b",
            "say \"hi\"",
            "two\nlines",
            "cr\r",
            "",
            "semi;colon",
        ] {
            let mut ours = String::new();
            super::push_field(&mut ours, field);
            let mut theirs = ::csv::WriterBuilder::new().from_writer(Vec::new());
            theirs.write_record([field, "x"]).unwrap();
            let theirs = String::from_utf8(theirs.into_inner().unwrap()).unwrap();
            assert_eq!(format!("{ours}x\n"), theirs, "{field:?}");
        }
    }
}
