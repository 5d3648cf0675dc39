//! What every flow test builds on: the catalog, a path by id, scripted
//! replies, presets, and running a script to its end.

use crate::catalog::Catalog;
use crate::error::Result;
use crate::interview::fake::{Reply, Scripted};
use crate::interview::flow::{Outcome, Preset, run};

pub(super) fn catalog() -> Catalog {
    Catalog::builtin().expect("the built-in catalog is valid")
}

pub(super) fn path(catalog: &Catalog, id: &str) -> usize {
    catalog.path_index(id).expect("a built-in path")
}

pub(super) fn likerts(answers: &[u8]) -> Vec<Reply> {
    answers.iter().map(|&a| Reply::Likert(a)).collect()
}

/// Answers 1 2 3 4 5 1 2 … to the fifteen work-style items.
pub(super) fn varied(n: usize) -> Vec<Reply> {
    likerts(&(0..n).map(|i| (i % 5) as u8 + 1).collect::<Vec<_>>())
}

pub(super) fn all_families(catalog: &Catalog) -> Reply {
    Reply::Picks((0..catalog.families.len()).collect())
}

/// No role aimed for: the first item of the target question.
pub(super) fn no_target() -> Reply {
    Reply::Pick(0)
}

/// No name given.
pub(super) fn no_name() -> Reply {
    Reply::Text(String::new())
}

pub(super) fn preset(path: Option<usize>, families: Option<Vec<usize>>) -> Preset {
    Preset {
        path,
        families,
        earlier: None,
    }
}

pub(super) fn run_script(
    catalog: &Catalog,
    preset: &Preset,
    replies: Vec<Reply>,
) -> (Result<Outcome>, Scripted) {
    let mut prompter = Scripted::new(replies);
    let outcome = run(catalog, preset, &mut prompter);
    assert!(
        prompter.replies.is_empty(),
        "the script was not used up: {:?}",
        prompter.replies
    );
    (outcome, prompter)
}

/// The tags offered when `family` alone is considered: those of any of its
/// roles, in catalog order.
pub(super) fn tags_of(catalog: &Catalog, family: usize) -> Vec<usize> {
    (0..catalog.tags.len())
        .filter(|&t| {
            catalog.tags[t]
                .roles
                .iter()
                .any(|&r| catalog.roles[r].family == family)
        })
        .collect()
}

/// A tag offered only by roles of `family`.
pub(super) fn tag_only_in(catalog: &Catalog, family: &str) -> usize {
    let family = catalog.family_index(family).unwrap();
    (0..catalog.tags.len())
        .find(|&t| {
            !catalog.tags[t].roles.is_empty()
                && catalog.tags[t]
                    .roles
                    .iter()
                    .all(|&r| catalog.roles[r].family == family)
        })
        .expect("a tag of that family alone")
}
