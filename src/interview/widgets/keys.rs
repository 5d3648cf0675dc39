//! Keys as the widgets take them: what a key did, and Esc read together
//! with the key after it split back into two keys.

use console::Key;

/// What a key did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Still on this screen: draw it again.
    Stay,
    /// Enter (or a number key on a scale): the answer is given.
    Done,
    /// Esc: back a step.
    Back,
}

/// The keys in what was read as one: Esc and the key after it, when they
/// came so close together that they read as an unknown escape sequence
/// (Esc, then Enter), are two keys. Arrows and other known sequences are
/// left alone.
pub fn split_escape(key: Key) -> Vec<Key> {
    match key {
        Key::UnknownEscSeq(chars) if !matches!(chars.first(), Some('[' | 'O') | None) => {
            std::iter::once(Key::Escape)
                .chain(chars.into_iter().map(|c| match c {
                    '\r' | '\n' => Key::Enter,
                    '\x7f' | '\x08' => Key::Backspace,
                    '\x1b' => Key::Escape,
                    c => Key::Char(c),
                }))
                .collect()
        }
        key => vec![key],
    }
}
