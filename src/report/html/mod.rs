//! The HTML report's writer, which gathers the respondents; `person` and
//! `cohort_page` draw the pages in the frame of `page`.
//!
//! The report is one self-contained file to keep or send. It loads
//! nothing (a Content-Security-Policy forbids it), runs no script, and
//! draws its charts as inline SVG, each with a table of the same numbers.
//! maud escapes every piece of text.
//!
//! A cohort of up to [`PEOPLE_LIMIT`] people gets a row and a heatmap row
//! each; above that the report shows how scores spread over roles instead,
//! and the writer keeps only counts, so its memory stays flat.

mod cohort_page;
mod page;
mod person;
#[cfg(test)]
mod tests;

use std::io::{self, Write};

use super::cohort::{CohortTally, OneOrMany, show_sources_of_shared_ids};
use super::{FormatWriter, Rendered, Renderer};
use crate::catalog::Catalog;
use crate::error::Located;
use crate::score::{Scored, ten_thousandths};

use cohort_page::cohort;
pub use person::{single, work_style_radar};

/// Above this many people a cohort report shows distributions, not a row
/// per person: a browser opens it quickly whatever the cohort's size.
pub const PEOPLE_LIMIT: usize = 200;
/// Score bands of the distribution: 0–9%, 10–19%, …, 90–100%.
const BANDS: usize = 10;
/// Roles shown in a cohort's heatmap and distribution, the most often
/// best match first: a large custom catalog must not make them unreadable.
const MAX_ROLES_SHOWN: usize = 30;
/// Gaps listed in a cohort report.
const GAPS_SHOWN: usize = 10;

/// One person of a cohort small enough to list: their best matches and
/// every score the ranking holds.
struct PersonRow {
    id: String,
    source: String,
    best: Option<(usize, f64)>,
    runner_up: Option<(usize, f64)>,
    /// The best match's score equals the runner-up's (to 4 decimals).
    best_tied: bool,
    /// (role, score) in ranking order.
    scores: Vec<(usize, f64)>,
}

/// The HTML report's writer. One respondent is kept whole; a cohort keeps a
/// row per person only up to [`PEOPLE_LIMIT`], and counts throughout.
pub struct HtmlWriter<'c> {
    catalog: &'c Catalog,
    people: OneOrMany,
    cohort: CohortData,
}

/// What a cohort report is drawn from.
struct CohortData {
    tally: CohortTally,
    rows: Vec<PersonRow>,
    /// Per role: people whose score falls in each band.
    bands: Vec<[u32; BANDS]>,
    /// Per role: the sum of scores and how many people were scored on it.
    sums: Vec<(f64, u32)>,
}

impl<'c> HtmlWriter<'c> {
    pub fn new(catalog: &'c Catalog) -> Self {
        HtmlWriter {
            catalog,
            people: OneOrMany::default(),
            cohort: CohortData {
                tally: CohortTally::new(catalog),
                rows: Vec::new(),
                bands: vec![[0; BANDS]; catalog.roles.len()],
                sums: vec![(0.0, 0); catalog.roles.len()],
            },
        }
    }
}

impl CohortData {
    fn add(&mut self, catalog: &Catalog, scored: &Scored) {
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
                    .filter(|s| crate::score::ten_thousandths(s.score) > 0)
                    .map(|s| (s.role, s.score))
            };
            self.rows.push(PersonRow {
                id: scored.respondent.id.clone(),
                source: scored.respondent.source.clone(),
                best: pick(0),
                runner_up: pick(1),
                best_tied: scored.best().is_some_and(|best| best.tied),
                scores: scored.ranking.iter().map(|s| (s.role, s.score)).collect(),
            });
        } else if !self.rows.is_empty() {
            // From here on only counts are kept.
            self.rows = Vec::new();
        }
    }
}

/// The band of a score: tenths, with 100% in the top band.
fn band(score: f64) -> usize {
    let tenths = ten_thousandths(score).max(0) as usize / 1_000;
    tenths.min(BANDS - 1)
}

fn band_name(band: usize) -> String {
    if band + 1 == BANDS {
        format!("{}–100%", band * 10)
    } else {
        format!("{}–{}%", band * 10, band * 10 + 9)
    }
}

impl<'c> FormatWriter<'c> for HtmlWriter<'c> {
    fn renderer(&self) -> Renderer<'c> {
        Renderer::holding(self.catalog)
    }

    fn emit(&mut self, rendered: Rendered, _out: &mut dyn Write) -> io::Result<()> {
        if let Rendered::Held(scored) = rendered {
            let (catalog, cohort) = (self.catalog, &mut self.cohort);
            self.people.add(scored, |s| cohort.add(catalog, s));
        }
        Ok(())
    }

    fn error(&mut self, _problems: &[Located], _out: &mut dyn Write) -> io::Result<()> {
        self.cohort.tally.failed_inputs += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>, out: &mut dyn Write) -> io::Result<()> {
        show_sources_of_shared_ids(&mut self.cohort.rows, |row| {
            (&mut row.id, row.source.as_str())
        });
        let page = match self.people.single() {
            Some(scored) => single(self.catalog, scored),
            None if self.people.count() > 0 => cohort(self.catalog, &self.cohort),
            None => return Ok(()),
        };
        out.write_all(page.into_string().as_bytes())
    }
}
