//! serde over a [`Node`] tree: the same `Deserialize` impls see what
//! serde_yaml would show them for the same text.
//!
//! Each method follows serde_yaml (0.10) for the nodes the subset has: a
//! plain scalar is null, a boolean, a number or text by its rules; text
//! asked for as text is the scalar as written, whatever it looks like.
//! Where serde_yaml would error, or its rules are not repeated here
//! (`0x1F`, `1e3`, `+1`, `.5`, `01`), this declines, and so does a
//! collection the visitor leaves unread (serde_yaml counts it an error).

use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::block::{lf_endings, parse};
use super::cursor::{Decline, Node};

/// `text` read by the subset reader, or `None` when it declines: outside
/// the subset, or any error at all, which serde_yaml then reports in its
/// own words and place.
pub(crate) fn read<T: DeserializeOwned>(text: &str) -> Option<T> {
    let text = lf_endings(text);
    let tree = parse(&text).ok()?;
    T::deserialize(NodeDe(&tree)).ok()
}

/// A plain scalar as a number, when it is written the simple way:
/// `-?[1-9][0-9]*`, `0`, `-0`, or those with a `.` and digits after it.
enum Simple {
    Unsigned(u64),
    Negative(i64),
    Float(f64),
}

fn simple_number(text: &str) -> Option<Simple> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) {
        return None;
    }
    match fraction {
        // Too many digits for a float is text to serde_yaml: left to it.
        Some(fraction) if all_digits(fraction) => text
            .parse()
            .ok()
            .filter(|f: &f64| f.is_finite())
            .map(Simple::Float),
        Some(_) => None,
        // `01` is text to serde_yaml, `-01` too.
        None if whole.len() > 1 && whole.starts_with('0') => None,
        None if digits.len() == text.len() => text.parse().ok().map(Simple::Unsigned),
        None => text.parse().ok().map(Simple::Negative),
    }
}

/// Whether serde_yaml might read a plain scalar as a number (an integer
/// in any base, or a float): a superset of its rules, so that
/// what is not a number here is text there too.
fn may_be_number(text: &str) -> bool {
    let unplus = text.strip_prefix('+').unwrap_or(text);
    let unsigned = unplus.strip_prefix('-').unwrap_or(unplus).as_bytes();
    let starts = |prefix: &[u8]| {
        unsigned.len() >= prefix.len() && unsigned[..prefix.len()].eq_ignore_ascii_case(prefix)
    };
    // Infinite too (`1e999`, a 400-digit decimal): serde_yaml decides.
    unplus.parse::<f64>().is_ok()
        || [b"0x", b"0o", b"0b"]
            .iter()
            .any(|p| unsigned.starts_with(*p))
        || starts(b".inf")
        || starts(b".nan")
}

fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

fn boolean(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// The deserializer of one node.
pub(super) struct NodeDe<'n, 'a>(pub &'n Node<'a>);

impl NodeDe<'_, '_> {
    fn plain(&self) -> Result<&str, Decline> {
        match self.0 {
            Node::Plain(_, text) => Ok(text),
            _ => Err(Decline),
        }
    }
}

impl<'de> Deserializer<'de> for NodeDe<'_, '_> {
    type Error = Decline;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        match self.0 {
            Node::Plain(_, text) if is_null(text) => visitor.visit_unit(),
            Node::Plain(_, text) => match (boolean(text), simple_number(text)) {
                (Some(b), _) => visitor.visit_bool(b),
                (_, Some(Simple::Unsigned(n))) => visitor.visit_u64(n),
                (_, Some(Simple::Negative(n))) => visitor.visit_i64(n),
                (_, Some(Simple::Float(n))) => visitor.visit_f64(n),
                _ if may_be_number(text) => Err(Decline),
                _ => visitor.visit_str(text),
            },
            Node::Quoted(_, text) => visitor.visit_str(text),
            Node::Seq(_, items) => visit_seq(items, visitor),
            Node::Map(_, entries) => visit_map(entries, visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        visitor.visit_bool(boolean(self.plain()?).ok_or(Decline)?)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        match simple_number(self.plain()?) {
            Some(Simple::Unsigned(n)) => visitor.visit_i64(i64::try_from(n).map_err(|_| Decline)?),
            Some(Simple::Negative(n)) => visitor.visit_i64(n),
            _ => Err(Decline),
        }
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        match simple_number(self.plain()?) {
            Some(Simple::Unsigned(n)) => visitor.visit_u64(n),
            _ => Err(Decline),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        let text = self.plain()?;
        match simple_number(text) {
            Some(_) => visitor.visit_f64(text.parse().map_err(|_| Decline)?),
            None => Err(Decline),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        match self.0 {
            Node::Plain(_, text) => visitor.visit_str(text),
            Node::Quoted(_, text) => visitor.visit_str(text),
            _ => Err(Decline),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        match self.0 {
            Node::Plain(_, text) if is_null(text) => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Decline> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        match self.0 {
            Node::Seq(_, items) => visit_seq(items, visitor),
            _ => Err(Decline),
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        match self.0 {
            Node::Map(_, entries) => visit_map(entries, visitor),
            _ => Err(Decline),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Decline> {
        self.deserialize_map(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        visitor.visit_unit()
    }

    // Read as serde_yaml reads them.
    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_str(visitor)
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_str(visitor)
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Decline> {
        self.deserialize_str(visitor)
    }

    // Nothing a document holds is read these ways; serde_yaml decides.
    fn deserialize_i128<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_u128<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_unit<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        _: V,
    ) -> Result<V::Value, Decline> {
        Err(Decline)
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Decline> {
        Err(Decline)
    }
}

fn visit_seq<'de, V: Visitor<'de>>(items: &[Node<'_>], visitor: V) -> Result<V::Value, Decline> {
    let mut access = Items(items.iter());
    let value = visitor.visit_seq(&mut access)?;
    // serde_yaml counts items left unread an error.
    if access.0.len() > 0 {
        return Err(Decline);
    }
    Ok(value)
}

fn visit_map<'de, V: Visitor<'de>>(
    entries: &[(Node<'_>, Node<'_>)],
    visitor: V,
) -> Result<V::Value, Decline> {
    let mut access = Entries {
        entries: entries.iter(),
        value: None,
    };
    let value = visitor.visit_map(&mut access)?;
    if access.entries.len() > 0 || access.value.is_some() {
        return Err(Decline);
    }
    Ok(value)
}

struct Items<'n, 'a>(std::slice::Iter<'n, Node<'a>>);

impl<'de> SeqAccess<'de> for Items<'_, '_> {
    type Error = Decline;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Decline> {
        self.0
            .next()
            .map(|node| seed.deserialize(NodeDe(node)))
            .transpose()
    }
}

struct Entries<'n, 'a> {
    entries: std::slice::Iter<'n, (Node<'a>, Node<'a>)>,
    value: Option<&'n Node<'a>>,
}

impl<'de> MapAccess<'de> for Entries<'_, '_> {
    type Error = Decline;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Decline> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(NodeDe(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Decline> {
        let value = self.value.take().ok_or(Decline)?;
        seed.deserialize(NodeDe(value))
    }
}
