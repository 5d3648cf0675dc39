//! A numbered scale answered with one key: the work-style statements.

use console::{Key, Style};

use super::drawing::{Glyphs, fit, pad, prompt_line};
use super::keys::Flow;
use crate::text::escape_control;
use crate::text::width as text_width;

/// One answer of a numbered scale: the number keys answer at once.
#[derive(Debug, Clone)]
pub struct Scale<'a> {
    items: &'a [String],
    pub cursor: usize,
}

impl<'a> Scale<'a> {
    pub fn new(items: &'a [String], start: usize) -> Self {
        Scale {
            items,
            cursor: start.min(items.len().saturating_sub(1)),
        }
    }

    pub fn key(&mut self, key: &Key) -> Flow {
        let last = self.items.len().saturating_sub(1);
        match key {
            Key::Enter => return Flow::Done,
            Key::Escape => return Flow::Back,
            Key::Char(c) => {
                if let Some(n) = c.to_digit(10).map(|n| n as usize)
                    && (1..=self.items.len()).contains(&n)
                {
                    self.cursor = n - 1;
                    return Flow::Done;
                }
            }
            Key::ArrowDown => self.cursor = (self.cursor + 1).min(last),
            Key::ArrowUp => self.cursor = self.cursor.saturating_sub(1),
            _ => {}
        }
        Flow::Stay
    }

    pub fn lines(&self, prompt: &str, width: usize, glyphs: Glyphs) -> Vec<String> {
        let mut lines = vec![prompt_line(prompt, width, glyphs)];
        for (i, item) in self.items.iter().enumerate() {
            let active = i == self.cursor;
            let pointer = if active { glyphs.pointer() } else { " " };
            let pointer = pad(pointer, text_width(glyphs.pointer()), glyphs);
            let text = fit(
                &escape_control(item),
                width.saturating_sub(2 + text_width(&pointer)),
                glyphs,
            );
            let text = if active {
                Style::new().for_stderr().cyan().apply_to(text).to_string()
            } else {
                text
            };
            lines.push(format!("{pointer} {text}"));
        }
        lines
    }
}
