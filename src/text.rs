//! Small text helpers shared by the renderers: escaping and wrapping.

use std::borrow::Cow;

/// Escapes control characters (ANSI escapes, carriage returns, bells, …) so
/// text from answer files or catalogs cannot drive the terminal. Newlines
/// and tabs are escaped too: every field renders on its own line.
pub fn escape_control(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Characters that can drive a terminal or hide what a reader sees: C0 and C1
/// controls and DEL; bidi marks, embeddings, overrides and isolates (they
/// reorder text); zero-width characters (they hide text or join lookalikes).
/// The one list every escaper uses.
pub fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'                      // Arabic letter mark
            | '\u{200B}'..='\u{200F}'      // zero-width space/non-joiner/joiner, LRM, RLM
            | '\u{202A}'..='\u{202E}'      // embeddings and overrides
            | '\u{2060}'..='\u{2064}'      // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}'      // isolates
            | '\u{FEFF}' // zero-width no-break space (a BOM inside text)
        )
}

/// The columns `text` takes on a terminal: wide (CJK) characters count two,
/// combining marks none, and colour escapes nothing.
pub fn width(text: &str) -> usize {
    console::measure_text_width(text)
}

/// Escapes what would break a Markdown table cell or start markup, after
/// escaping control characters.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in escape_control(text).chars() {
        if matches!(
            c,
            '|' | '\\' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A paragraph starting with a list marker would become a list.
    if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    }
    out
}

/// Greedy word wrap to `width` columns, each line prefixed by `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let avail = width.saturating_sub(self::width(indent)).max(20);
    let mut out = String::new();
    let mut line_len = 0;
    for word in text.split_whitespace() {
        let len = self::width(word);
        if line_len > 0 && line_len + 1 + len > avail {
            out.push('\n');
            line_len = 0;
        }
        if line_len == 0 {
            out.push_str(indent);
        } else {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_controls() {
        assert_eq!(escape_control("a\x1b[31mb"), "a\\u{1b}[31mb");
        assert_eq!(escape_control("line\nnext\r"), "line\\nnext\\r");
        assert_eq!(escape_control("plain ✓"), "plain ✓");
        assert_eq!(escape_control("x\u{202E}y"), "x\\u{202e}y");
        for hidden in [
            '\u{200E}', '\u{200F}', '\u{061C}', '\u{200B}', '\u{2060}', '\u{FEFF}', '\u{9b}',
        ] {
            assert_ne!(
                escape_control(&format!("a{hidden}b")),
                format!("a{hidden}b")
            );
        }
    }

    #[test]
    fn width_counts_terminal_columns() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("日本"), 4);
        assert_eq!(width("e\u{301}"), 1);
    }

    #[test]
    fn wraps_on_words() {
        let wrapped = wrap("one two three four five six", 30, "  ");
        assert!(wrapped.lines().all(|l| l.chars().count() <= 30));
        assert_eq!(wrapped.split_whitespace().count(), 6);
        let wide = wrap("日本語の 文章を 折り返す 日本語の 文章を 折り返す", 24, "");
        assert!(wide.lines().all(|l| width(l) <= 24), "{wide}");
    }
}
