//! What the interview knows between steps: the presets, the answers so
//! far, and which step comes next, skipping those that do not apply.

use crate::catalog::Catalog;

/// What the command line already answered, and earlier answers to start from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preset {
    /// `--path`: the path question is skipped.
    pub path: Option<usize>,
    /// `--family`: the family question is skipped; these families are ranked.
    pub families: Option<Vec<usize>>,
    /// `--from FILE`: every question starts on the file's answer.
    pub earlier: Option<Earlier>,
}

/// Answers given before (an answer file), resolved to catalog indices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Earlier {
    pub name: Option<String>,
    pub path: usize,
    /// Families ranked; empty means all.
    pub families: Vec<usize>,
    pub strengths: Vec<(usize, u8)>,
    pub goals: Vec<usize>,
    /// (question, answer 1–5).
    pub statements: Vec<(usize, u8)>,
    /// Kept in the answers saved unless `--group` gives another.
    pub group: Option<String>,
    /// The role aimed for.
    pub target: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    Path,
    Families,
    Strengths,
    /// The levels of all chosen strengths, on one screen.
    Levels,
    Goals,
    /// The n-th work-style question.
    Item(usize),
    /// The role the person aims for (optional).
    Target,
    Name,
}

/// The answers so far. Answers to steps left behind by going back are
/// kept, so a step asked again starts where the person left it; strengths
/// and goals out of view after a family change come back with the family.
pub(super) struct State<'c> {
    pub(super) catalog: &'c Catalog,
    pub(super) preset: &'c Preset,
    pub(super) path: usize,
    /// Ticked families, indexed like the catalog's.
    pub(super) families: Vec<bool>,
    /// Chosen strengths, in catalog order, including any out of view.
    pub(super) strengths: Vec<usize>,
    /// The level given to each tag; 0 when never asked.
    pub(super) levels: Vec<u8>,
    /// Chosen goals, in catalog order, including any out of view.
    pub(super) goals: Vec<usize>,
    /// The answer to each work-style question.
    pub(super) items: Vec<Option<u8>>,
    pub(super) name: String,
    /// The role aimed for; None: no particular one.
    pub(super) target: Option<usize>,
}

impl<'c> State<'c> {
    pub(super) fn new(catalog: &'c Catalog, preset: &'c Preset) -> Self {
        let earlier = preset.earlier.as_ref();
        let ticked = |chosen: &[usize]| -> Vec<bool> {
            if chosen.is_empty() {
                vec![true; catalog.families.len()]
            } else {
                (0..catalog.families.len())
                    .map(|f| chosen.contains(&f))
                    .collect()
            }
        };
        let families = match (&preset.families, earlier) {
            (Some(chosen), _) => ticked(chosen),
            (None, Some(earlier)) => ticked(&earlier.families),
            (None, None) => ticked(&[]),
        };
        let mut levels = vec![0; catalog.tags.len()];
        let mut items = vec![None; catalog.questions.len()];
        if let Some(earlier) = earlier {
            for &(tag, level) in &earlier.strengths {
                levels[tag] = level;
            }
            for &(question, answer) in &earlier.statements {
                items[question] = Some(answer);
            }
        }
        State {
            catalog,
            preset,
            path: preset
                .path
                .or(earlier.map(|e| e.path))
                .unwrap_or_else(|| catalog.default_path()),
            families,
            strengths: earlier.map_or_else(Vec::new, |e| {
                e.strengths.iter().map(|&(tag, _)| tag).collect()
            }),
            levels,
            goals: earlier.map_or_else(Vec::new, |e| e.goals.clone()),
            items,
            name: earlier.and_then(|e| e.name.clone()).unwrap_or_default(),
            target: earlier.and_then(|e| e.target),
        }
    }

    pub(super) fn competency(&self) -> bool {
        self.catalog.paths[self.path].assesses_competency()
    }

    pub(super) fn work_style(&self) -> bool {
        self.catalog.paths[self.path].assesses_work_style()
    }

    /// Families ranked: none ticked counts as all (only `--family` can
    /// leave none; the family question refuses it).
    pub(super) fn considered(&self, family: usize) -> bool {
        self.families[family] || !self.families.iter().any(|&f| f)
    }

    /// Tags of the roles in the families considered, in catalog order.
    pub(super) fn tag_choices(&self) -> Vec<usize> {
        (0..self.catalog.tags.len())
            .filter(|&t| {
                self.catalog.tags[t]
                    .roles
                    .iter()
                    .any(|&r| self.considered(self.catalog.roles[r].family))
            })
            .collect()
    }

    /// The chosen strengths in the families considered.
    pub(super) fn strengths_in_view(&self) -> Vec<usize> {
        in_view(&self.strengths, &self.tag_choices())
    }

    pub(super) fn goal_choices(&self) -> Vec<usize> {
        self.tag_choices()
            .into_iter()
            .filter(|t| !self.strengths.contains(t))
            .collect()
    }

    /// The chosen goals that are still offered.
    pub(super) fn goals_in_view(&self) -> Vec<usize> {
        in_view(&self.goals, &self.goal_choices())
    }

    pub(super) fn applies(&self, step: Step) -> bool {
        match step {
            Step::Path => self.preset.path.is_none(),
            Step::Families => {
                self.competency()
                    && self.preset.families.is_none()
                    && self.catalog.families.len() > 1
            }
            Step::Strengths => self.competency() && !self.tag_choices().is_empty(),
            Step::Levels => self.competency() && !self.strengths_in_view().is_empty(),
            Step::Goals => self.competency() && !self.goal_choices().is_empty(),
            Step::Target => !self.catalog.roles.is_empty(),
            Step::Item(i) => self.work_style() && i < self.items.len(),
            Step::Name => true,
        }
    }

    /// The step after `step` (`None`: the first), skipping those that do not apply.
    pub(super) fn next(&self, step: Option<Step>) -> Option<Step> {
        let mut step = step;
        loop {
            let candidate = match step {
                None => Step::Path,
                Some(Step::Path) => Step::Families,
                Some(Step::Families) => Step::Strengths,
                Some(Step::Strengths) => Step::Levels,
                Some(Step::Levels) => Step::Goals,
                Some(Step::Goals) => Step::Item(0),
                Some(Step::Item(i)) if i + 1 < self.items.len() => Step::Item(i + 1),
                Some(Step::Item(_)) => Step::Target,
                Some(Step::Target) => Step::Name,
                Some(Step::Name) => return None,
            };
            if self.applies(candidate) {
                return Some(candidate);
            }
            step = Some(candidate);
        }
    }
}

/// The tags chosen that are among those offered now, in the order chosen;
/// the others are kept for when they are offered again.
fn in_view(chosen: &[usize], offered: &[usize]) -> Vec<usize> {
    chosen
        .iter()
        .copied()
        .filter(|t| offered.contains(t))
        .collect()
}
