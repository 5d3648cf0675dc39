//! Generates benchmark and test data: realistic answer sets and large
//! synthetic catalogs. Deterministic: the same arguments give the same bytes.
//!
//! ```sh
//! cargo run --release --example generate -- answers --count 50000 --format jsonl > cohort.jsonl
//! cargo run --release --example generate -- answers --count 50000 --format csv > cohort.csv
//! cargo run --release --example generate -- answers --count 10000 --format yaml --dir answers/
//! cargo run --release --example generate -- catalog --roles 1000 --tags-per-role 20 > big.yaml
//! cargo run --release --example generate -- answers --catalog big.yaml --count 100000 --format jsonl
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
        "usage: generate answers [--catalog FILE] [--count N] [--format yaml|json|jsonl|csv] [--dir DIR] [--seed S]\n       generate catalog [--roles N] [--tags-per-role N] [--seed S]"
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
            let format = flags.get("format").map_or("jsonl", String::as_str);
            answers(
                &catalog,
                &mut rng,
                number("count", 1000),
                format,
                flags.get("dir"),
            )
        }
        Some("catalog") => {
            let text = catalog(&mut rng, number("roles", 1000), number("tags-per-role", 20));
            io::stdout().lock().write_all(text.as_bytes())
        }
        _ => usage(),
    }
}

/// One answer set as JSON: a person strong in one role's area, with a few
/// strengths from elsewhere, a goal or two and most work-style axes.
fn answer_json(catalog: &Catalog, rng: &mut Rng, id: usize) -> String {
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

fn answers(
    catalog: &Catalog,
    rng: &mut Rng,
    count: usize,
    format: &str,
    dir: Option<&String>,
) -> io::Result<()> {
    match (format, dir) {
        ("jsonl", None) => {
            let mut out = BufWriter::new(io::stdout().lock());
            for i in 0..count {
                writeln!(out, "{}", answer_json(catalog, rng, i))?;
            }
            out.flush()
        }
        // The same answer sets as jsonl, as a survey export with the
        // columns `rolefit template --format csv` prints.
        ("csv", None) => {
            let mut out = csv::Writer::from_writer(BufWriter::new(io::stdout().lock()));
            let mut header = vec![
                "id".to_string(),
                "path".into(),
                "strengths".into(),
                "goals".into(),
            ];
            header.extend(catalog.axes.iter().map(|a| a.id.clone()));
            out.write_record(&header)?;
            for i in 0..count {
                let json = answer_json(catalog, rng, i);
                let value: serde_json::Value =
                    serde_json::from_str(&json).map_err(io::Error::other)?;
                let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
                let list = |key: &str| {
                    value[key]
                        .as_array()
                        .map(|items| {
                            items
                                .iter()
                                .map(|item| match item.get("tag") {
                                    Some(tag) => format!("{} ({})", text(tag), item["level"]),
                                    None => text(item),
                                })
                                .collect::<Vec<_>>()
                                .join("; ")
                        })
                        .unwrap_or_default()
                };
                let mut row = vec![
                    text(&value["id"]),
                    text(&value["path"]),
                    list("strengths"),
                    list("goals"),
                ];
                row.extend(catalog.axes.iter().map(|a| {
                    value["work_style"]
                        .get(&a.id)
                        .map_or(String::new(), |v| v.to_string())
                }));
                out.write_record(&row)?;
            }
            out.flush()
        }
        ("json" | "yaml", Some(dir)) => {
            std::fs::create_dir_all(dir)?;
            for i in 0..count {
                let json = answer_json(catalog, rng, i);
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
