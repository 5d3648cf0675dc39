//! "Did you mean" by spelling: the candidates closest to a miss, and the
//! wording of the suggestion.

use super::normalize::normalize;

/// Queries longer than this get no suggestion: edit distance is quadratic,
/// and nothing that long is a typo of a short name.
pub(super) const MAX_QUERY_CHARS: usize = 120;
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
    fn did_you_mean_wording() {
        assert_eq!(did_you_mean(&[]), None);
        assert_eq!(did_you_mean(&["a"]).unwrap(), "did you mean \"a\"?");
        assert_eq!(
            did_you_mean(&["a", "b"]).unwrap(),
            "did you mean one of \"a\", \"b\"?"
        );
    }
}
