//! The interview's order: a state machine over steps that can go back,
//! driven through a [`Prompter`].
//!
//! Steps run path → families → strengths → their levels (one screen) →
//! growth goals → work-style statements → name; a step that does not apply
//! (a question the command line already answered, competency questions on
//! the `work-style` path, …) is skipped. Esc returns to the step asked
//! before; Esc at the first step asked leaves the interview. What each step
//! asks is in [`questions`]; the answers become a result in [`outcome`].

mod outcome;
mod questions;

use crate::catalog::Catalog;
use crate::error::{Error, Result};

use super::prompt::Prompter;

pub use outcome::Outcome;

/// The level a strength starts on.
const DEFAULT_LEVEL: u8 = 3;
/// The Likert answer an item starts on: the middle of the scale.
const DEFAULT_LIKERT: u8 = 3;

/// What the command line already answered, and earlier answers to start from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preset {
    /// `--path`: the path question is skipped.
    pub path: Option<usize>,
    /// `--family`: the family question is skipped; these families are ranked.
    pub families: Option<Vec<usize>>,
    /// `--from FILE`: every question starts on the file's answer.
    pub earlier: Option<Earlier>,
}

/// Answers given before (an answer file), resolved to catalog indices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Earlier {
    pub name: Option<String>,
    pub path: usize,
    /// Families ranked; empty means all.
    pub families: Vec<usize>,
    pub strengths: Vec<(usize, u8)>,
    pub goals: Vec<usize>,
    /// (question, answer 1–5).
    pub statements: Vec<(usize, u8)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Path,
    Families,
    Strengths,
    /// The levels of all chosen strengths, on one screen.
    Levels,
    Goals,
    /// The n-th work-style question.
    Item(usize),
    Name,
}

/// The answers so far. Answers to steps left behind by going back are
/// kept, so a step asked again starts where the person left it; strengths
/// and goals out of view after a family change come back with the family.
struct State<'c> {
    catalog: &'c Catalog,
    preset: &'c Preset,
    path: usize,
    /// Ticked families, indexed like the catalog's.
    families: Vec<bool>,
    /// Chosen strengths, in catalog order, including any out of view.
    strengths: Vec<usize>,
    /// The level given to each tag; 0 when never asked.
    levels: Vec<u8>,
    /// Chosen goals, in catalog order, including any out of view.
    goals: Vec<usize>,
    /// The answer to each work-style question.
    items: Vec<Option<u8>>,
    name: String,
}

/// Runs the interview to its end, or to Esc at the first step
/// ([`Error::Interrupted`]).
pub fn run(catalog: &Catalog, preset: &Preset, prompter: &mut dyn Prompter) -> Result<Outcome> {
    let mut state = State::new(catalog, preset);
    let mut history: Vec<(Step, String)> = Vec::new();
    let mut current = state.next(None);
    while let Some(step) = current {
        let ask = state.ask(step, history.is_empty());
        match state.put(step, &ask, prompter)? {
            Some(summary) => {
                history.push((step, summary));
                prompter.progress(&progress(&history));
                current = state.next(Some(step));
            }
            None => match history.pop() {
                Some((previous, _)) => {
                    prompter.progress(&progress(&history));
                    current = Some(previous);
                }
                None => return Err(Error::Interrupted),
            },
        }
    }
    state.outcome()
}

/// One line per step answered, the work-style statements as one line.
fn progress(history: &[(Step, String)]) -> Vec<String> {
    let mut lines: Vec<String> = Vec::with_capacity(history.len());
    for (i, (step, summary)) in history.iter().enumerate() {
        let follows_item = i > 0 && matches!(history[i - 1].0, Step::Item(_));
        if matches!(step, Step::Item(_)) && follows_item {
            lines.pop();
        }
        lines.push(summary.clone());
    }
    lines
}

impl<'c> State<'c> {
    fn new(catalog: &'c Catalog, preset: &'c Preset) -> Self {
        let earlier = preset.earlier.as_ref();
        let ticked = |chosen: &[usize]| -> Vec<bool> {
            if chosen.is_empty() {
                vec![true; catalog.families.len()]
            } else {
                (0..catalog.families.len())
                    .map(|f| chosen.contains(&f))
                    .collect()
            }
        };
        let families = match (&preset.families, earlier) {
            (Some(chosen), _) => ticked(chosen),
            (None, Some(earlier)) => ticked(&earlier.families),
            (None, None) => ticked(&[]),
        };
        let mut levels = vec![0; catalog.tags.len()];
        let mut items = vec![None; catalog.questions.len()];
        if let Some(earlier) = earlier {
            for &(tag, level) in &earlier.strengths {
                levels[tag] = level;
            }
            for &(question, answer) in &earlier.statements {
                items[question] = Some(answer);
            }
        }
        State {
            catalog,
            preset,
            path: preset
                .path
                .or(earlier.map(|e| e.path))
                .unwrap_or_else(|| catalog.default_path()),
            families,
            strengths: earlier.map_or_else(Vec::new, |e| {
                e.strengths.iter().map(|&(tag, _)| tag).collect()
            }),
            levels,
            goals: earlier.map_or_else(Vec::new, |e| e.goals.clone()),
            items,
            name: earlier.and_then(|e| e.name.clone()).unwrap_or_default(),
        }
    }

    fn competency(&self) -> bool {
        self.catalog.paths[self.path].assesses_competency()
    }

    fn work_style(&self) -> bool {
        self.catalog.paths[self.path].assesses_work_style()
    }

    /// Families ranked: none ticked counts as all (only `--family` can
    /// leave none; the family question refuses it).
    fn considered(&self, family: usize) -> bool {
        self.families[family] || !self.families.iter().any(|&f| f)
    }

    /// Tags of the roles in the families considered, in catalog order.
    fn tag_choices(&self) -> Vec<usize> {
        (0..self.catalog.tags.len())
            .filter(|&t| {
                self.catalog.tags[t]
                    .roles
                    .iter()
                    .any(|&r| self.considered(self.catalog.roles[r].family))
            })
            .collect()
    }

    /// The chosen strengths in the families considered.
    fn strengths_in_view(&self) -> Vec<usize> {
        let choices = self.tag_choices();
        self.strengths
            .iter()
            .copied()
            .filter(|t| choices.contains(t))
            .collect()
    }

    fn goal_choices(&self) -> Vec<usize> {
        self.tag_choices()
            .into_iter()
            .filter(|t| !self.strengths.contains(t))
            .collect()
    }

    fn goals_in_view(&self) -> Vec<usize> {
        let choices = self.goal_choices();
        self.goals
            .iter()
            .copied()
            .filter(|t| choices.contains(t))
            .collect()
    }

    fn applies(&self, step: Step) -> bool {
        match step {
            Step::Path => self.preset.path.is_none(),
            Step::Families => {
                self.competency()
                    && self.preset.families.is_none()
                    && self.catalog.families.len() > 1
            }
            Step::Strengths => self.competency() && !self.tag_choices().is_empty(),
            Step::Levels => self.competency() && !self.strengths_in_view().is_empty(),
            Step::Goals => self.competency() && !self.goal_choices().is_empty(),
            Step::Item(i) => self.work_style() && i < self.items.len(),
            Step::Name => true,
        }
    }

    /// The step after `step` (`None`: the first), skipping those that do not apply.
    fn next(&self, step: Option<Step>) -> Option<Step> {
        let mut step = step;
        loop {
            let candidate = match step {
                None => Step::Path,
                Some(Step::Path) => Step::Families,
                Some(Step::Families) => Step::Strengths,
                Some(Step::Strengths) => Step::Levels,
                Some(Step::Levels) => Step::Goals,
                Some(Step::Goals) => Step::Item(0),
                Some(Step::Item(i)) if i + 1 < self.items.len() => Step::Item(i + 1),
                Some(Step::Item(_)) => Step::Name,
                Some(Step::Name) => return None,
            };
            if self.applies(candidate) {
                return Some(candidate);
            }
            step = Some(candidate);
        }
    }
}

#[cfg(test)]
mod tests;
