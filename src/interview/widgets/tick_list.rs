//! A list to tick, narrowed by what is typed: strengths, goals, families;
//! or, in its single-pick form, a list to pick one from (the target role).

use console::{Key, Style};

use super::drawing::{Glyphs, fit, pad, scrolled};
use super::keys::Flow;
use crate::interview::prompt::Choice;
use crate::text::escape_control;
use crate::text::width as text_width;

/// A list to tick, narrowed by what is typed.
///
/// Letters, digits and spaces go to the filter (so `customer support` is
/// typed whole), Backspace takes the last one back, Tab ticks the item
/// under the cursor (a key no filter text uses, so typing never ticks),
/// Enter confirms every item ticked (also those the filter hides), Esc
/// clears the filter or, with none, goes back.
#[derive(Debug, Clone)]
pub struct TickList<'a> {
    items: &'a [Choice],
    pub ticked: Vec<bool>,
    pub filter: String,
    /// Indices of the items the filter lets through.
    shown: Vec<usize>,
    /// Position in `shown`.
    cursor: usize,
    top: usize,
    /// Pick one: Enter takes the item under the cursor; nothing is ticked.
    single: bool,
}

impl<'a> TickList<'a> {
    pub fn new(items: &'a [Choice], checked: &[bool]) -> Self {
        let ticked = (0..items.len())
            .map(|i| checked.get(i).copied().unwrap_or(false))
            .collect();
        TickList {
            items,
            ticked,
            filter: String::new(),
            shown: (0..items.len()).collect(),
            cursor: 0,
            top: 0,
            single: false,
        }
    }

    /// A list to pick one item from, starting on `cursor`.
    pub fn single(items: &'a [Choice], cursor: usize) -> Self {
        let mut list = TickList::new(items, &[]);
        list.single = true;
        list.cursor = cursor.min(items.len().saturating_sub(1));
        list
    }

    /// How many items the list has.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The item under the cursor (what Enter picks in a single-pick list).
    pub fn current(&self) -> Option<usize> {
        self.shown.get(self.cursor).copied()
    }

    /// The items ticked, in list order.
    pub fn picked(&self) -> Vec<usize> {
        (0..self.items.len()).filter(|&i| self.ticked[i]).collect()
    }

    /// The items the filter lets through.
    #[cfg(test)]
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    fn refilter(&mut self) {
        let current = self.shown.get(self.cursor).copied();
        // Best matches first, through the reader (hints, role names).
        self.shown = Choice::ranked(self.items, &self.filter);
        // Stay on the same item when it is still shown.
        self.cursor = current
            .and_then(|c| self.shown.iter().position(|&i| i == c))
            .unwrap_or(0);
        self.top = 0;
    }

    pub fn key(&mut self, key: &Key, page: usize) -> Flow {
        let last = self.shown.len().saturating_sub(1);
        match key {
            Key::Enter if self.single && self.shown.is_empty() => {}
            Key::Enter => return Flow::Done,
            Key::Escape if self.filter.is_empty() => return Flow::Back,
            Key::Escape => {
                self.filter.clear();
                self.refilter();
            }
            // A single choice is made with Enter; only lists tick.
            Key::Tab | Key::BackTab if !self.single => {
                if let Some(&item) = self.shown.get(self.cursor) {
                    self.ticked[item] = !self.ticked[item];
                }
            }
            Key::Char(c) if !c.is_control() => {
                self.filter.push(*c);
                self.refilter();
            }
            Key::Backspace if self.filter.pop().is_some() => self.refilter(),
            Key::ArrowDown => {
                self.cursor = if self.cursor >= last {
                    0
                } else {
                    self.cursor + 1
                }
            }
            Key::ArrowUp => {
                self.cursor = if self.cursor == 0 {
                    last
                } else {
                    self.cursor - 1
                }
            }
            Key::PageDown | Key::ArrowRight => self.cursor = (self.cursor + page).min(last),
            Key::PageUp | Key::ArrowLeft => self.cursor = self.cursor.saturating_sub(page),
            Key::Home => self.cursor = 0,
            Key::End => self.cursor = last,
            _ => {}
        }
        self.top = scrolled(self.top, self.cursor, page);
        Flow::Stay
    }

    /// The list's lines for a screen `width` columns wide showing `page`
    /// items: a status line, the items, a line for what is off the page,
    /// and what the item under the cursor means.
    pub fn lines(&self, prompt: &str, width: usize, page: usize, glyphs: Glyphs) -> Vec<String> {
        let dim = Style::new().for_stderr().dim();
        let bold = Style::new().for_stderr().bold();
        let mut lines = Vec::with_capacity(page + 4);
        let ticked = self.ticked.iter().filter(|&&t| t).count();
        let filter = if self.filter.is_empty() {
            "type to filter".to_string()
        } else {
            format!("filter: {}_", escape_control(&self.filter))
        };
        let status = if self.single {
            format!(
                "{prompt}{sep}{filter}{sep}{} of {} shown",
                self.shown.len(),
                self.items.len(),
                sep = glyphs.separator()
            )
        } else {
            format!(
                "{prompt}{sep}{filter}{sep}{} of {} shown{sep}{ticked} ticked",
                self.shown.len(),
                self.items.len(),
                sep = glyphs.separator()
            )
        };
        lines.push(bold.apply_to(fit(&status, width, glyphs)).to_string());
        if self.shown.is_empty() {
            lines.push(
                dim.apply_to(fit(
                    &format!(
                        "  nothing matches \"{}\": backspace widens the list",
                        escape_control(&self.filter)
                    ),
                    width,
                    glyphs,
                ))
                .to_string(),
            );
            return lines;
        }
        let tick_width = if self.single {
            0
        } else {
            text_width(glyphs.ticked()).max(text_width(glyphs.unticked()))
        };
        let lead = text_width(glyphs.pointer()) + 1 + tick_width + usize::from(!self.single);
        let name_width = self
            .items
            .iter()
            .map(|c| text_width(&escape_control(&c.name)))
            .max()
            .unwrap_or(0)
            .min(width.saturating_sub(lead) * 11 / 20);
        let note_width = self
            .items
            .iter()
            .map(|c| text_width(&escape_control(&c.note)))
            .max()
            .unwrap_or(0);
        // Room for the notes in full, unless descriptions need it.
        let rest = width.saturating_sub(lead + name_width + 2);
        let described = self.items.iter().any(|c| !c.description.is_empty());
        let note_width = if described {
            note_width.min(rest / 3)
        } else {
            note_width.min(rest)
        };
        let end = (self.top + page).min(self.shown.len());
        for (row, &item) in self.shown[self.top..end].iter().enumerate() {
            let choice = &self.items[item];
            let active = self.top + row == self.cursor;
            let pointer = if active { glyphs.pointer() } else { " " };
            let pointer = pad(pointer, text_width(glyphs.pointer()), glyphs);
            let tick = if self.ticked[item] {
                glyphs.ticked()
            } else {
                glyphs.unticked()
            };
            let tick = pad(tick, tick_width, glyphs);
            let name = pad(&escape_control(&choice.name), name_width, glyphs);
            let mut text = name.clone();
            if note_width > 0 {
                text.push_str("  ");
                text.push_str(&pad(&escape_control(&choice.note), note_width, glyphs));
            }
            let rest = width.saturating_sub(lead + text_width(&text) + 2);
            let description = if choice.description.is_empty() || rest < 8 {
                String::new()
            } else {
                format!(
                    "  {}",
                    fit(&escape_control(&choice.description), rest, glyphs)
                )
            };
            let tick = if self.ticked[item] {
                Style::new().for_stderr().green().apply_to(tick).to_string()
            } else {
                tick
            };
            // Padding only where something follows.
            let text = if description.is_empty() {
                text.trim_end().to_string()
            } else {
                text
            };
            let text = if active {
                Style::new().for_stderr().cyan().apply_to(text).to_string()
            } else {
                text
            };
            let line = if self.single {
                format!("{pointer} {text}{}", dim.apply_to(description))
            } else {
                format!("{pointer} {tick} {text}{}", dim.apply_to(description))
            };
            lines.push(line);
        }
        let above = self.top;
        let below = self.shown.len() - end;
        if above + below > 0 {
            let more = format!(
                "  {above} above, {below} below{}{} moves, pgup/pgdn pages",
                glyphs.separator(),
                glyphs.up_down()
            );
            lines.push(dim.apply_to(fit(&more, width, glyphs)).to_string());
        }
        if let Some(choice) = self.shown.get(self.cursor).map(|&i| &self.items[i]) {
            let name = escape_control(&choice.name);
            // The whole name when the row had to cut it, and what it means.
            let cut = text_width(&name) > name_width;
            if cut || !choice.description.is_empty() {
                let about = if choice.description.is_empty() {
                    name.into_owned()
                } else {
                    format!("{name}: {}", escape_control(&choice.description))
                };
                // Two lines at most; a cut says so with an ellipsis.
                let wrapped = crate::text::wrap(&about, width, "  ");
                let about: Vec<&str> = wrapped.lines().collect();
                for (i, line) in about.iter().take(2).enumerate() {
                    let line = if i == 1 && about.len() > 2 {
                        cut_with_ellipsis(line, width, glyphs)
                    } else {
                        fit(line, width, glyphs)
                    };
                    lines.push(dim.apply_to(line).to_string());
                }
            }
            if !choice.more.is_empty() {
                let more = format!("  {}", escape_control(&choice.more));
                lines.push(dim.apply_to(fit(&more, width, glyphs)).to_string());
            }
        }
        lines
    }
}

/// A line cut short on purpose: an ellipsis at its end, within `width`
/// columns.
fn cut_with_ellipsis(line: &str, width: usize, glyphs: Glyphs) -> String {
    let ellipsis = glyphs.ellipsis();
    let room = width.saturating_sub(text_width(ellipsis));
    let kept = if text_width(line) <= room {
        line.to_string()
    } else {
        fit(line, room, glyphs)
            .trim_end_matches(ellipsis)
            .to_string()
    };
    format!("{}{ellipsis}", kept.trim_end())
}
