//! The layout of `src/`: no two files use each other, and every file
//! starts with the `//!` line that says what it is.
//!
//! The files are the library's modules, found from `lib.rs` through its
//! `mod x;` declarations (`x.rs` or `x/mod.rs`). Test code is left out: a
//! module declared under `#[cfg(test)]` and any item under it, such as
//! `mod tests { … }`. A file uses another when it names a path into it:
//! `crate::a::b`, `super::x`, `self::x`, a child module `x::…` and
//! `use` groups `crate::{a, b::c}`; a path ends at the deepest module with
//! a file, so an item, or a name re-exported by a `mod.rs`, resolves to
//! the file that names it. A `mod x;` declaration is not a use: it only
//! says where the file is. `main.rs` is the binary's own crate.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::common::MANIFEST;

/// Pairs that use each other and involve a file another change is
/// editing, left for after it is merged.
const KNOWN: &[(&str, &str)] = &[];

type Module = Vec<String>;

/// Each module of the library with its file and its text, test code left out.
fn modules() -> HashMap<Module, (PathBuf, String)> {
    let mut found = HashMap::new();
    let mut todo = vec![(Module::new(), PathBuf::from("src/lib.rs"))];
    while let Some((module, file)) = todo.pop() {
        let text = std::fs::read_to_string(Path::new(MANIFEST).join(&file)).unwrap();
        let (code, children) = without_tests(&text);
        let dir = if module.is_empty() || file.ends_with("mod.rs") {
            file.parent().unwrap().to_path_buf()
        } else {
            file.with_extension("")
        };
        for child in children {
            let flat = dir.join(format!("{child}.rs"));
            let nested = dir.join(&child).join("mod.rs");
            let path = if Path::new(MANIFEST).join(&flat).exists() {
                flat
            } else {
                nested
            };
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
        let line = &if inline {
            line.replace("super::", "self::")
        } else {
            line.to_string()
        };
        if let Some(block) = skip {
            // A test item: one line, or a block up to its closing brace.
            let open = block || trimmed.ends_with('{');
            skip = (open && !line.starts_with('}')).then_some(true);
        } else if trimmed == "#[cfg(test)]" {
            skip = Some(false);
        } else if !trimmed.starts_with("//") {
            let decl = trimmed
                .strip_prefix("pub ")
                .or(trimmed.strip_prefix("pub(crate) "));
            match decl
                .unwrap_or(trimmed)
                .strip_prefix("mod ")
                .and_then(|m| m.strip_suffix(';'))
            {
                Some(name) => children.push(name.to_string()),
                None => code.extend([line, "\n"]),
            }
        }
    }
    (code, children)
}

fn tokens(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(c) = rest.chars().next() {
        let len = if c.is_alphanumeric() || c == '_' {
            rest.find(|c: char| !c.is_alphanumeric() && c != '_')
                .unwrap_or(rest.len())
        } else if rest.starts_with("::") {
            2
        } else {
            c.len_utf8()
        };
        if !c.is_whitespace() {
            out.push(&rest[..len]);
        }
        rest = &rest[len..];
    }
    out
}

/// The paths of a `use` tree or path starting at `at`, each with `prefix`.
fn paths(t: &[&str], mut at: usize, mut prefix: Module, out: &mut Vec<Module>) -> usize {
    while at < t.len() && t[at].starts_with(|c: char| c.is_alphanumeric() || c == '_') {
        prefix.push(t[at].to_string());
        at += 1;
        if t.get(at) != Some(&"::") {
            break;
        }
        at += 1;
        if t.get(at) == Some(&"{") {
            at += 1;
            while at < t.len() && t[at] != "}" {
                at = paths(t, at, prefix.clone(), out);
                at += usize::from(t.get(at) == Some(&","));
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
        let t = tokens(code);
        let (mut found, mut at) = (Vec::new(), 0);
        while at < t.len() {
            let child = modules.contains_key(&[module.clone(), vec![t[at].to_string()]].concat());
            let start = ["crate", "super", "self"].contains(&t[at]) || child;
            if start && t.get(at + 1) == Some(&"::") && (at == 0 || t[at - 1] != "::") {
                at = paths(&t, at, Module::new(), &mut found);
            } else {
                at += 1;
            }
        }
        for path in found {
            let mut at = if path[0] == "crate" {
                Module::new()
            } else {
                module.clone()
            };
            for segment in &path {
                match segment.as_str() {
                    "crate" | "self" => {}
                    "super" => drop(at.pop()),
                    name if modules.contains_key(&[at.clone(), vec![name.into()]].concat()) => {
                        at.push(name.into())
                    }
                    _ => break,
                }
            }
            uses.insert((file.clone(), modules[&at].0.clone()));
        }
    }
    let name = |p: &Path| p.display().to_string();
    let mut pairs = Vec::new();
    for (a, b) in &uses {
        if a < b && uses.contains(&(b.clone(), a.clone())) {
            let pair = (name(a), name(b));
            if !KNOWN.contains(&(pair.0.as_str(), pair.1.as_str())) {
                pairs.push(format!("{} and {}", pair.0, pair.1));
            }
        }
    }
    assert!(
        pairs.is_empty(),
        "files that use each other:\n{}",
        pairs.join("\n")
    );
}
