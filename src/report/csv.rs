//! CSV in long format: one row per respondent × ranked role.

use std::borrow::Cow;
use std::io::{self, Write};

use super::numbers::{write_fraction4, write_integer};
use super::writer::{FormatWriter, Rendered, Renderer, write_text};
use crate::catalog::Catalog;
use crate::error::Located;
use crate::score::{Scored, tag_marks};

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

/// Excel reads a CSV file as UTF-8 only when it starts with this mark;
/// without it, accents and non-Latin names come out garbled.
pub fn excel_bom(out: &mut dyn Write) -> io::Result<()> {
    out.write_all("\u{feff}".as_bytes())
}

/// A cell a spreadsheet would run as a formula gets a leading `'`.
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
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
    for text in [&r.id, &r.source, &catalog.paths[r.path].id] {
        push_field(&mut prefix, &neutralize(text));
        prefix.push(',');
    }
    let (mut matched, mut gaps) = (String::new(), String::new());
    for (i, s) in scored.ranking.iter().enumerate() {
        matched.clear();
        gaps.clear();
        for (tag, level) in tag_marks(catalog, r, s) {
            let name = &catalog.tags[tag].name;
            match level {
                Some(level) => {
                    if !matched.is_empty() {
                        matched.push(';');
                    }
                    matched.push_str(name);
                    matched.push_str(" (");
                    push_whole(&mut matched, u64::from(level));
                    matched.push(')');
                }
                None => {
                    if !gaps.is_empty() {
                        gaps.push(';');
                    }
                    gaps.push_str(name);
                }
            }
        }
        out.push_str(&prefix);
        push_whole(&mut out, (i + 1) as u64);
        out.push(',');
        with_role_cells(catalog, |cells| out.push_str(&cells[s.role]));
        for value in [Some(s.score), s.competency, s.growth, s.work_style] {
            push_fraction4(&mut out, value);
            out.push(',');
        }
        push_field(&mut out, &neutralize(&matched));
        out.push(',');
        push_field(&mut out, &neutralize(&gaps));
        out.push('\n');
    }
    out
}

/// Runs `use_cells` with each role's `role_id,role,family,` cells, made
/// once per catalog and thread rather than on every row.
fn with_role_cells<R>(catalog: &Catalog, use_cells: impl FnOnce(&[String]) -> R) -> R {
    thread_local! {
        static CELLS: std::cell::RefCell<(Option<u64>, Vec<String>)> =
            const { std::cell::RefCell::new((None, Vec::new())) };
    }
    CELLS.with_borrow_mut(|(made_for, cells)| {
        if *made_for != Some(catalog.serial()) {
            *cells = catalog
                .roles
                .iter()
                .map(|role| {
                    let mut cell = String::new();
                    for text in [&role.id, &role.name, &catalog.families[role.family].id] {
                        push_field(&mut cell, &neutralize(text));
                        cell.push(',');
                    }
                    cell
                })
                .collect();
            *made_for = Some(catalog.serial());
        }
        use_cells(cells)
    })
}

/// Appends a whole number: ranks and levels are one or two digits, written
/// directly; larger ones go through the general writer.
fn push_whole(out: &mut String, n: u64) {
    match n {
        0..=9 => out.push(char::from(b'0' + n as u8)),
        10..=99 => {
            out.push(char::from(b'0' + (n / 10) as u8));
            out.push(char::from(b'0' + (n % 10) as u8));
        }
        _ => write_integer(out, n),
    }
}

/// Appends a fraction with four decimals. Scores are from 0 to 1, so the
/// whole six characters are made at once; other values take the general
/// writer.
fn push_fraction4(out: &mut String, value: Option<f64>) {
    let Some(x) = value else {
        return;
    };
    let n = crate::score::ten_thousandths(x);
    if !(0..100_000).contains(&n) {
        return write_fraction4(out, value);
    }
    let (whole, decimals) = ((n / 10_000) as usize, (n % 10_000) as usize);
    out.push(char::from(b'0' + whole as u8));
    out.push('.');
    out.push_str(&FOUR_DIGITS[decimals * 4..decimals * 4 + 4]);
}

/// "0000" to "9999" end to end, made at compile time: four decimals are
/// one copy.
const FOUR_DIGITS: &str = match std::str::from_utf8(&four_digits()) {
    Ok(text) => text,
    Err(_) => panic!("digits are ASCII"),
};

const fn four_digits() -> [u8; 40_000] {
    let mut table = [0u8; 40_000];
    let mut n = 0;
    while n < 10_000 {
        table[n * 4] = b'0' + (n / 1_000) as u8;
        table[n * 4 + 1] = b'0' + (n / 100 % 10) as u8;
        table[n * 4 + 2] = b'0' + (n / 10 % 10) as u8;
        table[n * 4 + 3] = b'0' + (n % 10) as u8;
        n += 1;
    }
    table
}

/// Appends one field, quoted when it holds a comma, quote or line break
/// (RFC 4180, as the csv crate writes the header).
fn push_field(out: &mut String, field: &str) {
    // A fold without an early exit: the compiler checks many bytes at a
    // time, and cells are short.
    let needs_quotes = field.bytes().fold(false, |found, b| {
        found | matches!(b, b',' | b'"' | b'\n' | b'\r')
    });
    if !needs_quotes {
        out.push_str(field);
        return;
    }
    out.push('"');
    for (i, part) in field.split('"').enumerate() {
        if i > 0 {
            out.push_str("\"\"");
        }
        out.push_str(part);
    }
    out.push('"');
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

    #[test]
    fn fast_number_paths_write_what_the_general_writers_do() {
        for n in [0, 1, 9, 10, 24, 99, 100, 12345] {
            let (mut fast, mut general) = (String::new(), String::new());
            super::push_whole(&mut fast, n);
            super::write_integer(&mut general, n);
            assert_eq!(fast, general);
        }
        for x in [
            None,
            Some(0.0),
            Some(1.0),
            Some(0.81245),
            Some(0.99995),
            Some(9.99994),
            Some(12.5),
            Some(-0.25),
        ] {
            let (mut fast, mut general) = (String::new(), String::new());
            super::push_fraction4(&mut fast, x);
            super::write_fraction4(&mut general, x);
            assert_eq!(fast, general, "{x:?}");
        }
        // Every four-decimal step from 0 to 2, and values near half-way.
        for i in 0..=20_000 {
            for offset in [0.0, 0.00004, 0.00005, 0.000049999] {
                let x = Some(f64::from(i) / 10_000.0 + offset);
                let (mut fast, mut general) = (String::new(), String::new());
                super::push_fraction4(&mut fast, x);
                super::write_fraction4(&mut general, x);
                assert_eq!(fast, general, "{x:?}");
            }
        }
    }

    #[test]
    fn formula_cells_are_neutralised() {
        for cell in ["=1+1", "+x", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(neutralize(cell).starts_with('\''), "{cell:?}");
        }
        assert_eq!(neutralize("jane"), "jane");
        assert_eq!(neutralize("0.8125"), "0.8125");
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
            assert_eq!(format!("{ours},x\n"), theirs, "{field:?}");
        }
    }
}
