//! Loading a catalog: the built-in one, or a file read within its size
//! limit and validated.

use std::path::Path;

use super::model::Catalog;
use crate::error::{Error, Located, Result};

/// A catalog bigger than this is refused, like an oversized answer file.
pub const MAX_CATALOG_BYTES: u64 = 16 * 1024 * 1024;

impl Catalog {
    /// The built-in catalog, or the one at `path`.
    pub fn load(path: Option<&Path>) -> Result<Catalog> {
        let Some(path) = path else {
            return Catalog::builtin();
        };
        let shown = path.display().to_string();
        let bytes = crate::read::read_limited(path, MAX_CATALOG_BYTES)
            .map_err(|problem| Error::Catalog(vec![Located::new(&shown, problem)]))?;
        let text = crate::read::decode(bytes, &shown).map_err(|e| Error::Catalog(vec![e]))?;
        Catalog::parse(&text, &shown)
    }
}
