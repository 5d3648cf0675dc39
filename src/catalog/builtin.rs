//! The built-in catalog: `roles.yaml`, compiled into the binary and loaded
//! at start by the same loader as a custom catalog (about a millisecond;
//! BENCHMARKS.md), so there is one loader and nothing to go stale.

use super::model::Catalog;
use crate::error::Result;

/// The built-in catalog, compiled into the binary.
pub const BUILTIN_SOURCE: &str = include_str!("../../roles.yaml");
pub const BUILTIN_NAME: &str = "<built-in roles.yaml>";

impl Catalog {
    /// The catalog compiled into the binary.
    pub fn builtin() -> Result<Catalog> {
        Catalog::parse(BUILTIN_SOURCE, BUILTIN_NAME)
    }
}
