//! What the human formats gather: one respondent in full, or a cohort.

use std::io::{self, Write};

use super::blocks::Block;
use super::groups::{GroupTallies, Privacy, Tally};
use super::theme::Theme;
use super::words::WordTally;
use super::writer::{FormatWriter, Rendered, Renderer};
use crate::catalog::Catalog;
use crate::error::Located;
use crate::score::{NoteKind, Scored, explain, note_kinds};

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

    /// Hands the one respondent kept whole to the cohort: a report that
    /// shows only the cohort view shows one person that way too.
    pub fn release(&mut self, to_cohort: impl FnOnce(&Scored)) {
        if let Some(first) = self.first.take() {
            to_cohort(&first);
        }
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
#[derive(Clone)]
pub(crate) struct CohortTally {
    /// Per role: respondents whose best match it is.
    best: Vec<usize>,
    /// Per tag: respondents missing it in their best match.
    gaps: Vec<usize>,
    /// Per role: the sum of scores and how many people were scored on it.
    sums: Vec<(f64, u32)>,
    pub scored: usize,
    pub failed_inputs: usize,
    /// Per kind of note ([`NoteKind::ALL`] order): respondents with it.
    pub notes: [usize; NoteKind::ALL.len()],
    /// The inputs that failed, named, up to [`FAILED_LISTED`].
    pub failed: Vec<Failure>,
    /// What reading the inputs decided for all their answer sets (a
    /// survey's columns ignored or read by their words).
    pub notices: Vec<String>,
    /// The people's own words: how many were understood, and which not.
    pub words: WordTally,
}

/// What a report says of its inputs beside the results: those that
/// failed (named, and how many in all) and what reading them decided.
#[derive(Clone, Copy)]
pub(crate) struct InputsSeen<'a> {
    pub failed: &'a [Failure],
    pub failed_count: usize,
    pub notices: &'a [String],
}

/// Failed inputs named one by one in a report; past this, counted.
pub(crate) const FAILED_LISTED: usize = 1_000;

/// An input that failed: where (file and line, or survey row) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    /// `answers/bob.yaml:4`, `team.csv:7`.
    pub place: String,
    /// Every problem of the input, without its file.
    pub messages: Vec<String>,
}

impl Failure {
    pub fn of(problems: &[Located]) -> Option<Failure> {
        let first = problems.first()?;
        let place = match first.line {
            Some(line) => format!("{}:{line}", first.source),
            None => first.source.clone(),
        };
        Some(Failure {
            place: crate::text::escape_control(&place).into_owned(),
            messages: problems.iter().map(Located::detail).collect(),
        })
    }
}

/// The inputs that failed as lines: `place: message; message`, then how
/// many more failed than were named.
pub(crate) fn failure_lines(failed: &[Failure], count: usize) -> Vec<String> {
    let mut lines: Vec<String> = failed
        .iter()
        .map(|f| format!("{}: {}", f.place, f.messages.join("; ")))
        .collect();
    if count > failed.len() {
        lines.push(format!(
            "… and {} more (each named in the messages of the run)",
            count - failed.len()
        ));
    }
    lines
}

/// `1 input failed`, `3 inputs failed`.
pub(crate) fn inputs_failed(count: usize) -> String {
    match count {
        1 => "1 input failed".to_string(),
        n => format!("{} inputs failed", crate::diagnostics::thousands(n)),
    }
}

impl CohortTally {
    pub fn new(catalog: &Catalog) -> Self {
        CohortTally {
            best: vec![0; catalog.roles.len()],
            gaps: vec![0; catalog.tags.len()],
            sums: vec![(0.0, 0); catalog.roles.len()],
            scored: 0,
            failed_inputs: 0,
            notes: [0; NoteKind::ALL.len()],
            failed: Vec::new(),
            notices: Vec::new(),
            words: WordTally::default(),
        }
    }

    pub fn add(&mut self, catalog: &Catalog, scored: &Scored) {
        self.scored += 1;
        self.words.add(&scored.respondent);
        for s in &scored.ranking {
            let sum = &mut self.sums[s.role];
            sum.0 += s.score;
            sum.1 += 1;
        }
        if let Some(best) = scored.best() {
            self.best[best.role] += 1;
            for gap in explain(catalog, &scored.respondent, best).gaps {
                self.gaps[gap] += 1;
            }
        }
        for kind in note_kinds(catalog, scored) {
            if let Some(i) = NoteKind::ALL.iter().position(|&k| k == kind) {
                self.notes[i] += 1;
            }
        }
    }

    /// An input that failed: counted, and named while the list is short.
    pub fn fail(&mut self, problems: &[Located]) {
        self.failed_inputs += 1;
        if self.failed.len() < FAILED_LISTED
            && let Some(failure) = Failure::of(problems)
        {
            self.failed.push(failure);
        }
    }

    /// A notice on an input, kept while the list is short.
    pub fn notice(&mut self, notice: &Located) {
        if self.notices.len() < FAILED_LISTED {
            self.notices.push(notice.to_string());
        }
    }

    /// What the report says of its inputs.
    /// The inputs seen; under `--anonymous` failed inputs are counted, not
    /// named (a file name can be a person's name).
    pub fn inputs_shown(&self, anonymous: bool) -> InputsSeen<'_> {
        let mut inputs = self.inputs();
        if anonymous {
            inputs.failed = &[];
        }
        inputs
    }

    pub fn inputs(&self) -> InputsSeen<'_> {
        InputsSeen {
            failed: &self.failed,
            failed_count: self.failed_inputs,
            notices: &self.notices,
        }
    }

    /// What the cohort summary says of the notes: `12 of 40 best matches
    /// rest on work style alone`, for each kind some respondent has.
    pub fn note_lines(&self) -> Vec<String> {
        NoteKind::ALL
            .iter()
            .zip(self.notes)
            .filter(|&(_, n)| n > 0)
            .map(|(kind, n)| kind.counted(n, self.scored))
            .collect()
    }

    /// Adds another tally's counts (a group's, to the whole cohort's).
    pub fn merge(&mut self, other: &CohortTally) {
        let add = |a: &mut [usize], b: &[usize]| a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        add(&mut self.best, &other.best);
        add(&mut self.gaps, &other.gaps);
        for (x, y) in self.sums.iter_mut().zip(&other.sums) {
            x.0 += y.0;
            x.1 += y.1;
        }
        self.scored += other.scored;
        self.failed_inputs += other.failed_inputs;
        add(&mut self.notes, &other.notes);
        self.words.merge(&other.words);
    }

    /// A role's mean score over the people whose ranking holds it.
    pub fn mean_score(&self, role: usize) -> Option<f64> {
        let (sum, count) = self.sums[role];
        (count > 0).then(|| sum / f64::from(count))
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

impl Tally for CohortTally {
    fn new(catalog: &Catalog) -> Self {
        CohortTally::new(catalog)
    }
    fn add(&mut self, catalog: &Catalog, scored: &Scored) {
        CohortTally::add(self, catalog, scored);
    }
    fn merge(&mut self, other: &Self) {
        CohortTally::merge(self, other);
    }
    fn people(&self) -> usize {
        self.scored
    }
    fn best_counts(&self) -> Vec<(usize, usize)> {
        CohortTally::best_counts(self)
    }
    fn common_gaps(&self) -> Vec<(usize, usize)> {
        CohortTally::common_gaps(self)
    }
    fn mean_score(&self, role: usize) -> Option<f64> {
        CohortTally::mean_score(self, role)
    }
    fn words_line(&self) -> Option<String> {
        self.words.group_line()
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
    /// Words understood and given, when some were given.
    pub words: Option<(usize, usize)>,
}

/// `7 of 9`: a person's words understood of those given; `-` for none
/// given.
pub(crate) fn words_cell(words: Option<(usize, usize)>) -> String {
    words.map_or_else(|| "-".into(), |(read, given)| format!("{read} of {given}"))
}

/// A person's words understood and given, when some were given.
pub(crate) fn words_of(r: &crate::answers::Respondent) -> Option<(usize, usize)> {
    let given = r.words.given();
    (given > 0).then_some((r.words.understood.len(), given))
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
            source: place_of(&scored.respondent),
            best: pick(0),
            runner_up: pick(1),
            best_tied: scored.best().is_some_and(|best| best.tied),
            words: words_of(&scored.respondent),
        }
    }
}

/// Where an answer set came from, as shown beside an id two share: its
/// source, and its row or line when the source holds many (`dup.csv row
/// 3`).
pub(crate) fn place_of(r: &crate::answers::Respondent) -> String {
    match &r.at {
        Some(at) => format!("{} {at}", r.source),
        None => r.source.clone(),
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
#[derive(Clone, Copy)]
pub(crate) struct Drawing {
    /// One person in full, with what the report says of its inputs.
    pub single: fn(&Catalog, &Scored, InputsSeen<'_>, Theme, &mut dyn Write) -> io::Result<()>,
    /// A chunk of the cohort's rows; the first call writes the header and
    /// may fix the columns' widths in `widths`.
    pub rows: DrawRows,
    /// What comes after the rows: notes and the cohort's counts.
    pub summary: fn(&Catalog, &Cohort<'_>, Theme, &mut dyn Write) -> io::Result<()>,
}

/// The widths of a table's columns, fixed by its first chunk of rows.
pub(crate) type Widths = Option<Vec<u16>>;

/// Draws a chunk of a cohort's rows (see [`Drawing::rows`]).
pub(crate) type DrawRows =
    fn(&Catalog, &[CohortRow], &mut Widths, Theme, &mut dyn Write) -> io::Result<()>;

/// The several-respondent view's summary: what the rows leave to say.
pub(crate) struct Cohort<'a> {
    /// People in the totals below (all of them, unless a small group's
    /// people are left out).
    pub scored: usize,
    /// Everyone in the cohort, whether counted in the totals or not.
    pub people: usize,
    /// Someone's best match ties with their runner-up.
    pub any_tied: bool,
    /// The ids of the people with no best match (none kept under
    /// `--anonymous`).
    pub no_match: &'a [String],
    /// How many people have no best match.
    pub no_match_count: usize,
    /// (role, respondents whose best match it is), most first.
    pub best_counts: Vec<(usize, usize)>,
    /// (tag, respondents missing it in their best match), most first.
    pub common_gaps: Vec<(usize, usize)>,
    pub failed_inputs: usize,
    /// The notes counted: `12 of 40 best matches rest on work style alone`.
    pub notes: Vec<String>,
    /// What the people's own words were read as: a headline, then who
    /// has words not understood and the most common (raw text, each
    /// format escapes it); empty when nobody gave a word.
    pub words: Vec<String>,
    /// The inputs that failed, named, and what reading them decided.
    pub inputs: InputsSeen<'a>,
    /// No row per person was written: aggregates only.
    pub anonymous: bool,
    /// The group views (`--by group`), empty otherwise.
    pub groups: Vec<Block>,
}

/// The writer of a format that shows one person in full or a cohort
/// (table, Markdown): one person is written at the end; a cohort's rows a
/// chunk at a time (none under `--anonymous`), keeping only the counts of
/// its summary.
pub(crate) struct GatheringWriter<'c> {
    catalog: &'c Catalog,
    theme: Theme,
    drawing: Drawing,
    privacy: Privacy,
    people: OneOrMany,
    /// Rows not yet written, at most [`CHUNK`].
    rows: Vec<CohortRow>,
    widths: Widths,
    /// Hashes of the ids written, once the first chunk is: a later row
    /// with one of them shows its source.
    written_ids: Option<std::collections::HashSet<u64>>,
    hasher: std::hash::RandomState,
    tally: CohortTally,
    groups: GroupTallies<CohortTally>,
    any_tied: bool,
    no_match: Vec<String>,
    no_match_count: usize,
}

impl<'c> GatheringWriter<'c> {
    pub fn new(catalog: &'c Catalog, theme: Theme, drawing: Drawing, privacy: Privacy) -> Self {
        GatheringWriter {
            catalog,
            theme,
            drawing,
            privacy,
            people: OneOrMany::default(),
            rows: Vec::new(),
            widths: None,
            written_ids: None,
            hasher: std::hash::RandomState::new(),
            tally: CohortTally::new(catalog),
            groups: GroupTallies::new(),
            any_tied: false,
            no_match: Vec::new(),
            no_match_count: 0,
        }
    }

    /// The people seen, and what adds one to the cohort: a row to write
    /// and their counts (in their group's too, by group).
    fn people_and_cohort(&mut self) -> (&mut OneOrMany, impl FnMut(&Scored) + '_) {
        let (catalog, rows, tally) = (self.catalog, &mut self.rows, &mut self.tally);
        let mut groups = self.privacy.by_group.then_some(&mut self.groups);
        let add = move |s: &Scored| {
            rows.push(CohortRow::of(s));
            tally.add(catalog, s);
            if let Some(groups) = groups.as_deref_mut() {
                groups.add(catalog, s);
            }
        };
        (&mut self.people, add)
    }

    /// Writes the rows gathered, the first chunk with the header; under
    /// `--anonymous` only counts what the summary says of them.
    fn write_rows(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.privacy.anonymous {
            for row in self.rows.drain(..) {
                self.any_tied |= row.best_tied;
                self.no_match_count += usize::from(row.best.is_none());
            }
            return Ok(());
        }
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
                self.no_match_count += 1;
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
            let (people, add) = self.people_and_cohort();
            people.add(scored, add);
            if self.rows.len() >= CHUNK {
                self.write_rows(out)?;
            }
        }
        Ok(())
    }

    fn error(&mut self, problems: &[Located], _out: &mut dyn Write) -> io::Result<()> {
        self.tally.fail(problems);
        Ok(())
    }

    fn notice(&mut self, notice: &Located) {
        self.tally.notice(notice);
    }

    fn finish(mut self: Box<Self>, out: &mut dyn Write) -> io::Result<()> {
        // A report that shows only the cohort view shows one person that
        // way too.
        if self.privacy.cohort_only() {
            let (people, add) = self.people_and_cohort();
            people.release(add);
        }
        if let Some(single) = self.people.single() {
            let inputs = self.tally.inputs_shown(self.privacy.anonymous);
            return (self.drawing.single)(self.catalog, single, inputs, self.theme, out);
        }
        if self.people.count() == 0 {
            return Ok(());
        }
        self.write_rows(out)?;
        let this = &*self;
        let inputs = this.tally.inputs_shown(this.privacy.anonymous);
        let (totals, groups) = if this.privacy.by_group {
            let split = this.groups.split(this.privacy.min_group);
            let mut totals = this.groups.totals(this.catalog, &split);
            totals.failed_inputs = this.tally.failed_inputs;
            let blocks = this
                .groups
                .blocks(this.catalog, &split, this.privacy.min_group);
            (Some(totals), blocks)
        } else {
            (None, Vec::new())
        };
        let tally = totals.as_ref().unwrap_or(&this.tally);
        let cohort = Cohort {
            scored: tally.scored,
            people: this.tally.scored,
            any_tied: this.any_tied,
            no_match: &this.no_match,
            no_match_count: this.no_match_count,
            best_counts: tally.best_counts(),
            common_gaps: tally.common_gaps(),
            failed_inputs: tally.failed_inputs,
            notes: tally.note_lines(),
            words: tally
                .words
                .lines(this.privacy.anonymous, this.privacy.min_group, &|w| {
                    format!("\"{w}\"")
                }),
            inputs,
            anonymous: this.privacy.anonymous,
            groups,
        };
        (this.drawing.summary)(this.catalog, &cohort, this.theme, out)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::{CHUNK, GatheringWriter};
    use crate::answers::Respondent;
    use crate::catalog::Catalog;
    use crate::report::groups::Privacy;
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
            target: None,
            warnings: vec![],
            ..Default::default()
        };
        crate::score::assess(catalog, respondent, None)
    }

    /// A cohort's rows are written a chunk at a time: the writer never
    /// holds more than a chunk of them, and every row is written (none
    /// under `--anonymous`).
    #[test]
    fn a_long_cohort_holds_at_most_a_chunk_of_rows() {
        let catalog = Catalog::builtin().unwrap();
        let scored = sample_scored(&catalog);
        for drawing in [
            crate::report::table::DRAWING,
            crate::report::markdown::DRAWING,
        ] {
            for anonymous in [false, true] {
                let privacy = Privacy {
                    anonymous,
                    ..Privacy::default()
                };
                let mut writer = Box::new(GatheringWriter::new(
                    &catalog,
                    Theme::PLAIN,
                    drawing,
                    privacy,
                ));
                let mut out = Vec::new();
                for _ in 0..3 * CHUNK + 5 {
                    let rendered = writer.renderer().render(scored.clone());
                    writer.emit(rendered, &mut out).unwrap();
                    assert!(writer.rows.len() < CHUNK);
                }
                writer.finish(&mut out).unwrap();
                let text = String::from_utf8(out).unwrap();
                let expected = if anonymous { 0 } else { 3 * CHUNK + 5 };
                assert_eq!(text.matches("p (p.yaml)").count(), expected);
                assert!(text.contains("3005 respondents scored"), "{text}");
            }
        }
    }
}
