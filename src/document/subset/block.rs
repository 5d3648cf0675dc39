//! Block mappings and sequences, line by line: the reader's structure.

use super::cursor::Parser;
use super::cursor::{Decline, Node, Parsed};

/// libyaml refuses an implicit key longer than 1024 characters.
const MAX_KEY_BYTES: usize = 1000;

/// Files saved by Windows tools end their lines in CR LF, which YAML reads
/// as one line break: [`parse`] takes the same lines ending in LF alone
/// (any other CR declines). Line numbers do not change. Both ways into the
/// reader (values and entries' lines) go through this.
pub(super) fn lf_endings(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains("\r\n") {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The tree of `text`, or [`Decline`] when it is outside the subset.
pub(super) fn parse(text: &str) -> Parsed<Node<'_>> {
    let bytes = text.as_bytes();
    // Characters libyaml refuses or reads as line breaks (NEL, LS, PS, BOM,
    // C1 controls) are left to it, as are tabs and carriage returns not
    // before a line feed (see [`lf_endings`]).
    // A fold without early exit: the compiler checks many bytes at a time.
    let allowed = |b: u8| (b >= b' ' && b != 0x7f) | (b == b'\n');
    if !bytes.iter().fold(true, |ok, b| ok & allowed(*b)) {
        return Err(Decline);
    }
    if !text.is_ascii()
        && text.chars().any(|c| {
            matches!(
                c,
                '\u{80}'
                    ..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
            )
        })
    {
        return Err(Decline);
    }
    let mut parser = Parser {
        bytes,
        text,
        pos: 0,
        depth: 0,
    };
    let indent = parser.start()?.ok_or(Decline)?;
    let root = parser.block_node(indent)?;
    match parser.next_content_line()? {
        None => Ok(root),
        Some(_) => Err(Decline),
    }
}

impl<'a> Parser<'a> {
    /// Skips a leading `---` line; the indentation of the first content line.
    fn start(&mut self) -> Parsed<Option<usize>> {
        let Some(indent) = self.first_content_line()? else {
            return Ok(None);
        };
        if indent == 0 && self.bytes[self.pos..].starts_with(b"---") {
            let end = self.line_end(self.pos);
            if !self.bytes[self.pos + 3..end].iter().all(|b| *b == b' ') {
                return Err(Decline);
            }
            self.pos = (end + 1).min(self.bytes.len());
            return self.next_content_line();
        }
        Ok(Some(indent))
    }

    /// A block node whose first line (at `pos`) is indented by `indent`.
    fn block_node(&mut self, indent: usize) -> Parsed<Node<'a>> {
        self.enter()?;
        let at = self.pos + indent;
        let node = if self.is_seq_item(at) {
            self.block_seq(indent)
        } else {
            match self.key(at) {
                Ok(Some(first)) => self.block_map(indent, at, first),
                Ok(None) => Err(Decline),
                Err(decline) => Err(decline),
            }
        };
        self.depth -= 1;
        node
    }

    fn block_seq(&mut self, indent: usize) -> Parsed<Node<'a>> {
        let start = self.pos + indent;
        let mut items = Vec::with_capacity(8);
        loop {
            match self.next_content_line()? {
                Some(i) if i == indent && self.is_seq_item(self.pos + i) => {}
                Some(i) if i > indent => return Err(Decline),
                _ => break,
            }
            let mut at = self.pos + indent + 1;
            while self.byte(at) == b' ' {
                at += 1;
            }
            // An empty item, a nested block or a `- - x` are left out.
            if matches!(self.byte(at), b'\n' | b'#') || self.is_seq_item(at) {
                return Err(Decline);
            }
            let item = match self.key(at)? {
                Some(first) => {
                    let column = at - self.pos;
                    self.enter()?;
                    let map = self.block_map(column, at, first);
                    self.depth -= 1;
                    map?
                }
                None => self.inline_to_line_end(at)?,
            };
            items.push(item);
        }
        Ok(Node::Seq(start, items))
    }

    /// A block mapping indented by `indent`; its first key, at `first_at`,
    /// has been read.
    fn block_map(
        &mut self,
        indent: usize,
        first_at: usize,
        first: (Node<'a>, usize),
    ) -> Parsed<Node<'a>> {
        let mut entries = Vec::with_capacity(8);
        let mut next = Some(first);
        loop {
            let (key, after) = match next.take() {
                Some(key) => key,
                None => self.key(self.pos + indent)?.ok_or(Decline)?,
            };
            let mut p = after;
            while self.byte(p) == b' ' {
                p += 1;
            }
            let value = if self.byte(p) == b'\n' || (self.byte(p) == b'#' && p > after) {
                self.pos = (self.line_end(p) + 1).min(self.bytes.len());
                match self.next_content_line()? {
                    Some(i) if i > indent => self.block_node(i)?,
                    Some(i) if i == indent && self.is_seq_item(self.pos + i) => {
                        self.enter()?;
                        let seq = self.block_seq(indent);
                        self.depth -= 1;
                        seq?
                    }
                    // An empty value (null) is left to serde_yaml.
                    _ => return Err(Decline),
                }
            } else {
                self.inline_to_line_end(p)?
            };
            entries.push((key, value));
            match self.next_content_line()? {
                Some(i) if i == indent && !self.is_seq_item(self.pos + i) => {}
                Some(i) if i >= indent => return Err(Decline),
                _ => break,
            }
        }
        Ok(Node::Map(first_at, entries))
    }

    /// The key at `at` and the place after its `:`, if the line holds a
    /// key there.
    fn key(&self, at: usize) -> Parsed<Option<(Node<'a>, usize)>> {
        let (key, end) = match self.byte(at) {
            b'"' | b'\'' => self.quoted(at)?,
            b'[' | b'{' => return Ok(None),
            _ => {
                if !self.plain_may_start(at, false) {
                    return Err(Decline);
                }
                let mut i = at;
                loop {
                    i = self.next_special(i, false);
                    match self.byte(i) {
                        b'\n' => return Ok(None),
                        b':' if matches!(self.byte(i + 1), b' ' | b'\n') => break,
                        b'#' if self.byte(i - 1) == b' ' => return Ok(None),
                        _ => i += 1,
                    }
                }
                let key = self.text[at..i].trim_end_matches(' ');
                (Node::Plain(at, key), i)
            }
        };
        let mut p = end;
        while self.byte(p) == b' ' {
            p += 1;
        }
        if !(self.byte(p) == b':' && matches!(self.byte(p + 1), b' ' | b'\n')) {
            return Ok(None);
        }
        if p - at > MAX_KEY_BYTES {
            return Err(Decline);
        }
        Ok(Some((key, p + 1)))
    }

    /// A value on one line from `at`, then the rest of the line (spaces
    /// and a comment); `pos` moves to the next line.
    fn inline_to_line_end(&mut self, at: usize) -> Parsed<Node<'a>> {
        let (node, end) = match self.byte(at) {
            b'"' | b'\'' => self.quoted(at)?,
            b'[' | b'{' => self.flow(at)?,
            _ => self.plain(at, false)?,
        };
        let mut p = end;
        while self.byte(p) == b' ' {
            p += 1;
        }
        match self.byte(p) {
            b'\n' => {}
            b'#' if p > end => {}
            _ => return Err(Decline),
        }
        self.pos = (self.line_end(p) + 1).min(self.bytes.len());
        Ok(node)
    }
}
