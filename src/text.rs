//! Text for terminals and files, one rule each: what is escaped (one list
//! of characters), how wide text is (display columns), and wrapping,
//! cutting and padding by that width.

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

/// JSON text with every character of [`needs_escape`] written as a `\u`
/// escape, so that printing it cannot drive a terminal or hide text; a
/// reader gets the same values back. serde_json escapes C0 controls itself;
/// the newlines between the tokens of pretty output are kept.
pub fn escape_json(json: String) -> String {
    // Everything to escape beyond what serde_json does is DEL or non-ASCII.
    if !json.bytes().any(|b| b >= 0x7f) {
        return json;
    }
    escape_document(json, |out, c| {
        let _ = std::fmt::Write::write_fmt(out, format_args!("\\u{:04x}", u32::from(c)));
    })
}

/// An HTML page with every character of [`needs_escape`] in its text
/// written as tables write it (`\u{202e}`), visible and inert: a browser
/// would obey a bidi override or show a control as nothing. The page's own
/// newlines are kept.
pub fn escape_markup(html: String) -> String {
    escape_document(html, |out, c| out.extend(c.escape_default()))
}

/// A whole document with every character of [`needs_escape`] but its
/// layout's newlines written by `escape`.
fn escape_document(text: String, escape: impl Fn(&mut String, char)) -> String {
    let escaped = |c: char| c != '\n' && needs_escape(c);
    if !text.chars().any(escaped) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if escaped(c) {
            escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `one` for 1, else `many`: `1 input`, `2 inputs`.
pub fn noun<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// `n` and its noun: `1 input failed`, never `1 inputs`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", noun(n, one, many))
}

/// The columns `text` takes on a terminal: wide (CJK) characters count two,
/// combining marks none, and colour escapes nothing.
pub fn width(text: &str) -> usize {
    console::measure_text_width(text)
}

/// Cuts `text` to at most `width` display columns, never inside a
/// character, marking a cut with `ellipsis` (after the last word kept, not
/// after a space).
pub fn fit(text: &str, width: usize, ellipsis: &str) -> String {
    if self::width(text) <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(self::width(ellipsis));
    let kept = console::truncate_str(text, room, "");
    let kept = kept.trim_end();
    if self::width(kept) + self::width(ellipsis) <= width {
        format!("{kept}{ellipsis}")
    } else {
        kept.to_string()
    }
}

/// `text` padded with spaces to `width` display columns.
pub fn pad(text: &str, width: usize) -> String {
    console::pad_str(text, width, console::Alignment::Left, None).into_owned()
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

/// Word wrap to `width` columns (at least 20 for the text), each line
/// prefixed by `indent`; a word longer than a line stays whole.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let avail = width.saturating_sub(self::width(indent)).max(20);
    let options = textwrap::Options::new(avail + self::width(indent))
        .initial_indent(indent)
        .subsequent_indent(indent)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let words: Vec<&str> = text.split_whitespace().collect();
    textwrap::wrap(&words.join(" "), options).join("\n")
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

    #[test]
    fn json_escapes_what_can_drive_or_hide_text_and_reads_back_the_same() {
        let value = "a\u{9b}b\u{202e}c\u{200d}d\u{7f}e 日本\n";
        let json = escape_json(serde_json::to_string_pretty(&vec![value]).unwrap());
        assert!(
            !json.chars().any(|c| c != '\n' && needs_escape(c)),
            "{json}"
        );
        for escaped in ["\\u009b", "\\u202e", "\\u200d", "\\u007f", "\\n"] {
            assert!(json.contains(escaped), "{escaped}: {json}");
        }
        assert!(json.contains("日本"), "{json}");
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [value]);
        let plain = String::from("{\"a\": 1}");
        assert_eq!(escape_json(plain.clone()), plain);
    }
}
