//! Suggestions by shared words: candidates indexed by the stems of their
//! names and descriptions, ranked by how rare the words they share are.

use super::normalize::normalize;
use super::spelling::MAX_QUERY_CHARS;

/// A suggestion candidate for [`WordIndex`]: the texts that name it, and a
/// sentence that describes it.
pub struct Described<'a> {
    pub names: Vec<&'a str>,
    pub description: &'a str,
    /// Broader words that relate to it among others (a catalog's hints):
    /// they count like the description.
    pub broader: Vec<&'a str>,
}

/// Words too common to say what a skill is about.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "or", "of", "the", "to", "for", "in", "on", "with", "at", "by", "from", "as",
    "is", "are", "it", "its", "my", "our", "your", "their", "i", "we", "you", "they", "vs", "via",
    "so", "that", "this", "what", "who", "how", "when", "into", "each", "every", "all",
];

/// Words whose sense changes with the words around them: `SQL` alone is
/// not `SQL injection`, a team `budget` is not an error budget, `shell
/// scripting` is not cross-site scripting. They never carry a suggestion
/// alone: they count only beside another shared word that does.
const SENSE_CHANGING: &[&str] = &[
    "sql",
    "budget",
    "script",
    "portfolio",
    "session",
    "injection",
    "investment",
    "window",
    "contract",
    "coverage",
    "training",
];

/// A word naming more candidates than this is common: it never carries a
/// suggestion alone.
const MAX_ANCHOR_MATCHES: usize = 4;

/// A word's light stem: plurals and the endings "ing", "ed", "ion", "e"
/// come off, so "tests", "testing" and "test" compare equal, as do
/// "migrations" and "migrating". Only ASCII suffixes are removed.
fn stem(word: &str) -> String {
    let long = |s: &str| s.chars().count() >= 3;
    let mut w = word;
    if let Some(base) = w.strip_suffix("ies").filter(|b| long(b)) {
        return format!("{base}y");
    }
    // "apis" and "kpis" lose the "s"; "analysis", "status", "process" keep it.
    let keeps_s =
        |b: &str| b.ends_with('s') || b.ends_with('u') || (b.ends_with('i') && b.len() > 4);
    if let Some(base) = w.strip_suffix('s').filter(|b| long(b) && !keeps_s(b)) {
        w = base;
    }
    for suffix in ["ing", "ed"] {
        if let Some(base) = w.strip_suffix(suffix).filter(|b| long(b)) {
            // "planning" → "plan", "debugging" → "debug".
            let mut chars = base.chars().rev();
            return match (chars.next(), chars.next()) {
                (Some(a), Some(b)) if a == b && !"aeiouls".contains(a) => {
                    base[..base.len() - a.len_utf8()].to_string()
                }
                _ => base.to_string(),
            };
        }
    }
    for suffix in ["ion", "e"] {
        if let Some(base) = w.strip_suffix(suffix).filter(|b| long(b)) {
            return base.to_string();
        }
    }
    w.to_string()
}

/// The stems of a text's content words, each once.
fn content_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in normalize(text).split(|c: char| !c.is_alphanumeric()) {
        // A single letter ("a/b", "c") says nothing on its own.
        if word.chars().count() < 2 || STOP_WORDS.contains(&word) {
            continue;
        }
        let stemmed = stem(word);
        if !words.contains(&stemmed) {
            words.push(stemmed);
        }
    }
    words
}

/// Whether a query word and a candidate word are the same word: equal
/// stems; or a query word of 5+ letters that starts the candidate word
/// ("hydra" → "hydration"); or a typo: one letter off in words of 5+ letters,
/// two in words of 8+, and for shorter words only two swapped letters
/// ("dsn" → "dns"), so "sso" never matches "slo".
fn same_word(query: &str, candidate: &str) -> bool {
    if query == candidate {
        return true;
    }
    let (q, c) = (query.chars().count(), candidate.chars().count());
    if q >= 5 && candidate.starts_with(query) {
        return true;
    }
    if q.abs_diff(c) > 2 {
        return false;
    }
    let distance = strsim::damerau_levenshtein(query, candidate);
    match q.min(c) {
        0..=2 => false,
        3..=4 => {
            let sorted = |w: &str| {
                let mut letters: Vec<char> = w.chars().collect();
                letters.sort_unstable();
                letters
            };
            q == c && distance == 1 && sorted(query) == sorted(candidate)
        }
        5..=7 => distance <= 1,
        _ => distance <= 2,
    }
}

/// How much a query word's match tells, by how few candidates it matches:
/// "api" says more than "design".
fn rarity(candidates: usize, matching: usize) -> f64 {
    (1.0 + candidates as f64 / matching.max(1) as f64).ln()
}

/// Suggestion candidates broken into words once, so many misses against
/// one catalog do not each re-read every alias.
#[derive(Debug, Clone)]
pub struct WordIndex {
    /// Per candidate: the stems of its names and aliases.
    named: Vec<Vec<String>>,
    /// Per candidate: the stems of its description and broader words.
    described: Vec<Vec<String>>,
    /// Per candidate: the stems of its broader words alone.
    broader: Vec<Vec<String>>,
    /// Per candidate: its names and aliases, normalised, for spelling ties.
    spellings: Vec<Vec<String>>,
}

impl WordIndex {
    pub fn new(candidates: &[Described]) -> WordIndex {
        let words_of = |texts: &mut dyn Iterator<Item = &str>| {
            let mut words: Vec<String> = Vec::new();
            for text in texts {
                for word in content_words(text) {
                    if !words.contains(&word) {
                        words.push(word);
                    }
                }
            }
            words
        };
        WordIndex {
            named: candidates
                .iter()
                .map(|c| words_of(&mut c.names.iter().copied()))
                .collect(),
            described: candidates
                .iter()
                .map(|c| {
                    words_of(&mut std::iter::once(c.description).chain(c.broader.iter().copied()))
                })
                .collect(),
            broader: candidates
                .iter()
                .map(|c| words_of(&mut c.broader.iter().copied()))
                .collect(),
            spellings: candidates
                .iter()
                .map(|c| c.names.iter().map(|n| normalize(n)).collect())
                .collect(),
        }
    }

    /// Indices of the candidates sharing words with `query`, best first, at
    /// most `limit`.
    ///
    /// A candidate scores, for each query word it shares, the word's
    /// rarity; a word shared only with its description (or a broader word)
    /// counts half. Candidates scoring no more than two thirds of the best are
    /// dropped (they share only the weaker words), and ties go to the
    /// candidate whose name or alias is spelled closest to the whole query.
    /// A candidate sharing no word is never suggested, however close its
    /// spelling; nor one that shares only common words (named by more than
    /// [`MAX_ANCHOR_MATCHES`] candidates), description words, or words
    /// whose sense changes ([`SENSE_CHANGING`]).
    pub fn closest(&self, query: &str, limit: usize) -> Vec<usize> {
        let normalized = normalize(query);
        if normalized.is_empty() || normalized.chars().count() > MAX_QUERY_CHARS {
            return Vec::new();
        }
        let count = self.named.len();
        let mut scores = vec![0.0_f64; count];
        // Sense-changing words' points, counted only for an anchored
        // candidate: one sharing a name word that is rare and keeps its sense.
        let mut supporting = vec![0.0_f64; count];
        let mut anchored = vec![false; count];
        for word in &content_words(&normalized) {
            let shares = |words: &[String]| words.iter().any(|w| same_word(word, w));
            // 1 for a name or alias, ½ for the description only, 0 for neither.
            let strength: Vec<f64> = self
                .named
                .iter()
                .zip(&self.described)
                .map(|(named, described)| {
                    if shares(named) {
                        1.0
                    } else if shares(described) {
                        0.5
                    } else {
                        0.0
                    }
                })
                .collect();
            let matching = strength.iter().filter(|s| **s > 0.0).count();
            let weight = rarity(count, matching);
            let changes_sense = SENSE_CHANGING.iter().any(|w| stem(w) == *word);
            let anchors = !changes_sense && matching <= MAX_ANCHOR_MATCHES;
            for (index, s) in strength.iter().enumerate() {
                if changes_sense {
                    supporting[index] += s * weight;
                } else {
                    scores[index] += s * weight;
                }
                // A name's word or a broader word (a hint's) anchors; a
                // description's alone does not.
                anchored[index] |=
                    anchors && (*s == 1.0 || (*s > 0.0 && shares(&self.broader[index])));
            }
        }
        for index in 0..count {
            if anchored[index] {
                scores[index] += supporting[index];
            } else {
                scores[index] = 0.0;
            }
        }
        let best = scores.iter().copied().fold(0.0, f64::max);
        if best <= 0.0 {
            return Vec::new();
        }
        let spelling = |index: usize| {
            self.spellings[index]
                .iter()
                .map(|n| strsim::normalized_damerau_levenshtein(&normalized, n))
                .fold(0.0, f64::max)
        };
        let mut ranked: Vec<(f64, f64, usize)> = scores
            .iter()
            .enumerate()
            .filter(|(_, score)| **score * 3.0 > best * 2.0)
            .map(|(index, score)| (*score, spelling(index), index))
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.total_cmp(&a.1)));
        ranked
            .into_iter()
            .take(limit)
            .map(|(_, _, index)| index)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_fold_plurals_and_common_endings() {
        for (a, b) in [
            ("tests", "testing"),
            ("test", "tested"),
            ("migrations", "migrating"),
            ("planning", "plans"),
            ("debugging", "debug"),
            ("apis", "api"),
            ("modeling", "model"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_eq!(stem("analysis"), "analysis");
        assert_eq!(stem("dns"), "dns");
        assert_ne!(stem("sso"), stem("slo"));
    }

    #[test]
    fn short_words_match_exactly_or_by_a_swap_only() {
        assert!(same_word("dsn", "dns"));
        assert!(!same_word("sso", "slo"));
        assert!(!same_word("iam", "iac"));
        assert!(same_word("budgt", "budget"));
        assert!(same_word("hydra", "hydration"));
        assert!(!same_word("dat", "data"));
        assert!(same_word("orchestraton", "orchestrat"));
    }

    fn tag<'a>(name: &'a str, aliases: &[&'a str], description: &'a str) -> Described<'a> {
        Described {
            names: std::iter::once(name)
                .chain(aliases.iter().copied())
                .collect(),
            description,
            broader: Vec::new(),
        }
    }

    /// The names of the closest candidates.
    fn closest_by_words<'a>(query: &str, tags: &[Described<'a>], limit: usize) -> Vec<&'a str> {
        let index = WordIndex::new(tags);
        index
            .closest(query, limit)
            .into_iter()
            .map(|i| tags[i].names[0])
            .collect()
    }

    #[test]
    fn shared_words_rank_first_and_nothing_shared_is_never_suggested() {
        let tags = [
            tag(
                "organizational design decisions",
                &["org design"],
                "How teams are shaped.",
            ),
            tag(
                "API contract design",
                &["OpenAPI"],
                "What an interface accepts.",
            ),
            tag(
                "integration and API design",
                &[],
                "How systems exchange data.",
            ),
            tag(
                "DNS and network troubleshooting",
                &["DNS"],
                "Why computers cannot connect.",
            ),
            tag(
                "error budgets and SLOs",
                &["SLO"],
                "How reliable a service must be.",
            ),
        ];
        // "api" is rarer than "design", so a tag sharing only "design"
        // scores no more than two thirds of the best and is dropped.
        assert_eq!(
            closest_by_words("API design", &tags, 3),
            vec!["API contract design", "integration and API design"]
        );
        // Shares nothing, however close the spelling.
        assert!(closest_by_words("mentoring", &tags, 3).is_empty());
        assert!(closest_by_words("SSO", &tags, 3).is_empty());
        assert!(closest_by_words("MLOps", &tags, 3).is_empty());
        assert!(closest_by_words("the and of", &tags, 3).is_empty());
        assert!(closest_by_words(&"x".repeat(10_000), &tags, 3).is_empty());
        // A description's words alone carry nothing.
        assert!(closest_by_words("service reliability", &tags, 3).is_empty());
        // A typo in a long word still shares it.
        assert_eq!(
            closest_by_words("network troubleshootng", &tags, 3),
            vec!["DNS and network troubleshooting"]
        );
    }

    #[test]
    fn ties_go_to_the_closest_spelling() {
        let tags = [
            tag("bundle-size control", &["bundle budget"], ""),
            tag("error budgets and SLOs", &["error budget"], ""),
        ];
        assert_eq!(
            closest_by_words("error budgt", &tags, 1),
            vec!["error budgets and SLOs"]
        );
        // A sense-changing word alone is no reason: a team budget is not
        // an error budget.
        assert!(closest_by_words("budgets", &tags, 3).is_empty());
        assert!(closest_by_words("team budget", &tags, 3).is_empty());
    }
}
