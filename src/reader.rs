//! The reader: turns what a person wrote (a strength, a goal, a survey
//! cell, a filter typed in the interview) into catalog tags, and says how.
//!
//! A word is read by the first layer that applies, strongest first:
//!
//! 1. `exact`: a tag's name or alias, compared as names are (the catalog's
//!    lookup; the fast path, no lock, nothing allocated).
//! 2. `near`: the same words in another form. Punctuation and separators
//!    (`TCP/IP`, `network troubleshooting (CCNA)`), inflection (Snowball
//!    English stems), word order, British/American spelling; or a phrase
//!    that contains the distinctive name or alias of exactly one tag
//!    (`Commvault backups`).
//! 3. `related`: a broad word of the catalog's `hints` (Kubernetes, SQL),
//!    or a phrase containing exactly one, is partial evidence for the
//!    hint's tags, credited at [`RELATED_DISCOUNT`].
//! 4. `field`: a tool name of the field vocabulary (O*NET's Technology
//!    Skills, see [`crate::field`]), or a phrase around one, is partial
//!    evidence for its commodity's tags, credited like `related`.
//! 5. `similar`: meaning-level similarity, see [`similar`] (the hook where
//!    the embedding layer plugs in).
//!
//! A phrase joining parts (`Terraform and Ansible`, `DNS, DHCP`) that the
//! whole does not read is read part by part. Every reading of a distinct
//! word is cached per catalog, so a batch pays for a word once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::FxHashMap;

use crate::catalog::Catalog;
use crate::matching::normalize;
use crate::matching::stems::{
    STOP_WORDS, american_word, contains_run, raw_words, run_starts, set_key, stem, stems,
    stop_stems,
};

/// What a related word (a hint) earns for each of its tags, as a share of
/// what claiming the tag directly earns at the same level.
pub const RELATED_DISCOUNT: f64 = 0.5;

/// A hint relating to more tags than this is too broad to credit any of
/// them: it still names them when a word is not understood.
pub const MAX_RELATED_TAGS: usize = 4;

/// A hint's word beside other words that share no word with any of its
/// tags credits the tag the phrase is closest to in meaning only when the
/// embedding model is this sure (cosine similarity) and leads the hint's
/// next tag by [`HINT_CHOICE_MARGIN`]; otherwise its first tag. Lower
/// similarities are the model guessing at a product name
/// (`Oracle RMAN`: 0.33).
const HINT_CHOICE_SIMILARITY: f32 = 0.4;
const HINT_CHOICE_MARGIN: f32 = 0.05;

/// The version of the scoring rule, in the JSON output (`rule`): 2 added
/// related credit (words read by `related` or `similar`) to the rule of
/// version 1; 3 credits a broad word only to the tag its phrase singles
/// out, and tool names read by `field` like related words, so the same
/// answers can score differently than under 2.
pub const RULE_VERSION: u32 = 3;

/// Longer words are not read: no skill is named in so many letters.
const MAX_WORD_CHARS: usize = 200;

/// How a word was read, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum How {
    Exact,
    Near,
    Related,
    Field,
    Similar,
}

impl How {
    pub fn as_str(self) -> &'static str {
        match self {
            How::Exact => "exact",
            How::Near => "near",
            How::Related => "related",
            How::Field => "field",
            How::Similar => "similar",
        }
    }

    /// The share of a direct claim that a word read this way earns.
    pub fn weight(self) -> f64 {
        match self {
            How::Exact | How::Near => 1.0,
            How::Related | How::Field | How::Similar => RELATED_DISCOUNT,
        }
    }

    /// Whether the reading is a claim of the tags themselves (full credit)
    /// rather than partial evidence for them.
    pub fn is_direct(self) -> bool {
        matches!(self, How::Exact | How::Near)
    }
}

/// What one word was read as: its tags (catalog indices, each once) and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub tags: Vec<usize>,
    pub how: How,
}

/// Reads one word against the catalog, or `None` when no layer reads it.
pub fn read(catalog: &Catalog, said: &str) -> Option<Reading> {
    if let Some(tag) = catalog.tag_index(said) {
        return Some(Reading {
            tags: vec![tag],
            how: How::Exact,
        });
    }
    // Nothing that long is one skill; also bounds the work.
    if said.chars().count() > MAX_WORD_CHARS {
        return None;
    }
    let index = index_of(catalog);
    let key = normalize(said);
    if let Some(cached) = index.cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return cached;
    }
    // General strengths are left to the work-style questions on purpose.
    let reading = if soft_skill(said) {
        None
    } else {
        index
            .read_whole(catalog, said)
            .or_else(|| {
                let parts = split_parts(said);
                (parts.len() > 1).then(|| index.read_parts(catalog, &parts))?
            })
            .or_else(|| field(catalog, said))
            .or_else(|| {
                // Two tags' names, one the other's setting, are not one
                // tag in meaning either.
                (!index.names_a_setting(said)).then(|| similar(catalog, said))?
            })
    };
    if let Ok(mut cache) = index.cache.lock() {
        // A long run of distinct misses must not grow without bound.
        if cache.len() > 100_000 {
            cache.clear();
        }
        cache.insert(key, reading.clone());
    }
    reading
}

/// Layer 4, `field`: a tool of the field vocabulary ([`crate::field`]),
/// read after `exact`, `near` and `related` have failed, credited at
/// [`How::weight`] of `Field`.
pub fn field(catalog: &Catalog, said: &str) -> Option<Reading> {
    Some(reading(crate::field::tags(catalog, said)?, How::Field))
}

/// Layer 5, `similar`: meaning-level similarity to a tag's name,
/// description and aliases from the embedding model that ships with the
/// program, used only above its calibrated threshold and margin.
///
/// Layer 5: [`read`] calls this after `exact`, `near`, `related` and
/// `field` have all failed (for the whole word, and for its parts). The embedded model
/// ([`crate::similar`]) reads a word only above its calibrated threshold and
/// margin over the next tag. Cached with the other readings and credited
/// at [`How::weight`] of `Similar`.
pub fn similar(catalog: &Catalog, said: &str) -> Option<Reading> {
    let hit = crate::similar::index_for(catalog).best(said)?;
    // A word of another tag's name (`investment prioritisation`) says
    // the phrase is about that tag, whatever the model finds closest.
    if index_of(catalog).names_another_tag(said, hit.tag) {
        return None;
    }
    Some(Reading {
        tags: vec![hit.tag],
        how: How::Similar,
    })
}

/// General strengths no tag fits: the work-style questions ask about them.
const SOFT_SKILLS: &[&str] = &[
    "positive attitude",
    "punctuality",
    "punctual",
    "dependable",
    "hard working",
    "hardworking",
    "work ethic",
    "team player",
    "teamwork",
    "collaboration",
    "collaborative",
    "interpersonal",
    "people skills",
    "attention to detail",
    "detail oriented",
    "time management",
    "organized",
    "organised",
    "adaptability",
    "adaptable",
    "flexibility",
    "flexible",
    "multitasking",
    "creativity",
    "creative",
    "critical thinking",
    "self motivated",
    "motivated",
    "fast learner",
    "quick learner",
    "curiosity",
    "curious",
    "empathy",
    "patience",
    "patient",
    "friendly",
    "honesty",
    "integrity",
    "enthusiasm",
    "resilience",
    "initiative",
    "proactive",
    "listening",
    "active listening",
];

/// Whether a word is a general strength no tag fits (a positive attitude,
/// punctuality): its message says the work-style questions cover it.
pub fn soft_skill(said: &str) -> bool {
    let said = stems(said);
    if said.is_empty() {
        return false;
    }
    let key = set_key(&said);
    // Each skill's stems and key, made once.
    static SKILLS: OnceLock<Vec<(Vec<String>, String)>> = OnceLock::new();
    let skills = SKILLS.get_or_init(|| {
        (SOFT_SKILLS.iter())
            .map(|skill| {
                let skill = stems(skill);
                let key = set_key(&skill);
                (skill, key)
            })
            .collect()
    });
    skills.iter().any(|(skill, skill_key)| {
        *skill_key == key || (skill.len() > 1 && contains_run(&said, skill))
    })
}

/// The message and hint for a word no layer reads: a general strength is
/// left to the work-style questions; anything else gets the catalog's
/// related tags or "did you mean".
pub fn not_understood(catalog: &Catalog, said: &str) -> (String, String) {
    if soft_skill(said) {
        return (
            format!("{said:?} is a general strength"),
            "no tag fits; the work-style questions cover this".to_string(),
        );
    }
    catalog.unknown_tag(said)
}

/// A list item as the interview's lists search it: its names (a tag's name
/// and aliases), its related words (the hints that name it, the names and
/// initials of its roles, their families) and its other text (a note, the
/// description).
pub struct ListItem<'a> {
    pub names: Vec<&'a str>,
    pub related: &'a [String],
    pub text: Vec<&'a str>,
}

/// The items a filter typed in a list finds, best first (ties in list
/// order). An item is found when every word typed occurs in its texts
/// (also as the start of a longer word, as typing goes); it ranks by where:
/// the whole filter as a name (100), as a related word (90: `sre`,
/// `kubernetes`, `customer support`), a name starting with it (80), a
/// related word starting with it (75), inside a name (70), a name with the
/// same words in another form (60), the words among its related words (40),
/// anywhere else (20).
pub fn rank_items(filter: &str, items: &[ListItem<'_>]) -> Vec<usize> {
    let query = normalize(filter);
    if query.is_empty() {
        return (0..items.len()).collect();
    }
    let words: Vec<&str> = query.split(' ').collect();
    let query_key = set_key(&stems(&query));
    let score = |item: &ListItem<'_>| -> Option<u8> {
        let texts = || {
            (item.names.iter().copied())
                .chain(item.related.iter().map(String::as_str))
                .chain(item.text.iter().copied())
        };
        let haystack: String = texts().map(|t| normalize(t) + " ").collect();
        if !words.iter().all(|w| haystack.contains(w)) {
            return None;
        }
        let names: Vec<String> = item.names.iter().map(|n| normalize(n)).collect();
        let related: Vec<String> = item.related.iter().map(|n| normalize(n)).collect();
        let same_words = |n: &String| set_key(&stems(n)) == query_key;
        let tiers = [
            (100, names.contains(&query)),
            (90, related.iter().any(|n| *n == query || same_words(n))),
            (80, names.iter().any(|n| n.starts_with(&query))),
            (75, related.iter().any(|n| n.starts_with(&query))),
            (70, names.iter().any(|n| n.contains(&query))),
            (60, names.iter().any(same_words)),
            (
                40,
                words.iter().all(|w| related.iter().any(|n| n.contains(w))),
            ),
        ];
        Some(
            tiers
                .iter()
                .find(|(_, hit)| *hit)
                .map_or(20, |(tier, _)| *tier),
        )
    };
    let mut found: Vec<(u8, usize)> = (items.iter().enumerate())
        .filter_map(|(i, item)| Some((score(item)?, i)))
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    found.into_iter().map(|(_, i)| i).collect()
}

/// The related words of a tag for list search: the hints that name it
/// (terms and aliases), the tool names the field vocabulary reads as it,
/// its roles' names and initials (`SRE`, `DBA`,
/// `SOC`), and their families' names.
pub fn related_words(catalog: &Catalog, tag: usize) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for hint in catalog.hints.iter().filter(|h| h.tags.contains(&tag)) {
        words.push(hint.term.clone());
        words.extend(hint.aliases.iter().cloned());
    }
    words.extend(crate::field::names_for(catalog, tag).map(String::from));
    for &role in &catalog.tags[tag].roles {
        let role = &catalog.roles[role];
        words.push(role.name.clone());
        let initials = |skip: &[&str]| -> String {
            (role.name.split_whitespace())
                .filter(|w| !skip.contains(&w.to_lowercase().as_str()))
                .filter_map(|w| w.chars().next())
                .collect()
        };
        // "Site Reliability Engineer" is SRE; "Database Administrator" DBA.
        words.push(initials(&["of", "and", "the"]));
        let without_last = role.name.rsplit_once(' ').map(|(head, _)| head);
        if let Some(head) = without_last.filter(|h| h.contains(' ')) {
            let short: String = head
                .split_whitespace()
                .filter_map(|w| w.chars().next())
                .collect();
            words.push(short);
        }
        words.push(catalog.families[role.family].name.clone());
    }
    words.sort();
    words.dedup();
    words
}

/// A level written as the tool shows it: `4`, `4 - advanced`, `expert`
/// (the names of [`crate::catalog::LEVELS`]), any case.
pub fn level_word(text: &str) -> Option<u8> {
    let text = text.trim().trim_matches('"').trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, rest) = text.split_at(digits);
    let rest = rest.trim_start_matches([' ', '-', '–', ':', '(', ')', '.']);
    let name = normalize(if number.is_empty() { text } else { rest });
    let by_name = (crate::catalog::LEVELS.iter())
        .position(|(level, _)| *level == name)
        .and_then(|i| u8::try_from(i + 1).ok());
    match number.parse::<u8>() {
        // `4 - advanced`: the number and the name, which must agree.
        Ok(n) if name.is_empty() || by_name == Some(n) => Some(n),
        Ok(_) => None,
        Err(_) => by_name,
    }
    .filter(|level| (1..=crate::catalog::MAX_LEVEL).contains(level))
}

/// Words that are never distinctive alone: common work words, and words
/// whose sense changes with the words around them (`SQL` alone is not
/// `SQL injection`, a team `budget` is not an error budget).
const GENERIC_WORDS: &[&str] = &[
    "budget",
    "budgets",
    "session",
    "sessions",
    "portfolio",
    "scripting",
    "script",
    "scripts",
    "injection",
    "testing",
    "test",
    "tests",
    "design",
    "planning",
    "plan",
    "management",
    "managing",
    "support",
    "data",
    "security",
    "cloud",
    "network",
    "networking",
    "performance",
    "strategy",
    "architecture",
    "development",
    "engineering",
    "operations",
    "analysis",
    "reporting",
    "reports",
    "leadership",
    "team",
    "teams",
    "people",
    "customer",
    "customers",
    "service",
    "services",
    "system",
    "systems",
    "code",
    "coding",
    "writing",
    "work",
    "process",
    "processes",
    "quality",
    "control",
    "review",
    "reviews",
    "delivery",
    "release",
    "releases",
    "model",
    "models",
    "modeling",
    "modelling",
    "pipeline",
    "pipelines",
    "integration",
    "standards",
    "governance",
    "tuning",
    "triage",
    "recovery",
    "access",
    "identity",
    "user",
    "users",
    "app",
    "apps",
    "application",
    "applications",
    "web",
    "mobile",
    "server",
    "servers",
    "database",
    "databases",
    "tickets",
    "ticket",
    "alerts",
    "incident",
    "incidents",
    "infrastructure",
    "platform",
    "product",
    "project",
    "projects",
    "business",
    "technical",
    "technology",
    "software",
    "tools",
    "tool",
    "communication",
    "problem",
    "problems",
    "solving",
    "thinking",
    "critical",
    "attention",
    "time",
    "detail",
    "details",
    "positive",
    "attitude",
];

/// The stems of [`GENERIC_WORDS`].
fn generic_stems() -> &'static [String] {
    static GENERIC: OnceLock<Vec<String>> = OnceLock::new();
    GENERIC.get_or_init(|| GENERIC_WORDS.iter().map(|w| stem(w)).collect())
}

/// The parts of a phrase that joins several: split at `,`, `;`, ` and `,
/// `&` and ` + `. One part means the phrase joins nothing.
fn split_parts(said: &str) -> Vec<String> {
    let mut text = format!(" {said} ");
    for joiner in [" and ", " & ", " + ", ";", ","] {
        text = text.replace(joiner, "\u{1}");
    }
    text.split('\u{1}')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// What a name of the catalog names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Tag(usize),
    Hint(usize),
}

/// A catalog name as a run of stems to find inside a phrase.
struct Run {
    stems: Vec<String>,
    /// The name's words as written (lower-cased, American spelling).
    words: Vec<String>,
    target: Target,
    /// A hint's single word that a tag's name or alias also uses (`SIEM`,
    /// `migration`): looked for only when no distinctive name is found.
    shared: bool,
}

/// A catalog's names made ready for reading, built at the first word the
/// exact lookup misses.
struct Index {
    /// Word-set key → what it names; a key two targets share names none.
    by_key: FxHashMap<String, Option<Target>>,
    /// Distinctive names and aliases, to find inside longer phrases.
    runs: Vec<Run>,
    /// Each hint's content stems (term and aliases).
    hint_stems: Vec<Vec<String>>,
    /// Each tag's content stems (name and aliases).
    tag_stems: Vec<Vec<String>>,
    /// Each tag's name's content stems.
    name_stems: Vec<Vec<String>>,
    /// Every stem the catalog uses: names, aliases, descriptions, hints.
    known: Vec<String>,
    /// Each tag's names (name and aliases), each as its content stems.
    tag_names: Vec<Vec<Vec<String>>>,
    /// Normalised word → its reading (or none): each distinct word once.
    cache: Mutex<FxHashMap<String, Option<Reading>>>,
}

/// The names found inside a phrase.
struct Found {
    tags: Vec<usize>,
    hints: Vec<usize>,
    /// Which tag's name covers each word.
    covered: Vec<Option<usize>>,
    /// Whether two tags' names share a word.
    overlap: bool,
}

impl Found {
    /// Two to [`MAX_RELATED_TAGS`] tags' names that share no word.
    fn side_by_side(&self) -> bool {
        !self.overlap && self.tags.len() <= MAX_RELATED_TAGS
    }

    /// Whether the first tag's name and the next are joined by a word
    /// that makes one the other's setting (`in`, `for`, `of`, `on`).
    fn setting(&self, written: &[String]) -> bool {
        let covered = &self.covered;
        let Some(start) = covered.iter().position(Option::is_some) else {
            return false;
        };
        let Some(end) = (start..covered.len()).find(|&i| covered[i] != covered[start]) else {
            return false;
        };
        let next = (end..covered.len())
            .find(|&i| covered[i].is_some())
            .unwrap_or(covered.len());
        written[end..next]
            .iter()
            .any(|w| SETTING_WORDS.contains(&w.as_str()))
    }
}

/// Words that make one name the setting of another.
const SETTING_WORDS: &[&str] = &["in", "for", "of", "on", "within", "inside"];

/// Every catalog's index, by [`Catalog::serial`]: a process loads one or
/// two catalogs.
fn index_of(catalog: &Catalog) -> Arc<Index> {
    static INDEXES: OnceLock<Mutex<HashMap<u64, Arc<Index>>>> = OnceLock::new();
    let indexes = INDEXES.get_or_init(Default::default);
    let mut indexes = match indexes.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    };
    indexes
        .entry(catalog.serial())
        .or_insert_with(|| Arc::new(Index::new(catalog)))
        .clone()
}

impl Index {
    fn new(catalog: &Catalog) -> Index {
        let mut named: Vec<(&str, Target)> = Vec::new();
        for (t, tag) in catalog.tags.iter().enumerate() {
            named.push((&tag.name, Target::Tag(t)));
            named.extend(tag.aliases.iter().map(|a| (a.as_str(), Target::Tag(t))));
        }
        for (h, hint) in catalog.hints.iter().enumerate() {
            named.push((&hint.term, Target::Hint(h)));
            named.extend(hint.aliases.iter().map(|a| (a.as_str(), Target::Hint(h))));
        }
        let common = common_stems(catalog);
        // A hint's word may be shared with tags' names (its tags are then
        // told apart by the phrase's other words), never with a tag's
        // description or the generic words.
        let mut shared_ok: Vec<String> = (generic_stems().iter().chain(stop_stems()))
            .cloned()
            .chain(catalog.tags.iter().flat_map(|t| stems(&t.description)))
            .collect();
        shared_ok.sort_unstable();
        shared_ok.dedup();
        let mut by_key: FxHashMap<String, Option<Target>> = FxHashMap::default();
        let mut runs = Vec::new();
        for (name, target) in named {
            let stems = stems(name);
            let key = set_key(&stems);
            if key.is_empty() {
                continue;
            }
            by_key
                .entry(key)
                .and_modify(|seen| {
                    if *seen != Some(target) {
                        *seen = None;
                    }
                })
                .or_insert(Some(target));
            let words = spelled(name);
            if distinctive(&stems, &common) {
                runs.push(Run {
                    stems,
                    words,
                    target,
                    shared: false,
                });
            } else if matches!(target, Target::Hint(_)) && distinctive(&stems, &shared_ok) {
                runs.push(Run {
                    stems,
                    words,
                    target,
                    shared: true,
                });
            }
        }
        let content = |texts: &mut dyn Iterator<Item = &String>| -> Vec<String> {
            let stop = stop_stems();
            let mut all: Vec<String> = texts
                .flat_map(|t| stems(t))
                .filter(|s| !stop.contains(s))
                .collect();
            all.sort_unstable();
            all.dedup();
            all
        };
        let hint_stems = (catalog.hints.iter())
            .map(|h| content(&mut std::iter::once(&h.term).chain(&h.aliases)))
            .collect();
        let tag_stems = (catalog.tags.iter())
            .map(|t| content(&mut std::iter::once(&t.name).chain(&t.aliases)))
            .collect();
        let tag_names = (catalog.tags.iter())
            .map(|t| {
                (std::iter::once(&t.name).chain(&t.aliases))
                    .map(|n| content(&mut std::iter::once(n)))
                    .collect()
            })
            .collect();
        let name_stems = (catalog.tags.iter())
            .map(|t| content(&mut std::iter::once(&t.name)))
            .collect();
        let mut known: Vec<String> = (catalog.tags.iter())
            .flat_map(|t| {
                std::iter::once(&t.name)
                    .chain(&t.aliases)
                    .chain(std::iter::once(&t.description))
            })
            .chain(
                catalog
                    .hints
                    .iter()
                    .flat_map(|h| std::iter::once(&h.term).chain(&h.aliases)),
            )
            .flat_map(|t| stems(t))
            .collect();
        known.sort_unstable();
        known.dedup();
        Index {
            by_key,
            runs,
            hint_stems,
            tag_stems,
            name_stems,
            known,
            tag_names,
            cache: Mutex::new(FxHashMap::default()),
        }
    }

    /// Whether a word of the phrase (not a generic one) belongs to the
    /// names of a tag other than `tag` and not to `tag`'s own.
    fn names_another_tag(&self, said: &str, tag: usize) -> bool {
        let generic = generic_stems();
        let stop = stop_stems();
        stems(said).iter().any(|s| {
            !stop.contains(s)
                && !generic.contains(s)
                && !self.tag_stems[tag].contains(s)
                && self.name_stems.iter().any(|own| own.contains(s))
        })
    }

    /// The whole phrase, its text outside parentheses, or inside them.
    fn read_whole(&self, catalog: &Catalog, said: &str) -> Option<Reading> {
        let (outside, inside) = parenthesised(said);
        let mut forms = vec![said.to_string()];
        if !inside.is_empty() {
            forms.push(outside);
            forms.extend(inside);
        }
        forms.iter().find_map(|form| self.read_form(catalog, form))
    }

    fn read_form(&self, catalog: &Catalog, form: &str) -> Option<Reading> {
        if let Some(tag) = catalog.tag_index(form) {
            return Some(reading(vec![tag], How::Near));
        }
        // A hint's own term or alias, as written: its word order decides
        // between names whose words are the same.
        if let Some(hint) = catalog.hint(form) {
            let index = catalog.hints.iter().position(|h| std::ptr::eq(h, hint))?;
            return self.hint_reading(catalog, &[index], form, &[]);
        }
        let stems = stems(form);
        let written = spelled(form);
        match self.by_key.get(&set_key(&stems)) {
            Some(Some(Target::Tag(t))) => return Some(reading(vec![*t], How::Near)),
            Some(Some(Target::Hint(h))) => return self.hint_reading(catalog, &[*h], form, &[]),
            _ => {}
        }
        // Names found inside the phrase: one tag's is a near reading; else
        // one hint's is a related one.
        let found = self.found(&stems, &written);
        match (found.tags.as_slice(), found.hints.as_slice()) {
            ([tag], _) => Some(reading(vec![*tag], How::Near)),
            // Two tags' names side by side (`escalating to engineering
            // with clear repro steps`): a claim of each, as `and` joins;
            // not when one is the other's setting (`security groups in
            // Active Directory`).
            ([_, _, ..], _) if found.side_by_side() && !found.setting(&written) => {
                Some(reading(found.tags.clone(), How::Near))
            }
            ([], [_, ..]) => self.hint_reading(catalog, &found.hints, form, &stems),
            ([], []) => self.shared_words_reading(&stems, form),
            _ => None,
        }
    }

    /// The distinctive names of tags and hints inside a phrase (its stems,
    /// and its words as written); shared hint words only when no other
    /// name is found.
    fn found(&self, stems: &[String], written: &[String]) -> Found {
        let mut found = Found {
            tags: Vec::new(),
            hints: Vec::new(),
            covered: vec![None; stems.len()],
            overlap: false,
        };
        for shared in [false, true] {
            for run in self.runs.iter().filter(|r| r.shared == shared) {
                if !contains_run(stems, &run.stems) || !same_sense(run, stems, written) {
                    continue;
                }
                match run.target {
                    Target::Tag(t) => {
                        for start in run_starts(stems, &run.stems) {
                            for slot in &mut found.covered[start..start + run.stems.len()] {
                                found.overlap |= slot.is_some_and(|other| other != t);
                                *slot = Some(t);
                            }
                        }
                        if !found.tags.contains(&t) {
                            found.tags.push(t);
                        }
                    }
                    Target::Hint(h) if !found.hints.contains(&h) => found.hints.push(h),
                    _ => {}
                }
            }
            if !found.tags.is_empty() || !found.hints.is_empty() {
                break;
            }
        }
        found
    }

    /// Whether a phrase names two tags, one the other's setting: the
    /// `similar` layer does not read it either.
    fn names_a_setting(&self, said: &str) -> bool {
        let written = spelled(said);
        let found = self.found(&stems(said), &written);
        found.tags.len() > 1 && found.side_by_side() && found.setting(&written)
    }

    /// Each part alone; the phrase reads as the parts that read, at the
    /// weakest of their ways.
    fn read_parts(&self, catalog: &Catalog, parts: &[String]) -> Option<Reading> {
        let mut tags: Vec<usize> = Vec::new();
        let mut how = How::Exact;
        for part in parts {
            let found = catalog
                .tag_index(part)
                .map(|t| reading(vec![t], How::Exact))
                .or_else(|| self.read_whole(catalog, part));
            if let Some(found) = found {
                how = how.max(found.how);
                for t in found.tags {
                    if !tags.contains(&t) {
                        tags.push(t);
                    }
                }
            }
        }
        (!tags.is_empty()).then(|| reading(tags, how.max(How::Near)))
    }

    /// A phrase that names no tag or hint but shares words with one tag's
    /// names and aliases (`prioritization across teams`, `validating user
    /// input`): related, when it shares at least two words with that tag,
    /// at least half of its words, more than with any other tag, and one
    /// of them is not a generic word. Not when the phrase's other words
    /// point elsewhere: a name (a capitalised word) that is another tag's
    /// (`Microsoft Authenticator setup`) or one the catalog does not know
    /// (a product: `Microsoft Defender for Endpoint`), or a compound whose
    /// parts the tag has only in different names (`cross-validation`).
    fn shared_words_reading(&self, stems: &[String], form: &str) -> Option<Reading> {
        let stop = stop_stems();
        let mut content: Vec<&String> = stems.iter().filter(|s| !stop.contains(s)).collect();
        content.sort_unstable();
        content.dedup();
        if content.len() < 2 {
            return None;
        }
        let (mut best, mut count, mut second) = (0, 0, 0);
        for (t, own) in self.tag_stems.iter().enumerate() {
            let shared = content.iter().filter(|s| own.contains(s)).count();
            if shared > count {
                (best, count, second) = (t, shared, count);
            } else {
                second = second.max(shared);
            }
        }
        let generic = generic_stems();
        let own = &self.tag_stems[best];
        let specific = content
            .iter()
            .any(|s| own.contains(s) && !generic.contains(s));
        if !(count >= 2 && count > second && count * 2 >= content.len() && specific) {
            return None;
        }
        // A name (a capitalised word) that is not the tag's: one the
        // catalog does not know, or another tag's.
        let other_name = (form.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .flat_map(crate::matching::stems::stems)
            .any(|s| {
                !generic.contains(&s)
                    && !own.contains(&s)
                    && (self.known.binary_search(&s).is_err()
                        || self.tag_stems.iter().any(|other| other.contains(&s)))
            });
        let split_compound = (form.split_whitespace().filter(|w| w.contains('-'))).any(|word| {
            let parts: Vec<String> = (crate::matching::stems::stems(word).into_iter())
                .filter(|s| !stop.contains(s))
                .collect();
            parts.len() > 1
                && parts.iter().filter(|s| own.contains(s)).count() > 1
                && !(self.tag_names[best].iter()).any(|n| parts.iter().all(|s| n.contains(s)))
        });
        (!other_name && !split_compound).then(|| reading(vec![best], How::Related))
    }

    /// What the hints found in a phrase credit. A hint's word is broad:
    /// alone it credits only its first tag (the catalog lists a hint's
    /// tags main sense first), never all of them. Beside other words
    /// (`Redis caching`, `TensorFlow Serving`) those words choose among
    /// its tags: the tags whose names or aliases share a word with them;
    /// nothing when a word of theirs (not a generic one) belongs to another
    /// tag's names instead (`Zendesk Guide`); else the one tag the phrase
    /// is clearly closest to in meaning; else the first. Several hints in one phrase (`PostgreSQL
    /// performance tuning`) credit only the tags they share. A hint of
    /// more than [`MAX_RELATED_TAGS`] tags credits nothing unless the
    /// other words narrow it.
    fn hint_reading(
        &self,
        catalog: &Catalog,
        hints: &[usize],
        form: &str,
        stems: &[String],
    ) -> Option<Reading> {
        let (first, rest) = hints.split_first()?;
        let mut tags: Vec<usize> = catalog.hints[*first].tags.clone();
        for &h in rest {
            tags.retain(|t| catalog.hints[h].tags.contains(t));
        }
        let related = |tags: Vec<usize>| {
            (!tags.is_empty() && tags.len() <= MAX_RELATED_TAGS)
                .then(|| reading(tags, How::Related))
        };
        // The phrase's own words beside the hints' words.
        let stop = stop_stems();
        let generic = generic_stems();
        let own = |s: &String| {
            !stop.contains(s) && !hints.iter().any(|&h| self.hint_stems[h].contains(s))
        };
        let other: Vec<&String> = stems.iter().filter(|s| own(s)).collect();
        if let [tag] = tags[..] {
            // A hint of one tag beside a word its tag does not explain
            // (`Informatica MDM`): the phrase may be another thing.
            let unexplained = other
                .iter()
                .any(|s| !generic.contains(s) && !self.tag_stems[tag].contains(s));
            return (!unexplained).then(|| reading(vec![tag], How::Related));
        }
        if tags.is_empty() {
            return None;
        }
        if other.is_empty() {
            return (tags.len() <= MAX_RELATED_TAGS).then(|| reading(vec![tags[0]], How::Related));
        }
        let agreeing: Vec<usize> = (tags.iter().copied())
            .filter(|&t| other.iter().any(|s| self.tag_stems[t].contains(s)))
            .collect();
        // Of several agreeing tags, those a whole name of which the words
        // are (`Kubernetes deployments`: deployments, not model deployment).
        let whole: Vec<usize> = (agreeing.iter().copied())
            .filter(|&t| {
                (self.tag_names[t].iter())
                    .any(|name| !name.is_empty() && name.iter().all(|s| other.contains(&s)))
            })
            .collect();
        if !whole.is_empty() {
            return related(whole);
        }
        if !agreeing.is_empty() {
            return related(agreeing);
        }
        if tags.len() > MAX_RELATED_TAGS {
            return None;
        }
        // Other words that name another tag instead (`Zendesk Guide`:
        // guides are knowledge-base authoring, not ticketing) make the
        // phrase something else than the hint: nothing is credited.
        let elsewhere = other.iter().any(|s| {
            !generic.contains(s)
                && (self.tag_stems.iter().enumerate())
                    .any(|(t, own)| !tags.contains(&t) && own.contains(s))
        });
        if elsewhere {
            return None;
        }
        let closest = crate::similar::index_for(catalog)
            .closest_of(form, &tags)
            .filter(|hit| {
                hit.similarity >= HINT_CHOICE_SIMILARITY && hit.margin >= HINT_CHOICE_MARGIN
            });
        related(vec![closest.map_or(tags[0], |hit| hit.tag)])
    }
}

/// A text's words as written: lower-cased, American spelling.
fn spelled(text: &str) -> Vec<String> {
    raw_words(text).iter().map(|w| american_word(w)).collect()
}

/// Whether a one-word name found inside a phrase keeps its sense there:
/// the phrase's word is the name's word, its plural or singular, or the
/// root of a name ending in -ing (`patch cycles` for `patching`), not
/// another form of the same stem (`npm packages patched` is not
/// `patching`; `PAM solutions` is not `solutioning`). Longer names are
/// specific enough as stems.
fn same_sense(run: &Run, stems: &[String], written: &[String]) -> bool {
    if run.stems.len() > 1 || !matches!(run.target, Target::Tag(_)) {
        return true;
    }
    let name = run.words[0].as_str();
    run_starts(stems, &run.stems)
        .iter()
        .any(|&i| same_word(&written[i], name))
}

fn same_word(said: &str, name: &str) -> bool {
    said == name
        || name.strip_suffix("ing") == Some(said)
        || said
            .strip_suffix('s')
            .is_some_and(|w| w == name || w.strip_suffix('e') == Some(name))
        || name
            .strip_suffix('s')
            .is_some_and(|w| w == said || w.strip_suffix('e') == Some(said))
}

fn reading(tags: Vec<usize>, how: How) -> Reading {
    Reading { tags, how }
}

/// Stems too common in the catalog to name one thing alone: words of the
/// tags' descriptions, and words shared by two or more tags' names.
fn common_stems(catalog: &Catalog) -> Vec<String> {
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    let mut common: Vec<String> = GENERIC_WORDS.iter().map(|w| stem(w)).collect();
    common.extend(STOP_WORDS.iter().map(|w| stem(w)));
    for tag in &catalog.tags {
        common.extend(stems(&tag.description));
        let mut own: Vec<String> = std::iter::once(&tag.name)
            .chain(&tag.aliases)
            .flat_map(|n| stems(n))
            .collect();
        own.sort_unstable();
        own.dedup();
        for stem in own {
            *counts.entry(stem).or_default() += 1;
        }
    }
    common.extend(counts.into_iter().filter(|(_, n)| *n > 1).map(|(s, _)| s));
    common.sort_unstable();
    common.dedup();
    common
}

/// Whether a name can be found inside a longer phrase: two words or more,
/// or one word that is not common (at least 3 letters, or with a digit).
fn distinctive(stems: &[String], common: &[String]) -> bool {
    match stems {
        [] => false,
        [one] => {
            (one.chars().count() >= 3 || one.chars().any(|c| c.is_ascii_digit()))
                && common.binary_search(one).is_err()
        }
        _ => true,
    }
}

/// A phrase's text outside parentheses, and each text inside them:
/// `network troubleshooting (CCNA)` is `network troubleshooting` and
/// `CCNA`.
fn parenthesised(said: &str) -> (String, Vec<String>) {
    let mut outside = String::new();
    let mut inside = Vec::new();
    let mut current: Option<String> = None;
    for c in said.chars() {
        match (c, &mut current) {
            ('(' | '[', None) => current = Some(String::new()),
            (')' | ']', Some(_)) => inside.extend(current.take().filter(|s| !s.trim().is_empty())),
            (c, Some(text)) => text.push(c),
            (c, None) => outside.push(c),
        }
    }
    (outside.trim().to_string(), inside)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parentheses_and_parts() {
        assert_eq!(
            parenthesised("network troubleshooting (CCNA)"),
            ("network troubleshooting".into(), vec!["CCNA".into()])
        );
        assert_eq!(split_parts("DNS, DHCP and VPN"), vec!["DNS", "DHCP", "VPN"]);
    }

    fn catalog() -> Catalog {
        Catalog::builtin().unwrap()
    }

    fn read_names(said: &str) -> Option<(Vec<String>, How)> {
        let catalog = catalog();
        read(&catalog, said).map(|r| {
            let names = r
                .tags
                .iter()
                .map(|&t| catalog.tags[t].name.clone())
                .collect();
            (names, r.how)
        })
    }

    #[test]
    fn exact_names_and_aliases_read_exactly() {
        let (tags, how) = read_names("Error_Budgets and SLOs").unwrap();
        assert_eq!(
            (tags, how),
            (vec!["error budgets and SLOs".to_string()], How::Exact)
        );
    }

    #[test]
    fn other_forms_of_the_same_words_read_near() {
        for said in [
            "restoring backups",
            "Backup & restore execution",
            "executing backups and restores",
            "index strategies",
            "(index strategy)",
            "rendering and hydration behaviour",
        ] {
            let (tags, how) = read_names(said).unwrap_or_else(|| panic!("{said}"));
            assert_eq!(how, How::Near, "{said}");
            assert_eq!(tags.len(), 1, "{said}: {tags:?}");
        }
    }

    #[test]
    fn words_that_point_elsewhere_credit_nothing_wrong() {
        // (phrase, a tag it must not credit): another form of a name's
        // word, a product the catalog does not know, a compound split
        // across names, a name that is the other's setting, a word of
        // another tag's name beside a `similar` reading.
        for (said, wrong) in [
            (
                "keeping npm packages patched",
                "patch and maintenance windows",
            ),
            ("PAM solutions", "requirements-to-architecture translation"),
            (
                "Microsoft Defender for Endpoint",
                "endpoint troubleshooting",
            ),
            ("Microsoft Authenticator setup", "endpoint troubleshooting"),
            ("Informatica MDM", "endpoint troubleshooting"),
            ("cross-validation", "input validation and trust boundaries"),
            (
                "managing security groups in Active Directory",
                "network and IAM boundary design",
            ),
            ("solutioning for RFPs", "vendor and contract strategy"),
            ("investment prioritisation", "cross-team priority setting"),
        ] {
            let found = read_names(said);
            assert!(
                found
                    .as_ref()
                    .is_none_or(|(tags, _)| !tags.iter().any(|t| t == wrong)),
                "{said}: {found:?}"
            );
        }
        // The root of a name ending in -ing keeps its sense; of several
        // agreeing tags, the one the words name whole is credited.
        let patch = vec!["patch and maintenance windows".to_string()];
        assert_eq!(read_names("monthly patch cycles"), Some((patch, How::Near)));
        // A compound is split only when the tag has both its parts.
        let roadmap = vec!["multi-team roadmap governance".to_string()];
        assert_eq!(
            read_names("multi-year technology roadmap"),
            Some((roadmap, How::Related))
        );
        let deploy = vec!["deployment and rollback strategy".to_string()];
        assert_eq!(
            read_names("Kubernetes deployments"),
            Some((deploy, How::Related))
        );
    }

    #[test]
    fn sense_changing_words_are_not_found_inside_phrases() {
        for said in [
            "team budget",
            "shell scripting",
            "writing SQL",
            "training sessions",
        ] {
            let found = read_names(said);
            assert!(
                found.as_ref().is_none_or(|(tags, _)| !tags
                    .iter()
                    .any(|t| t == "input validation and trust boundaries"
                        || t == "error budgets and SLOs"
                        || t == "auth and session handling")),
                "{said}: {found:?}"
            );
        }
    }

    #[test]
    fn general_strengths_are_left_to_the_work_style_questions() {
        let catalog = catalog();
        for said in [
            "Positive attitude",
            "punctuality",
            "a strong team player",
            "Attention-to-detail",
        ] {
            assert!(soft_skill(said), "{said}");
            assert_eq!(read(&catalog, said), None, "{said}");
            let (_, hint) = not_understood(&catalog, said);
            assert_eq!(hint, "no tag fits; the work-style questions cover this");
        }
        assert!(!soft_skill("Kubernetes"));
        assert!(!soft_skill(""));
    }

    #[test]
    fn levels_read_as_the_tool_shows_them() {
        for (text, level) in [
            ("expert", Some(5)),
            ("Advanced", Some(4)),
            ("4 - advanced", Some(4)),
            ("\"3 - practitioner\"", Some(3)),
            ("2", Some(2)),
            ("4 - expert", None),
            ("high", None),
            ("9", None),
            ("", None),
        ] {
            assert_eq!(level_word(text), level, "{text}");
        }
    }

    /// The tags a list filter finds first, by name.
    fn first_found(filter: &str, count: usize) -> Vec<String> {
        let catalog = catalog();
        let related: Vec<Vec<String>> = (0..catalog.tags.len())
            .map(|t| related_words(&catalog, t))
            .collect();
        let items: Vec<ListItem<'_>> = (catalog.tags.iter().enumerate())
            .map(|(t, tag)| ListItem {
                names: std::iter::once(tag.name.as_str())
                    .chain(tag.aliases.iter().map(String::as_str))
                    .collect(),
                related: &related[t],
                text: vec![tag.description.as_str()],
            })
            .collect();
        let found = rank_items(filter, &items);
        (found.iter().take(count))
            .map(|&t| catalog.tags[t].name.clone())
            .collect()
    }

    #[test]
    fn lists_find_the_fitting_skills_first() {
        let sre = [
            "pager and on-call operations",
            "error budgets and SLOs",
            "blast-radius control",
        ];
        let mut first = first_found("sre", 3);
        first.sort();
        let mut expected = sre.map(String::from).to_vec();
        expected.sort();
        assert_eq!(first, expected);
        for tag in first_found("reliability", 2) {
            assert!(sre.contains(&tag.as_str()), "reliability: {tag}");
        }
        let support = first_found("customer support", 4);
        assert!(
            support.contains(&"repro steps and log analysis".to_string()),
            "{support:?}"
        );
        assert!(
            support.contains(&"escalation routing".to_string()),
            "{support:?}"
        );
        let kubernetes = first_found("kubernetes", 2);
        assert!(
            kubernetes.contains(&"deployment and rollback strategy".to_string()),
            "{kubernetes:?}"
        );
        assert!(
            first_found("troubleshoot", 4).contains(&"repro steps and log analysis".to_string())
        );
        assert_eq!(first_found("dba", 3).len(), 3);
        // A tool name the field vocabulary reads finds its tag first.
        assert_eq!(
            first_found("NetBackup", 1),
            ["backup and restore execution"]
        );
        assert_eq!(first_found("no such thing at all", 3), Vec::<String>::new());
    }

    #[test]
    fn a_broad_word_credits_the_tags_its_phrase_singles_out() {
        let related = |said: &str| -> Vec<String> {
            let (tags, how) = read_names(said).unwrap_or_else(|| panic!("{said}"));
            assert_eq!(how, How::Related, "{said}");
            tags
        };
        // Alone: the hint's first tag only, not every tag it lists.
        assert_eq!(related("PCI DSS"), ["control-baseline design"]);
        assert_eq!(related("Kubernetes"), ["deployment and rollback strategy"]);
        // Beside other words: the tag those words name (an alias's word).
        assert_eq!(related("Redis caching"), ["latency and throughput tuning"]);
        assert_eq!(
            related("TensorFlow Serving"),
            ["model-serving architecture"]
        );
        // Two hints: the tags they share.
        assert_eq!(related("PostgreSQL performance tuning"), ["index strategy"]);
        // No name or hint, but two words of one tag's names.
        assert_eq!(
            related("prioritization across teams"),
            ["cross-team priority setting"]
        );
        assert_eq!(
            related("validating user input"),
            ["input validation and trust boundaries"]
        );
        // Beside a word of another tag's names: not the hint's.
        assert_eq!(read_names("Zendesk Guide"), None);
        // A hint's word that tags' names share is found when no
        // distinctive name is.
        assert_eq!(related("mainframe migration"), ["migration sequencing"]);
        // Two tags' names side by side: a claim of each.
        assert_eq!(
            read_names("escalating to engineering with clear repro steps"),
            Some((
                vec![
                    "repro steps and log analysis".to_string(),
                    "escalation routing".to_string()
                ],
                How::Near
            ))
        );
        // Too broad (more than MAX_RELATED_TAGS tags) alone: nothing.
        assert_eq!(read_names("leadership"), None);
    }

    #[test]
    fn nothing_is_read_from_nothing() {
        assert_eq!(read_names(""), None);
        assert_eq!(read_names("  ()  "), None);
        assert_eq!(read_names("punctuality"), None);
    }
}
