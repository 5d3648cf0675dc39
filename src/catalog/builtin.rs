//! The built-in catalog, prepared by `build.rs`: names already resolved
//! to indices and lookup keys already normalised, so starting needs no
//! parsing and no validation (a test proves it equals loading
//! `roles.yaml`).

use super::model::{
    Axis, Behaviors, Catalog, Family, Hint, LazyWords, Lookup, PathDef, Question, Role, Serial,
    Tag, Weights,
};
use crate::error::Result;

/// The built-in catalog, compiled into the binary.
pub const BUILTIN_SOURCE: &str = include_str!("../../roles.yaml");
pub const BUILTIN_NAME: &str = "<built-in roles.yaml>";

/// `roles.yaml` as `build.rs` resolved it; None when a name in it did not
/// resolve, and loading it then reports each problem with its line.
const PREPARED: Option<Prepared> = include!(concat!(env!("OUT_DIR"), "/builtin_catalog.rs"));

type Text = &'static str;

struct Prepared {
    version: u32,
    /// id, name, description.
    families: &'static [[Text; 3]],
    /// id, name, low, high.
    axes: &'static [[Text; 4]],
    /// id, axis, text, reverse.
    questions: &'static [(Text, usize, Text, bool)],
    /// id, name, description; weights for competency, growth, work style.
    paths: &'static [([Text; 3], [Option<f64>; 3])],
    tags: &'static [PreparedTag],
    hints: &'static [PreparedHint],
    roles: &'static [PreparedRole],
    tag_lookup: &'static [(Text, usize)],
    hint_lookup: &'static [(Text, usize)],
    question_lookup: &'static [(Text, usize)],
    id_order: &'static [u32],
    family_keys: &'static [Text],
    path_keys: &'static [Text],
    axis_keys: &'static [Text],
}

struct PreparedTag {
    name: Text,
    description: Text,
    aliases: &'static [Text],
    roles: &'static [usize],
}

struct PreparedHint {
    term: Text,
    aliases: &'static [Text],
    tags: &'static [usize],
}

struct PreparedRole {
    id: Text,
    name: Text,
    family: usize,
    summary: Text,
    detail: Text,
    tags: &'static [usize],
    targets: &'static [f64],
    /// trust, clarity, accountability, shared results.
    behaviors: [Text; 4],
    follows_technical_work: bool,
}

fn strings(texts: &[Text]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

fn lookup(keys: &[(Text, usize)]) -> Lookup {
    keys.iter().map(|&(key, i)| (key.to_string(), i)).collect()
}

impl Catalog {
    /// The catalog compiled into the binary.
    pub fn builtin() -> Result<Catalog> {
        match &PREPARED {
            Some(prepared) => Ok(prepared.catalog()),
            None => Catalog::parse(BUILTIN_SOURCE, BUILTIN_NAME),
        }
    }
}

/// Whether `build.rs` prepared `roles.yaml` (else it is loaded at start).
#[cfg(test)]
pub(super) fn prepared_at_build_time() -> bool {
    PREPARED.is_some()
}

impl Prepared {
    fn catalog(&self) -> Catalog {
        Catalog {
            source: BUILTIN_NAME.to_string(),
            version: self.version,
            families: self.families.iter().map(family).collect(),
            axes: self.axes.iter().map(axis).collect(),
            questions: self.questions.iter().map(question).collect(),
            paths: self.paths.iter().map(path).collect(),
            tags: self.tags.iter().map(tag).collect(),
            hints: self.hints.iter().map(hint).collect(),
            roles: self.roles.iter().map(role).collect(),
            tag_lookup: lookup(self.tag_lookup),
            hint_lookup: lookup(self.hint_lookup),
            tag_words: LazyWords::default(),
            serial: Serial::next(),
            id_order: self.id_order.to_vec(),
            question_lookup: lookup(self.question_lookup),
            family_keys: strings(self.family_keys),
            path_keys: strings(self.path_keys),
            axis_keys: strings(self.axis_keys),
        }
    }
}

fn family(&[id, name, description]: &[Text; 3]) -> Family {
    let [id, name, description] = [id, name, description].map(String::from);
    Family {
        id,
        name,
        description,
    }
}

fn axis(&[id, name, low, high]: &[Text; 4]) -> Axis {
    let [id, name, low, high] = [id, name, low, high].map(String::from);
    Axis {
        id,
        name,
        low,
        high,
    }
}

fn question(&(id, axis, text, reverse): &(Text, usize, Text, bool)) -> Question {
    Question {
        id: id.to_string(),
        axis,
        text: text.to_string(),
        reverse,
    }
}

fn path(&([id, name, description], weights): &([Text; 3], [Option<f64>; 3])) -> PathDef {
    let [competency, growth, work_style] = weights;
    let [id, name, description] = [id, name, description].map(String::from);
    PathDef {
        id,
        name,
        description,
        weights: Weights {
            competency,
            growth,
            work_style,
        },
    }
}

fn tag(tag: &PreparedTag) -> Tag {
    Tag {
        name: tag.name.to_string(),
        description: tag.description.to_string(),
        aliases: strings(tag.aliases),
        roles: tag.roles.to_vec(),
    }
}

fn hint(hint: &PreparedHint) -> Hint {
    Hint {
        term: hint.term.to_string(),
        aliases: strings(hint.aliases),
        tags: hint.tags.to_vec(),
    }
}

fn role(role: &PreparedRole) -> Role {
    let [trust, clarity, accountability, shared_results] = role.behaviors.map(String::from);
    Role {
        id: role.id.to_string(),
        name: role.name.to_string(),
        family: role.family,
        summary: role.summary.to_string(),
        detail: role.detail.to_string(),
        tags: role.tags.to_vec(),
        targets: role.targets.to_vec(),
        behaviors: Behaviors {
            trust,
            clarity,
            accountability,
            shared_results,
        },
        follows_technical_work: role.follows_technical_work,
    }
}
