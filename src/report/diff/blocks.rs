//! The `diff` report as plain blocks: one person's changes in full, or a
//! cohort's moves and counts (and a row per person unless anonymous).

use crate::catalog::Catalog;
use crate::diff::{Diff, PersonDiff};
use crate::report::blocks::{Block, Chart};
use crate::report::numbers::{percent, whole_percent};
use crate::report::profile::axis_value;

/// Best-match moves drawn in the chart, most people first.
const MOVES_CHARTED: usize = 20;

fn table(caption: &str, header: &[&str], rows: Vec<Vec<String>>, numeric: &[usize]) -> Block {
    Block::Table {
        caption: caption.into(),
        header: header.iter().map(|h| h.to_string()).collect(),
        rows,
        numeric: numeric.to_vec(),
        chart: None,
    }
}

fn with_chart(mut block: Block, drawn: Chart) -> Block {
    if let Block::Table { chart, .. } = &mut block {
        *chart = Some(drawn);
    }
    block
}

fn role_name(catalog: &Catalog, role: Option<usize>) -> String {
    role.map_or_else(|| "no match".into(), |r| catalog.roles[r].name.clone())
}

fn level(level: Option<u8>) -> String {
    level.map_or_else(|| "-".into(), |l| l.to_string())
}

/// `+2`, `-1`, `added`, `dropped`.
fn level_change(from: Option<u8>, to: Option<u8>) -> String {
    match (from, to) {
        (None, Some(_)) => "added".into(),
        (Some(_), None) => "dropped".into(),
        (Some(a), Some(b)) => format!("{:+}", i16::from(b) - i16::from(a)),
        (None, None) => String::new(),
    }
}

/// `up 2`, `down 1`, `same`, or empty where a side did not rank the role.
fn rank_change(from: Option<usize>, to: Option<usize>) -> String {
    match (from, to) {
        (Some(a), Some(b)) if b < a => format!("up {}", a - b),
        (Some(a), Some(b)) if b > a => format!("down {}", b - a),
        (Some(_), Some(_)) => "same".into(),
        _ => String::new(),
    }
}

fn dates(p: &PersonDiff) -> String {
    let date = |d: Option<crate::answers::Date>| {
        d.map_or_else(|| "date not given".into(), |d| d.to_string())
    };
    format!(
        "Assessed {} → {}.",
        date(p.assessed[0]),
        date(p.assessed[1])
    )
}

/// How many of each side's own words were understood, and those that were
/// not: the comparison stands on what was understood.
fn words_read(p: &PersonDiff) -> Option<String> {
    let [then, now] = &p.words;
    if then.given() + now.given() == 0 {
        return None;
    }
    let mut text = format!(
        "Words understood: {} of {} then, {} of {} now.",
        then.understood.len(),
        then.given(),
        now.understood.len(),
        now.given()
    );
    for (side, words) in [("then", then), ("now", now)] {
        if !words.not_understood.is_empty() {
            let quoted: Vec<String> = (words.not_understood.iter())
                .map(|w| format!("\"{w}\""))
                .collect();
            text.push_str(&format!(" Not understood {side}: {}.", quoted.join(", ")));
        }
    }
    Some(text)
}

/// One person's changes in full.
fn person(catalog: &Catalog, p: &PersonDiff, blocks: &mut Vec<Block>) {
    blocks.push(Block::Paragraph(dates(p)));
    if let Some(words) = words_read(p) {
        blocks.push(Block::Paragraph(words));
    }
    blocks.push(Block::Paragraph(if p.best[0] == p.best[1] {
        format!("Best match: {} (unchanged).", role_name(catalog, p.best[1]))
    } else {
        format!(
            "Best match: {} → {}.",
            role_name(catalog, p.best[0]),
            role_name(catalog, p.best[1])
        )
    }));
    if p.tags.is_empty() {
        blocks.push(Block::Paragraph("No strength changed level.".into()));
    } else {
        let rows = (p.tags.iter())
            .map(|c| {
                vec![
                    catalog.tags[c.tag].name.clone(),
                    level(c.from),
                    level(c.to),
                    level_change(c.from, c.to),
                ]
            })
            .collect();
        blocks.push(table(
            "Strengths that changed",
            &["Skill", "Then", "Now", "Change"],
            rows,
            &[1, 2],
        ));
    }
    let names = |tags: &[usize]| -> String {
        let names: Vec<&str> = tags
            .iter()
            .map(|&t| catalog.tags[t].name.as_str())
            .collect();
        names.join(", ")
    };
    match (p.goals_added.is_empty(), p.goals_removed.is_empty()) {
        (true, true) => blocks.push(Block::Paragraph("Goals: unchanged.".into())),
        (added, removed) => {
            let mut text = String::new();
            if !added {
                text.push_str(&format!("Goals added: {}. ", names(&p.goals_added)));
            }
            if !removed {
                text.push_str(&format!("Goals removed: {}.", names(&p.goals_removed)));
            }
            blocks.push(Block::Paragraph(text.trim_end().to_string()));
        }
    }
    if !p.work_style.is_empty() {
        let answer = |v: Option<f64>| v.map_or_else(|| "-".into(), axis_value);
        let rows = (p.work_style.iter())
            .map(|c| {
                vec![
                    catalog.axes[c.axis].name.clone(),
                    answer(c.from),
                    answer(c.to),
                ]
            })
            .collect();
        blocks.push(table(
            "Work style that moved (1-5)",
            &["Axis", "Then", "Now"],
            rows,
            &[1, 2],
        ));
    }
    let rows = (p.roles.iter())
        .map(|r| {
            let points = match (r.score_from, r.score_to) {
                (Some(a), Some(b)) => format!("{:+}", whole_percent(b) - whole_percent(a)),
                _ => String::new(),
            };
            let rank = |x: Option<usize>| x.map_or_else(|| "-".into(), |x| x.to_string());
            vec![
                catalog.roles[r.role].name.clone(),
                rank(r.rank_from),
                rank(r.rank_to),
                rank_change(r.rank_from, r.rank_to),
                percent(r.score_from),
                percent(r.score_to),
                points,
            ]
        })
        .collect();
    let shifts = (p.roles.iter())
        .map(|r| (catalog.roles[r.role].name.clone(), r.score_from, r.score_to))
        .collect();
    blocks.push(with_chart(
        table(
            "Every role then and now",
            &[
                "Role",
                "Rank then",
                "Rank now",
                "Moved",
                "Score then",
                "Score now",
                "Points",
            ],
            rows,
            &[1, 2, 4, 5, 6],
        ),
        Chart::Shifts(shifts),
    ));
}

/// The cohort: counts and moves; a row per person and the people seen once
/// unless `anonymous`.
fn cohort(catalog: &Catalog, diff: &Diff, anonymous: bool, blocks: &mut Vec<Block>) {
    let mut summary = format!("{} people compared", diff.people.len());
    if !diff.only_old.is_empty() {
        summary.push_str(&format!(
            ", {} only in the old answers",
            diff.only_old.len()
        ));
    }
    if !diff.only_new.is_empty() {
        summary.push_str(&format!(
            ", {} only in the new answers",
            diff.only_new.len()
        ));
    }
    if diff.failed_inputs > 0 {
        summary.push_str(&format!(", {} inputs failed", diff.failed_inputs));
    }
    blocks.push(Block::Paragraph(summary + "."));
    let arrow = |m: &crate::diff::BestMove| {
        if m.from == m.to {
            format!("{} (stayed)", role_name(catalog, m.to))
        } else {
            format!(
                "{} → {}",
                role_name(catalog, m.from),
                role_name(catalog, m.to)
            )
        }
    };
    let rows = (diff.moves.iter())
        .map(|m| {
            vec![
                role_name(catalog, m.from),
                role_name(catalog, m.to),
                m.people.to_string(),
            ]
        })
        .collect();
    // The chart keeps to the commonest moves; the table beside it has all.
    let counts = (diff.moves.iter().take(MOVES_CHARTED))
        .map(|m| (arrow(m), m.people))
        .collect();
    blocks.push(with_chart(
        table("Best-match moves", &["Then", "Now", "People"], rows, &[2]),
        Chart::Counts(counts),
    ));
    if diff.skills.is_empty() {
        blocks.push(Block::Paragraph("No strength changed level.".into()));
    } else {
        let rows = (diff.skills.iter())
            .map(|s| {
                vec![
                    catalog.tags[s.tag].name.clone(),
                    s.rose.to_string(),
                    s.fell.to_string(),
                ]
            })
            .collect();
        blocks.push(table(
            "People who rose or fell on each skill",
            &["Skill", "Rose", "Fell"],
            rows,
            &[1, 2],
        ));
    }
    if anonymous {
        return;
    }
    let rows = (diff.people.iter())
        .map(|p| {
            vec![
                p.id.clone(),
                role_name(catalog, p.best[0]),
                role_name(catalog, p.best[1]),
                p.tags.len().to_string(),
                p.goals_added.len().to_string(),
                p.goals_removed.len().to_string(),
            ]
        })
        .collect();
    blocks.push(table(
        "Each person",
        &[
            "Person",
            "Best then",
            "Best now",
            "Skills changed",
            "Goals added",
            "Goals removed",
        ],
        rows,
        &[3, 4, 5],
    ));
    for (ids, side) in [(&diff.only_old, "old"), (&diff.only_new, "new")] {
        if !ids.is_empty() {
            blocks.push(Block::Paragraph(format!(
                "Only in the {side} answers: {}.",
                ids.join(", ")
            )));
        }
    }
}

/// The report's title, and its blocks after the title.
pub(super) fn blocks(catalog: &Catalog, diff: &Diff, anonymous: bool) -> (String, Vec<Block>) {
    let mut blocks = Vec::new();
    let title = match (diff.one_person, diff.people.first()) {
        (true, Some(p)) => {
            person(catalog, p, &mut blocks);
            if anonymous {
                "Changes since the last assessment".to_string()
            } else {
                format!("Changes for {}", p.id)
            }
        }
        _ => {
            cohort(catalog, diff, anonymous, &mut blocks);
            "Changes in the cohort".to_string()
        }
    };
    (title, blocks)
}
