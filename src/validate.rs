//! `rolefit validate`: check the catalog and answer files, score nothing.
//! (Being written for the catalog-exploration issue.)

use crate::catalog::Catalog;
use crate::cli::ValidateArgs;
use crate::error::{Error, Result};

pub fn validate(_catalog: &Catalog, _args: &ValidateArgs) -> Result<()> {
    Err(Error::Usage(
        "`rolefit validate` is not available yet".into(),
    ))
}
