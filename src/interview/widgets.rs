//! The interview's own prompts, as pure state machines: a key goes in, the
//! state changes, and the screen is drawn from the state as lines that fit
//! the width. [`super::terminal`] reads the keys and draws the lines.
//!
//! dialoguer's prompts cannot filter a list as one types, answer a scale
//! with a number key, or set several levels on one screen; these can.

use console::{Key, Style};

use crate::text::width as text_width;

use super::prompt::Choice;
use crate::text::escape_control;

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

/// The symbols drawn: Unicode when the terminal's locale is UTF-8, else ASCII.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    pub unicode: bool,
}

impl Glyphs {
    pub fn pointer(self) -> &'static str {
        if self.unicode { "❯" } else { ">" }
    }
    pub fn ticked(self) -> &'static str {
        if self.unicode { "✔" } else { "[x]" }
    }
    pub fn unticked(self) -> &'static str {
        if self.unicode { "⬚" } else { "[ ]" }
    }
    pub fn ellipsis(self) -> &'static str {
        if self.unicode { "…" } else { "..." }
    }
    pub fn up_down(self) -> &'static str {
        if self.unicode { "↑↓" } else { "up/down" }
    }
    pub fn left_right(self) -> &'static str {
        if self.unicode { "←→" } else { "left/right" }
    }
    pub fn separator(self) -> &'static str {
        if self.unicode { " · " } else { " | " }
    }
    /// The interview's own Unicode punctuation in `text`, in ASCII when
    /// the terminal cannot show it.
    pub fn plain(self, text: &str) -> String {
        if self.unicode {
            text.to_string()
        } else {
            text.replace(" · ", " - ").replace('…', "...")
        }
    }

    fn full(self) -> &'static str {
        if self.unicode { "●" } else { "#" }
    }
    fn empty(self) -> &'static str {
        if self.unicode { "○" } else { "-" }
    }
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

/// Whether the locale says the terminal takes UTF-8: the first of
/// `LC_ALL`, `LC_CTYPE` and `LANG` that is set decides.
pub fn locale_is_utf8(var: impl Fn(&str) -> Option<String>) -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))
        .is_some_and(|value| {
            let value = value.to_ascii_lowercase();
            value.contains("utf-8") || value.contains("utf8")
        })
}

/// Cuts `text` to at most `width` display columns, never inside a
/// character, marking a cut with the locale's ellipsis.
pub fn fit(text: &str, width: usize, glyphs: Glyphs) -> String {
    crate::text::fit(text, width, glyphs.ellipsis())
}

/// Pads `text` with spaces to `width` display columns (cutting it first
/// when longer).
fn pad(text: &str, width: usize, glyphs: Glyphs) -> String {
    crate::text::pad(&fit(text, width, glyphs), width)
}

/// Keeps the cursor on the page: the first row shown after a move.
fn scrolled(top: usize, cursor: usize, page: usize) -> usize {
    let page = page.max(1);
    if cursor < top {
        cursor
    } else if cursor >= top + page {
        cursor + 1 - page
    } else {
        top
    }
}

/// A list to tick, narrowed by what is typed.
///
/// Letters and digits go to the filter, Backspace takes the last one
/// back, space ticks the item under the cursor, Enter confirms every item
/// ticked (also those the filter hides), Esc clears the filter or, with
/// none, goes back.
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
        }
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
        self.shown = (0..self.items.len())
            .filter(|&i| self.items[i].matches(&self.filter))
            .collect();
        // Stay on the same item when it is still shown.
        self.cursor = current
            .and_then(|c| self.shown.iter().position(|&i| i == c))
            .unwrap_or(0);
        self.top = 0;
    }

    pub fn key(&mut self, key: &Key, page: usize) -> Flow {
        let last = self.shown.len().saturating_sub(1);
        match key {
            Key::Enter => return Flow::Done,
            Key::Escape if self.filter.is_empty() => return Flow::Back,
            Key::Escape => {
                self.filter.clear();
                self.refilter();
            }
            Key::Char(' ') => {
                if let Some(&item) = self.shown.get(self.cursor) {
                    self.ticked[item] = !self.ticked[item];
                }
            }
            Key::Char(c) if !c.is_control() => {
                self.filter.push(*c);
                self.refilter();
            }
            Key::Backspace if self.filter.pop().is_some() => self.refilter(),
            Key::ArrowDown | Key::Tab => {
                self.cursor = if self.cursor >= last {
                    0
                } else {
                    self.cursor + 1
                }
            }
            Key::ArrowUp | Key::BackTab => {
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
        let status = format!(
            "{prompt}{sep}{filter}{sep}{} of {} shown{sep}{ticked} ticked",
            self.shown.len(),
            self.items.len(),
            sep = glyphs.separator()
        );
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
        let tick_width = text_width(glyphs.ticked()).max(text_width(glyphs.unticked()));
        let lead = text_width(glyphs.pointer()) + 1 + tick_width + 1;
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
            let line = format!("{pointer} {tick} {text}{}", dim.apply_to(description));
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
                for line in crate::text::wrap(&about, width, "  ").lines().take(2) {
                    lines.push(dim.apply_to(fit(line, width, glyphs)).to_string());
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
        let mut lines = vec![
            Style::new()
                .for_stderr()
                .bold()
                .apply_to(fit(prompt, width, glyphs))
                .to_string(),
        ];
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
        let mut lines = vec![
            Style::new()
                .for_stderr()
                .bold()
                .apply_to(fit(prompt, width, glyphs))
                .to_string(),
        ];
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

#[cfg(test)]
mod tests {
    use super::*;

    fn choices() -> Vec<Choice> {
        [
            (
                "error budgets and SLOs",
                "Support",
                "How much failure a service may spend",
                "SLO",
            ),
            (
                "incident command",
                "Support",
                "Leading the response to an outage",
                "",
            ),
            (
                "crash and ANR triage",
                "Engineering",
                "Sorting app crashes and freezes",
                "ANR",
            ),
            (
                "threat modeling",
                "Security",
                "Finding how a system could be attacked",
                "",
            ),
        ]
        .iter()
        .map(|&(name, note, description, alias)| Choice {
            name: name.into(),
            note: note.into(),
            description: description.into(),
            more: String::new(),
            aliases: if alias.is_empty() {
                vec![]
            } else {
                vec![alias.into()]
            },
        })
        .collect()
    }

    fn keys(list: &mut TickList<'_>, text: &str) {
        for c in text.chars() {
            list.key(&Key::Char(c), 10);
        }
    }

    #[test]
    fn typing_narrows_and_backspace_widens() {
        let items = choices();
        let mut list = TickList::new(&items, &[]);
        assert_eq!(list.shown().len(), 4);
        keys(&mut list, "cra");
        assert_eq!(list.shown(), [2]);
        // An alias and a description find items too.
        list.key(&Key::Escape, 10);
        assert_eq!(list.shown().len(), 4, "esc clears the filter");
        keys(&mut list, "slo");
        assert_eq!(list.shown(), [0]);
        list.key(&Key::Escape, 10);
        keys(&mut list, "outage");
        assert_eq!(list.shown(), [1]);
        for _ in 0..6 {
            list.key(&Key::Backspace, 10);
        }
        assert_eq!(list.shown().len(), 4);
        assert_eq!(
            list.key(&Key::Escape, 10),
            Flow::Back,
            "esc with no filter goes back"
        );
    }

    #[test]
    fn letters_never_tick_and_ticks_survive_the_filter() {
        let items = choices();
        let mut list = TickList::new(&items, &[false, true]);
        keys(&mut list, "a");
        assert_eq!(list.picked(), [1], "letters only filter");
        keys(&mut list, "nr");
        assert_eq!(list.shown(), [2]);
        list.key(&Key::Char(' '), 10);
        // Esc clears the filter and stays on the item.
        list.key(&Key::Escape, 10);
        list.key(&Key::ArrowDown, 10);
        list.key(&Key::Char(' '), 10);
        assert_eq!(list.picked(), [1, 2, 3]);
        assert_eq!(list.key(&Key::Enter, 10), Flow::Done);
    }

    #[test]
    fn lines_fit_the_width_and_say_what_is_typed() {
        let items = choices();
        let mut list = TickList::new(&items, &[true]);
        keys(&mut list, "e");
        for unicode in [true, false] {
            let glyphs = Glyphs { unicode };
            for width in [30, 59, 80] {
                let lines = list.lines("Your strengths", width, 2, glyphs);
                for line in &lines {
                    assert!(text_width(line) <= width, "{width}: {line:?}");
                }
                let text = console::strip_ansi_codes(&lines.join("\n")).into_owned();
                assert!(text.contains("filter: e_"), "{text}");
                if width >= 59 {
                    assert!(text.contains("1 ticked"), "{text}");
                }
                assert_eq!(text.is_ascii(), !unicode, "{text}");
            }
        }
        let wide = console::strip_ansi_codes(
            &list
                .lines("S", 100, 10, Glyphs { unicode: true })
                .join("\n"),
        )
        .into_owned();
        assert!(
            wide.contains("How much failure a service may spend"),
            "{wide}"
        );
        keys(&mut list, "zzz");
        let none = list.lines("S", 80, 10, Glyphs { unicode: true }).join("\n");
        assert!(none.contains("nothing matches"), "{none}");
    }

    #[test]
    fn a_name_cut_in_its_row_is_shown_whole_under_the_list() {
        let items = vec![Choice {
            name: "active directory and identity operations".into(),
            note: "Support".into(),
            ..Choice::default()
        }];
        let list = TickList::new(&items, &[]);
        let glyphs = Glyphs { unicode: false };
        let narrow = list.lines("S", 40, 5, glyphs).join("\n");
        let narrow = console::strip_ansi_codes(&narrow);
        assert!(
            narrow.contains("> [ ] active director...  Support"),
            "{narrow}"
        );
        assert!(
            narrow.contains("\n  active directory and identity\n  operations"),
            "{narrow}"
        );
        let wide = list.lines("S", 100, 5, glyphs).join("\n");
        assert_eq!(wide.matches("active directory").count(), 1, "{wide}");
    }

    #[test]
    fn number_keys_answer_a_scale() {
        let items: Vec<String> = (1..=5).map(|n| n.to_string()).collect();
        let mut scale = Scale::new(&items, 2);
        assert_eq!(scale.key(&Key::Char('x')), Flow::Stay);
        assert_eq!(scale.key(&Key::Char('9')), Flow::Stay);
        assert_eq!(scale.key(&Key::Char('4')), Flow::Done);
        assert_eq!(scale.cursor, 3);
        let mut scale = Scale::new(&items, 2);
        scale.key(&Key::ArrowUp);
        assert_eq!(scale.key(&Key::Enter), Flow::Done);
        assert_eq!(scale.cursor, 1);
    }

    #[test]
    fn levels_are_set_row_by_row_on_one_screen() {
        let rows: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        let scale: Vec<String> = (1..=5).map(|n| format!("level{n}: meaning")).collect();
        let mut levels = Levels::new(&rows, &[3, 3, 3], &scale);
        levels.key(&Key::Char('4'), 10);
        levels.key(&Key::Char('2'), 10);
        levels.key(&Key::ArrowRight, 10);
        levels.key(&Key::ArrowRight, 10);
        levels.key(&Key::ArrowRight, 10);
        assert_eq!(levels.levels, [4, 2, 5], "capped at the top of the scale");
        levels.key(&Key::ArrowUp, 10);
        levels.key(&Key::ArrowLeft, 10);
        assert_eq!(levels.levels, [4, 1, 5]);
        assert_eq!(levels.key(&Key::Enter, 10), Flow::Done);
        let text = console::strip_ansi_codes(
            &levels
                .lines("Levels", 40, 10, Glyphs { unicode: false })
                .join("\n"),
        )
        .into_owned();
        assert!(text.contains("a  ####- 4 level4"), "{text}");
        assert!(text.contains("1 = level1: meaning"), "{text}");
    }

    #[test]
    fn text_takes_typing_and_esc() {
        let mut input = TextInput::new("ab");
        input.key(&Key::Backspace);
        input.key(&Key::Char('x'));
        assert_eq!(input.text, "ax");
        assert_eq!(input.key(&Key::Escape), Flow::Back);
        assert_eq!(input.key(&Key::Enter), Flow::Done);
    }

    #[test]
    fn fits_by_display_width_never_inside_a_character() {
        let glyphs = Glyphs { unicode: true };
        assert_eq!(fit("short", 10, glyphs), "short");
        assert_eq!(fit("error budgets", 8, glyphs), "error b…");
        let wide = fit("日本語のタグ", 7, glyphs);
        assert!(text_width(&wide) <= 7, "{wide}");
        assert!(wide.ends_with('…'));
        assert_eq!(fit("abcdef", 5, Glyphs { unicode: false }), "ab...");
    }

    #[test]
    fn esc_glued_to_the_next_key_is_two_keys() {
        assert_eq!(
            split_escape(Key::UnknownEscSeq(vec!['\r'])),
            [Key::Escape, Key::Enter]
        );
        assert_eq!(
            split_escape(Key::UnknownEscSeq(vec!['p'])),
            [Key::Escape, Key::Char('p')]
        );
        assert_eq!(split_escape(Key::ArrowUp), [Key::ArrowUp]);
        assert_eq!(
            split_escape(Key::UnknownEscSeq(vec!['[', '9'])),
            [Key::UnknownEscSeq(vec!['[', '9'])]
        );
    }

    #[test]
    fn the_locale_decides_the_glyphs() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert!(locale_is_utf8(env(&[("LANG", "en_US.UTF-8")])));
        assert!(locale_is_utf8(env(&[
            ("LC_CTYPE", "C.utf8"),
            ("LANG", "C")
        ])));
        assert!(!locale_is_utf8(env(&[
            ("LC_ALL", "C"),
            ("LANG", "en_US.UTF-8")
        ])));
        assert!(!locale_is_utf8(env(&[("LANG", "C")])));
        assert!(!locale_is_utf8(env(&[])));
        assert!(locale_is_utf8(env(&[
            ("LC_ALL", ""),
            ("LANG", "de_DE.UTF-8")
        ])));
    }
}
