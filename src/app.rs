//! Runs a parsed command line: the one place that ties the pieces together.

use crate::batch::{self, Mode, Options};
use crate::catalog::Catalog;
use crate::cli::{AssessArgs, Cli, Command, ScoreArgs};
use crate::error::{Error, Result};
use crate::output::{self, ColorChoice, Sink};
use crate::report::{OutputFormat, Reporter, TABLE_TOP};
use crate::survey::Surveys;

pub fn run(cli: Cli) -> Result<()> {
    let load = || Catalog::load(cli.roles.as_deref());
    let color = cli.color;
    match cli.command {
        // These need no catalog: a broken --roles must not stop them.
        Some(Command::Completions(args)) => with_stdout(color, |_, out| crate::shell::completions(args.shell, out)),
        Some(Command::Man) => with_stdout(color, |_, out| crate::shell::man(out)),
        Some(Command::Score(args)) => score(&load()?, args, color),
        Some(Command::Assess(args)) => crate::interview::assess(&load()?, &args, color),
        Some(Command::Roles(args)) => {
            let catalog = load()?;
            with_stdout(color, |theme, out| crate::explore::roles(&catalog, &args, theme, out))
        }
        Some(Command::Show(args)) => {
            let catalog = load()?;
            with_stdout(color, |theme, out| crate::explore::show(&catalog, &args, theme, out))
        }
        Some(Command::Compare(args)) => {
            let catalog = load()?;
            with_stdout(color, |theme, out| crate::explore::compare(&catalog, &args, theme, out))
        }
        Some(Command::Tags(args)) => {
            let catalog = load()?;
            with_stdout(color, |theme, out| crate::explore::tags(&catalog, &args, theme, out))
        }
        Some(Command::Template(args)) => {
            let catalog = load()?;
            with_stdout(color, |_, out| crate::template::template(&catalog, &args, out))
        }
        Some(Command::Validate(args)) => crate::validate::validate(&load()?, &args),
        None if crate::interview::is_interactive() => {
            let args = AssessArgs {
                path: None,
                save: None,
                force: false,
                top: TABLE_TOP,
                families: Vec::new(),
                from: None,
            };
            crate::interview::assess(&load()?, &args, color)
        }
        None => Err(Error::Usage(
            "no command given and not on a terminal; use `rolefit score FILE` (see `rolefit --help`)".into(),
        )),
    }
}

/// Runs `body` with buffered standard output and the theme that suits it.
fn with_stdout(
    color: ColorChoice,
    body: impl FnOnce(crate::report::Theme, &mut dyn std::io::Write) -> Result<()>,
) -> Result<()> {
    let mut sink = Sink::open(None, false)?;
    let theme = output::theme(color, sink.is_terminal());
    body(theme, sink.writer())?;
    sink.finish()
}

fn score(catalog: &Catalog, args: ScoreArgs, color: ColorChoice) -> Result<()> {
    let families = catalog.find_families(&args.families)?;
    if args.top == Some(0) {
        return Err(Error::Usage("--top must be at least 1".into()));
    }
    if args.excel && args.format != OutputFormat::Csv {
        return Err(Error::Usage(
            "--excel applies to CSV output; add --format csv".into(),
        ));
    }
    crate::diagnostics::set_quiet(args.quiet);
    let (mut inputs, missing) = batch::gather(&args.inputs, args.jsonl, args.recursive)?;
    let surveys = Surveys::for_inputs(&mut inputs, args.csv, args.columns.as_deref(), catalog)?;
    let top = args.top.or(match args.format {
        OutputFormat::Table | OutputFormat::Markdown => Some(TABLE_TOP),
        _ => None,
    });

    let mut sink = Sink::open(args.output.as_deref(), args.force)?;
    let theme = output::theme(color, sink.is_terminal());
    let mut reporter = Reporter::new(catalog, args.format, theme);
    let out = sink.writer();
    if args.excel {
        crate::report::excel_bom(out).map_err(Error::Output)?;
    }
    reporter.begin(out).map_err(Error::Output)?;
    for problem in &missing {
        crate::diagnostics::error(problem);
        reporter
            .error(std::slice::from_ref(problem), out)
            .map_err(Error::Output)?;
    }
    let options = Options {
        catalog,
        mode: Mode::Score,
        top,
        families,
        quiet: args.quiet,
        unknown_tags: args.unknown_tags,
        surveys: &surveys,
    };
    let summary = batch::run(&inputs, &options, &mut reporter, out).map_err(Error::Output)?;
    reporter.finish(out).map_err(Error::Output)?;
    sink.finish()?;

    let failed = summary.failed + missing.len();
    crate::diagnostics::closing("scored", summary.scored, failed);
    if failed > 0 {
        return Err(Error::SomeInputsFailed {
            failed,
            total: failed + summary.scored,
        });
    }
    if summary.scored == 0 {
        return Err(Error::Usage(
            "no answer files found in the inputs given".into(),
        ));
    }
    Ok(())
}
