//! Runs a parsed command line: the one place that ties the pieces together.

use crate::batch::{self, Mode, Options};
use crate::catalog::Catalog;
use crate::cli::{AssessArgs, Cli, Command, PlanArgs, PlanFormat, ScoreArgs};
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
        Some(Command::Score(args)) => score(&load()?, args, cli.roles.as_deref(), color),
        Some(Command::Plan(args)) => {
            let catalog = load()?;
            with_stdout(color, |theme, out| plan(&catalog, &args, theme, out))
        }
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
            with_stdout(color, |_, out| crate::template::template(&catalog, &args.path, args.format, out))
        }
        Some(Command::Validate(args)) => crate::validate::validate(&load()?, &args),
        None if crate::interview::is_interactive() => {
            let args = AssessArgs {
                path: None,
                save: None,
                report: None,
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

/// What `score` is asked beyond the ranking, checked against the format:
/// fit profiles are for people to read, points for programs.
fn asked(catalog: &Catalog, args: &ScoreArgs, format: OutputFormat) -> Result<crate::score::Asked> {
    let machine = matches!(
        format,
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv
    );
    if args.explain && !matches!(format, OutputFormat::Json | OutputFormat::Jsonl) {
        return Err(Error::Usage(
            "--explain adds points to JSON: use it with --format json or --format jsonl \
             (tables show each role's fit profile with --role)"
                .into(),
        ));
    }
    if !args.focus.is_empty() && machine {
        return Err(Error::Usage(
            "--role shows fit profiles in tables and Markdown; JSON and CSV already hold \
             every role's scores (leave out --top), and --explain breaks them down"
                .into(),
        ));
    }
    let mut roles = Vec::new();
    for query in &args.focus {
        let role = catalog.find_role(query)?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    Ok(crate::score::Asked {
        explain: args.explain,
        roles,
    })
}

fn score(
    catalog: &Catalog,
    args: ScoreArgs,
    roles: Option<&std::path::Path>,
    color: ColorChoice,
) -> Result<()> {
    let families = catalog.find_families(&args.families)?;
    if args.top == Some(0) {
        return Err(Error::Usage("--top must be at least 1".into()));
    }
    let format = output::format(args.format, args.output.as_deref())?;
    let asked = asked(catalog, &args, format)?;
    if args.excel && format != OutputFormat::Csv {
        return Err(Error::Usage(
            "--excel applies to CSV output; add --format csv".into(),
        ));
    }
    crate::diagnostics::set_quiet(args.quiet);
    let (mut inputs, missing) =
        batch::gather(&args.inputs, args.reading.jsonl, args.reading.recursive)?;
    if let Some(path) = &args.output {
        let files = inputs.iter().filter_map(|input| match input {
            crate::answers::Input::File(file, _) => Some(file.as_path()),
            crate::answers::Input::Stdin(_) => None,
        });
        let read = files.chain(args.reading.columns.as_deref()).chain(roles);
        output::refuse_overwriting_an_input(path, read)?;
    }
    let surveys = Surveys::for_inputs(
        &mut inputs,
        args.reading.csv,
        args.reading.columns.as_deref(),
        catalog,
    )?;
    let top = args.top.or(match format {
        OutputFormat::Table | OutputFormat::Markdown => Some(TABLE_TOP),
        _ => None,
    });

    let mut sink = Sink::open(args.output.as_deref(), args.force)?;
    let theme = output::theme(color, sink.is_terminal());
    let mut reporter = Reporter::new(catalog, format, theme);
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
        asked,
        unknown_tags: args.reading.unknown_tags,
        surveys: &surveys,
    };
    let summary = batch::run(&inputs, &options, &mut reporter, out).map_err(Error::Output)?;
    reporter.finish(out).map_err(Error::Output)?;
    sink.finish()?;
    if summary.scored > 1 && !options.asked.roles.is_empty() {
        crate::diagnostics::note(
            &"fit profiles (--role) are shown when one respondent is scored; \
              score one file to see them",
        );
    }

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

/// `rolefit plan`: one answer file, one role, the shortest way into the top K.
fn plan(
    catalog: &Catalog,
    args: &PlanArgs,
    theme: crate::report::Theme,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    use crate::plan::{PlanError, render};
    let role = catalog.find_role(&args.role)?;
    if args.within == 0 {
        return Err(Error::Usage("--within must be at least 1".into()));
    }
    if crate::answers::Format::from_extension(&args.input)
        == Some(crate::answers::Format::JsonLines)
    {
        return Err(Error::Usage(
            "plan reads one answer set (YAML or JSON); a JSON Lines file holds many: \
             save the line you want as a .json file"
                .into(),
        ));
    }
    let respondent = batch::read_one(&args.input, catalog).map_err(|problems| {
        for problem in &problems {
            crate::diagnostics::error(problem);
        }
        Error::SomeInputsFailed {
            failed: 1,
            total: 1,
        }
    })?;
    for warning in &respondent.warnings {
        crate::diagnostics::warning(warning);
    }
    let plan = crate::plan::plan(catalog, &respondent, role, args.within).map_err(|e| {
        let name = crate::text::escape_control(&catalog.roles[role].name).into_owned();
        Error::Usage(match e {
            PlanError::NotConsidered => {
                let family = &catalog.families[catalog.roles[role].family].id;
                let chosen: Vec<&str> = respondent
                    .families
                    .iter()
                    .map(|&f| catalog.families[f].id.as_str())
                    .collect();
                format!(
                    "{name} is in the {family} family, which {} does not rank (its families: {}); \
                     add {family} to its `families` to plan for it",
                    args.input.display(),
                    chosen.join(", ")
                )
            }
            PlanError::TooLarge { candidates } => format!(
                "a plan for {name} needs more changes than rolefit can search exactly \
                 ({candidates} candidates of one size); try a larger --within"
            ),
        })
    })?;
    let text = match args.format {
        PlanFormat::Table => render::table(catalog, &respondent, &plan, theme),
        PlanFormat::Json => render::json(catalog, &respondent, &plan),
    };
    out.write_all(text.as_bytes()).map_err(Error::Output)
}
