//! The command line (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub use crate::output::ColorChoice;
pub use crate::plan::PlanFormat;
pub use crate::report::{BrowseFormat, OutputFormat, TABLE_TOP};
pub use crate::template::TemplateFormat;

const ABOUT: &str =
    "Find the technology role that fits your strengths, growth goals and work style.";

const LONG_ABOUT: &str = "\
Find the technology role that fits your strengths, growth goals and work style.

rolefit scores every role in its catalog by how your strengths and growth goals
overlap the role's competency tags, and how your work style fits the role. Run
`rolefit assess` for an interview, or `rolefit score` over answer files.

Results are for self-directed exploration, not hiring decisions.";

const EXAMPLES: &str = "\
Examples:
  rolefit assess                          take the interview
  rolefit template > me.yaml              an answer file to fill in
  rolefit score me.yaml                   score it
  rolefit score answers/ --format csv -o cohort.csv";

#[derive(Debug, Parser)]
#[command(name = "rolefit", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXAMPLES)]
pub struct Cli {
    /// Use this role catalog instead of the built-in one.
    #[arg(long, global = true, env = "ROLEFIT_ROLES", value_name = "FILE")]
    pub roles: Option<PathBuf>,

    /// When to use colour (NO_COLOR is honoured with auto).
    #[arg(long, global = true, value_enum, ignore_case = true, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Take the interview: path, strengths, goals, work style; then your ranking.
    #[command(after_help = "\
Examples:
  rolefit assess
  rolefit assess --path work-style
  rolefit assess --family support --family engineering --save me.yaml
  rolefit assess --save me.yaml --report me.html")]
    Assess(AssessArgs),

    /// Score answer files (YAML, JSON, JSON Lines) and print the ranking.
    #[command(after_help = "\
Examples:
  rolefit template > me.yaml && rolefit score me.yaml
  rolefit score me.yaml --format html -o report.html
  rolefit score answers/ --format csv --output cohort.csv
  rolefit score survey.csv --columns columns.yaml --format csv --excel -o results.csv")]
    Score(ScoreArgs),

    /// What changed between two assessments: one person's two answer files,
    /// or two folders or surveys of a cohort (people matched by id).
    #[command(after_help = "\
Examples:
  rolefit diff ann-2025.yaml ann-2026.yaml
  rolefit diff answers-q1/ answers-q2/ --format html -o changes.html
  rolefit diff march.csv june.csv --anonymous --format markdown")]
    Diff(DiffArgs),

    /// The fewest changes of strengths that bring a role into your top K.
    #[command(after_help = "\
Examples:
  rolefit plan me.yaml --role data-architect
  rolefit plan me.yaml --role \"Cloud Architect\" --within 1
  rolefit plan me.yaml --role site-reliability-engineer --format json
  rolefit plan me.yaml --role sre --max-raise 3")]
    Plan(PlanArgs),

    /// List the role families and their roles, with tags.
    #[command(after_help = "\
Examples:
  rolefit roles
  rolefit roles --family architecture
  rolefit roles --format json | jq '.[].roles[].id'")]
    Roles(RolesArgs),

    /// Show one role's full card: tags, work-style targets, behaviours (your fit: score --role).
    #[command(after_help = "\
Examples:
  rolefit show site-reliability-engineer
  rolefit show \"data architect\"
  rolefit show soc-analyst --format markdown > soc-analyst.md")]
    Show(ShowArgs),

    /// Compare roles side by side: tags, work-style targets, behaviours.
    #[command(after_help = "\
Examples:
  rolefit compare data-engineer data-architect
  rolefit compare \"Backend Engineer\" \"Frontend Engineer\" \"Mobile Engineer\"
  rolefit compare devops-engineer site-reliability-engineer --format json")]
    Compare(CompareArgs),

    /// List every competency tag with its description, aliases and the roles that use it.
    #[command(after_help = "\
Examples:
  rolefit tags
  rolefit tags --format markdown > TAGS.md
  rolefit tags --format json | jq '.[] | select(.aliases | length > 3)'")]
    Tags(FormatArgs),

    /// Print a commented answer file to fill in.
    #[command(after_help = "\
Examples:
  rolefit template > me.yaml
  rolefit template --path work-style > me.yaml
  rolefit template --format markdown > form.md")]
    Template(TemplateArgs),

    /// Check the catalog and answer files without scoring them.
    #[command(after_help = "\
Examples:
  rolefit validate
  rolefit validate answers/ me.yaml
  rolefit --roles my-roles.yaml validate")]
    Validate(ValidateArgs),

    /// Print shell completions.
    #[command(after_help = "\
Examples:
  rolefit completions bash > ~/.local/share/bash-completion/completions/rolefit
  rolefit completions zsh > ~/.zfunc/_rolefit
  rolefit completions fish > ~/.config/fish/completions/rolefit.fish")]
    Completions(CompletionsArgs),

    /// Print the man page (roff).
    #[command(after_help = "\
Examples:
  rolefit man > rolefit.1
  rolefit man | man -l -
  sudo sh -c 'rolefit man > /usr/local/share/man/man1/rolefit.1'")]
    Man,
}

#[derive(Debug, Args)]
pub struct FormatArgs {
    /// Output format.
    #[arg(long, short, value_enum, ignore_case = true, default_value_t = BrowseFormat::Table)]
    pub format: BrowseFormat,
}

#[derive(Debug, Args)]
pub struct RolesArgs {
    /// Only this family (repeatable).
    #[arg(long = "family", value_name = "FAMILY")]
    pub families: Vec<String>,

    #[command(flatten)]
    pub format: FormatArgs,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A role id or name, case-insensitive.
    pub role: String,

    #[command(flatten)]
    pub format: FormatArgs,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Two or more role ids or names.
    // The id must differ from the global `--roles`, or clap mixes them up.
    #[arg(id = "compare_roles", required = true, num_args = 2.., value_name = "ROLE")]
    pub roles: Vec<String>,

    #[command(flatten)]
    pub format: FormatArgs,
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The path the answer file is for: full, competency or work-style.
    #[arg(long, value_name = "PATH", default_value = "full")]
    pub path: String,

    /// yaml: an answer file; csv: a survey header row and an example row;
    /// markdown: every question with its choices, for building a form.
    #[arg(long, short, value_enum, ignore_case = true, default_value_t = TemplateFormat::Yaml)]
    pub format: TemplateFormat,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Answer files or directories to check (none: only the catalog).
    #[arg(value_name = "FILE|DIR|-")]
    pub inputs: Vec<PathBuf>,

    #[command(flatten)]
    pub reading: ReadingArgs,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("saving").args(["save", "report"]).multiple(true)))]
pub struct AssessArgs {
    /// Skip the path question: full, competency or work-style.
    #[arg(long, value_name = "PATH")]
    pub path: Option<String>,

    /// Save the answers to FILE without asking (an answer file `score` reads).
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,

    /// Save the report as a web page (HTML) to FILE without asking.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Overwrite the --save or --report file if it exists.
    #[arg(long, requires = "saving")]
    pub force: bool,

    /// Show only the N best roles.
    #[arg(long, value_name = "N", default_value_t = TABLE_TOP)]
    pub top: usize,

    /// Skip the family question: consider only these families (repeatable).
    #[arg(long = "family", value_name = "FAMILY")]
    pub families: Vec<String>,

    /// Start from the answers in FILE (an answer file, such as one saved before).
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,

    /// Save TEXT as your group (team or department) in the answers; without
    /// it, the group of --from is kept. The date is always saved.
    #[arg(long, value_name = "TEXT")]
    pub group: Option<String>,

    /// A word of --from that is not understood is left out with a warning
    /// (warn, the default), or refuses the file (error).
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = crate::answers::UnknownTags::Warn)]
    pub unknown_tags: crate::answers::UnknownTags,
}

impl From<AssessArgs> for crate::interview::Options {
    fn from(args: AssessArgs) -> Self {
        crate::interview::Options {
            path: args.path,
            save: args.save,
            report: args.report,
            force: args.force,
            top: args.top,
            families: args.families,
            from: args.from,
            group: args.group,
            unknown_tags: args.unknown_tags,
        }
    }
}

/// How `score` and `validate` read their inputs.
#[derive(Debug, Args)]
pub struct ReadingArgs {
    /// Standard input is JSON Lines, one answer set per line.
    #[arg(long)]
    pub jsonl: bool,

    /// Standard input is a CSV survey export, one answer set per row.
    #[arg(long, conflicts_with = "jsonl")]
    pub csv: bool,

    /// A YAML map from CSV survey headers to what they hold: id, path,
    /// families, strengths, goals, levels (a grid), axis:ID, statement:ID, ignore.
    #[arg(long, value_name = "FILE")]
    pub columns: Option<PathBuf>,

    /// A strength or goal word that is not understood is left out with a
    /// warning and the rest is scored (warn, the default), or fails its
    /// answer set (error, for strict pipelines).
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = crate::answers::UnknownTags::Warn)]
    pub unknown_tags: crate::answers::UnknownTags,

    /// Also read the answer files in subfolders of the directories given.
    #[arg(long, short)]
    pub recursive: bool,
}

/// Where `score` and `diff` write, and how much they say on the way.
#[derive(Debug, Args)]
pub struct WritingArgs {
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite the --output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,

    /// Print no warnings and no progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Answer files, directories of them, or - for standard input.
    #[arg(required = true, value_name = "FILE|DIR|-")]
    pub inputs: Vec<PathBuf>,

    /// Output format (default: from the --output extension, else table).
    #[arg(long, short, value_enum, ignore_case = true)]
    pub format: Option<OutputFormat>,

    /// Show only the N best roles (default: 10 in tables, all otherwise).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,

    /// Rank only roles of this family (repeatable); replaces the families the
    /// answer files name.
    #[arg(long = "family", value_name = "FAMILY")]
    pub families: Vec<String>,

    #[command(flatten)]
    pub writing: WritingArgs,

    /// Start CSV output with a UTF-8 byte-order mark, so Excel reads accents
    /// and non-Latin names right.
    #[arg(long)]
    pub excel: bool,

    /// Show this role's fit profile (repeatable; id or name); table and markdown.
    #[arg(long = "role", value_name = "ROLE")]
    pub focus: Vec<String>,

    /// Break every score down into points per tag, goal and axis (json, jsonl).
    #[arg(long)]
    pub explain: bool,

    /// Split the cohort summaries by the answers' `group` (table, markdown, html).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub by: Option<SplitBy>,

    /// With --by group: a group of fewer than N people is not shown or named.
    #[arg(long, value_name = "N", default_value_t = crate::report::MIN_GROUP, requires = "by")]
    pub min_group: usize,

    /// No id or name of a person in the output: the cohort's aggregates
    /// only (table, markdown, html).
    #[arg(long)]
    pub anonymous: bool,

    #[command(flatten)]
    pub reading: ReadingArgs,
}

/// What `score --by` splits cohort summaries by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SplitBy {
    /// The `group` of each answer set (a team or department).
    Group,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier answers: an answer file, a folder of them, or a survey.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,

    /// The later answers, of the same kind.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,

    /// table, json, markdown or html (default: from the --output extension, else table).
    #[arg(long, short, value_enum, ignore_case = true)]
    pub format: Option<OutputFormat>,

    #[command(flatten)]
    pub writing: WritingArgs,

    /// No id or name of a person in the output: a cohort's counts only.
    #[arg(long)]
    pub anonymous: bool,

    #[command(flatten)]
    pub reading: ReadingArgs,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// One answer file (YAML or JSON), or - for YAML on standard input.
    #[arg(value_name = "FILE|-")]
    pub input: PathBuf,

    /// The role to reach: an id or a name, case-insensitive.
    // The id must differ from the global `--roles`, or clap mixes them up.
    #[arg(id = "plan_role", long = "role", value_name = "ROLE", required = true)]
    pub role: String,

    /// The place to reach: rank K or better.
    #[arg(long, value_name = "K", default_value_t = crate::plan::DEFAULT_WITHIN)]
    pub within: usize,

    /// How far one skill may rise in the plan: N levels above its level
    /// now (a skill not held counts from 1, learning), so that a plan asks
    /// for breadth before expertise.
    #[arg(long, value_name = "N", default_value_t = crate::plan::DEFAULT_MAX_RAISE,
          value_parser = clap::value_parser!(u8).range(1..=4))]
    pub max_raise: u8,

    /// Output format.
    #[arg(long, short, value_enum, ignore_case = true, default_value_t = PlanFormat::Table)]
    pub format: PlanFormat,
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
