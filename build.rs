//! Prepares the built-in catalog at build time: `roles.yaml` read, every
//! name resolved to its index and every lookup key normalised, written out
//! as Rust data the binary turns into a `Catalog` without parsing or
//! validating anything (start-up is most of the time it takes to score one
//! answer file). `roles.yaml` stays the source; a test checks that the
//! prepared catalog equals the one loading `roles.yaml` gives.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

/// The crate's name rule alone, so keys are normalised exactly as at run
/// time. That file must stay free of `crate::` paths.
#[allow(dead_code)]
#[path = "src/matching/normalize.rs"]
mod matching;

fn main() {
    println!("cargo::rerun-if-changed=roles.yaml");
    println!("cargo::rerun-if-changed=src/matching/normalize.rs");
    // A position-dependent binary needs none of the loader's ~4,000
    // relative relocations at every start (and the table scoring of one
    // file is mostly start-up).
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
    let yaml = std::fs::read_to_string("roles.yaml").expect("roles.yaml is readable");
    // A catalog that does not resolve is left to the run-time loader,
    // which reports each problem with its line.
    let prepared = serde_yaml::from_str(&yaml)
        .ok()
        .and_then(|catalog| prepare(&catalog))
        .map_or_else(|| "None".to_string(), |rust| format!("Some({rust})"));
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("builtin_catalog.rs"), prepared)
        .expect("OUT_DIR is writable");
}

fn list<'v>(catalog: &'v Value, section: &str) -> Option<&'v Vec<Value>> {
    match catalog.get(section) {
        None => Some(const { &Vec::new() }),
        Some(value) => value.as_array(),
    }
}

fn text<'v>(item: &'v Value, field: &str) -> Option<&'v str> {
    item.get(field)?.as_str()
}

/// An optional list of strings: absent is empty.
fn texts<'v>(item: &'v Value, field: &str) -> Option<Vec<&'v str>> {
    match item.get(field) {
        None => Some(Vec::new()),
        Some(value) => value.as_array()?.iter().map(Value::as_str).collect(),
    }
}

fn position(ids: &[&str], id: &str) -> Option<usize> {
    ids.iter().position(|known| *known == id)
}

/// Normalised key → index, the first of equal keys kept (as at run time).
fn lookup<'a>(keys: impl Iterator<Item = (&'a str, usize)>) -> Vec<(String, usize)> {
    let mut lookup: Vec<(String, usize)> = Vec::new();
    for (name, index) in keys {
        let key = matching::normalize(name);
        if !lookup.iter().any(|(known, _)| *known == key) {
            lookup.push((key, index));
        }
    }
    lookup
}

/// A field of the generated `Prepared`: `name: &value,` (a list
/// printed by `{:?}` is a Rust array, and `&` makes it a slice).
fn field(out: &mut String, name: &str, value: &dyn std::fmt::Debug) {
    writeln!(out, "    {name}: &{value:?},").expect("a String takes any text");
}

/// A list of Rust struct expressions as a slice field.
fn items(out: &mut String, name: &str, items: &[String]) {
    writeln!(
        out,
        "    {name}: &[\n        {}\n    ],",
        items.join(",\n        ")
    )
    .expect("a String takes any text");
}

/// The catalog as a Rust expression of `Prepared` (src/catalog/builtin.rs),
/// or None when a name does not resolve.
fn prepare(catalog: &Value) -> Option<String> {
    let ids = |section: &str| -> Option<Vec<&str>> {
        list(catalog, section)?
            .iter()
            .map(|item| text(item, "id"))
            .collect()
    };
    let (family_ids, axis_ids, path_ids) = (ids("families")?, ids("axes")?, ids("paths")?);
    let raw_tags = list(catalog, "tags")?;
    let tag_names: Vec<&str> = raw_tags
        .iter()
        .map(|t| text(t, "name"))
        .collect::<Option<_>>()?;
    // Roles and hints name tags by their canonical name, not an alias.
    let by_name = lookup(tag_names.iter().copied().zip(0..));
    let tag_of = |name: &str| {
        let key = matching::normalize(name);
        by_name
            .iter()
            .find(|(known, _)| *known == key)
            .map(|&(_, t)| t)
    };
    let tags_of = |item: &Value| -> Option<Vec<usize>> {
        texts(item, "tags")?.into_iter().map(tag_of).collect()
    };

    let mut tag_roles: Vec<Vec<usize>> = vec![Vec::new(); raw_tags.len()];
    let mut roles = Vec::new();
    let mut by_id: Vec<(&str, usize)> = Vec::new();
    for (i, role) in list(catalog, "roles")?.iter().enumerate() {
        let profile = role.get("profile")?;
        let tags = tags_of(role)?;
        for &t in &tags {
            tag_roles[t].push(i);
        }
        let targets: Vec<f64> = axis_ids
            .iter()
            .map(|axis| profile.get("axes")?.get(axis)?.as_f64())
            .collect::<Option<_>>()?;
        let behaviors: Vec<&str> = ["trust", "clarity", "accountability", "shared_results"]
            .into_iter()
            .map(|b| text(profile.get("behaviors")?, b))
            .collect::<Option<_>>()?;
        by_id.push((text(role, "id")?, i));
        roles.push(format!(
            "PreparedRole {{ id: {:?}, name: {:?}, family: {}, summary: {:?}, detail: {:?}, \
             tags: &{tags:?}, targets: &{targets:?}, behaviors: {behaviors:?}, \
             follows_technical_work: {} }}",
            text(role, "id")?,
            text(role, "name")?,
            position(&family_ids, text(role, "family")?)?,
            text(role, "summary")?,
            text(role, "detail")?,
            role.get("follows_technical_work")
                .map_or(Some(false), Value::as_bool)?,
        ));
    }
    by_id.sort();
    let mut id_order = vec![0u32; by_id.len()];
    for (place, &(_, role)) in by_id.iter().enumerate() {
        id_order[role] = u32::try_from(place).ok()?;
    }

    let mut tags = Vec::new();
    let mut tag_keys = Vec::new();
    for (i, tag) in raw_tags.iter().enumerate() {
        let aliases = texts(tag, "aliases")?;
        tag_keys.extend(
            std::iter::once(tag_names[i])
                .chain(aliases.iter().copied())
                .map(|n| (n, i)),
        );
        let description = match tag.get("description") {
            None => "",
            Some(value) => value.as_str()?.trim(),
        };
        tags.push(format!(
            "PreparedTag {{ name: {:?}, description: {description:?}, aliases: &{aliases:?}, \
             roles: &{:?} }}",
            tag_names[i], tag_roles[i]
        ));
    }
    let mut hints = Vec::new();
    let mut hint_keys = Vec::new();
    for (i, hint) in list(catalog, "hints")?.iter().enumerate() {
        let (term, aliases) = (text(hint, "term")?, texts(hint, "aliases")?);
        hint_keys.extend(
            std::iter::once(term)
                .chain(aliases.iter().copied())
                .map(|w| (w, i)),
        );
        hints.push(format!(
            "PreparedHint {{ term: {term:?}, aliases: &{aliases:?}, tags: &{:?} }}",
            tags_of(hint)?
        ));
    }
    let mut questions = Vec::new();
    for question in list(catalog, "questions")? {
        let reverse = question
            .get("reverse")
            .map_or(Some(false), Value::as_bool)?;
        questions.push((
            text(question, "id")?,
            position(&axis_ids, text(question, "axis")?)?,
            text(question, "text")?,
            reverse,
        ));
    }
    let strings = |section: &str, fields: &[&str]| -> Option<Vec<Vec<&str>>> {
        let each = |item| {
            fields
                .iter()
                .map(|f| text(item, f))
                .collect::<Option<Vec<_>>>()
        };
        list(catalog, section)?.iter().map(each).collect()
    };
    let mut paths = Vec::new();
    for (path, texts) in list(catalog, "paths")?
        .iter()
        .zip(strings("paths", &["id", "name", "description"])?)
    {
        let weights = ["competency", "growth", "work_style"].map(|w| {
            path.get("weights")
                .and_then(|all| all.get(w))
                .map(Value::as_f64)
        });
        if weights.iter().any(|w| w == &Some(None)) {
            return None;
        }
        paths.push((texts, weights.map(Option::flatten)));
    }
    let keys =
        |ids: &[&str]| -> Vec<String> { ids.iter().map(|id| matching::normalize(id)).collect() };

    let mut out = String::from("Prepared {\n");
    writeln!(out, "    version: {},", catalog.get("version")?.as_u64()?).ok()?;
    field(
        &mut out,
        "families",
        &strings("families", &["id", "name", "description"])?,
    );
    field(
        &mut out,
        "axes",
        &strings("axes", &["id", "name", "low", "high"])?,
    );
    field(&mut out, "questions", &questions);
    field(&mut out, "paths", &paths);
    items(&mut out, "tags", &tags);
    items(&mut out, "hints", &hints);
    items(&mut out, "roles", &roles);
    field(&mut out, "tag_lookup", &lookup(tag_keys.into_iter()));
    field(&mut out, "hint_lookup", &lookup(hint_keys.into_iter()));
    let question_ids: Vec<&str> = questions.iter().map(|q| q.0).collect();
    field(
        &mut out,
        "question_lookup",
        &lookup(question_ids.into_iter().zip(0..)),
    );
    field(&mut out, "id_order", &id_order);
    field(&mut out, "family_keys", &keys(&family_ids));
    field(&mut out, "path_keys", &keys(&path_ids));
    field(&mut out, "axis_keys", &keys(&axis_ids));
    out.push('}');
    Some(out)
}
