//! The prompting seam: what the interview asks, independent of how.
//!
//! [`Prompter`] is implemented by the terminal (on standard error) and, in
//! tests, by a scripted fake. `None` from a prompt means the person
//! pressed Esc: go back a step.

use crate::error::Result;

/// What a key does on this screen, for the hint line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// Pick one: ↑↓ move, enter confirm.
    Select,
    /// Pick one of a numbered scale: the number keys answer at once.
    Scale,
    /// Pick any, typing filters the list.
    MultiSelect,
    /// Pick one, typing filters the list.
    Search,
    /// One row per strength, each set to a level.
    Levels,
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

/// One item of a list to tick: a name, a note beside it (the families of
/// a tag), what it means, and other words it is found by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choice {
    pub name: String,
    pub note: String,
    pub description: String,
    /// Shown under the list for the item the cursor is on (the roles of a tag).
    pub more: String,
    /// Other names that find it when typed (aliases).
    pub aliases: Vec<String>,
    /// Broader words that find it after its names: for a tag, the hints
    /// that name it, its roles' names and initials, their families.
    pub related: Vec<String>,
}

impl Choice {
    /// The items a filter finds, best first, through the reader's ranking.
    pub fn ranked(items: &[Choice], filter: &str) -> Vec<usize> {
        let items: Vec<crate::reader::ListItem<'_>> = (items.iter())
            .map(|c| crate::reader::ListItem {
                names: std::iter::once(c.name.as_str())
                    .chain(c.aliases.iter().map(String::as_str))
                    .collect(),
                related: &c.related,
                text: vec![c.note.as_str(), c.description.as_str()],
            })
            .collect();
        crate::reader::rank_items(filter, &items)
    }
}

/// The items ticked when a list was left: confirmed with Enter, or left
/// with Esc (going back keeps the ticks made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    Confirmed(Vec<usize>),
    Back(Vec<usize>),
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

    /// Any items of `items`, `checked` ticked to begin with.
    fn multi_select(&mut self, ask: &Ask, items: &[Choice], checked: &[bool]) -> Result<Picked>;

    /// A Likert answer from 1 to 5, starting on `default`; `None`: Esc.
    fn likert(&mut self, ask: &Ask, default: u8) -> Result<Option<u8>> {
        let items: Vec<String> = LIKERT.iter().map(|s| s.to_string()).collect();
        let start = usize::from(default.clamp(1, 5) - 1);
        Ok(self.select(ask, &items, start)?.map(|i| i as u8 + 1))
    }

    /// A level from 1 to `scale.len()` for each row, starting on
    /// `levels`; `scale` names each level. `None`: Esc.
    fn levels(
        &mut self,
        ask: &Ask,
        rows: &[String],
        levels: &[u8],
        scale: &[String],
    ) -> Result<Option<Vec<u8>>>;

    /// One item of `items`, found by typing, starting on `default`;
    /// `None`: Esc.
    fn search(&mut self, ask: &Ask, items: &[Choice], default: usize) -> Result<Option<usize>>;

    /// Yes or no; `None`: Esc.
    fn confirm(&mut self, ask: &Ask, default: bool) -> Result<Option<bool>>;

    /// A line of text, starting as `default`; `None`: Esc.
    fn text(&mut self, ask: &Ask, default: &str) -> Result<Option<String>>;

    /// The answers so far, one short line per part of the interview;
    /// replaces the lines shown before.
    fn progress(&mut self, lines: &[String]);

    /// A message for the person (a problem to fix, a saved file).
    fn say(&mut self, message: &str);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_is_found_by_every_word_typed() {
        let choice = Choice {
            name: "error budgets and SLOs".into(),
            note: "Support".into(),
            description: "How much unreliability a service may spend".into(),
            more: String::new(),
            aliases: vec!["SLO".into()],
            related: Vec::new(),
        };
        let items = [choice];
        let finds = |filter: &str| Choice::ranked(&items, filter) == [0];
        assert!(finds(""));
        assert!(finds("slo"));
        assert!(finds("BUDGET unreli"));
        assert!(finds("support"));
        assert!(!finds("slo kubernetes"));
    }
}
