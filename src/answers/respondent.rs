//! A respondent: answers with every name resolved to a catalog index, and
//! back to an answer file that resolves to the same.

use crate::catalog::Catalog;
use crate::document::{Number, UniqueMap};
use crate::error::Located;

use super::date::Date;
use crate::reader::How;

use super::file::{AnswerFile, Strength};

/// Answers with every name resolved to a catalog index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Respondent {
    pub id: String,
    pub source: String,
    pub path: usize,
    /// (tag, level 1–5), sorted by tag, each tag once.
    pub strengths: Vec<(usize, u8)>,
    /// Tags the person wants to grow into, sorted, each once.
    pub goals: Vec<usize>,
    /// The answer on each axis, indexed like the catalog's axes.
    pub work_style: Vec<Option<f64>>,
    /// Families to rank; empty means all.
    pub families: Vec<usize>,
    /// The role the person aims for (`target:`), if they named one.
    pub target: Option<usize>,
    pub warnings: Vec<Located>,
    /// When the answers were given and the person's group, if said.
    pub meta: Meta,
    /// Where in its source the answers are, when it holds many (a
    /// survey's `row 3`, a JSON Lines file's `line 3`).
    pub at: Option<String>,
    /// How much was answered and read: what notes on thin results count.
    pub answered: Answered,
    /// How the strength and goal words were read (see [`crate::reader`]).
    pub words: Words,
}

/// When a respondent's answers were given, and their group (team).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub assessed: Option<Date>,
    pub group: Option<String>,
}

/// How much of an answer set was answered and read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Answered {
    /// Work-style statements answered (0 when axes were given as numbers).
    /// The words written and those not understood are in [`Words`].
    pub statements: usize,
}

/// How a person's own words were read, and the partial credit they earn.
/// Two are equal when they credit the same: the words are provenance, and
/// a saved answer file names its tags by their names.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// Each strength and goal word a layer read, in the file's order.
    pub understood: Vec<Understood>,
    /// Words no layer read, as written.
    pub not_understood: Vec<String>,
    /// Tags credited at the related discount by strength words: (tag,
    /// level), sorted by tag, each once, none of them a strength.
    pub related: Vec<(usize, u8)>,
    /// Tags credited at the related discount by goal words, sorted, none
    /// of them a goal.
    pub related_goals: Vec<usize>,
}

impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        self.related == other.related && self.related_goals == other.related_goals
    }
}

/// One word that was read: as written, its tags and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Understood {
    pub said: String,
    pub tags: Tags,
    pub how: How,
    /// A strength's level; `None` for a goal's word.
    pub level: Option<u8>,
}

/// A word's tags: nearly always one, kept without an allocation.
#[derive(Debug, Clone, PartialEq)]
pub enum Tags {
    One(usize),
    Many(Vec<usize>),
}

impl Tags {
    pub fn as_slice(&self) -> &[usize] {
        match self {
            Tags::One(tag) => std::slice::from_ref(tag),
            Tags::Many(tags) => tags,
        }
    }
}

impl Words {
    /// Tags picked from the catalog itself (the interview): each read
    /// exactly, as its name.
    pub fn picked(catalog: &Catalog, strengths: &[(usize, u8)], goals: &[usize]) -> Words {
        let word = |tag: usize, level: Option<u8>| Understood {
            said: catalog.tags[tag].name.clone(),
            tags: Tags::One(tag),
            how: How::Exact,
            level,
        };
        let strengths = strengths.iter().map(|&(t, l)| word(t, Some(l)));
        Words {
            understood: strengths
                .chain(goals.iter().map(|&t| word(t, None)))
                .collect(),
            ..Words::default()
        }
    }

    /// Words given (understood or not).
    pub fn given(&self) -> usize {
        self.understood.len() + self.not_understood.len()
    }

    /// The words read by a layer other than `exact`, and those not read:
    /// what a person's report names.
    pub fn not_exact(&self) -> impl Iterator<Item = &Understood> {
        self.understood.iter().filter(|u| u.how != How::Exact)
    }
}

impl Respondent {
    /// The respondent as an answer file that resolves back to the same.
    /// The axes answered, by axis id, in the catalog's axis order.
    pub fn work_style_answers(&self, catalog: &Catalog) -> UniqueMap<f64> {
        UniqueMap(
            self.work_style
                .iter()
                .enumerate()
                .filter_map(|(a, v)| v.map(|v| (catalog.axes[a].id.clone(), v)))
                .collect(),
        )
    }

    /// The words read as related evidence (not a claim of their tags).
    fn related_words(&self) -> impl Iterator<Item = &Understood> {
        (self.words.understood.iter()).filter(|u| !u.how.is_direct())
    }

    pub fn to_answer_file(&self, catalog: &Catalog) -> AnswerFile {
        AnswerFile {
            id: Some(self.id.clone()),
            path: Some(catalog.paths[self.path].id.clone()),
            strengths: self
                .strengths
                .iter()
                .map(|&(tag, level)| Strength {
                    tag: catalog.tags[tag].name.clone(),
                    level: Some(Number::Value(f64::from(level))),
                })
                .chain(self.related_words().filter_map(|u| {
                    Some(Strength {
                        tag: u.said.clone(),
                        level: Some(Number::Value(f64::from(u.level?))),
                    })
                }))
                .collect(),
            // Related credit is kept by the words that earned it.
            goals: (self.goals.iter())
                .map(|&t| catalog.tags[t].name.clone())
                .chain(
                    self.related_words()
                        .filter(|u| u.level.is_none())
                        .map(|u| u.said.clone()),
                )
                .collect(),
            work_style: UniqueMap(
                self.work_style_answers(catalog)
                    .0
                    .into_iter()
                    .map(|(axis, v)| (axis, Number::Value(v)))
                    .collect(),
            ),
            statements: UniqueMap::default(),
            unknown_keys: Vec::new(),
            assessed: self.meta.assessed.map(|d| d.to_string()),
            group: self.meta.group.clone(),
            families: (!self.families.is_empty()).then(|| {
                self.families
                    .iter()
                    .map(|&f| catalog.families[f].id.clone())
                    .collect()
            }),
            target: self.target.map(|r| catalog.roles[r].id.clone()),
        }
    }
}
