//! Writing a file the person named: `~` is the home directory, targets are
//! checked before the interview, an existing file is replaced only when
//! allowed, and a failure is told in words.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::output::AtomicFile;
use crate::text::escape_control;

/// Writes `text` to `path` atomically; an existing file is replaced only
/// with `overwrite`. An error names the file and the cause, in words.
pub fn write_text(path: &Path, text: &str, overwrite: bool) -> Result<()> {
    let shown = escape_control(&path.display().to_string()).into_owned();
    let failed = |cause: String| Error::Usage(format!("cannot save {shown}: {cause}"));
    if path.is_dir() {
        return Err(failed("it is a folder".into()));
    }
    let dir = folder_of(path);
    if !dir.is_dir() {
        return Err(failed(format!(
            "the folder {} does not exist",
            escape_control(&dir.display().to_string())
        )));
    }
    let attempt = || -> Result<()> {
        let mut file = AtomicFile::create(path, overwrite)?;
        file.writer()
            .write_all(text.as_bytes())
            .map_err(|e| Error::io(path, e))?;
        file.commit()
    };
    attempt().map_err(|e| match e {
        Error::Io { source, .. } => failed(cause(&source)),
        other => other,
    })
}

/// An I/O error in words: no "(os error 2)", and not the temporary file
/// the text was written to first.
fn cause(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::AlreadyExists => "the file exists".into(),
        _ => {
            let text = error.to_string();
            let end = [" at path ", " (os error"]
                .iter()
                .filter_map(|marker| text.find(marker))
                .min()
                .unwrap_or(text.len());
            text[..end].to_string()
        }
    }
}

/// The folder a file goes in: its parent, or the current directory.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// `~` and `~/…` in the home directory, as a shell would expand them.
pub fn expand_home(path: &Path, home: Option<&Path>) -> PathBuf {
    let Some(home) = home else {
        return path.to_path_buf();
    };
    match path.strip_prefix("~") {
        Ok(rest)
            if path
                .to_str()
                .is_none_or(|s| s == "~" || s.starts_with("~/")) =>
        {
            home.join(rest)
        }
        _ => path.to_path_buf(),
    }
}

/// The home directory, when `HOME` names one.
pub fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// Checks the target of `flag` (`--save`, `--report`) before the interview
/// starts, so that nobody answers every question to learn that the folder
/// does not exist.
pub fn check_target(flag: &str, path: &Path) -> Result<()> {
    let path = &expand_home(path, home().as_deref());
    let shown = || escape_control(&path.display().to_string()).into_owned();
    if path.as_os_str().is_empty() || path.is_dir() {
        return Err(Error::Usage(format!(
            "{flag} needs a file name, not {:?}",
            shown()
        )));
    }
    let dir = folder_of(path);
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "cannot save to {}: the folder {} does not exist",
            shown(),
            escape_control(&dir.display().to_string())
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn causes_are_words_without_the_temporary_path() {
        let wrapped = std::io::Error::other("disk quota exceeded at path \"/x/.rolefit-1.tmp\"");
        assert_eq!(cause(&wrapped), "disk quota exceeded");
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(cause(&denied), "permission denied");
    }

    #[test]
    fn a_tilde_is_the_home_directory() {
        let home = Path::new("/home/ann");
        assert_eq!(
            expand_home(Path::new("~/x.yaml"), Some(home)),
            home.join("x.yaml")
        );
        assert_eq!(expand_home(Path::new("~"), Some(home)), home);
        assert_eq!(
            expand_home(Path::new("~bob/x"), Some(home)),
            Path::new("~bob/x")
        );
        assert_eq!(
            expand_home(Path::new("a/~/x"), Some(home)),
            Path::new("a/~/x")
        );
        assert_eq!(expand_home(Path::new("~/x"), None), Path::new("~/x"));
    }

    #[test]
    fn save_targets_are_checked_up_front() {
        let dir = tempfile::tempdir().unwrap();
        assert!(check_target("--save", &dir.path().join("me.yaml")).is_ok());
        assert!(check_target("--save", Path::new("me.yaml")).is_ok());
        let missing = check_target("--save", &dir.path().join("nope/me.yaml")).unwrap_err();
        assert!(missing.to_string().contains("does not exist"), "{missing}");
        let folder = check_target("--report", dir.path()).unwrap_err();
        assert!(
            folder.to_string().contains("--report needs a file name"),
            "{folder}"
        );
    }

    #[test]
    fn an_existing_file_is_kept_without_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let taken = dir.path().join("me.html");
        std::fs::write(&taken, "keep me\n").unwrap();
        let refused = write_text(&taken, "new", false).unwrap_err();
        assert!(refused.to_string().contains("already exists"), "{refused}");
        assert_eq!(std::fs::read_to_string(&taken).unwrap(), "keep me\n");
        write_text(&taken, "new", true).unwrap();
        assert_eq!(std::fs::read_to_string(&taken).unwrap(), "new");
    }
}
