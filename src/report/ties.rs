//! The words around a ranking that every format shows alike: the rank
//! labels with ties (`=N`), the notes on ties and on no match.

use super::cohort::Cohort;
use crate::catalog::Catalog;
use crate::score::{RoleScore, Scored, ten_thousandths};

/// The rank column: the place, or `=N` for a role whose score (to 4
/// decimals) equals a neighbour's, N being the first place of that score.
pub fn rank_labels(ranking: &[RoleScore]) -> Vec<String> {
    let mut first_of_score = 1;
    ranking
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let same_as_previous =
                i > 0 && ten_thousandths(ranking[i - 1].score) == ten_thousandths(s.score);
            if !same_as_previous {
                first_of_score = i + 1;
            }
            if s.tied {
                format!("={first_of_score}")
            } else {
                (i + 1).to_string()
            }
        })
        .collect()
}

/// How tied roles are ordered, naming only what the path assesses.
pub fn tie_note(catalog: &Catalog, scored: &Scored) -> &'static str {
    let path = &catalog.paths[scored.respondent.path];
    match (path.assesses_competency(), path.assesses_work_style()) {
        (true, true) => {
            "=N: tied on score; tied roles are ordered by skills, then style, then role id."
        }
        (true, false) => "=N: tied on score; tied roles are ordered by skills, then role id.",
        _ => "=N: tied on score; tied roles are ordered by role id.",
    }
}

/// The people of a cohort with no best match, listed apart: they count in
/// neither the best matches nor the gaps.
pub(crate) fn no_match_line(cohort: &Cohort<'_>) -> Option<String> {
    // An anonymous report counts them instead of naming them, and says
    // nothing when a small group's people are left out of its totals.
    if cohort.anonymous && cohort.scored != cohort.people {
        return None;
    }
    let n = cohort.no_match_count;
    let who = if cohort.anonymous {
        format!("{n} {}", if n == 1 { "person" } else { "people" })
    } else {
        cohort.no_match.join(", ")
    };
    (n > 0).then(|| format!("No match (every role scored 0%; not counted below): {who}"))
}

/// A score with `=` before it when it is tied.
pub fn tie_mark(tied: bool, score: String) -> String {
    if tied { format!("={score}") } else { score }
}

/// Under a cohort whose best match ties with the runner-up for someone.
pub const COHORT_TIE_NOTE: &str = "=: the best match and the runner-up are tied on \
    score; the first in tie order (skills, then style, then role id) counts as the best match.";

/// What stands in for the best match when every role scored 0.
pub const NO_MATCH_NOTE: &str = "No best match: every role scored 0%, so the order above is \
    only the order of ties, not a fit. Add strengths, goals or work-style answers \
    (`rolefit template` lists them).";
