//! serde's and the parsers' errors in words: the entry an error is in,
//! the line it is on, and a "did you mean" for a misspelt key.

use crate::error::Located;
use crate::matching::did_you_mean;

/// What a document should be, for messages: serde would name a Rust type
/// (`expected struct AnswerFile`).
#[derive(Debug, Clone, Copy)]
pub struct Shape(pub &'static str);

/// The first line up to `error_line` whose indentation holds a tab: libyaml
/// calls it "found character that cannot start any token".
pub(super) fn tab_indent(text: &str, error_line: Option<usize>) -> Option<usize> {
    if !text.contains('\t') {
        return None;
    }
    text.lines()
        .take(error_line.unwrap_or(usize::MAX))
        .position(|line| {
            let indent = &line[..line.len() - line.trim_start().len()];
            indent.contains('\t') && !line.trim().is_empty()
        })
        .map(|i| i + 1)
}

/// serde_yaml puts the entry first: `strengths[0].level: invalid type: …`.
pub(super) fn split_yaml_path(message: String) -> (Option<String>, String) {
    let Some((head, rest)) = message.split_once(": ") else {
        return (None, message);
    };
    let is_path = !head.is_empty()
        && !head.contains(' ')
        && head
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']'));
    if is_path {
        (Some(head.to_string()), rest.to_string())
    } else {
        (None, message)
    }
}

/// The entry (`strengths[0].level`) at a 1-based line and column of a JSON
/// text: what the error is inside. Walks the text up to there.
pub(super) fn json_entry_at(text: &str, line: usize, column: usize) -> Option<String> {
    enum Frame {
        Object {
            key: Option<String>,
            wants_key: bool,
        },
        Array {
            index: usize,
        },
    }
    let line_start = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum::<usize>();
    let end = (line_start + column).min(text.len());
    let bytes = &text.as_bytes()[..end];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                wants_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { wants_key, .. }) => *wants_key = true,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, wants_key }) = stack.last_mut()
                    && *wants_key
                {
                    let raw = &text[start..i.min(bytes.len())];
                    *key = Some(
                        serde_json::from_str(&format!("\"{raw}\""))
                            .unwrap_or_else(|_| raw.to_string()),
                    );
                    *wants_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut entry = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !entry.is_empty() {
                    entry.push('.');
                }
                entry.push_str(key);
            }
            Frame::Object { key: None, .. } => break,
            Frame::Array { index } => entry.push_str(&format!("[{index}]")),
        }
    }
    Some(entry)
}

/// serde's message as a problem; a misspelt key gets "did you mean" from
/// the keys serde lists (``unknown field `strenghts`, expected one of `id`, …``).
pub(super) fn serde_problem(source: &str, message: &str, shape: Shape) -> Located {
    let message = strip_position(message);
    let hint = unknown_field_hint(&message);
    let message = in_words(&message, shape);
    Located::new(source, message).with_hint(hint)
}

/// serde names Rust types and parser states; say what the file should hold.
fn in_words(message: &str, shape: Shape) -> String {
    let mut message = message.to_string();
    if let Some(at) = message.find("expected struct ") {
        let name_end = message[at + "expected struct ".len()..]
            .find(|c: char| !c.is_alphanumeric() && c != '_')
            .map_or(message.len(), |n| at + "expected struct ".len() + n);
        message.replace_range(at..name_end, &format!("expected {}", shape.0));
    }
    let words = [
        ("invalid type: string ", "got the text "),
        ("invalid type: integer ", "got the number "),
        ("invalid type: floating point ", "got the number "),
        ("invalid type: sequence", "got a list"),
        ("invalid type: map", "got a map"),
        ("invalid type: boolean ", "got "),
        ("invalid type: unit value", "got nothing"),
        ("expected a string", "expected text"),
        ("expected a sequence", "expected a list"),
    ];
    for (parser, person) in words {
        message = message.replace(parser, person);
    }
    // ``unknown field `levle`, expected `tag` or `level` `` names the keys
    // a map may have: `unknown key "levle" (the keys here: tag, level)`.
    if let Some(at) = message.find("unknown field `")
        && let Some((field, expected)) = message[at + "unknown field `".len()..].split_once('`')
    {
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let said = format!(
            "unknown key {field:?} (the keys here: {})",
            known.join(", ")
        );
        message = format!("{}{said}", &message[..at]);
    }
    // serde_json quotes numbers in backticks: `got the number \`5\``.
    if let Some(at) = message.find("got the number `") {
        let start = at + "got the number ".len();
        if let Some(len) = message[start + 1..].find('`') {
            message.replace_range(start + 1 + len..start + 2 + len, "");
            message.replace_range(start..start + 1, "");
        }
    }
    message
}

fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = &message[message.find("unknown field `")? + "unknown field `".len()..];
    let (field, expected) = rest.split_once('`')?;
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    did_you_mean(&crate::matching::closest(
        field,
        known.iter().map(|k| (*k, *k)),
        1,
    ))
}

/// A parser reports an unexpected end of input on the line after the
/// text's final newline, which does not exist (in JSON Lines it is the next
/// record's line): point at the text's last line instead.
pub(super) fn last_line_at_most(text: &str, line: usize) -> usize {
    line.min(super::depth::line_count(text))
}

/// serde appends " at line L column C"; the line is reported separately.
/// libyaml also puts one mid-message ("… at line 2 column 1, while parsing
/// a flow sequence at line 1 column 12"); every one is removed, so the
/// message never disagrees with the line reported beside it.
fn strip_position(message: &str) -> String {
    const AT: &str = " at line ";
    let digits = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(AT) {
        out.push_str(&rest[..i]);
        let after = &rest[i + AT.len()..];
        let line = digits(after);
        let column = after[line..]
            .strip_prefix(" column ")
            .map(|c| (c, digits(c)));
        match column {
            Some((c, n)) if line > 0 && n > 0 => rest = &c[n..],
            _ => {
                out.push_str(AT);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
