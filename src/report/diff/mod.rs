//! The `diff` report: the comparison gathered from the batch (`collect`),
//! as JSON (`json`) or as plain blocks (`blocks`) drawn as terminal
//! tables, Markdown or an HTML page. This module only picks the format.

mod blocks;
mod collect;
mod json;

use std::io::{self, Write};

use super::blocks::Block;
use super::theme::Theme;
use crate::catalog::Catalog;
use crate::diff::Diff;

pub use collect::{Collector, Side};

/// The formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffFormat {
    Table,
    Json,
    Markdown,
    Html,
}

/// Writes `diff` in `format`. With `anonymous`, no person's id appears:
/// a cohort is shown by its counts only.
pub fn write(
    catalog: &Catalog,
    diff: &Diff,
    format: DiffFormat,
    anonymous: bool,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    if format == DiffFormat::Json {
        return out.write_all(json::document(catalog, diff, anonymous).as_bytes());
    }
    let (title, blocks) = blocks::blocks(catalog, diff, anonymous);
    let titled = || [vec![Block::Heading(title.clone())], blocks.clone()].concat();
    match format {
        DiffFormat::Table => super::blocks::write_terminal(&titled(), theme, out),
        DiffFormat::Markdown => super::blocks::write_markdown(&titled(), out),
        DiffFormat::Html | DiffFormat::Json => out.write_all(
            super::html::blocks_page(&title, &blocks)
                .into_string()
                .as_bytes(),
        ),
    }
}
