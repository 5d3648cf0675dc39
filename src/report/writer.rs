//! What every format's writer is: a [`FormatWriter`] takes respondents in
//! input order, each prepared beforehand, on any thread, by its
//! [`Renderer`].

use std::io::{self, Write};

use crate::catalog::Catalog;
use crate::error::Located;
use crate::score::Scored;

/// What a [`Renderer`] prepared for one respondent.
pub enum Rendered {
    /// Text ready to write (JSON, JSON Lines, CSV).
    Text(String),
    /// A respondent kept whole: tables know only at the end whether they
    /// show one respondent in full or a row per respondent.
    Held(Box<Scored>),
}

/// The stateless half of a writer: it renders one respondent from shared
/// data only, so the batch runs it on every core while the writer writes
/// earlier results in order.
#[derive(Clone, Copy)]
pub struct Renderer<'c> {
    catalog: &'c Catalog,
    render: fn(&Catalog, Scored) -> Rendered,
}

impl<'c> Renderer<'c> {
    pub fn new(catalog: &'c Catalog, render: fn(&Catalog, Scored) -> Rendered) -> Self {
        Renderer { catalog, render }
    }

    /// A renderer that keeps each respondent whole for the writer.
    pub fn holding(catalog: &'c Catalog) -> Self {
        Renderer::new(catalog, |_, scored| Rendered::Held(Box::new(scored)))
    }

    pub fn render(&self, scored: Scored) -> Rendered {
        (self.render)(self.catalog, scored)
    }
}

/// Writes text a renderer prepared; a held respondent has no text.
pub(super) fn write_text(rendered: Rendered, out: &mut dyn Write) -> io::Result<()> {
    match rendered {
        Rendered::Text(text) => out.write_all(text.as_bytes()),
        Rendered::Held(_) => Ok(()),
    }
}

/// One output format's writer. It receives respondents in input order, each
/// rendered beforehand by its [`Renderer`] (on any thread), and failed
/// inputs between them.
pub trait FormatWriter<'c> {
    /// What renders respondents for this format.
    fn renderer(&self) -> Renderer<'c>;

    /// Writes what comes before the first respondent.
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    /// Takes the next respondent.
    fn emit(&mut self, rendered: Rendered, out: &mut dyn Write) -> io::Result<()>;

    /// Takes an input that failed (already reported on stderr).
    fn error(&mut self, problems: &[Located], out: &mut dyn Write) -> io::Result<()>;

    /// Takes what an input's reading decided for all its answer sets (a
    /// survey's columns ignored or read by their words; already on
    /// stderr), for formats that show it beside the results.
    fn notice(&mut self, _notice: &Located) {}

    /// Writes what comes after the last respondent.
    fn finish(self: Box<Self>, out: &mut dyn Write) -> io::Result<()>;
}
