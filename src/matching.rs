//! Name matching: normalisation and "did you mean" suggestions.

/// Names are compared after lower-casing, turning `-` and `_` into spaces and
/// collapsing runs of white space.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    normalize_into(name, &mut out);
    out
}

/// [`normalize`] into a buffer the caller reuses: lookups of every name of
/// every answer set then allocate nothing.
pub fn normalize_into(name: &str, out: &mut String) {
    out.clear();
    if name.is_ascii() {
        return normalize_ascii(name.as_bytes(), out);
    }
    // A separator is written only before the next word, so runs collapse
    // and the ends are trimmed in one pass.
    let mut pending_space = false;
    for c in name.chars() {
        if c.is_whitespace() || c == '-' || c == '_' {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// [`normalize_into`] for ASCII text (nearly every name), byte by byte.
fn normalize_ascii(name: &[u8], out: &mut String) {
    if is_normal_ascii(name) {
        // Catalog names and aliases are mostly written this way already.
        out.push_str(std::str::from_utf8(name).unwrap_or_default());
        return;
    }
    let mut pending_space = false;
    for &b in name {
        if b.is_ascii_whitespace() || b == b'\x0b' || b == b'-' || b == b'_' {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(char::from(b.to_ascii_lowercase()));
    }
}

/// Whether ASCII `name` is its own normal form: no capitals, `-`, `_` or
/// white space but single spaces between words.
fn is_normal_ascii(name: &[u8]) -> bool {
    let mut after_space = true;
    for &b in name {
        let space = b == b' ';
        if b.is_ascii_uppercase()
            || b == b'-'
            || b == b'_'
            || (b.is_ascii_whitespace() || b == b'\x0b') && !space
            || (space && after_space)
        {
            return false;
        }
        after_space = space;
    }
    !after_space || name.is_empty()
}

/// Looks `name` up by its normalised form without allocating: the name is
/// normalised into a buffer kept per thread.
pub fn with_normalized<R>(name: &str, look_up: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUFFER.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut buffer) => {
            normalize_into(name, &mut buffer);
            look_up(&buffer)
        }
        // Only a lookup nested in another one gets here.
        Err(_) => look_up(&normalize(name)),
    })
}

/// Queries longer than this get no suggestion: edit distance is quadratic,
/// and nothing that long is a typo of a short name.
const MAX_QUERY_CHARS: usize = 120;
/// How similar (0–1) a candidate must be to be suggested.
const MIN_SIMILARITY: f64 = 0.6;

/// The closest candidates to `query` (at most `limit`, best first, each
/// once), compared in normalised form. `candidates` yields (what is compared,
/// what is suggested) pairs, so an alias can suggest its tag.
pub fn closest<'a>(
    query: &str,
    candidates: impl IntoIterator<Item = (&'a str, &'a str)>,
    limit: usize,
) -> Vec<&'a str> {
    let query = normalize(query);
    if query.is_empty() || query.chars().count() > MAX_QUERY_CHARS {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &'a str)> = Vec::new();
    for (compared, suggested) in candidates {
        let similarity = strsim::normalized_damerau_levenshtein(&query, &normalize(compared))
            .max(prefix_similarity(&query, compared));
        if similarity < MIN_SIMILARITY {
            continue;
        }
        match scored.iter_mut().find(|(_, s)| *s == suggested) {
            Some(entry) => entry.0 = entry.0.max(similarity),
            None => scored.push((similarity, suggested)),
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(limit).map(|(_, s)| s).collect()
}

/// "hydration" should find "hydration and rendering behavior": a query that
/// is a whole-word prefix of a long name is a strong hint.
fn prefix_similarity(query: &str, candidate: &str) -> f64 {
    let candidate = normalize(candidate);
    if query.len() >= 4 && candidate.starts_with(query) {
        0.75
    } else {
        0.0
    }
}

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
    /// counts half. Candidates scoring no more than half the best are
    /// dropped (they share only the weaker words), and ties go to the
    /// candidate whose name or alias is spelled closest to the whole query.
    /// A candidate sharing no word is never suggested, however close its
    /// spelling.
    pub fn closest(&self, query: &str, limit: usize) -> Vec<usize> {
        let normalized = normalize(query);
        if normalized.is_empty() || normalized.chars().count() > MAX_QUERY_CHARS {
            return Vec::new();
        }
        let count = self.named.len();
        let mut scores = vec![0.0_f64; count];
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
            for (score, s) in scores.iter_mut().zip(&strength) {
                *score += s * weight;
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
            .filter(|(_, score)| **score * 2.0 > best)
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

/// `did you mean "a"?` or `did you mean one of "a", "b"?`, or None.
pub fn did_you_mean(suggestions: &[&str]) -> Option<String> {
    let quoted: Vec<String> = suggestions.iter().map(|s| format!("{s:?}")).collect();
    match quoted.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        many => Some(format!("did you mean one of {}?", many.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_case_separators_and_space() {
        assert_eq!(
            normalize("  Error_Budgets -and\tSLOs "),
            "error budgets and slos"
        );
        assert_eq!(normalize("blast-radius control"), "blast radius control");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("  Über_Straße -X "), "über straße x");
        // Vertical tab and form feed are white space to both paths.
        assert_eq!(normalize("a\x0b\x0cb"), normalize("a b"));
    }

    proptest::proptest! {
        /// Every fast path gives what the rule says: words split at white
        /// space, `-` and `_`, lower-cased, joined by one space.
        #[test]
        fn fast_paths_follow_the_rule(name in "[aAzZ09 _\\-\t\x0b\x0cé]{0,12}") {
            let words: Vec<String> = name
                .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            proptest::prop_assert_eq!(normalize(&name), words.join(" "));
        }
    }

    #[test]
    fn suggests_near_misses_only() {
        let names = [
            "error budgets and SLOs",
            "blast-radius control",
            "bundle-size control",
        ];
        let pairs = names.iter().map(|n| (*n, *n));
        assert_eq!(
            closest("error budget and SLO", pairs.clone(), 3),
            vec!["error budgets and SLOs"]
        );
        assert!(closest("kubernetes", pairs.clone(), 3).is_empty());
        assert!(closest(&"x".repeat(10_000), pairs, 3).is_empty());
    }

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
        // scores no more than half the best and is dropped.
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
        // A description's words count, at half weight.
        assert_eq!(
            closest_by_words("service reliability", &tags, 3),
            vec!["error budgets and SLOs"]
        );
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
        assert_eq!(
            closest_by_words("budgets", &tags, 3),
            vec!["error budgets and SLOs", "bundle-size control"]
        );
    }

    #[test]
    fn did_you_mean_wording() {
        assert_eq!(did_you_mean(&[]), None);
        assert_eq!(did_you_mean(&["a"]).unwrap(), "did you mean \"a\"?");
        assert_eq!(
            did_you_mean(&["a", "b"]).unwrap(),
            "did you mean one of \"a\", \"b\"?"
        );
    }
}
