//! Saving the interview's answers as an answer file that `rolefit score`
//! reads back to the same result.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::answers::{Format, Respondent};
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::output::AtomicFile;
use crate::text::escape_control;

use super::prompt::{Ask, Keys, Prompter};

/// The file name offered first.
const DEFAULT_NAME: &str = "rolefit-answers";

/// The answer file's text, in the format its extension names (YAML unless
/// `.json`, `.jsonl` or `.ndjson`).
pub fn render(catalog: &Catalog, respondent: &Respondent, path: &Path) -> Result<String> {
    let answers = respondent.to_answer_file(catalog);
    let format = Format::from_extension(path).unwrap_or(Format::Yaml);
    let problem = |e: &dyn std::fmt::Display| {
        Error::io(
            path,
            std::io::Error::other(format!("cannot write the answers: {e}")),
        )
    };
    match format {
        // A saved answer set is one document: `.csv` gets YAML, like any other name.
        Format::Yaml | Format::Csv => {
            let body = serde_yaml::to_string(&answers).map_err(|e| problem(&e))?;
            Ok(format!(
                "# Answers from `rolefit assess`. `rolefit score` on this file prints the same ranking.\n{body}"
            ))
        }
        Format::Json => serde_json::to_string_pretty(&answers)
            .map(|json| json + "\n")
            .map_err(|e| problem(&e)),
        Format::JsonLines => serde_json::to_string(&answers)
            .map(|json| json + "\n")
            .map_err(|e| problem(&e)),
    }
}

/// Writes the answer file atomically; an existing file is replaced only
/// with `overwrite`.
pub fn write(
    catalog: &Catalog,
    respondent: &Respondent,
    path: &Path,
    overwrite: bool,
) -> Result<()> {
    let text = render(catalog, respondent, path)?;
    let mut file = AtomicFile::create(path, overwrite)?;
    file.writer()
        .write_all(text.as_bytes())
        .map_err(|e| Error::io(path, e))?;
    file.commit()
}

/// Checks a `--save` target before the interview starts, so that nobody
/// answers every question to learn that the folder does not exist.
pub fn check_target(path: &Path) -> Result<()> {
    let shown = || escape_control(&path.display().to_string()).into_owned();
    if path.as_os_str().is_empty() || path.is_dir() {
        return Err(Error::Usage(format!(
            "--save needs a file name, not {:?}",
            shown()
        )));
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::Usage(format!(
            "cannot save to {}: the folder {} does not exist",
            shown(),
            escape_control(&dir.display().to_string())
        )));
    }
    Ok(())
}

/// The first of rolefit-answers.yaml, rolefit-answers-2.yaml, … that does
/// not exist in `dir`.
fn free_name(dir: &Path) -> String {
    (1..100)
        .map(|n| match n {
            1 => format!("{DEFAULT_NAME}.yaml"),
            n => format!("{DEFAULT_NAME}-{n}.yaml"),
        })
        .find(|name| !dir.join(name).exists())
        .unwrap_or_else(|| format!("{DEFAULT_NAME}.yaml"))
}

fn ask(prompt: &str, keys: Keys) -> Ask {
    Ask {
        header: "Save your answers".into(),
        intro: vec![
            "An answer file keeps them: `rolefit score FILE` shows this result again.".into(),
        ],
        prompt: prompt.into(),
        keys,
        esc_quits: false,
    }
}

/// Asks for a file name (relative names are taken from `dir`); `None` when
/// the person enters nothing.
fn ask_name(prompter: &mut dyn Prompter, dir: &Path) -> Result<Option<PathBuf>> {
    let name = prompter.text(&ask("File name", Keys::Text), &free_name(dir))?;
    let name = Path::new(name.trim());
    if name.as_os_str().is_empty() {
        return Ok(None);
    }
    Ok(Some(if dir == Path::new(".") {
        name.to_path_buf()
    } else {
        dir.join(name)
    }))
}

/// What the person asked for at the end of the interview.
pub struct Request<'a> {
    /// `--save FILE`: no question whether to save.
    pub target: Option<&'a Path>,
    /// `--force`: replace an existing file without asking.
    pub force: bool,
    /// Where relative names are saved (the current directory).
    pub dir: &'a Path,
}

/// Offers to save the answers and saves them; returns the file written,
/// or `None` when the person chose not to save.
pub fn offer(
    prompter: &mut dyn Prompter,
    catalog: &Catalog,
    respondent: &Respondent,
    request: &Request<'_>,
) -> Result<Option<PathBuf>> {
    let mut path = match request.target {
        Some(target) => target.to_path_buf(),
        None => {
            let wanted = ask("Save them to a file?", Keys::YesNo);
            if prompter.confirm(&wanted, true)? != Some(true) {
                return Ok(None);
            }
            match ask_name(prompter, request.dir)? {
                Some(path) => path,
                None => return Ok(None),
            }
        }
    };
    loop {
        let shown = escape_control(&path.display().to_string()).into_owned();
        let exists = path.symlink_metadata().is_ok();
        let overwrite = request.force
            || (exists && {
                let replace = ask(&format!("{shown} exists. Replace it?"), Keys::YesNo);
                prompter.confirm(&replace, false)? == Some(true)
            });
        if !exists || overwrite {
            match write(catalog, respondent, &path, overwrite) {
                Ok(()) => return Ok(Some(path)),
                Err(error) => prompter.say(&format!("Not saved: {error}")),
            }
        }
        path = match ask_name(prompter, request.dir)? {
            Some(path) => path,
            None => return Ok(None),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::super::fake::{Reply, Scripted};
    use super::*;

    fn respondent(catalog: &Catalog) -> Respondent {
        Respondent {
            id: "you".into(),
            source: "<interview>".into(),
            path: catalog.path_index("full").unwrap(),
            strengths: vec![(catalog.tag_index("SLO").unwrap(), 4)],
            goals: vec![catalog.tag_index("threat modeling depth").unwrap()],
            work_style: vec![Some(13.0 / 3.0), None, Some(2.0), Some(5.0), Some(1.0)],
            families: vec![0],
            warnings: Vec::new(),
        }
    }

    fn read_back(catalog: &Catalog, path: &Path) -> Respondent {
        let text = std::fs::read_to_string(path).unwrap();
        let format = Format::from_extension(path).unwrap_or(Format::Yaml);
        let origin = crate::answers::Origin {
            source: "saved",
            text: text.trim_end(),
            first_line: 1,
            default_id: "x",
        };
        let file = crate::answers::parse(&origin, format).unwrap();
        let mut r = crate::answers::resolve(file, catalog, &origin).unwrap();
        r.source = "<interview>".into();
        r
    }

    #[test]
    fn saves_where_asked_in_the_format_its_name_says() {
        let catalog = Catalog::builtin().unwrap();
        let r = respondent(&catalog);
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.yaml", "b.json", "c.jsonl", "d.answers"] {
            let mut prompter = Scripted::new([Reply::Yes, Reply::Text(name.into())]);
            let request = Request {
                target: None,
                force: false,
                dir: dir.path(),
            };
            let saved = offer(&mut prompter, &catalog, &r, &request).unwrap();
            assert_eq!(saved, Some(dir.path().join(name)));
            assert_eq!(read_back(&catalog, &dir.path().join(name)), r, "{name}");
        }
        // The name offered first is one that does not exist yet.
        assert!(!dir.path().join("rolefit-answers.yaml").exists());
        std::fs::write(dir.path().join("rolefit-answers.yaml"), "x").unwrap();
        assert_eq!(free_name(dir.path()), "rolefit-answers-2.yaml");
    }

    #[test]
    fn asks_before_replacing_and_can_decline() {
        let catalog = Catalog::builtin().unwrap();
        let r = respondent(&catalog);
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
        let saved = offer(&mut prompter, &catalog, &r, &request).unwrap();
        assert_eq!(saved, Some(dir.path().join("other.yaml")));
        assert_eq!(std::fs::read_to_string(&taken).unwrap(), "keep me\n");
        assert!(prompter.asked[0].0.prompt.contains("exists. Replace it?"));
        assert_eq!(prompter.asked[0].2, "false", "replacing defaults to no");

        // Yes to replacing.
        let mut prompter = Scripted::new([Reply::Yes]);
        offer(&mut prompter, &catalog, &r, &request).unwrap();
        assert_eq!(read_back(&catalog, &taken), r);

        // --force replaces without asking.
        std::fs::write(&taken, "keep me\n").unwrap();
        let forced = Request {
            force: true,
            ..request
        };
        let mut prompter = Scripted::new([]);
        offer(&mut prompter, &catalog, &r, &forced).unwrap();
        assert_eq!(read_back(&catalog, &taken), r);
        assert!(prompter.asked.is_empty());
    }

    #[test]
    fn declining_or_esc_saves_nothing() {
        let catalog = Catalog::builtin().unwrap();
        let r = respondent(&catalog);
        let dir = tempfile::tempdir().unwrap();
        let request = Request {
            target: None,
            force: false,
            dir: dir.path(),
        };
        for reply in [Reply::No, Reply::Esc] {
            let mut prompter = Scripted::new([reply]);
            assert_eq!(offer(&mut prompter, &catalog, &r, &request).unwrap(), None);
        }
        // An empty name saves nothing either.
        let mut prompter = Scripted::new([Reply::Yes, Reply::Text("  ".into())]);
        assert_eq!(offer(&mut prompter, &catalog, &r, &request).unwrap(), None);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_failed_write_is_reported_and_another_name_asked() {
        let catalog = Catalog::builtin().unwrap();
        let r = respondent(&catalog);
        let dir = tempfile::tempdir().unwrap();
        let request = Request {
            target: None,
            force: false,
            dir: dir.path(),
        };
        let mut prompter = Scripted::new([
            Reply::Yes,
            Reply::Text("missing/folder/me.yaml".into()),
            Reply::Text("me.yaml".into()),
        ]);
        let saved = offer(&mut prompter, &catalog, &r, &request).unwrap();
        assert_eq!(saved, Some(dir.path().join("me.yaml")));
        assert_eq!(prompter.said.len(), 1);
        assert!(
            prompter.said[0].starts_with("Not saved:"),
            "{:?}",
            prompter.said
        );
    }

    #[test]
    fn save_targets_are_checked_up_front() {
        let dir = tempfile::tempdir().unwrap();
        assert!(check_target(&dir.path().join("me.yaml")).is_ok());
        assert!(check_target(Path::new("me.yaml")).is_ok());
        let missing = check_target(&dir.path().join("nope/me.yaml")).unwrap_err();
        assert!(missing.to_string().contains("does not exist"), "{missing}");
        let folder = check_target(dir.path()).unwrap_err();
        assert!(folder.to_string().contains("needs a file name"), "{folder}");
    }
}
