//! The interview's own prompts, as pure state machines: a key goes in, the
//! state changes, and the screen is drawn from the state as lines that fit
//! the width. [`super::terminal`] reads the keys and draws the lines.
//!
//! dialoguer's prompts cannot filter a list as one types, answer a scale
//! with a number key, or set several levels on one screen; these can.
//!
//! Each part uses only the parts listed before it: `keys`, `drawing`, then
//! the widgets `tick_list`, `scale`, `levels` and `text_input`; this module
//! only gathers them.

mod drawing;
mod keys;
mod levels;
mod scale;
#[cfg(test)]
mod tests;
mod text_input;
mod tick_list;

pub use drawing::{Glyphs, fit, locale_is_utf8};
pub use keys::{Flow, split_escape};
pub use levels::Levels;
pub use scale::Scale;
pub use text_input::TextInput;
pub use tick_list::TickList;
