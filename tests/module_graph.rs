//! The modules of `src/` form no cycle: each top-level module's `crate::`
//! uses point only downwards, so the lower layers can be read and reused
//! alone.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn uses_of(dir: &Path, edges: &mut BTreeMap<String, BTreeSet<String>>, root: &Path) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            uses_of(&path, edges, root);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(root).unwrap();
        let first = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (at, _) in text.match_indices("crate::") {
            let used: String = text[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !used.is_empty() && used != module {
                edges.entry(module.clone()).or_default().insert(used);
            }
        }
    }
}

#[test]
fn the_modules_of_src_form_no_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut edges = BTreeMap::new();
    uses_of(&root, &mut edges, &root);
    assert!(edges.len() > 10, "read the modules: {edges:?}");
    // Depth-first search; a module met again while on the path closes a cycle.
    fn visit(
        module: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if let Some(at) = path.iter().position(|m| m == module) {
            panic!("cycle: {}", path[at..].join(" → ") + " → " + module);
        }
        if !done.insert(module.to_string()) {
            return;
        }
        path.push(module.to_string());
        for used in edges.get(module).into_iter().flatten() {
            visit(used, edges, path, done);
        }
        path.pop();
    }
    let mut done = BTreeSet::new();
    for module in edges.keys() {
        visit(module, &edges, &mut Vec::new(), &mut done);
    }
}
