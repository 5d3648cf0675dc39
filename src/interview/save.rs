//! Saving at the end of the interview: offering it (whether, under what
//! name, replacing a file only with a yes or `--force`) and writing the
//! file the person named (`~` is the home directory, targets are checked
//! before the interview, a failure is told in words).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::output::AtomicFile;
use crate::text::escape_control;

use super::prompt::{Ask, Keys, Prompter};

/// Renders a document's text for the path it is saved to.
pub type Render<'a> = Box<dyn Fn(&Path) -> Result<String> + 'a>;

/// A file the interview offers to save.
pub struct Document<'a> {
    /// The title of its questions.
    pub header: &'static str,
    /// Whether to save it at all.
    pub question: &'static str,
    /// What the file is for, above the file-name question.
    pub intro: &'static str,
    /// The file name offered first.
    pub offered: String,
    /// The file's text for the path it is saved to.
    pub render: Render<'a>,
}

fn ask(header: &str, prompt: &str, keys: Keys) -> Ask {
    Ask {
        header: header.into(),
        intro: vec![],
        prompt: prompt.into(),
        keys,
        esc_quits: false,
    }
}

/// The answer to the file-name question.
enum Name {
    /// Esc: back to the question before.
    Back,
    /// Nothing entered: save nothing.
    Nothing,
    Path(PathBuf),
}

/// Asks for a file name (relative names are taken from `dir`, `~` is the
/// home directory).
fn ask_name(prompter: &mut dyn Prompter, document: &Document<'_>, dir: &Path) -> Result<Name> {
    let mut question = ask(document.header, "File name", Keys::Text);
    question.intro = vec![document.intro.into()];
    let Some(name) = prompter.text(&question, &document.offered)? else {
        return Ok(Name::Back);
    };
    let name = Path::new(name.trim());
    if name.as_os_str().is_empty() {
        return Ok(Name::Nothing);
    }
    let name = expand_home(name, home().as_deref());
    Ok(Name::Path(if dir == Path::new(".") || name.is_absolute() {
        name
    } else {
        dir.join(name)
    }))
}

/// What the person asked for at the end of the interview.
pub struct Request<'a> {
    /// `--save FILE` or `--report FILE`: no question whether to save.
    pub target: Option<&'a Path>,
    /// `--force`: replace an existing file without asking.
    pub force: bool,
    /// Where relative names are saved (the current directory).
    pub dir: &'a Path,
}

/// Offers to save `document` and saves it; returns the file written, or
/// `None` when the person chose not to save.
pub fn offer(
    prompter: &mut dyn Prompter,
    document: &Document<'_>,
    request: &Request<'_>,
) -> Result<Option<PathBuf>> {
    let mut next = request
        .target
        .map(|target| expand_home(target, home().as_deref()));
    loop {
        let mut path = match next.take() {
            Some(path) => path,
            None => {
                let wanted = ask(document.header, document.question, Keys::YesNo);
                if prompter.confirm(&wanted, true)? != Some(true) {
                    return Ok(None);
                }
                match ask_name(prompter, document, request.dir)? {
                    Name::Back => continue,
                    Name::Nothing => return Ok(None),
                    Name::Path(path) => path,
                }
            }
        };
        loop {
            let shown = escape_control(&path.display().to_string()).into_owned();
            let exists = path.symlink_metadata().is_ok();
            let overwrite = request.force
                || (exists && {
                    let replace = ask(
                        document.header,
                        &format!("{shown} exists. Replace it?"),
                        Keys::YesNo,
                    );
                    prompter.confirm(&replace, false)? == Some(true)
                });
            if !exists || overwrite {
                let written =
                    (document.render)(&path).and_then(|text| write_text(&path, &text, overwrite));
                match written {
                    Ok(()) => return Ok(Some(path)),
                    Err(error) => prompter.say(&format!("Not saved: {error}")),
                }
            }
            path = match ask_name(prompter, document, request.dir)? {
                Name::Back => break,
                Name::Nothing => return Ok(None),
                Name::Path(path) => path,
            };
        }
    }
}

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
mod file_tests {
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

#[cfg(test)]
mod tests {
    use super::super::documents::{answers, free_name, report};
    use super::super::fake::{Reply, Scripted};
    use super::super::flow::Outcome;
    use super::*;
    use crate::answers::Respondent;
    use crate::answers::testing::resolve_text;
    use crate::catalog::Catalog;

    fn outcome(catalog: &Catalog, name: Option<&str>) -> Outcome {
        let pace = catalog.axis_index("pace").unwrap();
        // Two pace statements answered 4 and 5: an unrounded 4.5 mean.
        let statements: Vec<(usize, u8)> = catalog
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.axis == pace && !q.reverse)
            .take(2)
            .map(|(i, _)| i)
            .zip([4, 5])
            .collect();
        let mut work_style = vec![None; catalog.axes.len()];
        work_style[pace] = Some(4.5);
        Outcome {
            respondent: Respondent {
                id: name.unwrap_or("you").into(),
                source: "<interview>".into(),
                path: catalog.path_index("full").unwrap(),
                strengths: vec![(catalog.tag_index("SLO").unwrap(), 4)],
                goals: vec![catalog.tag_index("threat modeling depth").unwrap()],
                work_style,
                families: vec![0],
                target: None,
                warnings: Vec::new(),
                answered: crate::answers::Answered { statements: 2 },
                ..Default::default()
            },
            name: name.map(str::to_string),
            statements,
            notes: Vec::new(),
        }
    }

    fn read_back(catalog: &Catalog, path: &Path) -> Respondent {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let mut r = resolve_text(catalog, &name, text.trim_end());
        r.source = "<interview>".into();
        r
    }

    fn request(dir: &Path) -> Request<'_> {
        Request {
            target: None,
            force: false,
            dir,
        }
    }

    #[test]
    fn saves_where_asked_in_the_format_its_name_says() {
        let catalog = Catalog::builtin().unwrap();
        let saved_outcome = outcome(&catalog, None);
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.yaml", "b.json", "c.jsonl", "d.answers"] {
            let mut prompter = Scripted::new([Reply::Yes, Reply::Text(name.into())]);
            let saved = offer(
                &mut prompter,
                &answers(&catalog, &saved_outcome, dir.path()),
                &request(dir.path()),
            )
            .unwrap();
            assert_eq!(saved, Some(dir.path().join(name)));
            let mut expected = saved_outcome.respondent.clone();
            // No name given: the id is the file's stem.
            expected.id = Path::new(name)
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into();
            assert_eq!(
                read_back(&catalog, &dir.path().join(name)),
                expected,
                "{name}"
            );
        }
        let text = std::fs::read_to_string(dir.path().join("a.yaml")).unwrap();
        assert!(text.contains("statements:"), "{text}");
        assert!(!text.contains("work_style:"), "{text}");
        // The name offered first is one that does not exist yet.
        assert!(!dir.path().join("rolefit-answers.yaml").exists());
        std::fs::write(dir.path().join("rolefit-answers.yaml"), "x").unwrap();
        assert_eq!(
            free_name(dir.path(), None, "yaml"),
            "rolefit-answers-2.yaml"
        );
        assert_eq!(
            free_name(dir.path(), Some("Ann-Marie O'Neil"), "yaml"),
            "ann-marie-o-neil.yaml"
        );
        assert_eq!(
            free_name(dir.path(), Some("¿?"), "yaml"),
            "rolefit-answers-2.yaml"
        );
    }

    #[test]
    fn a_name_given_is_the_id_and_the_file_name_offered() {
        let catalog = Catalog::builtin().unwrap();
        let named = outcome(&catalog, Some("Ann Lee"));
        let dir = tempfile::tempdir().unwrap();
        let mut prompter = Scripted::new([Reply::Yes, Reply::Text("ann-lee.yaml".into())]);
        offer(
            &mut prompter,
            &answers(&catalog, &named, dir.path()),
            &request(dir.path()),
        )
        .unwrap();
        assert_eq!(prompter.asked[1].2, "ann-lee.yaml");
        let saved = read_back(&catalog, &dir.path().join("ann-lee.yaml"));
        assert_eq!(saved.id, "Ann Lee");
    }

    #[test]
    fn asks_before_replacing_and_can_decline() {
        let catalog = Catalog::builtin().unwrap();
        let saved_outcome = outcome(&catalog, Some("me"));
        let r = &saved_outcome.respondent;
        let dir = tempfile::tempdir().unwrap();
        let taken = dir.path().join("me.yaml");
        std::fs::write(&taken, "keep me\n").unwrap();
        let request = Request {
            target: Some(&taken),
            force: false,
            dir: dir.path(),
        };
        // No to replacing, then another name.
        let mut prompter = Scripted::new([Reply::No, Reply::Text("other.yaml".into())]);
        let saved = offer(
            &mut prompter,
            &answers(&catalog, &saved_outcome, dir.path()),
            &request,
        )
        .unwrap();
        assert_eq!(saved, Some(dir.path().join("other.yaml")));
        assert_eq!(std::fs::read_to_string(&taken).unwrap(), "keep me\n");
        assert!(prompter.asked[0].0.prompt.contains("exists. Replace it?"));
        assert_eq!(prompter.asked[0].2, "false", "replacing defaults to no");

        // Yes to replacing.
        let mut prompter = Scripted::new([Reply::Yes]);
        offer(
            &mut prompter,
            &answers(&catalog, &saved_outcome, dir.path()),
            &request,
        )
        .unwrap();
        assert_eq!(&read_back(&catalog, &taken), r);

        // --force replaces without asking.
        std::fs::write(&taken, "keep me\n").unwrap();
        let forced = Request {
            force: true,
            ..request
        };
        let mut prompter = Scripted::new([]);
        offer(
            &mut prompter,
            &answers(&catalog, &saved_outcome, dir.path()),
            &forced,
        )
        .unwrap();
        assert_eq!(&read_back(&catalog, &taken), r);
        assert!(prompter.asked.is_empty());
    }

    #[test]
    fn declining_saves_nothing_and_esc_at_the_name_goes_back() {
        let catalog = Catalog::builtin().unwrap();
        let saved_outcome = outcome(&catalog, None);
        let dir = tempfile::tempdir().unwrap();
        for reply in [Reply::No, Reply::Esc] {
            let mut prompter = Scripted::new([reply]);
            let saved = offer(
                &mut prompter,
                &answers(&catalog, &saved_outcome, dir.path()),
                &request(dir.path()),
            );
            assert_eq!(saved.unwrap(), None);
        }
        // An empty name saves nothing either.
        let mut prompter = Scripted::new([Reply::Yes, Reply::Text("  ".into())]);
        let saved = offer(
            &mut prompter,
            &answers(&catalog, &saved_outcome, dir.path()),
            &request(dir.path()),
        );
        assert_eq!(saved.unwrap(), None);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        // Esc at the file name: back to whether to save.
        let mut prompter = Scripted::new([Reply::Yes, Reply::Esc, Reply::No]);
        let saved = offer(
            &mut prompter,
            &answers(&catalog, &saved_outcome, dir.path()),
            &request(dir.path()),
        );
        assert_eq!(saved.unwrap(), None);
        assert_eq!(prompter.asked[2].0.prompt, "Save them to a file?");
    }

    #[test]
    fn a_failed_write_names_the_path_and_the_cause_and_asks_again() {
        let catalog = Catalog::builtin().unwrap();
        let saved_outcome = outcome(&catalog, None);
        let dir = tempfile::tempdir().unwrap();
        let mut prompter = Scripted::new([
            Reply::Yes,
            Reply::Text("missing/folder/me.yaml".into()),
            Reply::Text("me.yaml".into()),
        ]);
        let saved = offer(
            &mut prompter,
            &answers(&catalog, &saved_outcome, dir.path()),
            &request(dir.path()),
        )
        .unwrap();
        assert_eq!(saved, Some(dir.path().join("me.yaml")));
        assert_eq!(prompter.said.len(), 1);
        let said = &prompter.said[0];
        assert!(said.starts_with("Not saved: cannot save "), "{said}");
        assert!(said.contains("missing/folder/me.yaml"), "{said}");
        assert!(said.ends_with("does not exist"), "{said}");
        assert!(!said.contains(".rolefit-"), "no temporary file: {said}");
    }

    #[test]
    fn the_report_is_offered_beside_the_answers_and_holds_the_same_id() {
        let catalog = Catalog::builtin().unwrap();
        let named = outcome(&catalog, None);
        let dir = tempfile::tempdir().unwrap();
        let saved_answers = dir.path().join("ann.yaml");
        let document = report(&catalog, &named, dir.path(), Some(saved_answers));
        let mut prompter = Scripted::new([Reply::Yes, Reply::Text("ann.html".into())]);
        let saved = offer(&mut prompter, &document, &request(dir.path())).unwrap();
        assert_eq!(saved, Some(dir.path().join("ann.html")));
        assert_eq!(prompter.asked[1].2, "ann.html", "offered beside ann.yaml");
        let html = std::fs::read_to_string(dir.path().join("ann.html")).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
        // No name given: the id is the answer file's stem, as `score` would show.
        assert!(html.contains("Role fit report: ann"), "{html}");

        // Without saved answers, the name offered is a free one.
        let document = report(&catalog, &named, dir.path(), None);
        let mut prompter = Scripted::new([Reply::No]);
        assert_eq!(
            offer(&mut prompter, &document, &request(dir.path())).unwrap(),
            None
        );
        assert_eq!(
            prompter.asked[0].0.prompt,
            "Save the report as a web page (HTML) to keep and show?"
        );
    }
}
