//! For tests anywhere in the crate: an answer file's text parsed and
//! resolved in one step, as `score` reads a file.

use std::path::Path;

use crate::catalog::Catalog;
use crate::error::Located;

use super::file::parse;
use super::resolve::resolve;
use super::respondent::Respondent;
use super::source::{Format, Origin};

/// `text` read as the file named `source`: its format from the extension
/// (YAML without one), its default id the name without the extension.
/// The respondent, or every problem found.
pub(crate) fn try_resolve_text(
    catalog: &Catalog,
    source: &str,
    text: &str,
) -> Result<Respondent, Vec<Located>> {
    let path = Path::new(source);
    let default_id = path
        .file_stem()
        .map_or(source.into(), |s| s.to_string_lossy());
    let origin = Origin {
        source,
        text,
        first_line: 1,
        default_id: &default_id,
    };
    let format = Format::from_extension(path).unwrap_or(Format::Yaml);
    let file = parse(&origin, format).map_err(|problem| vec![problem])?;
    resolve(file, catalog, &origin)
}

/// Like [`try_resolve_text`] for text that must resolve: the first
/// problem fails the test, with the text it was found in.
pub(crate) fn resolve_text(catalog: &Catalog, source: &str, text: &str) -> Respondent {
    try_resolve_text(catalog, source, text)
        .unwrap_or_else(|problems| panic!("{}\n{text}", problems[0]))
}
