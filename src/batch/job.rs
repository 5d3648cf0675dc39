//! One answer set's job: what a batch is asked to do, and reading,
//! parsing, resolving and (when scoring) scoring and rendering one input.

use std::io;
use std::path::{Path, PathBuf};

use crate::answers::{self, Format, MAX_ANSWER_BYTES, Origin};
use crate::catalog::Catalog;
use crate::error::Located;
use crate::read::{read_limited, read_to_limit};
use crate::report::{Rendered, Renderer};
use crate::score;
use crate::survey::Surveys;

/// What a batch does with each answer set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Score and render it.
    Score,
    /// Read, parse and resolve it only (`rolefit validate`): the same
    /// messages and counts as scoring, without the scoring.
    Check,
}

/// What a batch needs besides its inputs.
pub struct Options<'a> {
    pub catalog: &'a Catalog,
    pub mode: Mode,
    /// Limits every ranking (None: all roles).
    pub top: Option<usize>,
    /// Replaces each respondent's families when not empty.
    pub families: Vec<usize>,
    pub quiet: bool,
    /// What is asked beyond each ranking (`--explain`, `--role`).
    pub asked: score::Asked,
    /// What an unknown strength or goal does.
    pub unknown_tags: answers::UnknownTags,
    /// The `--columns` mapping and standard input's survey.
    pub surveys: &'a Surveys,
}

/// One unit of parallel work.
pub(super) enum Job {
    File(PathBuf, Format),
    /// A document already read (standard input, a JSON Lines record).
    Text {
        source: String,
        text: String,
        format: Format,
        first_line: usize,
        default_id: String,
    },
    /// An input that failed before it could be parsed.
    Failed(Located),
    /// One respondent's row of a survey.
    Row(crate::survey::Row),
}

/// An answer set read and resolved (and, when scoring, rendered).
pub(super) struct Done {
    pub(super) rendered: Option<Rendered>,
    pub(super) id: String,
    /// Its line in its input, when the input holds many answer sets.
    pub(super) line: Option<usize>,
    pub(super) warnings: Vec<Located>,
}

/// What a job produced.
pub(super) type Outcome = Result<Done, Vec<Located>>;

/// Reads a whole answer set from standard input.
pub(super) fn read_stdin(format: Format) -> Job {
    let source = "<stdin>".to_string();
    match read_to_limit(io::stdin().lock(), MAX_ANSWER_BYTES)
        .map_err(|m| Located::new(&source, m))
        .and_then(|bytes| crate::read::decode(bytes, &source))
    {
        Ok(text) => Job::Text {
            source,
            text,
            format,
            first_line: 1,
            default_id: "stdin".into(),
        },
        Err(problem) => Job::Failed(problem),
    }
}

/// Reads, parses, resolves, and (when scoring) scores and renders one
/// answer set.
pub(super) fn process(job: Job, options: &Options<'_>, renderer: Option<Renderer<'_>>) -> Outcome {
    let (mut respondent, line) = resolve_job(job, options.catalog, options.unknown_tags)?;
    if !options.families.is_empty() {
        // The answers' own choice is replaced, not lost unseen.
        let mut asked = options.families.clone();
        asked.sort_unstable();
        asked.dedup();
        if !respondent.families.is_empty() && respondent.families != asked {
            let ids = |families: &[usize]| {
                let ids: Vec<&str> = families
                    .iter()
                    .map(|&f| options.catalog.families[f].id.as_str())
                    .collect();
                ids.join(", ")
            };
            let message = format!(
                "families {} of the answers are replaced by --family {}",
                ids(&respondent.families),
                ids(&options.families)
            );
            let mut warning = Located::new(&respondent.source, message);
            warning.entry = Some("families".into());
            respondent.warnings.push(warning);
        }
        respondent.families = options.families.clone();
    }
    // JSON output lists the warnings too.
    let warnings = respondent.warnings.clone();
    let id = respondent.id.clone();
    let rendered = match (options.mode, renderer) {
        (Mode::Score, Some(renderer)) => {
            let mut scored =
                score::assess_asking(options.catalog, respondent, options.top, &options.asked);
            if options.asked.aims {
                crate::plan::aims::answer_aims(options.catalog, &mut scored);
            }
            Some(renderer.render(scored))
        }
        // Checked, not scored: the answers as read, with no ranking.
        (Mode::Check, Some(renderer)) => Some(renderer.render(score::Scored {
            respondent,
            ranking: Vec::new(),
            explain: false,
            focus: Vec::new(),
            aims: Vec::new(),
        })),
        _ => None,
    };
    Ok(Done {
        rendered,
        id,
        line,
        warnings,
    })
}

/// Reads one answer file (YAML or JSON, by its extension; `-` is YAML on
/// standard input) exactly as `score` does, with the same errors: what
/// `rolefit plan` needs.
pub fn read_one(path: &Path, catalog: &Catalog) -> Result<answers::Respondent, Vec<Located>> {
    let job = if path.as_os_str() == "-" {
        read_stdin(Format::Yaml)
    } else {
        let format = Format::from_extension(path).unwrap_or(Format::Yaml);
        Job::File(path.to_path_buf(), format)
    };
    resolve_job(job, catalog, answers::UnknownTags::Warn).map(|(respondent, _)| respondent)
}

/// Reads, parses and resolves one answer set; returns it with its line
/// when its input holds many (a JSON Lines record, a survey row).
fn resolve_job(
    job: Job,
    catalog: &Catalog,
    unknown_tags: answers::UnknownTags,
) -> Result<(answers::Respondent, Option<usize>), Vec<Located>> {
    let (source, text, format, first_line, default_id) = match job {
        Job::Failed(problem) => return Err(vec![problem]),
        Job::Row(row) => {
            let respondent = row.resolve(catalog, unknown_tags)?;
            return Ok((respondent, Some(row.line())));
        }
        Job::Text {
            source,
            text,
            format,
            first_line,
            default_id,
        } => (source, text, format, first_line, default_id),
        Job::File(path, format) => {
            let source = path.display().to_string();
            let text = read_limited(&path, MAX_ANSWER_BYTES)
                .map_err(|m| vec![Located::new(&source, m)])
                .and_then(|bytes| crate::read::decode(bytes, &source).map_err(|e| vec![e]))?;
            let stem = path
                .file_stem()
                .map_or_else(|| source.clone(), |s| s.to_string_lossy().into_owned());
            (source, text, format, 1, stem)
        }
    };
    let origin = Origin {
        source: &source,
        text: &text,
        first_line,
        default_id: &default_id,
    };
    let resolved = answers::parse(&origin, format)
        .map_err(|e| vec![e])
        .and_then(|file| answers::resolve_with(file, catalog, &origin, unknown_tags));
    let respondent = match resolved {
        Ok(mut respondent) if format == Format::JsonLines => {
            respondent.at = Some(format!("line {first_line}"));
            respondent
        }
        Ok(respondent) => respondent,
        // A JSON Lines record is found again by its id, when it has one.
        Err(problems) if format == Format::JsonLines => {
            let id = record_id(&text);
            return Err(problems
                .into_iter()
                .map(|p| p.with_id(id.as_deref()))
                .collect());
        }
        Err(problems) => return Err(problems),
    };
    let line = (format == Format::JsonLines).then_some(first_line);
    Ok((respondent, line))
}

/// The `id` of a JSON Lines record that failed, if it has a readable one.
fn record_id(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        id: Option<String>,
    }
    serde_json::from_str::<IdOnly>(text).ok()?.id
}
