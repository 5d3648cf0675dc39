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
    /// When the answers were given (`YYYY-MM-DD`), and the person's team.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// The role the person aims for: id, name, unique prefix or initials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Keys the file gives that answer files do not have: each is an error
    /// [`resolve`](super::resolve::resolve) reports beside the file's other problems, rather than
    /// one that stops the parse (a typo must not be ignored silently).
    #[serde(skip)]
    pub unknown_keys: Vec<String>,
}

/// The keys of an answer file, in the order messages list them.
pub(super) const ANSWER_KEYS: [&str; 10] = [
    "id",
    "path",
    "strengths",
    "goals",
    "work_style",
    "statements",
    "families",
    "assessed",
    "group",
    "target",
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
                        "strengths" => file.strengths = map.next_value::<ListOrText<_>>()?.0,
                        "goals" => file.goals = map.next_value::<ListOrText<_>>()?.0,
                        "work_style" => file.work_style = map.next_value()?,
                        "statements" => file.statements = map.next_value()?,
                        "families" => {
                            let families = map.next_value::<Option<ListOrText<_>>>()?;
                            file.families = families.map(|list| list.0);
                        }
                        "assessed" => file.assessed = map.next_value()?,
                        "group" => file.group = map.next_value()?,
                        "target" => file.target = map.next_value()?,
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
        struct StrengthVisitor;
        impl<'de> Visitor<'de> for StrengthVisitor {
            type Value = Strength;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(STRENGTH_FORMS)
            }
            fn visit_str<E: de::Error>(self, tag: &str) -> Result<Strength, E> {
                Ok(Strength {
                    tag: tag.to_string(),
                    level: None,
                })
            }
            /// `{tag: NAME, level: N}`, or `NAME: LEVEL` (`- SQL: 4`).
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Strength, A::Error> {
                let (mut tag, mut level, mut named) = (None, None, Vec::new());
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "tag" if tag.is_none() => tag = Some(map.next_value::<String>()?),
                        "level" if level.is_none() => level = Some(map.next_value::<Number>()?),
                        _ => named.push((key, map.next_value::<Number>()?)),
                    }
                }
                match (tag, named.len()) {
                    (Some(tag), 0) => Ok(Strength { tag, level }),
                    // A typo of a key: named with the closest key.
                    (Some(_), _) => Err(de::Error::unknown_field(&named[0].0, &["tag", "level"])),
                    (None, 1) if level.is_none() => {
                        let (tag, level) = named.remove(0);
                        Ok(Strength {
                            tag,
                            level: Some(level),
                        })
                    }
                    _ => Err(de::Error::custom(format_args!(
                        "a strength is {STRENGTH_FORMS}"
                    ))),
                }
            }
        }
        deserializer.deserialize_any(StrengthVisitor)
    }
}

/// The ways to write a strength, for messages.
const STRENGTH_FORMS: &str =
    "a tag name (`- SQL`), a tag with its level (`- SQL: 4`), or `- {tag: SQL, level: 4}`";

/// A list as a list, or as one text of items separated by `,`, `;` or line
/// breaks (`strengths: python, sql, on-call`), as forms and people write it.
struct ListOrText<T>(Vec<T>);

impl<'de, T: Deserialize<'de> + From<String>> Deserialize<'de> for ListOrText<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de> + From<String>> Visitor<'de> for ListVisitor<T> {
            type Value = ListOrText<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list, or items separated by commas")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                let items = text.split([',', ';', '\n', '\r']).map(str::trim);
                let items = items.filter(|item| !item.is_empty());
                Ok(ListOrText(
                    items.map(|item| T::from(item.to_string())).collect(),
                ))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(ListOrText(Vec::new()))
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                self.visit_unit()
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(ListOrText(items))
            }
        }
        deserializer.deserialize_any(ListVisitor(std::marker::PhantomData))
    }
}

impl From<String> for Strength {
    fn from(tag: String) -> Self {
        Strength { tag, level: None }
    }
}

const ANSWER_SHAPE: Shape = Shape(
    "a map of answers (id, path, strengths, goals, work_style, statements, families, target, assessed, group)",
);

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
