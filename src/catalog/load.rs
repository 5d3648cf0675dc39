//! Loading a catalog and validating it: every problem with its line,
//! then the indexes built.

use super::*;

impl Catalog {
    /// The built-in catalog, or the one at `path`.
    pub fn load(path: Option<&Path>) -> Result<Catalog> {
        let Some(path) = path else {
            return Catalog::builtin();
        };
        let shown = path.display().to_string();
        let bytes = crate::read::read_limited(path, MAX_CATALOG_BYTES)
            .map_err(|problem| Error::Catalog(vec![Located::new(&shown, problem)]))?;
        let text = crate::read::decode(bytes, &shown).map_err(|e| Error::Catalog(vec![e]))?;
        Catalog::parse(&text, &shown)
    }

    /// Parses and validates a catalog text; `source` names it in errors.
    pub fn parse(text: &str, source: &str) -> Result<Catalog> {
        let raw: RawCatalog = from_yaml(text, source, CATALOG_SHAPE)
            .map_err(|problem| Error::Catalog(vec![problem]))?;
        Builder::new(text, source).build(raw)
    }
}

/// Validates a parsed catalog and builds the indices, collecting every
/// problem with its line rather than stopping at the first.
struct Builder<'t> {
    text: &'t str,
    source: &'t str,
    problems: Vec<Located>,
    /// Problems past the first MAX_REPORTED: counted, not located.
    more: usize,
}

/// Locating a problem walks the document; a hostile catalog with thousands
/// of problems gets the first few spelled out and a count.
const MAX_REPORTED: usize = 50;

impl<'t> Builder<'t> {
    fn new(text: &'t str, source: &'t str) -> Self {
        Builder {
            text,
            source,
            problems: Vec::new(),
            more: 0,
        }
    }

    fn full(&mut self) -> bool {
        let full = self.problems.len() >= MAX_REPORTED;
        self.more += usize::from(full);
        full
    }

    fn problem(&mut self, entry: String, message: String, hint: Option<String>) {
        if self.full() {
            return;
        }
        let line = line_of(self.text, &entry);
        self.problems.push(
            Located::new(self.source, message)
                .at_line(line)
                .at_entry(entry)
                .with_hint(hint),
        );
    }

    fn unique<'a>(&mut self, section: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = rustc_hash::FxHashSet::default();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.problem(format!("{section}[{i}]"), "empty id".into(), None);
            } else if !seen.insert(id) {
                self.problem(
                    format!("{section}[{i}]"),
                    format!("duplicate id {id:?}"),
                    None,
                );
            }
        }
    }

    fn build(mut self, raw: RawCatalog) -> Result<Catalog> {
        if raw.version != 1 {
            self.problem(
                "version".into(),
                format!("unsupported catalog version {}", raw.version),
                Some("this rolefit reads version 1".into()),
            );
        }
        self.unique("families", raw.families.iter().map(|f| f.id.as_str()));
        self.unique("axes", raw.axes.iter().map(|a| a.id.as_str()));
        self.unique("questions", raw.questions.iter().map(|q| q.id.as_str()));
        self.unique("paths", raw.paths.iter().map(|p| p.id.as_str()));
        self.unique("roles", raw.roles.iter().map(|r| r.id.as_str()));
        for (section, empty) in [
            ("families", raw.families.is_empty()),
            ("axes", raw.axes.is_empty()),
            ("paths", raw.paths.is_empty()),
            ("roles", raw.roles.is_empty()),
        ] {
            if empty {
                self.problem(section.into(), format!("no {section}"), None);
            }
        }

        let axis_of = |id: &str| raw.axes.iter().position(|a| a.id == id);
        let axis_ids: Vec<&str> = raw.axes.iter().map(|a| a.id.as_str()).collect();
        let mut questions = Vec::with_capacity(raw.questions.len());
        for (i, q) in raw.questions.iter().enumerate() {
            match axis_of(&q.axis) {
                Some(axis) => questions.push(Question {
                    id: q.id.clone(),
                    axis,
                    text: q.text.clone(),
                    reverse: q.reverse,
                }),
                None => self.unknown(format!("questions[{i}].axis"), "axis", &q.axis, &axis_ids),
            }
        }

        for (i, path) in raw.paths.iter().enumerate() {
            let w = path.weights;
            let given = [w.competency, w.growth, w.work_style];
            for weight in given.iter().flatten() {
                if !(0.0..=1.0).contains(weight) {
                    self.problem(
                        format!("paths[{i}].weights"),
                        format!("weight {weight} is outside 0–1"),
                        None,
                    );
                }
            }
            if given.iter().flatten().sum::<f64>() <= 0.0 {
                self.problem(
                    format!("paths[{i}].weights"),
                    "no positive weight".into(),
                    None,
                );
            }
        }

        let mut tags: Vec<Tag> = Vec::with_capacity(raw.tags.len());
        let mut tag_lookup = Lookup::default();
        for (i, raw_tag) in raw.tags.iter().enumerate() {
            // (alias index or None for the name, text); the entry path is
            // only spelled out for a problem.
            let names = std::iter::once((None, &raw_tag.name)).chain(
                raw_tag
                    .aliases
                    .iter()
                    .enumerate()
                    .map(|(j, a)| (Some(j), a)),
            );
            for (alias, name) in names {
                let entry = || match alias {
                    None => format!("tags[{i}].name"),
                    Some(j) => format!("tags[{i}].aliases[{j}]"),
                };
                let key = normalize(name);
                if key.is_empty() {
                    self.problem(entry(), "empty tag name or alias".into(), None);
                    continue;
                }
                match tag_lookup.get(&key) {
                    Some(&other) if other == i => {}
                    Some(&other) => self.problem(
                        entry(),
                        format!("{name:?} resolves to two tags"),
                        Some(format!("it already names {:?}", raw.tags[other].name)),
                    ),
                    None => {
                        tag_lookup.insert(key, i);
                    }
                }
            }
            tags.push(Tag {
                name: raw_tag.name.clone(),
                description: raw_tag.description.trim().to_string(),
                aliases: raw_tag.aliases.clone(),
                roles: Vec::new(),
            });
        }
        let (hints, hint_lookup) = self.hints(&raw.hints, &raw.tags, &tag_lookup);

        let tag_names: Vec<&str> = raw.tags.iter().map(|t| t.name.as_str()).collect();
        // Roles name tags by their canonical name, not an alias.
        let by_name: Lookup = tag_names
            .iter()
            .enumerate()
            .map(|(i, name)| (normalize(name), i))
            .collect();
        let family_ids: Vec<&str> = raw.families.iter().map(|f| f.id.as_str()).collect();
        let mut roles = Vec::with_capacity(raw.roles.len());
        for (i, raw_role) in raw.roles.into_iter().enumerate() {
            let family = raw.families.iter().position(|f| f.id == raw_role.family);
            if family.is_none() {
                self.unknown(
                    format!("roles[{i}].family"),
                    "family",
                    &raw_role.family,
                    &family_ids,
                );
            }
            if raw_role.tags.is_empty() {
                self.problem(
                    format!("roles[{i}].tags"),
                    "a role needs at least one tag".into(),
                    None,
                );
            }
            let mut role_tags = Vec::with_capacity(raw_role.tags.len());
            for (j, name) in raw_role.tags.iter().enumerate() {
                match with_normalized(name, |name| by_name.get(name).copied()) {
                    Some(t) if role_tags.contains(&t) => self.problem(
                        format!("roles[{i}].tags[{j}]"),
                        format!("tag {name:?} is listed twice"),
                        None,
                    ),
                    Some(t) => {
                        role_tags.push(t);
                        tags[t].roles.push(i);
                    }
                    None => self.unknown(format!("roles[{i}].tags[{j}]"), "tag", name, &tag_names),
                }
            }
            let mut targets = vec![f64::NAN; raw.axes.len()];
            for (axis_id, value) in raw_role.profile.axes.iter() {
                let entry = || format!("roles[{i}].profile.axes.{axis_id}");
                match axis_of(axis_id) {
                    Some(a) if AXIS_RANGE.contains(value) => targets[a] = *value,
                    Some(_) => {
                        self.problem(entry(), format!("axis value {value} is outside 1–5"), None)
                    }
                    None => self.unknown(entry(), "axis", axis_id, &axis_ids),
                }
            }
            for (a, target) in targets.iter().enumerate() {
                if target.is_nan() && !raw_role.profile.axes.contains_key(&raw.axes[a].id) {
                    self.problem(
                        format!("roles[{i}].profile.axes"),
                        format!("no target for axis {:?}", raw.axes[a].id),
                        None,
                    );
                }
            }
            roles.push(Role {
                id: raw_role.id,
                name: raw_role.name,
                family: family.unwrap_or(0),
                summary: raw_role.summary,
                detail: raw_role.detail,
                tags: role_tags,
                targets,
                behaviors: raw_role.profile.behaviors,
            });
        }
        for (i, tag) in tags.iter().enumerate() {
            if tag.roles.is_empty() {
                self.problem(
                    format!("tags[{i}]"),
                    format!("tag {:?} is used by no role", tag.name),
                    None,
                );
            }
        }

        if self.more > 0 {
            let more = format!("… and {} more problems", self.more);
            self.problems.push(Located::new(self.source, more));
        }
        if !self.problems.is_empty() {
            return Err(Error::Catalog(self.problems));
        }
        let mut by_id: Vec<usize> = (0..roles.len()).collect();
        by_id.sort_by(|&a, &b| roles[a].id.cmp(&roles[b].id));
        let mut id_order = vec![0u32; roles.len()];
        for (place, &role) in by_id.iter().enumerate() {
            id_order[role] = u32::try_from(place).unwrap_or(u32::MAX);
        }
        let mut question_lookup = Lookup::default();
        for (i, question) in questions.iter().enumerate() {
            question_lookup.entry(normalize(&question.id)).or_insert(i);
        }
        let keys = |ids: &mut dyn Iterator<Item = &String>| ids.map(|id| normalize(id)).collect();
        Ok(Catalog {
            family_keys: keys(&mut raw.families.iter().map(|f| &f.id)),
            path_keys: keys(&mut raw.paths.iter().map(|p| &p.id)),
            axis_keys: keys(&mut raw.axes.iter().map(|a| &a.id)),
            question_lookup,
            source: self.source.to_string(),
            version: raw.version,
            families: raw.families,
            axes: raw.axes,
            questions,
            paths: raw.paths,
            tags,
            hints,
            roles,
            id_order,
            tag_lookup,
            hint_lookup,
            tag_words: LazyWords::default(),
            serial: Serial::next(),
        })
    }

    /// Checks the hints: a term or alias must not name a tag or another
    /// hint (a word is either a tag or a broad word, never both), and every
    /// related tag must exist, named by its canonical name.
    fn hints(
        &mut self,
        raw_hints: &[RawHint],
        raw_tags: &[RawTag],
        tag_lookup: &Lookup,
    ) -> (Vec<Hint>, Lookup) {
        let by_name: Lookup = raw_tags
            .iter()
            .enumerate()
            .map(|(i, tag)| (normalize(&tag.name), i))
            .collect();
        let tag_names: Vec<&str> = raw_tags.iter().map(|t| t.name.as_str()).collect();
        let mut hints = Vec::with_capacity(raw_hints.len());
        let mut hint_lookup = Lookup::default();
        for (i, raw_hint) in raw_hints.iter().enumerate() {
            // (alias index or None for the term, text); the entry path is
            // only spelled out for a problem.
            let words = std::iter::once((None, &raw_hint.term)).chain(
                raw_hint
                    .aliases
                    .iter()
                    .enumerate()
                    .map(|(j, a)| (Some(j), a)),
            );
            for (alias, word) in words {
                let entry = || match alias {
                    None => format!("hints[{i}].term"),
                    Some(j) => format!("hints[{i}].aliases[{j}]"),
                };
                let key = normalize(word);
                if key.is_empty() {
                    self.problem(entry(), "empty hint term or alias".into(), None);
                } else if let Some(&tag) = tag_lookup.get(&key) {
                    self.problem(
                        entry(),
                        format!("hint {word:?} is already a tag name or alias"),
                        Some(format!(
                            "it names {:?}; a word is either a tag or a hint",
                            raw_tags[tag].name
                        )),
                    );
                } else {
                    match hint_lookup.get(&key) {
                        Some(&other) if other == i => {}
                        Some(&other) => self.problem(
                            entry(),
                            format!("hint {word:?} is listed twice"),
                            Some(format!(
                                "it already names the hint {:?}",
                                raw_hints[other].term
                            )),
                        ),
                        None => {
                            hint_lookup.insert(key, i);
                        }
                    }
                }
            }
            if raw_hint.tags.is_empty() {
                self.problem(
                    format!("hints[{i}].tags"),
                    "a hint needs at least one related tag".into(),
                    None,
                );
            }
            let mut related = Vec::with_capacity(raw_hint.tags.len());
            for (j, name) in raw_hint.tags.iter().enumerate() {
                match with_normalized(name, |name| by_name.get(name).copied()) {
                    Some(t) if related.contains(&t) => self.problem(
                        format!("hints[{i}].tags[{j}]"),
                        format!("tag {name:?} is listed twice"),
                        None,
                    ),
                    Some(t) => related.push(t),
                    None => self.unknown(format!("hints[{i}].tags[{j}]"), "tag", name, &tag_names),
                }
            }
            hints.push(Hint {
                term: raw_hint.term.clone(),
                aliases: raw_hint.aliases.clone(),
                tags: related,
            });
        }
        (hints, hint_lookup)
    }

    fn unknown(&mut self, entry: String, kind: &str, name: &str, known: &[&str]) {
        if self.full() {
            return;
        }
        let pairs = known.iter().map(|k| (*k, *k));
        let hint = did_you_mean(&closest(name, pairs, 3));
        self.problem(entry, format!("unknown {kind} {name:?}"), hint);
    }
}
