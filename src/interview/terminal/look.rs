//! How the prompts look: dialoguer's theme in the interview's colours and
//! glyphs, the key-hint line, and lines cut to fit.

use std::fmt;

use console::Style;
use dialoguer::theme::{ColorfulTheme, Theme};

use crate::interview::prompt::{Ask, Keys};
use crate::interview::widgets::Glyphs;

/// dialoguer's colourful theme, with a pointer on the current item of a
/// multi-select too: without colour, nothing else shows where it is.
pub struct Look(ColorfulTheme);

impl Look {
    /// dialoguer's colourful theme; with ASCII glyphs when the locale is not UTF-8.
    pub(super) fn new(glyphs: Glyphs) -> Look {
        let mut look = ColorfulTheme::default();
        if !glyphs.unicode {
            let ascii = |text: &str, style: Style| style.for_stderr().apply_to(text.to_string());
            look.prompt_prefix = ascii("?", Style::new().yellow());
            look.prompt_suffix = ascii(">", Style::new().black().bright());
            look.success_prefix = ascii("*", Style::new().green());
            look.success_suffix = ascii("-", Style::new().black().bright());
            look.error_prefix = ascii("!", Style::new().red());
            look.active_item_prefix = ascii(">", Style::new().green());
            look.checked_item_prefix = ascii("[x]", Style::new().green());
            look.unchecked_item_prefix = ascii("[ ]", Style::new().black());
            look.picked_item_prefix = ascii(">", Style::new().green());
        }
        Look(look)
    }
}

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
pub(super) fn hints(ask: &Ask, paged: bool, glyphs: Glyphs) -> String {
    let move_keys = format!("{} move", glyphs.up_down());
    let page_keys = format!("{} page", glyphs.left_right());
    let level_keys = format!("{} or 1-5 level", glyphs.left_right());
    let mut keys: Vec<&str> = match ask.keys {
        Keys::Select => vec![&move_keys, "enter choose"],
        Keys::Scale => vec!["1-5 answer", &move_keys, "enter choose"],
        Keys::MultiSelect => vec!["type to filter", &move_keys, "tab tick", "enter confirm"],
        Keys::Search => vec!["type to filter", &move_keys, "enter choose"],
        Keys::Levels => vec![&move_keys, &level_keys, "enter confirm"],
        Keys::YesNo => vec!["y yes", "n no", "enter the answer shown"],
        Keys::Text => vec!["type", "enter confirm"],
    };
    if paged && ask.keys == Keys::Select {
        keys.insert(1, &page_keys);
    }
    if ask.keys != Keys::YesNo {
        keys.push(if ask.esc_quits {
            "esc quit"
        } else {
            "esc back"
        });
    }
    keys.join(glyphs.separator())
}

/// The key hints packed into lines of at most `width` columns, breaking
/// only between two hints, never inside one ("esc" and "back" stay
/// together).
pub(super) fn hint_lines(ask: &Ask, paged: bool, glyphs: Glyphs, width: usize) -> Vec<String> {
    let joined = hints(ask, paged, glyphs);
    let separator = glyphs.separator();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for hint in joined.split(separator) {
        let wide =
            crate::text::width(&line) + crate::text::width(separator) + crate::text::width(hint);
        if !line.is_empty() && wide > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push_str(separator);
        }
        line.push_str(hint);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Cuts text to `max` bytes (so to at most `max` columns), marking a cut
/// with an ellipsis. dialoguer measures items in bytes when it decides how
/// many lines to redraw, so bytes are the safe measure.
pub(super) fn cut(text: &str, max: usize, glyphs: Glyphs) -> std::borrow::Cow<'_, str> {
    if text.len() <= max {
        return std::borrow::Cow::Borrowed(text);
    }
    let ellipsis = glyphs.ellipsis();
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
