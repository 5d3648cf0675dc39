//! Fitting the shell: completions and the man page.
//! (Being written for the catalog-exploration issue.)

use std::io::Write;

use crate::error::{Error, Result};

pub fn completions(_shell: clap_complete::Shell, _out: &mut dyn Write) -> Result<()> {
    Err(Error::Usage(
        "`rolefit completions` is not available yet".into(),
    ))
}

pub fn man(_out: &mut dyn Write) -> Result<()> {
    Err(Error::Usage("`rolefit man` is not available yet".into()))
}
