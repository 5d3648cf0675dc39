//! rolefit: score technology roles against a person's strengths, growth goals
//! and work style.
//!
//! Data flows one way: answers → resolved tags ([`answers`]) → scores
//! ([`score`]) → rendered report ([`report`]). Everything except `batch`,
//! `interview`, `output`, `diagnostics` and `app` is pure. At the bottom,
//! `read` and `document` know nothing of answers or catalogs. Each file's
//! first line says what it is.
//!
//! Only what the integration tests and benchmarks use is public.
//!
//! Results are for self-directed exploration, not hiring decisions.

pub mod answers;
pub(crate) mod app;
pub(crate) mod batch;
pub mod catalog;
pub mod cli;
pub mod diagnostics;
pub mod diff;
pub(crate) mod document;
pub mod error;
pub(crate) mod explore;
pub mod field;
pub(crate) mod interview;
pub(crate) mod matching;
pub(crate) mod output;
pub mod plan;
pub(crate) mod read;
pub mod reader;
pub mod report;
pub mod score;
pub(crate) mod shell;
pub mod similar;
pub(crate) mod survey;
pub(crate) mod template;
pub(crate) mod text;
pub(crate) mod validate;

pub use app::run;
#[doc(hidden)]
pub use document::differential;
pub use error::{Error, Located};
