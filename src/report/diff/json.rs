//! The `diff` report as one JSON document (fractions to 4 decimals, levels
//! and ranks `null` where absent).

use serde::Serialize;

use crate::catalog::Catalog;
use crate::diff::{Diff, PersonDiff};
use crate::score::round4;

#[derive(Serialize)]
struct DocumentOut<'a> {
    schema_version: u32,
    catalog: CatalogOut,
    /// Absent for a cohort under `--anonymous`.
    #[serde(skip_serializing_if = "Option::is_none")]
    people: Option<Vec<PersonOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    only_old: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    only_new: Option<&'a [String]>,
    /// Absent when the two sides were one person's two files.
    #[serde(skip_serializing_if = "Option::is_none")]
    cohort: Option<CohortOut<'a>>,
    failed_inputs: usize,
}

#[derive(Serialize)]
struct CatalogOut {
    version: u32,
    roles: usize,
}

#[derive(Serialize)]
struct PersonOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    assessed: [Option<String>; 2],
    tags: Vec<TagOut<'a>>,
    goals: GoalsOut<'a>,
    work_style: Vec<AxisOut<'a>>,
    best_match: [Option<&'a str>; 2],
    roles: Vec<RoleOut<'a>>,
    /// Strength and goal words read, then and now, of those written.
    understood: [usize; 2],
    words: [usize; 2],
    not_understood: [&'a [String]; 2],
}

#[derive(Serialize)]
struct TagOut<'a> {
    tag: &'a str,
    from: Option<u8>,
    to: Option<u8>,
}

#[derive(Serialize)]
struct GoalsOut<'a> {
    added: Vec<&'a str>,
    removed: Vec<&'a str>,
}

#[derive(Serialize)]
struct AxisOut<'a> {
    axis: &'a str,
    from: Option<f64>,
    to: Option<f64>,
}

#[derive(Serialize)]
struct RoleOut<'a> {
    role_id: &'a str,
    rank_from: Option<usize>,
    rank_to: Option<usize>,
    score_from: Option<f64>,
    score_to: Option<f64>,
}

#[derive(Serialize)]
struct CohortOut<'a> {
    compared: usize,
    only_old: usize,
    only_new: usize,
    skills: Vec<SkillOut<'a>>,
    best_match_moves: Vec<MoveOut<'a>>,
}

#[derive(Serialize)]
struct SkillOut<'a> {
    tag: &'a str,
    rose: usize,
    fell: usize,
}

#[derive(Serialize)]
struct MoveOut<'a> {
    from: Option<&'a str>,
    to: Option<&'a str>,
    people: usize,
}

fn person<'a>(catalog: &'a Catalog, p: &'a PersonDiff, anonymous: bool) -> PersonOut<'a> {
    let tag = |t: usize| catalog.tags[t].name.as_str();
    let role = |r: Option<usize>| r.map(|r| catalog.roles[r].id.as_str());
    PersonOut {
        id: (!anonymous).then_some(p.id.as_str()),
        assessed: p.assessed.map(|d| d.map(|d| d.to_string())),
        tags: (p.tags.iter())
            .map(|c| TagOut {
                tag: tag(c.tag),
                from: c.from,
                to: c.to,
            })
            .collect(),
        goals: GoalsOut {
            added: p.goals_added.iter().map(|&t| tag(t)).collect(),
            removed: p.goals_removed.iter().map(|&t| tag(t)).collect(),
        },
        work_style: (p.work_style.iter())
            .map(|c| AxisOut {
                axis: &catalog.axes[c.axis].id,
                from: c.from.map(round4),
                to: c.to.map(round4),
            })
            .collect(),
        best_match: p.best.map(role),
        roles: (p.roles.iter())
            .map(|r| RoleOut {
                role_id: &catalog.roles[r.role].id,
                rank_from: r.rank_from,
                rank_to: r.rank_to,
                score_from: r.score_from.map(round4),
                score_to: r.score_to.map(round4),
            })
            .collect(),
        understood: p.words.each_ref().map(|w| w.understood.len()),
        words: p.words.each_ref().map(|w| w.given()),
        not_understood: p.words.each_ref().map(|w| w.not_understood.as_slice()),
    }
}

/// The whole document, ending in a newline.
pub(super) fn document(catalog: &Catalog, diff: &Diff, anonymous: bool) -> String {
    let named = !anonymous;
    let listed = named || diff.one_person;
    let cohort = (!diff.one_person).then(|| CohortOut {
        compared: diff.people.len(),
        only_old: diff.only_old.len(),
        only_new: diff.only_new.len(),
        skills: (diff.skills.iter())
            .map(|s| SkillOut {
                tag: &catalog.tags[s.tag].name,
                rose: s.rose,
                fell: s.fell,
            })
            .collect(),
        best_match_moves: (diff.moves.iter())
            .map(|m| MoveOut {
                from: m.from.map(|r| catalog.roles[r].id.as_str()),
                to: m.to.map(|r| catalog.roles[r].id.as_str()),
                people: m.people,
            })
            .collect(),
    });
    let document = DocumentOut {
        schema_version: crate::report::json::SCHEMA_VERSION,
        catalog: CatalogOut {
            version: catalog.version,
            roles: catalog.roles.len(),
        },
        people: listed.then(|| {
            diff.people
                .iter()
                .map(|p| person(catalog, p, anonymous))
                .collect()
        }),
        only_old: named.then_some(diff.only_old.as_slice()),
        only_new: named.then_some(diff.only_new.as_slice()),
        cohort,
        failed_inputs: diff.failed_inputs,
    };
    let text = serde_json::to_string_pretty(&document).unwrap_or_default();
    crate::text::escape_json(text) + "\n"
}
