//! The progress bar on stderr, shown only for big batches on a terminal.

use std::io::{self, IsTerminal};

use crate::answers::{Format, Input};

/// A spinner counting answer sets read; hidden when `quiet`, when stderr
/// is not a terminal, or when no input is a stream and there are fewer
/// than `MIN_FILES` files.
pub(super) fn progress_bar(inputs: &[Input], quiet: bool) -> indicatif::ProgressBar {
    const MIN_FILES: usize = 200;
    if quiet || !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let files = inputs
        .iter()
        .filter(|i| matches!(i, Input::File(_, f) if !matches!(f, Format::JsonLines | Format::Csv)))
        .count();
    let streams = inputs.len() - files;
    if streams == 0 && files < MIN_FILES {
        return indicatif::ProgressBar::hidden();
    }
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    let style =
        indicatif::ProgressStyle::with_template("{spinner} {pos} answer sets read ({elapsed})")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
    bar.set_style(style);
    bar
}
