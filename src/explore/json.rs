//! The catalog as JSON, in the stable shapes listed in the module above.

use serde::Serialize;

use crate::catalog::{Behaviors, Catalog};

#[derive(Serialize)]
struct FamilyOut<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
    roles: Vec<RoleBrief<'a>>,
}

#[derive(Serialize)]
struct RoleBrief<'a> {
    id: &'a str,
    name: &'a str,
    summary: &'a str,
    tags: Vec<&'a str>,
}

/// A role's whole card: what `show` prints and `compare` lists.
#[derive(Serialize)]
pub(super) struct Card<'a> {
    id: &'a str,
    name: &'a str,
    family: &'a str,
    family_name: &'a str,
    summary: &'a str,
    detail: &'a str,
    tags: Vec<TagBrief<'a>>,
    axes: Vec<AxisTarget<'a>>,
    behaviors: &'a Behaviors,
}

#[derive(Serialize)]
struct TagBrief<'a> {
    name: &'a str,
    /// Empty when the catalog gives none.
    description: &'a str,
    aliases: &'a [String],
}

#[derive(Serialize)]
struct AxisTarget<'a> {
    id: &'a str,
    name: &'a str,
    target: f64,
    /// What 1 means.
    low: &'a str,
    /// What 5 means.
    high: &'a str,
}

#[derive(Serialize)]
struct TagOut<'a> {
    name: &'a str,
    /// Empty when the catalog gives none.
    description: &'a str,
    aliases: &'a [String],
    roles: Vec<&'a str>,
}

pub(super) fn roles_json(catalog: &Catalog, families: &[usize]) -> String {
    let out: Vec<FamilyOut<'_>> = families
        .iter()
        .map(|&f| {
            let family = &catalog.families[f];
            FamilyOut {
                id: &family.id,
                name: &family.name,
                description: &family.description,
                roles: catalog
                    .roles
                    .iter()
                    .filter(|r| r.family == f)
                    .map(|r| RoleBrief {
                        id: &r.id,
                        name: &r.name,
                        summary: &r.summary,
                        tags: r
                            .tags
                            .iter()
                            .map(|&t| catalog.tags[t].name.as_str())
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    to_json(&out)
}

pub(super) fn card(catalog: &Catalog, index: usize) -> Card<'_> {
    let role = &catalog.roles[index];
    let family = &catalog.families[role.family];
    Card {
        id: &role.id,
        name: &role.name,
        family: &family.id,
        family_name: &family.name,
        summary: &role.summary,
        detail: &role.detail,
        tags: role
            .tags
            .iter()
            .map(|&t| TagBrief {
                name: &catalog.tags[t].name,
                description: &catalog.tags[t].description,
                aliases: &catalog.tags[t].aliases,
            })
            .collect(),
        axes: catalog
            .axes
            .iter()
            .zip(&role.targets)
            .map(|(axis, &target)| AxisTarget {
                id: &axis.id,
                name: &axis.name,
                target,
                low: &axis.low,
                high: &axis.high,
            })
            .collect(),
        behaviors: &role.behaviors,
    }
}

pub(super) fn tags_json(catalog: &Catalog) -> String {
    let out: Vec<TagOut<'_>> = catalog
        .tags
        .iter()
        .map(|tag| TagOut {
            name: &tag.name,
            description: &tag.description,
            aliases: &tag.aliases,
            roles: tag
                .roles
                .iter()
                .map(|&r| catalog.roles[r].id.as_str())
                .collect(),
        })
        .collect();
    to_json(&out)
}

/// Pretty JSON with a final newline, escaped by [`crate::text::escape_json`].
pub(super) fn to_json<T: Serialize>(value: &T) -> String {
    // Serialising these plain structs cannot fail.
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = crate::text::escape_json(text);
    out.push('\n');
    out
}
