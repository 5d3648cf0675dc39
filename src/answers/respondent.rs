//! A respondent: answers with every name resolved to a catalog index, and
//! back to an answer file that resolves to the same.

use crate::catalog::Catalog;
use crate::document::{Number, UniqueMap};
use crate::error::Located;

use super::date::Date;
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
    pub statements: usize,
    /// Strengths and goals as written.
    pub words: usize,
    /// Of those, the ones not read as a tag (dropped with a warning).
    pub words_dropped: usize,
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
                .collect(),
            goals: self
                .goals
                .iter()
                .map(|&t| catalog.tags[t].name.clone())
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
