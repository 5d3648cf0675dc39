//! The table a person reads: the ranking, then the best match's profile.

use std::io::{self, Write};

use comfy_table::{
    CellAlignment, ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle,
};

use super::{Cohort, Theme, percent, profile};
use crate::catalog::Catalog;
use crate::score::{Scored, explain};
use crate::text::escape_control;

/// A table with only a rule under the header: light on the eye, and it
/// copies cleanly into tickets.
pub fn new_table(theme: Theme, header: Vec<&str>) -> Table {
    let rule = if theme.unicode { '─' } else { '-' };
    let mut table = Table::new();
    table
        .load_style(TableStyle::new().header_separator(LineStyle::none().fill(rule)))
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(theme.width).unwrap_or(u16::MAX))
        .set_header(header);
    // One space between columns: the ranking must fit 80 columns.
    for column in table.column_iter_mut() {
        column.set_padding((0, 1));
    }
    if theme.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// Keeps every column but `flexible` at its content width, so only that
/// one wraps when the terminal is narrow.
pub fn wrap_only(table: &mut Table, flexible: usize) {
    for (i, column) in table.column_iter_mut().enumerate() {
        if i != flexible {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}

/// Right-aligns the columns that hold numbers.
pub fn align_right(table: &mut Table, columns: &[usize]) {
    for &c in columns {
        if let Some(column) = table.column_mut(c) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
}

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
    if style {
        header.push("Style");
    }
    if competency && columns.tags {
        header.push("Tags");
    }
    let rows = scored
        .ranking
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let role = &catalog.roles[s.role];
            let score = if columns.bars {
                format!("{:>4} {}", percent(Some(s.score)), theme.bar(s.score, 6))
            } else {
                percent(Some(s.score))
            };
            let mut row = vec![(i + 1).to_string(), escape_control(&role.name).into_owned()];
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
            if style {
                row.push(percent(s.work_style));
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
    let numeric: Vec<usize> = std::iter::once(0)
        .chain(first_number..table.column_count())
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
    let mut parts = Vec::new();
    if path.assesses_competency() {
        parts.push("Skills: your strengths among the role's tags. Growth: your goals among them.");
    }
    if path.assesses_work_style() {
        parts.push("Style: how your work style fits the role.");
    }
    parts.join(" ")
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
        "{} {} · {} path",
        theme.bold("Ranking for"),
        theme.bold(&escape_control(&r.id)),
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
    )
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
    if let Some(best) = scored.best() {
        writeln!(out)?;
        out.write_all(profile::fit_profile(catalog, r, best, theme).as_bytes())?;
    } else {
        writeln!(out, "\nNo role is in the families chosen.")?;
    }
    Ok(())
}

pub(crate) fn cohort(
    catalog: &Catalog,
    cohort: &Cohort<'_>,
    theme: Theme,
    out: &mut dyn Write,
) -> io::Result<()> {
    let role_name = |role: usize| escape_control(&catalog.roles[role].name).into_owned();
    let mut table = new_table(
        theme,
        vec!["Respondent", "Best match", "Score", "Runner-up", "Score"],
    );
    for row in cohort.rows {
        let (best, best_score) = row
            .best
            .map_or((String::new(), None), |(r, s)| (role_name(r), Some(s)));
        let (next, next_score) = row
            .runner_up
            .map_or((String::new(), None), |(r, s)| (role_name(r), Some(s)));
        table.add_row(vec![
            escape_control(&row.id).into_owned(),
            best,
            percent(best_score),
            next,
            percent(next_score),
        ]);
    }
    align_right(&mut table, &[2, 4]);
    writeln!(out, "{}\n", table.trim_fmt())?;

    let scored = cohort.rows.len();
    let mut summary = format!("{} {scored} respondents scored", theme.bold("Cohort:"));
    if cohort.failed_inputs > 0 {
        summary.push_str(&format!(", {} inputs failed", cohort.failed_inputs));
    }
    writeln!(out, "{summary}\n")?;
    let mut best = new_table(theme, vec!["Best match", "People", "Share"]);
    for &(role, count) in &cohort.best_counts {
        best.add_row(vec![
            role_name(role),
            count.to_string(),
            format!(
                "{} {:>4}",
                theme.bar(count as f64 / scored as f64, 10),
                percent(Some(count as f64 / scored as f64))
            ),
        ]);
    }
    align_right(&mut best, &[1]);
    writeln!(out, "{}\n", best.trim_fmt())?;
    if !cohort.common_gaps.is_empty() {
        let mut gaps = new_table(theme, vec!["Most common gap in the best match", "People"]);
        for &(tag, count) in cohort.common_gaps.iter().take(5) {
            gaps.add_row(vec![
                escape_control(&catalog.tags[tag].name).into_owned(),
                count.to_string(),
            ]);
        }
        align_right(&mut gaps, &[1]);
        writeln!(out, "{}", gaps.trim_fmt())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Format, Origin};

    fn jane(catalog: &Catalog) -> Scored {
        let text = include_str!("../../examples/jane-sre.yaml");
        let origin = Origin {
            source: "jane-sre.yaml",
            text,
            first_line: 1,
            default_id: "jane-sre",
        };
        let file = crate::answers::parse(&origin, Format::Yaml).unwrap();
        let respondent = crate::answers::resolve(file, catalog, &origin).unwrap();
        crate::score::assess(catalog, respondent, Some(crate::report::TABLE_TOP))
    }

    fn block(catalog: &Catalog, scored: &Scored, width: usize) -> String {
        let theme = Theme {
            color: false,
            unicode: true,
            width,
        };
        let mut out = Vec::new();
        ranking_block(catalog, scored, theme, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn narrow_tables_drop_bars_then_growth_then_tags_then_family() {
        let catalog = Catalog::builtin().unwrap();
        let scored = jane(&catalog);
        let header = |width: usize| {
            let text = block(&catalog, &scored, width);
            text.lines()
                .find(|l| l.contains("# Role"))
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .unwrap_or_default()
        };
        assert!(block(&catalog, &scored, 80).contains('█'), "bars at 80");
        assert_eq!(header(80), "# Role Family Score Skills Growth Style Tags");
        assert!(!block(&catalog, &scored, 79).contains('█'), "bars go first");
        assert_eq!(header(74), "# Role Family Score Skills Growth Style Tags");
        assert_eq!(header(73), "# Role Family Score Skills Style Tags");
        assert_eq!(header(66), "# Role Family Score Skills Style");
        assert_eq!(header(61), "# Role Score Skills Style");
        assert_eq!(header(60), "# Role Score Skills Style");
        // Below 60 columns: a list, one role per line (wrapped).
        assert_eq!(header(59), "");
        let list = block(&catalog, &scored, 59);
        assert!(
            list.contains(" 1. Site Reliability Engineer (Support) 68%, skills 73%,"),
            "{list}"
        );
    }

    #[test]
    fn role_names_are_whole_at_every_width() {
        let catalog = Catalog::builtin().unwrap();
        let scored = jane(&catalog);
        for width in 40..=120 {
            let text = block(&catalog, &scored, width);
            for line in text.lines() {
                assert!(crate::text::width(line) <= width, "{width}: {line:?}");
            }
            for s in &scored.ranking {
                let name = &catalog.roles[s.role].name;
                assert!(
                    text.lines().any(|l| l.contains(name.as_str())),
                    "{width}: {name} is broken:\n{text}"
                );
            }
        }
    }
}
