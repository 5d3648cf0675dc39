//! `rolefit assess`: the interview.
//!
//! [`flow`] holds the questions and their order behind the [`Prompter`]
//! seam; [`terminal`] asks them on standard error (dialoguer, and the
//! [`widgets`] for filtering lists, scales and levels); the result is
//! rendered on standard output by the same code as `score`, the ranking
//! last so that it is in view when the save question comes; [`save`]
//! offers the [`documents`]: the answers as an answer file that `score`
//! reads back to the same result and `assess --from` starts from, and the
//! HTML report beside them; [`mod@file`] writes them.

pub mod documents;
pub mod file;
pub mod flow;
pub mod prompt;
pub mod save;
pub mod terminal;
pub mod widgets;

#[cfg(test)]
mod fake;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;

use crate::answers::{Format, Origin};
use crate::catalog::Catalog;
use crate::cli::{AssessArgs, ColorChoice};
use crate::error::{Error, Result};
use crate::report::TABLE_TOP;
use crate::report::Theme;
use crate::text::{escape_control, wrap};

pub use flow::{Earlier, Outcome, Preset};
pub use prompt::Prompter;

/// The interview needs a person at a terminal: stdin and stderr.
pub fn is_interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// What `--path`, `--family` and `--from` answer, or the usage error they make.
pub fn preset(catalog: &Catalog, args: &AssessArgs) -> Result<Preset> {
    let path = args
        .path
        .as_deref()
        .map(|p| catalog.find_path(p).map_err(Error::Usage))
        .transpose()?;
    let families = if args.families.is_empty() {
        None
    } else {
        Some(catalog.find_families(&args.families)?)
    };
    let earlier = args
        .from
        .as_deref()
        .map(|file| earlier(catalog, file))
        .transpose()?;
    Ok(Preset {
        path,
        families,
        earlier,
    })
}

/// The answers of an answer file, to start the interview from; a file
/// that `score` would refuse is refused with the same problems.
pub fn earlier(catalog: &Catalog, file: &Path) -> Result<Earlier> {
    let source = file.display().to_string();
    let shown = escape_control(&source).into_owned();
    let refused = |problems: String| Error::Usage(format!("--from {shown}: {problems}"));
    let bytes =
        crate::read::read_limited(file, crate::answers::MAX_ANSWER_BYTES).map_err(refused)?;
    let text = crate::read::decode(bytes, &source).map_err(|e| refused(e.to_string()))?;
    let stem = file
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let origin = Origin {
        source: &source,
        text: &text,
        first_line: 1,
        default_id: &stem,
    };
    let format = Format::from_extension(file).unwrap_or(Format::Yaml);
    let answers = crate::answers::parse(&origin, format).map_err(|e| refused(e.to_string()))?;
    let statements: Vec<(usize, u8)> = answers
        .statements
        .iter()
        .filter_map(|(id, answer)| match answer {
            crate::document::Number::Value(answer) => {
                Some((catalog.question_index(id)?, *answer as u8))
            }
            crate::document::Number::NotANumber(_) => None,
        })
        .collect();
    // An id that is only the file's name was not a name the person gave.
    let name = answers.id.clone().filter(|id| *id != stem);
    let respondent = crate::answers::resolve(answers, catalog, &origin).map_err(|problems| {
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        refused(problems.join("; "))
    })?;
    Ok(Earlier {
        name,
        path: respondent.path,
        families: respondent.families,
        strengths: respondent.strengths,
        goals: respondent.goals,
        statements,
    })
}

/// Runs `rolefit assess`.
pub fn assess(catalog: &Catalog, args: &AssessArgs, color: ColorChoice) -> Result<()> {
    let preset = preset(catalog, args)?;
    if args.top == 0 {
        return Err(Error::Usage("--top must be at least 1".into()));
    }
    if let Some(target) = &args.save {
        file::check_target("--save", target)?;
    }
    if let Some(target) = &args.report {
        file::check_target("--report", target)?;
    }
    if !is_interactive() {
        return Err(Error::Usage(
            "`rolefit assess` is an interview and needs a terminal (standard input and \
             standard error); without one, fill in an answer file (`rolefit template > \
             me.yaml`) and run `rolefit score me.yaml`"
                .into(),
        ));
    }

    let mut terminal = terminal::Terminal::new(color);
    terminal.welcome()?;
    let outcome = flow::run(catalog, &preset, &mut terminal)?;
    terminal.done_asking();
    show(catalog, &outcome, args.top, color, terminal.unicode())?;

    let dir = Path::new(".");
    let request = save::Request {
        target: args.save.as_deref(),
        force: args.force,
        dir,
    };
    let answers = documents::answers(catalog, &outcome, dir);
    terminal.unsaved_on_leaving(
        "your answers to the whole interview and their result were discarded; nothing was saved"
            .into(),
    );
    let saved = save::offer(&mut terminal, &answers, &request)?;
    terminal.unsaved_on_leaving(match &saved {
        Some(saved) => format!(
            "the report was not saved (your answers are in {})",
            shown_path(saved)
        ),
        None => "the report was not saved, nor were your answers".into(),
    });
    if let Some(saved) = &saved {
        let shown = shown_path(saved);
        let top = if args.top == TABLE_TOP {
            String::new()
        } else {
            format!(" --top {}", args.top)
        };
        terminal.say(&format!("Saved your answers to {shown}."));
        terminal.say(&format!(
            "To see this result again: rolefit score {shown}{top}"
        ));
    }
    let request = save::Request {
        target: args.report.as_deref(),
        ..request
    };
    let report = documents::report(catalog, &outcome, dir, saved);
    if let Some(saved) = save::offer(&mut terminal, &report, &request)? {
        terminal.say(&format!(
            "Saved the report to {}: open it in a browser.",
            shown_path(&saved)
        ));
    }
    Ok(())
}

/// A saved file's name as the person reads it: escaped, without `./`.
fn shown_path(path: &Path) -> String {
    let shown = escape_control(&path.display().to_string()).into_owned();
    shown.strip_prefix("./").unwrap_or(&shown).to_string()
}

/// Prints the result on standard output as `score` prints it, with the
/// ranking moved last: the fit profile of the best match and the notes
/// on the answers come first, then the ranking and a one-line summary,
/// so that the ranking is in view when the save question comes.
fn show(
    catalog: &Catalog,
    outcome: &Outcome,
    top: usize,
    color: ColorChoice,
    unicode: bool,
) -> Result<()> {
    let stdout = io::stdout();
    let mut theme = crate::output::theme(color, stdout.is_terminal());
    theme.unicode &= unicode;
    let scored = crate::score::assess(catalog, outcome.respondent.clone(), Some(top));
    let r = &scored.respondent;
    let mut out = BufWriter::new(stdout.lock());
    let mut text = String::from("\n");
    if !catalog.paths[r.path].assesses_competency() {
        text.push_str(&crate::report::profile::own_work_style(catalog, r, theme));
        text.push('\n');
    }
    if let Some(best) = scored.best() {
        text.push_str(&crate::report::profile::fit_profile(
            catalog, r, best, theme,
        ));
    }
    text.push_str(&notes(&outcome.notes, theme));
    text.push('\n');
    out.write_all(text.as_bytes()).map_err(Error::Output)?;
    crate::report::table::ranking_block(catalog, &scored, theme, &mut out)
        .map_err(Error::Output)?;
    writeln!(out, "\n{}", summary(catalog, &scored, theme)).map_err(Error::Output)?;
    out.flush().map_err(Error::Output)
}

/// The line right above the save question: the best match and its
/// score, and the runner-up when the line has room for it.
fn summary(catalog: &Catalog, scored: &crate::score::Scored, theme: Theme) -> String {
    let role = |s: &crate::score::RoleScore| {
        format!(
            "{}, {}",
            escape_control(&catalog.roles[s.role].name),
            crate::report::percent(Some(s.score))
        )
    };
    let Some(best) = scored.best() else {
        return if scored.no_match() {
            "No best match: every role scored 0%.".into()
        } else {
            "No role is in the families chosen.".into()
        };
    };
    let lead = "Your best match:";
    let short = format!("{lead} {}.", role(best));
    let line = match scored.ranking.get(1) {
        Some(next) => {
            let long = format!("{lead} {} (runner-up: {}).", role(best), role(next));
            if crate::text::width(&long) <= theme.width {
                long
            } else {
                short
            }
        }
        None => short,
    };
    let ellipsis = if theme.unicode { "…" } else { "..." };
    let line = console::truncate_str(&line, theme.width, ellipsis).into_owned();
    match line.strip_prefix(lead) {
        Some(rest) => format!("{}{rest}", theme.bold(lead)),
        None => line,
    }
}

/// The answer-quality notes, after the result.
pub fn notes(notes: &[String], theme: Theme) -> String {
    if notes.is_empty() {
        return String::new();
    }
    let mut text = format!(
        "\n{}\n",
        theme.styled(
            "Notes on your answers",
            console::Style::new().bold().yellow()
        )
    );
    for note in notes {
        let wrapped = wrap(note, theme.width, "    ");
        let bullet = if theme.unicode { "  • " } else { "  - " };
        text.push_str(bullet);
        text.push_str(wrapped.trim_start());
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(path: Option<&str>, families: &[&str]) -> AssessArgs {
        AssessArgs {
            path: path.map(str::to_string),
            save: None,
            report: None,
            force: false,
            top: TABLE_TOP,
            families: families.iter().map(|f| f.to_string()).collect(),
            from: None,
        }
    }

    #[test]
    fn presets_resolve_or_suggest() {
        let catalog = Catalog::builtin().unwrap();
        let p = preset(&catalog, &args(Some("work-style"), &["support", "support"])).unwrap();
        assert_eq!(p.path, catalog.path_index("work-style"));
        assert_eq!(
            p.families,
            Some(vec![catalog.family_index("support").unwrap()])
        );
        let none = preset(&catalog, &args(None, &[])).unwrap();
        assert_eq!(none, Preset::default());

        let path = preset(&catalog, &args(Some("workstyle"), &[])).unwrap_err();
        assert!(
            path.to_string().contains("did you mean \"work-style\""),
            "{path}"
        );
        assert_eq!(path.exit_code(), 2);
        let family = preset(&catalog, &args(None, &["engneering"])).unwrap_err();
        assert!(
            family.to_string().contains("did you mean \"engineering\""),
            "{family}"
        );
    }

    #[test]
    fn notes_are_a_titled_list_after_the_result() {
        assert_eq!(notes(&[], Theme::PLAIN), "");
        let text = notes(&["First note.".into(), "Second.".into()], Theme::PLAIN);
        assert_eq!(
            text,
            "\nNotes on your answers\n  - First note.\n  - Second.\n"
        );
    }
}
