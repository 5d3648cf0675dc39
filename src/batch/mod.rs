//! Batch scoring: reading inputs with bounded memory, scoring them in
//! parallel, and writing results in input order. This module only gathers
//! the parts and what they offer.
//!
//! Each part uses only the parts listed before it: `discover` (finding the
//! inputs), `ids` (the ids of a whole run, for the shared-id warning),
//! `job` (one answer set read, resolved and scored), `stream` (JSON Lines
//! and survey rows split into jobs), `progress` (the progress bar),
//! `ordered` (parallel scoring, results written in input order) and
//! `entry` (`run` and `check`).

mod discover;
mod entry;
mod ids;
mod job;
mod ordered;
mod progress;
mod stream;

pub use discover::gather;
pub use entry::{check, run};
pub use job::{Mode, Options, read_one};
pub use ordered::Summary;
