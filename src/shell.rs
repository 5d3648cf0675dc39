//! Fitting the shell: completions and the man page.
//!
//! Neither needs the catalog, so both work with a broken `--roles`. Both are
//! rendered into memory first: clap_complete panics when its writer fails,
//! and a closed pipe (`rolefit man | head`) must end quietly instead.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::{Error, Result};

pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<()> {
    let mut command = with_catalog_values(Cli::command());
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "rolefit", &mut script);
    out.write_all(&script).map_err(Error::Output)
}

/// Offers the built-in catalog's role ids, family ids and path ids where an
/// argument takes one (by its value name: `ROLE`, `FAMILY`, `PATH`). Only the
/// completion scripts see these: parsing still accepts any name, so a custom
/// catalog's roles work, and names, prefixes and initials do too.
fn with_catalog_values(command: clap::Command) -> clap::Command {
    // The built-in catalog is embedded and checked by the tests: it loads.
    let Ok(catalog) = crate::catalog::Catalog::builtin() else {
        return command;
    };
    let values_for = |arg: &clap::Arg| -> Option<Vec<String>> {
        let name = arg.get_value_names()?.first()?.as_str();
        let ids: Vec<String> = match name {
            "ROLE" => catalog.roles.iter().map(|r| r.id.clone()).collect(),
            "FAMILY" => catalog.families.iter().map(|f| f.id.clone()).collect(),
            "PATH" if arg.get_id() == "path" => {
                catalog.paths.iter().map(|p| p.id.clone()).collect()
            }
            _ => return None,
        };
        Some(ids)
    };
    let offer = |arg: clap::Arg| match values_for(&arg) {
        Some(ids) => arg
            .value_parser(clap::builder::PossibleValuesParser::new(ids))
            .hide_possible_values(true),
        None => arg,
    };
    command.mut_subcommands(move |sub| sub.mut_args(offer))
}

pub fn man(out: &mut dyn Write) -> Result<()> {
    let page = man_page().map_err(Error::Output)?;
    out.write_all(&page).map_err(Error::Output)
}

/// One page for the whole tool: the usual sections, then every command
/// with its synopsis, options and examples (rather than references to
/// per-command pages that are not installed).
pub fn man_page() -> std::io::Result<Vec<u8>> {
    let mut command = Cli::command();
    command.build();
    let top = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    top.render_title(&mut page)?;
    top.render_name_section(&mut page)?;
    top.render_synopsis_section(&mut page)?;
    top.render_description_section(&mut page)?;
    top.render_options_section(&mut page)?;

    page.extend_from_slice(b".SH COMMANDS\n");
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("rolefit {}", sub.get_name());
        page.extend_from_slice(format!(".SS \"{name}\"\n").as_bytes());
        // The global options are described once, above.
        let sub = sub.clone().bin_name(&name).mut_args(|arg| {
            if arg.is_global_set() {
                arg.hide(true)
            } else {
                arg
            }
        });
        let man = clap_mangen::Man::new(sub.clone());
        // Each renders as a section of its own (`.SH NAME` …); inside
        // COMMANDS they are paragraphs of this subsection.
        let mut part = Vec::new();
        man.render_synopsis_section(&mut part)?;
        man.render_description_section(&mut part)?;
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            man.render_options_section(&mut part)?;
        }
        if sub.get_after_help().is_some() {
            man.render_extra_section(&mut part)?;
        }
        page.extend_from_slice(&demote_sections(&part));
    }

    page.extend_from_slice(ANSWER_FILES.as_bytes());
    page.extend_from_slice(SCORING.as_bytes());
    page.extend_from_slice(EXIT_STATUS.as_bytes());
    page.extend_from_slice(ENVIRONMENT.as_bytes());
    if command.get_after_help().is_some() {
        let mut examples = Vec::new();
        top.render_extra_section(&mut examples)?;
        page.extend_from_slice(&rename_section(&examples, "EXAMPLES"));
    }
    top.render_version_section(&mut page)?;
    Ok(page)
}

/// `.SH X` lines become plain paragraph breaks (the headings repeat what
/// the `.SS` above says), except options, which keep a small heading.
fn demote_sections(roff: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(roff);
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        match line.strip_prefix(".SH ") {
            Some("OPTIONS") => out.push_str(".PP\nOptions:\n"),
            Some(_) => out.push_str(".PP\n"),
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out.into_bytes()
}

fn rename_section(roff: &[u8], name: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(roff);
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if line.starts_with(".SH ") {
            out.push_str(&format!(".SH {name}\n"));
        } else if line
            .trim_end()
            .trim_end_matches(':')
            .eq_ignore_ascii_case(name)
        {
            // The help text's own "Examples:" line repeats the heading.
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.into_bytes()
}

// The man page summarises the answer-file format and the scoring rule
// briefly; their full reference is docs/answer-files.md and docs/scoring.md,
// which a man page cannot link to.
const ANSWER_FILES: &str = "\
.SH \"ANSWER FILES\"
An answer set is YAML (\\fI.yaml\\fR, \\fI.yml\\fR) or JSON (\\fI.json\\fR); JSON Lines (\\fI.jsonl\\fR, \\fI.ndjson\\fR) holds one per line, a CSV survey export one per row. Every key is optional; unknown keys are errors.
.PP
.nf
.RS 4
id: jane\\-doe              # default: the file's stem
path: full                # full | competency | work\\-style
strengths:                # competency tags or their aliases
  \\- error budgets and SLOs          # level 3 when not given
  \\- {tag: pager and on\\-call operations, level: 5}
goals: [threat modeling depth]      # tags to grow into
work_style: {communication: 4, pace: 4.5}   # axes, 1 to 5
statements: {ws\\-pace\\-3: 2}         # or the statements, 1 to 5
families: [support, engineering]    # rank only these families
assessed: 2026\\-03\\-31      # when answered: YYYY\\-MM\\-DD, a real date
group: Platform           # a team, for \\fBscore \\-\\-by group\\fR
.RE
.fi
.PP
Levels are whole numbers from 1 (learning) to 5 (expert). Tag names match loosely (case, \\- and _, aliases) but a miss is an error with the closest tags, never a silent correction. \\fBrolefit template\\fR prints a commented answer file to fill in; \\fBrolefit tags\\fR lists every tag with its description and aliases. The full format is in rolefit's documentation (docs/answer\\-files.md in its source).
";

const SCORING: &str = "\
.SH SCORING
Each role gets three components from 0 to 1: competency (your levels on its tags, as fractions of 5, averaged over its tags), growth (the share of its tags among your goals) and work style (how close your answers are to its targets on the axes you answered). The score weighs them by path: full 0.60 / 0.15 / 0.25, competency 0.80 / 0.20 / \\-, work\\-style work style alone. Roles are ranked by score, then competency, then work style, then id; equal scores at 4 decimals are tied (\\fB=N\\fR in tables). The full rule, with a worked example, is in docs/scoring.md in its source. Results are for self\\-directed exploration, not hiring decisions.
";

const EXIT_STATUS: &str = "\
.SH \"EXIT STATUS\"
.TP
0
Everything was scored (or checked).
.TP
1
Some inputs failed; every valid one was still scored and printed, and each failure was reported on standard error with its file and line.
.TP
2
A usage or catalog error; nothing was scored.
.TP
130
Interrupted.
";

const ENVIRONMENT: &str = "\
.SH ENVIRONMENT
.TP
ROLEFIT_ROLES
A role catalog to use instead of the built\\-in one, like \\fB\\-\\-roles\\fR.
.TP
NO_COLOR
When set and not empty, no colour with \\fB\\-\\-color auto\\fR.
";
