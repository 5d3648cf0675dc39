//! A fast reader for the common subset of YAML that answer files and
//! catalogs are written in, into a tree of [`Node`]s.
//!
//! The subset: block mappings and sequences (a sequence may sit at its
//! key's indentation), one-line plain, 'single' and "double" quoted
//! scalars, one-line flow `[…]` and `{…}`, comments, and a leading `---`.
//! Anything else (anchors, tags, block scalars, empty values, multi-line
//! scalars or flows, tabs, carriage returns other than in CR LF line
//! endings, control characters, a second
//! document, odd escapes) makes it decline, and the caller reads the text
//! with the full YAML parser instead. It never reports an error of its
//! own: declining is always safe, so when in doubt it declines.

mod block;
mod cursor;
mod de;
mod lines;
mod scalars;
#[cfg(test)]
pub(crate) mod tests;
mod tree;

pub(crate) use de::read;
pub use lines::{Step, line_of};
