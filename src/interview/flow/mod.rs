//! The interview's order: a state machine over steps that can go back,
//! driven through a
//! [`Prompter`](super::prompt::Prompter).
//!
//! Steps run path → families → strengths → their levels (one screen) →
//! growth goals → work-style statements → name; a step that does not apply
//! (a question the command line already answered, competency questions on
//! the `work-style` path, …) is skipped. Esc returns to the step asked
//! before; Esc at the first step asked leaves the interview.
//!
//! Each part uses only the parts listed before it: `state` (the presets, the answers so far, the
//! next step), `questions` (what each step asks and how its answer is
//! taken), `outcome` (the answers as a result) and `run` (the steps one
//! after another); this module only gathers them.

mod outcome;
mod questions;
mod run;
mod state;

pub use outcome::Outcome;
pub use run::run;
pub use state::{Earlier, Preset};

#[cfg(test)]
mod tests;
