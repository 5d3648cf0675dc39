//! The integration tests: one crate, so the binary and its dependencies
//! link once. Each module drives one part of rolefit through the real
//! binary or its public library; `common` holds the shared builders.

mod aims;
mod cohort_stream;
mod common;
mod everyday;
mod explore;
mod field;
mod hostile;
mod html_report;
mod interview;
mod layering;
mod own_words;
mod parallel;
mod properties;
mod ranking;
mod reassessment;
mod reference;
mod results;
mod results_cli;
mod score_cli;
mod similar;
mod snapshots;
mod survey_cli;
mod thin_results;
mod vocabulary;
mod warnings;
mod words_shown;
mod work_style_ties;
mod worked_example;
