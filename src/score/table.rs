//! What scoring reads of each role, packed end to end once per catalog and
//! thread: ranking a large catalog then streams through one short array
//! instead of following two pointers per role.

use std::cell::RefCell;
use std::rc::Rc;

use crate::catalog::Catalog;

/// Each role's tag count, then its target on each axis, role after role.
pub(super) struct Table {
    numbers: Vec<f64>,
    /// Numbers per role: 1 + the number of axes.
    stride: usize,
}

impl Table {
    /// The table of a catalog, made at its first use on this thread. A
    /// catalog is not changed after it is loaded, and every load has its
    /// own serial number, so the table made for a serial stays right.
    pub(super) fn of(catalog: &Catalog) -> Rc<Table> {
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
    pub(super) fn rows(&self) -> std::slice::ChunksExact<'_, f64> {
        self.numbers.chunks_exact(self.stride)
    }

    /// One role's numbers.
    pub(super) fn row(&self, role: usize) -> &[f64] {
        &self.numbers[role * self.stride..][..self.stride]
    }
}

/// A role's numbers: its tag count, then its targets.
pub(super) fn tag_count(row: &[f64]) -> f64 {
    row[0]
}

/// A role's target on an axis.
#[inline(always)]
pub(super) fn target(row: &[f64], axis: usize) -> f64 {
    row[1 + axis]
}
