//! Turning the interview's answers into a result: the respondent an
//! answer file would resolve to, the axis values from the statements, the
//! notes on answers that cannot carry a ranking, and the answer file to save.

use crate::answers::{AnswerFile, DEFAULT_LEVEL, Respondent, UniqueMap};
use crate::catalog::Catalog;
use crate::error::{Error, Result};

use super::questions::likert_label;
use super::state::State;

/// The id of an interview's respondent without a name: the table reads
/// "Ranking for you".
pub const RESPONDENT_ID: &str = "you";
/// The source of an interview's respondent, in place of a file name.
pub const SOURCE: &str = "<interview>";
/// The interview's result: the person's answers, resolved as an answer
/// file would be, and what is worth pointing out about them.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub respondent: Respondent,
    /// The name the person gave, if any.
    pub name: Option<String>,
    /// Each work-style statement answered: (question, answer 1–5).
    pub statements: Vec<(usize, u8)>,
    /// Answer-quality notes, one paragraph each.
    pub notes: Vec<String>,
}

impl Outcome {
    /// The answer file that resolves back to these answers, under `id`:
    /// the statements themselves, not the axis means they give.
    pub fn answer_file(&self, catalog: &Catalog, id: &str) -> AnswerFile {
        let mut file = self.respondent.to_answer_file(catalog);
        file.id = Some(id.to_string());
        if !self.statements.is_empty() {
            file.work_style = UniqueMap::default();
            file.statements = UniqueMap(
                self.statements
                    .iter()
                    .map(|&(q, answer)| (catalog.questions[q].id.clone(), f64::from(answer).into()))
                    .collect(),
            );
        }
        file
    }
}

impl State<'_> {
    /// The statements answered, in catalog order.
    fn statements(&self) -> Vec<(usize, u8)> {
        self.items
            .iter()
            .enumerate()
            .filter_map(|(q, answer)| answer.map(|a| (q, a)))
            .collect()
    }

    /// The person's axis values: the exact mean of each axis's answered
    /// statements, reverse-keyed ones counting `6 − answer`, summed in
    /// catalog order as an answer file's statements are.
    fn axis_values(&self) -> Vec<Option<f64>> {
        let mut sums = vec![(0.0_f64, 0u32); self.catalog.axes.len()];
        for (q, answer) in self.statements() {
            let question = &self.catalog.questions[q];
            let value = if question.reverse { 6 - answer } else { answer };
            let (sum, count) = &mut sums[question.axis];
            *sum += f64::from(value);
            *count += 1;
        }
        sums.into_iter()
            .map(|(sum, count)| (count > 0).then(|| sum / f64::from(count)))
            .collect()
    }

    pub(super) fn outcome(&self) -> Result<Outcome> {
        let path = &self.catalog.paths[self.path];
        let competency = self.competency();
        let mut strengths: Vec<(usize, u8)> = if competency {
            self.strengths_in_view()
                .into_iter()
                .map(|t| {
                    let level = self.levels[t];
                    (t, if level == 0 { DEFAULT_LEVEL } else { level })
                })
                .collect()
        } else {
            Vec::new()
        };
        strengths.sort_unstable();
        let mut goals = if competency {
            self.goals_in_view()
        } else {
            Vec::new()
        };
        goals.sort_unstable();
        let (work_style, statements) = if self.work_style() {
            (self.axis_values(), self.statements())
        } else {
            (vec![None; self.catalog.axes.len()], Vec::new())
        };
        if !competency && work_style.iter().all(Option::is_none) {
            return Err(Error::Usage(format!(
                "the catalog has no work-style questions to ask on the {} path",
                path.id
            )));
        }
        let mut families: Vec<usize> = match &self.preset.families {
            Some(families) => families.clone(),
            None if competency && self.families.iter().any(|&f| !f) => (0..self.families.len())
                .filter(|&f| self.families[f])
                .collect(),
            None => Vec::new(),
        };
        families.sort_unstable();
        families.dedup();
        let name = (!self.name.is_empty()).then(|| self.name.clone());
        let words = crate::answers::Words::picked(self.catalog, &strengths, &goals);
        let respondent = Respondent {
            id: name.clone().unwrap_or_else(|| RESPONDENT_ID.into()),
            source: SOURCE.into(),
            path: self.path,
            strengths,
            goals,
            work_style,
            families,
            target: self.target,
            warnings: Vec::new(),
            answered: crate::answers::Answered {
                statements: statements.len(),
            },
            words,
            ..Default::default()
        };
        Ok(Outcome {
            notes: self.notes(&respondent),
            respondent,
            name,
            statements,
        })
    }

    /// What the ranking cannot be trusted for, given these answers.
    fn notes(&self, respondent: &Respondent) -> Vec<String> {
        let mut notes = Vec::new();
        let answers: Vec<u8> = self.items.iter().flatten().copied().collect();
        if self.work_style() && answers.len() > 1 && answers.iter().all(|&a| a == answers[0]) {
            notes.push(format!(
                "You gave all {} work-style statements the same answer ({}, {}). Some \
                 statements are worded the other way round, so one answer for all of them \
                 cannot describe how you work: read the Style column with care, or take the \
                 interview again and weigh each statement on its own.",
                answers.len(),
                answers[0],
                likert_label(answers[0]).to_lowercase()
            ));
        }
        if self.competency() && respondent.strengths.is_empty() {
            let mut rest = Vec::new();
            if !respondent.goals.is_empty() {
                rest.push("growth goals");
            }
            if respondent.work_style.iter().any(Option::is_some) {
                rest.push("work style");
            }
            notes.push(if rest.is_empty() {
                "You chose no strengths and no growth goals, so every role scores 0%: the \
                 order of the ranking is the catalog's, not a match. Take the interview again \
                 and tick what you can do, even at level 1."
                    .to_string()
            } else {
                format!(
                    "You chose no strengths, so every role scores 0% on Skills and the ranking \
                     rests on your {} alone. Even a skill you are still learning counts: \
                     tick it at level 1.",
                    rest.join(" and ")
                )
            });
        }
        notes
    }
}
