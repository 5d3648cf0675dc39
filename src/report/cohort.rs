//! What the human formats gather: one respondent in full, or a cohort.

use std::io::{self, Write};

use super::theme::Theme;
use super::writer::{FormatWriter, Rendered, Renderer};
use crate::catalog::Catalog;
use crate::error::Located;
use crate::score::{Scored, explain};

/// How many of the most common gaps a cohort summary lists.
pub(crate) const COMMON_GAPS: usize = 5;

/// Respondents of a format that knows only at the end whether it shows one
/// person in full or a cohort: the first is kept whole until a second
/// arrives; from then on each goes to the cohort.
#[derive(Default)]
pub(crate) struct OneOrMany {
    first: Option<Box<Scored>>,
    seen: usize,
}

impl OneOrMany {
    /// Keeps `scored`, or hands it to `to_cohort` (with the first one too,
    /// when the second arrives).
    pub fn add(&mut self, scored: Box<Scored>, mut to_cohort: impl FnMut(&Scored)) {
        if let Some(first) = self.first.take() {
            to_cohort(&first);
        }
        if self.seen == 0 {
            self.first = Some(scored);
        } else {
            to_cohort(&scored);
        }
        self.seen += 1;
    }

    /// The one respondent, when there was exactly one.
    pub fn single(&self) -> Option<&Scored> {
        self.first.as_deref()
    }

    /// Respondents seen.
    pub fn count(&self) -> usize {
        self.seen
    }
}

/// Counts over a cohort that stay the same size however many people come.
pub(crate) struct CohortTally {
    /// Per role: respondents whose best match it is.
    best: Vec<usize>,
    /// Per tag: respondents missing it in their best match.
    gaps: Vec<usize>,
    pub scored: usize,
    pub failed_inputs: usize,
}

impl CohortTally {
    pub fn new(catalog: &Catalog) -> Self {
        CohortTally {
            best: vec![0; catalog.roles.len()],
            gaps: vec![0; catalog.tags.len()],
            scored: 0,
            failed_inputs: 0,
        }
    }

    pub fn add(&mut self, catalog: &Catalog, scored: &Scored) {
        self.scored += 1;
        if let Some(best) = scored.best() {
            self.best[best.role] += 1;
            for gap in explain(catalog, &scored.respondent, best).gaps {
                self.gaps[gap] += 1;
            }
        }
    }

    /// (role, respondents whose best match it is), most first.
    pub fn best_counts(&self) -> Vec<(usize, usize)> {
        by_count(&self.best)
    }

    /// (tag, respondents missing it in their best match), most first.
    pub fn common_gaps(&self) -> Vec<(usize, usize)> {
        by_count(&self.gaps)
    }
}

/// The non-zero counts, most first, then by index.
fn by_count(counts: &[usize]) -> Vec<(usize, usize)> {
    let mut list: Vec<(usize, usize)> = counts
        .iter()
        .enumerate()
        .filter(|&(_, &n)| n > 0)
        .map(|(i, &n)| (i, n))
        .collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list
}

/// One row of the cohort view.
pub(crate) struct CohortRow {
    pub id: String,
    /// Where the answers came from, shown beside an id two rows share.
    pub source: String,
    pub best: Option<(usize, f64)>,
    pub runner_up: Option<(usize, f64)>,
    /// The best match's score equals the runner-up's (to 4 decimals).
    pub best_tied: bool,
}

impl CohortRow {
    pub fn of(scored: &Scored) -> Self {
        // A role that scored 0 is no match, whatever its place.
        let pick = |i: usize| {
            (scored.ranking.get(i))
                .filter(|s| crate::score::ten_thousandths(s.score) > 0)
                .map(|s| (s.role, s.score))
        };
        CohortRow {
            id: scored.respondent.id.clone(),
            source: scored.respondent.source.clone(),
            best: pick(0),
            runner_up: pick(1),
            best_tied: scored.best().is_some_and(|best| best.tied),
        }
    }
}

/// Two answer sets with one id are told apart by their source: each such
/// id becomes `id (source)`. `parts` gives a row's id and source.
pub(crate) fn show_sources_of_shared_ids<T>(
    rows: &mut [T],
    parts: impl Fn(&mut T) -> (&mut String, &str),
) {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for row in rows.iter_mut() {
        *counts.entry(parts(row).0.clone()).or_default() += 1;
    }
    for row in rows.iter_mut() {
        let (id, source) = parts(row);
        if counts.get(id.as_str()).is_some_and(|&n| n > 1) {
            *id = format!("{id} ({source})");
        }
    }
}

/// Rows a cohort table gathers before writing them: the first chunk fixes
/// the columns' widths (and shows the source of an id it holds twice);
/// later rows are written a chunk at a time, so memory stays flat however
/// many people come.
pub(crate) const CHUNK: usize = 1000;

/// How a format that shows one person in full or a cohort (table,
/// Markdown) draws each part.
pub(crate) struct Drawing {
    pub single: fn(&Catalog, &Scored, Theme, &mut dyn Write) -> io::Result<()>,
    /// A chunk of the cohort's rows; the first call writes the header and
    /// may fix the columns' widths in `widths`.
    pub rows: DrawRows,
    /// What comes after the rows: notes and the cohort's counts.
    pub summary: fn(&Catalog, &Cohort<'_>, Theme, &mut dyn Write) -> io::Result<()>,
}

/// Draws a chunk of a cohort's rows (see [`Drawing::rows`]).
pub(crate) type DrawRows =
    fn(&Catalog, &[CohortRow], &mut Widths, Theme, &mut dyn Write) -> io::Result<()>;

/// The widths of a table's columns, fixed by its first chunk of rows.
pub(crate) type Widths = Option<Vec<u16>>;

/// The several-respondent view's summary: what the rows leave to say.
pub(crate) struct Cohort<'a> {
    pub scored: usize,
    /// Someone's best match ties with their runner-up.
    pub any_tied: bool,
    /// The ids of the people with no best match.
    pub no_match: &'a [String],
    /// (role, respondents whose best match it is), most first.
    pub best_counts: Vec<(usize, usize)>,
    /// (tag, respondents missing it in their best match), most first.
    pub common_gaps: Vec<(usize, usize)>,
    pub failed_inputs: usize,
}

/// The writer of a format that shows one person in full or a cohort
/// (table, Markdown): one person is written at the end; a cohort's rows a
/// chunk at a time, keeping only the counts of its summary.
pub(crate) struct GatheringWriter<'c> {
    catalog: &'c Catalog,
    theme: Theme,
    drawing: Drawing,
    people: OneOrMany,
    /// Rows not yet written, at most [`CHUNK`].
    rows: Vec<CohortRow>,
    widths: Widths,
    /// Hashes of the ids written, once the first chunk is: a later row
    /// with one of them shows its source.
    written_ids: Option<std::collections::HashSet<u64>>,
    hasher: std::hash::RandomState,
    tally: CohortTally,
    any_tied: bool,
    no_match: Vec<String>,
}

impl<'c> GatheringWriter<'c> {
    pub fn new(catalog: &'c Catalog, theme: Theme, drawing: Drawing) -> Self {
        GatheringWriter {
            catalog,
            theme,
            drawing,
            people: OneOrMany::default(),
            rows: Vec::new(),
            widths: None,
            written_ids: None,
            hasher: std::hash::RandomState::new(),
            tally: CohortTally::new(catalog),
            any_tied: false,
            no_match: Vec::new(),
        }
    }

    /// Writes the rows gathered: the first chunk with the header.
    fn write_rows(&mut self, out: &mut dyn Write) -> io::Result<()> {
        use std::hash::BuildHasher;
        let hashes: Vec<u64> = self
            .rows
            .iter()
            .map(|row| self.hasher.hash_one(&row.id))
            .collect();
        match &mut self.written_ids {
            None => {
                show_sources_of_shared_ids(&mut self.rows, |row| (&mut row.id, row.source.as_str()))
            }
            Some(written) => {
                for (row, hash) in self.rows.iter_mut().zip(&hashes) {
                    if !written.insert(*hash) {
                        row.id = format!("{} ({})", row.id, row.source);
                    }
                }
            }
        }
        let first = self.written_ids.is_none();
        self.written_ids.get_or_insert_default().extend(hashes);
        for row in &self.rows {
            self.any_tied |= row.best_tied;
            if row.best.is_none() {
                self.no_match.push(row.id.clone());
            }
        }
        if first || !self.rows.is_empty() {
            (self.drawing.rows)(self.catalog, &self.rows, &mut self.widths, self.theme, out)?;
        }
        self.rows.clear();
        Ok(())
    }
}

impl<'c> FormatWriter<'c> for GatheringWriter<'c> {
    fn renderer(&self) -> Renderer<'c> {
        Renderer::holding(self.catalog)
    }

    fn emit(&mut self, rendered: Rendered, out: &mut dyn Write) -> io::Result<()> {
        if let Rendered::Held(scored) = rendered {
            let (catalog, rows, tally) = (self.catalog, &mut self.rows, &mut self.tally);
            self.people.add(scored, |s| {
                rows.push(CohortRow::of(s));
                tally.add(catalog, s);
            });
            if self.rows.len() >= CHUNK {
                self.write_rows(out)?;
            }
        }
        Ok(())
    }

    fn error(&mut self, _problems: &[Located], _out: &mut dyn Write) -> io::Result<()> {
        self.tally.failed_inputs += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>, out: &mut dyn Write) -> io::Result<()> {
        if let Some(single) = self.people.single() {
            return (self.drawing.single)(self.catalog, single, self.theme, out);
        }
        if self.people.count() == 0 {
            return Ok(());
        }
        self.write_rows(out)?;
        let cohort = Cohort {
            scored: self.tally.scored,
            any_tied: self.any_tied,
            no_match: &self.no_match,
            best_counts: self.tally.best_counts(),
            common_gaps: self.tally.common_gaps(),
            failed_inputs: self.tally.failed_inputs,
        };
        (self.drawing.summary)(self.catalog, &cohort, self.theme, out)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::{CHUNK, GatheringWriter};
    use crate::answers::Respondent;
    use crate::catalog::Catalog;
    use crate::report::theme::Theme;
    use crate::report::writer::FormatWriter;

    /// One respondent scored, to feed a writer many times over.
    pub(crate) fn sample_scored(catalog: &Catalog) -> crate::score::Scored {
        let respondent = Respondent {
            id: "p".into(),
            source: "p.yaml".into(),
            path: catalog.default_path(),
            strengths: vec![(0, 3)],
            goals: vec![],
            work_style: vec![Some(3.0); catalog.axes.len()],
            families: vec![],
            warnings: vec![],
        };
        crate::score::assess(catalog, respondent, None)
    }

    /// A cohort's rows are written a chunk at a time: the writer never
    /// holds more than a chunk of them, and every row is written.
    #[test]
    fn a_long_cohort_holds_at_most_a_chunk_of_rows() {
        let catalog = Catalog::builtin().unwrap();
        let scored = sample_scored(&catalog);
        for drawing in [
            crate::report::table::DRAWING,
            crate::report::markdown::DRAWING,
        ] {
            let mut writer = Box::new(GatheringWriter::new(&catalog, Theme::PLAIN, drawing));
            let mut out = Vec::new();
            for _ in 0..3 * CHUNK + 5 {
                let rendered = writer.renderer().render(scored.clone());
                writer.emit(rendered, &mut out).unwrap();
                assert!(writer.rows.len() < CHUNK);
            }
            writer.finish(&mut out).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert_eq!(text.matches("p (p.yaml)").count(), 3 * CHUNK + 5);
        }
    }
}
