//! Where output goes: standard output, or a file written atomically; and
//! how it looks there.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::report::Theme;

/// A file that appears whole or not at all: written to a temporary file in
/// the same directory, synced, then renamed over the target.
pub struct AtomicFile {
    temp: tempfile::NamedTempFile,
    target: PathBuf,
    overwrite: bool,
}

impl AtomicFile {
    /// Refuses an existing target unless `overwrite`.
    pub fn create(target: &Path, overwrite: bool) -> Result<AtomicFile> {
        if std::fs::metadata(target).is_ok_and(|m| !m.is_file()) {
            return Err(Error::Usage(format!(
                "{} is not a regular file; redirect standard output to it instead",
                crate::text::escape_control(&target.display().to_string())
            )));
        }
        if !overwrite && target.exists() {
            return Err(Error::Usage(format!(
                "{} already exists; pass --force to overwrite it",
                crate::text::escape_control(&target.display().to_string())
            )));
        }
        let dir = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".rolefit-").suffix(".tmp");
        // Like any new file: 0666 less the umask (tempfile's default is 0600).
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let temp = builder.tempfile_in(dir).map_err(|e| Error::io(target, e))?;
        Ok(AtomicFile {
            temp,
            target: target.to_path_buf(),
            overwrite,
        })
    }

    pub fn writer(&mut self) -> &mut File {
        self.temp.as_file_mut()
    }

    /// Makes the file visible under its name. Without `overwrite`, a file
    /// that appeared meanwhile is still not replaced.
    pub fn commit(self) -> Result<()> {
        let target = self.target;
        self.temp
            .as_file()
            .sync_all()
            .map_err(|e| Error::io(&target, e))?;
        let persisted = if self.overwrite {
            self.temp.persist(&target)
        } else {
            self.temp.persist_noclobber(&target)
        };
        persisted.map_err(|e| Error::io(&target, e.error))?;
        Ok(())
    }
}

/// Standard output or an atomic file, buffered.
pub enum Sink {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    File(BufWriter<File>, AtomicFile),
}

impl Sink {
    pub fn open(path: Option<&Path>, overwrite: bool) -> Result<Sink> {
        match path {
            None => Ok(Sink::Stdout(BufWriter::with_capacity(
                64 * 1024,
                io::stdout().lock(),
            ))),
            Some(path) => {
                let mut file = AtomicFile::create(path, overwrite)?;
                let handle = file.writer().try_clone().map_err(|e| Error::io(path, e))?;
                Ok(Sink::File(
                    BufWriter::with_capacity(64 * 1024, handle),
                    file,
                ))
            }
        }
    }

    pub fn is_terminal(&self) -> bool {
        matches!(self, Sink::Stdout(_)) && io::stdout().is_terminal()
    }

    pub fn writer(&mut self) -> &mut dyn Write {
        match self {
            Sink::Stdout(w) => w,
            Sink::File(w, _) => w,
        }
    }

    /// Flushes, and for a file makes it appear.
    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush().map_err(Error::Output),
            Sink::File(w, file) => {
                let target = file.target.clone();
                w.into_inner()
                    .map_err(|e| Error::io(&target, e.into_error()))?;
                file.commit()
            }
        }
    }
}

/// When to use colour (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The look of human output on a destination.
pub fn theme(choice: ColorChoice, terminal: bool) -> Theme {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            terminal && !no_color && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    };
    let width = if terminal {
        console::Term::stdout()
            .size_checked()
            .map_or(80, |(_, cols)| usize::from(cols))
    } else {
        80
    };
    Theme {
        color,
        unicode: terminal || choice == ColorChoice::Always,
        width: width.clamp(40, 200),
    }
}
