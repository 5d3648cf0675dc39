//! The `diff` report: each side gathered from the batch, then written in the
//! format asked, by `json` or as the plain blocks of `blocks`.

mod blocks;
mod json;

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use super::blocks::Block;
use super::theme::Theme;
use super::writer::{FormatWriter, Rendered, Renderer};
use crate::catalog::Catalog;
use crate::diff::Diff;
use crate::error::Located;
use crate::score::Scored;

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

/// What one side of a diff holds once read.
#[derive(Default)]
pub struct Side {
    pub scored: Vec<Scored>,
    pub failed_inputs: usize,
}

/// A batch writer that keeps every respondent; the side is read from the
/// shared handle once the batch is done.
pub struct Collector<'c> {
    catalog: &'c Catalog,
    side: Rc<RefCell<Side>>,
}

impl<'c> Collector<'c> {
    pub fn new(catalog: &'c Catalog) -> (Self, Rc<RefCell<Side>>) {
        let side = Rc::new(RefCell::new(Side::default()));
        let collector = Collector {
            catalog,
            side: Rc::clone(&side),
        };
        (collector, side)
    }
}

impl<'c> FormatWriter<'c> for Collector<'c> {
    fn renderer(&self) -> Renderer<'c> {
        Renderer::holding(self.catalog)
    }

    fn emit(&mut self, rendered: Rendered, _out: &mut dyn Write) -> io::Result<()> {
        if let Rendered::Held(scored) = rendered {
            self.side.borrow_mut().scored.push(*scored);
        }
        Ok(())
    }

    fn error(&mut self, _problems: &[Located], _out: &mut dyn Write) -> io::Result<()> {
        self.side.borrow_mut().failed_inputs += 1;
        Ok(())
    }

    fn finish(self: Box<Self>, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
