//! What an HTML cohort report is drawn from, gathered one respondent at a
//! time: a row per person up to [`PEOPLE_LIMIT`], how many people fall in
//! each score band of each role, and the limits of what the page shows.

use crate::catalog::Catalog;
use crate::report::cohort::CohortTally;
use crate::score::{Scored, ten_thousandths};

/// Above this many people a cohort report shows distributions, not a row
/// per person: a browser opens it quickly whatever the cohort's size.
pub const PEOPLE_LIMIT: usize = 200;
/// Score bands of the distribution: 0–9%, 10–19%, …, 90–100%.
pub(super) const BANDS: usize = 10;
/// Roles shown in a cohort's heatmap and distribution, the most often
/// best match first: a large custom catalog must not make them unreadable.
pub(super) const MAX_ROLES_SHOWN: usize = 30;
/// Gaps listed in a cohort report.
pub(super) const GAPS_SHOWN: usize = 10;

/// One person of a cohort small enough to list: their best matches and
/// every score the ranking holds.
#[derive(Clone)]
pub(super) struct PersonRow {
    pub(super) id: String,
    pub(super) source: String,
    pub(super) best: Option<(usize, f64)>,
    pub(super) runner_up: Option<(usize, f64)>,
    /// The best match's score equals the runner-up's (to 4 decimals).
    pub(super) best_tied: bool,
    /// (role, score) in ranking order.
    pub(super) scores: Vec<(usize, f64)>,
    /// Words understood and given, when some were given.
    pub(super) words: Option<(usize, usize)>,
}

/// What a cohort report is drawn from.
pub(super) struct CohortData {
    pub(super) tally: CohortTally,
    pub(super) rows: Vec<PersonRow>,
    /// Per role: people whose score falls in each band.
    pub(super) bands: Vec<[u32; BANDS]>,
    /// Per role: the sum of scores and how many people were scored on it.
    pub(super) sums: Vec<(f64, u32)>,
}

impl CohortData {
    pub(super) fn new(catalog: &Catalog) -> Self {
        CohortData {
            tally: CohortTally::new(catalog),
            rows: Vec::new(),
            bands: vec![[0; BANDS]; catalog.roles.len()],
            sums: vec![(0.0, 0); catalog.roles.len()],
        }
    }

    pub(super) fn add(&mut self, catalog: &Catalog, scored: &Scored) {
        self.tally.add(catalog, scored);
        for s in &scored.ranking {
            self.bands[s.role][band(s.score)] += 1;
            let sum = &mut self.sums[s.role];
            sum.0 += s.score;
            sum.1 += 1;
        }
        if self.tally.scored <= PEOPLE_LIMIT {
            // A role that scored 0 is no match, whatever its place.
            let pick = |i: usize| {
                (scored.ranking.get(i))
                    .filter(|s| ten_thousandths(s.score) > 0)
                    .map(|s| (s.role, s.score))
            };
            self.rows.push(PersonRow {
                id: scored.respondent.id.clone(),
                source: crate::report::cohort::place_of(&scored.respondent),
                best: pick(0),
                runner_up: pick(1),
                best_tied: scored.best().is_some_and(|best| best.tied),
                scores: scored.ranking.iter().map(|s| (s.role, s.score)).collect(),
                words: crate::report::cohort::words_of(&scored.respondent),
            });
        } else if !self.rows.is_empty() {
            // From here on only counts are kept.
            self.rows = Vec::new();
        }
    }
}

impl CohortData {
    /// Adds another's data (a group's, to the whole cohort's); rows only
    /// while the two together are small enough to list.
    pub(super) fn merge(&mut self, other: &CohortData) {
        self.tally.merge(&other.tally);
        for (mine, theirs) in self.bands.iter_mut().zip(&other.bands) {
            mine.iter_mut().zip(theirs).for_each(|(a, b)| *a += b);
        }
        for (mine, theirs) in self.sums.iter_mut().zip(&other.sums) {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
        if self.tally.scored <= PEOPLE_LIMIT {
            self.rows.extend(other.rows.iter().cloned());
        } else {
            self.rows = Vec::new();
        }
    }
}

/// The band of a score: tenths, with 100% in the top band.
pub(super) fn band(score: f64) -> usize {
    let tenths = ten_thousandths(score).max(0) as usize / 1_000;
    tenths.min(BANDS - 1)
}

pub(super) fn band_name(band: usize) -> String {
    if band + 1 == BANDS {
        format!("{}–100%", band * 10)
    } else {
        format!("{}–{}%", band * 10, band * 10 + 9)
    }
}
