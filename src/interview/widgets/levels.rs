//! Levels of several items set on one screen: the strengths' levels.

use console::{Key, Style};

use super::drawing::{Glyphs, fit, pad, prompt_line, scrolled};
use super::keys::Flow;
use crate::text::escape_control;
use crate::text::width as text_width;

/// A level for each row, all on one screen: ↑↓ pick the row, ←→ or a
/// number key set its level (a number also moves to the next row).
#[derive(Debug, Clone)]
pub struct Levels<'a> {
    rows: &'a [String],
    pub levels: Vec<u8>,
    /// What each level means, 1 first.
    scale: &'a [String],
    pub cursor: usize,
    top: usize,
}

impl<'a> Levels<'a> {
    pub fn new(rows: &'a [String], levels: &[u8], scale: &'a [String]) -> Self {
        let max = scale.len().max(1) as u8;
        Levels {
            rows,
            levels: (0..rows.len())
                .map(|i| levels.get(i).copied().unwrap_or(1).clamp(1, max))
                .collect(),
            scale,
            cursor: 0,
            top: 0,
        }
    }

    fn max(&self) -> u8 {
        self.scale.len().max(1) as u8
    }

    pub fn key(&mut self, key: &Key, page: usize) -> Flow {
        let last = self.rows.len().saturating_sub(1);
        match key {
            Key::Enter => return Flow::Done,
            Key::Escape => return Flow::Back,
            Key::ArrowDown | Key::Tab => self.cursor = (self.cursor + 1).min(last),
            Key::ArrowUp | Key::BackTab => self.cursor = self.cursor.saturating_sub(1),
            Key::ArrowRight => {
                if let Some(level) = self.levels.get_mut(self.cursor) {
                    *level = (*level + 1).min(self.scale.len().max(1) as u8);
                }
            }
            Key::ArrowLeft => {
                if let Some(level) = self.levels.get_mut(self.cursor) {
                    *level = level.saturating_sub(1).max(1);
                }
            }
            Key::Char(c) => {
                let max = self.max();
                if let Some(n) = c.to_digit(10).and_then(|n| u8::try_from(n).ok())
                    && (1..=max).contains(&n)
                    && let Some(level) = self.levels.get_mut(self.cursor)
                {
                    *level = n;
                    self.cursor = (self.cursor + 1).min(last);
                }
            }
            _ => {}
        }
        self.top = scrolled(self.top, self.cursor, page);
        Flow::Stay
    }

    pub fn lines(&self, prompt: &str, width: usize, page: usize, glyphs: Glyphs) -> Vec<String> {
        let dim = Style::new().for_stderr().dim();
        let mut lines = vec![prompt_line(prompt, width, glyphs)];
        let lead = text_width(glyphs.pointer()) + 1;
        let dots = usize::from(self.max());
        // Dots, a space, the number and the shortest level name.
        let scale_width = dots + 3 + 12;
        let name_width = self
            .rows
            .iter()
            .map(|r| text_width(&escape_control(r)))
            .max()
            .unwrap_or(0)
            .min(width.saturating_sub(lead + scale_width + 2));
        let end = (self.top + page).min(self.rows.len());
        for i in self.top..end {
            let active = i == self.cursor;
            let level = self.levels[i];
            let pointer = if active { glyphs.pointer() } else { " " };
            let pointer = pad(pointer, text_width(glyphs.pointer()), glyphs);
            let name = pad(&escape_control(&self.rows[i]), name_width, glyphs);
            let dots = format!(
                "{}{}",
                glyphs.full().repeat(usize::from(level)),
                glyphs.empty().repeat(dots - usize::from(level))
            );
            let label = self.scale[usize::from(level) - 1]
                .split(':')
                .next()
                .unwrap_or("")
                .to_string();
            let text = fit(
                &format!("{name}  {dots} {level} {label}"),
                width.saturating_sub(lead),
                glyphs,
            );
            lines.push(if active {
                format!(
                    "{pointer} {}",
                    Style::new().for_stderr().cyan().apply_to(text)
                )
            } else {
                format!("{pointer} {text}")
            });
        }
        if end - self.top < self.rows.len() {
            let more = format!("  {} of {} rows shown", end - self.top, self.rows.len());
            lines.push(dim.apply_to(fit(&more, width, glyphs)).to_string());
        }
        if let Some(&level) = self.levels.get(self.cursor) {
            let meaning = format!("  {level} = {}", self.scale[usize::from(level) - 1]);
            lines.push(dim.apply_to(fit(&meaning, width, glyphs)).to_string());
        }
        lines
    }
}
