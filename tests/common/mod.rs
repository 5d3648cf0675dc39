//! Helpers shared by the test crates: the binary as tests run it, and
//! generated answers. Each test crate uses a part of this.
#![allow(dead_code)]

use assert_cmd::Command;
use proptest::prelude::*;
use serde_json::Value;

use rolefit::answers::Respondent;
use rolefit::catalog::Catalog;

pub const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

/// The binary, run from the repository root with no custom catalog and no
/// colour settings inherited from whoever runs the tests.
pub fn rolefit() -> Command {
    let mut cmd = Command::cargo_bin("rolefit").unwrap();
    cmd.current_dir(MANIFEST)
        .env_remove("ROLEFIT_ROLES")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// Runs `cmd`, expects exit code 0, returns stdout.
pub fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "exit {:?}: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

pub fn json_of(cmd: &mut Command) -> Value {
    serde_json::from_str(&stdout_of(cmd)).expect("one JSON document")
}

/// A resolved respondent as `answers::resolve` would build it for
/// `catalog`: strengths and goals sorted and unique, no strengths on a path
/// of work style alone, no work style on a path without it, at least one
/// axis where work style is all there is. Axis answers come from `axis`.
pub fn respondent_with(
    catalog: &'static Catalog,
    axis: impl Strategy<Value = f64> + Clone,
) -> impl Strategy<Value = Respondent> {
    let tags = catalog.tags.len();
    (
        0..catalog.paths.len(),
        prop::collection::btree_map(0..tags, 1u8..=5, 0..8),
        prop::collection::btree_set(0..tags, 0..4),
        prop::collection::vec(prop::option::of(axis), catalog.axes.len()),
        prop::collection::btree_set(0..catalog.families.len(), 0..3),
    )
        .prop_map(move |(path, strengths, goals, mut work_style, families)| {
            let def = &catalog.paths[path];
            let competency = def.assesses_competency();
            if !def.assesses_work_style() {
                work_style.iter_mut().for_each(|v| *v = None);
            } else if !competency && work_style.iter().all(Option::is_none) {
                work_style[0] = Some(3.0);
            }
            let (strengths, goals) = if competency {
                (strengths.into_iter().collect(), goals.into_iter().collect())
            } else {
                (Vec::new(), Vec::new())
            };
            Respondent {
                id: "someone".into(),
                source: "generated.yaml".into(),
                path,
                strengths,
                goals,
                work_style,
                families: families.into_iter().collect(),
                warnings: Vec::new(),
            }
        })
}
