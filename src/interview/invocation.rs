//! How the person can run this binary again from their shell, for the
//! interview's closing hint: `rolefit` when that name finds this binary on
//! PATH, else its path (relative to the current folder when inside it, as
//! after `cargo run` in a clone), quoted for a POSIX shell.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// The command that runs the running binary, as the person would type it.
pub fn this_binary() -> String {
    let Ok(exe) = std::env::current_exe() else {
        return "rolefit".into();
    };
    let exe = exe.canonicalize().unwrap_or(exe);
    let found = exe
        .file_name()
        .and_then(|name| first_on_path(name, std::env::var_os("PATH").as_deref()));
    let cwd = std::env::current_dir().ok();
    command_for(&exe, found.as_deref(), cwd.as_deref())
}

/// The first file called `name` in the folders of `path_var`, resolved, as
/// the shell would find it.
fn first_on_path(name: &OsStr, path_var: Option<&OsStr>) -> Option<PathBuf> {
    std::env::split_paths(path_var?)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
        .and_then(|found| found.canonicalize().ok())
}

/// `exe` is the running binary and `found` what its name finds on PATH,
/// both resolved; `cwd` the current folder.
fn command_for(exe: &Path, found: Option<&Path>, cwd: Option<&Path>) -> String {
    if found == Some(exe)
        && let Some(name) = exe.file_name()
    {
        return shell_quoted(&name.to_string_lossy());
    }
    let shown = match cwd.and_then(|cwd| exe.strip_prefix(cwd).ok()) {
        // A bare name would be looked up on PATH: keep it a path.
        Some(inside) if inside.parent() == Some(Path::new("")) => Path::new(".").join(inside),
        Some(inside) => inside.to_path_buf(),
        None => exe.to_path_buf(),
    };
    shell_quoted(&shown.to_string_lossy())
}

/// `text` as one word for a POSIX shell: as it is when every character is
/// plain, else in single quotes (a `'` inside written `'\''`).
pub fn shell_quoted(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+:@,=%".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_when_path_finds_this_binary() {
        let exe = Path::new("/home/ann/.cargo/bin/rolefit");
        assert_eq!(
            command_for(exe, Some(exe), Some(Path::new("/tmp"))),
            "rolefit"
        );
    }

    #[test]
    fn a_path_when_path_finds_another_binary_or_none() {
        let exe = Path::new("/home/ann/rolefit/target/release/rolefit");
        let other = Path::new("/usr/bin/rolefit");
        let clone = Path::new("/home/ann/rolefit");
        assert_eq!(
            command_for(exe, Some(other), Some(clone)),
            "target/release/rolefit"
        );
        assert_eq!(
            command_for(exe, None, Some(Path::new("/home/ann"))),
            "rolefit/target/release/rolefit"
        );
        assert_eq!(
            command_for(exe, None, Some(Path::new("/tmp"))),
            exe.to_str().unwrap()
        );
        assert_eq!(command_for(exe, None, None), exe.to_str().unwrap());
    }

    #[test]
    fn a_binary_in_the_current_folder_keeps_a_slash() {
        let exe = Path::new("/home/ann/bin/rolefit");
        assert_eq!(
            command_for(exe, None, Some(Path::new("/home/ann/bin"))),
            "./rolefit"
        );
    }

    #[test]
    fn paths_a_shell_would_split_are_quoted() {
        let exe = Path::new("/home/Ann Lee/it's/rolefit");
        assert_eq!(
            command_for(exe, None, None),
            r"'/home/Ann Lee/it'\''s/rolefit'"
        );
        assert_eq!(shell_quoted("ann-lee.yaml"), "ann-lee.yaml");
        assert_eq!(shell_quoted("my answers.yaml"), "'my answers.yaml'");
        assert_eq!(shell_quoted("$HOME"), "'$HOME'");
        assert_eq!(shell_quoted(""), "''");
    }

    #[test]
    fn first_on_path_takes_the_first_folder_holding_the_name() {
        let first = tempfile::tempdir().unwrap();
        let second = tempfile::tempdir().unwrap();
        std::fs::write(second.path().join("rolefit"), "").unwrap();
        let path_var = std::env::join_paths([first.path(), second.path()]).unwrap();
        let found = first_on_path(OsStr::new("rolefit"), Some(&path_var));
        assert_eq!(found, second.path().join("rolefit").canonicalize().ok());
        std::fs::write(first.path().join("rolefit"), "").unwrap();
        let found = first_on_path(OsStr::new("rolefit"), Some(&path_var));
        assert_eq!(found, first.path().join("rolefit").canonicalize().ok());
        assert_eq!(first_on_path(OsStr::new("rolefit"), None), None);
    }
}
