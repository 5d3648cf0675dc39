//! The tables people read: one respondent's ranking, then the best
//! match's profile; the cohort's tables are in `cohort`.

mod cohort;

pub(crate) use cohort::{bullet, inputs_seen};

use std::io::{self, Write};

use comfy_table::{ColumnConstraint, Table};

use super::cohort::{Drawing, InputsSeen};
use super::grid::{align_right, new_table, wrap_only};
use super::numbers::percent;
use super::profile;
use super::theme::Theme;
use super::ties::{NO_MATCH_NOTE, rank_labels, tie_note};
use crate::catalog::Catalog;
use crate::score::{Scored, explain};
use crate::text::escape_control;

/// The Note of a role that leads or guides engineers, on the work-style path.
const AFTER_TECHNICAL_NOTE: &str = "after technical work";

/// Rows a table (terminal or Markdown) shows unless `--top` says otherwise.
pub const TABLE_TOP: usize = 10;

/// Narrower than this, the ranking is a list with one role per line.
pub const LIST_BELOW: usize = 60;

/// Columns of the ranking that give way on a narrow terminal, first to go
/// first: the score's bar, then Growth, then Tags, then Family (the best
/// match's family is in its profile).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    bars: bool,
    growth: bool,
    tags: bool,
    family: bool,
}

impl Columns {
    const ALL: Columns = Columns {
        bars: true,
        growth: true,
        tags: true,
        family: true,
    };

    /// The next narrower choice, or `None` when nothing is left to drop.
    fn narrower(self) -> Option<Columns> {
        if self.bars {
            Some(Columns {
                bars: false,
                ..self
            })
        } else if self.growth {
            Some(Columns {
                growth: false,
                ..self
            })
        } else if self.tags {
            Some(Columns {
                tags: false,
                ..self
            })
        } else if self.family {
            Some(Columns {
                family: false,
                ..self
            })
        } else {
            None
        }
    }
}

/// The cells of one respondent's ranking, with the columns given.
fn ranking_cells(
    catalog: &Catalog,
    scored: &Scored,
    theme: Theme,
    columns: Columns,
) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let r = &scored.respondent;
    let path = &catalog.paths[r.path];
    // Only the components the path assesses get a column.
    let competency = path.assesses_competency();
    let style = path.assesses_work_style();
    let mut header = vec!["#", "Role"];
    if columns.family {
        header.push("Family");
    }
    header.push("Score");
    if competency {
        header.push("Skills");
        if columns.growth {
            header.push("Growth");
        }
    }
    // On the work-style path the score is the style: no column repeats
    // it; roles that lead or guide engineers say they follow technical work.
    if style && competency {
        header.push("Style");
    }
    if !competency {
        header.push("Note");
    }
    if competency && columns.tags {
        header.push("Tags");
    }
    let ranks = rank_labels(&scored.ranking);
    // The table fills 80 columns with ranks of two characters; a wider
    // rank (`=10`) takes its room from the bars, not from the role names.
    let rank_width = ranks.iter().map(String::len).max().unwrap_or(0);
    let bar_cells = 6usize.saturating_sub(rank_width.saturating_sub(2)).max(3);
    let rows = scored
        .ranking
        .iter()
        .zip(ranks)
        .map(|(s, rank)| {
            let role = &catalog.roles[s.role];
            let score = if columns.bars {
                format!(
                    "{:>4} {}",
                    percent(Some(s.score)),
                    theme.bar(s.score, bar_cells)
                )
            } else {
                percent(Some(s.score))
            };
            let mut row = vec![rank, escape_control(&role.name).into_owned()];
            if columns.family {
                row.push(escape_control(&catalog.families[role.family].name).into_owned());
            }
            row.push(score);
            if competency {
                row.push(percent(s.competency));
                if columns.growth {
                    row.push(percent(s.growth));
                }
            }
            if style && competency {
                row.push(percent(s.work_style));
            }
            if !competency {
                row.push(if role.follows_technical_work {
                    AFTER_TECHNICAL_NOTE.to_string()
                } else {
                    String::new()
                });
            }
            if competency && columns.tags {
                let matched = explain(catalog, r, s).matched.len();
                row.push(format!("{matched}/{}", role.tags.len()));
            }
            row
        })
        .collect();
    (header, rows)
}

/// The width a column needs to show every cell on one line, and the
/// width of its longest word (the least it may wrap to).
fn widths(header: &[&str], rows: &[Vec<String>], column: usize) -> (usize, usize) {
    let cells = std::iter::once(header[column]).chain(rows.iter().map(|r| r[column].as_str()));
    cells.fold((0, 0), |(whole, word), cell| {
        let longest_word = cell
            .split_whitespace()
            .map(console::measure_text_width)
            .max()
            .unwrap_or(0);
        (
            whole.max(console::measure_text_width(cell)),
            word.max(longest_word),
        )
    })
}

/// The ranking of one respondent. On a narrow terminal the columns give
/// way by priority (bars, Growth, Tags) until every row fits on one line;
/// if it still does not, role names wrap between words.
pub fn ranking(catalog: &Catalog, scored: &Scored, theme: Theme) -> Table {
    let mut columns = Columns::ALL;
    let (header, rows, columns) = loop {
        let (header, rows) = ranking_cells(catalog, scored, theme, columns);
        // One space after each column.
        // One space after each column, the last one's too (the table
        // counts it, though trimmed when printed).
        let whole: usize = (0..header.len())
            .map(|c| widths(&header, &rows, c).0 + 1)
            .sum();
        match columns.narrower() {
            Some(narrower) if whole > theme.width => columns = narrower,
            _ => break (header, rows, columns),
        }
    };
    let mut table = new_table(theme, header.clone());
    for row in &rows {
        table.add_row(row.clone());
    }
    // The score with its bar has a fixed width; a bare one aligns right.
    let score = header.iter().position(|&h| h == "Score").unwrap_or(3);
    let first_number = if columns.bars { score + 1 } else { score };
    let note = header.iter().position(|&h| h == "Note");
    let numeric: Vec<usize> = std::iter::once(0)
        .chain(first_number..table.column_count())
        .filter(|&c| Some(c) != note)
        .collect();
    align_right(&mut table, &numeric);
    wrap_only(&mut table, 1);
    // A role name wraps between words, never inside one.
    let longest_word = widths(&header, &rows, 1).1;
    if let Some(column) = table.column_mut(1) {
        column.set_constraint(ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(
            u16::try_from(longest_word).unwrap_or(u16::MAX),
        )));
    }
    table
}

/// The ranking as a list, one role per line wrapped between words: for
/// terminals too narrow for the table.
fn ranking_list(catalog: &Catalog, scored: &Scored, theme: Theme) -> String {
    let (header, rows) = ranking_cells(
        catalog,
        scored,
        theme,
        Columns {
            bars: false,
            ..Columns::ALL
        },
    );
    let mut out = String::new();
    for row in &rows {
        let mut line = format!("{} ({}) {}", row[1], row[2], row[3]);
        // Rank, role, family and score are in the words before.
        for (name, value) in header.iter().zip(row).skip(4) {
            line.push_str(&format!(", {} {value}", name.to_lowercase()));
        }
        // The rank hangs out to the left of the wrapped lines.
        let wrapped = crate::text::wrap(&line, theme.width, "    ");
        out.push_str(&format!("{:>2}. {}\n", row[0], &wrapped[4..]));
    }
    out
}

/// What the columns of [`ranking`] mean, for the path's columns only.
fn legend(catalog: &Catalog, scored: &Scored) -> String {
    let path = &catalog.paths[scored.respondent.path];
    let mut parts: Vec<&str> = Vec::new();
    if path.assesses_competency() {
        parts.push("Skills: your strengths among the role's tags. Growth: your goals among them.");
    }
    if path.assesses_work_style() && path.assesses_competency() {
        parts.push("Style: how your work style fits the role.");
    }
    if !path.assesses_competency() {
        parts.push(
            "Score: how close your work-style answers are to the role's. \
             Note \"after technical work\": the role leads or guides engineers and is \
             usually reached after years of technical work.",
        );
    }
    parts.join(" ")
}

/// One respondent in full, or the cohort a chunk of rows at a time.
pub(crate) const DRAWING: Drawing = Drawing {
    single: single_with_inputs,
    rows: cohort::rows,
    summary: cohort::summary,
};

/// One respondent in full, then the inputs that failed beside them.
fn single_with_inputs(
    catalog: &Catalog,
    scored: &Scored,
    inputs: InputsSeen<'_>,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    single(catalog, scored, theme, out)?;
    if inputs.failed_count > 0 || !inputs.notices.is_empty() {
        writeln!(out)?;
    }
    inputs_seen(inputs, theme, out)
}

/// The notes on one result, each on its own line.
pub(crate) fn notes(
    catalog: &Catalog,
    scored: &Scored,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    let notes = crate::score::notes(catalog, scored);
    if notes.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{}", theme.bold("Notes on this result:"))?;
    for note in notes {
        writeln!(out, "{}", bullet(&escape_control(&note.text), theme.width))?;
    }
    Ok(())
}

/// The title line, the ranking (a table, or a list below
/// [`LIST_BELOW`] columns) and what its columns mean.
pub fn ranking_block(
    catalog: &Catalog,
    scored: &Scored,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    ranking_title(catalog, scored, theme, out)?;
    writeln!(out)?;
    ranking_body(catalog, scored, theme, out)
}

fn ranking_title(
    catalog: &Catalog,
    scored: &Scored,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    let r = &scored.respondent;
    writeln!(
        out,
        "{} {} {} {} path",
        theme.bold("Ranking for"),
        theme.bold(&escape_control(&r.id)),
        theme.separator(),
        escape_control(&catalog.paths[r.path].id)
    )
}

fn ranking_body(
    catalog: &Catalog,
    scored: &Scored,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    if theme.width < LIST_BELOW {
        out.write_all(ranking_list(catalog, scored, theme).as_bytes())?;
    } else {
        writeln!(out, "{}", ranking(catalog, scored, theme).trim_fmt())?;
    }
    let legend = legend(catalog, scored);
    writeln!(
        out,
        "{}",
        theme.dim(&crate::text::wrap(&legend, theme.width, ""))
    )?;
    if scored.ranking.iter().any(|s| s.tied) {
        let note = tie_note(catalog, scored);
        writeln!(
            out,
            "{}",
            theme.dim(&crate::text::wrap(note, theme.width, ""))
        )?;
    }
    Ok(())
}

pub fn single(
    catalog: &Catalog,
    scored: &Scored,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    let r = &scored.respondent;
    let path = &catalog.paths[r.path];
    ranking_title(catalog, scored, theme, out)?;
    if !path.assesses_competency() {
        writeln!(out)?;
        out.write_all(profile::own_work_style(catalog, r, theme).as_bytes())?;
    }
    writeln!(out)?;
    ranking_body(catalog, scored, theme, out)?;
    notes(catalog, scored, theme, out)?;
    let quote = |w: &str| format!("{:?}", escape_control(w).as_ref());
    let words = super::words::summary(catalog, r, &quote);
    if !words.is_empty() {
        writeln!(out)?;
    }
    for line in words {
        writeln!(out, "{}", crate::text::wrap(&line, theme.width, ""))?;
    }
    if scored.no_match() {
        writeln!(
            out,
            "\n{}",
            crate::text::wrap(NO_MATCH_NOTE, theme.width, "")
        )?;
    }
    let aims = super::aims::terminal(catalog, scored, theme);
    if !aims.is_empty() {
        writeln!(out)?;
        out.write_all(aims.as_bytes())?;
    }
    if !scored.focus.is_empty() {
        for focus in &scored.focus {
            writeln!(out)?;
            out.write_all(profile::focus_profile(catalog, r, focus, theme).as_bytes())?;
        }
    } else if let Some(best) = scored.best() {
        writeln!(out)?;
        let group = profile::top_group(catalog, scored);
        let text = if group.is_empty() {
            profile::fit_profile(catalog, r, best, theme)
        } else {
            profile::group_profile(catalog, r, &group, theme)
        };
        out.write_all(text.as_bytes())?;
    } else if scored.ranking.is_empty() {
        writeln!(out, "\nNo role is in the families chosen.")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
