//! What the human formats gather: one respondent in full, or a cohort.

use std::io::{self, Write};

use super::blocks::Block;
use super::groups::{GroupTallies, Privacy, Tally};
use super::theme::Theme;
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
        }
    }

    pub fn add(&mut self, catalog: &Catalog, scored: &Scored) {
        self.scored += 1;
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
            source: place_of(&scored.respondent),
            best: pick(0),
            runner_up: pick(1),
            best_tied: scored.best().is_some_and(|best| best.tied),
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

/// What the table and Markdown writers gather: one respondent, or a row
/// per respondent and the cohort's counts.
pub(crate) struct Gathered<'c> {
    catalog: &'c Catalog,
    people: OneOrMany,
    rows: Vec<CohortRow>,
    tally: CohortTally,
    privacy: Privacy,
    groups: GroupTallies<CohortTally>,
}

impl<'c> Gathered<'c> {
    pub fn new(catalog: &'c Catalog, privacy: Privacy) -> Self {
        Gathered {
            catalog,
            people: OneOrMany::default(),
            rows: Vec::new(),
            tally: CohortTally::new(catalog),
            privacy,
            groups: GroupTallies::new(),
        }
    }

    pub fn add(&mut self, scored: Box<Scored>) {
        let (catalog, rows, tally) = (self.catalog, &mut self.rows, &mut self.tally);
        let groups = self.privacy.by_group.then_some(&mut self.groups);
        let mut groups = groups;
        self.people.add(scored, |s| {
            rows.push(CohortRow::of(s));
            tally.add(catalog, s);
            if let Some(groups) = groups.as_deref_mut() {
                groups.add(catalog, s);
            }
        });
    }

    pub fn failed(&mut self, problems: &[Located]) {
        self.tally.fail(problems);
    }

    /// The one respondent or the cohort, and what the report says of its
    /// inputs; neither when nobody was scored.
    pub fn view(&mut self) -> Option<(View<'_>, InputsSeen<'_>)> {
        if self.privacy.cohort_only() {
            let (catalog, rows, tally, groups) = (
                self.catalog,
                &mut self.rows,
                &mut self.tally,
                &mut self.groups,
            );
            let by_group = self.privacy.by_group;
            self.people.release(|s| {
                rows.push(CohortRow::of(s));
                tally.add(catalog, s);
                if by_group {
                    groups.add(catalog, s);
                }
            });
        }
        let this = &*self;
        let inputs = this.tally.inputs_shown(this.privacy.anonymous);
        if let Some(single) = this.people.single() {
            return Some((View::Single(single), inputs));
        }
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
        (this.people.count() > 0).then(|| {
            let cohort = View::Cohort(Cohort {
                rows: &this.rows,
                scored: tally.scored,
                best_counts: tally.best_counts(),
                common_gaps: tally.common_gaps(),
                failed_inputs: tally.failed_inputs,
                notes: tally.note_lines(),
                inputs,
                anonymous: this.privacy.anonymous,
                groups,
            });
            (cohort, inputs)
        })
    }
}

pub(crate) enum View<'a> {
    Single(&'a Scored),
    Cohort(Cohort<'a>),
}

/// The several-respondent view: a row each and a summary.
pub(crate) struct Cohort<'a> {
    /// A row per person: never shown under `--anonymous`.
    pub rows: &'a [CohortRow],
    /// People in the totals below (all of them, unless a small group's
    /// people are left out).
    pub scored: usize,
    /// (role, respondents whose best match it is), most first.
    pub best_counts: Vec<(usize, usize)>,
    /// (tag, respondents missing it in their best match), most first.
    pub common_gaps: Vec<(usize, usize)>,
    pub failed_inputs: usize,
    /// The notes counted: `12 of 40 best matches rest on work style alone`.
    pub notes: Vec<String>,
    /// The inputs that failed, named, and what reading them decided.
    pub inputs: InputsSeen<'a>,
    pub anonymous: bool,
    /// The group views (`--by group`), empty otherwise.
    pub groups: Vec<Block>,
}

/// Writes what a [`Gathered`] holds, at the end, with the inputs that
/// failed (named, and their count).
pub(crate) type WriteView =
    fn(&Catalog, View<'_>, InputsSeen<'_>, Theme, &mut dyn Write) -> io::Result<()>;

/// The writer of a format that shows one person in full or a cohort
/// (table, Markdown): it gathers, then writes once at the end.
pub(crate) struct GatheringWriter<'c> {
    gathered: Gathered<'c>,
    theme: Theme,
    write: WriteView,
}

impl<'c> GatheringWriter<'c> {
    pub fn new(catalog: &'c Catalog, theme: Theme, write: WriteView, privacy: Privacy) -> Self {
        GatheringWriter {
            gathered: Gathered::new(catalog, privacy),
            theme,
            write,
        }
    }
}

impl<'c> FormatWriter<'c> for GatheringWriter<'c> {
    fn renderer(&self) -> Renderer<'c> {
        Renderer::holding(self.gathered.catalog)
    }

    fn emit(&mut self, rendered: Rendered, _out: &mut dyn Write) -> io::Result<()> {
        if let Rendered::Held(scored) = rendered {
            self.gathered.add(scored);
        }
        Ok(())
    }

    fn error(&mut self, problems: &[Located], _out: &mut dyn Write) -> io::Result<()> {
        self.gathered.failed(problems);
        Ok(())
    }

    fn notice(&mut self, notice: &Located) {
        self.gathered.tally.notice(notice);
    }

    fn finish(mut self: Box<Self>, out: &mut dyn Write) -> io::Result<()> {
        show_sources_of_shared_ids(&mut self.gathered.rows, |row| {
            (&mut row.id, row.source.as_str())
        });
        let catalog = self.gathered.catalog;
        match self.gathered.view() {
            Some((view, inputs)) => (self.write)(catalog, view, inputs, self.theme, out),
            None => Ok(()),
        }
    }
}
