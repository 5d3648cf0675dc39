//! Runs a parsed command line: the one place that ties the pieces together.

use crate::batch::{self, Mode, Options};
use crate::catalog::Catalog;
use crate::cli::{Cli, Command, DiffArgs, PlanArgs, PlanFormat, ReadingArgs, ScoreArgs};
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
        Some(Command::Diff(args)) => diff(&load()?, &args, color),
        Some(Command::Plan(args)) => {
            let catalog = load()?;
            with_stdout(color, |theme, out| plan(&catalog, &args, theme, out))
        }
        Some(Command::Assess(args)) => crate::interview::assess(&load()?, &args.into(), color),
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
            crate::interview::assess(&load()?, &crate::interview::Options::default(), color)
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
        // CSV has one row per role and no place for a plan.
        aims: format != OutputFormat::Csv,
    })
}

/// `--by group`, `--min-group` and `--anonymous`, checked against the
/// format: they shape cohort summaries, which only the human formats have.
fn privacy(args: &ScoreArgs, format: OutputFormat) -> Result<crate::report::Privacy> {
    let asked = args.anonymous || args.by.is_some();
    if asked
        && matches!(
            format,
            OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Csv
        )
    {
        let flag = if args.anonymous {
            "--anonymous"
        } else {
            "--by group"
        };
        return Err(Error::Usage(format!(
            "{flag} shapes cohort summaries: use it with --format table, markdown or html \
             ({} holds a row per person)",
            output::format_name(format)
        )));
    }
    if args.min_group == 0 {
        return Err(Error::Usage("--min-group must be at least 1".into()));
    }
    Ok(crate::report::Privacy {
        anonymous: args.anonymous,
        by_group: args.by.is_some(),
        min_group: args.min_group,
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
    let format = output::format(args.format, args.writing.output.as_deref())?;
    let asked = asked(catalog, &args, format)?;
    if args.excel && format != OutputFormat::Csv {
        return Err(Error::Usage(
            "--excel applies to CSV output; add --format csv".into(),
        ));
    }
    let privacy = privacy(&args, format)?;
    crate::diagnostics::set_quiet(args.writing.quiet);
    let (mut inputs, missing) =
        batch::gather(&args.inputs, args.reading.jsonl, args.reading.recursive)?;
    if let Some(path) = &args.writing.output {
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

    let mut sink = Sink::open(args.writing.output.as_deref(), args.writing.force)?;
    let theme = output::theme(color, sink.is_terminal());
    let mut reporter = Reporter::with_privacy(catalog, format, theme, privacy);
    let out = sink.writer();
    if args.excel {
        crate::report::excel_bom(out).map_err(Error::Output)?;
    }
    reporter.begin(out).map_err(Error::Output)?;
    report_missing(&mut reporter, &missing, out)?;
    let options = Options {
        catalog,
        mode: Mode::Score,
        top,
        families,
        quiet: args.writing.quiet,
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

/// `rolefit diff`: both sides read and scored through the batch, compared,
/// and written in one format.
fn diff(catalog: &Catalog, args: &DiffArgs, color: ColorChoice) -> Result<()> {
    use crate::report::diff::DiffFormat;
    let format = match output::format(args.format, args.writing.output.as_deref())? {
        OutputFormat::Table => DiffFormat::Table,
        OutputFormat::Json => DiffFormat::Json,
        OutputFormat::Markdown => DiffFormat::Markdown,
        OutputFormat::Html => DiffFormat::Html,
        other => {
            return Err(Error::Usage(format!(
                "diff writes table, json, markdown or html, not {}",
                output::format_name(other)
            )));
        }
    };
    let stdin = std::path::Path::new("-");
    if args.old == stdin && args.new == stdin {
        return Err(Error::Usage(
            "OLD and NEW cannot both be standard input (-)".into(),
        ));
    }
    crate::diagnostics::set_quiet(args.writing.quiet);
    let old = read_side(catalog, &args.old, &args.reading, args.writing.quiet)?;
    let new = read_side(catalog, &args.new, &args.reading, args.writing.quiet)?;
    let one_person = args.old.is_file() && args.new.is_file();
    let mut compared = crate::diff::compare(catalog, &old.scored, &new.scored, one_person);
    compared.failed_inputs = old.failed_inputs + new.failed_inputs;
    let backwards = (compared.people.iter())
        .filter(|p| matches!(p.assessed, [Some(then), Some(now)] if then > now))
        .count();
    if backwards > 0 {
        crate::diagnostics::note(&format!(
            "{backwards} of the people compared answered OLD after NEW (by their `assessed` \
             dates); the order is `rolefit diff OLD NEW`"
        ));
    }
    if !compared.repeated_ids.is_empty() && !args.anonymous {
        crate::diagnostics::note(&format!(
            "ids given to more than one answer set on one side are compared on their first: {}",
            crate::text::escape_control(&compared.repeated_ids.join(", "))
        ));
    }

    let mut sink = Sink::open(args.writing.output.as_deref(), args.writing.force)?;
    let theme = output::theme(color, sink.is_terminal());
    crate::report::diff::write(
        catalog,
        &compared,
        format,
        args.anonymous,
        theme,
        sink.writer(),
    )
    .map_err(Error::Output)?;
    sink.finish()?;

    let failed = compared.failed_inputs;
    crate::diagnostics::closing("compared", compared.people.len(), failed);
    if failed > 0 {
        return Err(Error::SomeInputsFailed {
            failed,
            total: failed + old.scored.len() + new.scored.len(),
        });
    }
    if old.scored.is_empty() || new.scored.is_empty() {
        return Err(Error::Usage(format!(
            "no answer files found in {}",
            crate::text::escape_control(
                &(if old.scored.is_empty() {
                    &args.old
                } else {
                    &args.new
                })
                .display()
                .to_string()
            )
        )));
    }
    Ok(())
}

/// One side of a diff: its inputs read and scored (every role ranked),
/// each failure reported on stderr and counted.
fn read_side(
    catalog: &Catalog,
    path: &std::path::Path,
    reading: &ReadingArgs,
    quiet: bool,
) -> Result<crate::report::diff::Side> {
    let (mut inputs, missing) = batch::gather(
        std::slice::from_ref(&path.to_path_buf()),
        reading.jsonl,
        reading.recursive,
    )?;
    let surveys = Surveys::for_inputs(
        &mut inputs,
        reading.csv,
        reading.columns.as_deref(),
        catalog,
    )?;
    let (collector, side) = crate::report::diff::Collector::new(catalog);
    let mut reporter = Reporter::with_writer(Box::new(collector));
    let out = &mut std::io::sink();
    report_missing(&mut reporter, &missing, out)?;
    let options = Options {
        catalog,
        mode: Mode::Score,
        top: None,
        families: Vec::new(),
        quiet,
        asked: crate::score::Asked::default(),
        unknown_tags: reading.unknown_tags,
        surveys: &surveys,
    };
    batch::run(&inputs, &options, &mut reporter, out).map_err(Error::Output)?;
    reporter.finish(out).map_err(Error::Output)?;
    Ok(side.take())
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
    let plan = crate::plan::plan(catalog, &respondent, role, args.within, args.max_raise).map_err(|e| {
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
                 ({candidates} candidates of one size); try a larger --within or a smaller --max-raise"
            ),
        })
    })?;
    let text = match args.format {
        PlanFormat::Table => render::table(catalog, &respondent, &plan, theme),
        PlanFormat::Json => render::json(catalog, &respondent, &plan),
    };
    out.write_all(text.as_bytes()).map_err(Error::Output)
}

/// Inputs that could not be found: each an error on stderr and a failed
/// input in the report, before anything is scored.
fn report_missing(
    reporter: &mut Reporter<'_>,
    missing: &[crate::error::Located],
    out: &mut dyn std::io::Write,
) -> Result<()> {
    for problem in missing {
        crate::diagnostics::error(problem);
        reporter
            .error(std::slice::from_ref(problem), out)
            .map_err(Error::Output)?;
    }
    Ok(())
}
