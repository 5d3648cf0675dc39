//! The role catalog: its model, loading and validating it, and finding
//! names in it. This module only gathers the parts and what they offer.
//!
//! Each part uses only the parts listed before it: `model` (the catalog's
//! types and the indexes a loaded one keeps), `lookup` (finding names, and
//! "did you mean" for a miss), `raw` (the file as written), `problems`
//! (each problem with its line), `validate` (a text parsed, checked and
//! indexed), `builtin` (the catalog compiled in, loaded at start)
//! and `load` (the built-in catalog or a file).

mod builtin;
mod load;
mod lookup;
mod model;
mod problems;
mod raw;
mod validate;

pub use builtin::{BUILTIN_NAME, BUILTIN_SOURCE};
pub use load::MAX_CATALOG_BYTES;
pub use model::{
    AXIS_RANGE, Axis, Behaviors, Catalog, Family, Hint, LEVELS, MAX_LEVEL, PathDef, Question, Role,
    Tag, TagMiss, Weights,
};

#[cfg(test)]
mod tests;
