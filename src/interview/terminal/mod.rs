//! The interview on a real terminal, on standard error: each screen's
//! header drawn and cleared, the prompts run, the keys read.
//!
//! Each screen is a header (step, question, key hints) that this module
//! draws, then a prompt: dialoguer's for the path and yes/no questions,
//! the [`super::widgets`] for lists to tick, scales, levels and text.
//! Once answered, both are cleared and the short progress lines stay.
//! Every line is cut to the width: the lines drawn are counted to clear
//! them, so none may wrap.

mod leaving;
mod look;
#[cfg(test)]
mod tests;

use std::io;

use console::{Key, Style, Term};
use dialoguer::{Confirm, Select};

use crate::error::{Error, Result};
use crate::output::ColorChoice;
use crate::text::{escape_control, wrap};

use leaving::{
    exit_130_on_ctrl_c, has_left, leave_on_a_fresh_line, quiet, terminal_error, unsaved_on_leaving,
};
use look::{Look, cut, hint_lines};

use super::prompt::{Ask, Choice, Picked, Prompter};
use super::widgets::{Flow, Glyphs, Levels, Scale, TextInput, TickList, fit, locale_is_utf8};

/// Lines a prompt needs besides its items: the prompt line and the line
/// the cursor rests on below the list.
const PROMPT_LINES: usize = 2;
/// Fewest items per page: dialoguer shows at least this many.
const MIN_PAGE: usize = 3;

/// Lines a tick list draws besides its items: the status line, the line
/// for items off the page, and two of description and one of roles.
const LIST_LINES: usize = 5;
/// Lines the levels screen draws besides its rows.
const LEVEL_LINES: usize = 3;

pub struct Terminal {
    term: Term,
    theme: Look,
    glyphs: Glyphs,
    /// Keys typed while a screen is drawn are neither echoed nor held
    /// back for a whole line.
    _quiet: quiet::Quiet,
    /// Lines above the current screen that the next progress replaces:
    /// the welcome, then the progress lines.
    progress: usize,
}

impl Terminal {
    /// Takes over standard error for the interview; Ctrl-C from now on
    /// shows the cursor again and exits with 130.
    pub fn new(color: ColorChoice) -> Terminal {
        match color {
            ColorChoice::Always => console::set_colors_enabled_stderr(true),
            ColorChoice::Never => console::set_colors_enabled_stderr(false),
            ColorChoice::Auto => {}
        }
        exit_130_on_ctrl_c();
        let glyphs = Glyphs {
            unicode: locale_is_utf8(|name| std::env::var(name).ok()),
        };
        Terminal {
            term: Term::stderr(),
            theme: Look::new(glyphs),
            glyphs,
            _quiet: quiet::Quiet::new(),
            progress: 0,
        }
    }

    /// Whether the locale lets the interview draw Unicode symbols.
    pub fn unicode(&self) -> bool {
        self.glyphs.unicode
    }

    /// (rows, columns), never too small to lay out.
    fn size(&self) -> (usize, usize) {
        let (rows, cols) = self.term.size();
        (usize::from(rows).max(8), usize::from(cols).max(30))
    }

    /// Writes a line of text that fits the width; returns the lines written.
    fn line(&self, text: &str, style: &Style) -> io::Result<usize> {
        let cols = self.size().1;
        let text = self.glyphs.plain(&escape_control(text));
        let text = fit(&text, cols - 1, self.glyphs);
        self.term.write_line(&style.apply_to(text).to_string())?;
        Ok(1)
    }

    /// Writes wrapped paragraphs; returns the lines written.
    fn paragraph(&self, text: &str, style: &Style) -> io::Result<usize> {
        let cols = self.size().1;
        let mut lines = 0;
        for line in wrap(&escape_control(text), cols - 1, "").lines() {
            lines += self.line(line, style)?;
        }
        Ok(lines)
    }

    /// Draws a screen's header; returns the lines it took.
    fn header(&self, ask: &Ask, paged: bool) -> io::Result<usize> {
        let mut lines = 0;
        lines += self.line(&ask.header, &Style::new().for_stderr().bold().cyan())?;
        for paragraph in &ask.intro {
            lines += self.paragraph(paragraph, &Style::new().for_stderr())?;
        }
        let cols = self.size().1;
        for hint in hint_lines(ask, paged, self.glyphs, cols - 1) {
            lines += self.line(&hint, &Style::new().for_stderr().dim())?;
        }
        Ok(lines)
    }

    /// The header height a screen will take, to size the page of items.
    fn header_height(&self, ask: &Ask) -> usize {
        let cols = self.size().1;
        let lines = |text: &str| wrap(&escape_control(text), cols - 1, "").lines().count();
        // The hints with paging, the longest they can be.
        1 + hint_lines(ask, true, self.glyphs, cols - 1).len()
            + ask.intro.iter().map(|p| lines(p)).sum::<usize>()
    }

    /// Items laid out for the width, and the page length for the height.
    /// An item "title\ndescription" shows its description wrapped under the
    /// title when all of them fit on the screen, else cut to one line.
    fn layout(&self, ask: &Ask, items: &[String], marker: usize) -> (Vec<String>, usize) {
        let (rows, cols) = self.size();
        let page = rows
            .saturating_sub(self.header_height(ask) + PROMPT_LINES)
            .max(MIN_PAGE);
        // dialoguer puts a marker and a space before each item.
        let width = cols.saturating_sub(marker + 2);
        let tall: Vec<String> = items
            .iter()
            .map(|item| {
                let mut parts = item.splitn(2, '\n');
                let title = escape_control(parts.next().unwrap_or(""));
                let title = cut(&title, width, self.glyphs).into_owned();
                match parts.next() {
                    Some(description) => {
                        let body = wrap(&escape_control(description), cols - 1, "    ");
                        let body: Vec<String> = body
                            .lines()
                            .map(|l| cut(l, cols - 1, self.glyphs).into_owned())
                            .collect();
                        format!("{title}\n{}", body.join("\n"))
                    }
                    None => title,
                }
            })
            .collect();
        let lines: usize = tall.iter().map(|i| i.lines().count()).sum();
        if lines <= page {
            return (tall, page);
        }
        let flat = items
            .iter()
            .map(|item| {
                let one_line = item.replacen('\n', ": ", 1);
                cut(&escape_control(&one_line), width, self.glyphs).into_owned()
            })
            .collect();
        (flat, page)
    }

    /// Runs one prompt between its header and its clean-up.
    fn screen<T>(
        &mut self,
        ask: &Ask,
        paged: bool,
        prompt: impl FnOnce(&Term, &Look) -> dialoguer::Result<T>,
    ) -> Result<T> {
        let lines = self.header(ask, paged).map_err(terminal_error)?;
        let answer = prompt(&self.term, &self.theme).map_err(|e| match e {
            dialoguer::Error::IO(e) => terminal_error(e),
        })?;
        self.term.clear_last_lines(lines).map_err(terminal_error)?;
        Ok(answer)
    }

    /// Runs one of the interview's own prompts: draws the header and the
    /// prompt's lines, reads a key, and redraws until the key ends it.
    /// `draw` gets the width and the rows left for the prompt.
    fn own_screen(
        &mut self,
        ask: &Ask,
        mut draw: impl FnMut(usize, usize) -> Vec<String>,
        mut key: impl FnMut(&Key, usize) -> Flow,
        paged: impl Fn(usize) -> bool,
    ) -> Result<Flow> {
        let _ = self.term.hide_cursor();
        loop {
            let (rows, cols) = self.size();
            // The lines above stay on screen: nothing may scroll.
            let room = rows.saturating_sub(self.progress + self.header_height(ask) + 1);
            let mut drawn = self.header(ask, paged(room)).map_err(terminal_error)?;
            for line in draw(cols - 1, room) {
                self.term.write_line(&line).map_err(terminal_error)?;
                drawn += 1;
            }
            let pressed = self.term.read_key();
            self.term.clear_last_lines(drawn).map_err(terminal_error)?;
            let pressed = match pressed {
                Ok(Key::CtrlC) => {
                    leave_on_a_fresh_line();
                    return Err(Error::Interrupted);
                }
                Ok(pressed) => pressed,
                Err(e) => return Err(terminal_error(e)),
            };
            for pressed in super::widgets::split_escape(pressed) {
                match key(&pressed, room) {
                    Flow::Stay => {}
                    done => {
                        let _ = self.term.show_cursor();
                        return Ok(done);
                    }
                }
            }
        }
    }
}

impl Terminal {
    /// Runs a list screen (to tick, or to pick one from) to its end.
    fn list_screen<'a>(&mut self, ask: &Ask, list: TickList<'a>) -> Result<(Flow, TickList<'a>)> {
        let glyphs = self.glyphs;
        let page = |room: usize| room.saturating_sub(LIST_LINES).max(MIN_PAGE);
        let items = list.len();
        let list = std::cell::RefCell::new(list);
        let flow = self.own_screen(
            ask,
            |width, room| list.borrow().lines(&ask.prompt, width, page(room), glyphs),
            |key, room| list.borrow_mut().key(key, page(room)),
            |room| items > page(room),
        )?;
        Ok((flow, list.into_inner()))
    }
}

impl Prompter for Terminal {
    fn select(&mut self, ask: &Ask, items: &[String], default: usize) -> Result<Option<usize>> {
        let (items, page) = self.layout(ask, items, 1);
        let paged = items.len() > page;
        let default = default.min(items.len().saturating_sub(1));
        self.screen(ask, paged, |term, theme| {
            Select::with_theme(theme)
                .with_prompt(&ask.prompt)
                .report(false)
                .items(&items)
                .default(default)
                .max_length(page)
                .interact_on_opt(term)
        })
    }

    fn multi_select(&mut self, ask: &Ask, items: &[Choice], checked: &[bool]) -> Result<Picked> {
        let (flow, list) = self.list_screen(ask, TickList::new(items, checked))?;
        let picked = list.picked();
        Ok(match flow {
            Flow::Back => Picked::Back(picked),
            _ => Picked::Confirmed(picked),
        })
    }

    fn search(&mut self, ask: &Ask, items: &[Choice], default: usize) -> Result<Option<usize>> {
        let (flow, list) = self.list_screen(ask, TickList::single(items, default))?;
        Ok(match flow {
            Flow::Done => list.current(),
            _ => None,
        })
    }

    fn likert(&mut self, ask: &Ask, default: u8) -> Result<Option<u8>> {
        let items: Vec<String> = super::prompt::LIKERT
            .iter()
            .map(|s| s.to_string())
            .collect();
        let glyphs = self.glyphs;
        let scale =
            std::cell::RefCell::new(Scale::new(&items, usize::from(default.clamp(1, 5) - 1)));
        let flow = self.own_screen(
            ask,
            |width, _| scale.borrow().lines(&ask.prompt, width, glyphs),
            |key, _| scale.borrow_mut().key(key),
            |_| false,
        )?;
        let answer = scale.borrow().cursor as u8 + 1;
        Ok((flow == Flow::Done).then_some(answer))
    }

    fn levels(
        &mut self,
        ask: &Ask,
        rows: &[String],
        levels: &[u8],
        scale: &[String],
    ) -> Result<Option<Vec<u8>>> {
        let glyphs = self.glyphs;
        let page = |room: usize| room.saturating_sub(LEVEL_LINES).max(MIN_PAGE);
        let screen = std::cell::RefCell::new(Levels::new(rows, levels, scale));
        let flow = self.own_screen(
            ask,
            |width, room| {
                screen
                    .borrow()
                    .lines(&ask.prompt, width, page(room), glyphs)
            },
            |key, room| screen.borrow_mut().key(key, page(room)),
            |_| false,
        )?;
        let levels = screen.borrow().levels.clone();
        Ok((flow == Flow::Done).then_some(levels))
    }

    fn confirm(&mut self, ask: &Ask, default: bool) -> Result<Option<bool>> {
        self.screen(ask, false, |term, theme| {
            Confirm::with_theme(theme)
                .with_prompt(&ask.prompt)
                .report(false)
                .default(default)
                .interact_on_opt(term)
        })
    }

    fn text(&mut self, ask: &Ask, default: &str) -> Result<Option<String>> {
        let glyphs = self.glyphs;
        let input = std::cell::RefCell::new(TextInput::new(default));
        let flow = self.own_screen(
            ask,
            |width, _| input.borrow().lines(&ask.prompt, width, glyphs),
            |key, _| input.borrow_mut().key(key),
            |_| false,
        )?;
        let text = input.borrow().text.clone();
        Ok((flow == Flow::Done).then_some(text))
    }

    fn progress(&mut self, lines: &[String]) {
        let _ = self.term.clear_last_lines(self.progress);
        self.progress = 0;
        let cols = self.size().1;
        let mark = Style::new()
            .for_stderr()
            .green()
            .apply_to(if self.glyphs.unicode { "✔" } else { "*" });
        let dim = Style::new().for_stderr().dim();
        for line in lines {
            let text = self.glyphs.plain(&escape_control(line));
            let text = fit(&text, cols.saturating_sub(3), self.glyphs);
            if self
                .term
                .write_line(&format!("{mark} {}", dim.apply_to(text)))
                .is_ok()
            {
                self.progress += 1;
            }
        }
    }

    /// The message stays until the next progress lines replace it.
    fn say(&mut self, message: &str) {
        if let Ok(lines) = self.paragraph(message, &Style::new().for_stderr()) {
            self.progress += lines;
        }
    }
}

impl Terminal {
    /// Says what Ctrl-C would lose from now on ("nothing was saved" until
    /// the interview has ended).
    pub fn unsaved_on_leaving(&self, what: String) {
        unsaved_on_leaving(what);
    }

    /// A greeting before the first question.
    pub fn welcome(&mut self) -> Result<()> {
        let dim = Style::new().for_stderr().dim();
        let lines = self
            .paragraph(
                "rolefit: a few questions, then the roles that fit you best. \
                 A few minutes; esc goes back, ctrl-c quits.",
                &Style::new().for_stderr().bold(),
            )
            .and_then(|first| {
                self.paragraph(
                    "Results are for self-directed exploration, not hiring decisions.",
                    &dim,
                )
                .map(|second| first + second)
            })
            .and_then(|lines| self.term.write_line("").map(|()| lines + 1))
            .map_err(terminal_error)?;
        // The welcome goes with the first answer, to leave the lists room.
        self.progress = lines;
        Ok(())
    }

    /// The questions are over: their progress lines go, so the result
    /// has the screen.
    pub fn done_asking(&mut self) {
        let _ = self.term.clear_last_lines(self.progress);
        self.progress = 0;
    }
}

impl Drop for Terminal {
    /// Whatever happened, the cursor is visible again.
    fn drop(&mut self) {
        // After Ctrl-C the cursor is shown already, and a fresh line begun.
        if !has_left() {
            let _ = self.term.show_cursor();
        }
    }
}
