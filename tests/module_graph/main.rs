//! How the modules of `src/` depend on each other: no cycle among the
//! top-level modules (each one's uses point only downwards, so the lower
//! layers can be read and reused alone), and inside a module no child and
//! parent that use each other (the parent gathers its parts, each part
//! using only those before it).

mod source;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use source::{Source, children_of, read_all};

#[test]
fn the_modules_of_src_form_no_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let top = children_of(&src, &[]);
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for source in read_all(&src) {
        let Some(module) = source.module.first() else {
            continue;
        };
        for path in &source.paths {
            if path[0] != *module && top.contains(&path[0]) {
                edges
                    .entry(module.clone())
                    .or_default()
                    .insert(path[0].clone());
            }
        }
    }
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

/// Module directories (relative to `src/`, each with those under it) known
/// to still have a child and its parent using each other. Empty it entry by
/// entry as each is split; `allowed_two_way_modules_still_have_it` fails
/// on an entry that no longer needs to be here.
const ALLOWED_TWO_WAY: &[&str] = &[];

/// Every child of each module directory in `dirs` (relative to `src/`) and
/// its parent that lean on each other: the child names an item of the
/// parent's own (or all of them, `super::*`), and the parent names an item
/// of the child or calls methods the child adds to the parent's types.
/// One line per pair, saying what each side uses.
fn two_way_parent_child(src: &Path, sources: &[Source], dirs: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for dir in dirs {
        let parent: Vec<String> = dir
            .split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let children = children_of(src, &parent);
        let parent_file = sources.iter().find(|s| s.module == parent);
        for child in &children {
            let child_sources: Vec<&Source> = sources
                .iter()
                .filter(|s| s.module.len() > parent.len() && s.module.starts_with(&parent))
                .filter(|s| &s.module[parent.len()] == child)
                .collect();
            let parent_items: BTreeSet<&String> = child_sources
                .iter()
                .flat_map(|s| &s.paths)
                .filter(|p| p.len() > parent.len() && p.starts_with(&parent))
                .map(|p| &p[parent.len()])
                .filter(|item| !children.contains(*item))
                .collect();
            if parent_items.is_empty() {
                continue;
            }
            let mut child_items: BTreeSet<String> = parent_file
                .into_iter()
                .flat_map(|s| &s.paths)
                .filter(|p| p.len() > parent.len() + 1 && p.starts_with(&parent))
                .filter(|p| &p[parent.len()] == child)
                .map(|p| p[parent.len() + 1..].join("::"))
                .collect();
            // Methods a child adds to its parent's types are the parent's
            // to call, whether or not its own file calls them yet.
            let glob = parent_items.contains(&"*".to_string());
            let implemented = child_sources.iter().flat_map(|s| &s.implemented);
            for item in implemented {
                let of_parent = parent_items.contains(item)
                    || (glob && parent_file.is_some_and(|p| p.defined.contains(item)));
                if of_parent {
                    child_items.insert(format!("methods on {item}"));
                }
            }
            if !child_items.is_empty() {
                let name = |m: &[String]| {
                    if m.is_empty() {
                        "crate".to_string()
                    } else {
                        m.join("::")
                    }
                };
                found.push(format!(
                    "{}: the child `{child}` uses the parent's {parent_items:?}, and the parent uses the child's {child_items:?}",
                    name(&parent)
                ));
            }
        }
    }
    found
}

/// Every module directory of `src/` (`""` is the crate root).
fn module_dirs(src: &Path) -> Vec<String> {
    fn walk(dir: &Path, src: &Path, dirs: &mut Vec<String>) {
        let relative = dir
            .strip_prefix(src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        dirs.push(relative);
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, src, dirs);
            }
        }
    }
    let mut dirs = Vec::new();
    walk(src, src, &mut dirs);
    dirs.sort();
    dirs
}

/// Whether directory `dir` is `module`'s or one under it.
fn within(dir: &str, module: &str) -> bool {
    dir == module || dir.starts_with(&format!("{module}/"))
}

/// Checked over every module directory of `src/` but those allowed above.
#[test]
fn no_child_and_parent_use_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let dirs = module_dirs(&src);
    assert!(dirs.iter().any(|d| d == "interview/flow"), "{dirs:?}");
    let checked: Vec<&str> = dirs
        .iter()
        .map(String::as_str)
        .filter(|d| !ALLOWED_TWO_WAY.iter().any(|a| within(d, a)))
        .collect();
    let found = two_way_parent_child(&src, &read_all(&src), &checked);
    assert!(
        found.is_empty(),
        "a child and its parent use each other; let the parent only gather its \
         parts, each part using only those before it:\n{}",
        found.join("\n")
    );
}

#[test]
fn allowed_two_way_modules_still_have_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let dirs = module_dirs(&src);
    let sources = read_all(&src);
    for allowed in ALLOWED_TWO_WAY {
        let under: Vec<&str> = dirs
            .iter()
            .map(String::as_str)
            .filter(|d| within(d, allowed))
            .collect();
        assert!(
            !two_way_parent_child(&src, &sources, &under).is_empty(),
            "src/{allowed} no longer has a child and parent using each other: \
             take it out of ALLOWED_TWO_WAY"
        );
    }
}
