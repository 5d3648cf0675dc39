//! The HTML report's writer, which gathers the respondents; `person` and
//! `cohort_page` draw the pages in the frame of `page`.
//!
//! Each part uses only the parts listed before it: `page`, `person`,
//! `cohort_data`, `cohort_page` and `blocks_page`; this module holds only
//! the writer.
//!
//! The report is one self-contained file to keep or send. It loads
//! nothing (a Content-Security-Policy forbids it), runs no script, and
//! draws its charts as inline SVG, each with a table of the same numbers.
//! maud escapes every piece of text.
//!
//! A cohort of up to [`PEOPLE_LIMIT`] people gets a row and a heatmap row
//! each; above that the report shows how scores spread over roles instead,
//! and the writer keeps only counts, so its memory stays flat.

mod blocks_page;
mod cohort_data;
mod cohort_page;
mod page;
mod person;
#[cfg(test)]
mod tests;

use std::io::{self, Write};

use std::collections::BTreeMap;

use super::cohort::{OneOrMany, show_sources_of_shared_ids};
use super::groups::{GroupKey, GroupTallies, Privacy};
use super::writer::{FormatWriter, Rendered, Renderer};
use crate::catalog::Catalog;
use crate::error::Located;
use cohort_data::CohortData;
use cohort_page::cohort;

pub use blocks_page::blocks_page;
pub use cohort_data::PEOPLE_LIMIT;
pub use person::{single, work_style_radar};

/// The HTML report's writer. One respondent is kept whole; a cohort keeps a
/// row per person only up to [`PEOPLE_LIMIT`], and counts throughout.
pub struct HtmlWriter<'c> {
    catalog: &'c Catalog,
    people: OneOrMany,
    cohort: CohortData,
    privacy: Privacy,
    /// Each group's data (`--by group`): the totals may leave a group out.
    groups: BTreeMap<GroupKey, CohortData>,
}

impl<'c> HtmlWriter<'c> {
    pub fn new(catalog: &'c Catalog) -> Self {
        HtmlWriter::with_privacy(catalog, Privacy::default())
    }

    pub fn with_privacy(catalog: &'c Catalog, privacy: Privacy) -> Self {
        HtmlWriter {
            catalog,
            people: OneOrMany::default(),
            cohort: CohortData::new(catalog),
            privacy,
            groups: BTreeMap::new(),
        }
    }
}

/// Adds `s` to the cohort, and to its group's data when split by group.
fn add_to(
    catalog: &Catalog,
    cohort: &mut CohortData,
    groups: Option<&mut BTreeMap<GroupKey, CohortData>>,
    s: &crate::score::Scored,
) {
    cohort.add(catalog, s);
    if let Some(groups) = groups {
        (groups.entry(s.respondent.meta.group.clone()))
            .or_insert_with(|| CohortData::new(catalog))
            .add(catalog, s);
    }
}

impl<'c> FormatWriter<'c> for HtmlWriter<'c> {
    fn renderer(&self) -> Renderer<'c> {
        Renderer::holding(self.catalog)
    }

    fn emit(&mut self, rendered: Rendered, _out: &mut dyn Write) -> io::Result<()> {
        if let Rendered::Held(scored) = rendered {
            let (catalog, cohort) = (self.catalog, &mut self.cohort);
            let mut groups = self.privacy.by_group.then_some(&mut self.groups);
            self.people.add(scored, |s| {
                add_to(catalog, cohort, groups.as_deref_mut(), s)
            });
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
        let catalog = self.catalog;
        if self.privacy.cohort_only() {
            let (cohort, groups) = (
                &mut self.cohort,
                self.privacy.by_group.then_some(&mut self.groups),
            );
            self.people.release(|s| add_to(catalog, cohort, groups, s));
        }
        let mut group_blocks = Vec::new();
        if self.privacy.by_group {
            let tallies = GroupTallies {
                groups: (self.groups.iter())
                    .map(|(key, data)| (key.clone(), data.tally.clone()))
                    .collect(),
            };
            let min = self.privacy.min_group;
            let split = tallies.split(min);
            group_blocks = tallies.blocks(catalog, &split, min);
            if split.in_totals.len() < self.groups.len() {
                let failed = self.cohort.tally.failed_inputs;
                let mut whole = CohortData::new(catalog);
                for (g, data) in self.groups.values().enumerate() {
                    if split.in_totals.contains(&g) {
                        whole.merge(data);
                    }
                }
                whole.tally.failed_inputs = failed;
                whole.tally.failed = std::mem::take(&mut self.cohort.tally.failed);
                whole.tally.notices = std::mem::take(&mut self.cohort.tally.notices);
                self.cohort = whole;
            }
        }
        show_sources_of_shared_ids(&mut self.cohort.rows, |row| {
            (&mut row.id, row.source.as_str())
        });
        let page = match self.people.single() {
            Some(scored) => person::single_beside(
                catalog,
                scored,
                cohort_page::inputs_seen(self.cohort.tally.inputs()),
            ),
            None if self.people.count() > 0 => cohort(
                catalog,
                &self.cohort,
                self.privacy.anonymous,
                self.privacy.min_group,
                &group_blocks,
            ),
            None => return Ok(()),
        };
        out.write_all(page.into_string().as_bytes())
    }
}
