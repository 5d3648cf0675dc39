//! The role catalog: loading, validating and indexing `roles.yaml`.
//!
//! Names are resolved to indices once, here, so scoring works on plain
//! integers: a tag is an index into [`Catalog::tags`], a role into
//! [`Catalog::roles`], an axis into [`Catalog::axes`].

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::document::{Shape, UniqueMap, from_json, from_yaml};
use crate::error::{Error, Located, Result};
use crate::locate::line_of;
use crate::matching::{Described, WordIndex, closest, did_you_mean, normalize, with_normalized};

/// Normalised name → index; names are short, so a fast hasher pays.
type Lookup = rustc_hash::FxHashMap<String, usize>;

/// The built-in catalog, compiled into the binary.
pub const BUILTIN_SOURCE: &str = include_str!("../roles.yaml");
/// The same catalog as JSON, made by `build.rs`: it loads several times
/// faster, and loading is most of the cost of scoring one file.
const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/roles.json"));
pub const BUILTIN_NAME: &str = "<built-in roles.yaml>";
/// A catalog bigger than this is refused, like an oversized answer file.
pub const MAX_CATALOG_BYTES: u64 = 16 * 1024 * 1024;
/// Strength levels: 1 learning … 5 expert.
pub const MAX_LEVEL: u8 = 5;
/// Work-style answers and targets run from 1 to 5.
pub const AXIS_RANGE: std::ops::RangeInclusive<f64> = 1.0..=5.0;

const CATALOG_SHAPE: Shape = Shape("a catalog map (version, families, axes, …)");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    version: u32,
    families: Vec<Family>,
    axes: Vec<Axis>,
    questions: Vec<RawQuestion>,
    paths: Vec<PathDef>,
    tags: Vec<RawTag>,
    #[serde(default)]
    hints: Vec<RawHint>,
    roles: Vec<RawRole>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    pub id: String,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Axis {
    pub id: String,
    pub name: String,
    /// What 1 means.
    pub low: String,
    /// What 5 means.
    pub high: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    axis: String,
    text: String,
    #[serde(default)]
    reverse: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub axis: usize,
    pub text: String,
    /// A reverse-keyed item counts as `6 − answer`.
    pub reverse: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PathDef {
    pub id: String,
    pub name: String,
    pub description: String,
    pub weights: Weights,
}

/// A path assesses exactly the components it has a weight for.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competency: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_style: Option<f64>,
}

impl PathDef {
    /// Competency paths ask for strengths and goals.
    pub fn assesses_competency(&self) -> bool {
        self.weights.competency.is_some() || self.weights.growth.is_some()
    }
    pub fn assesses_work_style(&self) -> bool {
        self.weights.work_style.is_some()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTag {
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    pub name: String,
    /// One plain sentence saying what the skill is; empty when a custom
    /// catalog gives none.
    pub description: String,
    pub aliases: Vec<String>,
    /// Roles that list this tag, in catalog order.
    pub roles: Vec<usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHint {
    term: String,
    #[serde(default)]
    aliases: Vec<String>,
    tags: Vec<String>,
}

/// A broad word that is no tag of its own ("Kubernetes"): it never
/// resolves, and naming it points at the tags it relates to.
#[derive(Debug, Clone, PartialEq)]
pub struct Hint {
    pub term: String,
    pub aliases: Vec<String>,
    /// Related tags, indices into [`Catalog::tags`], in the hint's order.
    pub tags: Vec<usize>,
}

/// Why a name is not a tag, and what to offer instead.
#[derive(Debug, Clone, PartialEq)]
pub enum TagMiss<'c> {
    /// A broad word: its related tags.
    Broad(&'c Hint),
    /// Tags sharing words with it, best first; empty when none does.
    Near(Vec<&'c str>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    id: String,
    name: String,
    family: String,
    summary: String,
    detail: String,
    tags: Vec<String>,
    profile: RawProfile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    axes: UniqueMap<f64>,
    behaviors: Behaviors,
}

/// How the four team behaviours that build trust show up in a role.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Behaviors {
    pub trust: String,
    pub clarity: String,
    pub accountability: String,
    pub shared_results: String,
}

impl Behaviors {
    /// The four behaviours' names, in the order of [`Behaviors::labelled`].
    pub const LABELS: [&'static str; 4] = ["Trust", "Clarity", "Accountability", "Shared results"];

    pub fn labelled(&self) -> [(&'static str, &str); 4] {
        let [trust, clarity, accountability, shared_results] = Self::LABELS;
        [
            (trust, &self.trust),
            (clarity, &self.clarity),
            (accountability, &self.accountability),
            (shared_results, &self.shared_results),
        ]
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub id: String,
    pub name: String,
    pub family: usize,
    pub summary: String,
    pub detail: String,
    pub tags: Vec<usize>,
    /// Target on each axis, indexed like [`Catalog::axes`].
    pub targets: Vec<f64>,
    pub behaviors: Behaviors,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub source: String,
    pub version: u32,
    pub families: Vec<Family>,
    pub axes: Vec<Axis>,
    pub questions: Vec<Question>,
    pub paths: Vec<PathDef>,
    pub tags: Vec<Tag>,
    pub hints: Vec<Hint>,
    pub roles: Vec<Role>,
    /// Normalised tag name or alias → tag index.
    tag_lookup: Lookup,
    /// Normalised hint term or alias → hint index.
    hint_lookup: Lookup,
    /// The tags' words for "did you mean", built at the first miss.
    tag_words: LazyWords,
    /// Which load this is: writers cache text made from the catalog
    /// against it.
    serial: Serial,
    /// Each role's place in id order: ranking ties compare integers.
    id_order: Vec<u32>,
    /// Normalised question id → question index (the first of equals).
    question_lookup: Lookup,
    /// Normalised family, path and axis ids, in catalog order.
    family_keys: Vec<String>,
    path_keys: Vec<String>,
    axis_keys: Vec<String>,
}

impl Catalog {
    /// The catalog compiled into the binary.
    pub fn builtin() -> Result<Catalog> {
        let raw: RawCatalog = from_json(BUILTIN_JSON, BUILTIN_NAME, 1, CATALOG_SHAPE)
            .map_err(|problem| Error::Catalog(vec![problem]))?;
        // Problems would be located in the YAML source, the file people edit.
        Builder::new(BUILTIN_SOURCE, BUILTIN_NAME).build(raw)
    }

    /// The built-in catalog, or the one at `path`.
    pub fn load(path: Option<&Path>) -> Result<Catalog> {
        let Some(path) = path else {
            return Catalog::builtin();
        };
        let shown = path.display().to_string();
        let bytes = crate::read::read_limited(path, MAX_CATALOG_BYTES)
            .map_err(|problem| Error::Catalog(vec![Located::new(&shown, problem)]))?;
        let text = crate::read::decode(bytes, &shown).map_err(|e| Error::Catalog(vec![e]))?;
        Catalog::parse(&text, &shown)
    }

    /// Parses and validates a catalog text; `source` names it in errors.
    pub fn parse(text: &str, source: &str) -> Result<Catalog> {
        let raw: RawCatalog = from_yaml(text, source, CATALOG_SHAPE)
            .map_err(|problem| Error::Catalog(vec![problem]))?;
        Builder::new(text, source).build(raw)
    }

    /// Ids are matched like tags: `Work_Style` finds `work-style`.
    fn position_of<'a>(
        mut ids: impl Iterator<Item = &'a str>,
        keys: &[String],
        wanted: &str,
    ) -> Option<usize> {
        ids.position(|id| id == wanted)
            .or_else(|| with_normalized(wanted, |wanted| keys.iter().position(|k| k == wanted)))
    }

    /// Tells this load from every other one of the process (a clone keeps
    /// it): text made from a catalog can be cached against it.
    pub fn serial(&self) -> u64 {
        self.serial.0
    }

    /// A role's place when roles are sorted by id.
    pub fn id_order(&self, role: usize) -> u32 {
        self.id_order[role]
    }

    pub fn family_index(&self, id: &str) -> Option<usize> {
        Self::position_of(
            self.families.iter().map(|f| f.id.as_str()),
            &self.family_keys,
            id,
        )
    }

    pub fn path_index(&self, id: &str) -> Option<usize> {
        Self::position_of(
            self.paths.iter().map(|p| p.id.as_str()),
            &self.path_keys,
            id,
        )
    }

    pub fn axis_index(&self, id: &str) -> Option<usize> {
        Self::position_of(self.axes.iter().map(|a| a.id.as_str()), &self.axis_keys, id)
    }

    /// A work-style question by its id, compared like tag names.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        with_normalized(id, |wanted| self.question_lookup.get(wanted).copied())
    }

    /// A tag by name or alias, after normalisation.
    pub fn tag_index(&self, name: &str) -> Option<usize> {
        with_normalized(name, |wanted| self.tag_lookup.get(wanted).copied())
    }

    /// The hint a broad word names, after normalisation.
    pub fn hint(&self, name: &str) -> Option<&Hint> {
        with_normalized(name, |wanted| self.hint_lookup.get(wanted).copied())
            .map(|index| &self.hints[index])
    }

    /// The tags sharing words with a miss (name, aliases, description, and
    /// the terms of hints that list the tag), best first.
    pub fn suggest_tags(&self, name: &str) -> Vec<&str> {
        let index = self.tag_words.0.get_or_init(|| self.tag_word_index());
        index
            .closest(name, 3)
            .into_iter()
            .map(|t| self.tags[t].name.as_str())
            .collect()
    }

    fn tag_word_index(&self) -> WordIndex {
        let mut candidates: Vec<Described> = self
            .tags
            .iter()
            .map(|tag| Described {
                names: std::iter::once(tag.name.as_str())
                    .chain(tag.aliases.iter().map(String::as_str))
                    .collect(),
                description: tag.description.as_str(),
                broader: Vec::new(),
            })
            .collect();
        for hint in &self.hints {
            for &t in &hint.tags {
                let words = std::iter::once(&hint.term).chain(&hint.aliases);
                candidates[t].broader.extend(words.map(String::as_str));
            }
        }
        WordIndex::new(&candidates)
    }

    /// What to offer for a name that is no tag: a hint's related tags, or
    /// the tags sharing words with it.
    pub fn tag_miss(&self, name: &str) -> TagMiss<'_> {
        match self.hint(name) {
            Some(hint) => TagMiss::Broad(hint),
            None => TagMiss::Near(self.suggest_tags(name)),
        }
    }

    /// An unknown tag's message and hint, apart (see [`Self::family_miss`]):
    /// a broad word names its related tags, anything else gets "did you
    /// mean" or a pointer to `rolefit tags`.
    pub fn unknown_tag(&self, name: &str) -> (String, String) {
        match self.tag_miss(name) {
            TagMiss::Broad(hint) => {
                let related: Vec<String> = hint
                    .tags
                    .iter()
                    .map(|&t| format!("{:?}", self.tags[t].name))
                    .collect();
                (
                    format!("{name:?} is not a tag of its own"),
                    format!("related tags: {}", related.join(", ")),
                )
            }
            TagMiss::Near(near) => (
                format!("unknown tag {name:?}"),
                did_you_mean(&near).unwrap_or_else(|| "see `rolefit tags` for every tag".into()),
            ),
        }
    }

    /// A role by id or name, case-insensitive.
    pub fn role_index(&self, query: &str) -> Option<usize> {
        let wanted = normalize(query);
        self.roles
            .iter()
            .position(|r| normalize(&r.id) == wanted || normalize(&r.name) == wanted)
    }

    /// The closest roles to a miss, best first: roles whose initials it
    /// spells (`sre-engineer` is closer in spelling to `qa-engineer` than to
    /// `site-reliability-engineer`), then near spellings, then roles sharing a
    /// distinctive word with it (`data`).
    pub fn suggest_roles(&self, query: &str) -> Vec<&str> {
        let pairs = self.roles.iter().flat_map(|r| {
            [
                (r.id.as_str(), r.id.as_str()),
                (r.name.as_str(), r.id.as_str()),
            ]
        });
        let spelled = closest(query, pairs, 3);
        let (initials, words) = loose_role_matches(self, query);
        let mut suggestions: Vec<&str> = Vec::new();
        for id in initials.into_iter().chain(spelled).chain(words) {
            if suggestions.len() < 3 && !suggestions.contains(&id) {
                suggestions.push(id);
            }
        }
        suggestions
    }

    /// Resolves a role query or explains the miss. Beside an id or name, a
    /// unique prefix of either (`devops`) or the name's initials (`sre`) is
    /// accepted; a query that fits several roles lists them.
    pub fn find_role(&self, query: &str) -> Result<usize> {
        if let Some(role) = self.role_index(query) {
            return Ok(role);
        }
        match self.roles_abbreviated_by(query).as_slice() {
            [role] => return Ok(*role),
            [] => {}
            several => {
                let ids: Vec<String> = several
                    .iter()
                    .map(|&r| format!("{:?}", self.roles[r].id))
                    .collect();
                return Err(Error::Usage(format!(
                    "role {:?} is ambiguous: it could be {}",
                    crate::text::escape_control(query),
                    ids.join(", ")
                )));
            }
        }
        self.role_index(query).ok_or_else(|| {
            let hint = did_you_mean(&self.suggest_roles(query))
                .unwrap_or_else(|| "see `rolefit roles` for the list".into());
            Error::Usage(format!(
                "unknown role {:?}: {hint}",
                crate::text::escape_control(query)
            ))
        })
    }

    /// Roles whose id or name starts with `query`, or whose name's initials
    /// it spells, in catalog order.
    fn roles_abbreviated_by(&self, query: &str) -> Vec<usize> {
        let query = normalize(query);
        if query.chars().count() < 2 {
            return Vec::new();
        }
        let initials =
            |name: &str| -> String { name.split(' ').filter_map(|w| w.chars().next()).collect() };
        (0..self.roles.len())
            .filter(|&r| {
                let (id, name) = (normalize(&self.roles[r].id), normalize(&self.roles[r].name));
                id.starts_with(&query) || name.starts_with(&query) || initials(&name) == query
            })
            .collect()
    }

    /// Resolves a family id or explains the miss.
    pub fn find_family(&self, id: &str) -> std::result::Result<usize, String> {
        self.family_index(id).ok_or_else(|| {
            let (message, hint) = self.family_miss(id);
            format!("{message}: {hint}")
        })
    }

    /// An unknown family's message and hint, apart: an answer file puts
    /// the entry and its line between them.
    pub fn family_miss(&self, id: &str) -> (String, String) {
        let ids = self.families.iter().map(|f| (f.id.as_str(), f.id.as_str()));
        let hint = did_you_mean(&closest(id, ids, 3))
            .unwrap_or_else(|| format!("families are {}", self.family_ids().join(", ")));
        let message = format!("unknown family {:?}", crate::text::escape_control(id));
        (message, hint)
    }

    /// Resolves a path id or explains the miss.
    pub fn find_path(&self, id: &str) -> std::result::Result<usize, String> {
        self.path_index(id).ok_or_else(|| {
            let (message, hint) = self.path_miss(id);
            format!("{message}: {hint}")
        })
    }

    /// An unknown path's message and hint, apart (see [`Self::family_miss`]).
    pub fn path_miss(&self, id: &str) -> (String, String) {
        let ids = self.paths.iter().map(|p| (p.id.as_str(), p.id.as_str()));
        let hint = did_you_mean(&closest(id, ids, 3)).unwrap_or_else(|| {
            let all: Vec<&str> = self.paths.iter().map(|p| p.id.as_str()).collect();
            format!("paths are {}", all.join(", "))
        });
        let message = format!("unknown path {:?}", crate::text::escape_control(id));
        (message, hint)
    }

    /// Resolves `--family` values: sorted, each once; a miss is a usage error.
    pub fn find_families(&self, ids: &[String]) -> Result<Vec<usize>> {
        let mut families = ids
            .iter()
            .map(|f| self.find_family(f).map_err(Error::Usage))
            .collect::<Result<Vec<usize>>>()?;
        families.sort_unstable();
        families.dedup();
        Ok(families)
    }

    pub fn family_ids(&self) -> Vec<&str> {
        self.families.iter().map(|f| f.id.as_str()).collect()
    }

    /// The path used when an answer file names none: `full`, or the first.
    pub fn default_path(&self) -> usize {
        self.path_index("full").unwrap_or(0)
    }
}

/// A [`WordIndex`] built on first use: loading a catalog stays cheap when
/// every tag resolves. It is derived data, so it never makes two catalogs
/// unequal.
#[derive(Debug, Clone, Default)]
struct LazyWords(std::sync::OnceLock<WordIndex>);

impl PartialEq for LazyWords {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A number no other catalog loaded by this process has; two loads of the
/// same text are still equal catalogs.
#[derive(Debug, Clone, Copy)]
struct Serial(u64);

impl Serial {
    fn next() -> Serial {
        static LOADED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Serial(LOADED.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
}

impl PartialEq for Serial {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Roles whose initials the query spells (`sre`), and roles sharing a
/// distinctive word with it (`data`), best first.
fn loose_role_matches<'c>(catalog: &'c Catalog, query: &str) -> (Vec<&'c str>, Vec<&'c str>) {
    const LIMIT: usize = 3;
    let query = normalize(query);
    // Long queries are not near misses; also bounds the work.
    if query.is_empty() || query.chars().count() > 120 {
        return (Vec::new(), Vec::new());
    }
    let words: Vec<&str> = query
        .split(' ')
        .filter(|w| w.chars().count() >= 2)
        .collect();
    let names: Vec<String> = catalog.roles.iter().map(|r| normalize(&r.name)).collect();
    // A query word is a word of the role's name, or starts one ("eng").
    let uses = |name: &str, word: &str| {
        name.split(' ')
            .any(|w| w == word || (word.chars().count() >= 3 && w.starts_with(word)))
    };
    let mut initials = Vec::new();
    let mut shared: Vec<(usize, usize)> = Vec::new();
    for (index, name) in names.iter().enumerate() {
        let all: String = name.split(' ').filter_map(|w| w.chars().next()).collect();
        let key: String = name
            .split(' ')
            .filter(|w| !matches!(*w, "of" | "and" | "the"))
            .filter_map(|w| w.chars().next())
            .collect();
        if words.iter().any(|w| *w == all || *w == key) {
            initials.push(catalog.roles[index].id.as_str());
        }
        let mut score = 0;
        for word in &words {
            // A word most roles share ("engineer") says little.
            if uses(name, word) && names.iter().filter(|n| uses(n, word)).count() <= LIMIT {
                score += if name.split(' ').any(|w| w == *word) {
                    3
                } else {
                    2
                };
            }
        }
        if score > 0 {
            shared.push((score, index));
        }
    }
    shared.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let shared = shared
        .into_iter()
        .take(LIMIT)
        .map(|(_, i)| catalog.roles[i].id.as_str())
        .collect();
    (initials, shared)
}

/// Validates a parsed catalog and builds the indices, collecting every
/// problem with its line rather than stopping at the first.
struct Builder<'t> {
    text: &'t str,
    source: &'t str,
    problems: Vec<Located>,
    /// Problems past the first MAX_REPORTED: counted, not located.
    more: usize,
}

/// Locating a problem walks the document; a hostile catalog with thousands
/// of problems gets the first few spelled out and a count.
const MAX_REPORTED: usize = 50;

impl<'t> Builder<'t> {
    fn new(text: &'t str, source: &'t str) -> Self {
        Builder {
            text,
            source,
            problems: Vec::new(),
            more: 0,
        }
    }

    fn full(&mut self) -> bool {
        let full = self.problems.len() >= MAX_REPORTED;
        self.more += usize::from(full);
        full
    }

    fn problem(&mut self, entry: String, message: String, hint: Option<String>) {
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

    fn unique<'a>(&mut self, section: &str, ids: impl Iterator<Item = &'a str>) {
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

    fn build(mut self, raw: RawCatalog) -> Result<Catalog> {
        if raw.version != 1 {
            self.problem(
                "version".into(),
                format!("unsupported catalog version {}", raw.version),
                Some("this rolefit reads version 1".into()),
            );
        }
        self.unique("families", raw.families.iter().map(|f| f.id.as_str()));
        self.unique("axes", raw.axes.iter().map(|a| a.id.as_str()));
        self.unique("questions", raw.questions.iter().map(|q| q.id.as_str()));
        self.unique("paths", raw.paths.iter().map(|p| p.id.as_str()));
        self.unique("roles", raw.roles.iter().map(|r| r.id.as_str()));
        for (section, empty) in [
            ("families", raw.families.is_empty()),
            ("axes", raw.axes.is_empty()),
            ("paths", raw.paths.is_empty()),
            ("roles", raw.roles.is_empty()),
        ] {
            if empty {
                self.problem(section.into(), format!("no {section}"), None);
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
                None => self.unknown(format!("questions[{i}].axis"), "axis", &q.axis, &axis_ids),
            }
        }

        for (i, path) in raw.paths.iter().enumerate() {
            let w = path.weights;
            let given = [w.competency, w.growth, w.work_style];
            for weight in given.iter().flatten() {
                if !(0.0..=1.0).contains(weight) {
                    self.problem(
                        format!("paths[{i}].weights"),
                        format!("weight {weight} is outside 0–1"),
                        None,
                    );
                }
            }
            if given.iter().flatten().sum::<f64>() <= 0.0 {
                self.problem(
                    format!("paths[{i}].weights"),
                    "no positive weight".into(),
                    None,
                );
            }
        }

        let mut tags: Vec<Tag> = Vec::with_capacity(raw.tags.len());
        let mut tag_lookup = Lookup::default();
        for (i, raw_tag) in raw.tags.iter().enumerate() {
            // (alias index or None for the name, text); the entry path is
            // only spelled out for a problem.
            let names = std::iter::once((None, &raw_tag.name)).chain(
                raw_tag
                    .aliases
                    .iter()
                    .enumerate()
                    .map(|(j, a)| (Some(j), a)),
            );
            for (alias, name) in names {
                let entry = || match alias {
                    None => format!("tags[{i}].name"),
                    Some(j) => format!("tags[{i}].aliases[{j}]"),
                };
                let key = normalize(name);
                if key.is_empty() {
                    self.problem(entry(), "empty tag name or alias".into(), None);
                    continue;
                }
                match tag_lookup.get(&key) {
                    Some(&other) if other == i => {}
                    Some(&other) => self.problem(
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
        let (hints, hint_lookup) = self.hints(&raw.hints, &raw.tags, &tag_lookup);

        let tag_names: Vec<&str> = raw.tags.iter().map(|t| t.name.as_str()).collect();
        // Roles name tags by their canonical name, not an alias.
        let by_name: Lookup = tag_names
            .iter()
            .enumerate()
            .map(|(i, name)| (normalize(name), i))
            .collect();
        let family_ids: Vec<&str> = raw.families.iter().map(|f| f.id.as_str()).collect();
        let mut roles = Vec::with_capacity(raw.roles.len());
        for (i, raw_role) in raw.roles.into_iter().enumerate() {
            let family = raw.families.iter().position(|f| f.id == raw_role.family);
            if family.is_none() {
                self.unknown(
                    format!("roles[{i}].family"),
                    "family",
                    &raw_role.family,
                    &family_ids,
                );
            }
            if raw_role.tags.is_empty() {
                self.problem(
                    format!("roles[{i}].tags"),
                    "a role needs at least one tag".into(),
                    None,
                );
            }
            let mut role_tags = Vec::with_capacity(raw_role.tags.len());
            for (j, name) in raw_role.tags.iter().enumerate() {
                match with_normalized(name, |name| by_name.get(name).copied()) {
                    Some(t) if role_tags.contains(&t) => self.problem(
                        format!("roles[{i}].tags[{j}]"),
                        format!("tag {name:?} is listed twice"),
                        None,
                    ),
                    Some(t) => {
                        role_tags.push(t);
                        tags[t].roles.push(i);
                    }
                    None => self.unknown(format!("roles[{i}].tags[{j}]"), "tag", name, &tag_names),
                }
            }
            let mut targets = vec![f64::NAN; raw.axes.len()];
            for (axis_id, value) in raw_role.profile.axes.iter() {
                let entry = || format!("roles[{i}].profile.axes.{axis_id}");
                match axis_of(axis_id) {
                    Some(a) if AXIS_RANGE.contains(value) => targets[a] = *value,
                    Some(_) => {
                        self.problem(entry(), format!("axis value {value} is outside 1–5"), None)
                    }
                    None => self.unknown(entry(), "axis", axis_id, &axis_ids),
                }
            }
            for (a, target) in targets.iter().enumerate() {
                if target.is_nan() && !raw_role.profile.axes.contains_key(&raw.axes[a].id) {
                    self.problem(
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
            });
        }
        for (i, tag) in tags.iter().enumerate() {
            if tag.roles.is_empty() {
                self.problem(
                    format!("tags[{i}]"),
                    format!("tag {:?} is used by no role", tag.name),
                    None,
                );
            }
        }

        if self.more > 0 {
            let more = format!("… and {} more problems", self.more);
            self.problems.push(Located::new(self.source, more));
        }
        if !self.problems.is_empty() {
            return Err(Error::Catalog(self.problems));
        }
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
            source: self.source.to_string(),
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
        &mut self,
        raw_hints: &[RawHint],
        raw_tags: &[RawTag],
        tag_lookup: &Lookup,
    ) -> (Vec<Hint>, Lookup) {
        let by_name: Lookup = raw_tags
            .iter()
            .enumerate()
            .map(|(i, tag)| (normalize(&tag.name), i))
            .collect();
        let tag_names: Vec<&str> = raw_tags.iter().map(|t| t.name.as_str()).collect();
        let mut hints = Vec::with_capacity(raw_hints.len());
        let mut hint_lookup = Lookup::default();
        for (i, raw_hint) in raw_hints.iter().enumerate() {
            // (alias index or None for the term, text); the entry path is
            // only spelled out for a problem.
            let words = std::iter::once((None, &raw_hint.term)).chain(
                raw_hint
                    .aliases
                    .iter()
                    .enumerate()
                    .map(|(j, a)| (Some(j), a)),
            );
            for (alias, word) in words {
                let entry = || match alias {
                    None => format!("hints[{i}].term"),
                    Some(j) => format!("hints[{i}].aliases[{j}]"),
                };
                let key = normalize(word);
                if key.is_empty() {
                    self.problem(entry(), "empty hint term or alias".into(), None);
                } else if let Some(&tag) = tag_lookup.get(&key) {
                    self.problem(
                        entry(),
                        format!("hint {word:?} is already a tag name or alias"),
                        Some(format!(
                            "it names {:?}; a word is either a tag or a hint",
                            raw_tags[tag].name
                        )),
                    );
                } else {
                    match hint_lookup.get(&key) {
                        Some(&other) if other == i => {}
                        Some(&other) => self.problem(
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
            if raw_hint.tags.is_empty() {
                self.problem(
                    format!("hints[{i}].tags"),
                    "a hint needs at least one related tag".into(),
                    None,
                );
            }
            let mut related = Vec::with_capacity(raw_hint.tags.len());
            for (j, name) in raw_hint.tags.iter().enumerate() {
                match with_normalized(name, |name| by_name.get(name).copied()) {
                    Some(t) if related.contains(&t) => self.problem(
                        format!("hints[{i}].tags[{j}]"),
                        format!("tag {name:?} is listed twice"),
                        None,
                    ),
                    Some(t) => related.push(t),
                    None => self.unknown(format!("hints[{i}].tags[{j}]"), "tag", name, &tag_names),
                }
            }
            hints.push(Hint {
                term: raw_hint.term.clone(),
                aliases: raw_hint.aliases.clone(),
                tags: related,
            });
        }
        (hints, hint_lookup)
    }

    fn unknown(&mut self, entry: String, kind: &str, name: &str, known: &[&str]) {
        if self.full() {
            return;
        }
        let pairs = known.iter().map(|k| (*k, *k));
        let hint = did_you_mean(&closest(name, pairs, 3));
        self.problem(entry, format!("unknown {kind} {name:?}"), hint);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalog_is_valid_and_complete() {
        let catalog = Catalog::builtin().unwrap();
        assert_eq!(catalog.roles.len(), 24);
        assert_eq!(catalog.families.len(), 4);
        assert_eq!(catalog.axes.len(), 5);
        for role in &catalog.roles {
            assert!(role.tags.len() >= 3, "{} has too few tags", role.id);
            assert!(role.targets.iter().all(|t| AXIS_RANGE.contains(t)));
        }
        for axis in 0..catalog.axes.len() {
            let items: Vec<_> = catalog
                .questions
                .iter()
                .filter(|q| q.axis == axis)
                .collect();
            assert!(items.len() >= 2);
            assert!(items.iter().any(|q| q.reverse));
        }
        // Every family has roles, and every role is in one of them.
        let counts: Vec<usize> = (0..catalog.families.len())
            .map(|f| catalog.roles.iter().filter(|r| r.family == f).count())
            .collect();
        assert!(counts.iter().all(|&n| n > 0), "{counts:?}");
        assert_eq!(counts.iter().sum::<usize>(), catalog.roles.len());
    }

    #[test]
    fn builtin_json_is_the_yaml_catalog() {
        let from_yaml = Catalog::parse(BUILTIN_SOURCE, BUILTIN_NAME).unwrap();
        assert_eq!(Catalog::builtin().unwrap(), from_yaml);
    }

    #[test]
    fn tags_resolve_by_name_and_alias() {
        let catalog = Catalog::builtin().unwrap();
        let slo = catalog.tag_index("error budgets and SLOs").unwrap();
        assert_eq!(catalog.tag_index("  ERROR_budgets and slos"), Some(slo));
        assert_eq!(catalog.tag_index("SLO"), Some(slo));
        assert_eq!(
            catalog.suggest_tags("error budget and SLO"),
            vec!["error budgets and SLOs"]
        );
    }

    #[test]
    fn builtin_tags_are_described_in_one_sentence() {
        let catalog = Catalog::builtin().unwrap();
        for tag in &catalog.tags {
            let d = &tag.description;
            assert!(d.ends_with('.'), "{:?} needs a description", tag.name);
            assert!(!d[..d.len() - 1].contains(". "), "{d:?} is one sentence");
        }
        assert!(catalog.hints.len() >= 20);
    }

    #[test]
    fn a_hint_never_resolves_and_names_its_tags() {
        let catalog = Catalog::builtin().unwrap();
        assert_eq!(catalog.tag_index("Kubernetes"), None);
        let hint = catalog.hint("  kubernetes ").unwrap();
        assert_eq!(hint.term, "Kubernetes");
        assert_eq!(catalog.hint("K8s"), Some(hint));
        let (message, related) = catalog.unknown_tag("kubernetes");
        assert_eq!(message, "\"kubernetes\" is not a tag of its own");
        assert_eq!(
            related,
            "related tags: \"deployment and rollback strategy\", \
             \"infrastructure as code operations\", \"platform guardrails\", \
             \"model-serving architecture\""
        );
        let (message, hint) = catalog.unknown_tag("eror budgets");
        assert_eq!(message, "unknown tag \"eror budgets\"");
        assert!(hint.starts_with("did you mean"), "{hint}");
        let (_, hint) = catalog.unknown_tag("zzzz");
        assert_eq!(hint, "see `rolefit tags` for every tag");
    }

    #[test]
    fn known_bad_suggestions_are_gone() {
        let catalog = Catalog::builtin().unwrap();
        for (word, wrong) in [
            ("mentoring", "DNS and network troubleshooting"),
            ("IAM", "infrastructure as code operations"),
            ("SSO", "error budgets and SLOs"),
            ("MLOps", "error budgets and SLOs"),
            ("API design", "organizational design decisions"),
        ] {
            let suggested = catalog.suggest_tags(word);
            assert!(!suggested.contains(&wrong), "{word}: {suggested:?}");
        }
        assert_eq!(
            catalog.suggest_tags("API design")[..2],
            ["API contract design", "integration and API design"]
        );
        // A hint's words count for its related tags, so a typo of a broad
        // word still finds them.
        let mut near = catalog.suggest_tags("kubernets");
        near.sort_unstable();
        assert_eq!(
            near,
            [
                "deployment and rollback strategy",
                "infrastructure as code operations",
                "model-serving architecture"
            ]
        );
    }

    /// The catalog's problems, each as displayed.
    fn problems_of(text: &str) -> Vec<String> {
        match Catalog::parse(text, "custom.yaml") {
            Err(Error::Catalog(problems)) => problems.iter().map(ToString::to_string).collect(),
            other => panic!("expected catalog problems, got {other:?}"),
        }
    }

    #[test]
    fn hints_are_validated_with_their_lines() {
        let with_hints =
            |hints: &str| BUILTIN_SOURCE.replacen("\nhints:\n", &format!("\nhints:\n{hints}"), 1);
        let shown = problems_of(&with_hints(
            "  - {term: pager duty, aliases: [SLO], tags: [error budgets and SLOs]}\n",
        ));
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert!(
            shown[0].starts_with(
                "hint \"SLO\" is already a tag name or alias at hints[0].aliases[0] (custom.yaml:"
            ),
            "{}",
            shown[0]
        );
        assert!(
            shown[0].contains("it names \"error budgets and SLOs\""),
            "{}",
            shown[0]
        );

        let shown = problems_of(&with_hints(
            "  - {term: K8S, tags: [platform guardrails]}\n  - {term: x, tags: [platfrom guardrails]}\n  - {term: y, tags: []}\n",
        ));
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(
            shown[0].starts_with("unknown tag \"platfrom guardrails\" at hints[1].tags[0]"),
            "{}",
            shown[0]
        );
        assert!(
            shown[0].ends_with("did you mean \"platform guardrails\"?"),
            "{}",
            shown[0]
        );
        assert!(
            shown[1].starts_with("a hint needs at least one related tag at hints[2].tags"),
            "{}",
            shown[1]
        );
        // The built-in hint that has K8s as an alias comes later.
        assert!(
            shown[2].starts_with("hint \"K8s\" is listed twice at hints["),
            "{}",
            shown[2]
        );
        assert!(
            shown[2].ends_with("it already names the hint \"K8S\""),
            "{}",
            shown[2]
        );
    }

    #[test]
    fn descriptions_and_hints_are_optional_in_a_custom_catalog() {
        let start = BUILTIN_SOURCE.find("\nhints:\n").unwrap();
        let end = BUILTIN_SOURCE.find("\nroles:\n").unwrap();
        let without_hints = format!("{}{}", &BUILTIN_SOURCE[..start], &BUILTIN_SOURCE[end..]);
        let builtin = Catalog::builtin().unwrap();
        let described: Vec<String> = builtin
            .tags
            .iter()
            .map(|t| format!("    description: {:?}", t.description))
            .collect();
        let bare: String = without_hints
            .lines()
            .filter(|line| !described.iter().any(|d| d == line))
            .map(|line| format!("{line}\n"))
            .collect();
        let catalog = Catalog::parse(&bare, "custom.yaml").unwrap();
        assert!(catalog.hints.is_empty());
        assert!(catalog.tags.iter().all(|t| t.description.is_empty()));
        assert_eq!(catalog.tag_index("kubernetes"), None);
        assert!(matches!(catalog.tag_miss("kubernetes"), TagMiss::Near(_)));
    }

    #[test]
    fn roles_resolve_by_id_or_name() {
        let catalog = Catalog::builtin().unwrap();
        let sre = catalog.role_index("site-reliability-engineer").unwrap();
        assert_eq!(catalog.role_index("site reliability ENGINEER"), Some(sre));
        assert!(catalog.find_role("site reliabilty engineer").is_err());
        let message = catalog
            .find_role("site reliabilty engineer")
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("did you mean \"site-reliability-engineer\"?"),
            "{message}"
        );
    }

    #[test]
    fn invalid_catalog_names_every_problem_with_its_line() {
        let text = BUILTIN_SOURCE.replacen("family: support", "family: suport", 1);
        let Err(Error::Catalog(problems)) = Catalog::parse(&text, "custom.yaml") else {
            panic!("a misspelt family must be rejected");
        };
        let shown = problems[0].to_string();
        assert!(
            shown.starts_with("unknown family \"suport\" at roles[0].family (custom.yaml:"),
            "{shown}"
        );
        assert!(shown.ends_with("did you mean \"support\"?"), "{shown}");
    }
}
