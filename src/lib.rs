//! rolefit: score technology roles against a person's strengths, growth goals
//! and work style.
//!
//! Data flows one way: answers → resolved tags ([`answers`]) → scores
//! ([`score`]) → rendered report ([`report`]). Everything except [`batch`],
//! [`interview`], [`output`] and [`app`] is pure.
//!
//! Results are for self-directed exploration, not hiring decisions.

pub mod answers;
pub mod app;
pub mod batch;
pub mod catalog;
pub mod cli;
pub mod error;
pub mod explore;
pub mod form;
pub mod interview;
pub mod locate;
pub mod matching;
pub mod output;
pub mod report;
pub mod score;
pub mod shell;
pub mod survey;
pub mod template;
pub mod text;
pub mod validate;

pub use app::run;
pub use error::{Error, Located};
