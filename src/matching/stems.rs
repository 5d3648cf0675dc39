//! Word forms: a text's words, lower-cased and in American spelling, their
//! Snowball English stems, and the keys and runs phrases are compared by.
//! The reader and the field vocabulary read words the same way through it.

use std::borrow::Cow;
use std::sync::OnceLock;

/// Words that say nothing of a skill on their own, dropped before
/// comparing word sets (`experience with Kafka` is `Kafka`).
pub(crate) const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "or",
    "of",
    "the",
    "for",
    "with",
    "in",
    "on",
    "to",
    "at",
    "by",
    "from",
    "via",
    "my",
    "our",
    "using",
    "use",
    "including",
    "etc",
    "experience",
    "experienced",
    "knowledge",
    "skill",
    "skills",
    "strong",
    "good",
    "solid",
    "proficient",
    "proficiency",
    "familiarity",
    "familiar",
    "basic",
    "basics",
    "advanced",
    "expert",
];

/// British spellings read as American ones before stemming, so
/// `modelling`, `prioritisation` and `behaviour` find their tags.
fn american(word: &str) -> Cow<'_, str> {
    const WHOLE: &[(&str, &str)] = &[
        ("behaviour", "behavior"),
        ("behaviours", "behaviors"),
        ("modelling", "modeling"),
        ("modelled", "modeled"),
        ("labelling", "labeling"),
        ("labelled", "labeled"),
        ("cancelled", "canceled"),
        ("catalogue", "catalog"),
        ("catalogues", "catalogs"),
        ("licence", "license"),
        ("licences", "licenses"),
        ("defence", "defense"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("analyse", "analyze"),
        ("analysed", "analyzed"),
        ("analysing", "analyzing"),
        ("centre", "center"),
        ("judgement", "judgment"),
        ("colour", "color"),
        ("favour", "favor"),
        ("labour", "labor"),
    ];
    if let Some((_, us)) = WHOLE.iter().find(|(uk, _)| *uk == word) {
        return Cow::Borrowed(us);
    }
    // -ise/-isation verbs of roots that only take -ize in American English.
    const ROOTS: &[&str] = &[
        "organ",
        "optim",
        "priorit",
        "standard",
        "modern",
        "rational",
        "central",
        "container",
        "virtual",
        "visual",
        "author",
        "custom",
        "normal",
        "serial",
        "synchron",
        "initial",
        "minim",
        "maxim",
        "categor",
        "util",
        "recogn",
        "summar",
        "special",
        "digital",
        "monet",
        "local",
        "final",
        "real",
        "stabil",
        "capital",
        "character",
        "emphas",
        "operational",
        "productional",
        "industrial",
        "memor",
        "tokin",
        "sanit",
    ];
    for root in ROOTS {
        if let Some(rest) = word.strip_prefix(root).and_then(|r| r.strip_prefix("is"))
            && ["e", "ed", "es", "ing", "ation", "ations", "er", "ers"].contains(&rest)
        {
            return Cow::Owned(format!("{root}iz{rest}"));
        }
    }
    Cow::Borrowed(word)
}

/// The words of a text, lower-cased: letters and digits, with `+`, `#`
/// and an inner `&` kept (`C++`, `C#`, `AT&T`); every other character
/// separates words, apostrophes join (`people's` is `peoples`).
pub(crate) fn raw_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let inner_amp = c == '&'
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_amp || ((c == '+' || c == '#') && !word.is_empty()) {
            word.extend(c.to_lowercase());
        } else if c == '\'' || c == '’' {
            continue;
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

thread_local! {
    static STEMMER: rust_stemmers::Stemmer =
        rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
}

/// A word in American spelling (`modelling` is `modeling`).
pub(crate) fn american_word(word: &str) -> String {
    american(word).into_owned()
}

/// A word's comparable form: American spelling, Snowball English stem.
pub(crate) fn stem(word: &str) -> String {
    let word = american(word);
    // A noun whose stem Snowball keeps apart from its verb's.
    if matches!(&*word, "analysis" | "analyses") {
        return "analyz".to_string();
    }
    STEMMER.with(|s| s.stem(&word).into_owned())
}

/// The stems of a text's words, in order, stop words kept (an alias is
/// matched inside a phrase as a run of these).
pub(crate) fn stems(text: &str) -> Vec<String> {
    raw_words(text).iter().map(|w| stem(w)).collect()
}

pub(crate) fn stop_stems() -> &'static [String] {
    static STOP: OnceLock<Vec<String>> = OnceLock::new();
    STOP.get_or_init(|| STOP_WORDS.iter().map(|w| stem(w)).collect())
}

/// A text's key for comparing word sets: its content stems, sorted, each
/// once. `restoring backups` and `backup and restore` share one.
pub(crate) fn set_key(stems: &[String]) -> String {
    let stop = stop_stems();
    let mut content: Vec<&str> = stems
        .iter()
        .map(String::as_str)
        .filter(|s| !stop.iter().any(|w| w == s))
        .collect();
    content.sort_unstable();
    content.dedup();
    content.join(" ")
}

/// Where `run` starts inside `stems`.
pub(crate) fn run_starts(stems: &[String], run: &[String]) -> Vec<usize> {
    (stems.windows(run.len()).enumerate())
        .filter(|(_, w)| *w == run)
        .map(|(i, _)| i)
        .collect()
}

pub(crate) fn contains_run(stems: &[String], run: &[String]) -> bool {
    run.len() < stems.len() && stems.windows(run.len()).any(|w| w == run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_and_stems() {
        assert_eq!(american("organisation"), "organization");
        assert_eq!(stem("analysis"), stem("analysing"));
        assert_eq!(stem("analyses"), stem("analyze"));
        assert_eq!(american("prioritising"), "prioritizing");
        assert_eq!(american("enterprise"), "enterprise");
        assert_eq!(stems("TCP/IP"), vec!["tcp", "ip"]);
        assert_eq!(
            raw_words("C++ and C#, AT&T"),
            vec!["c++", "and", "c#", "at&t"]
        );
    }
}
