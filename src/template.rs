//! `rolefit template`: a commented answer file to fill in.
//! (Being written for the catalog-exploration issue.)

use std::io::Write;

use crate::catalog::Catalog;
use crate::cli::TemplateArgs;
use crate::error::{Error, Result};

pub fn template(_catalog: &Catalog, _args: &TemplateArgs, _out: &mut dyn Write) -> Result<()> {
    Err(Error::Usage(
        "`rolefit template` is not available yet".into(),
    ))
}
