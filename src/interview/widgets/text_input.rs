//! A line of text typed in: the name and the file names.

use console::{Key, Style};

use super::drawing::Glyphs;
use super::keys::Flow;
use crate::text::escape_control;
use crate::text::width as text_width;

/// A line of text: typing adds, Backspace removes, Enter gives it, Esc
/// goes back.
#[derive(Debug, Clone)]
pub struct TextInput {
    pub text: String,
}

impl TextInput {
    pub fn new(start: &str) -> Self {
        TextInput {
            text: start.to_string(),
        }
    }

    pub fn key(&mut self, key: &Key) -> Flow {
        match key {
            Key::Enter => return Flow::Done,
            Key::Escape => return Flow::Back,
            Key::Backspace => {
                self.text.pop();
            }
            Key::Char(c) if !c.is_control() => self.text.push(*c),
            _ => {}
        }
        Flow::Stay
    }

    pub fn lines(&self, prompt: &str, width: usize, glyphs: Glyphs) -> Vec<String> {
        let shown = escape_control(&self.text);
        let lead = format!("{prompt}: ");
        // The end of a long entry stays in view.
        let room = width.saturating_sub(text_width(&lead) + 1);
        let mut tail: Vec<char> = Vec::new();
        let mut used = 0;
        for c in shown.chars().rev() {
            let w = text_width(c.encode_utf8(&mut [0; 4]));
            if used + w > room {
                break;
            }
            used += w;
            tail.push(c);
        }
        let tail: String = tail.into_iter().rev().collect();
        let line = format!(
            "{lead}{tail}{}",
            Style::new().for_stderr().reverse().apply_to(" ")
        );
        let _ = glyphs;
        vec![line]
    }
}
