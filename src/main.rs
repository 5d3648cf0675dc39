//! The `rolefit` binary: parses the arguments, runs the command, and maps
//! its outcome to an exit code in one place.

use std::process::ExitCode;

use clap::Parser;
use rolefit::cli::Cli;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version print to standard output and succeed.
        Err(help) if !help.use_stderr() => help.exit(),
        // clap's own errors carry the prefix every other error has.
        Err(error) => {
            let text = error.render().to_string();
            let text = text.strip_prefix("error: ").unwrap_or(&text).trim_end();
            rolefit::diagnostics::error_text(&text);
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    match rolefit::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // Output not through `output::Stdout` (the interview, explore) ends
        // quietly when its reader closes early.
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        // Leaving the interview on purpose is not an error worth a message.
        Err(error @ rolefit::Error::Interrupted) => ExitCode::from(error.exit_code()),
        // The closing line has already counted the failures.
        Err(error @ rolefit::Error::SomeInputsFailed { .. }) => ExitCode::from(error.exit_code()),
        Err(error) => {
            rolefit::diagnostics::error_text(&error);
            ExitCode::from(error.exit_code())
        }
    }
}

// Scoring a batch allocates many small strings on every core; mimalloc
// keeps that fast and the system time low.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
