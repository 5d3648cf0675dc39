//! The layout of `src/`: no two files use each other, and every file
//! starts with the `//!` line that says what it is.
//!
//! The library's files are found from `lib.rs` through its `mod x;`
//! declarations (`x.rs` or `x/mod.rs`); test code (a module or item under
//! `#[cfg(test)]`) is left out. A file uses another when it names a path
//! into it (`crate::a::b`, `super::x`, `self::x`, a child `x::…`, groups
//! `crate::{a, b::c}`): a path ends at the deepest module with a file, so an
//! item, also one a `mod.rs` re-exports, belongs to the file that names it.
//! `mod x;` only says where a file is, so it is not a use.

use std::collections::{BTreeSet, HashMap};
use std::fs::read_to_string;
use std::path::{Path, PathBuf};

use crate::common::MANIFEST;

type Module = Vec<String>;

/// Each module of the library with its file and its code.
fn modules() -> HashMap<Module, (PathBuf, String)> {
    let (mut found, mut todo) = (
        HashMap::new(),
        vec![(Module::new(), PathBuf::from("src/lib.rs"))],
    );
    while let Some((module, file)) = todo.pop() {
        let (code, children) =
            without_tests(&read_to_string(Path::new(MANIFEST).join(&file)).unwrap());
        let folder = module.is_empty() || file.ends_with("mod.rs");
        let dir = file.with_file_name(if folder { "" } else { module.last().unwrap() });
        for child in children {
            let (flat, nested) = (
                dir.join(format!("{child}.rs")),
                dir.join(&child).join("mod.rs"),
            );
            let found = Path::new(MANIFEST).join(&flat).exists();
            let path = if found { flat } else { nested };
            todo.push(([module.clone(), vec![child]].concat(), path));
        }
        found.insert(module, (file, code));
    }
    found
}

/// The code without comments and `#[cfg(test)]` items (rustfmt puts a
/// block's closing brace in column 0), and the modules it declares. In an
/// inline `mod x { … }`, `super::` is the file's own module.
fn without_tests(text: &str) -> (String, Vec<String>) {
    let (mut code, mut children, mut skip, mut inline) = (String::new(), vec![], None, false);
    for line in text.lines() {
        let trimmed = line.trim();
        inline = (inline || trimmed.contains("mod ") && trimmed.ends_with('{'))
            && !line.starts_with('}');
        let line = line.replace("super::", if inline { "self::" } else { "super::" });
        let declared = (trimmed
            .rsplit_once("mod ")
            .filter(|(vis, _)| vis.is_empty() || vis.starts_with("pub")))
        .and_then(|(_, name)| name.strip_suffix(';'));
        if let Some(block) = skip {
            // A test item: one line, or a block up to its closing brace.
            skip = ((block || trimmed.ends_with('{')) && !line.starts_with('}')).then_some(true);
        } else if trimmed == "#[cfg(test)]" {
            skip = Some(false);
        } else if let Some(name) = declared {
            children.push(name.to_string());
        } else if !trimmed.starts_with("//") {
            code.extend([line.as_str(), "\n"]);
        }
    }
    (code, children)
}

/// Words, `::` and single marks (`{`, `,`, `*`, `<`, …).
fn tokens(code: &str) -> Vec<String> {
    let spaced = code
        .replace("::", "\u{1}")
        .chars()
        .fold(String::new(), |mut s, c| {
            match c {
                '\u{1}' => s.push_str(" :: "),
                c if c.is_alphanumeric() || c == '_' => s.push(c),
                c => s.extend([' ', c, ' ']),
            }
            s
        });
    spaced.split_whitespace().map(String::from).collect()
}

/// The paths of a `use` tree or path starting at `at`, each with `prefix`.
fn paths(t: &[String], mut at: usize, mut prefix: Module, out: &mut Vec<Module>) -> usize {
    while t
        .get(at)
        .is_some_and(|w| w.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
    {
        prefix.push(t[at].clone());
        if t.get(at + 1).is_none_or(|n| n != "::") {
            out.push(prefix);
            return at + 1;
        }
        at += 2;
        if t.get(at).is_some_and(|n| n == "{") {
            at += 1;
            while at < t.len() && t[at] != "}" {
                at = paths(t, at, prefix.clone(), out);
                at += usize::from(t.get(at).is_some_and(|n| n == ","));
            }
            return at + 1;
        }
    }
    out.push(prefix);
    at
}

#[test]
fn no_two_files_use_each_other() {
    let modules = modules();
    let mut uses = BTreeSet::new();
    for (module, (file, code)) in &modules {
        let (t, mut found, mut at) = (tokens(code), vec![], 0);
        while at < t.len() {
            let child = modules.contains_key(&[module.clone(), vec![t[at].clone()]].concat());
            let start = ["crate", "super", "self"].contains(&t[at].as_str()) || child;
            let next = t.get(at + 1).is_some_and(|n| n == "::");
            if start && next && (at == 0 || t[at - 1] != "::") {
                at = paths(&t, at, vec![], &mut found);
            } else {
                at += 1;
            }
        }
        for path in found {
            let from_root = path[0] == "crate";
            let mut at = if from_root { vec![] } else { module.clone() };
            for segment in path {
                match segment.as_str() {
                    "crate" | "self" => {}
                    "super" => drop(at.pop()),
                    _ if modules.contains_key(&[at.clone(), vec![segment.clone()]].concat()) => {
                        at.push(segment)
                    }
                    _ => break,
                }
            }
            uses.insert((file.clone(), modules[&at].0.clone()));
        }
    }
    let pairs: Vec<String> = (uses.iter())
        .filter(|(a, b)| a < b && uses.contains(&(b.clone(), a.clone())))
        .map(|(a, b)| format!("{} and {}\n", a.display(), b.display()))
        .collect();
    assert!(
        pairs.is_empty(),
        "files that use each other:\n{}",
        pairs.concat()
    );
}

/// Every file of `src/`, tests too, starts with the line that says what it is.
#[test]
fn every_file_starts_with_what_it_is() {
    let (mut todo, mut missing) = (vec![Path::new(MANIFEST).join("src")], String::new());
    while let Some(dir) = todo.pop() {
        for path in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
            if path.is_dir() {
                todo.push(path);
            } else if !read_to_string(&path).unwrap().starts_with("//! ") {
                missing += &format!("{}\n", path.display());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "files without a first `//!` line:\n{missing}"
    );
}
