//! What a scored respondent carries to the reports: the ranking, the roles
//! asked for and their places.

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
    pub aims: Vec<super::aim::Aim>,
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
