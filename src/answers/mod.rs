//! Answer files: from the text people write to a respondent whose names
//! are catalog indices. This module only gathers the parts and what they
//! offer.
//!
//! Each part uses only the parts listed before it: `source` (the inputs,
//! their formats, where a document came from), `file` (the answer file as
//! written, and parsing it), `respondent` (the answers resolved),
//! `collected` (a document's problems, the first few spelled out) and
//! `resolve` (names into indices, every problem located).

mod collected;
mod date;
mod file;
mod resolve;
mod respondent;
mod source;

pub use crate::document::UniqueMap;
pub use collected::MAX_REPORTED;
pub use date::Date;
pub use file::{AnswerFile, DEFAULT_LEVEL, Strength, parse};
pub use resolve::{UnknownTags, resolve, resolve_with};
pub use respondent::{Answered, Meta, Respondent, Tags, Understood, Words};
pub use source::{Format, Input, MAX_ANSWER_BYTES, Origin};

#[cfg(test)]
pub(crate) mod testing;
#[cfg(test)]
mod tests;
