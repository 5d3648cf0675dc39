//! `rolefit assess`: the interview.
//!
//! The questions are asked in the order of [`flow`], through the
//! [`Prompter`] seam, on the [`terminal`]; the result is rendered on
//! standard output by the same code as `score`, the ranking last so that
//! it is in view when the save question comes; then [`save`] offers the
//! [`documents`], and [`save`] writes them.

pub mod documents;
pub mod flow;
mod invocation;
pub mod prompt;
pub mod save;
pub mod terminal;
pub mod widgets;

#[cfg(test)]
mod fake;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::answers::{Format, Origin};
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::output::ColorChoice;
use crate::report::TABLE_TOP;
use crate::report::Theme;
use crate::text::{escape_control, wrap};

pub use flow::{Earlier, Outcome, Preset};
pub use prompt::Prompter;

/// The interview needs a person at a terminal: stdin and stderr.
pub fn is_interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// What the interview is told before it starts (`rolefit assess`'s options):
/// presets for questions it may skip, where to save, how much to show.
#[derive(Debug, Clone)]
pub struct Options {
    /// Skip the path question: a path's id or name.
    pub path: Option<String>,
    /// Save the answers here without asking.
    pub save: Option<PathBuf>,
    /// Save the HTML report here without asking.
    pub report: Option<PathBuf>,
    /// Replace the `save` or `report` file if it exists.
    pub force: bool,
    /// How many roles the ranking shows.
    pub top: usize,
    /// Skip the family question: these families' ids or names.
    pub families: Vec<String>,
    /// Start from the answers in this file.
    pub from: Option<PathBuf>,
    /// The group saved with the answers.
    pub group: Option<String>,
    /// What a word of `from` that is not understood does: left out with a
    /// warning (the default), or refuses the file.
    pub unknown_tags: crate::answers::UnknownTags,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            path: None,
            save: None,
            report: None,
            force: false,
            top: TABLE_TOP,
            families: Vec::new(),
            from: None,
            group: None,
            unknown_tags: crate::answers::UnknownTags::Warn,
        }
    }
}

/// What `--path`, `--family` and `--from` answer, or the usage error they make.
pub fn preset(catalog: &Catalog, args: &Options) -> Result<Preset> {
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
        .map(|file| earlier(catalog, file, args.unknown_tags))
        .transpose()?;
    Ok(Preset {
        path,
        families,
        earlier,
    })
}

/// The answers of an answer file, to start the interview from, read as
/// `score` reads them: a file `score` would refuse is refused with the
/// same problems; a word the reader does not understand is left out with
/// a warning (refused under `UnknownTags::Error`), and a word read only as
/// related evidence is named, since the lists tick only tags claimed.
pub fn earlier(
    catalog: &Catalog,
    file: &Path,
    unknown_tags: crate::answers::UnknownTags,
) -> Result<Earlier> {
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
    let respondent = crate::answers::resolve_with(answers, catalog, &origin, unknown_tags)
        .map_err(|problems| {
            let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
            refused(problems.join("; "))
        })?;
    say_how_earlier_was_read(catalog, &shown, &respondent);
    Ok(Earlier {
        name,
        path: respondent.path,
        families: respondent.families,
        strengths: respondent.strengths,
        goals: respondent.goals,
        statements,
        group: respondent.meta.group,
        target: respondent.target,
    })
}

/// The warnings on the answers started from, worded for the interview
/// (a word left out is not in the lists' ticks, rather than "scored
/// without"), and a note for each word read only as related evidence.
fn say_how_earlier_was_read(catalog: &Catalog, shown: &str, r: &crate::answers::Respondent) {
    for warning in &r.warnings {
        let mut warning = warning.clone();
        warning.message = warning.message.replace(
            "(not understood; scored without it)",
            "(not understood; the interview starts without it)",
        );
        crate::diagnostics::warning(&warning);
    }
    for word in r.words.not_exact().filter(|u| !u.how.is_direct()) {
        let tags: Vec<&str> = (word.tags.as_slice().iter())
            .map(|&t| catalog.tags[t].name.as_str())
            .collect();
        crate::diagnostics::note(&format_args!(
            "--from {shown}: {:?} is read as {} to {}; the interview ticks only skills \
             claimed, so tick those that fit",
            escape_control(&word.said),
            word.how.as_str(),
            escape_control(&tags.join(", ")),
        ));
    }
}

/// Runs `rolefit assess`.
pub fn assess(catalog: &Catalog, args: &Options, color: ColorChoice) -> Result<()> {
    let preset = preset(catalog, args)?;
    let group_of_earlier = preset.earlier.as_ref().and_then(|e| e.group.clone());
    if args.group.as_deref().is_some_and(|g| g.trim().is_empty()) {
        return Err(Error::Usage(
            "--group needs a name (a team or department)".into(),
        ));
    }
    if args.top == 0 {
        return Err(Error::Usage("--top must be at least 1".into()));
    }
    if let Some(target) = &args.save {
        save::check_target("--save", target)?;
    }
    if let Some(target) = &args.report {
        save::check_target("--report", target)?;
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
    let mut outcome = flow::run(catalog, &preset, &mut terminal)?;
    terminal.done_asking();
    outcome.respondent.meta = crate::answers::Meta {
        assessed: Some(crate::answers::Date::today()),
        group: args.group.clone().or(group_of_earlier),
    };
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
            "To see this result again: {} score {}{top}",
            invocation::this_binary(),
            invocation::shell_quoted(&shown)
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
    let mut scored = crate::score::assess(catalog, outcome.respondent.clone(), Some(top));
    crate::plan::aims::answer_aims(catalog, &mut scored);
    let r = &scored.respondent;
    let mut out = BufWriter::new(stdout.lock());
    let mut text = String::from("\n");
    if !catalog.paths[r.path].assesses_competency() {
        text.push_str(&crate::report::profile::own_work_style(catalog, r, theme));
        text.push('\n');
    }
    if let Some(best) = scored.best() {
        let group = crate::report::profile::top_group(catalog, &scored);
        text.push_str(&if group.is_empty() {
            crate::report::profile::fit_profile(catalog, r, best, theme)
        } else {
            crate::report::profile::group_profile(catalog, r, &group, theme)
        });
    }
    // The result's own notes (a best match resting on work style or goals
    // alone), unless the answers' notes already said why.
    let mut all_notes = outcome.notes.clone();
    all_notes.extend(
        crate::score::notes(catalog, &scored)
            .into_iter()
            .filter(|note| {
                !r.strengths.is_empty()
                    || !matches!(
                        note.kind,
                        crate::score::NoteKind::WorkStyleAlone | crate::score::NoteKind::GoalsAlone
                    )
            })
            .map(|note| format!("{}{}.", note.text[..1].to_uppercase(), &note.text[1..])),
    );
    text.push_str(&notes(&all_notes, theme));
    text.push('\n');
    out.write_all(text.as_bytes()).map_err(Error::Output)?;
    // The ranking, then the aim: what the person came for stays right
    // above the summary and the save question.
    let mut block = Vec::new();
    crate::report::table::ranking_block(catalog, &scored, theme, &mut block)
        .map_err(Error::Output)?;
    let aims = crate::report::aims::terminal(catalog, &scored, theme);
    if !aims.is_empty() {
        block.push(b'\n');
        block.extend_from_slice(aims.as_bytes());
    }
    out.write_all(&block).map_err(Error::Output)?;
    let summary = summary(catalog, &scored, theme);
    let rows = console::Term::stderr().size().0;
    if let Some(header) = scrolled_header(&String::from_utf8_lossy(&block), &summary, rows) {
        writeln!(out, "\n{header}").map_err(Error::Output)?;
    } else {
        writeln!(out).map_err(Error::Output)?;
    }
    writeln!(out, "{summary}").map_err(Error::Output)?;
    out.flush().map_err(Error::Output)
}

/// Lines the save question takes below the summary (the question and
/// its key hints).
const QUESTION_LINES: usize = 3;

/// The ranking's column header, when it will have scrolled off a screen
/// of `rows` lines by the time the save question is asked below
/// `summary`: repeated above the summary, so the numbers keep their names.
fn scrolled_header(block: &str, summary: &str, rows: u16) -> Option<String> {
    let lines: Vec<&str> = block.lines().collect();
    let at = lines.iter().position(|l| {
        console::strip_ansi_codes(l)
            .trim_start()
            .starts_with("# Role")
    })?;
    let below = lines.len() - at + 1 + summary.lines().count() + QUESTION_LINES;
    (below > usize::from(rows)).then(|| lines[at].to_string())
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
    let group = crate::report::profile::top_group(catalog, scored);
    let lead = "Your best match:";
    let line = if group.len() > 1 {
        let names: Vec<String> = group
            .iter()
            .map(|s| escape_control(&catalog.roles[s.role].name).into_owned())
            .collect();
        let (last, rest) = names.split_last().unwrap_or((&names[0], &[]));
        format!(
            "{} ({}): {} and {last}.",
            crate::report::profile::group_heading(group.len()),
            crate::report::percent(Some(best.score)),
            rest.join(", ")
        )
    } else {
        match scored.ranking.get(1) {
            // The runner-up is kept: on a line of its own when both do
            // not fit on one.
            Some(next) => format!("{lead} {} (runner-up: {}).", role(best), role(next)),
            None => format!("{lead} {}.", role(best)),
        }
    };
    let line = crate::text::wrap(&line, theme.width, "");
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

    fn args(path: Option<&str>, families: &[&str]) -> Options {
        Options {
            path: path.map(str::to_string),
            families: families.iter().map(|f| f.to_string()).collect(),
            ..Options::default()
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

    #[test]
    fn earlier_answers_keep_what_was_understood_unless_strict() {
        let catalog = Catalog::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("me.yaml");
        std::fs::write(&file, "strengths: [SLOs, xyzzy plugh]\n").unwrap();
        let slo = catalog.tag_index("SLOs").unwrap();
        let warn = crate::answers::UnknownTags::Warn;
        let read = earlier(&catalog, &file, warn).unwrap();
        assert_eq!(read.strengths, vec![(slo, 3)]);
        let strict = earlier(&catalog, &file, crate::answers::UnknownTags::Error);
        assert!(strict.is_err_and(|e| e.to_string().contains("xyzzy plugh")));
    }
}
