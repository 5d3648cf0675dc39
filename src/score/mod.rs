//! Scoring: the rule, the ranking and the explanation of a score, and
//! what a scored respondent carries to the reports. Pure: no I/O, no
//! allocation per role.

mod aim;
mod explain;
mod notes;
mod rank;
mod round;
mod rule;
mod scored;
mod table;

pub use aim::{coverage, goal_roles};
pub use explain::{
    AxisPoints, Breakdown, Explanation, GoalPoints, TagPoints, WeightsInEffect, breakdown, explain,
    growth_plan, level_of, related_level, tag_marks, word_for,
};
pub use notes::{FEW_AXES, Note, NoteKind, note_kinds, notes};
pub use rank::{assess, assess_asking, rank, ranking_order, standing};
pub use round::{round4, ten_thousandths};
pub use scored::{
    Aim, AimFrom, AimPlan, Asked, COVERED_LEVEL, Change, Focus, Place, RoleScore, Scored,
};

#[cfg(test)]
mod tests;
