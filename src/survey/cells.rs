//! Reading cell values: paths, families, lists, levels, Likert labels.

use crate::catalog::Catalog;
use crate::matching::normalize;

/// A path cell: its id or its name; anything else is left for the
/// resolver to report with a suggestion.
pub(super) fn path_id(cell: &str, catalog: &Catalog) -> String {
    let wanted = normalize(cell);
    catalog
        .paths
        .iter()
        .find(|p| normalize(&p.name) == wanted)
        .map_or_else(|| cell.to_string(), |p| p.id.clone())
}

pub(super) fn family_id(cell: &str, catalog: &Catalog) -> String {
    let wanted = normalize(cell);
    catalog
        .families
        .iter()
        .find(|f| normalize(&f.name) == wanted)
        .map_or_else(|| cell.to_string(), |f| f.id.clone())
}

/// The items of a list cell: separated by `;`, `,` or line breaks.
pub(super) fn list_items(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', ',', '\n', '\r'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// `tag (N)` is the tag at level N; a bare tag has the default level.
pub(super) fn leveled_item(item: &str) -> (&str, Option<f64>) {
    if let Some(inner) = item.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
        && let Ok(level) = inner[open + 1..].trim().parse::<f64>()
    {
        let tag = inner[..open].trim_end();
        if !tag.is_empty() {
            return (tag, Some(level));
        }
    }
    (item, None)
}

/// A number at the start of a cell: `4`, `3.5`, `"3 - practitioner"`.
pub(super) fn leading_number(cell: &str) -> Option<f64> {
    let cell = cell.trim();
    let end = cell
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(cell.len());
    let rest = &cell[end..];
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    cell[..end].parse().ok()
}

pub(super) fn level_names() -> Vec<&'static str> {
    crate::catalog::LEVELS
        .iter()
        .map(|(name, _)| *name)
        .collect()
}

/// A level cell: a number (`3`, `3 - practitioner`) or a level's name.
pub(super) fn level_value(cell: &str) -> Option<f64> {
    leading_number(cell).or_else(|| {
        let wanted = normalize(cell);
        level_names()
            .iter()
            .position(|name| *name == wanted)
            .map(|i| (i + 1) as f64)
    })
}

/// A Likert cell: a number (`4`, `4 - agree`) or a label.
pub(super) fn likert_value(cell: &str) -> Option<f64> {
    leading_number(cell).or_else(|| {
        let wanted = normalize(cell);
        if wanted == "neutral" {
            return Some(3.0);
        }
        crate::form::LIKERT_LABELS
            .iter()
            .position(|label| normalize(label) == wanted)
            .map(|i| (i + 1) as f64)
    })
}
