//! A report as plain blocks (headings, paragraphs, tables with an optional
//! chart), written once and drawn by each human format: terminal tables and
//! Markdown here, HTML in `html`. Text is raw; each format escapes it.

use std::io::{self, Write};

use super::grid::{align_right, new_table};
use super::theme::Theme;
use crate::text::{escape_control, escape_markdown, wrap};

/// A chart drawn beside a table in HTML (the other formats show the table).
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// One bar per row: (label, count).
    Counts(Vec<(String, usize)>),
    /// A value then and now per row (fractions 0–1): (label, then, now).
    Shifts(Vec<(String, Option<f64>, Option<f64>)>),
    /// A heatmap of the table's numbers: a fraction 0–1 per row and column
    /// after the first.
    Heat(Vec<Vec<Option<f64>>>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    Table {
        caption: String,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        /// Columns holding numbers (right-aligned).
        numeric: Vec<usize>,
        chart: Option<Chart>,
    },
}

/// The blocks as terminal tables, the headings bold.
pub fn write_terminal(blocks: &[Block], theme: Theme, out: &mut dyn Write) -> io::Result<()> {
    for block in blocks {
        match block {
            Block::Heading(text) => writeln!(out, "{}\n", theme.bold(&escape_control(text)))?,
            Block::Paragraph(text) => {
                writeln!(out, "{}\n", wrap(&escape_control(text), theme.width, ""))?
            }
            Block::Table {
                caption,
                header,
                rows,
                numeric,
                ..
            } => {
                writeln!(out, "{}", escape_control(caption))?;
                let mut table = new_table(theme, header.iter().map(String::as_str).collect());
                for row in rows {
                    table.add_row(row.iter().map(|c| escape_control(c).into_owned()));
                }
                align_right(&mut table, numeric);
                writeln!(out, "{}\n", table.trim_fmt())?;
            }
        }
    }
    Ok(())
}

/// The blocks as GitHub-flavoured Markdown.
pub fn write_markdown(blocks: &[Block], out: &mut dyn Write) -> io::Result<()> {
    for block in blocks {
        match block {
            Block::Heading(text) => writeln!(out, "### {}\n", escape_markdown(text))?,
            Block::Paragraph(text) => writeln!(out, "{}\n", escape_markdown(text))?,
            Block::Table {
                caption,
                header,
                rows,
                numeric,
                ..
            } => {
                writeln!(out, "#### {}\n", escape_markdown(caption))?;
                let cells = |row: &[String]| {
                    row.iter()
                        .map(|c| escape_markdown(c))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                writeln!(out, "| {} |", cells(header))?;
                let rules: Vec<&str> = (0..header.len())
                    .map(|c| if numeric.contains(&c) { "--:" } else { "---" })
                    .collect();
                writeln!(out, "|{}|", rules.join("|"))?;
                for row in rows {
                    writeln!(out, "| {} |", cells(row))?;
                }
                writeln!(out)?;
            }
        }
    }
    Ok(())
}
