//! How deep a YAML text's flow collections (`[…]`, `{…}`) nest, found
//! before the full parser runs, by a scan that splits the text into YAML's
//! tokens the way libyaml's scanner does: a quote or bracket counts only
//! where a token starts, never inside a plain, quoted or block scalar, a
//! comment or a tag. One pass, in time linear in the text.
//!
//! It errs only one way: where it cannot tell (odd tags, text libyaml
//! refuses anyway) it counts a bracket, so deep text is never hidden from
//! it; a text libyaml reads is never counted deeper than it is.

/// More `[`/`{` nesting than any answer file or catalog needs. The YAML
/// parser takes time that grows with the square of the depth (a minute for
/// 100,000 levels), so deeper text is refused before it is parsed.
pub(super) const MAX_FLOW_DEPTH: usize = 128;

/// The line where flow nesting first passes [`MAX_FLOW_DEPTH`].
pub(super) fn too_deep(text: &str) -> Option<usize> {
    let mut scan = Scan {
        bytes: text.as_bytes(),
        at: 0,
        line: 1,
        line_start: 0,
        flow: 0,
        indent: -1,
        indents: Vec::new(),
        key_allowed: true,
        key: None,
    };
    scan.run()
}

/// The number of lines of `text` as YAML counts them: LF, CR LF, a lone
/// CR (classic Mac files), NEL, LS and PS each end a line.
pub(super) fn line_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let (mut lines, mut at) = (1, 0);
    while at < bytes.len() {
        match break_len(bytes, at) {
            0 => at += 1,
            n => {
                lines += 1;
                at += n;
            }
        }
    }
    // A final line break ends the last line rather than opening one.
    if bytes.is_empty() || break_len_before(bytes) {
        lines -= 1;
    }
    lines.max(1)
}

fn break_len_before(bytes: &[u8]) -> bool {
    (1..=3).any(|n| n <= bytes.len() && break_len(bytes, bytes.len() - n) == n)
}

/// The length of the line break at `at`, or 0.
fn break_len(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at..).unwrap_or_default() {
        [b'\r', b'\n', ..] => 2,
        [b'\r' | b'\n', ..] => 1,
        [0xC2, 0x85, ..] => 2,
        [0xE2, 0x80, 0xA8 | 0xA9, ..] => 3,
        _ => 0,
    }
}

struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
    line: usize,
    line_start: usize,
    /// How many flow collections are open.
    flow: usize,
    /// The column of the innermost block collection (libyaml's indent),
    /// -1 outside any; `indents` holds the outer ones.
    indent: isize,
    indents: Vec<isize>,
    /// Whether a token here may start an implicit key (`key: value`).
    key_allowed: bool,
    /// Where the last token that may be a key started: line and column.
    key: Option<(usize, usize)>,
}

impl Scan<'_> {
    fn byte(&self, at: usize) -> u8 {
        self.bytes.get(at).copied().unwrap_or(0)
    }

    fn column(&self) -> usize {
        self.at - self.line_start
    }

    fn is_break(&self, at: usize) -> bool {
        break_len(self.bytes, at) > 0
    }

    /// A space, tab, line break or the end of the text.
    fn is_blank_or_end(&self, at: usize) -> bool {
        at >= self.bytes.len() || matches!(self.byte(at), b' ' | b'\t') || self.is_break(at)
    }

    /// Consumes the line break at `at` if there is one.
    fn eat_break(&mut self) -> bool {
        match break_len(self.bytes, self.at) {
            0 => false,
            n => {
                self.at += n;
                self.line += 1;
                self.line_start = self.at;
                if self.flow == 0 {
                    self.key_allowed = true;
                }
                true
            }
        }
    }

    fn skip_to_line_end(&mut self) {
        while self.at < self.bytes.len() && !self.is_break(self.at) {
            self.at += 1;
        }
    }

    /// `---` or `...` at the start of a line, alone or before a blank.
    fn at_document_marker(&self) -> bool {
        let rest = &self.bytes[self.at..];
        self.column() == 0
            && (rest.starts_with(b"---") || rest.starts_with(b"..."))
            && self.is_blank_or_end(self.at + 3)
    }

    fn roll(&mut self, column: usize) {
        let column = column as isize;
        if self.flow == 0 && self.indent < column {
            self.indents.push(self.indent);
            self.indent = column;
        }
    }

    fn unroll(&mut self, column: isize) {
        while self.flow == 0 && self.indent > column {
            self.indent = self.indents.pop().unwrap_or(-1);
        }
    }

    fn save_key(&mut self) {
        if self.key_allowed {
            self.key = Some((self.line, self.column()));
        }
        self.key_allowed = false;
    }

    fn run(&mut self) -> Option<usize> {
        loop {
            self.skip_to_token();
            if self.at >= self.bytes.len() {
                return None;
            }
            let column = self.column();
            self.unroll(column as isize);
            let byte = self.byte(self.at);
            let indicator = self.flow > 0 || self.is_blank_or_end(self.at + 1);
            match byte {
                b'-' | b'.' if self.at_document_marker() => {
                    self.unroll(-1);
                    self.at += 3;
                    self.key = None;
                    self.key_allowed = true;
                }
                b'%' if column == 0 => self.skip_to_line_end(),
                b'[' | b'{' => {
                    self.save_key();
                    self.flow += 1;
                    if self.flow > MAX_FLOW_DEPTH {
                        return Some(self.line);
                    }
                    self.at += 1;
                    self.key_allowed = true;
                }
                b']' | b'}' => {
                    self.flow = self.flow.saturating_sub(1);
                    self.at += 1;
                    self.key_allowed = false;
                }
                b',' => {
                    self.at += 1;
                    self.key_allowed = true;
                }
                b'-' | b'?' if self.is_blank_or_end(self.at + 1) || (byte == b'?' && indicator) => {
                    self.roll(column);
                    self.at += 1;
                    self.key = None;
                    self.key_allowed = true;
                }
                b':' if indicator => {
                    if let Some((line, key_column)) = self.key.take()
                        && line == self.line
                    {
                        self.roll(key_column);
                    }
                    self.at += 1;
                    self.key_allowed = self.flow == 0;
                }
                b'*' | b'&' => {
                    // An anchor's or alias's name is letters, digits, `-`
                    // and `_` (libyaml's); the next token starts after it.
                    self.save_key();
                    self.at += 1;
                    while matches!(self.byte(self.at), b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_')
                    {
                        self.at += 1;
                    }
                }
                b'!' => {
                    // A tag runs to a blank. Where libyaml would end it
                    // sooner (a bracket), it then stops with an error, so
                    // ending it at any bracket it cannot hold only counts
                    // more.
                    self.save_key();
                    let ends: &[u8] = if self.flow > 0 { b",[]{}" } else { b"{}" };
                    while !self.is_blank_or_end(self.at) && !ends.contains(&self.byte(self.at)) {
                        self.at += 1;
                    }
                }
                b'|' | b'>' if self.flow == 0 => self.block_scalar(),
                b'\'' | b'"' => {
                    self.save_key();
                    self.quoted(byte);
                }
                _ => {
                    self.save_key();
                    self.plain();
                }
            }
        }
    }

    /// Skips spaces, tabs, comments and line breaks up to the next token.
    fn skip_to_token(&mut self) {
        loop {
            while matches!(self.byte(self.at), b' ' | b'\t') {
                self.at += 1;
            }
            if self.byte(self.at) == b'#' {
                self.skip_to_line_end();
            }
            if !self.eat_break() {
                return;
            }
        }
    }

    /// A quoted scalar from its opening quote, over as many lines as it
    /// takes; a document marker or the end of the text ends it (libyaml
    /// stops there with an error).
    fn quoted(&mut self, quote: u8) {
        self.at += 1;
        while self.at < self.bytes.len() {
            if self.eat_break() {
                if self.at_document_marker() {
                    return;
                }
                continue;
            }
            match self.byte(self.at) {
                b'\'' if quote == b'\'' && self.byte(self.at + 1) == b'\'' => self.at += 2,
                b'\\' if quote == b'"' => {
                    self.at += 1;
                    if !self.eat_break() {
                        self.at += 1;
                    }
                }
                b if b == quote => {
                    self.at += 1;
                    return;
                }
                _ => self.at += 1,
            }
        }
    }

    /// A plain scalar, over its continuation lines: in a block those
    /// indented deeper than the collection it is in.
    fn plain(&mut self) {
        loop {
            if self.at_document_marker() || self.byte(self.at) == b'#' {
                return;
            }
            while !self.is_blank_or_end(self.at) {
                let byte = self.byte(self.at);
                let next = self.byte(self.at + 1);
                if byte == b':'
                    && (self.is_blank_or_end(self.at + 1)
                        || self.flow > 0 && matches!(next, b',' | b'[' | b']' | b'{' | b'}'))
                {
                    return;
                }
                if self.flow > 0 && matches!(byte, b',' | b'[' | b']' | b'{' | b'}') {
                    return;
                }
                self.at += 1;
            }
            if self.at >= self.bytes.len() {
                return;
            }
            loop {
                if matches!(self.byte(self.at), b' ' | b'\t') {
                    self.at += 1;
                } else if !self.eat_break() {
                    break;
                }
            }
            if self.flow == 0 && (self.column() as isize) < self.indent + 1 {
                return;
            }
        }
    }

    /// A literal (`|`) or folded (`>`) scalar: its header line, then every
    /// line indented at least as deep as its content.
    fn block_scalar(&mut self) {
        let header = self.at;
        self.skip_to_line_end();
        let step = self.bytes[header..self.at]
            .iter()
            .take_while(|b| **b != b'#')
            .find(|b| b.is_ascii_digit())
            .map_or(0, |b| isize::from(b - b'0'));
        if !self.eat_break() {
            return;
        }
        let mut indent = match step {
            0 => 0,
            _ if self.indent >= 0 => self.indent + step,
            _ => step,
        };
        self.block_breaks(&mut indent);
        while self.column() as isize == indent && self.at < self.bytes.len() {
            self.skip_to_line_end();
            if !self.eat_break() {
                return;
            }
            self.block_breaks(&mut indent);
        }
    }

    /// Indentation and empty lines of a block scalar (libyaml's
    /// `scan_block_scalar_breaks`), finding its indentation when not given.
    fn block_breaks(&mut self, indent: &mut isize) {
        let mut deepest = 0;
        loop {
            while (*indent == 0 || (self.column() as isize) < *indent) && self.byte(self.at) == b' '
            {
                self.at += 1;
            }
            deepest = deepest.max(self.column() as isize);
            if !self.is_break(self.at) {
                break;
            }
            self.eat_break();
        }
        if *indent == 0 {
            *indent = deepest.max(self.indent + 1).max(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{line_count, too_deep};

    fn deep(before: &str) -> String {
        format!("{before}{}{}\n", "[".repeat(200), "]".repeat(200))
    }

    #[test]
    fn quotes_inside_plain_scalars_do_not_hide_deep_flows() {
        for before in [
            "id: O'Brien\nstrengths: ",
            "id: say \"hi\nstrengths: ",
            "- O'Brien\n- ",
            "a: [O'Brien, ",
            "a: {k: it's, v: ",
            "- b: x'\n  c: ",
            "id: x # it's\nstrengths: ",
            "id: 'it''s'\nstrengths: ",
            "id: \"a\\\"b\"\nstrengths: ",
            "notes: |\n  it's\nstrengths: ",
        ] {
            assert_eq!(
                too_deep(&deep(before)),
                Some(before.lines().count().max(1)),
                "{before:?}"
            );
        }
    }

    #[test]
    fn brackets_inside_scalars_are_not_nesting() {
        let many = "[".repeat(300);
        for text in [
            format!("id: a{many}\n"),
            format!("id: a\n  {many}\n"),
            format!("id: '{many}'\n"),
            format!("id: \"{many}\n  {many}\"\n"),
            format!("notes: |\n  {many}\n  {many}\nid: x\n"),
            format!("- notes: >-\n    {many}\n\n    {many}\n"),
            format!("id: x # {many}\n"),
            format!("a: [x{}, y]\n", "'".repeat(3)),
            format!("a: [\"{many}\", '{many}']\n"),
            // Found by the fuzz target: an anchor's name ends at `:`, and
            // `:gg[[…` after it is a plain scalar.
            format!("&g:gg{many}x\n"),
        ] {
            assert_eq!(too_deep(&text), None, "{text:?}");
            assert!(
                serde_yaml::from_str::<serde_yaml::Value>(&text).is_ok(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_line_is_counted_with_every_kind_of_line_break() {
        for end in ["\n", "\r\n", "\r"] {
            let text = format!("id: x{end}a: b{end}strengths: {}", "[".repeat(200));
            assert_eq!(too_deep(&text), Some(3), "{end:?}");
            assert_eq!(line_count(&text), 3);
            assert_eq!(line_count(&format!("{text}{end}")), 3);
        }
        assert_eq!(line_count(""), 1);
    }
}
