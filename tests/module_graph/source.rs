//! Reading a file of `src/` for the module tests: the paths it names,
//! made absolute, and the types it defines and gives methods to.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A file of `src/` with what it names in the crate, and the types it
/// defines and adds methods to.
pub struct Source {
    /// The module the file is, e.g. `["interview", "flow", "outcome"]`.
    pub module: Vec<String>,
    /// Every path named into a module of the crate (`crate::…`, `super::…`,
    /// `self::…`, or starting at a child module), as absolute segments:
    /// `super::state::State` in `flow/run.rs` is
    /// `["interview", "flow", "state", "State"]`.
    pub paths: Vec<Vec<String>>,
    /// The types given methods here (`impl T`, `impl Trait for T`).
    pub implemented: BTreeSet<String>,
    /// The types defined here.
    pub defined: BTreeSet<String>,
}

/// The text with comments, strings and character literals blanked out, so
/// that prose and messages name no module and their braces do not count.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |out: &mut String, from: &[char]| {
        out.extend(from.iter().map(|&c| if c == '\n' { '\n' } else { ' ' }));
    };
    while i < chars.len() {
        let rest = &chars[i..];
        let end = if rest.starts_with(&['/', '/']) {
            rest.iter().position(|&c| c == '\n').unwrap_or(rest.len())
        } else if rest.starts_with(&['/', '*']) {
            (2..rest.len())
                .find(|&j| rest[j - 1] == '*' && rest[j] == '/')
                .map_or(rest.len(), |j| j + 1)
        } else if rest[0] == 'r' && matches!(rest.get(1), Some('#' | '"')) {
            let hashes = rest[1..].iter().take_while(|&&c| c == '#').count();
            if rest.get(1 + hashes) != Some(&'"') {
                0
            } else {
                let close: Vec<char> = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                (2 + hashes..rest.len())
                    .find(|&j| rest[j..].starts_with(&close))
                    .map_or(rest.len(), |j| j + close.len())
            }
        } else if rest[0] == '"' {
            let mut j = 1;
            while j < rest.len() && rest[j] != '"' {
                j += if rest[j] == '\\' { 2 } else { 1 };
            }
            (j + 1).min(rest.len())
        } else if rest[0] == '\'' && rest.get(1) == Some(&'\\') {
            (2..rest.len())
                .find(|&j| rest[j] == '\'')
                .map_or(rest.len(), |j| j + 1)
        } else if rest[0] == '\'' && rest.get(2) == Some(&'\'') {
            3
        } else {
            0
        };
        if end == 0 {
            out.push(chars[i]);
            i += 1;
        } else {
            blank(&mut out, &rest[..end]);
            i += end;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The child module names of `module` (a directory under `src/`).
pub fn children_of(src: &Path, module: &[String]) -> BTreeSet<String> {
    let dir = module.iter().fold(src.to_path_buf(), |d, m| d.join(m));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return BTreeSet::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            if p.is_dir() {
                Some(name)
            } else {
                let stem = name.strip_suffix(".rs")?;
                (!matches!(stem, "mod" | "lib" | "main")).then(|| stem.to_string())
            }
        })
        .collect()
}

/// Reads one file: the module it is, and the paths it names made absolute.
fn read_source(src: &Path, file: &Path) -> Source {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut module: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
        module.pop();
    }
    let children = children_of(src, &module);
    let code: Vec<char> = code_only(&std::fs::read_to_string(file).unwrap())
        .chars()
        .collect();
    let mut source = Source {
        module: module.clone(),
        paths: Vec::new(),
        implemented: BTreeSet::new(),
        defined: BTreeSet::new(),
    };
    // Inline modules (`mod tests { … }`) open at a brace depth; `super::`
    // inside one first leaves it.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut pending_inline: Option<String> = None;
    let mut depth = 0;
    let mut i = 0;
    while i < code.len() {
        let c = code[i];
        if c == '{' {
            depth += 1;
            if let Some(name) = pending_inline.take() {
                inline.push((name, depth));
            }
        } else if c == '}' {
            if inline.last().is_some_and(|&(_, d)| d == depth) {
                inline.pop();
            }
            depth -= 1;
        } else if c == ';' {
            pending_inline = None;
        }
        let starts_path = is_ident(c)
            && !c.is_ascii_digit()
            && (i == 0 || !(is_ident(code[i - 1]) || code[i - 1] == ':'));
        if !starts_path {
            i += 1;
            continue;
        }
        let (segments, groups, end) = read_path(&code, i);
        if segments.len() == 1 && segments[0] == "mod" {
            let (name, _, after) = read_path(&code, skip_spaces(&code, end));
            pending_inline = name.first().cloned();
            i = after;
            continue;
        }
        if segments.len() == 1 && segments[0] == "impl" {
            let header_end = (end..code.len()).find(|&j| code[j] == '{' || code[j] == ';');
            let header: String = code[end..header_end.unwrap_or(code.len())].iter().collect();
            source.implemented.insert(self_type(&header));
        }
        if segments.len() == 1
            && matches!(segments[0].as_str(), "struct" | "enum" | "trait" | "type")
        {
            let (name, _, _) = read_path(&code, skip_spaces(&code, end));
            source.defined.extend(name.first().cloned());
        }
        if segments.len() < 2 && groups.is_empty() {
            i = end;
            continue;
        }
        let here: Vec<String> = module
            .iter()
            .cloned()
            .chain(inline.iter().map(|(n, _)| n.clone()))
            .collect();
        let at_file_level = inline.is_empty();
        for path in groups_expanded(&segments, &groups) {
            if let Some(absolute) = absolute(&path, &here, at_file_level, &children) {
                source.paths.push(absolute);
            }
        }
        i = end;
    }
    source
}

/// The type an `impl` header gives methods to: `State` in
/// `impl<'c> State<'c>`, `Writer` in `impl fmt::Write for Writer`.
fn self_type(header: &str) -> String {
    let mut header = header.trim_start();
    if header.starts_with('<') {
        let mut level = 0;
        for (at, c) in header.char_indices() {
            level += match c {
                '<' => 1,
                '>' => -1,
                _ => 0,
            };
            if level == 0 {
                header = &header[at + 1..];
                break;
            }
        }
    }
    let target = header
        .rsplit_once(" for ")
        .map_or(header, |(_, t)| t)
        .trim();
    let path: String = target
        .trim_start_matches(['&', '\'', ' '])
        .chars()
        .take_while(|&c| is_ident(c) || c == ':')
        .collect();
    path.rsplit("::").next().unwrap_or_default().to_string()
}

fn skip_spaces(code: &[char], mut i: usize) -> usize {
    while i < code.len() && code[i].is_whitespace() {
        i += 1;
    }
    i
}

/// `a::b::{c, d::e, *}` from `i`: the segments before any group, the first
/// segment of each member of the group (`*` for a glob), and where it ends.
fn read_path(code: &[char], mut i: usize) -> (Vec<String>, Vec<String>, usize) {
    let mut segments = Vec::new();
    let mut groups = Vec::new();
    loop {
        let start = i;
        while i < code.len() && is_ident(code[i]) {
            i += 1;
        }
        segments.push(code[start..i].iter().collect::<String>());
        if !(code.get(i) == Some(&':') && code.get(i + 1) == Some(&':')) {
            return (segments, groups, i);
        }
        let next = skip_spaces(code, i + 2);
        match code.get(next) {
            Some(&c) if is_ident(c) => i = next,
            Some('*') => {
                groups.push("*".to_string());
                return (segments, groups, next + 1);
            }
            Some('{') => {
                let mut level = 0;
                let mut j = next;
                let mut member_start = true;
                while j < code.len() {
                    match code[j] {
                        '{' => {
                            level += 1;
                            member_start = level == 1;
                        }
                        '}' => {
                            level -= 1;
                            if level == 0 {
                                return (segments, groups, j + 1);
                            }
                        }
                        ',' if level == 1 => member_start = true,
                        '*' if level == 1 && member_start => {
                            groups.push("*".to_string());
                            member_start = false;
                        }
                        c if is_ident(c) && member_start && level == 1 => {
                            let from = j;
                            while j < code.len() && is_ident(code[j]) {
                                j += 1;
                            }
                            groups.push(code[from..j].iter().collect());
                            member_start = false;
                            continue;
                        }
                        _ => {}
                    }
                    j += 1;
                }
                return (segments, groups, j);
            }
            _ => return (segments, groups, i),
        }
    }
}

/// A path and its group as the list of paths it stands for.
fn groups_expanded(segments: &[String], groups: &[String]) -> Vec<Vec<String>> {
    if groups.is_empty() {
        return vec![segments.to_vec()];
    }
    groups
        .iter()
        .map(|member| {
            let mut path = segments.to_vec();
            if member != "self" {
                path.push(member.clone());
            }
            path
        })
        .collect()
}

/// A path named in module `here` as absolute segments, or `None` when it
/// leads outside the crate or to a name inside the file.
fn absolute(
    path: &[String],
    here: &[String],
    at_file_level: bool,
    children: &BTreeSet<String>,
) -> Option<Vec<String>> {
    if path.len() < 2 {
        return None;
    }
    match path[0].as_str() {
        "crate" => Some(path[1..].to_vec()),
        "self" => Some(here.iter().chain(&path[1..]).cloned().collect()),
        "super" => {
            let up = path.iter().take_while(|s| *s == "super").count();
            let base = here.get(..here.len().checked_sub(up)?)?;
            Some(base.iter().chain(&path[up..]).cloned().collect())
        }
        first if at_file_level && children.contains(first) => {
            Some(here.iter().chain(path).cloned().collect())
        }
        _ => None,
    }
}

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// Every file of the library under `src/` (not `main.rs`, a crate of its own).
pub fn read_all(src: &Path) -> Vec<Source> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files
        .iter()
        .filter(|f| f.file_name().is_some_and(|n| n != "main.rs"))
        .map(|f| read_source(src, f))
        .collect()
}
