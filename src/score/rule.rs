//! The scoring rule: one role's components and score for one person,
//! read from a table of what scoring reads of each role, packed end to end
//! once per catalog and thread (ranking a large catalog then streams
//! through one short array instead of following two pointers per role).

use std::cell::RefCell;
use std::rc::Rc;

use crate::answers::Respondent;

use crate::catalog::{Catalog, MAX_LEVEL};

use super::scored::RoleScore;

/// The answered axes, in axis order (a sum's order stays fixed).
pub(super) fn answered_axes(respondent: &Respondent) -> Vec<(usize, f64)> {
    respondent
        .work_style
        .iter()
        .enumerate()
        .filter_map(|(axis, value)| Some((axis, (*value)?)))
        .collect()
}

/// One person's answers made ready to score every role of a catalog:
/// built once per person, then each role costs a few loads and a handful
/// of floating-point operations, with no allocation.
pub(super) struct Person<'a> {
    /// The roles that share a tag with the answers, in catalog order, with
    /// their sums. Gathered through each tag's list of roles, so the work
    /// is proportional to the answers given, not to the catalog's size;
    /// every other role's sums are 0.
    touched: Vec<(usize, Sums)>,
    /// The answered axes, in axis order (a sum's order stays fixed).
    answered: Vec<(usize, f64)>,
    /// Which components are defined: a component is undefined when the
    /// path gives it no weight, and work style also when no axis is
    /// answered.
    defined: [bool; 3],
    /// The path's weight of each defined component, 0 for the others.
    weights: [f64; 3],
    /// The sum of the defined components' weights: the same for every role.
    total_weight: f64,
    respondent: &'a Respondent,
    table: Rc<Table>,
}

/// Sums count halves of a direct claim: related credit is one half.
const HALVES: u32 = 2;

/// A role's sum of the person's levels on its tags, and its count of goals.
#[derive(Debug, Clone, Copy, Default)]
struct Sums {
    levels: u32,
    goals: u32,
}

/// A role ready to be scored: its place in the catalog, its numbers (tag
/// count and targets) and its sums.
#[derive(Clone, Copy)]
pub(super) struct Candidate<'t> {
    pub(super) index: usize,
    row: &'t [f64],
    sums: Sums,
}

/// A role's score, before its components are told defined or not.
#[derive(Clone, Copy)]
pub(super) struct Valued {
    index: usize,
    components: [f64; 3],
    pub(super) score: f64,
}

impl<'a> Person<'a> {
    pub(super) fn new(catalog: &Catalog, respondent: &'a Respondent) -> Self {
        // Sums count in halves, so related credit (half of a direct
        // claim, `reader::RELATED_DISCOUNT`) stays a whole number: a direct
        // strength adds 2 × level, a related one 1 × level.
        let mut touched: Vec<(usize, Sums)> = Vec::new();
        let mut touch = |tag: usize, levels: u32, goals: u32| {
            touched.extend(
                (catalog.tags[tag].roles.iter()).map(|&role| (role, Sums { levels, goals })),
            );
        };
        for &(tag, level) in &respondent.strengths {
            touch(tag, HALVES * u32::from(level), 0);
        }
        for &tag in &respondent.goals {
            touch(tag, 0, HALVES);
        }
        let words = &respondent.words;
        // A tag claimed directly earns nothing more from related words
        // (plan adds strengths after reading).
        let claimed = |t: &usize| {
            respondent
                .strengths
                .binary_search_by_key(t, |&(s, _)| s)
                .is_ok()
        };
        for &(tag, level) in words.related.iter().filter(|(t, _)| !claimed(t)) {
            touch(tag, u32::from(level), 0);
        }
        for &tag in
            (words.related_goals.iter()).filter(|t| respondent.goals.binary_search(t).is_err())
        {
            touch(tag, 0, 1);
        }
        touched.sort_unstable_by_key(|&(role, _)| role);
        touched.dedup_by(|(role, sums), (kept_role, kept)| {
            let same = role == kept_role;
            if same {
                kept.levels += sums.levels;
                kept.goals += sums.goals;
            }
            same
        });
        let answered = answered_axes(respondent);
        let path = &catalog.paths[respondent.path].weights;
        let work_style = path.work_style.filter(|_| !answered.is_empty());
        let given = [path.competency, path.growth, work_style];
        // Added in component order, as the weighted sum is.
        let total_weight = given.into_iter().flatten().fold(0.0, |total, w| total + w);
        Person {
            touched,
            answered,
            defined: given.map(|w| w.is_some()),
            weights: given.map(|w| w.unwrap_or(0.0)),
            total_weight,
            respondent,
            table: Table::of(catalog),
        }
    }

    /// Every role the answers consider, in catalog order.
    #[inline(always)]
    pub(super) fn each_candidate(&self, catalog: &Catalog, mut visit: impl FnMut(Candidate<'_>)) {
        let families = &self.respondent.families;
        let (mut next, mut next_role) = (0, self.touched.first().map_or(usize::MAX, |t| t.0));
        for (index, row) in self.table.rows().enumerate() {
            let mut sums = Sums::default();
            if index == next_role {
                sums = self.touched[next].1;
                next += 1;
                next_role = self.touched.get(next).map_or(usize::MAX, |t| t.0);
            }
            if families.is_empty() || self.considers(catalog, index) {
                visit(Candidate { index, row, sums });
            }
        }
    }

    /// One role as a candidate, whether or not the answers consider it.
    pub(super) fn candidate(&self, index: usize) -> Candidate<'_> {
        let sums = self
            .touched
            .binary_search_by_key(&index, |&(at, _)| at)
            .map_or(Sums::default(), |at| self.touched[at].1);
        Candidate {
            index,
            row: self.table.row(index),
            sums,
        }
    }

    /// Whether the answers rank roles of this role's family.
    pub(super) fn considers(&self, catalog: &Catalog, role: usize) -> bool {
        let families = &self.respondent.families;
        families.is_empty() || families.contains(&catalog.roles[role].family)
    }

    /// A role's score with its components.
    #[inline(always)]
    pub(super) fn score(&self, candidate: Candidate) -> RoleScore {
        self.complete(self.value(candidate))
    }

    /// A role's score alone, with the components it was made from: most
    /// roles of a large catalog need only the score to be left out of a
    /// `--top` list, and the others are completed without scoring again.
    #[inline(always)]
    pub(super) fn value(&self, candidate: Candidate) -> Valued {
        let Candidate { index, row, sums } = candidate;
        let work_style = self.work_style(row);
        // Most roles of a large catalog share no tag with one person: the
        // same arithmetic with both sums 0 is shorter. Their competency
        // and growth are 0, and 0·w + 0·w + w·ws is w·ws exactly.
        if sums.levels == 0 && sums.goals == 0 {
            return Valued {
                index,
                components: [0.0, 0.0, work_style],
                score: self.normalise(self.weights[2] * work_style),
            };
        }
        let n = tag_count(row);
        let fraction = |count: u32, per_tag: f64| match count {
            0 => 0.0,
            _ => f64::from(count) / per_tag / n,
        };
        // Halves over 2 × the whole: the same real number as before halves,
        // so the same correctly rounded result.
        let competency = fraction(sums.levels, f64::from(HALVES * u32::from(MAX_LEVEL)));
        let growth = fraction(sums.goals, f64::from(HALVES));
        // The weighted sum of the defined components. An undefined one has
        // weight 0 and adds exactly +0.0, which changes no sum.
        let [wc, wg, ws] = self.weights;
        let weighted = wc * competency + wg * growth + ws * work_style;
        Valued {
            index,
            components: [competency, growth, work_style],
            score: self.normalise(weighted),
        }
    }

    /// The score with its components, each `None` where undefined.
    #[inline(always)]
    pub(super) fn complete(&self, valued: Valued) -> RoleScore {
        let [competency, growth, work_style] =
            [0, 1, 2].map(|c| self.defined[c].then_some(valued.components[c]));
        RoleScore {
            role: valued.index,
            score: valued.score,
            competency,
            growth,
            work_style,
            tied: false,
        }
    }

    /// Work style, 0 where undefined.
    #[inline(always)]
    fn work_style(&self, row: &[f64]) -> f64 {
        if !self.defined[2] {
            return 0.0;
        }
        let distance: f64 = (self.answered.iter())
            .map(|&(axis, a)| (a - target(row, axis)).abs())
            .sum();
        1.0 - distance / self.answered.len() as f64 / 4.0
    }

    /// The weighted sum over the weights' total: the weighted mean.
    #[inline(always)]
    fn normalise(&self, weighted: f64) -> f64 {
        // The built-in paths' weights add up to exactly 1.
        if self.total_weight == 1.0 {
            weighted
        } else if self.total_weight > 0.0 {
            weighted / self.total_weight
        } else {
            0.0
        }
    }
}

/// Each role's tag count, then its target on each axis, role after role.
struct Table {
    numbers: Vec<f64>,
    /// Numbers per role: 1 + the number of axes.
    stride: usize,
}

impl Table {
    /// The table of a catalog, made at its first use on this thread. A
    /// catalog is not changed after it is loaded, and every load has its
    /// own serial number, so the table made for a serial stays right.
    fn of(catalog: &Catalog) -> Rc<Table> {
        thread_local! {
            static MADE: RefCell<Option<(u64, Rc<Table>)>> = const { RefCell::new(None) };
        }
        MADE.with_borrow_mut(|made| match made {
            Some((serial, table)) if *serial == catalog.serial() => Rc::clone(table),
            _ => {
                let table = Rc::new(Table::new(catalog));
                *made = Some((catalog.serial(), Rc::clone(&table)));
                table
            }
        })
    }

    fn new(catalog: &Catalog) -> Table {
        let axes = catalog.axes.len();
        let stride = 1 + axes;
        let mut numbers = Vec::with_capacity(stride * catalog.roles.len());
        for role in &catalog.roles {
            numbers.push(role.tags.len() as f64);
            // A loaded role has a target on every axis.
            numbers
                .extend((0..axes).map(|axis| role.targets.get(axis).copied().unwrap_or(f64::NAN)));
        }
        Table { numbers, stride }
    }

    /// Every role's numbers, in catalog order.
    fn rows(&self) -> std::slice::ChunksExact<'_, f64> {
        self.numbers.chunks_exact(self.stride)
    }

    /// One role's numbers.
    fn row(&self, role: usize) -> &[f64] {
        &self.numbers[role * self.stride..][..self.stride]
    }
}

/// A role's numbers: its tag count, then its targets.
fn tag_count(row: &[f64]) -> f64 {
    row[0]
}

/// A role's target on an axis.
#[inline(always)]
fn target(row: &[f64], axis: usize) -> f64 {
    row[1 + axis]
}
