//! JSON and JSON Lines (DESIGN section 6).

use std::io::{self, Write};

use serde::Serialize;

use crate::catalog::Catalog;
use crate::error::Located;
use crate::score::{Scored, explain, round4};

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct RespondentOut<'a> {
    id: &'a str,
    source: &'a str,
    path: &'a str,
    ranking: Vec<RankOut<'a>>,
    /// The person's own answer on each axis they answered, in axis order.
    work_style: crate::answers::UniqueMap<f64>,
    warnings: Vec<String>,
}

#[derive(Serialize)]
struct RankOut<'a> {
    rank: usize,
    role_id: &'a str,
    role: &'a str,
    family: &'a str,
    score: f64,
    competency: Option<f64>,
    growth: Option<f64>,
    work_style: Option<f64>,
    matched: Vec<MatchedOut<'a>>,
    gaps: Vec<&'a str>,
}

#[derive(Serialize)]
struct MatchedOut<'a> {
    tag: &'a str,
    level: u8,
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    error: bool,
    source: &'a str,
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    message: String,
}

fn respondent<'a>(catalog: &'a Catalog, scored: &'a Scored) -> RespondentOut<'a> {
    let r = &scored.respondent;
    let ranking = scored
        .ranking
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let role = &catalog.roles[s.role];
            let why = explain(catalog, r, s);
            RankOut {
                rank: i + 1,
                role_id: &role.id,
                role: &role.name,
                family: &catalog.families[role.family].id,
                score: round4(s.score),
                competency: s.competency.map(round4),
                growth: s.growth.map(round4),
                work_style: s.work_style.map(round4),
                matched: why
                    .matched
                    .iter()
                    .map(|&(tag, level)| MatchedOut {
                        tag: &catalog.tags[tag].name,
                        level,
                    })
                    .collect(),
                gaps: why
                    .gaps
                    .iter()
                    .map(|&t| catalog.tags[t].name.as_str())
                    .collect(),
            }
        })
        .collect();
    RespondentOut {
        id: &r.id,
        source: &r.source,
        path: &catalog.paths[r.path].id,
        ranking,
        work_style: r.work_style_answers(catalog),
        warnings: r.warnings.iter().map(ToString::to_string).collect(),
    }
}

/// Serialising these plain structs cannot fail.
fn to_string<T: Serialize>(value: &T, pretty: bool) -> String {
    let result = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    result.unwrap_or_default()
}

/// One element of `respondents`, indented to sit inside the document.
pub fn respondent_pretty(catalog: &Catalog, scored: &Scored) -> String {
    // JSON strings hold no raw newlines, so re-indenting lines is safe.
    let text = to_string(&respondent(catalog, scored), true);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("    ");
        out.push_str(line);
    }
    out
}

pub fn respondent_line(catalog: &Catalog, scored: &Scored) -> String {
    let mut line = to_string(&respondent(catalog, scored), false);
    line.push('\n');
    line
}

fn error_out(problem: &Located, error: bool) -> ErrorOut<'_> {
    ErrorOut {
        error,
        source: &problem.source,
        line: problem.line,
        id: problem.id.as_deref(),
        message: problem.detail(),
    }
}

pub fn error_line(problem: &Located) -> String {
    let mut line = to_string(&error_out(problem, true), false);
    line.push('\n');
    line
}

pub fn begin(catalog: &Catalog, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"catalog\": {{\n    \"version\": {},\n    \"roles\": {}\n  }},\n  \"respondents\": [",
        catalog.version,
        catalog.roles.len()
    )
}

pub fn end(errors: &[Located], out: &mut dyn Write) -> io::Result<()> {
    let errors: Vec<ErrorOut<'_>> = errors.iter().map(|e| error_out(e, false)).collect();
    let errors = to_string(&errors, true).replace('\n', "\n  ");
    writeln!(out, "\n  ],\n  \"errors\": {errors}\n}}")
}
