//! Name matching: comparing names and suggesting near misses. This module
//! only gathers the parts and what they offer.
//!
//! Each part uses only the parts listed before it: `normalize`, `stems`,
//! `spelling` and `words`.

mod normalize;
mod spelling;
pub(crate) mod stems;
mod words;

pub use normalize::{normalize, with_normalized};
pub use spelling::{closest, did_you_mean};
pub use words::{Described, WordIndex};
