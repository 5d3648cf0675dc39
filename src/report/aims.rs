//! The person's aims in words, for every human format: where the role
//! stands now, the plan toward it, and how much of the role it covers.
//! Lines are plain text; each writer escapes them for its format.

use crate::answers::Respondent;
use crate::catalog::Catalog;
use crate::score::{Aim, AimFrom, AimPlan, COVERED_LEVEL, Change, coverage, level_of};

use serde::Serialize;

use super::numbers::percent;

/// A change as JSON.
#[derive(Debug, Serialize)]
pub struct ChangeOut<'a> {
    tag: &'a str,
    from: Option<u8>,
    to: u8,
}

/// The changes as JSON.
pub fn changes_out<'a>(catalog: &'a Catalog, changes: &[Change]) -> Vec<ChangeOut<'a>> {
    changes
        .iter()
        .map(|c| ChangeOut {
            tag: &catalog.tags[c.tag].name,
            from: c.from,
            to: c.to,
        })
        .collect()
}

/// A role's skills held at practitioner level or more, now and after a
/// plan (None: no plan), as JSON.
#[derive(Debug, Serialize)]
pub struct CoverageOut {
    level: u8,
    skills: usize,
    now: usize,
    after: Option<usize>,
}

pub fn coverage_out(
    catalog: &Catalog,
    respondent: &Respondent,
    role: usize,
    planned: Option<&[Change]>,
) -> CoverageOut {
    let count = |changes: &[Change]| coverage(catalog, respondent, role, changes, COVERED_LEVEL);
    let (now, skills) = count(&[]);
    CoverageOut {
        level: COVERED_LEVEL,
        skills,
        now,
        after: planned.map(|changes| count(changes).0),
    }
}

/// One aim, said in lines.
#[derive(Debug, Clone, PartialEq)]
pub struct AimText {
    /// "Site Reliability Engineer (the role you aim for)".
    pub title: String,
    /// "Now: rank 2 of 24, score 36%; covers 0 of 3 skills at 3 or more."
    pub now: String,
    /// Each change, in words: "add blast-radius control at level 3".
    pub changes: Vec<String>,
    /// Where the plan leads, or why there is none, or that none is needed.
    pub outcome: String,
}

pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// "covers 1 of 3 skills at 3 or more": the role's skills held at
/// practitioner level or above, after `changes`.
pub fn covered_words(
    catalog: &Catalog,
    respondent: &Respondent,
    role: usize,
    changes: &[Change],
) -> String {
    let (covered, total) = coverage(catalog, respondent, role, changes, COVERED_LEVEL);
    format!(
        "covers {covered} of {total} skill{} at {COVERED_LEVEL} or more",
        plural(total)
    )
}

/// The role's skills below practitioner level: "threat modeling depth
/// (not yet), detection tuning (at 2)"; empty when all are at 3 or more.
pub fn below_practitioner(catalog: &Catalog, respondent: &Respondent, role: usize) -> String {
    let below: Vec<String> = catalog.roles[role]
        .tags
        .iter()
        .filter_map(|&tag| {
            let name = &catalog.tags[tag].name;
            match level_of(respondent, tag) {
                Some(l) if l >= COVERED_LEVEL => None,
                Some(l) => Some(format!("{name} (at {l})")),
                None => Some(format!("{name} (not yet)")),
            }
        })
        .collect();
    below.join(", ")
}

/// What to say when a role is already rank `rank`, within the top
/// `within`: no change is needed for the place, and what of the role is
/// still below practitioner level, so that a high place among low scores
/// is not taken for a role mastered.
pub fn already_within(
    catalog: &Catalog,
    respondent: &Respondent,
    role: usize,
    rank: usize,
    within: usize,
) -> String {
    let name = &catalog.roles[role].name;
    let mut text = if rank == 1 {
        format!("{name} is already your best match.")
    } else {
        format!(
            "{name} is already rank {rank}, within the top {within}: no change of strengths \
             is needed for that place."
        )
    };
    let below = below_practitioner(catalog, respondent, role);
    if !below.is_empty() {
        text.push_str(&format!(
            " Still below {COVERED_LEVEL} (practitioner): {below}."
        ));
    }
    text
}

/// A change in words.
pub fn change_words(catalog: &Catalog, change: &Change) -> String {
    let tag = &catalog.tags[change.tag].name;
    match change.from {
        None => format!("add {tag} at level {}", change.to),
        Some(from) => format!("raise {tag} from {from} to {}", change.to),
    }
}

/// One aim in lines.
pub fn aim_text(catalog: &Catalog, respondent: &Respondent, aim: &Aim) -> AimText {
    let role = &catalog.roles[aim.role];
    let why = match aim.from {
        AimFrom::Target => "the role you aim for",
        AimFrom::Goals => "where your growth goals point",
    };
    let title = format!("{} ({why})", role.name);
    let covered = covered_words(catalog, respondent, aim.role, &[]);
    let now = match aim.place {
        Some(place) => format!(
            "Now: rank {}, score {}; {covered}.",
            place.rank,
            percent(Some(aim.score))
        ),
        None => format!("Now: not ranked (its family is not among those chosen); {covered}."),
    };
    let (changes, outcome) = match &aim.plan {
        AimPlan::Found { changes, .. } if changes.is_empty() => {
            let rank = aim.place.map_or(0, |p| p.rank);
            (
                Vec::new(),
                already_within(catalog, respondent, aim.role, rank, aim.within),
            )
        }
        AimPlan::Found {
            changes,
            rank_after,
            score_after,
        } => {
            let then = if *rank_after == 1 {
                "Then it is your best match".to_string()
            } else if aim.closest {
                format!(
                    "Then rank {rank_after}, the closest to first place with no skill raised \
                     more than {} levels",
                    aim.max_raise
                )
            } else {
                format!("Then rank {rank_after}, within the top {}", aim.within)
            };
            (
                changes.iter().map(|c| change_words(catalog, c)).collect(),
                format!(
                    "{then}: score {}; {}.{}",
                    percent(Some(*score_after)),
                    covered_words(catalog, respondent, aim.role, changes),
                    if aim.closest {
                        String::new()
                    } else {
                        format!(
                            " No skill rises more than {} levels in this plan.",
                            aim.max_raise
                        )
                    }
                ),
            )
        }
        AimPlan::Unreachable(why) => (Vec::new(), format!("No plan: {why}.")),
    };
    // Within reach is not first place: say how to ask for that.
    let first = match &aim.plan {
        AimPlan::Found { rank_after, .. } => *rank_after > 1 && !aim.closest,
        AimPlan::Unreachable(_) => false,
    };
    let outcome = if first {
        format!("{outcome} {}", plan_hint(catalog, respondent, aim))
    } else {
        outcome
    };
    AimText {
        title,
        now,
        changes,
        outcome,
    }
}

/// The command that plans toward a role with other settings.
pub fn plan_hint(catalog: &Catalog, respondent: &Respondent, aim: &Aim) -> String {
    let source = if respondent.source.is_empty() || respondent.source.starts_with('<') {
        "FILE".to_string()
    } else {
        respondent.source.clone()
    };
    format!(
        "`rolefit plan {source} --role {} --within 1` plans for first place.",
        catalog.roles[aim.role].id
    )
}

/// The aims for a terminal: a heading per aim, then its lines wrapped
/// and indented. Empty when the person has no aim.
pub fn terminal(catalog: &Catalog, scored: &crate::score::Scored, theme: super::Theme) -> String {
    use crate::text::{escape_control, wrap};
    let mut out = String::new();
    for (i, aim) in scored.aims.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let text = aim_text(catalog, &scored.respondent, aim);
        out.push_str(&theme.bold(&format!("Your aim: {}", escape_control(&text.title))));
        out.push('\n');
        let mut lines = vec![text.now];
        if !text.changes.is_empty() {
            lines.push(format!("Plan: {}.", text.changes.join("; ")));
        }
        lines.push(text.outcome);
        for line in lines {
            out.push_str(&wrap(&escape_control(&line), theme.width, "  "));
            out.push('\n');
        }
    }
    out
}
