//! What scoring reads of each role, laid out once per catalog and thread
//! as columns of numbers: ranking a large catalog then streams through a
//! few short arrays instead of following two pointers per role.

use std::cell::RefCell;
use std::rc::Rc;

use crate::catalog::Catalog;

/// Each role's tag count, and its target on each axis, as columns.
pub(super) struct Table {
    tag_counts: Vec<f64>,
    /// Axis after axis, each the targets of every role in catalog order.
    targets: Vec<f64>,
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
        let roles = &catalog.roles;
        let tag_counts = roles.iter().map(|role| role.tags.len() as f64).collect();
        // A loaded role has a target on every axis.
        let targets = (0..catalog.axes.len())
            .flat_map(|axis| {
                roles
                    .iter()
                    .map(move |role| role.targets.get(axis).copied().unwrap_or(f64::NAN))
            })
            .collect();
        Table {
            tag_counts,
            targets,
        }
    }

    /// Every role's tag count, in catalog order.
    pub(super) fn tag_counts(&self) -> &[f64] {
        &self.tag_counts
    }

    /// Every role's target on one axis, in catalog order.
    pub(super) fn targets_on(&self, axis: usize) -> &[f64] {
        let roles = self.tag_counts.len();
        &self.targets[axis * roles..][..roles]
    }
}
