//! The reader's place in the text, and what every part of it asks of the
//! text: a byte, a line's end, the next line with content, the depth; and
//! what it reads into: the tree of [`Node`]s, or [`Decline`], its one
//! answer when a text is outside the subset.

use std::borrow::Cow;
use std::fmt;

/// Deeper nesting than this declines; serde_yaml's own limit is 128.
pub(super) const MAX_DEPTH: usize = 64;

pub(super) struct Parser<'a> {
    pub(super) text: &'a str,
    pub(super) bytes: &'a [u8],
    /// The start of the next line to read, or a place inside the line
    /// being read.
    pub(super) pos: usize,
    pub(super) depth: usize,
}

impl Parser<'_> {
    pub(super) fn line_end(&self, from: usize) -> usize {
        self.bytes[from..]
            .iter()
            .position(|b| *b == b'\n')
            .map_or(self.bytes.len(), |n| from + n)
    }

    pub(super) fn byte(&self, at: usize) -> u8 {
        self.bytes.get(at).copied().unwrap_or(b'\n')
    }

    pub(super) fn enter(&mut self) -> Parsed<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Decline);
        }
        Ok(())
    }

    pub(super) fn is_seq_item(&self, at: usize) -> bool {
        self.byte(at) == b'-' && matches!(self.byte(at + 1), b' ' | b'\n')
    }

    /// Skips blank and comment lines; the indentation of the next line
    /// with content (`pos` left at its start), or `None` at the end.
    pub(super) fn first_content_line(&mut self) -> Parsed<Option<usize>> {
        while self.pos < self.bytes.len() {
            let indent = self.bytes[self.pos..]
                .iter()
                .take_while(|b| **b == b' ')
                .count();
            match self.byte(self.pos + indent) {
                b'\n' | b'#' => {
                    self.pos = (self.line_end(self.pos + indent) + 1).min(self.bytes.len());
                }
                _ => return Ok(Some(indent)),
            }
        }
        Ok(None)
    }

    /// [`Self::first_content_line`], declining a document marker.
    pub(super) fn next_content_line(&mut self) -> Parsed<Option<usize>> {
        let indent = self.first_content_line()?;
        let line = &self.bytes[self.pos..];
        if indent == Some(0) && (line.starts_with(b"---") || line.starts_with(b"...")) {
            return Err(Decline);
        }
        Ok(indent)
    }

    /// The first byte from `at` that may end a plain scalar (or the end of
    /// the text): most bytes are none of the few that matter.
    pub(super) fn next_special(&self, at: usize, flow: bool) -> usize {
        let special = if flow { &FLOW_SPECIAL } else { &BLOCK_SPECIAL };
        self.bytes[at..]
            .iter()
            .position(|b| special[usize::from(*b)])
            .map_or(self.bytes.len(), |n| at + n)
    }

    pub(super) fn skip_spaces(&self, mut at: usize) -> usize {
        while self.byte(at) == b' ' {
            at += 1;
        }
        at
    }
}

/// The bytes that may end a plain scalar or make the reader decline, in
/// a block and in a flow.
const BLOCK_SPECIAL: [bool; 256] = special_bytes(b"\n#:");
const FLOW_SPECIAL: [bool; 256] = special_bytes(b"\n#:,[]{}-");

const fn special_bytes(list: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < list.len() {
        table[list[i] as usize] = true;
        i += 1;
    }
    table
}

/// A value as the text gives it, after the byte offset where it starts.
#[derive(Debug)]
pub(super) enum Node<'a> {
    /// A plain (unquoted) scalar, as written: whether it is a number, a
    /// boolean or text is decided by what reads it, as serde_yaml does.
    Plain(usize, &'a str),
    /// A quoted scalar, escapes resolved: always text.
    Quoted(usize, Cow<'a, str>),
    Seq(usize, Vec<Node<'a>>),
    Map(usize, Vec<(Node<'a>, Node<'a>)>),
}

/// The text is outside the subset (or not YAML at all).
#[derive(Debug)]
pub struct Decline;

pub(super) type Parsed<T> = Result<T, Decline>;

impl fmt::Display for Decline {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("outside the YAML subset")
    }
}

impl std::error::Error for Decline {}

impl serde::de::Error for Decline {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Decline
    }
}
