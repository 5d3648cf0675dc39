//! Resolving an answer file's names against the catalog and checking its
//! ranges, with every problem and warning located.

use crate::catalog::{AXIS_RANGE, Catalog, MAX_LEVEL};
use crate::document::Number;
use crate::error::Located;
use crate::matching::did_you_mean;

use super::date::Date;
use super::file::{ANSWER_KEYS, AnswerFile, DEFAULT_LEVEL};
use super::respondent::{Meta, Respondent, Tags, Understood, Words};
use super::source::Origin;
use crate::reader::{self, How};

/// What a strength or goal word no layer of the reader reads does to its
/// answer set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum UnknownTags {
    /// The answer set fails (strict pipelines).
    Error,
    /// The word is left out with a warning; the rest is scored.
    #[default]
    Warn,
}

/// Resolves names and checks ranges, reporting every problem in the file.
pub fn resolve(
    file: AnswerFile,
    catalog: &Catalog,
    origin: &Origin<'_>,
) -> Result<Respondent, Vec<Located>> {
    resolve_with(file, catalog, origin, UnknownTags::Error)
}

/// [`resolve`], with unknown strengths and goals failing the answer set or
/// dropped with a warning, as `unknown_tags` says.
pub fn resolve_with(
    file: AnswerFile,
    catalog: &Catalog,
    origin: &Origin<'_>,
    unknown_tags: UnknownTags,
) -> Result<Respondent, Vec<Located>> {
    let mut problems = Collected::new(origin);
    let mut warnings = Collected::new(origin);

    for key in &file.unknown_keys {
        problems.add(|| {
            let hint = did_you_mean(&crate::matching::closest(
                key,
                ANSWER_KEYS.iter().map(|k| (*k, *k)),
                1,
            ))
            .or_else(|| Some(format!("answer files have {}", ANSWER_KEYS.join(", "))));
            origin.locate(key, format!("unknown key {key:?}"), hint)
        });
    }

    let id = match file.id {
        Some(id) if id.trim().is_empty() => {
            problems.add(|| origin.locate("id", "empty id".into(), None));
            String::new()
        }
        Some(id) => id,
        None => origin.default_id.to_string(),
    };

    let assessed = file.assessed.as_deref().and_then(|text| {
        Date::parse(text)
            .map_err(|message| problems.add(|| origin.locate("assessed", message, None)))
            .ok()
    });
    let group = match file.group {
        Some(group) if group.trim().is_empty() => {
            problems.add(|| origin.locate("group", "empty group".into(), None));
            None
        }
        group => group.map(|g| g.trim().to_string()),
    };

    let path = match &file.path {
        None => catalog.default_path(),
        Some(name) => catalog.path_index(name).unwrap_or_else(|| {
            problems.add(|| {
                let (message, hint) = catalog.path_miss(name);
                origin.locate("path", message, Some(hint))
            });
            catalog.default_path()
        }),
    };
    let path_def = &catalog.paths[path];

    // Entry names are spelled out only for a problem or a warning. A word
    // no layer of the reader reads is a problem or a warning, as
    // `unknown_tags` says; every other word is kept with how it was read.
    let mut words = Words::default();
    let mut related: Vec<(usize, u8)> = Vec::new();
    let mut related_goals: Vec<usize> = Vec::new();
    let mut read_word = |entry: &dyn Fn() -> String,
                         name: &str,
                         problems: &mut Collected,
                         warnings: &mut Collected|
     -> Option<(Tags, How)> {
        if let Some(tag) = catalog.tag_index(name) {
            return Some((Tags::One(tag), How::Exact));
        }
        if let Some(reading) = reader::read(catalog, name) {
            let tags = match reading.tags.as_slice() {
                [one] => Tags::One(*one),
                _ => Tags::Many(reading.tags),
            };
            return Some((tags, reading.how));
        }
        let unknown = || {
            let (message, hint) = reader::not_understood(catalog, name);
            let message = match unknown_tags {
                UnknownTags::Error => message,
                UnknownTags::Warn => format!("{message} (not understood; scored without it)"),
            };
            origin.locate(&entry(), message, Some(hint))
        };
        match unknown_tags {
            UnknownTags::Error => problems.add(unknown),
            UnknownTags::Warn => warnings.add(unknown),
        }
        words.not_understood.push(name.to_string());
        None
    };

    let gave_strengths = !file.strengths.is_empty();
    let gave_competency = gave_strengths || !file.goals.is_empty();
    let mut strengths: Vec<(usize, u8, usize)> = Vec::with_capacity(file.strengths.len());
    let mut understood: Vec<Understood> = Vec::with_capacity(file.strengths.len());
    for (i, strength) in file.strengths.into_iter().enumerate() {
        let entry = || format!("strengths[{i}]");
        let level = match &strength.level {
            None => Some(DEFAULT_LEVEL),
            Some(Number::Value(level))
                if level.fract() == 0.0 && (1.0..=f64::from(MAX_LEVEL)).contains(level) =>
            {
                Some(*level as u8)
            }
            Some(Number::NotANumber(text)) if reader::level_word(text).is_some() => {
                reader::level_word(text)
            }
            Some(given) => {
                problems.add(|| {
                    origin.locate(
                        &format!("{}.level", entry()),
                        format!(
                            "level must be a whole number from 1 (learning) to {MAX_LEVEL} (expert) or its name ({}); got {}",
                            level_names(),
                            as_given(given)
                        ),
                        None,
                    )
                });
                None
            }
        };
        let read = read_word(&entry, &strength.tag, &mut problems, &mut warnings);
        let (Some((tags, how)), Some(level)) = (read, level) else {
            continue;
        };
        if how.is_direct() {
            for &tag in tags.as_slice() {
                match strengths.iter_mut().find(|(t, ..)| *t == tag) {
                    Some(seen) => {
                        warnings.add(|| {
                            origin.locate(
                                &entry(),
                                format!(
                                    "{:?} repeats {:?} from strengths[{}]; counted once at level {}",
                                    strength.tag,
                                    catalog.tags[tag].name,
                                    seen.2,
                                    seen.1.max(level)
                                ),
                                None,
                            )
                        });
                        seen.1 = seen.1.max(level);
                    }
                    None => strengths.push((tag, level, i)),
                }
            }
        } else {
            for &tag in tags.as_slice() {
                match related.iter_mut().find(|(t, _)| *t == tag) {
                    Some(seen) => seen.1 = seen.1.max(level),
                    None => related.push((tag, level)),
                }
            }
        }
        understood.push(Understood {
            said: strength.tag,
            tags,
            how,
            level: Some(level),
        });
    }

    let mut goals: Vec<usize> = Vec::with_capacity(file.goals.len());
    for (i, name) in file.goals.into_iter().enumerate() {
        let entry = || format!("goals[{i}]");
        let Some((tags, how)) = read_word(&entry, &name, &mut problems, &mut warnings) else {
            continue;
        };
        for &tag in tags.as_slice() {
            if !how.is_direct() {
                if !related_goals.contains(&tag) {
                    related_goals.push(tag);
                }
            } else if goals.contains(&tag) {
                warnings.add(|| {
                    origin.locate(
                        &entry(),
                        format!(
                            "{name:?} repeats goal {:?}; counted once",
                            catalog.tags[tag].name
                        ),
                        None,
                    )
                });
            } else {
                goals.push(tag);
            }
        }
        understood.push(Understood {
            said: name,
            tags,
            how,
            level: None,
        });
    }
    words.understood = understood;

    let mut work_style = vec![None; catalog.axes.len()];
    for (axis_id, value) in file.work_style.iter() {
        let entry = || format!("work_style.{axis_id}");
        match (catalog.axis_index(axis_id), value) {
            (Some(axis), Number::Value(value)) if AXIS_RANGE.contains(value) => {
                work_style[axis] = Some(*value)
            }
            (Some(axis), given) => problems.add(|| {
                let axis = &catalog.axes[axis];
                let message = format!(
                    "{} must be a number from 1 ({}) to 5 ({}); got {}",
                    axis.id,
                    axis.low,
                    axis.high,
                    as_given(given)
                );
                origin.locate(&entry(), message, None)
            }),
            (None, _) => problems.add(|| {
                let ids = catalog.axes.iter().map(|a| (a.id.as_str(), a.id.as_str()));
                let hint = did_you_mean(&crate::matching::closest(axis_id, ids, 3)).or_else(|| {
                    let all: Vec<&str> = catalog.axes.iter().map(|a| a.id.as_str()).collect();
                    Some(format!("axes are {}", all.join(", ")))
                });
                origin.locate(&entry(), format!("unknown axis {axis_id:?}"), hint)
            }),
        }
    }

    // Statements answer an axis through its questions; reverse-keyed ones
    // count 6 − answer, and the axis is the exact mean of those answered.
    let mut statement_sums = vec![(0.0_f64, 0_u32); catalog.axes.len()];
    let mut statements_answered = 0;
    for (question_id, value) in file.statements.iter() {
        let entry = || format!("statements.{question_id}");
        match (catalog.question_index(question_id), value) {
            (Some(q), &Number::Value(value))
                if value.fract() == 0.0 && AXIS_RANGE.contains(&value) =>
            {
                let question = &catalog.questions[q];
                let answer = if question.reverse { 6.0 - value } else { value };
                let sum = &mut statement_sums[question.axis];
                sum.0 += answer;
                sum.1 += 1;
                statements_answered += 1;
            }
            (Some(_), given) => problems.add(|| {
                origin.locate(
                    &entry(),
                    format!(
                        "a statement's answer must be a whole number from 1 (strongly disagree) to 5 (strongly agree); got {}",
                        as_given(given)
                    ),
                    None,
                )
            }),
            (None, _) => problems.add(|| {
                let ids = catalog
                    .questions
                    .iter()
                    .map(|q| (q.id.as_str(), q.id.as_str()));
                let hint = did_you_mean(&crate::matching::closest(question_id, ids, 3))
                    .or_else(|| Some("see `rolefit template` for every statement".into()));
                origin.locate(&entry(), format!("unknown statement {question_id:?}"), hint)
            }),
        }
    }
    for (axis, &(sum, count)) in statement_sums.iter().enumerate() {
        if count == 0 {
            continue;
        }
        if work_style[axis].is_some() {
            let axis_id = &catalog.axes[axis].id;
            problems.add(|| {
                origin.locate(
                    &format!("work_style.{axis_id}"),
                    format!(
                        "{axis_id} is given both in work_style and through statements; keep one"
                    ),
                    None,
                )
            });
        } else {
            work_style[axis] = Some(sum / f64::from(count));
        }
    }

    let mut families = Vec::new();
    for (i, name) in file.families.iter().flatten().enumerate() {
        match catalog.family_index(name) {
            Some(f) if !families.contains(&f) => families.push(f),
            Some(_) => {}
            None => problems.add(|| {
                let (message, hint) = catalog.family_miss(name);
                origin.locate(&format!("families[{i}]"), message, Some(hint))
            }),
        }
    }

    let target = file.target.as_deref().and_then(|query| {
        catalog
            .role_or_miss(query)
            .map_err(|(message, hint)| {
                problems.add(|| origin.locate("target", message, Some(hint)));
            })
            .ok()
    });

    let gave_work_style = !file.work_style.is_empty() || !file.statements.is_empty();
    if !path_def.assesses_work_style() && gave_work_style {
        let entry = if file.work_style.is_empty() {
            "statements"
        } else {
            "work_style"
        };
        warnings.add(|| {
            origin.locate(
                entry,
                format!("work_style is ignored on the {} path", path_def.id),
                None,
            )
        });
        work_style.iter_mut().for_each(|v| *v = None);
    }
    if !path_def.assesses_competency() && gave_competency {
        let entry = if !gave_strengths {
            "goals"
        } else {
            "strengths"
        };
        warnings.add(|| {
            origin.locate(
                entry,
                format!(
                    "strengths and goals are ignored on the {} path",
                    path_def.id
                ),
                None,
            )
        });
        strengths.clear();
        goals.clear();
        related.clear();
        related_goals.clear();
    }
    if path_def.assesses_work_style()
        && !path_def.assesses_competency()
        && work_style.iter().all(Option::is_none)
        && problems.is_empty()
    {
        problems.add(|| {
            origin.locate(
                "work_style",
                format!(
                    "the {} path needs at least one work_style answer",
                    path_def.id
                ),
                None,
            )
        });
    }

    if !problems.is_empty() {
        return Err(problems.finish());
    }
    let mut strengths: Vec<(usize, u8)> = strengths.into_iter().map(|(t, l, _)| (t, l)).collect();
    strengths.sort_unstable();
    goals.sort_unstable();
    families.sort_unstable();
    // A direct claim of a tag wins over related credit for it.
    related.retain(|(t, _)| strengths.binary_search_by_key(t, |&(s, _)| s).is_err());
    related.sort_unstable();
    related_goals.retain(|t| goals.binary_search(t).is_err());
    related_goals.sort_unstable();
    words.related = related;
    words.related_goals = related_goals;
    Ok(Respondent {
        id,
        source: origin.source.to_string(),
        path,
        strengths,
        goals,
        work_style,
        families,
        target,
        warnings: warnings.finish(),
        meta: Meta { assessed, group },
        at: None,
        answered: super::respondent::Answered {
            statements: statements_answered,
        },
        words,
    })
}

/// The level names, `learning` … `expert`, for a message.
fn level_names() -> String {
    let names: Vec<&str> = crate::catalog::LEVELS
        .iter()
        .map(|(name, _)| *name)
        .collect();
    names.join(", ")
}

/// A value as the file gave it, for a message.
fn as_given(number: &Number) -> String {
    match number {
        Number::Value(value) => value.to_string(),
        Number::NotANumber(given) => given.clone(),
    }
}

/// Problems or warnings of one document. Each costs a walk of the document
/// to find its line and maybe a suggestion search, so only the first few are
/// spelled out; a hostile file with a million bad entries costs no more.
pub(super) struct Collected<'o> {
    source: &'o str,
    list: Vec<Located>,
    more: usize,
}

/// How many problems (and warnings) of one document are spelled out.
pub const MAX_REPORTED: usize = 20;

impl<'o> Collected<'o> {
    pub(super) fn new(origin: &Origin<'o>) -> Self {
        Collected {
            source: origin.source,
            list: Vec::new(),
            more: 0,
        }
    }

    pub(super) fn add(&mut self, make: impl FnOnce() -> Located) {
        if self.list.len() < MAX_REPORTED {
            self.list.push(make());
        } else {
            self.more += 1;
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub(super) fn finish(mut self) -> Vec<Located> {
        if self.more > 0 {
            let message = format!("… and {} more like these", self.more);
            self.list.push(Located::new(self.source, message));
        }
        self.list
    }
}
