//! The role catalog's model: families, axes, questions, paths, tags,
//! hints and roles, and the indexes a loaded catalog keeps.
//!
//! Names are resolved to indices once, at load, so scoring works on plain
//! integers: a tag is an index into [`Catalog::tags`], a role into
//! [`Catalog::roles`], an axis into [`Catalog::axes`].

use serde::{Deserialize, Serialize};

use crate::matching::WordIndex;

/// Normalised name → index; names are short, so a fast hasher pays.
pub(super) type Lookup = rustc_hash::FxHashMap<String, usize>;

/// Strength levels: 1 learning … 5 expert.
pub const MAX_LEVEL: u8 = 5;

/// Strength levels: a name and what it means, 1 to 5.
pub const LEVELS: [(&str, &str); MAX_LEVEL as usize] = [
    ("learning", "new to it, learning the basics"),
    ("developing", "can do it with some guidance"),
    ("practitioner", "do it on my own, regularly"),
    ("advanced", "handle the hard cases and help others"),
    ("expert", "set the standard and teach it"),
];
/// Work-style answers and targets run from 1 to 5.
pub const AXIS_RANGE: std::ops::RangeInclusive<f64> = 1.0..=5.0;

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
    /// Its work is leading or guiding other engineers: it is usually
    /// reached after years of technical work (`follows_technical_work`).
    pub follows_technical_work: bool,
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
    pub(super) tag_lookup: Lookup,
    /// Normalised hint term or alias → hint index.
    pub(super) hint_lookup: Lookup,
    /// The tags' words for "did you mean", built at the first miss.
    pub(super) tag_words: LazyWords,
    /// Which load this is: writers cache text made from the catalog
    /// against it.
    pub(super) serial: Serial,
    /// Each role's place in id order: ranking ties compare integers.
    pub(super) id_order: Vec<u32>,
    /// Normalised question id → question index (the first of equals).
    pub(super) question_lookup: Lookup,
    /// Normalised family, path and axis ids, in catalog order.
    pub(super) family_keys: Vec<String>,
    pub(super) path_keys: Vec<String>,
    pub(super) axis_keys: Vec<String>,
}

/// A [`WordIndex`] built on first use: loading a catalog stays cheap when
/// every tag resolves. It is derived data, so it never makes two catalogs
/// unequal.
#[derive(Debug, Clone, Default)]
pub(super) struct LazyWords(pub(super) std::sync::OnceLock<WordIndex>);

impl PartialEq for LazyWords {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A number no other catalog loaded by this process has; two loads of the
/// same text are still equal catalogs.
#[derive(Debug, Clone, Copy)]
pub(super) struct Serial(pub(super) u64);

impl Serial {
    pub(super) fn next() -> Serial {
        static LOADED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Serial(LOADED.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }
}

impl PartialEq for Serial {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}
