//! The reader's `field` layer: tool names from O*NET read as their tags.
//!
//! The tools people list on CVs (`NetBackup`, `Wireshark`, `WhatsUp Gold`)
//! say what work they did. `data/field-vocabulary.tsv` (compiled in) lists each tool with its O*NET
//! commodity and the tags `data/commodity-tags.yaml` maps that commodity to;
//! `scripts/build_field_vocabulary.py` derives it (source, licence and
//! attribution in `data/README.md`). A word is read when it is a tool's name
//! in another form (the reader's normalisation: case, punctuation, stems,
//! word order), or a phrase that contains exactly one tool's name and
//! otherwise only words that add no other skill (`NetBackup
//! administration`, `Wireshark packet analysis`: the commodity's own words,
//! administration, versions).
//!
//! A tool is evidence of its tags, not a claim of them: [`crate::reader`]
//! credits a `field` reading at the related discount, after `exact`, `near`
//! and `related` and before `similar`, and caches it with every reading.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::catalog::Catalog;
use crate::matching::stems::{contains_run, set_key, stems};

/// The derived vocabulary, compiled in.
const VOCABULARY: &str = include_str!("../data/field-vocabulary.tsv");

/// Words that may stand beside a tool's name without naming another skill
/// (compared as stems; the reader's stop words are dropped before).
const AROUND_A_TOOL: &[&str] = &[
    "administration",
    "administrator",
    "admin",
    "admins",
    "configuration",
    "configuring",
    "config",
    "setup",
    "installation",
    "installing",
    "maintenance",
    "maintaining",
    "operations",
    "operating",
    "running",
    "support",
    "supporting",
    "software",
    "tool",
    "tools",
    "suite",
    "platform",
    "console",
    "server",
    "servers",
    "system",
    "systems",
    "management",
    "managing",
    "user",
    "usage",
    "certified",
    "certification",
    "hands",
    "years",
    "daily",
    "enterprise",
];

/// One group of tools: the tags they name (the built-in catalog's names)
/// and the words of their commodities' titles.
struct Group {
    tags: Vec<&'static str>,
    title_stems: Vec<String>,
}

/// The vocabulary made ready for reading, built at the first word that
/// reaches the layer.
struct Vocabulary {
    groups: Vec<Group>,
    /// A tool name's word-set key → its group; `None` when two groups
    /// share the key (it names neither).
    by_key: FxHashMap<String, Option<usize>>,
    /// Tool names as runs of stems, to find inside longer phrases.
    runs: Vec<(Vec<String>, usize)>,
    /// Tool names as written, with their group: what the interview's
    /// lists are searched by.
    names: Vec<(&'static str, usize)>,
    /// The stems of [`AROUND_A_TOOL`].
    around: Vec<String>,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY_INDEX: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY_INDEX.get_or_init(|| Vocabulary::parse(VOCABULARY))
}

impl Vocabulary {
    fn parse(text: &'static str) -> Vocabulary {
        let mut groups: Vec<Group> = Vec::new();
        let mut group_of: FxHashMap<&str, usize> = FxHashMap::default();
        let mut by_key: FxHashMap<String, Option<usize>> = FxHashMap::default();
        let mut runs = Vec::new();
        let mut names = Vec::new();
        for line in text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let mut columns = line.split('\t');
            let (Some(name), Some(commodity), Some(tags)) =
                (columns.next(), columns.next(), columns.next())
            else {
                continue;
            };
            let group = *group_of.entry(tags).or_insert_with(|| {
                groups.push(Group {
                    tags: tags.split("; ").collect(),
                    title_stems: Vec::new(),
                });
                groups.len() - 1
            });
            for stem in stems(commodity) {
                if !groups[group].title_stems.contains(&stem) {
                    groups[group].title_stems.push(stem);
                }
            }
            let name_stems = stems(name);
            let key = set_key(&name_stems);
            if key.is_empty() {
                continue;
            }
            by_key
                .entry(key)
                .and_modify(|seen| {
                    if *seen != Some(group) {
                        *seen = None;
                    }
                })
                .or_insert(Some(group));
            runs.push((name_stems, group));
            names.push((name, group));
        }
        let around = AROUND_A_TOOL.iter().flat_map(|w| stems(w)).collect();
        Vocabulary {
            groups,
            by_key,
            runs,
            names,
            around,
        }
    }

    /// The group a word names: a tool's name in another form, or a phrase
    /// with exactly one group's tool names and otherwise only words that
    /// may stand beside them.
    fn group(&self, said: &str) -> Option<usize> {
        let said = stems(said);
        let key = set_key(&said);
        if key.is_empty() {
            return None;
        }
        if let Some(found) = self.by_key.get(&key) {
            return *found;
        }
        let mut found: Option<usize> = None;
        let mut covered = vec![false; said.len()];
        for (run, group) in &self.runs {
            if !contains_run(&said, run) {
                continue;
            }
            if found.is_some_and(|g| g != *group) {
                return None;
            }
            found = Some(*group);
            for start in 0..=said.len() - run.len() {
                if said[start..start + run.len()] == run[..] {
                    covered[start..start + run.len()].fill(true);
                }
            }
        }
        let group = found?;
        let rest: Vec<String> = (said.iter().zip(&covered))
            .filter(|(_, covered)| !**covered)
            .map(|(stem, _)| stem.clone())
            .collect();
        let rest = set_key(&rest);
        let fits = |stem: &str| {
            // A version (`8.x`, `v10`) names no other skill.
            stem.chars().any(|c| c.is_ascii_digit())
                || stem.chars().count() == 1
                || self.around.iter().any(|w| w == stem)
                || self.groups[group].title_stems.iter().any(|w| w == stem)
        };
        (rest.is_empty() || rest.split(' ').all(fits)).then_some(group)
    }
}

/// The tags (catalog indices) a tool name or a phrase around one names,
/// or `None`. Tags the catalog lacks are left out.
pub fn tags(catalog: &Catalog, said: &str) -> Option<Vec<usize>> {
    let vocabulary = vocabulary();
    let group = &vocabulary.groups[vocabulary.group(said)?];
    let tags: Vec<usize> = (group.tags.iter())
        .filter_map(|name| catalog.tag_index(name))
        .collect();
    (!tags.is_empty()).then_some(tags)
}

/// The tool names that credit a tag (a catalog index): the interview
/// finds the tag by them, as `field` reads them in files.
pub fn names_for(catalog: &Catalog, tag: usize) -> impl Iterator<Item = &'static str> {
    let vocabulary = vocabulary();
    let name = catalog.tags[tag].name.as_str();
    (vocabulary.names.iter())
        .filter(move |(_, group)| vocabulary.groups[*group].tags.contains(&name))
        .map(|(name, _)| *name)
}

/// Every tag name the vocabulary credits, each once (for checks).
pub fn tag_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = (vocabulary().groups.iter())
        .flat_map(|g| g.tags.iter().copied())
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// How many tool names the vocabulary holds.
pub fn len() -> usize {
    vocabulary().runs.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(said: &str) -> Option<Vec<String>> {
        let catalog = Catalog::builtin().unwrap();
        tags(&catalog, said).map(|t| t.iter().map(|&t| catalog.tags[t].name.clone()).collect())
    }

    #[test]
    fn tool_names_read_as_their_commodity_tags() {
        let backup = Some(vec!["backup and restore execution".to_string()]);
        for said in [
            "NetBackup",
            "Symantec Veritas NetBackup",
            "veritas-netbackup",
            "EMC NetWorker",
        ] {
            assert_eq!(names(said), backup, "{said}");
        }
        let network = Some(vec!["DNS and network troubleshooting".to_string()]);
        for said in ["tcpdump", "Traceroute", "WhatsUp Gold", "Wireshark"] {
            assert_eq!(names(said), network, "{said}");
        }
    }

    #[test]
    fn a_phrase_around_one_tool_reads_as_it() {
        let backup = Some(vec!["backup and restore execution".to_string()]);
        assert_eq!(names("NetBackup administration"), backup);
        assert_eq!(names("experience with NetBackup 8.x"), backup);
        assert_eq!(names("NetBackup v10"), backup);
        assert_eq!(names("NetBackup archival"), backup);
        // Another skill beside the tool, or two groups' tools: nothing.
        assert_eq!(names("NetBackup and threat hunting"), None);
        assert_eq!(names("NetBackup tcpdump"), None);
    }

    #[test]
    fn excepted_and_unknown_words_read_nothing() {
        for said in [
            "Snort",
            "IBM QRadar SIEM",
            "Route",
            "SugarSync",
            "Microsoft Excel",
            "",
            "()",
        ] {
            assert_eq!(names(said), None, "{said}");
        }
    }

    /// Every tool name is understood by the reader: by this layer, or by
    /// an earlier one (`Nagios` is the catalog's monitoring hint).
    #[test]
    fn every_tool_name_is_understood() {
        let catalog = Catalog::builtin().unwrap();
        let mut by_how: FxHashMap<&str, usize> = FxHashMap::default();
        let names = VOCABULARY.lines().filter(|l| !l.starts_with('#'));
        for name in names.filter_map(|l| l.split('\t').next()) {
            let reading = crate::reader::read(&catalog, name);
            let reading = reading.unwrap_or_else(|| panic!("{name} is not understood"));
            *by_how.entry(reading.how.as_str()).or_default() += 1;
        }
        println!("{by_how:?}");
        assert!(by_how["field"] > 150, "{by_how:?}");
    }

    #[test]
    fn every_tag_of_the_vocabulary_is_a_builtin_tag() {
        let catalog = Catalog::builtin().unwrap();
        assert!(len() > 100, "{}", len());
        for name in tag_names() {
            assert!(catalog.tag_index(name).is_some(), "{name}");
        }
    }
}
