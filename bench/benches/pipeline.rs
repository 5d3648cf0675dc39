//! Criterion benchmarks of each stage: catalog load, resolution, scoring,
//! rendering. Run: `cargo bench -p rolefit-bench --bench pipeline`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rolefit::answers::{self, Format, Origin};
use rolefit::catalog::Catalog;
use rolefit::cli::OutputFormat;
use rolefit::report::{Reporter, Theme};
use rolefit::score;

const ANSWER: &str = r#"{"id":"p1","path":"full","strengths":[{"tag":"API contract design","level":4},"SLO","pager",{"tag":"IaC","level":5}],"goals":["threat modeling depth"],"work_style":{"communication":4,"planning":2.5,"stakeholder":3,"pace":4.5,"scope":2}}"#;

/// An answer set as people write them (the shape `bench/src/bin/generate.rs`
/// makes by default): aliases, odd case and separators, statements for
/// some axes, values for others.
const REALISTIC: &str = r#"{"id":"José Álvarez 000017","strengths":["ticket-to-PR execution",{"tag":"Service_Boundary ownership","level":3}," on-call  ",{"tag":"ERROR bUDgetS","level":2},"backup-and  restore",{"tag":"KB","level":4}],"goals":["IAM AND TRUST-BOUNDARY ARCHITECTURE","alErt trIAGe"],"work_style":{"planning":4.5,"Stakeholder":5},"statements":{"ws-communication-1":2,"ws-communication-3":5,"ws-pace-2":2,"ws-pace-3":1,"ws-scope-1":3}}"#;

/// A realistic set on the competency path with a work style: resolves
/// with a warning, whose line is looked up.
const WARNED: &str = r#"{"id":"p000021","path":"Competency","strengths":["SLO",{"tag":"pager","level":5}],"goals":["dns and network troubleshooting"],"work_style":{"pace":4,"scope":2}}"#;

fn origin(text: &str) -> Origin<'_> {
    Origin {
        source: "bench.jsonl",
        text,
        first_line: 1,
        default_id: "bench:1",
    }
}

fn stages(c: &mut Criterion) {
    c.bench_function("catalog load (roles.yaml parsed as YAML, 24 roles)", |b| {
        b.iter(|| Catalog::parse(black_box(rolefit::catalog::BUILTIN_SOURCE), "roles.yaml"))
    });
    c.bench_function("catalog load (built-in, embedded JSON)", |b| {
        b.iter(Catalog::builtin)
    });

    let catalog = Catalog::builtin().expect("valid built-in catalog");
    c.bench_function("parse + resolve one JSON answer set", |b| {
        b.iter(|| {
            let file =
                answers::parse(&origin(black_box(ANSWER)), Format::JsonLines).expect("valid");
            answers::resolve(file, &catalog, &origin(ANSWER)).expect("resolves")
        })
    });

    for (name, text) in [
        ("parse + resolve one realistic JSON answer set", REALISTIC),
        ("parse + resolve one JSON answer set with a warning", WARNED),
    ] {
        c.bench_function(name, |b| {
            b.iter(|| {
                let file =
                    answers::parse(&origin(black_box(text)), Format::JsonLines).expect("valid");
                answers::resolve(file, &catalog, &origin(text)).expect("resolves")
            })
        });
    }

    let file = answers::parse(&origin(ANSWER), Format::JsonLines).expect("valid");
    let respondent = answers::resolve(file, &catalog, &origin(ANSWER)).expect("resolves");
    c.bench_function("rank 24 roles", |b| {
        b.iter(|| score::rank(&catalog, black_box(&respondent), None))
    });
    c.bench_function("rank 24 roles, top 5", |b| {
        b.iter(|| score::rank(&catalog, black_box(&respondent), Some(5)))
    });

    let scored = score::assess(&catalog, respondent.clone(), None);
    for (name, format) in [
        ("render csv rows", OutputFormat::Csv),
        ("render json line", OutputFormat::Jsonl),
    ] {
        let reporter = Reporter::new(&catalog, format, Theme::PLAIN);
        c.bench_function(name, |b| {
            b.iter(|| reporter.render(black_box(scored.clone())))
        });
    }
    // CSV rows of realistic sets: one as generated, and one whose id (a
    // survey's "Last, First" name with a quote) must be quoted on each row.
    for (name, text) in [
        ("render csv rows, realistic set", REALISTIC.to_string()),
        (
            "render csv rows, realistic set, id quoted",
            REALISTIC.replace("José Álvarez 000017", r#"Álvarez, José \"Pepe\""#),
        ),
    ] {
        let file = answers::parse(&origin(&text), Format::JsonLines).expect("valid");
        let respondent = answers::resolve(file, &catalog, &origin(&text)).expect("resolves");
        let scored = score::assess(&catalog, respondent, None);
        let reporter = Reporter::new(&catalog, OutputFormat::Csv, Theme::PLAIN);
        c.bench_function(name, |b| {
            b.iter(|| reporter.render(black_box(scored.clone())))
        });
    }
    c.bench_function("render table + fit profile", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(8192);
            rolefit::report::table::single(&catalog, black_box(&scored), Theme::PLAIN, &mut out)
                .expect("writes to a Vec");
            out
        })
    });
}

fn large_catalog(c: &mut Criterion) {
    // The shape of the synthetic 1,000-role catalog of scripts/bench.sh,
    // built here so the benchmark needs no generated files.
    let mut text = String::from(rolefit::catalog::BUILTIN_SOURCE);
    let roles_at = text.find("\nroles:\n").expect("catalog has roles");
    let mut tags = String::new();
    let mut roles = String::new();
    for r in 0..1000 {
        let names: Vec<String> = (0..20).map(|t| format!("skill {r} {t}")).collect();
        for name in &names {
            tags.push_str(&format!("  - {{name: {name}}}\n"));
        }
        roles.push_str(&format!(
            "  - id: role-{r}\n    name: Role {r}\n    family: support\n    summary: s\n    detail: d\n    tags: [{}]\n    profile:\n      axes: {{communication: 3, planning: 3, stakeholder: 3, pace: 3, scope: 3}}\n      behaviors: {{trust: t, clarity: c, accountability: a, shared_results: s}}\n",
            names.join(", ")
        ));
    }
    text.insert_str(roles_at + "\nroles:\n".len(), &roles);
    let tags_at = text.find("\ntags:\n").expect("catalog has tags");
    text.insert_str(tags_at + "\ntags:\n".len(), &tags);
    let catalog = Catalog::parse(&text, "synthetic.yaml").expect("synthetic catalog is valid");
    c.bench_function("catalog load (1,024 roles, 20k tags)", |b| {
        b.iter(|| Catalog::parse(black_box(&text), "synthetic.yaml"))
    });
    let answer = r#"{"strengths":["skill 3 1",{"tag":"skill 500 2","level":5},"SLO"],"work_style":{"pace":2}}"#;
    let file = answers::parse(&origin(answer), Format::JsonLines).expect("valid");
    let respondent = answers::resolve(file, &catalog, &origin(answer)).expect("resolves");
    c.bench_function("rank 1,024 roles, top 5", |b| {
        b.iter(|| score::rank(&catalog, black_box(&respondent), Some(5)))
    });
    // Every axis answered: each role's work style counts, as for most
    // realistic answer sets.
    let answer = r#"{"strengths":["skill 3 1",{"tag":"skill 500 2","level":5},"SLO"],"goals":["skill 3 4"],"work_style":{"communication":4,"planning":2.5,"stakeholder":3,"pace":4.5,"scope":2}}"#;
    let file = answers::parse(&origin(answer), Format::JsonLines).expect("valid");
    let respondent = answers::resolve(file, &catalog, &origin(answer)).expect("resolves");
    c.bench_function("rank 1,024 roles, top 5, every axis answered", |b| {
        b.iter(|| score::rank(&catalog, black_box(&respondent), Some(5)))
    });
}

criterion_group!(benches, stages, large_catalog);
criterion_main!(benches);
