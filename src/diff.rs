//! Change over time: two scored answer sets of one person, or two cohorts
//! matched by id, compared skill by skill, goal by goal, axis by axis and
//! role by role. Pure: the reading is `app`'s, the rendering `report::diff`'s.

use std::collections::HashMap;

use crate::answers::{Date, Respondent};
use crate::catalog::Catalog;
use crate::score::{Scored, ten_thousandths};

/// A strength's level then and now; `None` where it was not a strength.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TagChange {
    pub tag: usize,
    pub from: Option<u8>,
    pub to: Option<u8>,
}

/// An axis answer then and now; `None` where it was not answered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AxisChange {
    pub axis: usize,
    pub from: Option<f64>,
    pub to: Option<f64>,
}

/// A role's place (1 is first) and score then and now; `None` where the
/// answers did not rank it (its family was not chosen).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoleChange {
    pub role: usize,
    pub rank_from: Option<usize>,
    pub rank_to: Option<usize>,
    pub score_from: Option<f64>,
    pub score_to: Option<f64>,
}

/// What changed for one person.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonDiff {
    pub id: String,
    pub assessed: [Option<Date>; 2],
    /// Strengths whose level changed, were added or dropped, in tag order.
    pub tags: Vec<TagChange>,
    pub goals_added: Vec<usize>,
    pub goals_removed: Vec<usize>,
    /// Axes whose answer changed, in axis order.
    pub work_style: Vec<AxisChange>,
    /// The best match then and now (`None`: every score 0, or no role).
    pub best: [Option<usize>; 2],
    /// Every role ranked then or now: by the place now, then the place
    /// then, then catalog order.
    pub roles: Vec<RoleChange>,
    /// How each side's own words were read: a person is compared on what
    /// was understood, and the report says what was not.
    pub words: [crate::answers::Words; 2],
}

impl PersonDiff {
    /// Nothing a report shows moved.
    pub fn unchanged(&self) -> bool {
        self.tags.is_empty()
            && self.goals_added.is_empty()
            && self.goals_removed.is_empty()
            && self.work_style.is_empty()
            && self.best[0] == self.best[1]
            && self.roles.iter().all(|r| {
                r.rank_from == r.rank_to
                    && r.score_from.map(ten_thousandths) == r.score_to.map(ten_thousandths)
            })
    }
}

/// People who rose and fell on one skill (a dropped strength fell, an
/// added one rose).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkillCount {
    pub tag: usize,
    pub rose: usize,
    pub fell: usize,
}

/// People whose best match went from one role to another (or stayed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BestMove {
    pub from: Option<usize>,
    pub to: Option<usize>,
    pub people: usize,
}

/// Two answer sets or two cohorts compared.
#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    /// The two sides were one person's two files: paired whatever their ids.
    pub one_person: bool,
    /// Everyone seen on both sides, in the order of the new side.
    pub people: Vec<PersonDiff>,
    pub only_old: Vec<String>,
    pub only_new: Vec<String>,
    /// Skills someone rose or fell on, most people first.
    pub skills: Vec<SkillCount>,
    /// Best-match moves, most people first; stays included.
    pub moves: Vec<BestMove>,
    /// Inputs that failed to read on either side (named on stderr).
    pub failed_inputs: usize,
    /// Ids given to more than one answer set on one side: each is compared
    /// on its first.
    pub repeated_ids: Vec<String>,
}

/// Compares `old` with `new`. With `one_person`, the single answer set of
/// each side is compared whatever its id; otherwise people are matched by id.
pub fn compare(catalog: &Catalog, old: &[Scored], new: &[Scored], one_person: bool) -> Diff {
    let mut repeated_ids = Vec::new();
    let old_ids = first_of_each_id(old, &mut repeated_ids);
    let new_ids = first_of_each_id(new, &mut repeated_ids);
    let mut people = Vec::new();
    let mut only_new = Vec::new();
    let pair = one_person && old.len() == 1 && new.len() == 1;
    for (i, now) in new.iter().enumerate() {
        if new_ids.get(now.respondent.id.as_str()) != Some(&i) {
            continue;
        }
        let then = if pair {
            Some(&old[0])
        } else {
            old_ids.get(now.respondent.id.as_str()).map(|&j| &old[j])
        };
        match then {
            Some(then) => people.push(person(catalog, then, now)),
            None => only_new.push(now.respondent.id.clone()),
        }
    }
    let only_old = if pair {
        Vec::new()
    } else {
        old.iter()
            .enumerate()
            .filter(|(j, s)| {
                old_ids.get(s.respondent.id.as_str()) == Some(j)
                    && !new_ids.contains_key(s.respondent.id.as_str())
            })
            .map(|(_, s)| s.respondent.id.clone())
            .collect()
    };
    repeated_ids.sort();
    repeated_ids.dedup();
    Diff {
        one_person: pair,
        skills: skill_counts(catalog, &people),
        moves: best_moves(&people),
        people,
        only_old,
        only_new,
        failed_inputs: 0,
        repeated_ids,
    }
}

/// Each id's first answer set; ids seen again go to `repeated`.
fn first_of_each_id<'a>(side: &'a [Scored], repeated: &mut Vec<String>) -> HashMap<&'a str, usize> {
    let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(side.len());
    for (i, s) in side.iter().enumerate() {
        if by_id.contains_key(s.respondent.id.as_str()) {
            repeated.push(s.respondent.id.clone());
        } else {
            by_id.insert(&s.respondent.id, i);
        }
    }
    by_id
}

fn level(r: &Respondent, tag: usize) -> Option<u8> {
    crate::score::level_of(r, tag)
}

/// What changed between `then` and `now`.
pub fn person(catalog: &Catalog, then: &Scored, now: &Scored) -> PersonDiff {
    let (a, b) = (&then.respondent, &now.respondent);
    let mut tags: Vec<usize> = a
        .strengths
        .iter()
        .chain(&b.strengths)
        .map(|&(t, _)| t)
        .collect();
    tags.sort_unstable();
    tags.dedup();
    let tags = tags
        .into_iter()
        .map(|tag| TagChange {
            tag,
            from: level(a, tag),
            to: level(b, tag),
        })
        .filter(|c| c.from != c.to)
        .collect();
    let missing_from = |x: &[usize], y: &[usize]| -> Vec<usize> {
        y.iter().copied().filter(|t| !x.contains(t)).collect()
    };
    let same = |x: Option<f64>, y: Option<f64>| x.map(ten_thousandths) == y.map(ten_thousandths);
    let work_style = (0..catalog.axes.len())
        .map(|axis| AxisChange {
            axis,
            from: a.work_style[axis],
            to: b.work_style[axis],
        })
        .filter(|c| !same(c.from, c.to))
        .collect();
    let place = |s: &Scored| -> HashMap<usize, (usize, f64)> {
        s.ranking
            .iter()
            .enumerate()
            .map(|(i, r)| (r.role, (i + 1, r.score)))
            .collect()
    };
    let (was, is) = (place(then), place(now));
    let mut roles: Vec<RoleChange> = (0..catalog.roles.len())
        .filter(|r| was.contains_key(r) || is.contains_key(r))
        .map(|role| RoleChange {
            role,
            rank_from: was.get(&role).map(|p| p.0),
            rank_to: is.get(&role).map(|p| p.0),
            score_from: was.get(&role).map(|p| p.1),
            score_to: is.get(&role).map(|p| p.1),
        })
        .collect();
    let last = |rank: Option<usize>| rank.unwrap_or(usize::MAX);
    roles.sort_by_key(|r| (last(r.rank_to), last(r.rank_from), r.role));
    PersonDiff {
        id: b.id.clone(),
        assessed: [a.meta.assessed, b.meta.assessed],
        tags,
        goals_added: missing_from(&a.goals, &b.goals),
        goals_removed: missing_from(&b.goals, &a.goals),
        work_style,
        best: [then.best().map(|s| s.role), now.best().map(|s| s.role)],
        roles,
        words: [a.words.clone(), b.words.clone()],
    }
}

fn skill_counts(catalog: &Catalog, people: &[PersonDiff]) -> Vec<SkillCount> {
    let mut counts = vec![(0, 0); catalog.tags.len()];
    for change in people.iter().flat_map(|p| &p.tags) {
        let count = &mut counts[change.tag];
        if change.to.unwrap_or(0) > change.from.unwrap_or(0) {
            count.0 += 1;
        } else {
            count.1 += 1;
        }
    }
    let mut skills: Vec<SkillCount> = counts
        .into_iter()
        .enumerate()
        .filter(|(_, (rose, fell))| rose + fell > 0)
        .map(|(tag, (rose, fell))| SkillCount { tag, rose, fell })
        .collect();
    skills.sort_by_key(|s| (std::cmp::Reverse(s.rose + s.fell), s.tag));
    skills
}

fn best_moves(people: &[PersonDiff]) -> Vec<BestMove> {
    let mut counts: HashMap<(Option<usize>, Option<usize>), usize> = HashMap::new();
    for p in people {
        *counts.entry((p.best[0], p.best[1])).or_default() += 1;
    }
    let mut moves: Vec<BestMove> = counts
        .into_iter()
        .map(|((from, to), people)| BestMove { from, to, people })
        .collect();
    let key = |r: Option<usize>| r.map_or(usize::MAX, |r| r);
    moves.sort_by_key(|m| (std::cmp::Reverse(m.people), key(m.from), key(m.to)));
    moves
}
