//! Where output goes: standard output, or a file written atomically; and
//! how it looks there.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::report::{OutputFormat, Theme};

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

/// Refuses an `--output` file that is one of the run's inputs (answers,
/// `--columns`, `--roles`), reached by any path (a link, `./`, a hard
/// link): it would be replaced by the report, `--force` or not.
pub fn refuse_overwriting_an_input<'a>(
    output: &Path,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Result<()> {
    let Ok(target) = std::fs::metadata(output) else {
        return Ok(());
    };
    for input in inputs {
        if std::fs::metadata(input).is_ok_and(|meta| same_file(&target, &meta, output, input)) {
            return Err(Error::Usage(format!(
                "--output {} is one of the inputs ({}); write the report to another file",
                crate::text::escape_control(&output.display().to_string()),
                crate::text::escape_control(&input.display().to_string())
            )));
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata, _: &Path, _: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata, a: &Path, b: &Path) -> bool {
    matches!((std::fs::canonicalize(a), std::fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b)
}

/// Standard output that, once its reader has gone (`| head`), takes the
/// rest quietly: the run goes on to its end and exits with its own code
/// (1 when an input failed), not with a success the closed pipe implied.
pub struct Stdout {
    lock: io::StdoutLock<'static>,
    closed: bool,
}

impl Stdout {
    pub fn new() -> Stdout {
        Stdout {
            lock: io::stdout().lock(),
            closed: false,
        }
    }

    fn quiet_if_closed<T>(&mut self, result: io::Result<T>, gone: T) -> io::Result<T> {
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(gone)
            }
            other => other,
        }
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let written = self.lock.write(buf);
        self.quiet_if_closed(written, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let flushed = self.lock.flush();
        self.quiet_if_closed(flushed, ())
    }
}

/// Standard output or an atomic file, buffered.
pub enum Sink {
    Stdout(BufWriter<Stdout>),
    File(BufWriter<File>, AtomicFile),
}

impl Sink {
    pub fn open(path: Option<&Path>, overwrite: bool) -> Result<Sink> {
        match path {
            None => Ok(Sink::Stdout(BufWriter::with_capacity(
                64 * 1024,
                Stdout::new(),
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

/// The format an output file's extension asks for, if it names one.
pub fn format_of_extension(path: &Path) -> Option<OutputFormat> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match extension.as_str() {
        "json" => OutputFormat::Json,
        "jsonl" | "ndjson" => OutputFormat::Jsonl,
        "csv" => OutputFormat::Csv,
        "md" | "markdown" => OutputFormat::Markdown,
        "html" | "htm" => OutputFormat::Html,
        _ => return None,
    })
}

/// The flag's name of a format.
pub fn format_name(format: OutputFormat) -> String {
    use clap::ValueEnum;
    format
        .to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_string())
}

/// The usual extension of a format's file; a table has none.
fn extension_of(format: OutputFormat) -> Option<&'static str> {
    Some(match format {
        OutputFormat::Table => return None,
        OutputFormat::Json => "json",
        OutputFormat::Jsonl => "jsonl",
        OutputFormat::Csv => "csv",
        OutputFormat::Markdown => "md",
        OutputFormat::Html => "html",
    })
}

/// The format of `score`: `--format` when given, else what the `--output`
/// file's extension says, else a table. A `--format` that contradicts the
/// extension is a usage error, so `-o report.json -f csv` never writes CSV
/// into a `.json` file.
pub fn format(flag: Option<OutputFormat>, output: Option<&Path>) -> Result<OutputFormat> {
    let implied = output.and_then(|path| Some((path, format_of_extension(path)?)));
    match (flag, implied) {
        (Some(asked), Some((path, implied))) if asked != implied => {
            let shown =
                |p: &Path| crate::text::escape_control(&p.display().to_string()).into_owned();
            let other_file = match extension_of(asked) {
                Some(extension) => format!("write to {}", shown(&path.with_extension(extension))),
                None => "name the file without that extension".to_string(),
            };
            Err(Error::Usage(format!(
                "--format {asked_name} contradicts --output {file}, whose extension means {implied_name}; use --format {implied_name} (or leave --format out), or {other_file}",
                asked_name = format_name(asked),
                file = shown(path),
                implied_name = format_name(implied),
            )))
        }
        (Some(asked), _) => Ok(asked),
        (None, Some((_, implied))) => Ok(implied),
        (None, None) => match output.and_then(|path| Some((path, path.extension()?))) {
            // A table is plain text: no extension, or `.txt`.
            Some((path, extension)) if !extension.eq_ignore_ascii_case("txt") => {
                Err(Error::Usage(format!(
                    "--output {file}: rolefit does not write .{extension} files; name it .html (a \
                     report to print or share, e.g. {html}), .md, .csv, .json, .jsonl or .txt (a \
                     table), or give --format",
                    file = crate::text::escape_control(&path.display().to_string()),
                    extension = crate::text::escape_control(&extension.to_string_lossy()),
                    html = crate::text::escape_control(
                        &path.with_extension("html").display().to_string()
                    ),
                )))
            }
            _ => Ok(OutputFormat::Table),
        },
    }
}
