//! Name matching: comparing names and suggesting near misses. This module
//! only gathers the parts and what they offer.
//!
//! Each part uses only the parts listed before it: `normalize` (the rule
//! names are compared by), `spelling` (the
//! closest spellings, and "did you mean" worded) and `words` (candidates
//! sharing words with a miss).

mod normalize;
mod spelling;
mod words;

pub use normalize::{normalize, with_normalized};
pub use spelling::{closest, did_you_mean};
pub use words::{Described, WordIndex};
