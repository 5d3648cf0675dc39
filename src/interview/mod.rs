//! `rolefit assess`: the interview.
//!
//! [`flow`] holds the questions and their order behind the [`Prompter`]
//! seam; [`terminal`] asks them with dialoguer on standard error; the
//! result is rendered on standard output by the same code as `score`
//! ([`crate::report::table::single`]); [`save`] writes the answers as an
//! answer file that `score` reads back to the same result.

pub mod flow;
pub mod prompt;
pub mod save;
pub mod terminal;

#[cfg(test)]
mod fake;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;

use crate::catalog::Catalog;
use crate::cli::{AssessArgs, ColorChoice};
use crate::error::{Error, Result};
use crate::report::TABLE_TOP;
use crate::report::Theme;
use crate::text::{escape_control, wrap};

pub use flow::{Outcome, Preset};
pub use prompt::Prompter;

/// The interview needs a person at a terminal: stdin and stderr.
pub fn is_interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// What `--path` and `--family` answer, or the usage error they make.
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
    Ok(Preset { path, families })
}

/// Runs `rolefit assess`.
pub fn assess(catalog: &Catalog, args: &AssessArgs, color: ColorChoice) -> Result<()> {
    let preset = preset(catalog, args)?;
    if args.top == 0 {
        return Err(Error::Usage("--top must be at least 1".into()));
    }
    if let Some(target) = &args.save {
        save::check_target(target)?;
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
    terminal.gap();
    show(catalog, &outcome, args.top, color)?;
    terminal.gap();

    let dir = Path::new(".");
    let request = save::Request {
        target: args.save.as_deref(),
        force: args.force,
        dir,
    };
    if let Some(saved) = save::offer(&mut terminal, catalog, &outcome.respondent, &request)? {
        let shown = escape_control(&saved.display().to_string()).into_owned();
        let shown = shown.strip_prefix("./").unwrap_or(&shown).to_string();
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
    Ok(())
}

/// Prints the result on standard output: the ranking and fit profile as
/// `score` prints them, then the answer-quality notes.
fn show(catalog: &Catalog, outcome: &Outcome, top: usize, color: ColorChoice) -> Result<()> {
    let stdout = io::stdout();
    let theme = crate::output::theme(color, stdout.is_terminal());
    let scored = crate::score::assess(catalog, outcome.respondent.clone(), Some(top));
    let mut out = BufWriter::new(stdout.lock());
    crate::report::table::single(catalog, &scored, theme, &mut out).map_err(Error::Output)?;
    out.write_all(notes(&outcome.notes, theme).as_bytes())
        .map_err(Error::Output)?;
    out.flush().map_err(Error::Output)
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
            force: false,
            top: TABLE_TOP,
            families: families.iter().map(|f| f.to_string()).collect(),
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
