//! The problems or warnings of one document, the first few spelled out.

use crate::error::Located;

use super::source::Origin;

/// Problems or warnings of one document. Each costs a walk of the document
/// to find its line and maybe a suggestion search, so only the first few are
/// spelled out; a hostile file with a million bad entries costs no more.
pub(super) struct Collected<'o> {
    source: &'o str,
    list: Vec<Located>,
    more: usize,
}

/// How many problems (and warnings) of one document are spelled out.
pub const MAX_REPORTED: usize = 20;

impl<'o> Collected<'o> {
    pub(super) fn new(origin: &Origin<'o>) -> Self {
        Collected {
            source: origin.source,
            list: Vec::new(),
            more: 0,
        }
    }

    pub(super) fn add(&mut self, make: impl FnOnce() -> Located) {
        if self.list.len() < MAX_REPORTED {
            self.list.push(make());
        } else {
            self.more += 1;
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub(super) fn finish(mut self) -> Vec<Located> {
        if self.more > 0 {
            let message = format!("… and {} more like these", self.more);
            self.list.push(Located::new(self.source, message));
        }
        self.list
    }
}
