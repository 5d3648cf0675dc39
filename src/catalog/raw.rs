//! The catalog file as written: the shapes `serde` reads, names not yet
//! resolved and nothing validated.

use serde::Deserialize;

use super::model::{Axis, Behaviors, Family, PathDef};
use crate::document::{Shape, UniqueMap};

pub(super) const CATALOG_SHAPE: Shape = Shape("a catalog map (version, families, axes, …)");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCatalog {
    pub(super) version: u32,
    pub(super) families: Vec<Family>,
    pub(super) axes: Vec<Axis>,
    pub(super) questions: Vec<RawQuestion>,
    pub(super) paths: Vec<PathDef>,
    pub(super) tags: Vec<RawTag>,
    #[serde(default)]
    pub(super) hints: Vec<RawHint>,
    pub(super) roles: Vec<RawRole>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestion {
    pub(super) id: String,
    pub(super) axis: String,
    pub(super) text: String,
    #[serde(default)]
    pub(super) reverse: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTag {
    pub(super) name: String,
    #[serde(default)]
    pub(super) description: String,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHint {
    pub(super) term: String,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    pub(super) tags: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRole {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) family: String,
    pub(super) summary: String,
    pub(super) detail: String,
    pub(super) tags: Vec<String>,
    /// The role is usually reached after years of technical work.
    #[serde(default)]
    pub(super) follows_technical_work: bool,
    pub(super) profile: RawProfile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProfile {
    pub(super) axes: UniqueMap<f64>,
    pub(super) behaviors: Behaviors,
}
