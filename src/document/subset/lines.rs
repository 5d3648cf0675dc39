//! The line an entry (`strengths[1].level`) starts on, found in the subset
//! reader's tree: far cheaper than a full YAML parser's events.

use super::block::{lf_endings, parse};
use super::cursor::{Decline, Node};

/// One step of an entry's path: a key of a mapping, or an index into a
/// sequence.
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The 1-based line where the entry at `steps` starts: `Ok(None)` if the
/// text has no such entry, [`Decline`] if the subset reader declines the
/// text. The entry's line is the line of its first character: a scalar's
/// own, a block mapping's first key, a block sequence's first `-`, a
/// flow's bracket (where a YAML parser's events start too).
pub fn line_of(text: &str, steps: &[Step<'_>]) -> Result<Option<usize>, Decline> {
    let text = lf_endings(text);
    let tree = parse(&text)?;
    let mut node = &tree;
    for step in steps {
        let next = match (step, node) {
            (Step::Key(key), Node::Map(_, entries)) => entries
                .iter()
                .find(|(name, _)| scalar_text(name) == Some(key))
                .map(|(_, value)| value),
            (Step::Index(index), Node::Seq(_, items)) => items.get(*index),
            _ => None,
        };
        match next {
            Some(next) => node = next,
            None => return Ok(None),
        }
    }
    let start = match node {
        Node::Plain(at, _) | Node::Quoted(at, _) | Node::Seq(at, _) | Node::Map(at, _) => *at,
    };
    Ok(Some(
        1 + text.as_bytes()[..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count(),
    ))
}

fn scalar_text<'n>(node: &'n Node<'_>) -> Option<&'n str> {
    match node {
        Node::Plain(_, text) => Some(text),
        Node::Quoted(_, text) => Some(text),
        _ => None,
    }
}
