//! Gathering one side of a `diff` from the batch: every respondent scored
//! and kept whole, and a count of the inputs that failed.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use crate::catalog::Catalog;
use crate::error::Located;
use crate::report::writer::{FormatWriter, Rendered, Renderer};
use crate::score::Scored;

/// What one side of a diff holds once read.
#[derive(Default)]
pub struct Side {
    pub scored: Vec<Scored>,
    pub failed_inputs: usize,
}

/// A batch writer that keeps every respondent; the side is read from the
/// shared handle once the batch is done.
pub struct Collector<'c> {
    catalog: &'c Catalog,
    side: Rc<RefCell<Side>>,
}

impl<'c> Collector<'c> {
    pub fn new(catalog: &'c Catalog) -> (Self, Rc<RefCell<Side>>) {
        let side = Rc::new(RefCell::new(Side::default()));
        let collector = Collector {
            catalog,
            side: Rc::clone(&side),
        };
        (collector, side)
    }
}

impl<'c> FormatWriter<'c> for Collector<'c> {
    fn renderer(&self) -> Renderer<'c> {
        Renderer::holding(self.catalog)
    }

    fn emit(&mut self, rendered: Rendered, _out: &mut dyn Write) -> io::Result<()> {
        if let Rendered::Held(scored) = rendered {
            self.side.borrow_mut().scored.push(*scored);
        }
        Ok(())
    }

    fn error(&mut self, _problems: &[Located], _out: &mut dyn Write) -> io::Result<()> {
        self.side.borrow_mut().failed_inputs += 1;
        Ok(())
    }

    fn finish(self: Box<Self>, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
