//! Finding names in a loaded catalog, and "did you mean" for a miss.

use super::model::{Catalog, Hint, TagMiss};
use crate::error::{Error, Result};
use crate::matching::{Described, WordIndex, closest, did_you_mean, normalize, with_normalized};

impl Catalog {
    /// Ids are matched like tags: `Work_Style` finds `work-style`.
    fn position_of<'a>(
        mut ids: impl Iterator<Item = &'a str>,
        keys: &[String],
        wanted: &str,
    ) -> Option<usize> {
        ids.position(|id| id == wanted)
            .or_else(|| with_normalized(wanted, |wanted| keys.iter().position(|k| k == wanted)))
    }

    /// Tells this load from every other one of the process (a clone keeps
    /// it): text made from a catalog can be cached against it.
    pub fn serial(&self) -> u64 {
        self.serial.0
    }

    /// A role's place when roles are sorted by id.
    pub fn id_order(&self, role: usize) -> u32 {
        self.id_order[role]
    }

    pub fn family_index(&self, id: &str) -> Option<usize> {
        Self::position_of(
            self.families.iter().map(|f| f.id.as_str()),
            &self.family_keys,
            id,
        )
    }

    pub fn path_index(&self, id: &str) -> Option<usize> {
        Self::position_of(
            self.paths.iter().map(|p| p.id.as_str()),
            &self.path_keys,
            id,
        )
    }

    /// An axis by id, or by its name as tables print it (`Stakeholders`).
    pub fn axis_index(&self, id: &str) -> Option<usize> {
        Self::position_of(self.axes.iter().map(|a| a.id.as_str()), &self.axis_keys, id).or_else(
            || {
                with_normalized(id, |wanted| {
                    self.axes.iter().position(|a| normalize(&a.name) == wanted)
                })
            },
        )
    }

    /// A work-style question by its id, compared like tag names.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        with_normalized(id, |wanted| self.question_lookup.get(wanted).copied())
    }

    /// A tag by name or alias, after normalisation.
    pub fn tag_index(&self, name: &str) -> Option<usize> {
        with_normalized(name, |wanted| self.tag_lookup.get(wanted).copied())
    }

    /// The hint a broad word names, after normalisation.
    pub fn hint(&self, name: &str) -> Option<&Hint> {
        with_normalized(name, |wanted| self.hint_lookup.get(wanted).copied())
            .map(|index| &self.hints[index])
    }

    /// The tags sharing words with a miss (name, aliases, description, and
    /// the terms of hints that list the tag), best first.
    pub fn suggest_tags(&self, name: &str) -> Vec<&str> {
        let index = self.tag_words.0.get_or_init(|| self.tag_word_index());
        index
            .closest(name, 3)
            .into_iter()
            .map(|t| self.tags[t].name.as_str())
            .collect()
    }

    fn tag_word_index(&self) -> WordIndex {
        let mut candidates: Vec<Described> = self
            .tags
            .iter()
            .map(|tag| Described {
                names: std::iter::once(tag.name.as_str())
                    .chain(tag.aliases.iter().map(String::as_str))
                    .collect(),
                description: tag.description.as_str(),
                broader: Vec::new(),
            })
            .collect();
        for hint in &self.hints {
            for &t in &hint.tags {
                let words = std::iter::once(&hint.term).chain(&hint.aliases);
                candidates[t].broader.extend(words.map(String::as_str));
            }
        }
        WordIndex::new(&candidates)
    }

    /// What to offer for a name that is no tag: a hint's related tags, or
    /// the tags sharing words with it.
    pub fn tag_miss(&self, name: &str) -> TagMiss<'_> {
        match self.hint(name) {
            Some(hint) => TagMiss::Broad(hint),
            None => TagMiss::Near(self.suggest_tags(name)),
        }
    }

    /// An unknown tag's message and hint, apart (see [`Self::family_miss`]):
    /// a broad word names its related tags, anything else gets "did you
    /// mean" or a pointer to `rolefit tags`.
    pub fn unknown_tag(&self, name: &str) -> (String, String) {
        match self.tag_miss(name) {
            TagMiss::Broad(hint) => {
                let related: Vec<String> = hint
                    .tags
                    .iter()
                    .map(|&t| format!("{:?}", self.tags[t].name))
                    .collect();
                (
                    format!("{name:?} is not a tag of its own"),
                    format!("related tags: {}", related.join(", ")),
                )
            }
            TagMiss::Near(near) => (
                format!("unknown tag {name:?}"),
                did_you_mean(&near).unwrap_or_else(|| "see `rolefit tags` for every tag".into()),
            ),
        }
    }

    /// A role by id or name, case-insensitive.
    pub fn role_index(&self, query: &str) -> Option<usize> {
        let wanted = normalize(query);
        self.roles
            .iter()
            .position(|r| normalize(&r.id) == wanted || normalize(&r.name) == wanted)
    }

    /// The closest roles to a miss, best first: roles whose initials it
    /// spells (`sre-engineer` is closer in spelling to `qa-engineer` than to
    /// `site-reliability-engineer`), then near spellings, then roles sharing a
    /// distinctive word with it (`data`).
    pub fn suggest_roles(&self, query: &str) -> Vec<&str> {
        let pairs = self.roles.iter().flat_map(|r| {
            [
                (r.id.as_str(), r.id.as_str()),
                (r.name.as_str(), r.id.as_str()),
            ]
        });
        let spelled = closest(query, pairs, 3);
        let (initials, words) = loose_role_matches(self, query);
        let mut suggestions: Vec<&str> = Vec::new();
        for id in initials.into_iter().chain(spelled).chain(words) {
            if suggestions.len() < 3 && !suggestions.contains(&id) {
                suggestions.push(id);
            }
        }
        suggestions
    }

    /// Resolves a role query or explains the miss. Beside an id or name, a
    /// unique prefix of either (`devops`) or the name's initials (`sre`) is
    /// accepted; a query that fits several roles lists them.
    pub fn find_role(&self, query: &str) -> Result<usize> {
        self.role_or_miss(query)
            .map_err(|(message, hint)| Error::Usage(format!("{message}: {hint}")))
    }

    /// [`Self::find_role`], with a miss's message and hint apart (see
    /// [`Self::family_miss`]).
    pub fn role_or_miss(&self, query: &str) -> std::result::Result<usize, (String, String)> {
        if let Some(role) = self.role_index(query) {
            return Ok(role);
        }
        let shown = crate::text::escape_control(query);
        match self.roles_abbreviated_by(query).as_slice() {
            [role] => Ok(*role),
            [] => {
                let hint = did_you_mean(&self.suggest_roles(query))
                    .unwrap_or_else(|| "see `rolefit roles` for the list".into());
                Err((format!("unknown role {shown:?}"), hint))
            }
            several => {
                let ids: Vec<String> = several
                    .iter()
                    .map(|&r| format!("{:?}", self.roles[r].id))
                    .collect();
                Err((
                    format!("role {shown:?} is ambiguous"),
                    format!("it could be {}", ids.join(", ")),
                ))
            }
        }
    }

    /// Roles whose id or name starts with `query`, or whose name's initials
    /// it spells, in catalog order.
    fn roles_abbreviated_by(&self, query: &str) -> Vec<usize> {
        let query = normalize(query);
        if query.chars().count() < 2 {
            return Vec::new();
        }
        (0..self.roles.len())
            .filter(|&r| {
                let (id, name) = (normalize(&self.roles[r].id), normalize(&self.roles[r].name));
                let words: Vec<&str> = name.split(' ').collect();
                id.starts_with(&query)
                    || name.starts_with(&query)
                    || (!query.contains(' ')
                        && query.len() <= MAX_ABBREVIATION
                        && abbreviates(&query, &words))
            })
            .collect()
    }

    /// Resolves a family id or explains the miss.
    pub fn find_family(&self, id: &str) -> std::result::Result<usize, String> {
        self.family_index(id).ok_or_else(|| {
            let (message, hint) = self.family_miss(id);
            format!("{message}: {hint}")
        })
    }

    /// An unknown family's message and hint, apart: an answer file puts
    /// the entry and its line between them.
    pub fn family_miss(&self, id: &str) -> (String, String) {
        let ids = self.families.iter().map(|f| (f.id.as_str(), f.id.as_str()));
        let hint = did_you_mean(&closest(id, ids, 3))
            .unwrap_or_else(|| format!("families are {}", self.family_ids().join(", ")));
        let message = format!("unknown family {:?}", crate::text::escape_control(id));
        (message, hint)
    }

    /// Resolves a path id or explains the miss.
    pub fn find_path(&self, id: &str) -> std::result::Result<usize, String> {
        self.path_index(id).ok_or_else(|| {
            let (message, hint) = self.path_miss(id);
            format!("{message}: {hint}")
        })
    }

    /// An unknown path's message and hint, apart (see [`Self::family_miss`]).
    pub fn path_miss(&self, id: &str) -> (String, String) {
        let ids = self.paths.iter().map(|p| (p.id.as_str(), p.id.as_str()));
        let hint = did_you_mean(&closest(id, ids, 3)).unwrap_or_else(|| {
            let all: Vec<&str> = self.paths.iter().map(|p| p.id.as_str()).collect();
            format!("paths are {}", all.join(", "))
        });
        let message = format!("unknown path {:?}", crate::text::escape_control(id));
        (message, hint)
    }

    /// Resolves `--family` values: sorted, each once; a miss is a usage error.
    pub fn find_families(&self, ids: &[String]) -> Result<Vec<usize>> {
        let mut families = ids
            .iter()
            .map(|f| self.find_family(f).map_err(Error::Usage))
            .collect::<Result<Vec<usize>>>()?;
        families.sort_unstable();
        families.dedup();
        Ok(families)
    }

    pub fn family_ids(&self) -> Vec<&str> {
        self.families.iter().map(|f| f.id.as_str()).collect()
    }

    /// The path used when an answer file names none: `full`, or the first.
    pub fn default_path(&self) -> usize {
        self.path_index("full").unwrap_or(0)
    }
}

/// Roles whose initials the query spells (`sre`), and roles sharing a
/// distinctive word with it (`data`), best first.
fn loose_role_matches<'c>(catalog: &'c Catalog, query: &str) -> (Vec<&'c str>, Vec<&'c str>) {
    const LIMIT: usize = 3;
    let query = normalize(query);
    // Long queries are not near misses; also bounds the work.
    if query.is_empty() || query.chars().count() > 120 {
        return (Vec::new(), Vec::new());
    }
    let words: Vec<&str> = query
        .split(' ')
        .filter(|w| w.chars().count() >= 2)
        .collect();
    let names: Vec<String> = catalog.roles.iter().map(|r| normalize(&r.name)).collect();
    // A query word is a word of the role's name, or starts one ("eng").
    let uses = |name: &str, word: &str| {
        name.split(' ')
            .any(|w| w == word || (word.chars().count() >= 3 && w.starts_with(word)))
    };
    let mut initials = Vec::new();
    let mut shared: Vec<(usize, usize)> = Vec::new();
    for (index, name) in names.iter().enumerate() {
        let all: String = name.split(' ').filter_map(|w| w.chars().next()).collect();
        let key: String = name
            .split(' ')
            .filter(|w| !matches!(*w, "of" | "and" | "the"))
            .filter_map(|w| w.chars().next())
            .collect();
        if words.iter().any(|w| *w == all || *w == key) {
            initials.push(catalog.roles[index].id.as_str());
        }
        let mut score = 0;
        for word in &words {
            // A word most roles share ("engineer") says little.
            if uses(name, word) && names.iter().filter(|n| uses(n, word)).count() <= LIMIT {
                score += if name.split(' ').any(|w| w == *word) {
                    3
                } else {
                    2
                };
            }
        }
        if score > 0 {
            shared.push((score, index));
        }
    }
    shared.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let shared = shared
        .into_iter()
        .take(LIMIT)
        .map(|(_, i)| catalog.roles[i].id.as_str())
        .collect();
    (initials, shared)
}

/// Longer queries are no abbreviation (this also bounds the search).
const MAX_ABBREVIATION: usize = 8;

/// Whether `query` abbreviates the words of a name: each word gives its
/// first letter, then maybe more of its letters in order (`dba`: DataBase
/// Administrator; `sre`: Site Reliability Engineer); "of", "and" and
/// "the" may give nothing.
fn abbreviates(query: &str, words: &[&str]) -> bool {
    let Some((word, rest)) = words.split_first() else {
        return query.is_empty();
    };
    if matches!(*word, "of" | "and" | "the") && abbreviates(query, rest) {
        return true;
    }
    let mut letters = word.chars();
    let (Some(first), Some(wanted)) = (letters.next(), query.chars().next()) else {
        return false;
    };
    if first != wanted {
        return false;
    }
    let mut query = &query[wanted.len_utf8()..];
    // The word gives its first letter, then any of its later ones in order.
    loop {
        if abbreviates(query, rest) {
            return true;
        }
        let Some(next) = query.chars().next() else {
            return false;
        };
        match letters.position(|c| c == next) {
            Some(_) => query = &query[next.len_utf8()..],
            None => return false,
        }
    }
}
