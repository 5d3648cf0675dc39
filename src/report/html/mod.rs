//! The HTML report's writer, which gathers the respondents; `person` and
//! `cohort_page` draw the pages in the frame of `page`.
//!
//! Each part uses only the parts listed before it: `page` (the frame and
//! its policy), `person` (one respondent's page), `cohort_data` (what a
//! cohort page is drawn from, and its limits) and `cohort_page`; this
//! module holds only the writer.
//!
//! The report is one self-contained file to keep or send. It loads
//! nothing (a Content-Security-Policy forbids it), runs no script, and
//! draws its charts as inline SVG, each with a table of the same numbers.
//! maud escapes every piece of text.
//!
//! A cohort of up to [`PEOPLE_LIMIT`] people gets a row and a heatmap row
//! each; above that the report shows how scores spread over roles instead,
//! and the writer keeps only counts, so its memory stays flat.

mod cohort_data;
mod cohort_page;
mod page;
mod person;
#[cfg(test)]
mod tests;

use std::io::{self, Write};

use super::cohort::{OneOrMany, show_sources_of_shared_ids};
use super::writer::{FormatWriter, Rendered, Renderer};
use crate::catalog::Catalog;
use crate::error::Located;
use cohort_data::CohortData;
use cohort_page::cohort;

pub use cohort_data::PEOPLE_LIMIT;
pub use person::{single, work_style_radar};

/// The HTML report's writer. One respondent is kept whole; a cohort keeps a
/// row per person only up to [`PEOPLE_LIMIT`], and counts throughout.
pub struct HtmlWriter<'c> {
    catalog: &'c Catalog,
    people: OneOrMany,
    cohort: CohortData,
}

impl<'c> HtmlWriter<'c> {
    pub fn new(catalog: &'c Catalog) -> Self {
        HtmlWriter {
            catalog,
            people: OneOrMany::default(),
            cohort: CohortData::new(catalog),
        }
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

    fn error(&mut self, problems: &[Located], _out: &mut dyn Write) -> io::Result<()> {
        self.cohort.tally.fail(problems);
        Ok(())
    }

    fn notice(&mut self, notice: &Located) {
        self.cohort.tally.notice(notice);
    }

    fn finish(mut self: Box<Self>, out: &mut dyn Write) -> io::Result<()> {
        show_sources_of_shared_ids(&mut self.cohort.rows, |row| {
            (&mut row.id, row.source.as_str())
        });
        let page = match self.people.single() {
            Some(scored) => person::single_beside(
                self.catalog,
                scored,
                cohort_page::inputs_seen(self.cohort.tally.inputs()),
            ),
            None if self.people.count() > 0 => cohort(self.catalog, &self.cohort),
            None => return Ok(()),
        };
        out.write_all(page.into_string().as_bytes())
    }
}
