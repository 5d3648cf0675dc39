//! `rolefit plan`: the fewest changes of strengths that bring a role into
//! the top K. Pure: answers in, plan out.
//!
//! A change adds one of the role's tags at a level, or raises the level of
//! one, by at most `max_raise` levels: a skill not held counts from level 1
//! (learning), so at the default of 2 it comes in at 3 (practitioner) at
//! most. Plans then ask for breadth before expertise: no jump from nothing
//! to expert. Only the role's own tags can help: any other strength leaves the
//! role's score as it is and can only lift its rivals. Among the role's own
//! tags, a higher level is not always better: a tag the role shares with a
//! rival that has fewer tags lifts the rival more than the role. So the
//! search is exact, not greedy: it tries every set of the role's tags,
//! smallest sets first, with every level above the current one, and stops
//! at the first size where some candidate works.

pub mod aims;
pub mod render;

use std::cmp::Reverse;

use crate::answers::Respondent;
use crate::catalog::{Catalog, MAX_LEVEL};
pub use crate::score::{COVERED_LEVEL, Change};
use crate::score::{level_of, standing, ten_thousandths};

/// Formats of `plan` (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PlanFormat {
    Table,
    Json,
}

/// How far one skill may rise in a plan by default (`--max-raise`).
pub const DEFAULT_MAX_RAISE: u8 = 2;

/// How far a plan goes by default (`--within`): into the top 3.
pub const DEFAULT_WITHIN: usize = 3;

/// The highest level a plan may bring a skill held at `from` to: `from`
/// (a skill not held counting as 1, learning) plus `max_raise`.
pub fn highest_level(from: Option<u8>, max_raise: u8) -> u8 {
    from.unwrap_or(1).saturating_add(max_raise).min(MAX_LEVEL)
}

/// A role's place and score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    pub rank: usize,
    pub score: f64,
}

/// Why no change of strengths brings the role into the top K.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreachable {
    /// The path does not score strengths (work style alone).
    StrengthsNotScored,
    /// Every combination of levels of the role's tags was tried; the best
    /// place any of them reaches is this.
    OutOfReach { best_rank: usize },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The changes (empty when the role is already within K) and where
    /// they bring the role.
    Found {
        changes: Vec<Change>,
        after: Standing,
    },
    Unreachable(Unreachable),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub role: usize,
    pub within: usize,
    /// How far one skill may rise.
    pub max_raise: u8,
    pub now: Standing,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// The role's family is not among those the answers rank.
    NotConsidered,
    /// The search would take more than [`WORK_LIMIT`] role scorings
    /// before it could be sure of the answer.
    TooLarge { candidates: u64 },
}

/// Role scorings a plan may cost: a candidate costs one per role ranked.
/// A role of the built-in catalog (3 tags, 24 roles) needs at most
/// 215 × 24; a custom role with 8 missing tags may need 6^8 ≈ 1.7 million
/// candidates when no short plan exists, which is where this stops.
pub const WORK_LIMIT: u64 = 40_000_000;

/// The fewest changes of strengths, none raising a skill more than
/// `max_raise` levels, that bring `role` to rank `within` or better; among
/// equally few, the fewest levels added, then the most of the person's
/// goals among the tags changed, then the best rank after, then the
/// highest score after, then the earliest tags in the role's order at the
/// lowest levels.
pub fn plan(
    catalog: &Catalog,
    respondent: &Respondent,
    role: usize,
    within: usize,
    max_raise: u8,
) -> Result<Plan, PlanError> {
    plan_within_limit(catalog, respondent, role, within, max_raise, WORK_LIMIT)
}

/// [`plan`], stopping before the search costs more than `limit` role
/// scorings.
pub fn plan_within_limit(
    catalog: &Catalog,
    respondent: &Respondent,
    role: usize,
    within: usize,
    max_raise: u8,
    limit: u64,
) -> Result<Plan, PlanError> {
    let (place, score) = standing(catalog, respondent, role);
    let rank = place.ok_or(PlanError::NotConsidered)?.rank;
    let now = Standing {
        rank,
        score: score.score,
    };
    let done = |outcome| {
        Ok(Plan {
            role,
            within,
            max_raise,
            now,
            outcome,
        })
    };
    if rank <= within {
        return done(Outcome::Found {
            changes: Vec::new(),
            after: now,
        });
    }
    if catalog.paths[respondent.path].weights.competency.is_none() {
        return done(Outcome::Unreachable(Unreachable::StrengthsNotScored));
    }

    // The role's tags that can still go up, with their levels now and the
    // highest each may reach.
    let open: Vec<Open> = catalog.roles[role]
        .tags
        .iter()
        .map(|&tag| {
            let level = level_of(respondent, tag);
            Open {
                tag,
                level,
                highest: highest_level(level, max_raise),
            }
        })
        .filter(|open| open.level.unwrap_or(0) < open.highest)
        .collect();
    let considered = catalog
        .roles
        .iter()
        .filter(|r| respondent.families.is_empty() || respondent.families.contains(&r.family))
        .count() as u64;
    let mut search = Search {
        catalog,
        respondent,
        role,
        within,
        open: &open,
        chosen: Vec::new(),
        best: None,
        best_rank: rank,
    };
    let mut spent = 0u64;
    for size in 1..=open.len() {
        let work = candidates_of_size(&open, size).saturating_mul(considered);
        spent = spent.saturating_add(work);
        if spent > limit {
            return Err(PlanError::TooLarge {
                candidates: candidates_of_size(&open, size),
            });
        }
        search.size(0, size);
        if let Some(found) = search.best.take() {
            return done(Outcome::Found {
                changes: found.changes,
                after: found.after,
            });
        }
    }
    let best_rank = search.best_rank;
    done(Outcome::Unreachable(Unreachable::OutOfReach { best_rank }))
}

/// A tag of the role that a plan can raise: its level now and the
/// highest it may reach.
#[derive(Debug, Clone, Copy)]
struct Open {
    tag: usize,
    level: Option<u8>,
    highest: u8,
}

/// How many candidates have exactly `size` changes: the sum, over sets of
/// `size` open tags, of the product of their possible new levels.
fn candidates_of_size(open: &[Open], size: usize) -> u64 {
    // by_size[k]: candidates with k changes among the tags seen so far.
    let mut by_size = vec![0u64; size + 1];
    by_size[0] = 1;
    for open in open {
        let choices = u64::from(open.highest - open.level.unwrap_or(0));
        for k in (1..=size).rev() {
            by_size[k] = by_size[k].saturating_add(by_size[k - 1].saturating_mul(choices));
        }
    }
    by_size[size]
}

struct Candidate {
    changes: Vec<Change>,
    after: Standing,
    /// Compared smallest first: levels added, goals (more first), rank,
    /// score (higher first).
    key: (u32, Reverse<usize>, usize, Reverse<i64>),
}

struct Search<'a> {
    catalog: &'a Catalog,
    respondent: &'a Respondent,
    role: usize,
    within: usize,
    open: &'a [Open],
    chosen: Vec<Change>,
    /// The best candidate of the current size that works.
    best: Option<Candidate>,
    /// The best place any candidate reached.
    best_rank: usize,
}

impl Search<'_> {
    /// Tries every set of `left` more changes among the open tags from
    /// `from` on, each at every level above the current one, in the
    /// role's tag order and levels ascending, so the first of equals wins.
    fn size(&mut self, from: usize, left: usize) {
        if left == 0 {
            self.try_chosen();
            return;
        }
        for i in from..=self.open.len() - left {
            let Open {
                tag,
                level,
                highest,
            } = self.open[i];
            for to in level.unwrap_or(0) + 1..=highest {
                self.chosen.push(Change {
                    tag,
                    from: level,
                    to,
                });
                self.size(i + 1, left - 1);
                self.chosen.pop();
            }
        }
    }

    fn try_chosen(&mut self) {
        let changed = apply(self.respondent, &self.chosen);
        let (place, score) = standing(self.catalog, &changed, self.role);
        let Some(rank) = place.map(|p| p.rank) else {
            return;
        };
        self.best_rank = self.best_rank.min(rank);
        if rank > self.within {
            return;
        }
        let goals = self
            .chosen
            .iter()
            .filter(|c| self.respondent.goals.binary_search(&c.tag).is_ok())
            .count();
        let levels = self.chosen.iter().map(Change::levels).sum();
        let key = (
            levels,
            Reverse(goals),
            rank,
            Reverse(ten_thousandths(score.score)),
        );
        if self.best.as_ref().is_none_or(|best| key < best.key) {
            self.best = Some(Candidate {
                changes: self.chosen.clone(),
                after: Standing {
                    rank,
                    score: score.score,
                },
                key,
            });
        }
    }
}

/// The respondent with the changes made to their strengths.
pub fn apply(respondent: &Respondent, changes: &[Change]) -> Respondent {
    let mut changed = respondent.clone();
    for change in changes {
        match changed
            .strengths
            .binary_search_by_key(&change.tag, |&(t, _)| t)
        {
            Ok(i) => changed.strengths[i].1 = change.to,
            Err(i) => changed.strengths.insert(i, (change.tag, change.to)),
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidate_counts_match_enumeration() {
        let open = [(0, None), (1, Some(3)), (2, Some(4)), (3, Some(1))].map(|(tag, level)| Open {
            tag,
            level,
            highest: MAX_LEVEL,
        });
        // Choices per tag: 5, 2, 1, 4.
        assert_eq!(candidates_of_size(&open, 1), 5 + 2 + 1 + 4);
        assert_eq!(
            candidates_of_size(&open, 2),
            5 * 2 + 5 + 5 * 4 + 2 + 2 * 4 + 4
        );
        assert_eq!(candidates_of_size(&open, 4), 5 * 2 * 4);
    }

    #[test]
    fn a_skill_rises_at_most_max_raise_from_where_it_is() {
        // Not held: from learning (1), so 3 at most at the default.
        assert_eq!(highest_level(None, DEFAULT_MAX_RAISE), 3);
        assert_eq!(highest_level(Some(2), DEFAULT_MAX_RAISE), 4);
        assert_eq!(highest_level(Some(4), DEFAULT_MAX_RAISE), MAX_LEVEL);
        assert_eq!(highest_level(None, 0), 1);
        assert_eq!(highest_level(Some(1), 9), MAX_LEVEL);
    }
}
