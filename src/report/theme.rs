//! How human-readable output looks: colour or none, Unicode or ASCII, the
//! width to fit, and the styled text, bars and check marks drawn with it.

/// How human-readable output looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// ANSI colours and bold.
    pub color: bool,
    /// Box drawing, block bars and ✓/✗; plain ASCII otherwise.
    pub unicode: bool,
    /// Columns to fit in.
    pub width: usize,
}

impl Theme {
    /// What snapshot tests and pipes get: no colour, ASCII, 80 columns.
    pub const PLAIN: Theme = Theme {
        color: false,
        unicode: false,
        width: 80,
    };

    pub fn bold(&self, text: &str) -> String {
        self.styled(text, console::Style::new().bold())
    }

    pub fn dim(&self, text: &str) -> String {
        self.styled(text, console::Style::new().dim())
    }

    pub fn styled(&self, text: &str, style: console::Style) -> String {
        style.force_styling(self.color).apply_to(text).to_string()
    }

    /// A bar of `cells` character cells filled to `fraction` (0–1).
    pub fn bar(&self, fraction: f64, cells: usize) -> String {
        let fraction = if fraction.is_finite() {
            fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        if !self.unicode {
            let filled = (fraction * cells as f64).round() as usize;
            return format!("{}{}", "#".repeat(filled), ".".repeat(cells - filled));
        }
        const PARTIAL: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
        let eighths = (fraction * cells as f64 * 8.0).round() as usize;
        let mut bar = "█".repeat(eighths / 8);
        if !eighths.is_multiple_of(8) {
            bar.push(PARTIAL[eighths % 8]);
        }
        // A light track shows the scale, so an empty bar does not look missing.
        let used = bar.chars().count();
        bar.extend(std::iter::repeat_n('░', cells.saturating_sub(used)));
        bar
    }

    /// Between the parts of a title (`Ranking for kim · full path`).
    pub fn separator(&self) -> &'static str {
        if self.unicode { "·" } else { "-" }
    }

    pub fn check(&self, matched: bool) -> &'static str {
        match (self.unicode, matched) {
            (true, true) => "✓",
            (true, false) => "✗",
            (false, true) => "[x]",
            (false, false) => "[ ]",
        }
    }
}
