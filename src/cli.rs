//! The command line (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const ABOUT: &str = "Find the technology role that fits your strengths, growth goals and work style.";

const LONG_ABOUT: &str = "\
Find the technology role that fits your strengths, growth goals and work style.

rolefit scores every role in its catalog by how your strengths and growth goals
overlap the role's competency tags, and how your work style fits the role. Run
`rolefit assess` for an interview, or `rolefit score` over answer files.

Results are for self-directed exploration, not hiring decisions.";

const EXAMPLES: &str = "\
Examples:
  rolefit assess                          take the interview
  rolefit score examples/jane-sre.yaml    score one answer file
  rolefit score answers/ --format csv -o cohort.csv";

#[derive(Debug, Parser)]
#[command(name = "rolefit", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXAMPLES)]
pub struct Cli {
    /// Use this role catalog instead of the built-in one.
    #[arg(long, global = true, env = "ROLEFIT_ROLES", value_name = "FILE")]
    pub roles: Option<PathBuf>,

    /// When to use colour (NO_COLOR is honoured with auto).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score answer files (YAML, JSON, JSON Lines) and print the ranking.
    #[command(after_help = "\
Examples:
  rolefit score examples/jane-sre.yaml
  rolefit score examples/ --format csv --output cohort.csv
  cat answers.jsonl | rolefit score - --jsonl --format jsonl --top 3")]
    Score(ScoreArgs),
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Answer files, directories of them, or - for standard input.
    #[arg(required = true, value_name = "FILE|DIR|-")]
    pub inputs: Vec<PathBuf>,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,

    /// Show only the N best roles (default: 10 in tables, all otherwise).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,

    /// Rank only roles of this family (repeatable); replaces the files' own.
    #[arg(long = "family", value_name = "FAMILY")]
    pub families: Vec<String>,

    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite the --output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,

    /// Standard input is JSON Lines, one answer set per line.
    #[arg(long)]
    pub jsonl: bool,

    /// Print no warnings and no progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
    Jsonl,
    Csv,
    Markdown,
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
