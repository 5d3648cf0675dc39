//! The interview's questions and their order: a state machine over steps
//! that can go back, driven through a [`Prompter`].
//!
//! Steps run path → families → strengths → their levels (one screen) →
//! growth goals → work-style statements → name; a step that does not apply
//! (a question the command line already answered, competency questions on
//! the `work-style` path, …) is skipped. Esc returns to the step asked
//! before; Esc at the first step asked leaves the interview.

use crate::answers::{AnswerFile, Respondent, UniqueMap};
use crate::catalog::{Catalog, MAX_LEVEL};
use crate::error::{Error, Result};

use super::prompt::{Ask, Choice, Keys, LIKERT, Picked, Prompter};

/// The id of an interview's respondent without a name: the table reads
/// "Ranking for you".
pub const RESPONDENT_ID: &str = "you";
/// The source of an interview's respondent, in place of a file name.
pub const SOURCE: &str = "<interview>";
/// The level a strength starts on.
const DEFAULT_LEVEL: u8 = 3;
/// The Likert answer an item starts on: the middle of the scale.
const DEFAULT_LIKERT: u8 = 3;

/// Strength levels: a name and what it means, 1 to 5.
pub const LEVELS: [(&str, &str); MAX_LEVEL as usize] = [
    ("learning", "new to it, learning the basics"),
    ("developing", "can do it with some guidance"),
    ("practitioner", "do it on my own, regularly"),
    ("advanced", "handle the hard cases and help others"),
    ("expert", "set the standard and teach it"),
];

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
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Path,
    Families,
    Strengths,
    /// The levels of all chosen strengths, on one screen.
    Levels,
    Goals,
    /// The n-th work-style question.
    Item(usize),
    Name,
}

/// Groups of steps, counted by the step indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Path,
    Families,
    Strengths,
    Goals,
    WorkStyle,
    Name,
}

impl Stage {
    fn of(step: Step) -> Stage {
        match step {
            Step::Path => Stage::Path,
            Step::Families => Stage::Families,
            Step::Strengths | Step::Levels => Stage::Strengths,
            Step::Goals => Stage::Goals,
            Step::Item(_) => Stage::WorkStyle,
            Step::Name => Stage::Name,
        }
    }

    fn title(self) -> &'static str {
        match self {
            Stage::Path => "Path",
            Stage::Families => "Families",
            Stage::Strengths => "Strengths",
            Stage::Goals => "Growth goals",
            Stage::WorkStyle => "Work style",
            Stage::Name => "Your name",
        }
    }
}

/// The answers so far. Answers to steps left behind by going back are
/// kept, so a step asked again starts where the person left it; strengths
/// and goals out of view after a family change come back with the family.
struct State<'c> {
    catalog: &'c Catalog,
    preset: &'c Preset,
    path: usize,
    /// Ticked families, indexed like the catalog's.
    families: Vec<bool>,
    /// Chosen strengths, in catalog order, including any out of view.
    strengths: Vec<usize>,
    /// The level given to each tag; 0 when never asked.
    levels: Vec<u8>,
    /// Chosen goals, in catalog order, including any out of view.
    goals: Vec<usize>,
    /// The answer to each work-style question.
    items: Vec<Option<u8>>,
    name: String,
}

/// Runs the interview to its end, or to Esc at the first step
/// ([`Error::Interrupted`]).
pub fn run(catalog: &Catalog, preset: &Preset, prompter: &mut dyn Prompter) -> Result<Outcome> {
    let mut state = State::new(catalog, preset);
    let mut history: Vec<(Step, String)> = Vec::new();
    let mut current = state.next(None);
    while let Some(step) = current {
        let ask = state.ask(step, history.is_empty());
        match state.put(step, &ask, prompter)? {
            Some(summary) => {
                history.push((step, summary));
                prompter.progress(&progress(&history));
                current = state.next(Some(step));
            }
            None => match history.pop() {
                Some((previous, _)) => {
                    prompter.progress(&progress(&history));
                    current = Some(previous);
                }
                None => return Err(Error::Interrupted),
            },
        }
    }
    state.outcome()
}

/// One line per step answered, the work-style statements as one line.
fn progress(history: &[(Step, String)]) -> Vec<String> {
    let mut lines: Vec<String> = Vec::with_capacity(history.len());
    for (i, (step, summary)) in history.iter().enumerate() {
        let follows_item = i > 0 && matches!(history[i - 1].0, Step::Item(_));
        if matches!(step, Step::Item(_)) && follows_item {
            lines.pop();
        }
        lines.push(summary.clone());
    }
    lines
}

impl<'c> State<'c> {
    fn new(catalog: &'c Catalog, preset: &'c Preset) -> Self {
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
        }
    }

    fn competency(&self) -> bool {
        self.catalog.paths[self.path].assesses_competency()
    }

    fn work_style(&self) -> bool {
        self.catalog.paths[self.path].assesses_work_style()
    }

    /// Families ranked: none ticked counts as all (only `--family` can
    /// leave none; the family question refuses it).
    fn considered(&self, family: usize) -> bool {
        self.families[family] || !self.families.iter().any(|&f| f)
    }

    /// Tags of the roles in the families considered, in catalog order.
    fn tag_choices(&self) -> Vec<usize> {
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
    fn strengths_in_view(&self) -> Vec<usize> {
        let choices = self.tag_choices();
        self.strengths
            .iter()
            .copied()
            .filter(|t| choices.contains(t))
            .collect()
    }

    fn goal_choices(&self) -> Vec<usize> {
        self.tag_choices()
            .into_iter()
            .filter(|t| !self.strengths.contains(t))
            .collect()
    }

    fn goals_in_view(&self) -> Vec<usize> {
        let choices = self.goal_choices();
        self.goals
            .iter()
            .copied()
            .filter(|t| choices.contains(t))
            .collect()
    }

    fn applies(&self, step: Step) -> bool {
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
            Step::Item(i) => self.work_style() && i < self.items.len(),
            Step::Name => true,
        }
    }

    /// The step after `step` (`None`: the first), skipping those that do not apply.
    fn next(&self, step: Option<Step>) -> Option<Step> {
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
                Some(Step::Item(_)) => Step::Name,
                Some(Step::Name) => return None,
            };
            if self.applies(candidate) {
                return Some(candidate);
            }
            step = Some(candidate);
        }
    }

    /// The stages this interview goes through, for "Step 2 of 6".
    fn stages(&self) -> Vec<Stage> {
        let mut stages = Vec::with_capacity(6);
        if self.preset.path.is_none() {
            stages.push(Stage::Path);
        }
        if self.applies(Step::Families) {
            stages.push(Stage::Families);
        }
        if self.competency() {
            stages.extend([Stage::Strengths, Stage::Goals]);
        }
        if self.work_style() && !self.items.is_empty() {
            stages.push(Stage::WorkStyle);
        }
        stages.push(Stage::Name);
        stages
    }

    fn header(&self, step: Step) -> String {
        let stage = Stage::of(step);
        let stages = self.stages();
        let mut header = match stages.iter().position(|&s| s == stage) {
            Some(i) => format!("Step {} of {} · {}", i + 1, stages.len(), stage.title()),
            None => stage.title().to_string(),
        };
        match step {
            Step::Levels => header.push_str(" · levels"),
            Step::Item(i) => {
                header.push_str(&format!(" · statement {} of {}", i + 1, self.items.len()))
            }
            _ => {}
        }
        header
    }

    fn ask(&self, step: Step, first: bool) -> Ask {
        let (intro, prompt, keys): (Vec<String>, &str, Keys) = match step {
            Step::Path => (
                vec!["How should rolefit assess you?".into()],
                "Path",
                Keys::Select,
            ),
            Step::Families => (
                vec![
                    "Which role families should rolefit consider? Untick those you want to \
                     leave out; only their roles are ranked."
                        .into(),
                ],
                "Families",
                Keys::MultiSelect,
            ),
            Step::Strengths => (
                vec![
                    "Tick the skills you already have; you rate them next. \
                     Tick none if you are just starting out."
                        .into(),
                ],
                "Your strengths",
                Keys::MultiSelect,
            ),
            Step::Levels => (
                vec!["How strong are you in each?".into()],
                "Levels",
                Keys::Levels,
            ),
            Step::Goals => (
                vec![
                    "Which skills would you like to grow into? They lift the roles that use \
                     them. Optional: press enter to skip."
                        .into(),
                ],
                "Growth goals",
                Keys::MultiSelect,
            ),
            Step::Item(i) => (
                vec![
                    "How much do you agree?".into(),
                    format!("\"{}\"", self.catalog.questions[i].text),
                ],
                "Your answer",
                Keys::Scale,
            ),
            Step::Name => (
                vec![
                    "Your name, to tell your result from others' (optional: press enter \
                     to skip). It becomes the id in the file you save."
                        .into(),
                ],
                "Name",
                Keys::Text,
            ),
        };
        Ask {
            header: self.header(step),
            intro,
            prompt: prompt.into(),
            keys,
            esc_quits: first,
        }
    }

    /// Puts one step's question; returns the summary of the answer, or
    /// `None` when the person pressed Esc.
    fn put(
        &mut self,
        step: Step,
        ask: &Ask,
        prompter: &mut dyn Prompter,
    ) -> Result<Option<String>> {
        let catalog = self.catalog;
        match step {
            Step::Path => {
                let items: Vec<String> = catalog
                    .paths
                    .iter()
                    .map(|p| format!("{} ({})\n{}", p.name, p.id, p.description))
                    .collect();
                let Some(path) = prompter.select(ask, &items, self.path)? else {
                    return Ok(None);
                };
                if path >= catalog.paths.len() {
                    return Err(out_of_range());
                }
                self.path = path;
                Ok(Some(format!("Path: {}", catalog.paths[path].name)))
            }
            Step::Families => {
                let items: Vec<Choice> = catalog
                    .families
                    .iter()
                    .map(|f| Choice {
                        name: f.name.clone(),
                        description: f.description.clone(),
                        ..Choice::default()
                    })
                    .collect();
                let chosen = loop {
                    match prompter.multi_select(ask, &items, &self.families)? {
                        Picked::Back(_) => return Ok(None),
                        Picked::Confirmed(chosen) if chosen.is_empty() => prompter.say(
                            "Tick at least one family: with none, no role would be ranked. \
                             Space ticks the one under the cursor.",
                        ),
                        Picked::Confirmed(chosen) => break chosen,
                    }
                };
                if chosen.iter().any(|&f| f >= catalog.families.len()) {
                    return Err(out_of_range());
                }
                self.families = (0..catalog.families.len())
                    .map(|f| chosen.contains(&f))
                    .collect();
                let summary = if chosen.len() == catalog.families.len() {
                    "Families: all".to_string()
                } else {
                    let names: Vec<&str> = chosen
                        .iter()
                        .map(|&f| catalog.families[f].name.as_str())
                        .collect();
                    format!("Families: {}", names.join(", "))
                };
                Ok(Some(summary))
            }
            Step::Strengths => {
                let choices = self.tag_choices();
                let Some(chosen) = self.tick_tags(ask, &choices, Pick::Strengths, prompter)? else {
                    return Ok(None);
                };
                self.goals.retain(|t| !chosen.contains(t));
                Ok(Some(format!("Strengths: {}", self.names(&chosen))))
            }
            Step::Levels => {
                let tags = self.strengths_in_view();
                let rows: Vec<String> =
                    tags.iter().map(|&t| catalog.tags[t].name.clone()).collect();
                let start: Vec<u8> = tags
                    .iter()
                    .map(|&t| match self.levels[t] {
                        0 => DEFAULT_LEVEL,
                        level => level,
                    })
                    .collect();
                let scale: Vec<String> = LEVELS
                    .iter()
                    .map(|(name, meaning)| format!("{name}: {meaning}"))
                    .collect();
                let Some(levels) = prompter.levels(ask, &rows, &start, &scale)? else {
                    return Ok(None);
                };
                if levels.len() != tags.len() || levels.iter().any(|l| !(1..=MAX_LEVEL).contains(l))
                {
                    return Err(out_of_range());
                }
                let mut summary = Vec::with_capacity(tags.len());
                for (&tag, &level) in tags.iter().zip(&levels) {
                    self.levels[tag] = level;
                    summary.push(format!("{} {level}", catalog.tags[tag].name));
                }
                Ok(Some(format!("Levels: {}", summary.join(", "))))
            }
            Step::Goals => {
                let choices = self.goal_choices();
                let Some(chosen) = self.tick_tags(ask, &choices, Pick::Goals, prompter)? else {
                    return Ok(None);
                };
                Ok(Some(format!("Growth goals: {}", self.names(&chosen))))
            }
            Step::Item(i) => {
                let current = self.items[i].unwrap_or(DEFAULT_LIKERT);
                let Some(answer) = prompter.likert(ask, current)? else {
                    return Ok(None);
                };
                if !(1..=5).contains(&answer) {
                    return Err(out_of_range());
                }
                self.items[i] = Some(answer);
                let answered = self.items.iter().flatten().count();
                Ok(Some(format!(
                    "Work style: {answered} of {} statements answered",
                    self.items.len()
                )))
            }
            Step::Name => {
                let Some(name) = prompter.text(ask, &self.name)? else {
                    return Ok(None);
                };
                self.name = name.trim().to_string();
                Ok(Some(if self.name.is_empty() {
                    "Name: none given".to_string()
                } else {
                    format!("Name: {}", self.name)
                }))
            }
        }
    }

    /// Asks which of `choices` to tick, as strengths or as goals; ticks
    /// made before Esc are kept. Returns the tags ticked in view.
    fn tick_tags(
        &mut self,
        ask: &Ask,
        choices: &[usize],
        pick: Pick,
        prompter: &mut dyn Prompter,
    ) -> Result<Option<Vec<usize>>> {
        let items = self.tag_choices_shown(choices);
        let kept = match pick {
            Pick::Strengths => &self.strengths,
            Pick::Goals => &self.goals,
        };
        let checked: Vec<bool> = choices.iter().map(|t| kept.contains(t)).collect();
        let (chosen, confirmed) = match prompter.multi_select(ask, &items, &checked)? {
            Picked::Confirmed(chosen) => (chosen, true),
            Picked::Back(chosen) => (chosen, false),
        };
        let chosen = picked(choices, &chosen)?;
        // Ticks out of view (another family's) stay as they were.
        let kept = match pick {
            Pick::Strengths => &mut self.strengths,
            Pick::Goals => &mut self.goals,
        };
        kept.retain(|t| !choices.contains(t));
        kept.extend(&chosen);
        kept.sort_unstable();
        Ok(confirmed.then_some(chosen))
    }

    /// Tags as list items: the name, its families beside it, its
    /// description, and the roles that use it.
    fn tag_choices_shown(&self, tags: &[usize]) -> Vec<Choice> {
        let catalog = self.catalog;
        tags.iter()
            .map(|&t| {
                let tag = &catalog.tags[t];
                let mut families: Vec<usize> =
                    tag.roles.iter().map(|&r| catalog.roles[r].family).collect();
                families.sort_unstable();
                families.dedup();
                let families: Vec<&str> = families
                    .iter()
                    .map(|&f| catalog.families[f].name.as_str())
                    .collect();
                let roles: Vec<&str> = tag
                    .roles
                    .iter()
                    .map(|&r| catalog.roles[r].name.as_str())
                    .collect();
                Choice {
                    name: tag.name.clone(),
                    note: families.join("/"),
                    description: tag.description.clone(),
                    more: format!("Roles: {}", roles.join(", ")),
                    aliases: tag.aliases.clone(),
                }
            })
            .collect()
    }

    fn names(&self, tags: &[usize]) -> String {
        if tags.is_empty() {
            return "none".into();
        }
        let names: Vec<&str> = tags
            .iter()
            .map(|&t| self.catalog.tags[t].name.as_str())
            .collect();
        names.join(", ")
    }

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

    fn outcome(&self) -> Result<Outcome> {
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
        let respondent = Respondent {
            id: name.clone().unwrap_or_else(|| RESPONDENT_ID.into()),
            source: SOURCE.into(),
            path: self.path,
            strengths,
            goals,
            work_style,
            families,
            warnings: Vec::new(),
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

/// The words of a Likert answer, 1 to 5.
pub fn likert_label(answer: u8) -> &'static str {
    let i = usize::from(answer.clamp(1, 5) - 1);
    LIKERT[i].trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
}

/// The tags at the chosen positions of a list shown.
fn picked(choices: &[usize], chosen: &[usize]) -> Result<Vec<usize>> {
    let mut tags = chosen
        .iter()
        .map(|&i| choices.get(i).copied().ok_or_else(out_of_range))
        .collect::<Result<Vec<usize>>>()?;
    tags.sort_unstable();
    tags.dedup();
    Ok(tags)
}

fn out_of_range() -> Error {
    Error::Usage("the answer is not one of the choices offered".into())
}

/// Whether the strengths or the goals are being ticked.
#[derive(Debug, Clone, Copy)]
enum Pick {
    Strengths,
    Goals,
}

#[cfg(test)]
mod tests {
    use super::super::fake::{Reply, Scripted};
    use super::*;

    fn catalog() -> Catalog {
        Catalog::builtin().expect("the built-in catalog is valid")
    }

    fn path(catalog: &Catalog, id: &str) -> usize {
        catalog.path_index(id).expect("a built-in path")
    }

    fn likerts(answers: &[u8]) -> Vec<Reply> {
        answers.iter().map(|&a| Reply::Likert(a)).collect()
    }

    /// Answers 1 2 3 4 5 1 2 … to the fifteen work-style items.
    fn varied(n: usize) -> Vec<Reply> {
        likerts(&(0..n).map(|i| (i % 5) as u8 + 1).collect::<Vec<_>>())
    }

    fn all_families(catalog: &Catalog) -> Reply {
        Reply::Picks((0..catalog.families.len()).collect())
    }

    /// No name given.
    fn no_name() -> Reply {
        Reply::Text(String::new())
    }

    fn preset(path: Option<usize>, families: Option<Vec<usize>>) -> Preset {
        Preset {
            path,
            families,
            earlier: None,
        }
    }

    fn run_script(
        catalog: &Catalog,
        preset: &Preset,
        replies: Vec<Reply>,
    ) -> (Result<Outcome>, Scripted) {
        let mut prompter = Scripted::new(replies);
        let outcome = run(catalog, preset, &mut prompter);
        assert!(
            prompter.replies.is_empty(),
            "the script was not used up: {:?}",
            prompter.replies
        );
        (outcome, prompter)
    }

    /// A tag offered only by roles of `family`.
    fn tag_only_in(catalog: &Catalog, family: &str) -> usize {
        let family = catalog.family_index(family).unwrap();
        (0..catalog.tags.len())
            .find(|&t| {
                !catalog.tags[t].roles.is_empty()
                    && catalog.tags[t]
                        .roles
                        .iter()
                        .all(|&r| catalog.roles[r].family == family)
            })
            .expect("a tag of that family alone")
    }

    #[test]
    fn full_path_asks_everything_in_order() {
        let catalog = catalog();
        let n = catalog.questions.len();
        let mut script = vec![
            Reply::Pick(path(&catalog, "full")),
            all_families(&catalog),
            Reply::Picks(vec![0, 7]),
            Reply::Levels(vec![5, 2]),
            Reply::Picks(vec![0]),
        ];
        script.extend(varied(n));
        script.push(no_name());
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
        let outcome = outcome.expect("the interview ends");
        let r = &outcome.respondent;
        assert_eq!(r.path, path(&catalog, "full"));
        // Tags 0 and 7 of the list (catalog order), at levels 5 and 2.
        assert_eq!(r.strengths, vec![(0, 5), (7, 2)]);
        // Goal: the first tag that is not a strength.
        assert_eq!(r.goals, vec![1]);
        assert!(r.work_style.iter().all(Option::is_some));
        assert!(r.families.is_empty(), "all families ticked ranks all");
        assert!(outcome.notes.is_empty(), "{:?}", outcome.notes);
        assert_eq!(r.id, RESPONDENT_ID);
        assert_eq!(outcome.name, None);
        assert_eq!(outcome.statements.len(), n);

        let headers = prompter.headers();
        assert_eq!(headers[0], "Step 1 of 6 · Path");
        assert_eq!(headers[1], "Step 2 of 6 · Families");
        assert_eq!(headers[2], "Step 3 of 6 · Strengths");
        assert_eq!(headers[3], "Step 3 of 6 · Strengths · levels");
        assert_eq!(headers[4], "Step 4 of 6 · Growth goals");
        assert_eq!(
            headers[5],
            format!("Step 5 of 6 · Work style · statement 1 of {n}")
        );
        assert_eq!(headers[5 + n], "Step 6 of 6 · Your name");
        assert_eq!(headers.len(), 6 + n);
        assert!(prompter.asked[0].0.esc_quits);
        assert!(!prompter.asked[1].0.esc_quits);
        // Every path is offered with its description; work-style says who it is for.
        let paths = &prompter.asked[0].1;
        assert_eq!(paths.len(), catalog.paths.len());
        let work_style = &paths[path(&catalog, "work-style")];
        assert!(
            work_style.contains("non-technical professionals"),
            "{work_style}"
        );
        // Strengths are labelled with their family.
        assert!(
            prompter.asked[2].1[0].ends_with("Support"),
            "{:?}",
            prompter.asked[2].1[0]
        );
        // The levels screen has one row per strength, all starting on 3.
        assert_eq!(
            prompter.asked[3].1,
            [catalog.tags[0].name.clone(), catalog.tags[7].name.clone()]
        );
        assert_eq!(prompter.asked[3].2, "[3, 3]");
        // One progress line per part: the statements share one.
        assert_eq!(
            prompter.transcript,
            [
                "Path: Competency and work style".to_string(),
                "Families: all".into(),
                format!(
                    "Strengths: {}, {}",
                    catalog.tags[0].name, catalog.tags[7].name
                ),
                format!(
                    "Levels: {} 5, {} 2",
                    catalog.tags[0].name, catalog.tags[7].name
                ),
                format!("Growth goals: {}", catalog.tags[1].name),
                format!("Work style: {n} of {n} statements answered"),
                "Name: none given".into(),
            ]
        );
    }

    #[test]
    fn competency_path_asks_no_work_style() {
        let catalog = catalog();
        let sre = catalog.role_index("site-reliability-engineer").unwrap();
        let mut sre_tags = catalog.roles[sre].tags.clone();
        sre_tags.sort_unstable();
        // Only the support family: the strengths offered are its tags.
        let support = catalog.family_index("support").unwrap();
        let offered: Vec<usize> = (0..catalog.tags.len())
            .filter(|&t| {
                catalog.tags[t]
                    .roles
                    .iter()
                    .any(|&r| catalog.roles[r].family == support)
            })
            .collect();
        let at = |t: &usize| offered.iter().position(|o| o == t).unwrap();
        let script = vec![
            Reply::Pick(path(&catalog, "competency")),
            Reply::Picks(vec![support]),
            Reply::Picks(sre_tags.iter().map(at).collect()),
            Reply::Levels(vec![5, 3, 3]),
            Reply::Picks(vec![]),
            no_name(),
        ];
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
        let outcome = outcome.unwrap();
        let r = &outcome.respondent;
        assert_eq!(r.work_style, vec![None; catalog.axes.len()]);
        assert!(outcome.statements.is_empty());
        assert_eq!(r.families, vec![support]);
        let expected: Vec<(usize, u8)> = sre_tags.iter().copied().zip([5, 3, 3]).collect();
        assert_eq!(r.strengths, expected);
        assert!(r.goals.is_empty());
        // The strengths offered are the support family's only.
        let labels = &prompter.asked[2].1;
        assert_eq!(labels.len(), offered.len());
        assert!(labels.iter().all(|l| l.ends_with("Support")), "{labels:?}");
        // The count follows the path: before it is chosen, the default's.
        assert_eq!(prompter.headers()[0], "Step 1 of 6 · Path");
        assert_eq!(prompter.headers()[1], "Step 2 of 5 · Families");
        assert_eq!(prompter.transcript[4], "Growth goals: none");
        // The ranking is the support family's.
        let scored = crate::score::assess(&catalog, r.clone(), None);
        assert_eq!(scored.ranking.len(), 6);
        assert_eq!(
            catalog.roles[scored.ranking[0].role].id,
            "site-reliability-engineer"
        );
    }

    #[test]
    fn work_style_path_asks_only_the_items() {
        let catalog = catalog();
        let n = catalog.questions.len();
        let mut script = vec![Reply::Pick(path(&catalog, "work-style"))];
        script.extend(varied(n));
        script.push(no_name());
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
        let outcome = outcome.unwrap();
        assert!(outcome.respondent.strengths.is_empty());
        assert!(outcome.respondent.work_style.iter().all(Option::is_some));
        assert_eq!(
            prompter.headers()[1],
            format!("Step 2 of 3 · Work style · statement 1 of {n}")
        );
        assert!(outcome.notes.is_empty());
        // Each item shows its statement, starting on the middle answer.
        let (ask, _, start) = &prompter.asked[1];
        assert!(ask.intro[1].contains(&catalog.questions[0].text));
        assert_eq!(ask.keys, Keys::Scale);
        assert_eq!(start, "3");
    }

    #[test]
    fn axis_values_are_exact_means_with_reverse_items_flipped() {
        let catalog = catalog();
        let n = catalog.questions.len();
        let answers: Vec<u8> = (0..n).map(|i| [5, 4, 2, 1][i % 4]).collect();
        let mut script = vec![Reply::Pick(path(&catalog, "work-style"))];
        script.extend(likerts(&answers));
        script.push(no_name());
        let (outcome, _) = run_script(&catalog, &Preset::default(), script);
        let outcome = outcome.unwrap();
        let values = &outcome.respondent.work_style;
        for (a, axis) in catalog.axes.iter().enumerate() {
            let counted: Vec<f64> = catalog
                .questions
                .iter()
                .zip(&answers)
                .filter(|(q, _)| q.axis == a)
                .map(|(q, &x)| f64::from(if q.reverse { 6 - x } else { x }))
                .collect();
            let mean = counted.iter().sum::<f64>() / counted.len() as f64;
            assert_eq!(values[a], Some(mean), "axis {}", axis.id);
        }
        // Communication: items 1–3 answered 5, 4, 2; the third is
        // reverse-keyed: 13/3, not rounded.
        let communication = catalog.axis_index("communication").unwrap();
        assert!(catalog.questions[2].reverse);
        assert_eq!(values[communication], Some(13.0 / 3.0));
        // Each statement is kept as answered.
        let kept: Vec<u8> = outcome.statements.iter().map(|&(_, a)| a).collect();
        assert_eq!(kept, answers);
    }

    #[test]
    fn esc_at_the_first_step_quits() {
        let catalog = catalog();
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), vec![Reply::Esc]);
        assert!(matches!(outcome, Err(Error::Interrupted)), "{outcome:?}");
        assert!(prompter.transcript.is_empty());

        // With the path preset, the first step asked is the first item.
        let preset = preset(Some(path(&catalog, "work-style")), None);
        let (outcome, prompter) = run_script(
            &catalog,
            &preset,
            vec![Reply::Likert(4), Reply::Esc, Reply::Esc],
        );
        assert!(matches!(outcome, Err(Error::Interrupted)), "{outcome:?}");
        assert_eq!(prompter.asked.len(), 3);
        assert!(prompter.asked[0].0.esc_quits);
        let n = catalog.questions.len();
        assert_eq!(
            prompter.headers()[1..],
            [
                format!("Step 1 of 2 · Work style · statement 2 of {n}"),
                format!("Step 1 of 2 · Work style · statement 1 of {n}"),
            ]
        );
    }

    #[test]
    fn esc_goes_back_a_step_and_keeps_the_answers() {
        let catalog = catalog();
        let n = catalog.questions.len();
        let mut script = vec![
            Reply::Pick(path(&catalog, "full")),
            all_families(&catalog),
            Reply::Picks(vec![0, 1]),
            Reply::Levels(vec![4, 2]),
            // Back from goals to the levels, then to strengths.
            Reply::Esc,
            Reply::Esc,
            // Strengths again: the earlier ticks are shown; keep only the second.
            Reply::Picks(vec![1]),
            Reply::Levels(vec![1]),
            Reply::Picks(vec![]),
            Reply::Likert(5),
            Reply::Likert(4),
            // Back to the first statement: it starts on the earlier answer.
            Reply::Esc,
            Reply::Esc,
            Reply::Likert(2),
        ];
        script.extend(varied(n - 1));
        script.push(no_name());
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
        let outcome = outcome.unwrap();
        assert_eq!(outcome.respondent.strengths, vec![(1, 1)]);
        let headers = prompter.headers();
        assert_eq!(headers[4], "Step 4 of 6 · Growth goals");
        assert_eq!(headers[5], "Step 3 of 6 · Strengths · levels");
        assert_eq!(
            prompter.asked[5].2, "[4, 2]",
            "levels start where they were left"
        );
        assert_eq!(headers[6], "Step 3 of 6 · Strengths");
        assert_eq!(prompter.asked[6].2, "[0, 1]", "the earlier ticks are kept");
        assert_eq!(prompter.asked[7].2, "[2]", "tag 1 keeps its level");
        assert_eq!(
            prompter.asked[12].2, "4",
            "statement 2 starts on its earlier answer"
        );
        assert_eq!(
            prompter.asked[13].2, "5",
            "statement 1 starts on its earlier answer"
        );
        assert_eq!(prompter.transcript.len(), 7);
        assert_eq!(
            prompter.transcript[2],
            format!("Strengths: {}", catalog.tags[1].name)
        );
    }

    #[test]
    fn ticks_made_before_esc_are_kept() {
        let catalog = catalog();
        let script = vec![
            Reply::Pick(path(&catalog, "competency")),
            all_families(&catalog),
            Reply::BackWith(vec![2, 5]),
            all_families(&catalog),
            Reply::Picks(vec![2, 5]),
            Reply::Levels(vec![3, 3]),
            Reply::Picks(vec![]),
            no_name(),
        ];
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
        assert_eq!(prompter.asked[4].2, "[2, 5]");
        assert_eq!(outcome.unwrap().respondent.strengths, vec![(2, 3), (5, 3)]);
    }

    #[test]
    fn a_family_change_keeps_the_strengths_still_in_view() {
        let catalog = catalog();
        let support = catalog.family_index("support").unwrap();
        let in_support = tag_only_in(&catalog, "support");
        let in_engineering = tag_only_in(&catalog, "engineering");
        let script = vec![
            Reply::Pick(path(&catalog, "competency")),
            all_families(&catalog),
            Reply::Picks(vec![in_support, in_engineering]),
            Reply::Levels(vec![5, 4]),
            // Back to the families; support alone.
            Reply::Esc,
            Reply::Esc,
            Reply::Esc,
            Reply::Picks(vec![support]),
            // The support strength is still ticked; back again, all families.
            Reply::Esc,
            all_families(&catalog),
            Reply::Picks(vec![in_support, in_engineering]),
            Reply::Levels(vec![5, 4]),
            Reply::Picks(vec![]),
            no_name(),
        ];
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
        let support_only: Vec<usize> = (0..catalog.tags.len())
            .filter(|&t| {
                catalog.tags[t]
                    .roles
                    .iter()
                    .any(|&r| catalog.roles[r].family == support)
            })
            .collect();
        let at = support_only.iter().position(|&t| t == in_support).unwrap();
        assert_eq!(prompter.asked[8].2, format!("[{at}]"));
        // With every family again, both strengths and their levels are back.
        let mut expected = [in_support, in_engineering];
        expected.sort_unstable();
        assert_eq!(prompter.asked[10].2, format!("{expected:?}"));
        assert_eq!(outcome.unwrap().respondent.strengths.len(), 2);
    }

    #[test]
    fn no_family_ticked_is_refused_with_a_note() {
        let catalog = catalog();
        let script = vec![
            Reply::Pick(path(&catalog, "competency")),
            Reply::Picks(vec![]),
            Reply::Picks(vec![0]),
            Reply::Picks(vec![]),
            Reply::Picks(vec![]),
            no_name(),
        ];
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
        assert_eq!(prompter.said.len(), 1);
        assert!(prompter.said[0].starts_with("Tick at least one family"));
        assert_eq!(prompter.headers()[1], prompter.headers()[2]);
        assert_eq!(outcome.unwrap().respondent.families, vec![0]);
    }

    #[test]
    fn a_name_given_is_the_id() {
        let catalog = catalog();
        let preset = preset(Some(path(&catalog, "work-style")), None);
        let n = catalog.questions.len();
        let mut script = varied(n);
        script.push(Reply::Text("  Ann Lee ".into()));
        let (outcome, prompter) = run_script(&catalog, &preset, script);
        let outcome = outcome.unwrap();
        assert_eq!(outcome.respondent.id, "Ann Lee");
        assert_eq!(outcome.name.as_deref(), Some("Ann Lee"));
        assert_eq!(prompter.transcript.last().unwrap(), "Name: Ann Lee");
        // Esc at the name goes back to the last statement.
        let mut script = varied(n);
        script.extend([Reply::Esc, Reply::Likert(1), no_name()]);
        let (outcome, prompter) = run_script(&catalog, &preset, script);
        assert_eq!(outcome.unwrap().statements.last(), Some(&(n - 1, 1)));
        assert_eq!(prompter.asked[n + 1].2, ((n - 1) % 5 + 1).to_string());
    }

    #[test]
    fn earlier_answers_are_where_each_question_starts() {
        let catalog = catalog();
        let engineering = catalog.family_index("engineering").unwrap();
        let strength = tag_only_in(&catalog, "engineering");
        let goal = (0..catalog.tags.len())
            .find(|&t| {
                t != strength
                    && catalog.tags[t]
                        .roles
                        .iter()
                        .any(|&r| catalog.roles[r].family == engineering)
            })
            .unwrap();
        let earlier = Earlier {
            name: Some("Ann".into()),
            path: path(&catalog, "full"),
            families: vec![engineering],
            strengths: vec![(strength, 4)],
            goals: vec![goal],
            statements: vec![(0, 5), (1, 1)],
        };
        let preset = Preset {
            earlier: Some(earlier),
            ..Preset::default()
        };
        let n = catalog.questions.len();
        let mut script = vec![
            Reply::Pick(path(&catalog, "full")),
            Reply::Picks(vec![engineering]),
        ];
        // Confirm whatever is ticked: the fake says what started ticked.
        let (_, asked) = run_script(&catalog, &preset, {
            let mut s = script.clone();
            s.push(Reply::Esc);
            s.push(Reply::Esc);
            s.push(Reply::Esc);
            s
        });
        let offered_at = |asked: &Scripted, i: usize, tag: usize| {
            asked.asked[i]
                .1
                .iter()
                .position(|l| l.starts_with(&catalog.tags[tag].name))
                .unwrap()
        };
        let at = offered_at(&asked, 2, strength);
        assert_eq!(asked.asked[0].2, path(&catalog, "full").to_string());
        assert_eq!(asked.asked[1].2, format!("[{engineering}]"));
        assert_eq!(asked.asked[2].2, format!("[{at}]"));

        script.extend([Reply::Picks(vec![at]), Reply::Levels(vec![4])]);
        let mut first = script.clone();
        first.extend([Reply::Esc, Reply::Esc, Reply::Esc, Reply::Esc, Reply::Esc]);
        let (_, asked) = run_script(&catalog, &preset, first);
        assert_eq!(asked.asked[3].2, "[4]", "the level given before");
        let goal_at = offered_at(&asked, 4, goal);
        assert_eq!(asked.asked[4].2, format!("[{goal_at}]"));

        script.push(Reply::Picks(vec![goal_at]));
        script.extend(likerts(&[5, 1]));
        script.extend(varied(n - 2));
        script.push(Reply::Text("Ann".into()));
        let (outcome, asked) = run_script(&catalog, &preset, script);
        assert_eq!(asked.asked[5].2, "5");
        assert_eq!(asked.asked[6].2, "1");
        assert_eq!(asked.asked[7].2, "3", "not answered before: the middle");
        assert_eq!(asked.asked.last().unwrap().2, "Ann");
        let r = outcome.unwrap().respondent;
        assert_eq!(r.strengths, vec![(strength, 4)]);
        assert_eq!(r.goals, vec![goal]);
        assert_eq!(r.families, vec![engineering]);
    }

    #[test]
    fn going_back_to_the_path_can_change_it() {
        let catalog = catalog();
        let n = catalog.questions.len();
        let mut script = vec![
            Reply::Pick(path(&catalog, "competency")),
            Reply::Esc,
            Reply::Pick(path(&catalog, "work-style")),
        ];
        script.extend(varied(n));
        script.push(no_name());
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
        let outcome = outcome.unwrap();
        assert_eq!(outcome.respondent.path, path(&catalog, "work-style"));
        assert_eq!(prompter.headers()[1], "Step 2 of 5 · Families");
        assert_eq!(
            prompter.asked[2].2,
            path(&catalog, "competency").to_string()
        );
        assert_eq!(
            prompter.headers()[3],
            format!("Step 2 of 3 · Work style · statement 1 of {n}")
        );
    }

    #[test]
    fn presets_skip_their_questions() {
        let catalog = catalog();
        let leadership = catalog.family_index("leadership").unwrap();
        let preset = preset(Some(path(&catalog, "competency")), Some(vec![leadership]));
        let script = vec![
            Reply::Picks(vec![0]),
            Reply::Levels(vec![2]),
            Reply::Picks(vec![]),
            no_name(),
        ];
        let (outcome, prompter) = run_script(&catalog, &preset, script);
        let outcome = outcome.unwrap();
        assert_eq!(prompter.headers()[0], "Step 1 of 3 · Strengths");
        assert!(prompter.asked[0].0.esc_quits);
        assert_eq!(prompter.asked[0].1.len(), 9, "the leadership family's tags");
        assert_eq!(outcome.respondent.families, vec![leadership]);
        assert_eq!(outcome.respondent.path, path(&catalog, "competency"));
    }

    #[test]
    fn same_answer_to_every_item_is_pointed_out() {
        let catalog = catalog();
        let n = catalog.questions.len();
        let mut script = vec![Reply::Pick(path(&catalog, "work-style"))];
        script.extend(likerts(&vec![3; n]));
        script.push(no_name());
        let (outcome, _) = run_script(&catalog, &Preset::default(), script);
        let notes = outcome.unwrap().notes;
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains(&format!("all {n} work-style statements the same answer")));
        assert!(
            notes[0].contains("(3, neither agree nor disagree)"),
            "{}",
            notes[0]
        );
    }

    #[test]
    fn no_strengths_on_a_competency_path_is_pointed_out() {
        let catalog = catalog();
        let n = catalog.questions.len();
        // Full path: no strengths, one goal, varied work style.
        let mut script = vec![
            Reply::Pick(path(&catalog, "full")),
            all_families(&catalog),
            Reply::Picks(vec![]),
            Reply::Picks(vec![5]),
        ];
        script.extend(varied(n));
        script.push(no_name());
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
        let notes = outcome.unwrap().notes;
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].starts_with("You chose no strengths"),
            "{}",
            notes[0]
        );
        assert!(
            notes[0].contains("growth goals and work style alone"),
            "{}",
            notes[0]
        );
        assert_eq!(prompter.transcript[2], "Strengths: none");

        // Competency path, nothing ticked at all: the ranking means nothing.
        let script = vec![
            Reply::Pick(path(&catalog, "competency")),
            all_families(&catalog),
            Reply::Picks(vec![]),
            Reply::Picks(vec![]),
            no_name(),
        ];
        let (outcome, _) = run_script(&catalog, &Preset::default(), script);
        let outcome = outcome.unwrap();
        assert!(outcome.respondent.families.is_empty());
        assert_eq!(outcome.notes.len(), 1);
        assert!(
            outcome.notes[0].contains("not a match"),
            "{}",
            outcome.notes[0]
        );

        // Both notes at once.
        let mut script = vec![
            Reply::Pick(path(&catalog, "full")),
            all_families(&catalog),
            Reply::Picks(vec![]),
            Reply::Picks(vec![]),
        ];
        script.extend(likerts(&vec![5; n]));
        script.push(no_name());
        let (outcome, _) = run_script(&catalog, &Preset::default(), script);
        assert_eq!(outcome.unwrap().notes.len(), 2);
    }

    #[test]
    fn the_respondent_is_what_its_answer_file_resolves_to() {
        let catalog = catalog();
        let n = catalog.questions.len();
        let engineering = catalog.family_index("engineering").unwrap();
        let architecture = catalog.family_index("architecture").unwrap();
        let mut script = vec![
            Reply::Pick(path(&catalog, "full")),
            Reply::Picks(vec![architecture, engineering]),
            Reply::Picks(vec![3, 0, 10]),
            Reply::Levels(vec![5, 1, 3]),
            Reply::Picks(vec![2, 4]),
        ];
        script.extend(likerts(
            &(0..n).map(|i| [4, 2, 5][i % 3]).collect::<Vec<_>>(),
        ));
        script.push(Reply::Text("Ann Lee".into()));
        let (outcome, _) = run_script(&catalog, &Preset::default(), script);
        let outcome = outcome.unwrap();
        let respondent = &outcome.respondent;
        assert_eq!(respondent.families, vec![engineering, architecture]);

        let file = outcome.answer_file(&catalog, "Ann Lee");
        assert!(file.work_style.is_empty(), "statements, not rounded means");
        assert_eq!(file.statements.iter().count(), n);
        let text = serde_yaml::to_string(&file).unwrap();
        let origin = crate::answers::Origin {
            source: "ann.yaml",
            text: &text,
            first_line: 1,
            default_id: "ann",
        };
        let file = crate::answers::parse(&origin, crate::answers::Format::Yaml).unwrap();
        let mut again = crate::answers::resolve(file, &catalog, &origin).unwrap();
        assert!(again.warnings.is_empty(), "{:?}", again.warnings);
        again.source = respondent.source.clone();
        assert_eq!(&again, respondent);
        let ranked = |r: &Respondent| crate::score::assess(&catalog, r.clone(), Some(10)).ranking;
        assert_eq!(ranked(&again), ranked(respondent));
    }

    #[test]
    fn out_of_range_answers_are_errors_not_panics() {
        let catalog = catalog();
        let (outcome, _) = run_script(&catalog, &Preset::default(), vec![Reply::Pick(99)]);
        assert!(matches!(outcome, Err(Error::Usage(_))), "{outcome:?}");
        let work_style = preset(Some(path(&catalog, "work-style")), None);
        let (outcome, _) = run_script(&catalog, &work_style, vec![Reply::Likert(6)]);
        assert!(matches!(outcome, Err(Error::Usage(_))), "{outcome:?}");
        let competency = preset(Some(path(&catalog, "competency")), Some(vec![0]));
        let (outcome, _) = run_script(&catalog, &competency, vec![Reply::Picks(vec![0, 500])]);
        assert!(matches!(outcome, Err(Error::Usage(_))), "{outcome:?}");
        let (outcome, _) = run_script(
            &catalog,
            &competency,
            vec![Reply::Picks(vec![0]), Reply::Levels(vec![6])],
        );
        assert!(matches!(outcome, Err(Error::Usage(_))), "{outcome:?}");
    }
}
