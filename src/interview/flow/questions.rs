//! What each step of the interview asks, and how its answer is taken:
//! the step indicator, the wording, the lists offered and the checks on
//! what comes back.

use crate::answers::DEFAULT_LEVEL;
use crate::catalog::{LEVELS, MAX_LEVEL};
use crate::error::{Error, Result};

use super::super::prompt::{Ask, Choice, Keys, LIKERT, Picked, Prompter};
use super::state::{State, Step};

/// The first item of the target question: no particular role.
const NO_TARGET: &str = "No particular role";

/// The Likert answer an item starts on: the middle of the scale.
const DEFAULT_LIKERT: u8 = 3;

/// Groups of steps, counted by the step indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Path,
    Families,
    Strengths,
    Goals,
    WorkStyle,
    Target,
    Name,
}

impl Stage {
    fn of(step: Step) -> Stage {
        match step {
            Step::Path => Stage::Path,
            Step::Families => Stage::Families,
            Step::Strengths | Step::Levels => Stage::Strengths,
            Step::Goals => Stage::Goals,
            Step::Target => Stage::Target,
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
            Stage::Target => "Your aim",
            Stage::WorkStyle => "Work style",
            Stage::Name => "Your name",
        }
    }
}

impl State<'_> {
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
        if self.applies(Step::Target) {
            stages.push(Stage::Target);
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

    pub(super) fn ask(&self, step: Step, first: bool) -> Ask {
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
            Step::Target => (
                vec![
                    "Is there a role you are aiming for? Your result then says where it \
                     stands and what would bring it closer. Optional: pick the first line \
                     to skip."
                        .into(),
                ],
                "Aiming for",
                Keys::Search,
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
    pub(super) fn put(
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
                             Tab ticks the one under the cursor.",
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
            Step::Target => {
                let items = self.role_choices();
                let start = self.target.map_or(0, |r| r + 1);
                let Some(picked) = prompter.search(ask, &items, start)? else {
                    return Ok(None);
                };
                if picked > catalog.roles.len() {
                    return Err(out_of_range());
                }
                self.target = picked.checked_sub(1);
                Ok(Some(match self.target {
                    Some(role) => format!("Aiming for: {}", catalog.roles[role].name),
                    None => "Aiming for: no particular role".to_string(),
                }))
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
                    related: crate::reader::related_words(catalog, t),
                }
            })
            .collect()
    }

    /// Roles as list items, after a first item that skips the question:
    /// the name, its family beside it, its summary, and its skills.
    fn role_choices(&self) -> Vec<Choice> {
        let catalog = self.catalog;
        let skip = Choice {
            name: NO_TARGET.into(),
            description: "skip this question".into(),
            aliases: vec!["none".into(), "skip".into()],
            ..Choice::default()
        };
        let roles = catalog.roles.iter().map(|role| {
            let tags: Vec<&str> = role
                .tags
                .iter()
                .map(|&t| catalog.tags[t].name.as_str())
                .collect();
            let initials: String = role
                .name
                .split_whitespace()
                .filter_map(|w| w.chars().next())
                .collect();
            Choice {
                name: role.name.clone(),
                note: catalog.families[role.family].name.clone(),
                description: role.summary.clone(),
                more: format!("Skills: {}", tags.join(", ")),
                aliases: vec![role.id.clone(), initials],
                related: Vec::new(),
            }
        });
        std::iter::once(skip).chain(roles).collect()
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
