//! An answer file as written, names not yet resolved, and parsing one from
//! YAML, JSON or a JSON Lines record.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::document::{Number, Shape, UniqueMap, from_json, from_yaml};
use crate::error::Located;

use super::source::{Format, Origin};

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
    /// [`resolve`](super::resolve::resolve) reports beside the file's other problems, rather than
    /// one that stops the parse (a typo must not be ignored silently).
    #[serde(skip)]
    pub unknown_keys: Vec<String>,
}

/// The keys of an answer file, in the order messages list them.
pub(super) const ANSWER_KEYS: [&str; 7] = [
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

const ANSWER_SHAPE: Shape =
    Shape("a map of answers (id, path, strengths, goals, work_style, statements, families)");

/// Parses one answer document (not JSON Lines).
pub fn parse(origin: &Origin<'_>, format: Format) -> Result<AnswerFile, Located> {
    let parsed = match format {
        Format::Yaml => from_yaml(origin.text, origin.source, ANSWER_SHAPE),
        Format::Json | Format::JsonLines => {
            from_json(origin.text, origin.source, origin.first_line, ANSWER_SHAPE)
        }
        // Survey rows become answer files column by column, not by parsing.
        Format::Csv => Err(Located::new(
            origin.source,
            "a CSV survey is read row by row, not as one document",
        )),
    };
    parsed.map_err(
        |problem| match problem.message == crate::document::EMPTY_FILE {
            true if format != Format::JsonLines => {
                let yaml = [".yaml", ".yml"].iter().any(|e| origin.source.ends_with(e));
                let file = if yaml { origin.source } else { "me.yaml" };
                problem.with_hint(Some(format!(
                    "`rolefit template > {file}` writes an answer file to fill in"
                )))
            }
            _ => problem,
        },
    )
}
