//! `rolefit assess`: the interview.
//! (Being written for the interview issue.)

use std::io::IsTerminal;

use crate::catalog::Catalog;
use crate::cli::{AssessArgs, ColorChoice};
use crate::error::{Error, Result};

/// The interview needs a person at a terminal: stdin and stderr.
pub fn is_interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

pub fn assess(_catalog: &Catalog, _args: &AssessArgs, _color: ColorChoice) -> Result<()> {
    Err(Error::Usage(
        "`rolefit assess` is not available yet; use `rolefit score`".into(),
    ))
}
