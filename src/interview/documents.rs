//! What the interview saves: the answer file that `rolefit score` reads
//! back to the same result, and the HTML report; each rendered for the
//! path it goes to, under a file name offered from the person's name.

use std::path::{Path, PathBuf};

use crate::answers::Format;
use crate::catalog::Catalog;
use crate::error::{Error, Result};

use super::flow::Outcome;
use super::save::Document;

/// The file name offered first when the person gave no name.
const DEFAULT_NAME: &str = "rolefit-answers";

/// The id saved: the name given, else the file's stem.
pub fn saved_id(outcome: &Outcome, path: &Path) -> String {
    outcome.name.clone().unwrap_or_else(|| {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_NAME.into())
    })
}

/// The answer file's text, in the format its extension names (YAML unless
/// `.json`, `.jsonl` or `.ndjson`).
pub fn render_answers(catalog: &Catalog, outcome: &Outcome, path: &Path) -> Result<String> {
    let answers = outcome.answer_file(catalog, &saved_id(outcome, path));
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
                "# Answers from `rolefit assess`. `rolefit score` on this file prints the same ranking;\n\
                 # `rolefit assess --from` on it starts the interview from these answers.\n{body}"
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

/// The HTML report `rolefit score FILE --format html` writes for the
/// answers saved at `answers` (or, none saved, as if saved at `report`):
/// every role ranked, under the same id.
pub fn render_report(
    catalog: &Catalog,
    outcome: &Outcome,
    answers: Option<&Path>,
    report: &Path,
) -> String {
    let mut respondent = outcome.respondent.clone();
    respondent.id = saved_id(outcome, answers.unwrap_or(report));
    let mut scored = crate::score::assess(catalog, respondent, None);
    crate::plan::aims::answer_aims(catalog, &mut scored);
    crate::report::html::single(catalog, &scored).into_string()
}

/// A file-name stem from a person's name: lower case, words joined by `-`.
fn stem_of(name: &str) -> Option<String> {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (!words.is_empty()).then(|| words.join("-"))
}

/// The first of NAME.EXT, NAME-2.EXT, … that does not exist in `dir`;
/// NAME is the person's name, else rolefit-answers.
pub fn free_name(dir: &Path, name: Option<&str>, extension: &str) -> String {
    let stem = name
        .and_then(stem_of)
        .unwrap_or_else(|| DEFAULT_NAME.into());
    (1..100)
        .map(|n| match n {
            1 => format!("{stem}.{extension}"),
            n => format!("{stem}-{n}.{extension}"),
        })
        .find(|name| !dir.join(name).exists())
        .unwrap_or_else(|| format!("{stem}.{extension}"))
}

/// The answer file, offered under the person's name.
pub fn answers<'a>(catalog: &'a Catalog, outcome: &'a Outcome, dir: &Path) -> Document<'a> {
    Document {
        header: "Save your answers",
        question: "Save them to a file?",
        intro: "`rolefit score FILE` shows this result again; `rolefit assess --from FILE` \
                starts from these answers. Esc goes back.",
        offered: free_name(dir, outcome.name.as_deref(), "yaml"),
        render: Box::new(move |path| render_answers(catalog, outcome, path)),
    }
}

/// The report's name beside the answers: `ann.yaml` → `ann.html`, and
/// `ann-report.html` when the answers themselves were saved as `ann.html`.
fn beside(answers: &Path) -> PathBuf {
    let report = answers.with_extension("html");
    if report != answers {
        return report;
    }
    let stem = answers
        .file_stem()
        .map_or_else(|| DEFAULT_NAME.into(), |s| s.to_string_lossy().into_owned());
    answers.with_file_name(format!("{stem}-report.html"))
}

/// The HTML report, offered beside the answers saved (`ann.yaml`:
/// `ann.html`), else under the person's name.
pub fn report<'a>(
    catalog: &'a Catalog,
    outcome: &'a Outcome,
    dir: &Path,
    answers: Option<PathBuf>,
) -> Document<'a> {
    let offered = match &answers {
        Some(saved) => beside(saved.strip_prefix(dir).unwrap_or(saved))
            .display()
            .to_string(),
        None => free_name(dir, outcome.name.as_deref(), "html"),
    };
    Document {
        header: "Save the report",
        question: "Save the report as a web page (HTML) to keep and show?",
        intro: "One file that any browser opens, with nothing loaded from the \
                network: the ranking, the fit profile and the growth plan. Esc goes back.",
        offered,
        render: Box::new(move |path| Ok(render_report(catalog, outcome, answers.as_deref(), path))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_is_named_beside_the_answers_never_over_them() {
        assert_eq!(beside(Path::new("ann.yaml")), Path::new("ann.html"));
        assert_eq!(beside(Path::new("a/ann.json")), Path::new("a/ann.html"));
        assert_eq!(beside(Path::new("ann")), Path::new("ann.html"));
        assert_eq!(beside(Path::new("ann.html")), Path::new("ann-report.html"));
    }
}
