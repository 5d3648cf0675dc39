//! Generates benchmark and test data: answer sets and large synthetic
//! catalogs. Deterministic: the same arguments give the same bytes.
//!
//! Answer sets are realistic by default: tag names typed as people type
//! them (aliases, odd case, `-`/`_`/extra spaces), 0–12 strengths with and
//! without levels, goals, partial work style given as values or through
//! statements, some `families` filters, ids with accents or CJK, and about
//! one set in nine on the competency path with a work style (which draws a
//! warning). `--shape lean` gives the older, tidier sets. Every set scores
//! (exit 0); `--format csv` writes the same sets as survey rows.
//!
//! ```sh
//! cargo run --release -p rolefit-bench --bin generate -- answers --count 50000 --format jsonl > cohort.jsonl
//! cargo run --release -p rolefit-bench --bin generate -- answers --count 50000 --format csv > survey.csv
//! cargo run --release -p rolefit-bench --bin generate -- answers --count 10000 --format yaml --dir answers/
//! cargo run --release -p rolefit-bench --bin generate -- answers --shape lean --count 50000 > lean.jsonl
//! cargo run --release -p rolefit-bench --bin generate -- catalog --roles 1000 --tags-per-role 20 > big.yaml
//! cargo run --release -p rolefit-bench --bin generate -- answers --catalog big.yaml --count 100000 --format jsonl
//! ```

#![allow(clippy::print_stderr)] // A developer tool, not rolefit: it has no diagnostics module.
use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use rolefit::catalog::Catalog;

/// xorshift64*: small, fast and good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn usage() -> ! {
    eprintln!(
        "usage: generate answers [--catalog FILE] [--count N] [--format yaml|json|jsonl|csv] [--dir DIR] [--seed S] [--shape realistic|lean]\n       generate catalog [--roles N] [--tags-per-role N] [--seed S]"
    );
    std::process::exit(2)
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut flags = std::collections::HashMap::new();
    for pair in args.get(1..).unwrap_or_default().chunks(2) {
        match pair {
            [flag, value] if flag.starts_with("--") => {
                flags.insert(flag.trim_start_matches("--").to_string(), value.clone());
            }
            _ => usage(),
        }
    }
    let number = |name: &str, default: usize| {
        flags
            .get(name)
            .map_or(default, |v| v.parse().unwrap_or_else(|_| usage()))
    };
    let mut rng = Rng(number("seed", 42) as u64 | 1);
    match args.first().map(String::as_str) {
        Some("answers") => {
            let catalog = Catalog::load(flags.get("catalog").map(PathBuf::from).as_deref())
                .unwrap_or_else(|e| {
                    eprintln!("{e}");
                    std::process::exit(2)
                });
            let shape = match flags.get("shape").map_or("realistic", String::as_str) {
                "realistic" => Shape::Realistic,
                "lean" => Shape::Lean,
                _ => usage(),
            };
            let format = flags.get("format").map_or("jsonl", String::as_str);
            let mut generator = Generator {
                catalog: &catalog,
                rng: &mut rng,
                shape,
            };
            generator.write(number("count", 1000), format, flags.get("dir"))
        }
        Some("catalog") => {
            let text = catalog(&mut rng, number("roles", 1000), number("tags-per-role", 20));
            io::stdout().lock().write_all(text.as_bytes())
        }
        _ => usage(),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Shape {
    Realistic,
    Lean,
}

/// One answer set as a person wrote it: names not yet resolved.
#[derive(Default)]
struct AnswerSet {
    id: Option<String>,
    path: Option<String>,
    /// Tag as typed, and its level if one was given.
    strengths: Vec<(String, Option<usize>)>,
    goals: Vec<String>,
    /// Axis id as typed, and a value 1–5 in halves.
    work_style: Vec<(String, f64)>,
    /// Question id as typed, the answer 1–5, and whether a survey writes it
    /// as its Likert label.
    statements: Vec<(String, usize, bool)>,
    families: Option<Vec<String>>,
}

const LIKERT: [&str; 5] = [
    "strongly disagree",
    "disagree",
    "neutral",
    "agree",
    "strongly agree",
];

/// Names people put in the id field besides plain codes.
const PEOPLE: [&str; 8] = [
    "José Álvarez",
    "Zoë Brontë",
    "李雷",
    "田中 花子",
    "Nguyễn Thị Minh",
    "Doe, Jane",
    "@jdoe",
    "Ørjan Ødegård",
];

struct Generator<'a> {
    catalog: &'a Catalog,
    rng: &'a mut Rng,
    shape: Shape,
}

impl Generator<'_> {
    fn write(&mut self, count: usize, format: &str, dir: Option<&String>) -> io::Result<()> {
        match (format, dir) {
            ("jsonl", None) => {
                let mut out = BufWriter::new(io::stdout().lock());
                for i in 0..count {
                    writeln!(out, "{}", self.json(i))?;
                }
                out.flush()
            }
            // Survey rows are written from realistic sets only.
            ("csv", None) if self.shape == Shape::Realistic => {
                let mut out = csv::Writer::from_writer(BufWriter::new(io::stdout().lock()));
                out.write_record(self.survey_header())?;
                for i in 0..count {
                    let set = self.answer_set(i);
                    out.write_record(self.survey_row(&set))?;
                }
                out.flush()
            }
            ("json" | "yaml", Some(dir)) => {
                std::fs::create_dir_all(dir)?;
                for i in 0..count {
                    let json = self.json(i);
                    let text = if format == "yaml" {
                        let value: serde_json::Value =
                            serde_json::from_str(&json).map_err(io::Error::other)?;
                        serde_yaml::to_string(&value).map_err(io::Error::other)?
                    } else {
                        json
                    };
                    std::fs::write(PathBuf::from(dir).join(format!("p{i:06}.{format}")), text)?;
                }
                Ok(())
            }
            _ => usage(),
        }
    }

    fn json(&mut self, id: usize) -> String {
        match self.shape {
            Shape::Lean => lean_json(self.catalog, self.rng, id),
            Shape::Realistic => {
                let set = self.answer_set(id);
                to_json(&set)
            }
        }
    }

    fn below(&mut self, n: usize) -> usize {
        self.rng.below(n)
    }

    /// True one time in `n`.
    fn one_in(&mut self, n: usize) -> bool {
        self.rng.below(n) == 0
    }

    /// A name as people type it: mostly as written, sometimes lower or
    /// upper case, mixed case, `-`/`_` or doubled spaces between words,
    /// or padded. Each form normalises back to the name.
    fn as_typed(&mut self, name: &str) -> String {
        let typed: String = match self.below(10) {
            0..=4 => name.to_string(),
            5 => name.to_ascii_lowercase(),
            6 => name.to_ascii_uppercase(),
            7 => name
                .chars()
                .map(|c| {
                    if self.one_in(2) {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect(),
            _ => {
                let separators = [" ", "-", "_", "  ", " - "];
                let mut out = String::with_capacity(name.len() + 4);
                for (i, word) in name.split(' ').enumerate() {
                    if i > 0 {
                        out.push_str(separators[self.below(separators.len())]);
                    }
                    out.push_str(word);
                }
                out
            }
        };
        if self.one_in(20) {
            format!(" {typed}  ")
        } else {
            typed
        }
    }

    /// A tag by its name or, a third of the time, one of its aliases; typed.
    fn tag_as_typed(&mut self, tag: usize) -> String {
        let catalog = self.catalog;
        let info = &catalog.tags[tag];
        let name = if !info.aliases.is_empty() && self.one_in(3) {
            info.aliases[self.below(info.aliases.len())].clone()
        } else {
            info.name.clone()
        };
        self.as_typed(&name)
    }

    /// The first path that assesses exactly these components.
    fn path_id(&self, competency: bool, work_style: bool) -> &str {
        self.catalog
            .paths
            .iter()
            .find(|p| {
                p.assesses_competency() == competency && p.assesses_work_style() == work_style
            })
            .map_or("full", |p| p.id.as_str())
    }

    /// A realistic answer set. Always valid: names resolve, levels and
    /// answers are in range, an axis is answered one way only, and the
    /// work-style path has at least one axis.
    fn answer_set(&mut self, i: usize) -> AnswerSet {
        let mut set = AnswerSet {
            id: match self.below(20) {
                0 => None,
                1 | 2 => Some(format!("{} {i:06}", PEOPLE[self.below(PEOPLE.len())])),
                _ => Some(format!("p{i:06}")),
            },
            ..AnswerSet::default()
        };
        // 26 in 36 full, 4 in 36 (one in nine) competency with a work style
        // (ignored with a warning), 2 in 36 competency alone, 4 in 36 work
        // style only.
        let kind = self.below(36);
        let (competency, work_style, style_given) = match kind {
            0..=25 => (true, true, true),
            26..=29 => (true, false, true),
            30..=31 => (true, false, false),
            _ => (false, true, true),
        };
        let path = self.path_id(competency, work_style).to_string();
        set.path = if competency && work_style && self.one_in(4) {
            None
        } else if self.one_in(10) {
            Some(self.as_typed(&path))
        } else {
            Some(path)
        };

        // People on the work-style path rarely list strengths; when they do
        // the strengths are ignored with a warning.
        if competency || self.one_in(5) {
            self.strengths(&mut set);
            for _ in 0..[0, 1, 1, 1, 2, 2, 3][self.below(7)] {
                let tag = self.below(self.catalog.tags.len());
                let typed = self.tag_as_typed(tag);
                set.goals.push(typed);
            }
        }
        // A set with nothing in it says nothing; give those a work style.
        // Those on the competency path who give one anyway draw the warning.
        let needs_style = work_style && (!competency || set.strengths.is_empty());
        let warned = style_given && !work_style;
        if style_given && (needs_style || warned || !self.one_in(8)) {
            self.work_style(&mut set);
        }
        if self.one_in(10) {
            let catalog = self.catalog;
            let families = &catalog.families;
            let mut chosen = Vec::new();
            for _ in 0..1 + self.below(2) {
                let id = families[self.below(families.len())].id.clone();
                chosen.push(self.as_typed(&id));
            }
            set.families = Some(chosen);
        }
        set
    }

    /// 0–12 strengths, most from one role's area, some from elsewhere; a
    /// level given a bit more often than not; now and then the same tag
    /// twice through an alias (which draws a warning).
    fn strengths(&mut self, set: &mut AnswerSet) {
        const COUNTS: [usize; 17] = [0, 1, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10, 11, 12];
        let count = COUNTS[self.below(COUNTS.len())];
        let catalog = self.catalog;
        let home = &catalog.roles[self.below(catalog.roles.len())];
        let mut tags: Vec<usize> = Vec::with_capacity(count);
        let mut attempts = 0;
        while tags.len() < count && attempts < 100 {
            attempts += 1;
            let tag = if self.below(3) < 2 {
                home.tags[self.below(home.tags.len())]
            } else {
                self.below(catalog.tags.len())
            };
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        if !tags.is_empty() && self.one_in(15) {
            tags.push(tags[self.below(tags.len())]);
        }
        for tag in tags {
            let typed = self.tag_as_typed(tag);
            let level = (self.below(5) < 3).then(|| [1, 2, 3, 3, 4, 4, 4, 5, 5][self.below(9)]);
            set.strengths.push((typed, level));
        }
    }

    /// Work style by values, by statements, or a mix, on some or all axes.
    fn work_style(&mut self, set: &mut AnswerSet) {
        let catalog = self.catalog;
        let mode = self.below(10);
        let partial = self.one_in(3);
        let mut answered = 0;
        for (axis, info) in catalog.axes.iter().enumerate() {
            let last_chance = axis + 1 == catalog.axes.len() && answered == 0;
            if partial && !last_chance && self.below(5) < 2 {
                continue;
            }
            let has_questions = catalog.questions.iter().any(|q| q.axis == axis);
            let by_statements = has_questions
                && match mode {
                    0..=5 => false,
                    6 | 7 => true,
                    _ => self.one_in(2),
                };
            answered += 1;
            if by_statements {
                let questions: Vec<&str> = catalog
                    .questions
                    .iter()
                    .filter(|q| q.axis == axis)
                    .map(|q| q.id.as_str())
                    .collect();
                let mut wrote = false;
                for (k, id) in questions.iter().enumerate() {
                    // At least one statement of an axis taken this way.
                    if (wrote || k + 1 < questions.len()) && self.one_in(4) {
                        continue;
                    }
                    wrote = true;
                    let answer = 1 + self.below(5);
                    let label = self.one_in(2);
                    let typed = if self.one_in(15) {
                        self.as_typed(id)
                    } else {
                        id.to_string()
                    };
                    set.statements.push((typed, answer, label));
                }
            } else {
                let value = 1.0 + self.below(9) as f64 / 2.0;
                let typed = if self.one_in(15) {
                    self.as_typed(&info.id)
                } else {
                    info.id.clone()
                };
                set.work_style.push((typed, value));
            }
        }
    }

    /// The survey's header: every column the importer reads by name.
    fn survey_header(&self) -> Vec<String> {
        let mut header: Vec<String> = ["id", "path", "families", "strengths", "goals"]
            .map(String::from)
            .to_vec();
        header.extend(self.catalog.axes.iter().map(|a| a.id.clone()));
        header.extend(self.catalog.questions.iter().map(|q| q.id.clone()));
        header
    }

    /// One survey row: list cells separated by `; `, a level as `tag (N)`,
    /// statements as numbers or Likert labels.
    fn survey_row(&self, set: &AnswerSet) -> Vec<String> {
        let strengths: Vec<String> = set
            .strengths
            .iter()
            .map(|(tag, level)| match level {
                Some(level) => format!("{} ({level})", tag.trim()),
                None => tag.trim().to_string(),
            })
            .collect();
        let mut row = vec![
            set.id.clone().unwrap_or_default(),
            set.path.clone().unwrap_or_default(),
            set.families.as_deref().unwrap_or_default().join("; "),
            strengths.join("; "),
            set.goals.join("; "),
        ];
        let catalog = self.catalog;
        for axis in 0..catalog.axes.len() {
            let value = set
                .work_style
                .iter()
                .find(|(id, _)| catalog.axis_index(id) == Some(axis))
                .map(|(_, v)| v.to_string());
            row.push(value.unwrap_or_default());
        }
        for question in 0..catalog.questions.len() {
            let cell = set
                .statements
                .iter()
                .find(|(id, ..)| catalog.question_index(id) == Some(question))
                .map(|&(_, answer, label)| {
                    if label {
                        LIKERT[answer - 1].to_string()
                    } else {
                        answer.to_string()
                    }
                });
            row.push(cell.unwrap_or_default());
        }
        row
    }
}

/// An answer set as one line of JSON, keys in the order people write them.
fn to_json(set: &AnswerSet) -> String {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let mut fields: Vec<String> = Vec::new();
    if let Some(id) = &set.id {
        fields.push(format!("\"id\":{}", quote(id)));
    }
    if let Some(path) = &set.path {
        fields.push(format!("\"path\":{}", quote(path)));
    }
    if !set.strengths.is_empty() {
        let items: Vec<String> = set
            .strengths
            .iter()
            .map(|(tag, level)| match level {
                Some(level) => format!("{{\"tag\":{},\"level\":{level}}}", quote(tag)),
                None => quote(tag),
            })
            .collect();
        fields.push(format!("\"strengths\":[{}]", items.join(",")));
    }
    if !set.goals.is_empty() {
        let items: Vec<String> = set.goals.iter().map(|g| quote(g)).collect();
        fields.push(format!("\"goals\":[{}]", items.join(",")));
    }
    if !set.work_style.is_empty() {
        let items: Vec<String> = set
            .work_style
            .iter()
            .map(|(axis, value)| format!("{}:{value}", quote(axis)))
            .collect();
        fields.push(format!("\"work_style\":{{{}}}", items.join(",")));
    }
    if !set.statements.is_empty() {
        let items: Vec<String> = set
            .statements
            .iter()
            .map(|(id, answer, _)| format!("{}:{answer}", quote(id)))
            .collect();
        fields.push(format!("\"statements\":{{{}}}", items.join(",")));
    }
    if let Some(families) = &set.families {
        let items: Vec<String> = families.iter().map(|f| quote(f)).collect();
        fields.push(format!("\"families\":[{}]", items.join(",")));
    }
    format!("{{{}}}", fields.join(","))
}

/// The lean shape: one answer set as JSON, a person strong in one role's
/// area, with a few strengths from elsewhere, a goal or two and most
/// work-style axes; names as the catalog writes them (aliases sometimes).
fn lean_json(catalog: &Catalog, rng: &mut Rng, id: usize) -> String {
    let paths = ["full", "full", "full", "competency", "work-style"];
    let path = paths[rng.below(paths.len())];
    let home = &catalog.roles[rng.below(catalog.roles.len())];
    let mut json = format!("{{\"id\":\"p{id:06}\",\"path\":\"{path}\"");
    if path != "work-style" {
        let mut strengths = Vec::new();
        for &tag in home.tags.iter().take(2 + rng.below(2)) {
            strengths.push(tag);
        }
        for _ in 0..rng.below(3) {
            strengths.push(rng.below(catalog.tags.len()));
        }
        strengths.sort_unstable();
        strengths.dedup();
        json.push_str(",\"strengths\":[");
        for (i, &tag) in strengths.iter().enumerate() {
            let sep = if i > 0 { "," } else { "" };
            let tag_info = &catalog.tags[tag];
            // Sometimes an alias, as people type them.
            let name = match tag_info.aliases.first() {
                Some(alias) if rng.below(4) == 0 => alias,
                _ => &tag_info.name,
            };
            let name = serde_json::to_string(name).unwrap_or_default();
            if rng.below(2) == 0 {
                let _ = write!(json, "{sep}{name}");
            } else {
                let _ = write!(
                    json,
                    "{sep}{{\"tag\":{name},\"level\":{}}}",
                    1 + rng.below(5)
                );
            }
        }
        let goal = serde_json::to_string(&catalog.tags[rng.below(catalog.tags.len())].name)
            .unwrap_or_default();
        let _ = write!(json, "],\"goals\":[{goal}]");
    }
    if path != "competency" {
        json.push_str(",\"work_style\":{");
        let mut first = true;
        for (a, axis) in catalog.axes.iter().enumerate() {
            if rng.below(6) == 0 && a > 0 {
                continue;
            }
            let value = 1.0 + rng.below(9) as f64 / 2.0;
            let sep = if first { "" } else { "," };
            first = false;
            let _ = write!(json, "{sep}\"{}\":{value}", axis.id);
        }
        json.push('}');
    }
    json.push('}');
    json
}

/// A catalog of `roles` roles, each with `per_role` tags of its own: the
/// shape of the built-in one, many times over.
fn catalog(rng: &mut Rng, roles: usize, per_role: usize) -> String {
    let builtin = Catalog::builtin().expect("the built-in catalog is valid");
    let mut out = String::from("version: 1\nfamilies:\n");
    for f in &builtin.families {
        let _ = writeln!(
            out,
            "  - {{id: {}, name: {}, description: \"{}\"}}",
            f.id, f.name, f.description
        );
    }
    out.push_str("axes:\n");
    for a in &builtin.axes {
        let _ = writeln!(
            out,
            "  - {{id: {}, name: {}, low: \"{}\", high: \"{}\"}}",
            a.id, a.name, a.low, a.high
        );
    }
    out.push_str("questions:\n");
    for q in &builtin.questions {
        let _ = writeln!(
            out,
            "  - {{id: {}, axis: {}, text: \"{}\", reverse: {}}}",
            q.id, builtin.axes[q.axis].id, q.text, q.reverse
        );
    }
    out.push_str("paths:\n");
    for p in &builtin.paths {
        let w = p.weights;
        let mut weights = Vec::new();
        for (name, value) in [
            ("competency", w.competency),
            ("growth", w.growth),
            ("work_style", w.work_style),
        ] {
            if let Some(v) = value {
                weights.push(format!("{name}: {v}"));
            }
        }
        let _ = writeln!(
            out,
            "  - {{id: {}, name: {}, description: \"{}\", weights: {{{}}}}}",
            p.id,
            p.name,
            p.description,
            weights.join(", ")
        );
    }
    out.push_str("tags:\n");
    for r in 0..roles {
        for t in 0..per_role {
            let _ = writeln!(out, "  - {{name: skill {r} {t}, aliases: [s{r}x{t}]}}");
        }
    }
    out.push_str("roles:\n");
    for r in 0..roles {
        let family = &builtin.families[r % builtin.families.len()].id;
        let tags: Vec<String> = (0..per_role).map(|t| format!("skill {r} {t}")).collect();
        let axes: Vec<String> = builtin
            .axes
            .iter()
            .map(|a| format!("{}: {}", a.id, 1 + rng.below(5)))
            .collect();
        let _ = writeln!(
            out,
            "  - id: role-{r}\n    name: Role {r}\n    family: {family}\n    summary: \"Synthetic role {r}.\"\n    detail: \"A generated role for benchmarks.\"\n    tags: [{}]\n    profile:\n      axes: {{{}}}\n      behaviors: {{trust: \"t\", clarity: \"c\", accountability: \"a\", shared_results: \"s\"}}",
            tags.join(", "),
            axes.join(", ")
        );
    }
    out
}
