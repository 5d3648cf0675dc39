//! Rendering: table, profile, JSON, JSON Lines, CSV and Markdown.
//!
//! [`Reporter`] receives respondents in input order. Per-respondent text is
//! rendered by [`Reporter::render`], which only reads shared state, so the
//! batch runs it in parallel; [`Reporter::emit`] then writes in order.

mod csv;
mod json;
mod markdown;
pub mod profile;
pub mod table;

pub use csv::excel_bom;

use std::collections::BTreeMap;
use std::io::{self, Write};

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

/// A fraction as a whole percentage, or a dash when undefined.
pub fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{:.0}%", v * 100.0))
}

/// Appends a fraction with the 4 decimals of the machine formats, nothing
/// when undefined. Digits are written by hand: through `format!` this was
/// a fifth of a CSV export.
pub fn write_fraction4(out: &mut String, value: Option<f64>) {
    let Some(value) = value else {
        return;
    };
    let n = crate::score::ten_thousandths(value);
    if n < 0 {
        out.push('-');
    }
    let n = n.unsigned_abs();
    write_integer(out, n / 10_000);
    out.push('.');
    let decimals = n % 10_000;
    for divisor in [1_000, 100, 10, 1] {
        out.push(char::from(b'0' + (decimals / divisor % 10) as u8));
    }
}

/// Appends a whole number in decimal.
pub fn write_integer(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

/// What [`Reporter::render`] prepared for one respondent.
pub enum Rendered {
    /// Text ready to write (JSON, JSON Lines, CSV).
    Text(String),
    /// A respondent kept whole: tables know only at the end whether they
    /// show one respondent in full or a row per respondent.
    Held(Box<Scored>),
}

/// One row of the cohort view.
struct CohortRow {
    id: String,
    /// Where the answers came from, shown beside an id two rows share.
    source: String,
    best: Option<(usize, f64)>,
    runner_up: Option<(usize, f64)>,
    gaps: Vec<usize>,
}

/// The stateless half of a [`Reporter`]: it renders one respondent from
/// shared data only, so the batch runs it on every core while the reporter
/// writes earlier results in order.
#[derive(Clone, Copy)]
pub struct Renderer<'c> {
    catalog: &'c Catalog,
    format: OutputFormat,
}

impl Renderer<'_> {
    pub fn render(&self, scored: Scored) -> Rendered {
        match self.format {
            OutputFormat::Json => Rendered::Text(json::respondent_pretty(self.catalog, &scored)),
            OutputFormat::Jsonl => Rendered::Text(json::respondent_line(self.catalog, &scored)),
            OutputFormat::Csv => Rendered::Text(csv::rows(self.catalog, &scored)),
            OutputFormat::Table | OutputFormat::Markdown => Rendered::Held(Box::new(scored)),
        }
    }
}

pub struct Reporter<'c> {
    catalog: &'c Catalog,
    format: OutputFormat,
    theme: Theme,
    written: usize,
    first: Option<Box<Scored>>,
    cohort: Vec<CohortRow>,
    errors: Vec<Located>,
    failed_inputs: usize,
}

impl<'c> Reporter<'c> {
    pub fn new(catalog: &'c Catalog, format: OutputFormat, theme: Theme) -> Self {
        Reporter {
            catalog,
            format,
            theme,
            written: 0,
            first: None,
            cohort: Vec::new(),
            errors: Vec::new(),
            failed_inputs: 0,
        }
    }

    pub fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        match self.format {
            OutputFormat::Json => json::begin(self.catalog, out),
            OutputFormat::Csv => csv::header(out),
            _ => Ok(()),
        }
    }

    /// What renders respondents for this report, on any thread.
    pub fn renderer(&self) -> Renderer<'c> {
        Renderer {
            catalog: self.catalog,
            format: self.format,
        }
    }

    /// Renders one respondent (see [`Renderer::render`]).
    pub fn render(&self, scored: Scored) -> Rendered {
        self.renderer().render(scored)
    }

    pub fn emit(&mut self, rendered: Rendered, out: &mut dyn Write) -> io::Result<()> {
        match rendered {
            Rendered::Text(text) => {
                if self.format == OutputFormat::Json && self.written > 0 {
                    out.write_all(b",\n")?;
                }
                out.write_all(text.as_bytes())?;
            }
            Rendered::Held(scored) => {
                if let Some(first) = self.first.take() {
                    self.cohort.push(self.cohort_row(&first));
                }
                if self.written == 0 {
                    self.first = Some(scored);
                } else {
                    self.cohort.push(self.cohort_row(&scored));
                }
            }
        }
        self.written += 1;
        Ok(())
    }

    fn cohort_row(&self, scored: &Scored) -> CohortRow {
        let pick = |i: usize| scored.ranking.get(i).map(|s| (s.role, s.score));
        CohortRow {
            id: scored.respondent.id.clone(),
            source: scored.respondent.source.clone(),
            best: pick(0),
            runner_up: pick(1),
            gaps: scored
                .best()
                .map(|best| crate::score::explain(self.catalog, &scored.respondent, best).gaps)
                .unwrap_or_default(),
        }
    }

    /// Records an input that failed; JSON Lines reports it in the stream.
    pub fn error(&mut self, problems: &[Located], out: &mut dyn Write) -> io::Result<()> {
        self.failed_inputs += 1;
        if self.format == OutputFormat::Jsonl {
            for problem in problems {
                out.write_all(json::error_line(problem).as_bytes())?;
            }
        }
        if self.format == OutputFormat::Json {
            self.errors.extend_from_slice(problems);
        }
        Ok(())
    }

    pub fn finish(mut self, out: &mut dyn Write) -> io::Result<()> {
        self.show_sources_of_shared_ids();
        match self.format {
            OutputFormat::Json => json::end(&self.errors, out),
            OutputFormat::Table => match (&self.first, self.cohort.is_empty()) {
                (Some(first), true) => table::single(self.catalog, first, self.theme, out),
                (None, false) => table::cohort(self.catalog, &self.cohort_view(), self.theme, out),
                _ => Ok(()),
            },
            OutputFormat::Markdown => match (&self.first, self.cohort.is_empty()) {
                (Some(first), true) => markdown::single(self.catalog, first, out),
                (None, false) => markdown::cohort(self.catalog, &self.cohort_view(), out),
                _ => Ok(()),
            },
            OutputFormat::Jsonl | OutputFormat::Csv => Ok(()),
        }
    }

    /// Two answer sets with one id are told apart by their source.
    fn show_sources_of_shared_ids(&mut self) {
        let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for row in &self.cohort {
            *counts.entry(row.id.as_str()).or_default() += 1;
        }
        let shared: std::collections::HashSet<String> = counts
            .into_iter()
            .filter(|&(_, n)| n > 1)
            .map(|(id, _)| id.to_string())
            .collect();
        for row in &mut self.cohort {
            if shared.contains(&row.id) {
                row.id = format!("{} ({})", row.id, row.source);
            }
        }
    }

    fn cohort_view(&self) -> Cohort<'_> {
        let mut best_counts: BTreeMap<usize, usize> = BTreeMap::new();
        let mut gap_counts: BTreeMap<usize, usize> = BTreeMap::new();
        for row in &self.cohort {
            if let Some((role, _)) = row.best {
                *best_counts.entry(role).or_default() += 1;
            }
            for &gap in &row.gaps {
                *gap_counts.entry(gap).or_default() += 1;
            }
        }
        let by_count = |counts: BTreeMap<usize, usize>| {
            let mut list: Vec<(usize, usize)> = counts.into_iter().collect();
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            list
        };
        Cohort {
            rows: &self.cohort,
            best_counts: by_count(best_counts),
            common_gaps: by_count(gap_counts),
            failed_inputs: self.failed_inputs,
        }
    }
}

/// The several-respondent view: a row each and a summary.
pub(crate) struct Cohort<'a> {
    rows: &'a [CohortRow],
    /// (role, respondents whose best match it is), most first.
    best_counts: Vec<(usize, usize)>,
    /// (tag, respondents missing it in their best match), most first.
    common_gaps: Vec<(usize, usize)>,
    failed_inputs: usize,
}

#[cfg(test)]
mod tests {
    use super::{write_fraction4, write_integer};

    #[test]
    fn numbers_are_written_like_format_does() {
        for value in [0.0, 1.0, 0.6838, 0.40875, 0.99995, 0.123_449_9, 0.5] {
            let mut ours = String::new();
            write_fraction4(&mut ours, Some(value));
            let rounded = crate::score::round4(value);
            assert_eq!(ours, format!("{rounded:.4}"), "{value}");
        }
        let mut none = String::new();
        write_fraction4(&mut none, None);
        assert!(none.is_empty());
        for n in [0u64, 7, 10, 24, 1_000_000, u64::MAX] {
            let mut ours = String::new();
            write_integer(&mut ours, n);
            assert_eq!(ours, n.to_string());
        }
    }
}
