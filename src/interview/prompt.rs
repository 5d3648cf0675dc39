//! The prompting seam: what the interview asks, independent of how.
//!
//! [`Prompter`] is implemented by the terminal (dialoguer, on standard
//! error) and, in tests, by a scripted fake. `None` from a prompt means the
//! person pressed Esc: go back a step.

use crate::error::Result;

/// What a key does on this screen, for the hint line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// Pick one: ↑↓ move, enter confirm.
    Select,
    /// Pick any: ↑↓ move, space select, enter confirm.
    MultiSelect,
    /// y or n.
    YesNo,
    /// Type, then enter.
    Text,
}

/// One screen of the interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    /// "Step 3 of 5 · Strengths", or a plain title off the step count.
    pub header: String,
    /// Paragraphs shown above the prompt (wrapped by the prompter).
    pub intro: Vec<String>,
    /// The short prompt itself.
    pub prompt: String,
    pub keys: Keys,
    /// Esc leaves the interview here (the first question) instead of going back.
    pub esc_quits: bool,
}

/// The five answers of a Likert item, 1 to 5.
pub const LIKERT: [&str; 5] = [
    "1  Strongly disagree",
    "2  Disagree",
    "3  Neither agree nor disagree",
    "4  Agree",
    "5  Strongly agree",
];

/// How the interview asks its questions.
pub trait Prompter {
    /// One item of `items`, starting on `default`; `None`: Esc.
    fn select(&mut self, ask: &Ask, items: &[String], default: usize) -> Result<Option<usize>>;

    /// Any items of `items`, `checked` ticked to begin with; `None`: Esc.
    fn multi_select(
        &mut self,
        ask: &Ask,
        items: &[String],
        checked: &[bool],
    ) -> Result<Option<Vec<usize>>>;

    /// A Likert answer from 1 to 5, starting on `default`; `None`: Esc.
    fn likert(&mut self, ask: &Ask, default: u8) -> Result<Option<u8>> {
        let items: Vec<String> = LIKERT.iter().map(|s| s.to_string()).collect();
        let start = usize::from(default.clamp(1, 5) - 1);
        Ok(self.select(ask, &items, start)?.map(|i| i as u8 + 1))
    }

    /// Yes or no; `None`: Esc.
    fn confirm(&mut self, ask: &Ask, default: bool) -> Result<Option<bool>>;

    /// A line of text; empty when the person enters nothing and there is no default.
    fn text(&mut self, ask: &Ask, default: &str) -> Result<String>;

    /// The question just asked was answered: keep a one-line summary in view.
    fn answered(&mut self, summary: &str);

    /// Going back: the last answered question is asked again, so its
    /// summary goes.
    fn back(&mut self);

    /// A message for the person (a problem to fix, a saved file).
    fn say(&mut self, message: &str);
}
