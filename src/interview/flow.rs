//! The interview's questions and their order: a state machine over steps
//! that can go back, driven through a [`Prompter`].
//!
//! Steps run path → families → strengths → a level for each strength →
//! growth goals → work-style items; a step that does not apply (a question
//! the command line already answered, competency questions on the
//! `work-style` path, …) is skipped. Esc returns to the step asked before;
//! Esc at the first step asked leaves the interview.

use crate::answers::Respondent;
use crate::catalog::{Catalog, MAX_LEVEL};
use crate::error::{Error, Result};

use super::prompt::{Ask, Keys, LIKERT, Prompter};

/// The id of an interview's respondent: the table reads "Ranking for you".
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

/// What the command line already answered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preset {
    /// `--path`: the path question is skipped.
    pub path: Option<usize>,
    /// `--family`: the family question is skipped; these families are ranked.
    pub families: Option<Vec<usize>>,
}

/// The interview's result: the person's answers, resolved as an answer
/// file would be, and what is worth pointing out about them.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub respondent: Respondent,
    /// Answer-quality notes, one paragraph each.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Path,
    Families,
    Strengths,
    /// The level of the n-th chosen strength.
    Level(usize),
    Goals,
    /// The n-th work-style question.
    Item(usize),
}

/// Groups of steps, counted by the step indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Path,
    Families,
    Strengths,
    Goals,
    WorkStyle,
}

impl Stage {
    fn of(step: Step) -> Stage {
        match step {
            Step::Path => Stage::Path,
            Step::Families => Stage::Families,
            Step::Strengths | Step::Level(_) => Stage::Strengths,
            Step::Goals => Stage::Goals,
            Step::Item(_) => Stage::WorkStyle,
        }
    }

    fn title(self) -> &'static str {
        match self {
            Stage::Path => "Path",
            Stage::Families => "Families",
            Stage::Strengths => "Strengths",
            Stage::Goals => "Growth goals",
            Stage::WorkStyle => "Work style",
        }
    }
}

/// The answers so far. Answers to steps left behind by going back are
/// kept, so a step asked again starts where the person left it.
struct State<'c> {
    catalog: &'c Catalog,
    preset: &'c Preset,
    path: usize,
    /// Ticked families, indexed like the catalog's.
    families: Vec<bool>,
    /// Chosen strengths, in catalog order.
    strengths: Vec<usize>,
    /// The level given to each tag; 0 when never asked.
    levels: Vec<u8>,
    /// Chosen goals, in catalog order.
    goals: Vec<usize>,
    /// The answer to each work-style question.
    items: Vec<Option<u8>>,
}

/// Runs the interview to its end, or to Esc at the first step
/// ([`Error::Interrupted`]).
pub fn run(catalog: &Catalog, preset: &Preset, prompter: &mut dyn Prompter) -> Result<Outcome> {
    let mut state = State::new(catalog, preset);
    let mut history: Vec<Step> = Vec::new();
    let mut current = state.next(None);
    while let Some(step) = current {
        let ask = state.ask(step, history.is_empty());
        match state.put(step, &ask, prompter)? {
            Some(summary) => {
                prompter.answered(&summary);
                history.push(step);
                current = state.next(Some(step));
            }
            None => match history.pop() {
                Some(previous) => {
                    prompter.back();
                    current = Some(previous);
                }
                None => return Err(Error::Interrupted),
            },
        }
    }
    state.outcome()
}

impl<'c> State<'c> {
    fn new(catalog: &'c Catalog, preset: &'c Preset) -> Self {
        let families = match &preset.families {
            Some(chosen) if !chosen.is_empty() => (0..catalog.families.len())
                .map(|f| chosen.contains(&f))
                .collect(),
            _ => vec![true; catalog.families.len()],
        };
        State {
            catalog,
            preset,
            path: preset.path.unwrap_or_else(|| catalog.default_path()),
            families,
            strengths: Vec::new(),
            levels: vec![0; catalog.tags.len()],
            goals: Vec::new(),
            items: vec![None; catalog.questions.len()],
        }
    }

    fn competency(&self) -> bool {
        self.catalog.paths[self.path].assesses_competency()
    }

    fn work_style(&self) -> bool {
        self.catalog.paths[self.path].assesses_work_style()
    }

    /// Families ranked: none ticked counts as all.
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

    fn goal_choices(&self) -> Vec<usize> {
        self.tag_choices()
            .into_iter()
            .filter(|t| !self.strengths.contains(t))
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
            Step::Level(i) => self.competency() && i < self.strengths.len(),
            Step::Goals => self.competency() && !self.goal_choices().is_empty(),
            Step::Item(i) => self.work_style() && i < self.items.len(),
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
                Some(Step::Strengths) => Step::Level(0),
                Some(Step::Level(i)) if i + 1 < self.strengths.len() => Step::Level(i + 1),
                Some(Step::Level(_)) => Step::Goals,
                Some(Step::Goals) => Step::Item(0),
                Some(Step::Item(i)) if i + 1 < self.items.len() => Step::Item(i + 1),
                Some(Step::Item(_)) => return None,
            };
            if self.applies(candidate) {
                return Some(candidate);
            }
            step = Some(candidate);
        }
    }

    /// The stages this interview goes through, for "Step 2 of 5".
    fn stages(&self) -> Vec<Stage> {
        let mut stages = Vec::with_capacity(5);
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
            Step::Level(i) => {
                header.push_str(&format!(" · level {} of {}", i + 1, self.strengths.len()))
            }
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
                    "Tick the skills you already have; you rate each one next. \
                     Tick none if you are just starting out."
                        .into(),
                ],
                "Your strengths",
                Keys::MultiSelect,
            ),
            Step::Level(i) => (
                vec![format!(
                    "How strong are you in \"{}\"?",
                    self.catalog.tags[self.strengths[i]].name
                )],
                "Level",
                Keys::Select,
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
                Keys::Select,
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
                let width = longest(catalog.families.iter().map(|f| f.name.as_str()));
                let items: Vec<String> = catalog
                    .families
                    .iter()
                    .map(|f| format!("{:<width$}  {}", f.name, f.description))
                    .collect();
                let Some(chosen) = prompter.multi_select(ask, &items, &self.families)? else {
                    return Ok(None);
                };
                if chosen.iter().any(|&f| f >= catalog.families.len()) {
                    return Err(out_of_range());
                }
                self.families = (0..catalog.families.len())
                    .map(|f| chosen.contains(&f))
                    .collect();
                let allowed = self.tag_choices();
                self.strengths.retain(|t| allowed.contains(t));
                self.goals.retain(|t| allowed.contains(t));
                let summary = if chosen.is_empty() || chosen.len() == catalog.families.len() {
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
                let items = self.tag_labels(&choices);
                let checked: Vec<bool> =
                    choices.iter().map(|t| self.strengths.contains(t)).collect();
                let Some(chosen) = prompter.multi_select(ask, &items, &checked)? else {
                    return Ok(None);
                };
                self.strengths = picked(&choices, &chosen)?;
                self.goals.retain(|t| !self.strengths.contains(t));
                Ok(Some(format!("Strengths: {}", self.names(&self.strengths))))
            }
            Step::Level(i) => {
                let tag = self.strengths[i];
                let items: Vec<String> = LEVELS
                    .iter()
                    .enumerate()
                    .map(|(n, (name, meaning))| format!("{}  {name:<12}  {meaning}", n + 1))
                    .collect();
                let current = match self.levels[tag] {
                    0 => DEFAULT_LEVEL,
                    level => level,
                };
                let Some(level) = prompter.select(ask, &items, usize::from(current - 1))? else {
                    return Ok(None);
                };
                let level = u8::try_from(level + 1)
                    .ok()
                    .filter(|l| (1..=MAX_LEVEL).contains(l))
                    .ok_or_else(out_of_range)?;
                self.levels[tag] = level;
                Ok(Some(format!(
                    "{}: level {level}, {}",
                    catalog.tags[tag].name,
                    LEVELS[usize::from(level - 1)].0
                )))
            }
            Step::Goals => {
                let choices = self.goal_choices();
                let items = self.tag_labels(&choices);
                let checked: Vec<bool> = choices.iter().map(|t| self.goals.contains(t)).collect();
                let Some(chosen) = prompter.multi_select(ask, &items, &checked)? else {
                    return Ok(None);
                };
                self.goals = picked(&choices, &chosen)?;
                Ok(Some(format!("Growth goals: {}", self.names(&self.goals))))
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
                Ok(Some(format!(
                    "{}: {}",
                    likert_label(answer),
                    catalog.questions[i].text
                )))
            }
        }
    }

    /// Tags with their family names, the names in one column.
    fn tag_labels(&self, tags: &[usize]) -> Vec<String> {
        let width = longest(tags.iter().map(|&t| self.catalog.tags[t].name.as_str()));
        tags.iter()
            .map(|&t| {
                let tag = &self.catalog.tags[t];
                let mut families: Vec<usize> = tag
                    .roles
                    .iter()
                    .map(|&r| self.catalog.roles[r].family)
                    .collect();
                families.sort_unstable();
                families.dedup();
                let names: Vec<&str> = families
                    .iter()
                    .map(|&f| self.catalog.families[f].name.as_str())
                    .collect();
                format!("{:<width$}  {}", tag.name, names.join("/"))
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

    /// The person's axis values: the mean of each axis's answered items,
    /// reverse-keyed items counting `6 − answer`, to two decimals (a saved
    /// file says `4.33`, not `4.333333333333333`, and scores the same).
    fn axis_values(&self) -> Vec<Option<f64>> {
        let mut sums = vec![(0.0, 0u32); self.catalog.axes.len()];
        for (question, answer) in self.catalog.questions.iter().zip(&self.items) {
            if let Some(answer) = answer {
                let value = if question.reverse {
                    6 - answer
                } else {
                    *answer
                };
                let (sum, count) = &mut sums[question.axis];
                *sum += f64::from(value);
                *count += 1;
            }
        }
        sums.into_iter()
            .map(|(sum, count)| (count > 0).then(|| hundredths(sum / f64::from(count))))
            .collect()
    }

    fn outcome(&self) -> Result<Outcome> {
        let path = &self.catalog.paths[self.path];
        let competency = self.competency();
        let mut strengths: Vec<(usize, u8)> = if competency {
            self.strengths
                .iter()
                .map(|&t| {
                    let level = self.levels[t];
                    (t, if level == 0 { DEFAULT_LEVEL } else { level })
                })
                .collect()
        } else {
            Vec::new()
        };
        strengths.sort_unstable();
        let mut goals = if competency {
            self.goals.clone()
        } else {
            Vec::new()
        };
        goals.sort_unstable();
        let work_style = if self.work_style() {
            self.axis_values()
        } else {
            vec![None; self.catalog.axes.len()]
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
        let respondent = Respondent {
            id: RESPONDENT_ID.into(),
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

fn longest<'a>(names: impl Iterator<Item = &'a str>) -> usize {
    names.map(|n| n.chars().count()).max().unwrap_or(0)
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

/// Rounds to two decimals.
fn hundredths(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
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

    fn run_script(
        catalog: &Catalog,
        preset: &Preset,
        replies: Vec<Reply>,
    ) -> (Result<Outcome>, Scripted) {
        let mut prompter = Scripted::new(replies);
        let outcome = run(catalog, preset, &mut prompter);
        (outcome, prompter)
    }

    #[test]
    fn full_path_asks_everything_in_order() {
        let catalog = catalog();
        let n = catalog.questions.len();
        let mut script = vec![
            Reply::Pick(path(&catalog, "full")),
            Reply::Picks(vec![0, 1, 2, 3]),
            Reply::Picks(vec![0, 7]),
            Reply::Pick(4),
            Reply::Pick(1),
            Reply::Picks(vec![0]),
        ];
        script.extend(varied(n));
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

        let headers = prompter.headers();
        assert_eq!(headers[0], "Step 1 of 5 · Path");
        assert_eq!(headers[1], "Step 2 of 5 · Families");
        assert_eq!(headers[2], "Step 3 of 5 · Strengths");
        assert_eq!(headers[3], "Step 3 of 5 · Strengths · level 1 of 2");
        assert_eq!(headers[5], "Step 4 of 5 · Growth goals");
        assert_eq!(
            headers[6],
            format!("Step 5 of 5 · Work style · statement 1 of {n}")
        );
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
        assert!(
            work_style.contains("competencies are left out"),
            "{work_style}"
        );
        // Strengths are labelled with their family.
        assert!(
            prompter.asked[2].1[0].ends_with("Support"),
            "{:?}",
            prompter.asked[2].1[0]
        );
        // Every answered step left one summary line.
        assert_eq!(prompter.transcript.len(), 6 + n);
        assert_eq!(prompter.transcript[0], "Path: Competency and work style");
    }

    #[test]
    fn competency_path_asks_no_work_style() {
        let catalog = catalog();
        let sre = catalog.role_index("site-reliability-engineer").unwrap();
        let sre_tags = &catalog.roles[sre].tags;
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
            Reply::Pick(4),
            Reply::Pick(2),
            Reply::Pick(2),
            Reply::Picks(vec![]),
        ];
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
        let outcome = outcome.unwrap();
        let r = &outcome.respondent;
        assert_eq!(r.work_style, vec![None; catalog.axes.len()]);
        assert_eq!(r.families, vec![support]);
        let mut expected: Vec<(usize, u8)> = sre_tags.iter().copied().zip([5, 3, 3]).collect();
        expected.sort_unstable();
        assert_eq!(r.strengths, expected);
        assert!(r.goals.is_empty());
        // The strengths offered are the support family's only.
        let labels = &prompter.asked[2].1;
        assert_eq!(labels.len(), offered.len());
        assert!(labels.iter().all(|l| l.ends_with("Support")), "{labels:?}");
        // The count follows the path: before it is chosen, the default's.
        assert_eq!(prompter.headers()[0], "Step 1 of 5 · Path");
        assert_eq!(prompter.headers()[1], "Step 2 of 4 · Families");
        assert_eq!(prompter.transcript[6], "Growth goals: none");
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
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
        let outcome = outcome.unwrap();
        assert!(outcome.respondent.strengths.is_empty());
        assert!(outcome.respondent.work_style.iter().all(Option::is_some));
        assert_eq!(
            prompter.headers()[1],
            format!("Step 2 of 2 · Work style · statement 1 of {n}")
        );
        assert!(outcome.notes.is_empty());
        // Each item shows its statement, starting on the middle answer.
        let (ask, _, start) = &prompter.asked[1];
        assert!(ask.intro[1].contains(&catalog.questions[0].text));
        assert_eq!(start, "3");
    }

    #[test]
    fn axis_values_are_means_with_reverse_items_flipped() {
        let catalog = catalog();
        let n = catalog.questions.len();
        let answers: Vec<u8> = (0..n).map(|i| [5, 4, 2, 1][i % 4]).collect();
        let mut script = vec![Reply::Pick(path(&catalog, "work-style"))];
        script.extend(likerts(&answers));
        let (outcome, _) = run_script(&catalog, &Preset::default(), script);
        let values = outcome.unwrap().respondent.work_style;
        for (a, axis) in catalog.axes.iter().enumerate() {
            let counted: Vec<f64> = catalog
                .questions
                .iter()
                .zip(&answers)
                .filter(|(q, _)| q.axis == a)
                .map(|(q, &x)| f64::from(if q.reverse { 6 - x } else { x }))
                .collect();
            let mean = counted.iter().sum::<f64>() / counted.len() as f64;
            assert_eq!(values[a], Some(hundredths(mean)), "axis {}", axis.id);
        }
        // Communication: items 1–3 answered 5, 4, 2; the third is reverse-keyed.
        let communication = catalog.axis_index("communication").unwrap();
        assert!(catalog.questions[2].reverse);
        assert_eq!(values[communication], Some(4.33));
    }

    #[test]
    fn esc_at_the_first_step_quits() {
        let catalog = catalog();
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), vec![Reply::Esc]);
        assert!(matches!(outcome, Err(Error::Interrupted)), "{outcome:?}");
        assert!(prompter.transcript.is_empty());

        // With the path preset, the first step asked is the first item.
        let preset = Preset {
            path: Some(path(&catalog, "work-style")),
            families: None,
        };
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
                format!("Step 1 of 1 · Work style · statement 2 of {n}"),
                format!("Step 1 of 1 · Work style · statement 1 of {n}"),
            ]
        );
    }

    #[test]
    fn esc_goes_back_a_step_and_keeps_the_answers() {
        let catalog = catalog();
        let n = catalog.questions.len();
        let mut script = vec![
            Reply::Pick(path(&catalog, "full")),
            Reply::Picks(vec![0, 1, 2, 3]),
            Reply::Picks(vec![0, 1]),
            Reply::Pick(4),
            // Back from the second level to the first, then to strengths.
            Reply::Esc,
            Reply::Esc,
            // Strengths again: the earlier ticks are shown; keep only the second.
            Reply::Picks(vec![1]),
            Reply::Pick(0),
            Reply::Picks(vec![]),
            Reply::Likert(5),
            Reply::Likert(4),
            // Back to the first statement: it starts on the earlier answer.
            Reply::Esc,
            Reply::Esc,
            Reply::Likert(2),
        ];
        script.extend(varied(n - 1));
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
        let outcome = outcome.unwrap();
        assert_eq!(outcome.respondent.strengths, vec![(1, 1)]);
        let headers = prompter.headers();
        assert_eq!(headers[4], "Step 3 of 5 · Strengths · level 2 of 2");
        assert_eq!(headers[5], "Step 3 of 5 · Strengths · level 1 of 2");
        assert_eq!(prompter.asked[5].2, "4", "level 1 starts where it was left");
        assert_eq!(headers[6], "Step 3 of 5 · Strengths");
        assert_eq!(prompter.asked[6].2, "[0, 1]", "the earlier ticks are kept");
        assert_eq!(headers[7], "Step 3 of 5 · Strengths · level 1 of 1");
        assert_eq!(
            prompter.asked[7].2, "2",
            "tag 1 had no level yet: the default, 3"
        );
        assert_eq!(
            prompter.asked[12].2, "4",
            "statement 2 starts on its earlier answer"
        );
        assert_eq!(
            prompter.asked[13].2, "5",
            "statement 1 starts on its earlier answer"
        );
        // The transcript holds one line per step now answered: path,
        // families, strengths, one level, goals and the statements.
        assert_eq!(prompter.transcript.len(), 5 + n);
        assert_eq!(
            prompter.transcript[2],
            format!("Strengths: {}", catalog.tags[1].name)
        );
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
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
        let outcome = outcome.unwrap();
        assert_eq!(outcome.respondent.path, path(&catalog, "work-style"));
        assert_eq!(prompter.headers()[1], "Step 2 of 4 · Families");
        assert_eq!(
            prompter.asked[2].2,
            path(&catalog, "competency").to_string()
        );
        assert_eq!(
            prompter.headers()[3],
            format!("Step 2 of 2 · Work style · statement 1 of {n}")
        );
    }

    #[test]
    fn presets_skip_their_questions() {
        let catalog = catalog();
        let leadership = catalog.family_index("leadership").unwrap();
        let preset = Preset {
            path: Some(path(&catalog, "competency")),
            families: Some(vec![leadership]),
        };
        let script = vec![Reply::Picks(vec![0]), Reply::Pick(2), Reply::Picks(vec![])];
        let (outcome, prompter) = run_script(&catalog, &preset, script);
        let outcome = outcome.unwrap();
        assert_eq!(prompter.headers()[0], "Step 1 of 2 · Strengths");
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
            Reply::Picks(vec![0, 1, 2, 3]),
            Reply::Picks(vec![]),
            Reply::Picks(vec![5]),
        ];
        script.extend(varied(n));
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
            Reply::Picks(vec![]),
            Reply::Picks(vec![]),
            Reply::Picks(vec![]),
        ];
        let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
        let outcome = outcome.unwrap();
        assert_eq!(
            prompter.transcript[1], "Families: all",
            "none ticked counts as all"
        );
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
            Reply::Picks(vec![0, 1, 2, 3]),
            Reply::Picks(vec![]),
            Reply::Picks(vec![]),
        ];
        script.extend(likerts(&vec![5; n]));
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
            Reply::Pick(4),
            Reply::Pick(0),
            Reply::Pick(2),
            Reply::Picks(vec![2, 4]),
        ];
        script.extend(likerts(
            &(0..n).map(|i| [4, 2, 5][i % 3]).collect::<Vec<_>>(),
        ));
        let (outcome, _) = run_script(&catalog, &Preset::default(), script);
        let respondent = outcome.unwrap().respondent;
        assert_eq!(respondent.families, vec![engineering, architecture]);

        let text = serde_yaml::to_string(&respondent.to_answer_file(&catalog)).unwrap();
        let origin = crate::answers::Origin {
            source: "you.yaml",
            text: &text,
            first_line: 1,
            default_id: "you",
        };
        let file = crate::answers::parse(&origin, crate::answers::Format::Yaml).unwrap();
        let mut again = crate::answers::resolve(file, &catalog, &origin).unwrap();
        assert!(again.warnings.is_empty(), "{:?}", again.warnings);
        again.source = respondent.source.clone();
        assert_eq!(again, respondent);
        let ranked = |r: &Respondent| crate::score::assess(&catalog, r.clone(), Some(10)).ranking;
        assert_eq!(ranked(&again), ranked(&respondent));
    }

    #[test]
    fn out_of_range_answers_are_errors_not_panics() {
        let catalog = catalog();
        let (outcome, _) = run_script(&catalog, &Preset::default(), vec![Reply::Pick(99)]);
        assert!(matches!(outcome, Err(Error::Usage(_))), "{outcome:?}");
        let preset = Preset {
            path: Some(path(&catalog, "work-style")),
            families: None,
        };
        let (outcome, _) = run_script(&catalog, &preset, vec![Reply::Likert(6)]);
        assert!(matches!(outcome, Err(Error::Usage(_))), "{outcome:?}");
        let preset = Preset {
            path: Some(path(&catalog, "competency")),
            families: Some(vec![0]),
        };
        let (outcome, _) = run_script(&catalog, &preset, vec![Reply::Picks(vec![0, 500])]);
        assert!(matches!(outcome, Err(Error::Usage(_))), "{outcome:?}");
    }
}
