//! Answer files into respondents: the names people write resolved into
//! catalog indices and the ranges checked, every problem and warning
//! located (the first few spelled out).
//!
//! Its parts: `date`, then `source`, `file` and `respondent`, each using only
//! those before it.

use crate::catalog::{AXIS_RANGE, Catalog, MAX_LEVEL};
use crate::document::Number;
use crate::error::Located;
use crate::matching::did_you_mean;
use crate::reader::{self, How};
use file::ANSWER_KEYS;

mod date;
mod file;
mod respondent;
mod source;

pub use crate::document::UniqueMap;
pub use date::Date;
pub use file::{AnswerFile, DEFAULT_LEVEL, Strength, parse};
pub use respondent::{Answered, Meta, Respondent, Tags, Understood, Words};
pub use source::{Format, Input, MAX_ANSWER_BYTES, Origin};

#[cfg(test)]
pub(crate) mod testing {
    //! For tests anywhere in the crate: an answer file's text parsed and
    //! resolved in one step, as `score` reads a file.

    use std::path::Path;

    use crate::catalog::Catalog;
    use crate::error::Located;

    use super::file::parse;
    use super::resolve;
    use super::respondent::Respondent;
    use super::source::{Format, Origin};

    /// `text` read as the file named `source`: its format from the extension
    /// (YAML without one), its default id the name without the extension.
    /// The respondent, or every problem found.
    pub(crate) fn try_resolve_text(
        catalog: &Catalog,
        source: &str,
        text: &str,
    ) -> Result<Respondent, Vec<Located>> {
        let path = Path::new(source);
        let default_id = path
            .file_stem()
            .map_or(source.into(), |s| s.to_string_lossy());
        let origin = Origin {
            source,
            text,
            first_line: 1,
            default_id: &default_id,
        };
        let format = Format::from_extension(path).unwrap_or(Format::Yaml);
        let file = parse(&origin, format).map_err(|problem| vec![problem])?;
        resolve(file, catalog, &origin)
    }

    /// Like [`try_resolve_text`] for text that must resolve: the first
    /// problem fails the test, with the text it was found in.
    pub(crate) fn resolve_text(catalog: &Catalog, source: &str, text: &str) -> Respondent {
        try_resolve_text(catalog, source, text)
            .unwrap_or_else(|problems| panic!("{}\n{text}", problems[0]))
    }
}

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
        answered: self::respondent::Answered {
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

#[cfg(test)]
mod tests {
    //! Parsing and resolving answer files: every problem located, every key read.

    use crate::catalog::Catalog;
    use crate::document::Number;
    use crate::error::Located;

    use super::testing::try_resolve_text;
    use super::{Format, Origin, Respondent, parse};

    fn origin(text: &str) -> Origin<'_> {
        Origin {
            source: "answers.yaml",
            text,
            first_line: 1,
            default_id: "answers",
        }
    }

    fn resolve_yaml(text: &str) -> Result<Respondent, Vec<Located>> {
        try_resolve_text(&Catalog::builtin().unwrap(), "answers.yaml", text)
    }

    #[test]
    fn unknown_tag_names_file_line_entry_and_suggestion() {
        let text = "id: jane\npath: full\nstrengths:\n  - error budgts\n";
        let problems = resolve_yaml(text).unwrap_err();
        let message = problems[0].to_string();
        assert!(
            message.starts_with(
                "unknown tag \"error budgts\" at strengths[0] (answers.yaml:4): did you mean"
            ) && message.contains("\"error budgets and SLOs\""),
            "{message}"
        );
    }

    #[test]
    fn duplicates_count_once_at_highest_level_with_a_warning() {
        let text = "strengths:\n  - SLO\n  - tag: error budgets and SLOs\n    level: 5\n  - error-budget\n";
        let respondent = resolve_yaml(text).unwrap();
        assert_eq!(respondent.strengths.len(), 1);
        assert_eq!(respondent.strengths[0].1, 5);
        assert_eq!(respondent.warnings.len(), 2);
        assert_eq!(respondent.warnings[0].line, Some(3));
        assert_eq!(respondent.id, "answers");
    }

    #[test]
    fn unknown_keys_and_bad_values_are_errors() {
        let unknown = resolve_yaml("strenghts: [SLO]\n").unwrap_err();
        assert!(
            unknown[0].message.contains("unknown key \"strenghts\""),
            "{:?}",
            unknown[0]
        );
        assert_eq!(unknown[0].line, Some(1));
        assert_eq!(
            unknown[0].hint.as_deref(),
            Some("did you mean \"strengths\"?")
        );
        let nested = resolve_yaml("strengths:\n  - {tag: SLO, levle: 4}\n").unwrap_err();
        assert_eq!(nested[0].hint.as_deref(), Some("did you mean \"level\"?"));
        let level = resolve_yaml("strengths:\n  - {tag: SLO, level: 2.5}\n").unwrap_err();
        assert!(
            level[0]
                .to_string()
                .contains("strengths[0].level (answers.yaml:2)"),
            "{}",
            level[0]
        );
        let axis = resolve_yaml("work_style:\n  pace: 7\n  plannning: 2\n").unwrap_err();
        assert_eq!(axis.len(), 2);
        assert!(
            axis[1].to_string().ends_with("did you mean \"planning\"?"),
            "{}",
            axis[1]
        );
        let twice = resolve_yaml("work_style:\n  pace: 2\n  pace: 3\n").unwrap_err();
        assert!(twice[0].message.contains("duplicate"), "{:?}", twice[0]);
    }

    #[test]
    fn work_style_path_needs_an_axis_and_ignores_strengths() {
        let none = resolve_yaml("path: work-style\nstrengths: [SLO]\n").unwrap_err();
        assert!(
            none[0]
                .message
                .contains("needs at least one work_style answer")
        );
        let ok =
            resolve_yaml("path: work-style\nstrengths: [SLO]\nwork_style: {pace: 2}\n").unwrap();
        assert!(ok.strengths.is_empty());
        assert_eq!(ok.warnings.len(), 1);
    }

    #[test]
    fn statements_give_the_exact_mean_of_their_axis() {
        // ws-pace-3 is reverse-keyed: 2 counts as 4; the mean of 5 and 4 is 4.5.
        let r =
            resolve_yaml("statements:\n  ws-pace-1: 5\n  WS_Pace_3: 2\n  ws-scope-1: 4\n").unwrap();
        let catalog = Catalog::builtin().unwrap();
        let axis = |id: &str| r.work_style[catalog.axis_index(id).unwrap()];
        assert_eq!(axis("pace"), Some(4.5));
        assert_eq!(axis("scope"), Some(4.0));
        assert_eq!(axis("planning"), None);
        // Three statements whose mean is not a short decimal stay unrounded.
        let thirds =
            resolve_yaml("statements: {ws-planning-1: 4, ws-planning-2: 4, ws-planning-3: 4}\n")
                .unwrap();
        assert_eq!(
            thirds.work_style[catalog.axis_index("planning").unwrap()],
            Some(10.0 / 3.0)
        );
    }

    #[test]
    fn statements_problems_are_named() {
        let both = resolve_yaml("work_style: {pace: 3}\nstatements: {ws-pace-1: 4}\n").unwrap_err();
        assert!(
            both[0]
                .message
                .contains("both in work_style and through statements"),
            "{:?}",
            both[0]
        );
        assert_eq!(both[0].line, Some(1));
        let bad = resolve_yaml("statements:\n  ws-pace-1: 6\n  ws-pace-9: 2\n").unwrap_err();
        assert_eq!(bad.len(), 2);
        assert!(
            bad[0]
                .to_string()
                .contains("statements.ws-pace-1 (answers.yaml:2)"),
            "{}",
            bad[0]
        );
        assert!(
            bad[1].message.contains("unknown statement \"ws-pace-9\""),
            "{:?}",
            bad[1]
        );
        assert!(
            bad[1]
                .hint
                .as_deref()
                .unwrap_or("")
                .contains("did you mean"),
            "{:?}",
            bad[1]
        );
        let ignored =
            resolve_yaml("path: competency\nstrengths: [SLO]\nstatements: {ws-pace-1: 4}\n")
                .unwrap();
        assert!(ignored.work_style.iter().all(Option::is_none));
        assert_eq!(ignored.warnings.len(), 1);
    }

    #[test]
    fn every_key_is_read_and_unknown_ones_are_kept() {
        let text = "id: x\npath: full\nstrengths: [SLO]\ngoals: [pager]\nwork_style: {pace: \"2\"}\nstatements: {ws-scope-1: 4}\nfamilies: [support]\ncolour: blue\n";
        let file = parse(&origin(text), Format::Yaml).unwrap();
        assert_eq!(file.id.as_deref(), Some("x"));
        assert_eq!(file.path.as_deref(), Some("full"));
        assert_eq!(file.strengths.len(), 1);
        assert_eq!(file.goals, ["pager"]);
        assert_eq!(
            file.work_style.0,
            [("pace".to_string(), Number::Value(2.0))]
        );
        assert_eq!(file.statements.0.len(), 1);
        assert_eq!(file.families, Some(vec!["support".to_string()]));
        assert_eq!(file.unknown_keys, ["colour"]);
        let twice = parse(&origin("id: x\nid: y\n"), Format::Yaml).unwrap_err();
        assert!(twice.message.contains("duplicate key \"id\""), "{twice}");
    }

    #[test]
    fn saved_answer_file_resolves_to_the_same_respondent() {
        let catalog = Catalog::builtin().unwrap();
        let text = "id: x\nstrengths: [SLO, {tag: pager, level: 5}]\ngoals: [threat modeling depth]\nwork_style: {pace: 4.5}\nfamilies: [support]\n";
        let first = resolve_yaml(text).unwrap();
        let saved = serde_yaml::to_string(&first.to_answer_file(&catalog)).unwrap();
        let again = resolve_yaml(&saved).unwrap();
        assert_eq!(first, again);
    }

    /// The fast YAML subset reader gives answer files exactly as serde_yaml
    /// does, or declines: on every YAML file shipped or tested with, and on
    /// generated ones, changed and not.
    mod read_alike {
        use proptest::prelude::*;

        use crate::answers::AnswerFile;
        use crate::document::subset_tests::{agrees, answer_texts, yaml_files};

        #[test]
        fn every_yaml_fixture() {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
            let mut files = Vec::new();
            for dir in ["tests", "examples"] {
                yaml_files(&root.join(dir), &mut files);
            }
            let read = files
                .iter()
                .filter(|file| agrees::<AnswerFile>(&std::fs::read_to_string(file).unwrap()))
                .count();
            assert!(read > files.len() / 2, "{read} of {}", files.len());
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn generated((text, changed) in answer_texts()) {
                agrees::<AnswerFile>(&text);
                agrees::<AnswerFile>(&changed);
            }
        }
    }

    #[test]
    fn a_target_is_found_by_id_name_prefix_or_initials() {
        let catalog = Catalog::builtin().unwrap();
        let sre = catalog.role_index("site-reliability-engineer").unwrap();
        for given in [
            "site-reliability-engineer",
            "Site Reliability Engineer",
            "site reli",
            "SRE",
        ] {
            let respondent = resolve_yaml(&format!("target: {given}\n")).unwrap();
            assert_eq!(respondent.target, Some(sre), "{given}");
        }
        let dba = catalog.role_index("database-administrator").unwrap();
        assert_eq!(resolve_yaml("target: DBA\n").unwrap().target, Some(dba));
        assert_eq!(resolve_yaml("id: x\n").unwrap().target, None);
    }

    #[test]
    fn a_target_that_is_no_role_names_its_line_and_the_closest_roles() {
        let problems = resolve_yaml("id: x\ntarget: Data Architekt\n").unwrap_err();
        let message = problems[0].to_string();
        assert!(
            message.starts_with(
                "unknown role \"Data Architekt\" at target (answers.yaml:2): \
             did you mean one of \"data-architect\""
            ),
            "{message}"
        );
        let problems = resolve_yaml("target: data\n").unwrap_err();
        let message = problems[0].to_string();
        assert!(message.contains("is ambiguous"), "{message}");
        assert!(message.contains("data-engineer"), "{message}");
    }
}
