//! Rendering: table, profile, JSON, JSON Lines, CSV, Markdown and HTML.
//!
//! Each format has its own writer behind [`FormatWriter`]; [`Reporter`]
//! picks it. Per-respondent text is rendered by the writer's [`Renderer`],
//! which only reads shared state, so the batch runs it in parallel; the
//! writer then writes in order.
//!
//! Its parts, each using only those before it: `numbers`, `theme`,
//! `writer`, `grid`, `blocks`, `groups`, `cohort`, `ties`, `profile`,
//! `aims`, `svg`, then the writers `table`, `markdown`, `json`, `csv` and
//! `html`, and last `diff`; `words` stands apart. This file holds only the
//! format enums and [`Reporter`], which builds the writer asked for.

pub mod aims;
pub mod blocks;
mod cohort;
mod csv;
pub mod diff;
pub mod grid;
mod groups;
pub mod html;
mod json;
mod markdown;
mod numbers;
pub mod profile;
pub mod svg;
pub mod table;
mod theme;
pub mod ties;
pub mod words;
mod writer;

pub use csv::excel_bom;
pub use groups::MIN_GROUP;
pub(crate) use groups::Privacy;
pub use numbers::{hundredths, percent, whole_percent, write_fraction4, write_integer};
pub use table::TABLE_TOP;
pub use theme::Theme;
pub use writer::{FormatWriter, Rendered, Renderer};

use std::io::{self, Write};

use crate::catalog::Catalog;
use crate::error::Located;
use crate::score::Scored;
use cohort::GatheringWriter;

/// Formats of `score` (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
    Jsonl,
    Csv,
    Markdown,
    Html,
}

/// Formats of the catalog-browsing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BrowseFormat {
    Table,
    Json,
    Markdown,
}

/// The writer of the format asked for.
pub struct Reporter<'c> {
    writer: Box<dyn FormatWriter<'c> + 'c>,
}

impl<'c> Reporter<'c> {
    pub fn new(catalog: &'c Catalog, format: OutputFormat, theme: Theme) -> Self {
        Reporter::with_privacy(catalog, format, theme, Privacy::default())
    }

    /// A reporter whose cohort views keep to `privacy` (the human formats;
    /// `score` refuses the others with `--anonymous` or `--by group`).
    pub(crate) fn with_privacy(
        catalog: &'c Catalog,
        format: OutputFormat,
        theme: Theme,
        privacy: Privacy,
    ) -> Self {
        let writer: Box<dyn FormatWriter<'c> + 'c> = match format {
            OutputFormat::Table => Box::new(GatheringWriter::new(
                catalog,
                theme,
                table::DRAWING,
                privacy,
            )),
            OutputFormat::Json => Box::new(json::JsonWriter::new(catalog)),
            OutputFormat::Jsonl => Box::new(json::JsonLinesWriter::new(catalog)),
            OutputFormat::Csv => Box::new(csv::CsvWriter::new(catalog)),
            OutputFormat::Html => Box::new(html::HtmlWriter::with_privacy(catalog, privacy)),
            OutputFormat::Markdown => Box::new(GatheringWriter::new(
                catalog,
                theme,
                markdown::DRAWING,
                privacy,
            )),
        };
        Reporter { writer }
    }

    /// A reporter around a writer of another command's own (`diff`).
    pub fn with_writer(writer: Box<dyn FormatWriter<'c> + 'c>) -> Self {
        Reporter { writer }
    }

    pub fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.writer.begin(out)
    }

    /// What an input's reading decided for all its answer sets.
    pub fn notice(&mut self, notice: &Located) {
        self.writer.notice(notice);
    }

    /// What renders respondents for this report, on any thread.
    pub fn renderer(&self) -> Renderer<'c> {
        self.writer.renderer()
    }

    /// Renders one respondent (see [`Renderer::render`]).
    pub fn render(&self, scored: Scored) -> Rendered {
        self.renderer().render(scored)
    }

    pub fn emit(&mut self, rendered: Rendered, out: &mut dyn Write) -> io::Result<()> {
        self.writer.emit(rendered, out)
    }

    /// Records an input that failed; some formats report it in the output.
    pub fn error(&mut self, problems: &[Located], out: &mut dyn Write) -> io::Result<()> {
        self.writer.error(problems, out)
    }

    pub fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        self.writer.finish(out)
    }
}
