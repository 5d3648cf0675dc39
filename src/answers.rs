//! Answer files: parsing YAML, JSON and JSON Lines, and resolving the names
//! in them against the catalog.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::catalog::{AXIS_RANGE, Catalog, MAX_LEVEL};
pub use crate::document::UniqueMap;
use crate::document::{Number, Shape, from_json, from_yaml};
use crate::error::Located;
use crate::locate::line_of;
use crate::matching::did_you_mean;

/// An answer file bigger than this is refused before it is parsed.
pub const MAX_ANSWER_BYTES: u64 = 1024 * 1024;
/// A strength given without a level counts at this level.
pub const DEFAULT_LEVEL: u8 = 3;

/// An answer file as written: names not yet resolved.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AnswerFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strengths: Vec<Strength>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    #[serde(default, skip_serializing_if = "UniqueMap::is_empty")]
    pub work_style: UniqueMap<Number>,
    /// Answers to the catalog's work-style statements, by question id, 1–5.
    /// An axis with statements and no `work_style` value is their exact mean.
    #[serde(default, skip_serializing_if = "UniqueMap::is_empty")]
    pub statements: UniqueMap<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub families: Option<Vec<String>>,
    /// Keys the file gives that answer files do not have: each is an error
    /// [`resolve`] reports beside the file's other problems, rather than
    /// one that stops the parse (a typo must not be ignored silently).
    #[serde(skip)]
    pub unknown_keys: Vec<String>,
}

/// The keys of an answer file, in the order messages list them.
const ANSWER_KEYS: [&str; 7] = [
    "id",
    "path",
    "strengths",
    "goals",
    "work_style",
    "statements",
    "families",
];

impl<'de> Deserialize<'de> for AnswerFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// A key: the index of a known one in [`ANSWER_KEYS`], or the
        /// unknown one as written (known keys are matched without copying).
        enum Key {
            Known(usize),
            Unknown(String),
        }
        impl<'de> Deserialize<'de> for Key {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct KeyVisitor;
                impl Visitor<'_> for KeyVisitor {
                    type Value = Key;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str("a key")
                    }
                    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
                        Ok(match ANSWER_KEYS.iter().position(|k| *k == key) {
                            Some(i) => Key::Known(i),
                            None => Key::Unknown(key.to_string()),
                        })
                    }
                }
                deserializer.deserialize_identifier(KeyVisitor)
            }
        }
        struct FileVisitor;
        impl<'de> Visitor<'de> for FileVisitor {
            type Value = AnswerFile;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "a map of answers ({})", ANSWER_KEYS.join(", "))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnswerFile, A::Error> {
                let mut file = AnswerFile::default();
                let mut seen = [false; ANSWER_KEYS.len()];
                while let Some(key) = map.next_key::<Key>()? {
                    let index = match key {
                        Key::Known(index) => index,
                        Key::Unknown(key) => {
                            map.next_value::<de::IgnoredAny>()?;
                            file.unknown_keys.push(key);
                            continue;
                        }
                    };
                    if std::mem::replace(&mut seen[index], true) {
                        let key = ANSWER_KEYS[index];
                        return Err(de::Error::custom(format_args!("duplicate key {key:?}")));
                    }
                    match ANSWER_KEYS[index] {
                        "id" => file.id = map.next_value()?,
                        "path" => file.path = map.next_value()?,
                        "strengths" => file.strengths = map.next_value()?,
                        "goals" => file.goals = map.next_value()?,
                        "work_style" => file.work_style = map.next_value()?,
                        "statements" => file.statements = map.next_value()?,
                        "families" => file.families = map.next_value()?,
                        // Every key of ANSWER_KEYS has its arm above; a test
                        // reads a file giving all of them.
                        other => {
                            return Err(de::Error::custom(format_args!(
                                "key {other:?} is not read"
                            )));
                        }
                    }
                }
                Ok(file)
            }
        }
        deserializer.deserialize_map(FileVisitor)
    }
}

/// A strength: a tag name alone (level 3), or `{tag, level}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Strength {
    pub tag: String,
    pub level: Option<Number>,
}

impl Serialize for Strength {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Leveled<'a> {
            tag: &'a str,
            level: u8,
        }
        match self.level {
            None => serializer.serialize_str(&self.tag),
            Some(Number::Value(level)) => Leveled {
                tag: &self.tag,
                // Levels are validated whole numbers 1–5 before anything is saved.
                level: level.clamp(0.0, 255.0) as u8,
            }
            .serialize(serializer),
            Some(Number::NotANumber(_)) => serializer.serialize_str(&self.tag),
        }
    }
}

impl<'de> Deserialize<'de> for Strength {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Leveled {
            tag: String,
            level: Option<Number>,
        }
        struct StrengthVisitor;
        impl<'de> Visitor<'de> for StrengthVisitor {
            type Value = Strength;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a tag name, or a map with `tag` and `level`")
            }
            fn visit_str<E: de::Error>(self, tag: &str) -> Result<Strength, E> {
                Ok(Strength {
                    tag: tag.to_string(),
                    level: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Strength, A::Error> {
                let leveled = Leveled::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Strength {
                    tag: leveled.tag,
                    level: leveled.level,
                })
            }
        }
        deserializer.deserialize_any(StrengthVisitor)
    }
}

/// The file formats answers come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Json,
    JsonLines,
    /// A survey export: a header row, then one answer set per row.
    Csv,
}

impl Format {
    /// By extension: `.yaml`/`.yml`, `.json`, `.jsonl`/`.ndjson`.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "yaml" | "yml" => Some(Format::Yaml),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Where a document came from, for error messages and default ids.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// The file as shown to the user.
    pub source: &'a str,
    /// The document's text, to find entries' lines in.
    pub text: &'a str,
    /// The line the document starts on (JSON Lines records start later).
    pub first_line: usize,
    /// The id when the document gives none.
    pub default_id: &'a str,
}

impl Origin<'_> {
    fn locate(&self, entry: &str, message: String, hint: Option<String>) -> Located {
        Located::new(self.source, message)
            .at_line(self.line_of(entry))
            .at_entry(entry)
            .with_hint(hint)
    }

    /// The line `entry` is on. A JSON Lines record is one line, so every
    /// entry of a later record is on its first line, found without parsing.
    fn line_of(&self, entry: &str) -> Option<usize> {
        let one_line = !self
            .text
            .trim_end_matches(['\n', '\r'])
            .contains(['\n', '\r']);
        if self.first_line > 1 && one_line {
            return Some(self.first_line);
        }
        line_of(self.text, entry)
            .map(|l| l + self.first_line - 1)
            .or((self.first_line > 1).then_some(self.first_line))
    }
}

const ANSWER_SHAPE: Shape =
    Shape("a map of answers (id, path, strengths, goals, work_style, statements, families)");

/// Parses one answer document (not JSON Lines).
pub fn parse(origin: &Origin<'_>, format: Format) -> Result<AnswerFile, Located> {
    match format {
        Format::Yaml => from_yaml(origin.text, origin.source, ANSWER_SHAPE),
        Format::Json | Format::JsonLines => {
            from_json(origin.text, origin.source, origin.first_line, ANSWER_SHAPE)
        }
        // Survey rows become answer files column by column, not by parsing.
        Format::Csv => Err(Located::new(
            origin.source,
            "a CSV survey is read row by row, not as one document",
        )),
    }
}

/// Answers with every name resolved to a catalog index.
#[derive(Debug, Clone, PartialEq)]
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
    pub warnings: Vec<Located>,
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
            families: (!self.families.is_empty()).then(|| {
                self.families
                    .iter()
                    .map(|&f| catalog.families[f].id.clone())
                    .collect()
            }),
        }
    }
}

/// What an unknown strength or goal does to its answer set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum UnknownTags {
    /// The answer set fails.
    #[default]
    Error,
    /// The entry is dropped with a warning; the rest is scored.
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

    // Entry names are spelled out only for a problem or a warning.
    let tag_of = |entry: &dyn Fn() -> String,
                  name: &str,
                  problems: &mut Collected,
                  warnings: &mut Collected| {
        let found = catalog.tag_index(name);
        if found.is_none() {
            let unknown = || {
                let (message, hint) = catalog.unknown_tag(name);
                let message = match unknown_tags {
                    UnknownTags::Error => message,
                    UnknownTags::Warn => format!("{message} (dropped)"),
                };
                origin.locate(&entry(), message, Some(hint))
            };
            match unknown_tags {
                UnknownTags::Error => problems.add(unknown),
                UnknownTags::Warn => warnings.add(unknown),
            }
        }
        found
    };

    let mut strengths: Vec<(usize, u8, usize)> = Vec::with_capacity(file.strengths.len());
    for (i, strength) in file.strengths.iter().enumerate() {
        let entry = || format!("strengths[{i}]");
        let level = match &strength.level {
            None => Some(DEFAULT_LEVEL),
            Some(Number::Value(level))
                if level.fract() == 0.0 && (1.0..=f64::from(MAX_LEVEL)).contains(level) =>
            {
                Some(*level as u8)
            }
            Some(given) => {
                problems.add(|| {
                    origin.locate(
                        &format!("{}.level", entry()),
                        format!(
                            "level must be a whole number from 1 (learning) to {MAX_LEVEL} (expert); got {}",
                            as_given(given)
                        ),
                        None,
                    )
                });
                None
            }
        };
        let tag = tag_of(&entry, &strength.tag, &mut problems, &mut warnings);
        let (Some(tag), Some(level)) = (tag, level) else {
            continue;
        };
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

    let mut goals: Vec<usize> = Vec::with_capacity(file.goals.len());
    for (i, name) in file.goals.iter().enumerate() {
        let entry = || format!("goals[{i}]");
        if let Some(tag) = tag_of(&entry, name, &mut problems, &mut warnings) {
            if goals.contains(&tag) {
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
    }

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
    let gave_competency = !file.strengths.is_empty() || !file.goals.is_empty();
    if !path_def.assesses_competency() && gave_competency {
        let entry = if file.strengths.is_empty() {
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
    Ok(Respondent {
        id,
        source: origin.source.to_string(),
        path,
        strengths,
        goals,
        work_style,
        families,
        warnings: warnings.finish(),
    })
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
struct Collected<'o> {
    source: &'o str,
    list: Vec<Located>,
    more: usize,
}

/// How many problems (and warnings) of one document are spelled out.
pub const MAX_REPORTED: usize = 20;

impl<'o> Collected<'o> {
    fn new(origin: &Origin<'o>) -> Self {
        Collected {
            source: origin.source,
            list: Vec::new(),
            more: 0,
        }
    }

    fn add(&mut self, make: impl FnOnce() -> Located) {
        if self.list.len() < MAX_REPORTED {
            self.list.push(make());
        } else {
            self.more += 1;
        }
    }

    fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    fn finish(mut self) -> Vec<Located> {
        if self.more > 0 {
            let message = format!("… and {} more like these", self.more);
            self.list.push(Located::new(self.source, message));
        }
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(text: &str) -> Origin<'_> {
        Origin {
            source: "answers.yaml",
            text,
            first_line: 1,
            default_id: "answers",
        }
    }

    fn resolve_yaml(text: &str) -> Result<Respondent, Vec<Located>> {
        let catalog = Catalog::builtin().unwrap();
        let file = parse(&origin(text), Format::Yaml).map_err(|e| vec![e])?;
        resolve(file, &catalog, &origin(text))
    }

    #[test]
    fn unknown_tag_names_file_line_entry_and_suggestion() {
        let text = "id: jane\npath: full\nstrengths:\n  - error budget and SLO\n";
        let problems = resolve_yaml(text).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "unknown tag \"error budget and SLO\" at strengths[0] (answers.yaml:4): \
             did you mean \"error budgets and SLOs\"?"
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
}
