//! Reading a survey header by its words when it names no kind exactly: a
//! form's own question titles ("What are your strongest skills?").
//!
//! Only the skill questions are read this way, and only where the words
//! leave one reading: a header that speaks of skills but could be either
//! (or a second one for the same kind) is a skill column that cannot be
//! placed, and the survey stops before anything is scored.

/// What a header's words say it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Meaning {
    /// "What are your strongest skills?"
    Strengths,
    /// "Which skills would you like to grow?"
    Goals,
    /// A grid's question that asks how well (`QUESTION [TAG]`): levels.
    Levels,
    /// Speaks of skills, but not in a way that says which kind.
    Skills,
    /// Nothing about skills.
    Other,
}

/// Words that make a header about skills someone has.
const SKILL_WORDS: [&str; 14] = [
    "skill",
    "skills",
    "skillset",
    "strength",
    "strengths",
    "strongest",
    "expertise",
    "competency",
    "competencies",
    "proficiency",
    "proficiencies",
    "abilities",
    "capabilities",
    "specialties",
];

/// Words that make a header about growing.
const GROWTH_WORDS: [&str; 12] = [
    "grow",
    "growing",
    "growth",
    "learn",
    "learning",
    "develop",
    "developing",
    "development",
    "improve",
    "improving",
    "goal",
    "goals",
];

/// Words that alone make a header about growing skills.
const GOAL_WORDS: [&str; 6] = ["goal", "goals", "learn", "learning", "grow", "growth"];

/// Phrases of a grid question asking for a level.
const LEVEL_PHRASES: [&str; 10] = [
    "how well",
    "how good",
    "how strong",
    "how experienced",
    "how confident",
    "how familiar",
    "level",
    "rate",
    "rating",
    "proficiency",
];

fn words(key: &str) -> Vec<&str> {
    key.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// What a header (compared form) holds by its words.
pub(super) fn meaning(key: &str) -> Meaning {
    let words = words(key);
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let skills = has(&SKILL_WORDS) || key.contains("good at") || key.contains("best at");
    let growth = has(&GROWTH_WORDS);
    match (skills, growth) {
        (true, false) => Meaning::Strengths,
        (_, true) if skills || has(&GOAL_WORDS) => Meaning::Goals,
        _ => Meaning::Other,
    }
}

/// What a grid's question (`QUESTION [ROW]`) holds, when its rows name
/// skills: their levels if it asks how well, else a skill column that
/// cannot be placed (a checkbox grid, a growth grid).
pub(super) fn grid_meaning(question_key: &str) -> Meaning {
    let words = words(question_key).join(" ");
    let padded = format!(" {words} ");
    let asks_level = LEVEL_PHRASES
        .iter()
        .any(|phrase| padded.contains(&format!(" {phrase} ")));
    match meaning(question_key) {
        Meaning::Goals => Meaning::Skills,
        _ if asks_level => Meaning::Levels,
        _ => Meaning::Skills,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_titles_read_by_their_words() {
        let read = |h: &str| meaning(&crate::survey::header::header_key(h));
        assert_eq!(read("What are your strongest skills?"), Meaning::Strengths);
        assert_eq!(read("Skills you already use"), Meaning::Strengths);
        assert_eq!(read("What are you good at?"), Meaning::Strengths);
        assert_eq!(read("Which skills would you like to grow?"), Meaning::Goals);
        assert_eq!(read("Skills you want to grow into"), Meaning::Goals);
        assert_eq!(read("What are your learning goals?"), Meaning::Goals);
        assert_eq!(read("What would you like to learn next?"), Meaning::Goals);
        // Growth without skills or goals says nothing of which.
        assert_eq!(read("How can we improve this survey?"), Meaning::Other);
        assert_eq!(read("Which office are you in?"), Meaning::Other);
        assert_eq!(read("Timestamp"), Meaning::Other);
    }

    #[test]
    fn grids_of_skills_are_levels_only_when_they_ask_how_well() {
        assert_eq!(
            grid_meaning("how well do you know each of these?"),
            Meaning::Levels
        );
        assert_eq!(grid_meaning("rate your skills"), Meaning::Levels);
        assert_eq!(
            grid_meaning("which of these do you already do well? (select all that apply)"),
            Meaning::Skills
        );
        assert_eq!(
            grid_meaning("which skills do you want to grow?"),
            Meaning::Skills
        );
        // "rate" is a word, not a part of "accurate".
        assert_eq!(grid_meaning("accurate"), Meaning::Skills);
    }
}
