//! The reader's tree: [`Node`], and [`Decline`], its one answer when a
//! text is outside the subset.

use std::borrow::Cow;
use std::fmt;

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
