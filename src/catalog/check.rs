//! Checking a parsed catalog: every name resolved to its index, every
//! problem found with its line (the first few spelled out, the rest
//! counted), then the indexes built.

use super::model::{AXIS_RANGE, Catalog, Hint, LazyWords, Lookup, Question, Role, Serial, Tag};
use super::model::{Axis, Behaviors, Family, PathDef};
use crate::document::from_yaml;
use crate::document::line_of;
use crate::document::{Shape, UniqueMap};
use crate::error::{Error, Located, Result};
use crate::matching::{closest, did_you_mean, normalize, with_normalized};
use serde::Deserialize;

impl Catalog {
    /// Parses and validates a catalog text; `source` names it in errors.
    pub fn parse(text: &str, source: &str) -> Result<Catalog> {
        let raw: RawCatalog = from_yaml(text, source, CATALOG_SHAPE)
            .map_err(|problem| Error::Catalog(vec![problem]))?;
        build(Problems::new(text, source), raw)
    }
}

/// Validates a parsed catalog and builds the indices, collecting every
/// problem with its line rather than stopping at the first.
fn build(mut problems: Problems, raw: RawCatalog) -> Result<Catalog> {
    if raw.version != 1 {
        problems.problem(
            "version".into(),
            format!("unsupported catalog version {}", raw.version),
            Some("this rolefit reads version 1".into()),
        );
    }
    problems.unique("families", raw.families.iter().map(|f| f.id.as_str()));
    problems.unique("axes", raw.axes.iter().map(|a| a.id.as_str()));
    problems.unique("questions", raw.questions.iter().map(|q| q.id.as_str()));
    problems.unique("paths", raw.paths.iter().map(|p| p.id.as_str()));
    problems.unique("roles", raw.roles.iter().map(|r| r.id.as_str()));
    for (section, empty) in [
        ("families", raw.families.is_empty()),
        ("axes", raw.axes.is_empty()),
        ("paths", raw.paths.is_empty()),
        ("roles", raw.roles.is_empty()),
    ] {
        if empty {
            problems.problem(section.into(), format!("no {section}"), None);
        }
    }

    let axis_of = |id: &str| raw.axes.iter().position(|a| a.id == id);
    let axis_ids: Vec<&str> = raw.axes.iter().map(|a| a.id.as_str()).collect();
    let mut questions = Vec::with_capacity(raw.questions.len());
    for (i, q) in raw.questions.iter().enumerate() {
        match axis_of(&q.axis) {
            Some(axis) => questions.push(Question {
                id: q.id.clone(),
                axis,
                text: q.text.clone(),
                reverse: q.reverse,
            }),
            None => problems.unknown(format!("questions[{i}].axis"), "axis", &q.axis, &axis_ids),
        }
    }

    for (i, path) in raw.paths.iter().enumerate() {
        let w = path.weights;
        let given = [w.competency, w.growth, w.work_style];
        for weight in given.iter().flatten() {
            if !(0.0..=1.0).contains(weight) {
                problems.problem(
                    format!("paths[{i}].weights"),
                    format!("weight {weight} is outside 0–1"),
                    None,
                );
            }
        }
        if given.iter().flatten().sum::<f64>() <= 0.0 {
            problems.problem(
                format!("paths[{i}].weights"),
                "no positive weight".into(),
                None,
            );
        }
    }

    let mut tags: Vec<Tag> = Vec::with_capacity(raw.tags.len());
    let mut tag_lookup = Lookup::default();
    for (i, raw_tag) in raw.tags.iter().enumerate() {
        for (alias, name) in with_aliases(&raw_tag.name, &raw_tag.aliases) {
            let entry = || entry_of("tags", i, "name", alias);
            let key = normalize(name);
            if key.is_empty() {
                problems.problem(entry(), "empty tag name or alias".into(), None);
                continue;
            }
            match tag_lookup.get(&key) {
                Some(&other) if other == i => {}
                Some(&other) => problems.problem(
                    entry(),
                    format!("{name:?} resolves to two tags"),
                    Some(format!("it already names {:?}", raw.tags[other].name)),
                ),
                None => {
                    tag_lookup.insert(key, i);
                }
            }
        }
        tags.push(Tag {
            name: raw_tag.name.clone(),
            description: raw_tag.description.trim().to_string(),
            aliases: raw_tag.aliases.clone(),
            roles: Vec::new(),
        });
    }
    let tag_names = TagNames::new(&raw.tags);
    let (hints, hint_lookup) = hints(&mut problems, &raw.hints, &tag_names, &tag_lookup);

    let family_ids: Vec<&str> = raw.families.iter().map(|f| f.id.as_str()).collect();
    let mut roles = Vec::with_capacity(raw.roles.len());
    for (i, raw_role) in raw.roles.into_iter().enumerate() {
        let family = raw.families.iter().position(|f| f.id == raw_role.family);
        if family.is_none() {
            problems.unknown(
                format!("roles[{i}].family"),
                "family",
                &raw_role.family,
                &family_ids,
            );
        }
        let role_tags = tag_names.resolve(
            &mut problems,
            ("roles", i),
            &raw_role.tags,
            "a role needs at least one tag",
        );
        for &t in &role_tags {
            tags[t].roles.push(i);
        }
        let mut targets = vec![f64::NAN; raw.axes.len()];
        for (axis_id, value) in raw_role.profile.axes.iter() {
            let entry = || format!("roles[{i}].profile.axes.{axis_id}");
            match axis_of(axis_id) {
                Some(a) if AXIS_RANGE.contains(value) => targets[a] = *value,
                Some(_) => {
                    problems.problem(entry(), format!("axis value {value} is outside 1–5"), None)
                }
                None => problems.unknown(entry(), "axis", axis_id, &axis_ids),
            }
        }
        for (a, target) in targets.iter().enumerate() {
            if target.is_nan() && !raw_role.profile.axes.contains_key(&raw.axes[a].id) {
                problems.problem(
                    format!("roles[{i}].profile.axes"),
                    format!("no target for axis {:?}", raw.axes[a].id),
                    None,
                );
            }
        }
        roles.push(Role {
            id: raw_role.id,
            name: raw_role.name,
            family: family.unwrap_or(0),
            summary: raw_role.summary,
            detail: raw_role.detail,
            tags: role_tags,
            targets,
            behaviors: raw_role.profile.behaviors,
            follows_technical_work: raw_role.follows_technical_work,
        });
    }
    for (i, tag) in tags.iter().enumerate() {
        if tag.roles.is_empty() {
            problems.problem(
                format!("tags[{i}]"),
                format!("tag {:?} is used by no role", tag.name),
                None,
            );
        }
    }

    let source = problems.source().to_string();
    problems.finish()?;
    let mut by_id: Vec<usize> = (0..roles.len()).collect();
    by_id.sort_by(|&a, &b| roles[a].id.cmp(&roles[b].id));
    let mut id_order = vec![0u32; roles.len()];
    for (place, &role) in by_id.iter().enumerate() {
        id_order[role] = u32::try_from(place).unwrap_or(u32::MAX);
    }
    let mut question_lookup = Lookup::default();
    for (i, question) in questions.iter().enumerate() {
        question_lookup.entry(normalize(&question.id)).or_insert(i);
    }
    let keys = |ids: &mut dyn Iterator<Item = &String>| ids.map(|id| normalize(id)).collect();
    Ok(Catalog {
        family_keys: keys(&mut raw.families.iter().map(|f| &f.id)),
        path_keys: keys(&mut raw.paths.iter().map(|p| &p.id)),
        axis_keys: keys(&mut raw.axes.iter().map(|a| &a.id)),
        question_lookup,
        source,
        version: raw.version,
        families: raw.families,
        axes: raw.axes,
        questions,
        paths: raw.paths,
        tags,
        hints,
        roles,
        id_order,
        tag_lookup,
        hint_lookup,
        tag_words: LazyWords::default(),
        serial: Serial::next(),
    })
}

/// Checks the hints: a term or alias must not name a tag or another
/// hint (a word is either a tag or a broad word, never both), and every
/// related tag must exist, named by its canonical name.
fn hints(
    problems: &mut Problems,
    raw_hints: &[RawHint],
    tag_names: &TagNames,
    tag_lookup: &Lookup,
) -> (Vec<Hint>, Lookup) {
    let mut hints = Vec::with_capacity(raw_hints.len());
    let mut hint_lookup = Lookup::default();
    for (i, raw_hint) in raw_hints.iter().enumerate() {
        for (alias, word) in with_aliases(&raw_hint.term, &raw_hint.aliases) {
            let entry = || entry_of("hints", i, "term", alias);
            let key = normalize(word);
            if key.is_empty() {
                problems.problem(entry(), "empty hint term or alias".into(), None);
            } else if let Some(&tag) = tag_lookup.get(&key) {
                problems.problem(
                    entry(),
                    format!("hint {word:?} is already a tag name or alias"),
                    Some(format!(
                        "it names {:?}; a word is either a tag or a hint",
                        tag_names.names[tag]
                    )),
                );
            } else {
                match hint_lookup.get(&key) {
                    Some(&other) if other == i => {}
                    Some(&other) => problems.problem(
                        entry(),
                        format!("hint {word:?} is listed twice"),
                        Some(format!(
                            "it already names the hint {:?}",
                            raw_hints[other].term
                        )),
                    ),
                    None => {
                        hint_lookup.insert(key, i);
                    }
                }
            }
        }
        let related = tag_names.resolve(
            problems,
            ("hints", i),
            &raw_hint.tags,
            "a hint needs at least one related tag",
        );
        hints.push(Hint {
            term: raw_hint.term.clone(),
            aliases: raw_hint.aliases.clone(),
            tags: related,
        });
    }
    (hints, hint_lookup)
}

/// A name and then its aliases, each with its alias index (None for the
/// name itself).
fn with_aliases<'a>(
    name: &'a String,
    aliases: &'a [String],
) -> impl Iterator<Item = (Option<usize>, &'a String)> {
    std::iter::once((None, name)).chain(aliases.iter().enumerate().map(|(j, a)| (Some(j), a)))
}

/// The entry of a name (`tags[3].name`) or of one of its aliases
/// (`tags[3].aliases[0]`); spelled out only for a problem.
fn entry_of(section: &str, i: usize, field: &str, alias: Option<usize>) -> String {
    match alias {
        None => format!("{section}[{i}].{field}"),
        Some(j) => format!("{section}[{i}].aliases[{j}]"),
    }
}

/// Roles and hints name tags by their canonical name, not an alias.
struct TagNames<'r> {
    names: Vec<&'r str>,
    by_name: Lookup,
}

impl<'r> TagNames<'r> {
    fn new(raw_tags: &'r [RawTag]) -> Self {
        let names: Vec<&str> = raw_tags.iter().map(|t| t.name.as_str()).collect();
        let by_name = names
            .iter()
            .enumerate()
            .map(|(i, name)| (normalize(name), i))
            .collect();
        TagNames { names, by_name }
    }

    /// The tags a role or hint (`roles[3]`) lists, each once: at least one,
    /// each known, none twice.
    fn resolve(
        &self,
        problems: &mut Problems,
        (section, i): (&str, usize),
        listed: &[String],
        none_listed: &str,
    ) -> Vec<usize> {
        if listed.is_empty() {
            problems.problem(format!("{section}[{i}].tags"), none_listed.into(), None);
        }
        let mut tags = Vec::with_capacity(listed.len());
        for (j, name) in listed.iter().enumerate() {
            let entry = || format!("{section}[{i}].tags[{j}]");
            match with_normalized(name, |name| self.by_name.get(name).copied()) {
                Some(t) if tags.contains(&t) => {
                    problems.problem(entry(), format!("tag {name:?} is listed twice"), None)
                }
                Some(t) => tags.push(t),
                None => problems.unknown(entry(), "tag", name, &self.names),
            }
        }
        tags
    }
}

/// Locating a problem walks the document; a hostile catalog with thousands
/// of problems gets the first few spelled out and a count.
const MAX_REPORTED: usize = 50;

/// Every problem of one catalog text, collected rather than stopping at
/// the first.
pub(super) struct Problems<'t> {
    text: &'t str,
    source: &'t str,
    problems: Vec<Located>,
    /// Problems past the first MAX_REPORTED: counted, not located.
    more: usize,
}

impl<'t> Problems<'t> {
    pub(super) fn new(text: &'t str, source: &'t str) -> Self {
        Problems {
            text,
            source,
            problems: Vec::new(),
            more: 0,
        }
    }

    /// The name of the catalog in errors.
    pub(super) fn source(&self) -> &'t str {
        self.source
    }

    fn full(&mut self) -> bool {
        let full = self.problems.len() >= MAX_REPORTED;
        self.more += usize::from(full);
        full
    }

    pub(super) fn problem(&mut self, entry: String, message: String, hint: Option<String>) {
        if self.full() {
            return;
        }
        let line = line_of(self.text, &entry);
        self.problems.push(
            Located::new(self.source, message)
                .at_line(line)
                .at_entry(entry)
                .with_hint(hint),
        );
    }

    /// Each id of a section must be given and appear once.
    pub(super) fn unique<'a>(&mut self, section: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = rustc_hash::FxHashSet::default();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.problem(format!("{section}[{i}]"), "empty id".into(), None);
            } else if !seen.insert(id) {
                self.problem(
                    format!("{section}[{i}]"),
                    format!("duplicate id {id:?}"),
                    None,
                );
            }
        }
    }

    /// A name that is none of `known`, with "did you mean".
    pub(super) fn unknown(&mut self, entry: String, kind: &str, name: &str, known: &[&str]) {
        if self.full() {
            return;
        }
        let pairs = known.iter().map(|k| (*k, *k));
        let hint = did_you_mean(&closest(name, pairs, 3));
        self.problem(entry, format!("unknown {kind} {name:?}"), hint);
    }

    /// Ok when nothing was found, else every problem as one error.
    pub(super) fn finish(mut self) -> Result<()> {
        if self.more > 0 {
            let more = format!("… and {} more problems", self.more);
            self.problems.push(Located::new(self.source, more));
        }
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Catalog(self.problems))
        }
    }
}

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
