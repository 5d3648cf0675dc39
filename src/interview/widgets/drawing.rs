//! What the widgets draw with: Unicode or ASCII symbols as the locale
//! allows, and lines fitted, padded and scrolled to the screen.

/// The symbols drawn: Unicode when the terminal's locale is UTF-8, else ASCII.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    pub unicode: bool,
}

impl Glyphs {
    /// The Unicode symbol, or its ASCII stand-in.
    fn either(self, unicode: &'static str, ascii: &'static str) -> &'static str {
        if self.unicode { unicode } else { ascii }
    }

    pub fn pointer(self) -> &'static str {
        self.either("❯", ">")
    }
    pub fn ticked(self) -> &'static str {
        self.either("✔", "[x]")
    }
    pub fn unticked(self) -> &'static str {
        self.either("⬚", "[ ]")
    }
    pub fn ellipsis(self) -> &'static str {
        self.either("…", "...")
    }
    pub fn up_down(self) -> &'static str {
        self.either("↑↓", "up/down")
    }
    pub fn left_right(self) -> &'static str {
        self.either("←→", "left/right")
    }
    pub fn separator(self) -> &'static str {
        self.either(" · ", " | ")
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

    pub(super) fn full(self) -> &'static str {
        self.either("●", "#")
    }
    pub(super) fn empty(self) -> &'static str {
        self.either("○", "-")
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

/// The prompt above a scale or the levels: bold, cut to the width.
pub(super) fn prompt_line(prompt: &str, width: usize, glyphs: Glyphs) -> String {
    console::Style::new()
        .for_stderr()
        .bold()
        .apply_to(fit(prompt, width, glyphs))
        .to_string()
}

/// Pads `text` with spaces to `width` display columns (cutting it first
/// when longer).
pub(super) fn pad(text: &str, width: usize, glyphs: Glyphs) -> String {
    crate::text::pad(&fit(text, width, glyphs), width)
}

/// Keeps the cursor on the page: the first row shown after a move.
pub(super) fn scrolled(top: usize, cursor: usize, page: usize) -> usize {
    let page = page.max(1);
    if cursor < top {
        cursor
    } else if cursor >= top + page {
        cursor + 1 - page
    } else {
        top
    }
}
