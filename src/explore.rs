//! Browsing the catalog: `roles`, `show`, `compare`, `tags`.
//! (Being written for the catalog-exploration issue.)

use std::io::Write;

use crate::catalog::Catalog;
use crate::cli::{CompareArgs, FormatArgs, RolesArgs, ShowArgs};
use crate::error::{Error, Result};
use crate::report::Theme;

fn not_yet(command: &str) -> Error {
    Error::Usage(format!("`rolefit {command}` is not available yet"))
}

pub fn roles(
    _catalog: &Catalog,
    _args: &RolesArgs,
    _theme: Theme,
    _out: &mut dyn Write,
) -> Result<()> {
    Err(not_yet("roles"))
}

pub fn show(
    _catalog: &Catalog,
    _args: &ShowArgs,
    _theme: Theme,
    _out: &mut dyn Write,
) -> Result<()> {
    Err(not_yet("show"))
}

pub fn compare(
    _catalog: &Catalog,
    _args: &CompareArgs,
    _theme: Theme,
    _out: &mut dyn Write,
) -> Result<()> {
    Err(not_yet("compare"))
}

pub fn tags(
    _catalog: &Catalog,
    _args: &FormatArgs,
    _theme: Theme,
    _out: &mut dyn Write,
) -> Result<()> {
    Err(not_yet("tags"))
}
