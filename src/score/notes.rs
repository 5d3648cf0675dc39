//! Notes on a result that stands on little: the best match earned by work
//! style or goals alone, work style answered on few axes or statements,
//! most words not understood. Data, so that every format shows them and
//! cohort summaries count them.

use crate::catalog::Catalog;

use super::round::ten_thousandths;
use super::scored::Scored;

/// Fewer axes answered than this is a thin work style.
pub const FEW_AXES: usize = 3;

/// What a note says, as JSON names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// The best match has no competency point: work style carries it.
    WorkStyleAlone,
    /// The best match has no competency point: goals (and work style)
    /// carry it.
    GoalsAlone,
    /// Work style answered on fewer than [`FEW_AXES`] axes.
    FewAxes,
    /// Fewer than half the work-style statements answered.
    FewStatements,
    /// Most strengths and goals written were not read as tags.
    FewWordsUnderstood,
}

impl NoteKind {
    pub const ALL: [NoteKind; 5] = [
        NoteKind::WorkStyleAlone,
        NoteKind::GoalsAlone,
        NoteKind::FewAxes,
        NoteKind::FewStatements,
        NoteKind::FewWordsUnderstood,
    ];

    /// The name in JSON `notes[].kind`.
    pub fn name(self) -> &'static str {
        match self {
            NoteKind::WorkStyleAlone => "work_style_alone",
            NoteKind::GoalsAlone => "goals_alone",
            NoteKind::FewAxes => "few_axes",
            NoteKind::FewStatements => "few_statements",
            NoteKind::FewWordsUnderstood => "few_words_understood",
        }
    }

    /// What a cohort summary says of `count` of `total` respondents.
    pub fn counted(self, count: usize, total: usize) -> String {
        let what = match self {
            NoteKind::WorkStyleAlone => "best matches rest on work style alone",
            NoteKind::GoalsAlone => "best matches rest on goals, not on skills held",
            NoteKind::FewAxes => "answered work style on fewer than 3 axes",
            NoteKind::FewStatements => "answered fewer than half the work-style statements",
            NoteKind::FewWordsUnderstood => "had most of their skills and goals not understood",
        };
        format!("{count} of {total} {what}")
    }
}

/// One note on a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub kind: NoteKind,
    pub text: String,
}

/// The notes on a scored respondent, in [`NoteKind::ALL`] order.
pub fn notes(catalog: &Catalog, scored: &Scored) -> Vec<Note> {
    note_kinds(catalog, scored)
        .into_iter()
        .map(|kind| Note {
            kind,
            text: note_text(kind, catalog, scored),
        })
        .collect()
}

/// The kinds of note a scored respondent gets, without their text: what
/// a cohort counts.
pub fn note_kinds(catalog: &Catalog, scored: &Scored) -> Vec<NoteKind> {
    let r = &scored.respondent;
    let path = &catalog.paths[r.path];
    let mut kinds = Vec::new();
    if path.assesses_competency()
        && let Some(best) = scored.best()
        && best.competency.is_none_or(|c| ten_thousandths(c) == 0)
    {
        kinds.push(if best.growth.is_some_and(|g| ten_thousandths(g) > 0) {
            NoteKind::GoalsAlone
        } else {
            NoteKind::WorkStyleAlone
        });
    }
    if path.assesses_work_style() {
        // None answered on a path that weighs skills too is the rule's
        // renormalisation, not a thin answer.
        let answered = r.work_style.iter().filter(|v| v.is_some()).count();
        if (1..FEW_AXES.min(catalog.axes.len())).contains(&answered) {
            kinds.push(NoteKind::FewAxes);
        }
        let statements = r.answered.statements;
        if statements > 0 && statements * 2 < catalog.questions.len() {
            kinds.push(NoteKind::FewStatements);
        }
    }
    if path.assesses_competency() && r.words.not_understood.len() * 2 > r.words.given() {
        kinds.push(NoteKind::FewWordsUnderstood);
    }
    kinds
}

/// What a note of `kind` says of `scored`.
fn note_text(kind: NoteKind, catalog: &Catalog, scored: &Scored) -> String {
    let r = &scored.respondent;
    let best = scored
        .best()
        .map_or("", |best| catalog.roles[best.role].name.as_str());
    match kind {
        NoteKind::WorkStyleAlone => format!(
            "the best match, {best}, rests on work style alone: \
             none of its skills is among the strengths given"
        ),
        NoteKind::GoalsAlone => format!(
            "the best match, {best}, rests on goals, not on skills held: \
             it is where to grow, not a fit yet"
        ),
        NoteKind::FewAxes => {
            let missing: Vec<&str> = catalog
                .axes
                .iter()
                .zip(&r.work_style)
                .filter(|(_, v)| v.is_none())
                .map(|(a, _)| a.name.as_str())
                .collect();
            format!(
                "work style answered on {} of {} axes (not on {}): \
                 its part of each score stands on little",
                catalog.axes.len() - missing.len(),
                catalog.axes.len(),
                missing.join(", ")
            )
        }
        NoteKind::FewStatements => format!(
            "{} of {} work-style statements answered, fewer than half",
            r.answered.statements,
            catalog.questions.len()
        ),
        NoteKind::FewWordsUnderstood => {
            let (words, dropped) = (r.words.given(), r.words.not_understood.len());
            format!(
                "{dropped} of {words} skills and goals written were not understood and were \
                 left out: the ranking rests on the other {}",
                words - dropped
            )
        }
    }
}
