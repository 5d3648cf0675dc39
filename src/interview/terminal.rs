//! The interview on a real terminal: dialoguer prompts on standard error.
//!
//! Each screen is a header (step, question, key hints) that this module
//! draws, then a dialoguer prompt; once answered, both are cleared and a
//! one-line summary stays, so the screen holds a short transcript. Lists
//! longer than the terminal page; labels are cut to its width (dialoguer
//! counts the lines it must redraw, so no line may wrap).

use std::io;

use std::fmt;

use console::{Style, Term};
use dialoguer::theme::{ColorfulTheme, Theme};
use dialoguer::{Confirm, Input, MultiSelect, Select};

use crate::cli::ColorChoice;
use crate::error::{Error, Result};
use crate::text::{escape_control, wrap};

use super::prompt::{Ask, Keys, Prompter};

/// Lines a prompt needs besides its items: the prompt line and the line
/// the cursor rests on below the list.
const PROMPT_LINES: usize = 2;
/// Fewest items per page: dialoguer shows at least this many.
const MIN_PAGE: usize = 3;

pub struct Terminal {
    term: Term,
    theme: Look,
    /// Lines of each summary on screen, last answered last.
    summaries: Vec<usize>,
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
        Terminal {
            term: Term::stderr(),
            theme: Look(ColorfulTheme::default()),
            summaries: Vec::new(),
        }
    }

    /// (rows, columns), never too small to lay out.
    fn size(&self) -> (usize, usize) {
        let (rows, cols) = self.term.size();
        (usize::from(rows).max(8), usize::from(cols).max(30))
    }

    /// Writes a line of text that fits the width; returns the lines written.
    fn line(&self, text: &str, style: &Style) -> io::Result<usize> {
        let cols = self.size().1;
        let text = escape_control(text);
        let text = console::truncate_str(&text, cols - 1, "…");
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
        lines += self.line(&hints(ask, paged), &Style::new().for_stderr().dim())?;
        Ok(lines)
    }

    /// The header height a screen will take, to size the page of items.
    fn header_height(&self, ask: &Ask) -> usize {
        let cols = self.size().1;
        2 + ask
            .intro
            .iter()
            .map(|p| wrap(&escape_control(p), cols - 1, "").lines().count())
            .sum::<usize>()
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
                let title = cut(&title, width);
                match parts.next() {
                    Some(description) => {
                        let body = wrap(&escape_control(description), cols - 1, "    ");
                        let body: Vec<String> = body
                            .lines()
                            .map(|l| cut(l, cols - 1).into_owned())
                            .collect();
                        format!("{title}\n{}", body.join("\n"))
                    }
                    None => title.into_owned(),
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
                cut(&escape_control(&one_line), width).into_owned()
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

    fn multi_select(
        &mut self,
        ask: &Ask,
        items: &[String],
        checked: &[bool],
    ) -> Result<Option<Vec<usize>>> {
        let (items, page) = self.layout(ask, items, 3);
        let paged = items.len() > page;
        let ticked = |i: usize| checked.get(i).copied().unwrap_or(false);
        let items: Vec<(String, bool)> = items
            .into_iter()
            .enumerate()
            .map(|(i, item)| (item, ticked(i)))
            .collect();
        self.screen(ask, paged, |term, theme| {
            MultiSelect::with_theme(theme)
                .with_prompt(&ask.prompt)
                .report(false)
                .items_checked(items)
                .max_length(page)
                .interact_on_opt(term)
        })
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

    fn text(&mut self, ask: &Ask, default: &str) -> Result<String> {
        let default = default.to_string();
        self.screen(ask, false, |term, theme| {
            Input::<String>::with_theme(theme)
                .with_prompt(&ask.prompt)
                .report(false)
                .default(default)
                .interact_text_on(term)
        })
    }

    fn answered(&mut self, summary: &str) {
        let mark = Style::new().for_stderr().green().apply_to("✔");
        let cols = self.size().1;
        let text = escape_control(summary);
        let text = console::truncate_str(&text, cols.saturating_sub(3), "…");
        let dim = Style::new().for_stderr().dim();
        if self
            .term
            .write_line(&format!("{mark} {}", dim.apply_to(text)))
            .is_ok()
        {
            self.summaries.push(1);
        }
    }

    fn back(&mut self) {
        if let Some(lines) = self.summaries.pop() {
            let _ = self.term.clear_last_lines(lines);
        }
    }

    fn say(&mut self, message: &str) {
        let _ = self.paragraph(message, &Style::new().for_stderr());
    }
}

impl Terminal {
    /// A greeting before the first question.
    pub fn welcome(&mut self) -> Result<()> {
        let dim = Style::new().for_stderr().dim();
        self.paragraph(
            "rolefit: a few questions, then the roles that fit you best. \
             A few minutes; esc goes back, ctrl-c quits.",
            &Style::new().for_stderr().bold(),
        )
        .and_then(|_| {
            self.paragraph(
                "Results are for self-directed exploration, not hiring decisions.",
                &dim,
            )
        })
        .and_then(|_| self.term.write_line(""))
        .map_err(terminal_error)
    }

    /// A blank line on the terminal, between the questions and the result.
    pub fn gap(&mut self) {
        let _ = self.term.write_line("");
        self.summaries.clear();
    }
}

impl Drop for Terminal {
    /// Whatever happened, the cursor is visible again.
    fn drop(&mut self) {
        let _ = self.term.show_cursor();
    }
}

/// dialoguer's colourful theme, with a pointer on the current item of a
/// multi-select too: without colour, nothing else shows where it is.
pub struct Look(ColorfulTheme);

impl Theme for Look {
    fn format_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.0.format_prompt(f, prompt)
    }

    fn format_error(&self, f: &mut dyn fmt::Write, err: &str) -> fmt::Result {
        self.0.format_error(f, err)
    }

    fn format_confirm_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<bool>,
    ) -> fmt::Result {
        self.0.format_confirm_prompt(f, prompt, default)
    }

    fn format_confirm_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selection: Option<bool>,
    ) -> fmt::Result {
        self.0.format_confirm_prompt_selection(f, prompt, selection)
    }

    fn format_input_prompt(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        default: Option<&str>,
    ) -> fmt::Result {
        self.0.format_input_prompt(f, prompt, default)
    }

    fn format_input_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        self.0.format_input_prompt_selection(f, prompt, sel)
    }

    fn format_select_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.0.format_select_prompt(f, prompt)
    }

    fn format_select_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        sel: &str,
    ) -> fmt::Result {
        self.0.format_select_prompt_selection(f, prompt, sel)
    }

    fn format_multi_select_prompt(&self, f: &mut dyn fmt::Write, prompt: &str) -> fmt::Result {
        self.0.format_multi_select_prompt(f, prompt)
    }

    fn format_multi_select_prompt_selection(
        &self,
        f: &mut dyn fmt::Write,
        prompt: &str,
        selections: &[&str],
    ) -> fmt::Result {
        self.0
            .format_multi_select_prompt_selection(f, prompt, selections)
    }

    fn format_select_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        active: bool,
    ) -> fmt::Result {
        self.0.format_select_prompt_item(f, text, active)
    }

    fn format_multi_select_prompt_item(
        &self,
        f: &mut dyn fmt::Write,
        text: &str,
        checked: bool,
        active: bool,
    ) -> fmt::Result {
        let look = &self.0;
        let pointer = if active {
            &look.active_item_prefix
        } else {
            &look.inactive_item_prefix
        };
        let tick = if checked {
            &look.checked_item_prefix
        } else {
            &look.unchecked_item_prefix
        };
        let style = if active {
            &look.active_item_style
        } else {
            &look.inactive_item_style
        };
        write!(f, "{pointer} {tick} {}", style.apply_to(text))
    }
}

/// The key-hint line of a screen.
fn hints(ask: &Ask, paged: bool) -> String {
    let mut keys: Vec<&str> = match ask.keys {
        Keys::Select => vec!["↑↓ move", "enter choose"],
        Keys::MultiSelect => vec!["↑↓ move", "space tick", "enter confirm"],
        Keys::YesNo => vec!["y yes", "n no", "enter the answer shown"],
        Keys::Text => vec!["type a name", "enter confirm"],
    };
    if paged {
        keys.insert(1, "←→ page");
    }
    if matches!(ask.keys, Keys::Select | Keys::MultiSelect) {
        keys.push(if ask.esc_quits {
            "esc quit"
        } else {
            "esc back"
        });
    }
    keys.join(" · ")
}

/// Cuts text to `max` bytes (so to at most `max` columns), marking a cut
/// with an ellipsis. dialoguer measures items in bytes when it decides how
/// many lines to redraw, so bytes are the safe measure.
fn cut(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if text.len() <= max {
        return std::borrow::Cow::Borrowed(text);
    }
    let ellipsis = "…";
    let room = max.saturating_sub(ellipsis.len());
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if i + c.len_utf8() > room {
            break;
        }
        end = i + c.len_utf8();
    }
    std::borrow::Cow::Owned(format!("{}{ellipsis}", text[..end].trim_end()))
}

/// Ctrl-C arrives as an interrupted read (dialoguer reads keys in raw
/// mode); anything else the terminal does wrong is an I/O error.
fn terminal_error(e: io::Error) -> Error {
    if e.kind() == io::ErrorKind::Interrupted {
        Error::Interrupted
    } else {
        Error::io("<terminal>", e)
    }
}

/// Ctrl-C during the interview.
///
/// dialoguer hides the cursor while a list is shown and reads keys in raw
/// mode; on Ctrl-C, console restores the terminal mode and raises SIGINT,
/// whose default action would end the process with the cursor still
/// hidden. A Ctrl-C typed between two prompts is a SIGINT from the
/// terminal itself. Either way the handler shows the cursor and exits with
/// 130 at once: the interview writes nothing until its very end, so there
/// is nothing to clean up.
fn exit_130_on_ctrl_c() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        // Without a handler Ctrl-C still ends the interview, only with the
        // cursor hidden; not worth failing the interview over.
        let _ = ctrlc::set_handler(|| {
            let _ = std::io::Write::write_all(&mut std::io::stderr(), b"\x1b[?25h\n");
            std::process::exit(130);
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(keys: Keys, esc_quits: bool) -> Ask {
        Ask {
            header: "Step 1 of 2 · Path".into(),
            intro: vec![],
            prompt: "Path".into(),
            keys,
            esc_quits,
        }
    }

    #[test]
    fn cuts_by_bytes_and_marks_the_cut() {
        assert_eq!(cut("short", 10), "short");
        let long = cut("error budgets and SLOs", 12);
        assert!(long.len() <= 12, "{long}");
        assert!(long.ends_with('…'));
        let wide = cut("ééééééééé", 9);
        assert!(wide.len() <= 9 && wide.ends_with('…'), "{wide}");
        assert_eq!(cut("abc", 0), "…");
    }

    #[test]
    fn hints_name_the_keys_of_the_screen() {
        assert_eq!(
            hints(&ask(Keys::Select, true), false),
            "↑↓ move · enter choose · esc quit"
        );
        assert_eq!(
            hints(&ask(Keys::MultiSelect, false), true),
            "↑↓ move · ←→ page · space tick · enter confirm · esc back"
        );
        assert!(!hints(&ask(Keys::Text, false), false).contains("esc"));
        assert!(!hints(&ask(Keys::YesNo, false), false).contains("esc"));
    }

    #[test]
    fn an_interrupted_read_is_an_interruption() {
        let e = terminal_error(io::Error::new(
            io::ErrorKind::Interrupted,
            "read interrupted",
        ));
        assert!(matches!(e, Error::Interrupted));
        assert_eq!(e.exit_code(), 130);
        let other = terminal_error(io::Error::other("gone"));
        assert_eq!(other.exit_code(), 2);
    }
}
