//! JSON and JSON Lines: one document, or one respondent per line.

use std::io::{self, Write};

use serde::Serialize;

use super::aims;
use super::writer::{FormatWriter, Rendered, Renderer, write_text};
use crate::answers::Respondent;
use crate::catalog::Catalog;
use crate::error::Located;
use crate::score::{Aim, AimPlan, RoleScore, Scored, breakdown, explain, round4, word_for};

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct RespondentOut<'a> {
    id: &'a str,
    source: &'a str,
    path: &'a str,
    /// When the answers were given and the person's group, when said.
    #[serde(skip_serializing_if = "Option::is_none")]
    assessed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    ranking: Vec<RankOut<'a>>,
    /// The role the person named, or those their goals point at, each
    /// with its place now and the plan toward it.
    aims: Vec<AimOut<'a>>,
    /// The person's own answer on each axis they answered, in axis order.
    work_style: crate::answers::UniqueMap<f64>,
    warnings: Vec<String>,
    /// Where in its source, when it holds many (`row 3`, `line 3`).
    at: Option<&'a str>,
    /// What the result stands on little of.
    notes: Vec<NoteOut>,
    /// The scoring rule's version (`reader::RULE_VERSION`).
    rule: u32,
    understood: Vec<super::words::UnderstoodOut<'a>>,
    not_understood: &'a [String],
}

#[derive(Serialize)]
struct NoteOut {
    kind: &'static str,
    text: String,
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
    /// The score, to 4 decimals, equals a neighbour's.
    tied: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<ExplainOut<'a>>,
}

/// How a score is made up (`--explain`).
#[derive(Serialize)]
struct ExplainOut<'a> {
    weights: WeightsOut,
    competency: Vec<TagPointsOut<'a>>,
    growth: Vec<GoalPointsOut<'a>>,
    work_style: Vec<AxisPointsOut<'a>>,
}

#[derive(Serialize)]
struct WeightsOut {
    competency: f64,
    growth: f64,
    work_style: f64,
}

#[derive(Serialize)]
struct TagPointsOut<'a> {
    tag: &'a str,
    level: Option<u8>,
    points: f64,
    /// The word that earned the points and how it was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    word: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    how: Option<&'static str>,
}

#[derive(Serialize)]
struct GoalPointsOut<'a> {
    tag: &'a str,
    points: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    word: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    how: Option<&'static str>,
}

#[derive(Serialize)]
struct AxisPointsOut<'a> {
    axis: &'a str,
    you: f64,
    target: f64,
    points: f64,
}

fn explain_out<'a>(catalog: &'a Catalog, r: &'a Respondent, s: &RoleScore) -> ExplainOut<'a> {
    let b = breakdown(catalog, r, s);
    let earned = |tag: usize, goal: bool, points: f64| {
        let word = (points > 0.0).then(|| word_for(r, tag, goal)).flatten();
        (word.map(|u| u.said.as_str()), word.map(|u| u.how.as_str()))
    };
    let tag = |t: usize| catalog.tags[t].name.as_str();
    ExplainOut {
        weights: WeightsOut {
            competency: round4(b.weights.competency),
            growth: round4(b.weights.growth),
            work_style: round4(b.weights.work_style),
        },
        competency: b
            .competency
            .iter()
            .map(|p| {
                let (word, how) = earned(p.tag, false, p.points);
                TagPointsOut {
                    tag: tag(p.tag),
                    level: p.level.or(p.related),
                    points: round4(p.points),
                    word,
                    how,
                }
            })
            .collect(),
        growth: b
            .growth
            .iter()
            .map(|p| {
                let (word, how) = earned(p.tag, true, p.points);
                GoalPointsOut {
                    tag: tag(p.tag),
                    points: round4(p.points),
                    word,
                    how,
                }
            })
            .collect(),
        work_style: b
            .work_style
            .iter()
            .map(|p| AxisPointsOut {
                axis: &catalog.axes[p.axis].id,
                you: p.you,
                target: p.target,
                points: round4(p.points),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct AimOut<'a> {
    role_id: &'a str,
    from: &'static str,
    /// None when its family is not among those ranked.
    rank: Option<usize>,
    score: f64,
    within: usize,
    max_raise: u8,
    /// None when no change of strengths brings it within reach.
    changes: Option<Vec<aims::ChangeOut<'a>>>,
    rank_after: Option<usize>,
    score_after: Option<f64>,
    coverage: aims::CoverageOut,
    reason: Option<&'a str>,
}

fn aim_out<'a>(catalog: &'a Catalog, r: &Respondent, aim: &'a Aim) -> AimOut<'a> {
    let (changes, rank_after, score_after, reason) = match &aim.plan {
        AimPlan::Found {
            changes,
            rank_after,
            score_after,
        } => (
            Some(changes.as_slice()),
            Some(*rank_after),
            Some(round4(*score_after)),
            None,
        ),
        AimPlan::Unreachable(why) => (None, None, None, Some(why.as_str())),
    };
    AimOut {
        role_id: &catalog.roles[aim.role].id,
        from: aim.from.id(),
        rank: aim.place.map(|p| p.rank),
        score: round4(aim.score),
        within: aim.within,
        max_raise: aim.max_raise,
        changes: changes.map(|c| aims::changes_out(catalog, c)),
        rank_after,
        score_after,
        coverage: aims::coverage_out(catalog, r, aim.role, changes),
        reason,
    }
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
                tied: s.tied,
                explain: scored.explain.then(|| explain_out(catalog, r, s)),
            }
        })
        .collect();
    RespondentOut {
        id: &r.id,
        source: &r.source,
        path: &catalog.paths[r.path].id,
        assessed: r.meta.assessed.map(|d| d.to_string()),
        group: r.meta.group.as_deref(),
        ranking,
        aims: scored.aims.iter().map(|a| aim_out(catalog, r, a)).collect(),
        work_style: r.work_style_answers(catalog),
        warnings: r.warnings.iter().map(ToString::to_string).collect(),
        at: r.at.as_deref(),
        notes: crate::score::notes(catalog, scored)
            .into_iter()
            .map(|n| NoteOut {
                kind: n.kind.name(),
                text: n.text,
            })
            .collect(),
        rule: crate::reader::RULE_VERSION,
        understood: super::words::understood(catalog, r),
        not_understood: &r.words.not_understood,
    }
}

/// JSON text, escaped by [`crate::text::escape_json`]. Serialising these
/// plain structs cannot fail.
fn to_string<T: Serialize>(value: &T, pretty: bool) -> String {
    let result = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    crate::text::escape_json(result.unwrap_or_default())
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

pub fn end(errors: &[Located], notices: &[Located], out: &mut dyn Write) -> io::Result<()> {
    let list = |items: &[Located]| {
        let items: Vec<ErrorOut<'_>> = items.iter().map(|e| error_out(e, false)).collect();
        to_string(&items, true).replace('\n', "\n  ")
    };
    writeln!(
        out,
        "\n  ],\n  \"errors\": {},\n  \"notices\": {}\n}}",
        list(errors),
        list(notices)
    )
}

/// The JSON document: respondents streamed into its array, errors at the
/// end.
pub struct JsonWriter<'c> {
    catalog: &'c Catalog,
    written: usize,
    errors: Vec<Located>,
    notices: Vec<Located>,
}

impl<'c> JsonWriter<'c> {
    pub fn new(catalog: &'c Catalog) -> Self {
        JsonWriter {
            catalog,
            written: 0,
            errors: Vec::new(),
            notices: Vec::new(),
        }
    }
}

impl<'c> FormatWriter<'c> for JsonWriter<'c> {
    fn renderer(&self) -> Renderer<'c> {
        Renderer::new(self.catalog, |catalog, scored| {
            Rendered::Text(respondent_pretty(catalog, &scored))
        })
    }

    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        begin(self.catalog, out)
    }

    fn emit(&mut self, rendered: Rendered, out: &mut dyn Write) -> io::Result<()> {
        if self.written > 0 {
            out.write_all(b",\n")?;
        }
        self.written += 1;
        write_text(rendered, out)
    }

    fn error(&mut self, problems: &[Located], _out: &mut dyn Write) -> io::Result<()> {
        self.errors.extend_from_slice(problems);
        Ok(())
    }

    fn notice(&mut self, notice: &Located) {
        self.notices.push(notice.clone());
    }

    fn finish(self: Box<Self>, out: &mut dyn Write) -> io::Result<()> {
        end(&self.errors, &self.notices, out)
    }
}

/// JSON Lines: one line per respondent or failed input, as they come.
pub struct JsonLinesWriter<'c> {
    catalog: &'c Catalog,
}

impl<'c> JsonLinesWriter<'c> {
    pub fn new(catalog: &'c Catalog) -> Self {
        JsonLinesWriter { catalog }
    }
}

impl<'c> FormatWriter<'c> for JsonLinesWriter<'c> {
    fn renderer(&self) -> Renderer<'c> {
        Renderer::new(self.catalog, |catalog, scored| {
            Rendered::Text(respondent_line(catalog, &scored))
        })
    }

    fn emit(&mut self, rendered: Rendered, out: &mut dyn Write) -> io::Result<()> {
        write_text(rendered, out)
    }

    fn error(&mut self, problems: &[Located], out: &mut dyn Write) -> io::Result<()> {
        for problem in problems {
            out.write_all(error_line(problem).as_bytes())?;
        }
        Ok(())
    }

    fn finish(self: Box<Self>, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}
