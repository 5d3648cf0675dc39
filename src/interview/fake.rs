//! A scripted [`Prompter`] for unit tests.

use std::collections::VecDeque;

use super::prompt::{Ask, Choice, Picked, Prompter};
use crate::error::Result;

/// A scripted reply to one prompt.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Pick(usize),
    Picks(Vec<usize>),
    /// Esc from a list after ticking these.
    BackWith(Vec<usize>),
    Likert(u8),
    Levels(Vec<u8>),
    Yes,
    No,
    Text(String),
    Esc,
}

/// A prompter that answers from a script and records what it was asked.
#[derive(Default)]
pub struct Scripted {
    pub replies: VecDeque<Reply>,
    /// Every ask, in order, with the items shown (and the default, or ticked items).
    pub asked: Vec<(Ask, Vec<String>, String)>,
    /// The progress lines last shown.
    pub transcript: Vec<String>,
    pub said: Vec<String>,
}

impl Scripted {
    pub fn new(replies: impl IntoIterator<Item = Reply>) -> Self {
        Scripted {
            replies: replies.into_iter().collect(),
            ..Scripted::default()
        }
    }

    fn reply(&mut self, ask: &Ask, items: &[String], start: String) -> Reply {
        self.asked.push((ask.clone(), items.to_vec(), start));
        self.replies
            .pop_front()
            .unwrap_or_else(|| panic!("script ran out at {:?}", ask.header))
    }

    pub fn headers(&self) -> Vec<&str> {
        self.asked.iter().map(|(a, ..)| a.header.as_str()).collect()
    }
}

impl Prompter for Scripted {
    fn select(&mut self, ask: &Ask, items: &[String], default: usize) -> Result<Option<usize>> {
        match self.reply(ask, items, default.to_string()) {
            Reply::Pick(i) => Ok(Some(i)),
            Reply::Esc => Ok(None),
            other => panic!("select {:?} got {other:?}", ask.header),
        }
    }

    /// Records each item as "name  note".
    fn multi_select(&mut self, ask: &Ask, items: &[Choice], checked: &[bool]) -> Result<Picked> {
        let ticked: Vec<usize> = (0..checked.len()).filter(|&i| checked[i]).collect();
        let labels: Vec<String> = items
            .iter()
            .map(|c| format!("{}  {}", c.name, c.note))
            .collect();
        match self.reply(ask, &labels, format!("{ticked:?}")) {
            Reply::Picks(p) => Ok(Picked::Confirmed(p)),
            Reply::BackWith(p) => Ok(Picked::Back(p)),
            Reply::Esc => Ok(Picked::Back(ticked)),
            other => panic!("multi_select {:?} got {other:?}", ask.header),
        }
    }

    /// Records each item by name.
    fn search(&mut self, ask: &Ask, items: &[Choice], default: usize) -> Result<Option<usize>> {
        let names: Vec<String> = items.iter().map(|c| c.name.clone()).collect();
        match self.reply(ask, &names, default.to_string()) {
            Reply::Pick(i) => Ok(Some(i)),
            Reply::Esc => Ok(None),
            other => panic!("search {:?} got {other:?}", ask.header),
        }
    }

    fn likert(&mut self, ask: &Ask, default: u8) -> Result<Option<u8>> {
        match self.reply(ask, &[], default.to_string()) {
            Reply::Likert(n) => Ok(Some(n)),
            Reply::Esc => Ok(None),
            other => panic!("likert {:?} got {other:?}", ask.header),
        }
    }

    fn levels(
        &mut self,
        ask: &Ask,
        rows: &[String],
        levels: &[u8],
        _scale: &[String],
    ) -> Result<Option<Vec<u8>>> {
        match self.reply(ask, rows, format!("{levels:?}")) {
            Reply::Levels(l) => Ok(Some(l)),
            Reply::Esc => Ok(None),
            other => panic!("levels {:?} got {other:?}", ask.header),
        }
    }

    fn confirm(&mut self, ask: &Ask, default: bool) -> Result<Option<bool>> {
        match self.reply(ask, &[], default.to_string()) {
            Reply::Yes => Ok(Some(true)),
            Reply::No => Ok(Some(false)),
            Reply::Esc => Ok(None),
            other => panic!("confirm {:?} got {other:?}", ask.header),
        }
    }

    fn text(&mut self, ask: &Ask, default: &str) -> Result<Option<String>> {
        match self.reply(ask, &[], default.to_string()) {
            Reply::Text(t) => Ok(Some(t)),
            Reply::Esc => Ok(None),
            other => panic!("text {:?} got {other:?}", ask.header),
        }
    }

    fn progress(&mut self, lines: &[String]) {
        self.transcript = lines.to_vec();
    }

    fn say(&mut self, message: &str) {
        self.said.push(message.to_string());
    }
}
