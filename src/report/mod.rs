//! Rendering: table, profile, JSON, JSON Lines, CSV and Markdown.
//!
//! Each format has its own writer behind [`FormatWriter`]; [`Reporter`]
//! picks it. Per-respondent text is rendered by the writer's [`Renderer`],
//! which only reads shared state, so the batch runs it in parallel; the
//! writer then writes in order.

mod cohort;
mod csv;
pub mod grid;
pub mod html;
mod json;
mod markdown;
mod numbers;
pub mod profile;
pub mod svg;
pub mod table;
pub mod ties;

pub use numbers::{hundredths, percent, whole_percent, write_fraction4, write_integer};

pub use csv::excel_bom;

use std::io::{self, Write};

use self::cohort::GatheringWriter;
use crate::catalog::Catalog;
use crate::error::Located;
use crate::score::Scored;

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

/// Rows a table shows unless `--top` says otherwise.
pub const TABLE_TOP: usize = 10;

/// How human-readable output looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// ANSI colours and bold.
    pub color: bool,
    /// Box drawing, block bars and ✓/✗; plain ASCII otherwise.
    pub unicode: bool,
    /// Columns to fit in.
    pub width: usize,
}

impl Theme {
    /// What snapshot tests and pipes get: no colour, ASCII, 80 columns.
    pub const PLAIN: Theme = Theme {
        color: false,
        unicode: false,
        width: 80,
    };

    pub fn bold(&self, text: &str) -> String {
        self.styled(text, console::Style::new().bold())
    }

    pub fn dim(&self, text: &str) -> String {
        self.styled(text, console::Style::new().dim())
    }

    pub fn styled(&self, text: &str, style: console::Style) -> String {
        style.force_styling(self.color).apply_to(text).to_string()
    }

    /// A bar of `cells` character cells filled to `fraction` (0–1).
    pub fn bar(&self, fraction: f64, cells: usize) -> String {
        let fraction = if fraction.is_finite() {
            fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        if !self.unicode {
            let filled = (fraction * cells as f64).round() as usize;
            return format!("{}{}", "#".repeat(filled), ".".repeat(cells - filled));
        }
        const PARTIAL: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
        let eighths = (fraction * cells as f64 * 8.0).round() as usize;
        let mut bar = "█".repeat(eighths / 8);
        if !eighths.is_multiple_of(8) {
            bar.push(PARTIAL[eighths % 8]);
        }
        // A light track shows the scale, so an empty bar does not look missing.
        let used = bar.chars().count();
        bar.extend(std::iter::repeat_n('░', cells.saturating_sub(used)));
        bar
    }

    pub fn check(&self, matched: bool) -> &'static str {
        match (self.unicode, matched) {
            (true, true) => "✓",
            (true, false) => "✗",
            (false, true) => "[x]",
            (false, false) => "[ ]",
        }
    }
}

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
fn write_text(rendered: Rendered, out: &mut dyn Write) -> io::Result<()> {
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

    /// Writes what comes after the last respondent.
    fn finish(self: Box<Self>, out: &mut dyn Write) -> io::Result<()>;
}

/// The writer of the format asked for.
pub struct Reporter<'c> {
    writer: Box<dyn FormatWriter<'c> + 'c>,
}

impl<'c> Reporter<'c> {
    pub fn new(catalog: &'c Catalog, format: OutputFormat, theme: Theme) -> Self {
        let writer: Box<dyn FormatWriter<'c> + 'c> = match format {
            OutputFormat::Table => Box::new(GatheringWriter::new(catalog, theme, table::write)),
            OutputFormat::Json => Box::new(json::JsonWriter::new(catalog)),
            OutputFormat::Jsonl => Box::new(json::JsonLinesWriter::new(catalog)),
            OutputFormat::Csv => Box::new(csv::CsvWriter::new(catalog)),
            OutputFormat::Html => Box::new(html::HtmlWriter::new(catalog)),
            OutputFormat::Markdown => {
                Box::new(GatheringWriter::new(catalog, theme, markdown::write))
            }
        };
        Reporter { writer }
    }

    pub fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.writer.begin(out)
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
