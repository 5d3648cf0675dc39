//! The one-line pieces of the subset: plain and quoted scalars, and flow
//! sequences and mappings.

use std::borrow::Cow;

use super::cursor::Parser;
use super::cursor::{Decline, Node, Parsed};

impl<'a> Parser<'a> {
    /// Whether a plain scalar may start at `at` (its first character is
    /// not an indicator). `-` may start one when a non-space follows; `?`
    /// and `:` are left to serde_yaml.
    pub(super) fn plain_may_start(&self, at: usize, flow: bool) -> bool {
        match self.byte(at) {
            b'\n' | b' ' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|'
            | b'>' | b'\'' | b'"' | b'%' | b'@' | b'`' | b'?' | b':' => false,
            b'-' => {
                let next = self.byte(at + 1);
                let ends = matches!(next, b' ' | b'\n');
                !(ends || flow && is_flow_indicator(next))
            }
            _ => true,
        }
    }

    /// A one-line plain scalar from `at`; in a flow it ends at `,`, `]`,
    /// `}` or a key's `: `. Returns the scalar and where it ends.
    pub(super) fn plain(&self, at: usize, flow: bool) -> Parsed<(Node<'a>, usize)> {
        if !self.plain_may_start(at, flow) {
            return Err(Decline);
        }
        let mut i = at;
        loop {
            i = self.next_special(i, flow);
            match self.byte(i) {
                b'\n' => break,
                b'#' if self.byte(i - 1) == b' ' => {
                    if flow {
                        return Err(Decline);
                    }
                    break;
                }
                b':' if flow && self.byte(i + 1) == b' ' => break,
                b':' if matches!(self.byte(i + 1), b' ' | b'\n') || flow => {
                    return Err(Decline);
                }
                b',' | b']' | b'}' if flow => break,
                // A word `-` before `,]}` is an error to some parsers
                // (saphyr, which finds entries' lines).
                b'-' if flow && self.byte(i - 1) == b' ' && is_flow_indicator(self.byte(i + 1)) => {
                    return Err(Decline);
                }
                b'[' | b'{' if flow => return Err(Decline),
                _ => i += 1,
            }
        }
        let text = self.text[at..i].trim_end_matches(' ');
        Ok((Node::Plain(at, text), at + text.len()))
    }

    /// A one-line quoted scalar starting at `at` (its opening quote).
    pub(super) fn quoted(&self, at: usize) -> Parsed<(Node<'a>, usize)> {
        let quote = self.byte(at);
        let start = at + 1;
        let mut owned: Option<String> = None;
        let mut i = start;
        let mut run = start; // the start of the text not yet copied
        loop {
            let b = self.byte(i);
            if b == b'\n' {
                return Err(Decline);
            }
            if b == quote && !(quote == b'\'' && self.byte(i + 1) == b'\'') {
                break;
            }
            if quote == b'\'' && b == b'\'' {
                let s = owned.get_or_insert_with(String::new);
                s.push_str(&self.text[run..=i]);
                i += 2;
                run = i;
            } else if quote == b'"' && b == b'\\' {
                let s = owned.get_or_insert_with(String::new);
                s.push_str(&self.text[run..i]);
                i = self.escape(i, s)?;
                run = i;
            } else {
                i += 1;
            }
        }
        let value = match owned {
            None => Cow::Borrowed(&self.text[start..i]),
            Some(mut s) => {
                s.push_str(&self.text[run..i]);
                Cow::Owned(s)
            }
        };
        Ok((Node::Quoted(at, value), i + 1))
    }

    /// The escape at `at` (a backslash) pushed to `out`; where it ends.
    fn escape(&self, at: usize, out: &mut String) -> Parsed<usize> {
        let simple = match self.byte(at + 1) {
            b'\\' => '\\',
            b'"' => '"',
            b'/' => '/',
            b'n' => '\n',
            b't' => '\t',
            b'r' => '\r',
            b'u' => {
                let hex = self.text.get(at + 2..at + 6).ok_or(Decline)?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return Err(Decline);
                }
                let code = u32::from_str_radix(hex, 16).map_err(|_| Decline)?;
                out.push(char::from_u32(code).ok_or(Decline)?);
                return Ok(at + 6);
            }
            _ => return Err(Decline),
        };
        out.push(simple);
        Ok(at + 2)
    }

    /// A one-line flow sequence or mapping starting at `at`.
    pub(super) fn flow(&mut self, at: usize) -> Parsed<(Node<'a>, usize)> {
        self.enter()?;
        let is_map = self.byte(at) == b'{';
        let close = if is_map { b'}' } else { b']' };
        let mut items = Vec::new();
        let mut entries = Vec::new();
        let mut p = self.skip_spaces(at + 1);
        if self.byte(p) != close {
            loop {
                if is_map {
                    let (key, end) = self.flow_node(p, true)?;
                    p = self.skip_spaces(end);
                    if !(self.byte(p) == b':' && self.byte(p + 1) == b' ') {
                        return Err(Decline);
                    }
                    let (value, end) = self.flow_node(self.skip_spaces(p + 1), false)?;
                    entries.push((key, value));
                    p = end;
                } else {
                    let (item, end) = self.flow_node(p, false)?;
                    items.push(item);
                    p = end;
                }
                p = self.skip_spaces(p);
                match self.byte(p) {
                    b',' => p = self.skip_spaces(p + 1),
                    b if b == close => break,
                    _ => return Err(Decline),
                }
                // A trailing comma is left to serde_yaml.
                if self.byte(p) == close {
                    return Err(Decline);
                }
            }
        }
        self.depth -= 1;
        let node = if is_map {
            Node::Map(at, entries)
        } else {
            Node::Seq(at, items)
        };
        Ok((node, p + 1))
    }

    /// A node inside a flow; a key of a flow mapping ends at its `: `.
    fn flow_node(&mut self, at: usize, is_key: bool) -> Parsed<(Node<'a>, usize)> {
        let (node, end) = match self.byte(at) {
            b'"' | b'\'' => self.quoted(at)?,
            b'[' | b'{' if !is_key => self.flow(at)?,
            _ => self.plain(at, true)?,
        };
        // `[a: b]` is a one-entry map, and `{a: b: c}` an error.
        if !is_key && self.byte(self.skip_spaces(end)) == b':' {
            return Err(Decline);
        }
        Ok((node, end))
    }
}

fn is_flow_indicator(byte: u8) -> bool {
    matches!(byte, b',' | b'[' | b']' | b'{' | b'}')
}
