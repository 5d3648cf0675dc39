//! What a scored respondent carries to the reports: the ranking, the roles
//! asked for and their places, and the person's aims (a role they named,
//! `target`, or one their goals point at) with the plan toward each.

use crate::answers::Respondent;

use super::round::ten_thousandths;

/// One role's score for one respondent. `None` is an undefined component.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoleScore {
    pub role: usize,
    pub score: f64,
    pub competency: Option<f64>,
    pub growth: Option<f64>,
    pub work_style: Option<f64>,
    /// Its score, to 4 decimals, equals a neighbour's in the full ranking
    /// (also one cut off by `--top`).
    pub tied: bool,
}

/// A respondent and their ranking, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub respondent: Respondent,
    pub ranking: Vec<RoleScore>,
    /// Whether each entry's score is to be broken down (`--explain`).
    pub explain: bool,
    /// Roles whose fit profile was asked for (`--role`), in the order asked.
    pub focus: Vec<Focus>,
    /// The person's aims and the plans toward them, when asked for.
    pub aims: Vec<Aim>,
}

/// A role asked for by name, wherever it ranks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Focus {
    pub score: RoleScore,
    /// Its place in the full ranking; None when its family is not among
    /// those the answers consider.
    pub place: Option<Place>,
}

/// What is asked for beyond the ranking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Asked {
    /// Break every entry's score down (`--explain`).
    pub explain: bool,
    /// Roles whose fit profile to show (`--role`).
    pub roles: Vec<usize>,
    /// Answer the person's aims (the formats that show them).
    pub aims: bool,
}

impl Scored {
    /// The best match: the first role, unless every score is 0 (to 4
    /// decimals). Then nothing matches, and the first role is only first
    /// in id order.
    pub fn best(&self) -> Option<&RoleScore> {
        self.ranking
            .first()
            .filter(|s| ten_thousandths(s.score) > 0)
    }

    /// Roles were ranked, and every one of them scored 0.
    pub fn no_match(&self) -> bool {
        !self.ranking.is_empty() && self.best().is_none()
    }
}

/// A role's place in a ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Its position in the ranking order (1 is first).
    pub rank: usize,
    /// The first position of its score (to 4 decimals): what tables show
    /// as `=N` when the role is tied.
    pub first_of_score: usize,
}

/// The level a skill counts as covered from: 3, practitioner.
pub const COVERED_LEVEL: u8 = crate::answers::DEFAULT_LEVEL;

/// One change to the strengths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub tag: usize,
    /// The level now; None when the tag is not a strength.
    pub from: Option<u8>,
    pub to: u8,
}

impl Change {
    /// Levels this change adds (from nothing counts from 0).
    pub fn levels(&self) -> u32 {
        u32::from(self.to - self.from.unwrap_or(0))
    }
}

/// Where an aim comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AimFrom {
    /// The person named the role (`target:`).
    Target,
    /// The person's goals count most toward it (the highest growth score).
    Goals,
}

impl AimFrom {
    pub fn id(self) -> &'static str {
        match self {
            AimFrom::Target => "target",
            AimFrom::Goals => "goals",
        }
    }
}

/// The plan toward an aim.
#[derive(Debug, Clone, PartialEq)]
pub enum AimPlan {
    /// The changes (empty when the role is already within the plan's
    /// reach) and where they bring the role.
    Found {
        changes: Vec<Change>,
        rank_after: usize,
        score_after: f64,
    },
    /// No change of strengths brings it there; why, in words.
    Unreachable(String),
}

/// One aim and its answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Aim {
    pub role: usize,
    pub from: AimFrom,
    /// Its place now; None when its family is not among those ranked.
    pub place: Option<Place>,
    pub score: f64,
    /// The place the plan aims for (rank K or better): the top 3, or,
    /// for a role already there, first place or the closest to it the
    /// cap allows.
    pub within: usize,
    /// `within` is the closest place to first that the cap allows.
    pub closest: bool,
    /// How far one skill may rise in the plan.
    pub max_raise: u8,
    pub plan: AimPlan,
}
