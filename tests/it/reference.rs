//! An independent reference implementation of the scoring rule, written
//! from its description in docs/scoring.md alone, checked against the
//! library and the binary.
//!
//! The reference reads `roles.yaml` itself, normalises and resolves names
//! itself (as answer files are read), and computes every component in exact
//! rational arithmetic, so its 4-decimal rounding is the rounding of the number "on
//! paper". The library works in `f64`; its raw numbers must agree to 1e-9
//! and its rounded numbers and ranking exactly.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Value, json};

use rolefit::answers::{Format, Origin, parse, resolve};
use rolefit::score::{Scored, assess, explain};

use crate::common::catalog;

// ---------------------------------------------------------------- rationals

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

/// An exact fraction, always reduced, denominator positive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Q {
    n: i128,
    d: i128,
}

impl Q {
    fn new(n: i128, d: i128) -> Q {
        assert!(d != 0);
        let g = gcd(n, d).max(1);
        let sign = if d < 0 { -1 } else { 1 };
        Q {
            n: sign * n / g,
            d: sign * d / g,
        }
    }
    fn int(n: i128) -> Q {
        Q::new(n, 1)
    }
    fn zero() -> Q {
        Q::int(0)
    }
    fn add(self, o: Q) -> Q {
        Q::new(self.n * o.d + o.n * self.d, self.d * o.d)
    }
    fn sub(self, o: Q) -> Q {
        Q::new(self.n * o.d - o.n * self.d, self.d * o.d)
    }
    fn mul(self, o: Q) -> Q {
        Q::new(self.n * o.n, self.d * o.d)
    }
    fn div(self, o: Q) -> Q {
        Q::new(self.n * o.d, self.d * o.n)
    }
    fn abs(self) -> Q {
        Q::new(self.n.abs(), self.d)
    }
    fn to_f64(self) -> f64 {
        self.n as f64 / self.d as f64
    }
    /// Rounded to 4 decimals, in units of 1e-4, halves away from zero.
    fn units(self) -> i64 {
        assert!(self.n >= 0, "components are never negative: {self:?}");
        let scaled_twice = 2 * self.n * 10_000;
        ((scaled_twice + self.d) / (2 * self.d)) as i64
    }
    /// A decimal as written ("0.60", "4", "2.37").
    fn parse_decimal(text: &str) -> Q {
        let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
        let digits = format!("{whole}{frac}");
        Q::new(
            digits.parse::<i128>().unwrap(),
            10i128.pow(frac.len() as u32),
        )
    }
    fn from_yaml_number(value: &Value) -> Q {
        match value {
            Value::Number(n) if n.is_i64() => Q::int(i128::from(n.as_i64().unwrap())),
            // Rust prints an f64 as the shortest decimal that reads back to it,
            // which for a catalog's "0.60" is "0.6": the number as written.
            Value::Number(n) => Q::parse_decimal(&format!("{}", n.as_f64().unwrap())),
            other => panic!("not a number: {other}"),
        }
    }
}

// ---------------------------------------------------------------- catalog

/// Section 3: lower-case, `-` and `_` become spaces, white space collapses.
fn normalise(name: &str) -> String {
    name.to_lowercase()
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

struct RefRole {
    id: String,
    family: String,
    /// Canonical tag names, in the role's order.
    tags: Vec<String>,
    /// Target per axis id.
    targets: HashMap<String, Q>,
}

struct RefCatalog {
    axes: Vec<String>,
    families: Vec<String>,
    /// Canonical name and aliases of each tag.
    tags: Vec<(String, Vec<String>)>,
    /// Normalised name or alias → canonical name.
    lookup: HashMap<String, String>,
    /// Path id → weights of competency, growth, work_style (absent: the
    /// path does not assess that component).
    paths: HashMap<String, [Option<Q>; 3]>,
    roles: Vec<RefRole>,
}

fn str_list(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

fn ref_catalog() -> &'static RefCatalog {
    static CATALOG: OnceLock<RefCatalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/roles.yaml"))
            .expect("roles.yaml at the repository root");
        let doc: Value = serde_yaml::from_str(&text).unwrap();
        let ids = |section: &str| -> Vec<String> {
            doc[section]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["id"].as_str().unwrap().to_string())
                .collect()
        };
        let mut tags = Vec::new();
        let mut lookup = HashMap::new();
        for tag in doc["tags"].as_array().unwrap() {
            let name = tag["name"].as_str().unwrap().to_string();
            let aliases = str_list(&tag["aliases"]);
            for written in std::iter::once(&name).chain(&aliases) {
                let previous = lookup.insert(normalise(written), name.clone());
                assert!(
                    previous.is_none() || previous.as_ref() == Some(&name),
                    "{written:?} names two tags"
                );
            }
            tags.push((name, aliases));
        }
        let paths = doc["paths"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let w = &p["weights"];
                let weight = |k: &str| (!w[k].is_null()).then(|| Q::from_yaml_number(&w[k]));
                (
                    p["id"].as_str().unwrap().to_string(),
                    [weight("competency"), weight("growth"), weight("work_style")],
                )
            })
            .collect();
        let roles = doc["roles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| RefRole {
                id: r["id"].as_str().unwrap().to_string(),
                family: r["family"].as_str().unwrap().to_string(),
                tags: str_list(&r["tags"])
                    .iter()
                    .map(|t| lookup[&normalise(t)].clone())
                    .collect(),
                targets: r["profile"]["axes"]
                    .as_object()
                    .unwrap()
                    .iter()
                    .map(|(axis, v)| (axis.clone(), Q::from_yaml_number(v)))
                    .collect(),
            })
            .collect();
        RefCatalog {
            axes: ids("axes"),
            families: ids("families"),
            tags,
            lookup,
            paths,
            roles,
        }
    })
}

// ---------------------------------------------------------------- answers

/// A strength as it is written in a generated answer file.
#[derive(Debug, Clone)]
enum Level {
    /// A bare tag name: level 3.
    Bare,
    /// `{tag: …}` with no `level` key: level 3.
    MapWithoutNumber,
    /// `{tag: …, level: N}`.
    Whole(u8),
    /// `{tag: …, level: N.0}`: still a whole number.
    WholeAsFloat(u8),
}

#[derive(Debug, Clone)]
struct Answers {
    id: Option<String>,
    path: Option<String>,
    strengths: Vec<(String, Level)>,
    goals: Vec<String>,
    /// Axis id and answer in hundredths (100 = 1.00 … 500 = 5.00).
    work_style: Vec<(String, u32)>,
    families: Option<Vec<String>>,
}

impl Answers {
    fn to_value(&self) -> Value {
        let mut doc = serde_json::Map::new();
        if let Some(id) = &self.id {
            doc.insert("id".into(), json!(id));
        }
        if let Some(path) = &self.path {
            doc.insert("path".into(), json!(path));
        }
        if !self.strengths.is_empty() {
            let strengths = self
                .strengths
                .iter()
                .map(|(tag, level)| match level {
                    Level::Bare => json!(tag),
                    Level::MapWithoutNumber => json!({ "tag": tag }),
                    Level::Whole(l) => json!({ "tag": tag, "level": l }),
                    Level::WholeAsFloat(l) => json!({ "tag": tag, "level": f64::from(*l) }),
                })
                .collect();
            doc.insert("strengths".into(), Value::Array(strengths));
        }
        if !self.goals.is_empty() {
            doc.insert("goals".into(), json!(self.goals));
        }
        if !self.work_style.is_empty() {
            let axes = self
                .work_style
                .iter()
                .map(|(axis, h)| (axis.clone(), json!(f64::from(*h) / 100.0)))
                .collect();
            doc.insert("work_style".into(), Value::Object(axes));
        }
        if let Some(families) = &self.families {
            doc.insert("families".into(), json!(families));
        }
        Value::Object(doc)
    }
}

/// A tag as a person might type it: its name or an alias, in any case,
/// with `-`, `_` and runs of white space in place of its separators.
fn typed_tag() -> impl Strategy<Value = String> {
    let names: Vec<String> = ref_catalog()
        .tags
        .iter()
        .flat_map(|(name, aliases)| std::iter::once(name.clone()).chain(aliases.iter().cloned()))
        .collect();
    (
        prop::sample::select(names),
        0u8..4,
        prop::collection::vec(any::<u8>(), 64),
    )
        .prop_map(|(name, style, noise)| mangle(&name, style, &noise))
}

fn mangle(name: &str, style: u8, noise: &[u8]) -> String {
    const SEPARATORS: [&str; 7] = [" ", "  ", "_", "-", "\t", " _ ", "--"];
    const PADDING: [&str; 5] = ["", " ", "   ", "_", "- "];
    let recase = style & 1 == 1;
    let respace = style & 2 == 2;
    let mut out = String::new();
    if respace {
        out.push_str(PADDING[usize::from(noise[0]) % PADDING.len()]);
    }
    for (i, c) in name.chars().enumerate() {
        let n = noise[(i + 1) % noise.len()];
        if respace && matches!(c, ' ' | '-' | '_') {
            out.push_str(SEPARATORS[usize::from(n) % SEPARATORS.len()]);
        } else if recase && n.is_multiple_of(2) {
            out.push(c.to_ascii_uppercase());
        } else if recase {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    if respace {
        out.push_str(PADDING[usize::from(noise[noise.len() - 1]) % PADDING.len()]);
    }
    out
}

fn level() -> impl Strategy<Value = Level> {
    prop_oneof![
        Just(Level::Bare),
        Just(Level::MapWithoutNumber),
        (1u8..=5).prop_map(Level::Whole),
        (1u8..=5).prop_map(Level::WholeAsFloat),
    ]
}

/// Whole answers, half steps, and any hundredth from 1.00 to 5.00.
fn axis_answer() -> impl Strategy<Value = u32> {
    prop_oneof![
        (1u32..=5).prop_map(|v| v * 100),
        (2u32..=10).prop_map(|v| v * 50),
        100u32..=500,
    ]
}

fn answers() -> impl Strategy<Value = Answers> {
    let cat = ref_catalog();
    let path = prop::option::of(prop::sample::select(vec![
        "full".to_string(),
        "competency".to_string(),
        "work-style".to_string(),
    ]));
    let strengths = prop::collection::vec((typed_tag(), level()), 0..7);
    let goals = prop::collection::vec(typed_tag(), 0..4);
    let work_style = prop::sample::subsequence(cat.axes.clone(), 0..=cat.axes.len())
        .prop_flat_map(|axes| {
            let n = axes.len();
            (Just(axes), prop::collection::vec(axis_answer(), n))
        })
        .prop_map(|(axes, values)| axes.into_iter().zip(values).collect::<Vec<_>>())
        .prop_shuffle();
    let families = prop::option::weighted(
        0.3,
        prop::collection::vec(prop::sample::select(cat.families.clone()), 1..4),
    );
    let id = prop::option::of("[a-z][a-z0-9-]{0,12}");
    (id, path, strengths, goals, work_style, families).prop_map(
        |(id, path, strengths, goals, mut work_style, families)| {
            // The work-style path needs at least one axis answered.
            if path.as_deref() == Some("work-style") && work_style.is_empty() {
                work_style.push(("pace".to_string(), 350));
            }
            Answers {
                id,
                path,
                strengths,
                goals,
                work_style,
                families,
            }
        },
    )
}

// ---------------------------------------------------------------- scoring

#[derive(Debug, Clone, PartialEq)]
struct RefScore {
    role_id: String,
    score: Q,
    competency: Option<Q>,
    growth: Option<Q>,
    work_style: Option<Q>,
    /// (canonical tag, level), in the role's tag order.
    matched: Vec<(String, u8)>,
    gaps: Vec<String>,
}

fn resolve_ref(typed: &str) -> String {
    ref_catalog()
        .lookup
        .get(&normalise(typed))
        .unwrap_or_else(|| panic!("generated tag {typed:?} resolves"))
        .clone()
}

/// Section 4, step by step.
fn reference(answers: &Answers) -> Vec<RefScore> {
    let cat = ref_catalog();
    let path = answers.path.as_deref().unwrap_or("full");
    let [w_competency, w_growth, w_work_style] = cat.paths[path];

    // A tag given twice counts once, at its highest level.
    let mut levels: HashMap<String, u8> = HashMap::new();
    for (typed, level) in &answers.strengths {
        let level = match level {
            Level::Bare | Level::MapWithoutNumber => 3,
            Level::Whole(l) | Level::WholeAsFloat(l) => *l,
        };
        let tag = resolve_ref(typed);
        let entry = levels.entry(tag).or_insert(level);
        *entry = (*entry).max(level);
    }
    let goals: BTreeSet<String> = answers.goals.iter().map(|g| resolve_ref(g)).collect();
    let answered: Vec<(&str, Q)> = answers
        .work_style
        .iter()
        .map(|(axis, h)| (axis.as_str(), Q::new(i128::from(*h), 100)))
        .collect();
    let families: Option<BTreeSet<&str>> = answers
        .families
        .as_ref()
        .map(|f| f.iter().map(String::as_str).collect());

    let mut ranking: Vec<RefScore> = cat
        .roles
        .iter()
        .filter(|role| {
            families
                .as_ref()
                .is_none_or(|f| f.contains(role.family.as_str()))
        })
        .map(|role| {
            let n = Q::int(role.tags.len() as i128);
            let competency = w_competency.map(|_| {
                role.tags
                    .iter()
                    .map(|t| Q::new(i128::from(levels.get(t).copied().unwrap_or(0)), 5))
                    .fold(Q::zero(), Q::add)
                    .div(n)
            });
            let growth = w_growth.map(|_| {
                Q::int(role.tags.iter().filter(|t| goals.contains(*t)).count() as i128).div(n)
            });
            let work_style = match (w_work_style, answered.is_empty()) {
                (Some(_), false) => {
                    let distance = answered
                        .iter()
                        .map(|(axis, u)| u.sub(role.targets[*axis]).abs())
                        .fold(Q::zero(), Q::add);
                    let mean = distance.div(Q::int(answered.len() as i128));
                    Some(Q::int(1).sub(mean.div(Q::int(4))))
                }
                _ => None,
            };
            // Weighted mean of the defined components.
            let parts = [
                (w_competency, competency),
                (w_growth, growth),
                (w_work_style, work_style),
            ];
            let (sum, total) = parts
                .iter()
                .filter_map(|(w, c)| Some(((*w)?, (*c)?)))
                .fold((Q::zero(), Q::zero()), |(s, t), (w, c)| {
                    (s.add(w.mul(c)), t.add(w))
                });
            let score = sum.div(total);
            let (matched, gaps) = if competency.is_some() {
                let matched = role
                    .tags
                    .iter()
                    .filter_map(|t| levels.get(t).map(|l| (t.clone(), *l)))
                    .collect();
                let gaps = role
                    .tags
                    .iter()
                    .filter(|t| !levels.contains_key(*t))
                    .cloned()
                    .collect();
                (matched, gaps)
            } else {
                (Vec::new(), Vec::new())
            };
            RefScore {
                role_id: role.id.clone(),
                score,
                competency,
                growth,
                work_style,
                matched,
                gaps,
            }
        })
        .collect();
    // Score, competency, work style descending as rounded (undefined lowest),
    // then role id ascending.
    let key = |q: Option<Q>| q.map_or(i64::MIN, Q::units);
    ranking.sort_by(|a, b| {
        key(Some(b.score))
            .cmp(&key(Some(a.score)))
            .then(key(b.competency).cmp(&key(a.competency)))
            .then(key(b.work_style).cmp(&key(a.work_style)))
            .then(a.role_id.cmp(&b.role_id))
    });
    ranking
}

// ---------------------------------------------------------------- comparing

fn library(answers: &Answers, as_json: bool, top: Option<usize>) -> Scored {
    let value = answers.to_value();
    let (text, format, source) = if as_json {
        (
            serde_json::to_string_pretty(&value).unwrap(),
            Format::Json,
            "gen.json",
        )
    } else {
        (
            serde_yaml::to_string(&value).unwrap(),
            Format::Yaml,
            "gen.yaml",
        )
    };
    let origin = Origin {
        source,
        text: &text,
        first_line: 1,
        default_id: "gen",
    };
    let file = parse(&origin, format).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let respondent = resolve(file, catalog(), &origin).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    assess(catalog(), respondent, top)
}

fn units(x: f64) -> i64 {
    (rolefit::score::round4(x) * 10_000.0).round() as i64
}

fn same_component(what: &str, role: &str, got: Option<f64>, want: Option<Q>) {
    match (got, want) {
        (None, None) => {}
        (Some(got), Some(want)) => {
            assert!(
                (got - want.to_f64()).abs() < 1e-9,
                "{role} {what}: library {got}, reference {want:?}"
            );
            assert_eq!(
                units(got),
                want.units(),
                "{role} {what} rounded: library {got}, reference {want:?}"
            );
        }
        _ => panic!("{role} {what}: library {got:?}, reference {want:?}"),
    }
}

/// Whether each role of a full reference ranking is tied: its score on
/// paper, rounded, equals a neighbour's.
fn ties(ranking: &[RefScore]) -> Vec<bool> {
    let units: Vec<i64> = ranking.iter().map(|s| s.score.units()).collect();
    (0..units.len())
        .map(|i| {
            (i > 0 && units[i - 1] == units[i]) || (i + 1 < units.len() && units[i + 1] == units[i])
        })
        .collect()
}

fn check(answers: &Answers, scored: &Scored, top: Option<usize>) {
    let cat = catalog();
    let mut want = reference(answers);
    let tied = ties(&want);
    let flags: Vec<bool> = scored.ranking.iter().map(|s| s.tied).collect();
    assert_eq!(flags, tied[..flags.len()], "tied flags for {answers:?}");
    if let Some(top) = top {
        want.truncate(top);
    }
    let got: Vec<&str> = scored
        .ranking
        .iter()
        .map(|s| cat.roles[s.role].id.as_str())
        .collect();
    let wanted: Vec<&str> = want.iter().map(|s| s.role_id.as_str()).collect();
    assert_eq!(got, wanted, "ranking order for {answers:?}");
    for (s, w) in scored.ranking.iter().zip(&want) {
        let role = &w.role_id;
        same_component("score", role, Some(s.score), Some(w.score));
        same_component("competency", role, s.competency, w.competency);
        same_component("growth", role, s.growth, w.growth);
        same_component("work_style", role, s.work_style, w.work_style);
        let why = explain(cat, &scored.respondent, s);
        let matched: Vec<(String, u8)> = why
            .matched
            .iter()
            .map(|&(t, l)| (cat.tags[t].name.clone(), l))
            .collect();
        let gaps: Vec<String> = why.gaps.iter().map(|&t| cat.tags[t].name.clone()).collect();
        assert_eq!(matched, w.matched, "{role} matched");
        assert_eq!(gaps, w.gaps, "{role} gaps");
    }
    let expected_id = answers.id.as_deref().unwrap_or("gen");
    assert_eq!(scored.respondent.id, expected_id);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn library_agrees_with_the_reference(
        answers in answers(),
        as_json in any::<bool>(),
        top in prop::option::weighted(0.2, 0usize..30),
    ) {
        let scored = library(&answers, as_json, top);
        check(&answers, &scored, top);
    }
}

// ---------------------------------------------------------------- fixed cases

fn answers_from(value: Value) -> Answers {
    let strengths = value["strengths"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| match s {
                    Value::String(t) => (t.clone(), Level::Bare),
                    _ => (
                        s["tag"].as_str().unwrap().to_string(),
                        Level::Whole(s["level"].as_u64().unwrap() as u8),
                    ),
                })
                .collect()
        })
        .unwrap_or_default();
    Answers {
        id: value["id"].as_str().map(String::from),
        path: value["path"].as_str().map(String::from),
        strengths,
        goals: str_list(&value["goals"]),
        work_style: value["work_style"]
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| (k.clone(), (v.as_f64().unwrap() * 100.0).round() as u32))
                    .collect()
            })
            .unwrap_or_default(),
        families: value.get("families").map(str_list),
    }
}

#[test]
fn odd_spellings_resolve_like_the_canonical_names() {
    let plain = answers_from(json!({
        "strengths": ["error budgets and SLOs", {"tag": "pager and on-call operations", "level": 5}],
        "goals": ["blast-radius control"],
        "work_style": {"pace": 4.5}
    }));
    let odd = answers_from(json!({
        "strengths": ["  Error_Budgets   and slos", {"tag": "PAGER and on_call-operations", "level": 5}],
        "goals": ["Blast Radius"],
        "work_style": {"pace": 4.5}
    }));
    let a = library(&plain, false, None);
    let b = library(&odd, true, None);
    check(&plain, &a, None);
    check(&odd, &b, None);
    assert_eq!(a.ranking, b.ranking);
    assert_eq!(
        catalog().roles[a.ranking[0].role].id,
        "site-reliability-engineer"
    );
}

#[test]
fn every_example_file_agrees_with_the_reference() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut seen = 0;
    for name in [
        "jane-sre.yaml",
        "alex-workstyle.yaml",
        "sam-frontend.yaml",
        "priya-leader.json",
    ] {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
        let value: Value = serde_yaml::from_str(&text).unwrap();
        let answers = answers_from(value);
        check(&answers, &library(&answers, false, None), None);
        seen += 1;
    }
    let cohort = std::fs::read_to_string(format!("{dir}/cohort.jsonl")).unwrap();
    for line in cohort.lines().filter(|l| !l.trim().is_empty()) {
        let answers = answers_from(serde_json::from_str(line).unwrap());
        check(&answers, &library(&answers, true, None), None);
        seen += 1;
    }
    assert!(seen >= 10);
}

/// Scores on the 4-decimal boundary: Jane's 0.68375 must print 0.6838, and
/// roles equal on paper must be ordered by the next key whatever the
/// floating-point noise.
#[test]
fn paper_boundaries_round_like_the_paper() {
    let jane = answers_from(json!({
        "strengths": ["error budgets and SLOs", {"tag": "pager and on-call operations", "level": 5}, "blast radius"],
        "work_style": {"communication": 4, "planning": 3, "stakeholder": 2, "pace": 4.5, "scope": 2}
    }));
    let scored = library(&jane, false, None);
    check(&jane, &scored, None);
    assert_eq!(units(scored.ranking[0].score), 6838);

    // Generated answers land on such boundaries often (half-step answers
    // make 0.25 × work style end in 5 at the fifth decimal); each is checked.
    let mut runner = TestRunner::deterministic();
    let strategy = answers();
    let mut on_boundary = 0;
    for _ in 0..300 {
        let a = strategy.new_tree(&mut runner).unwrap().current();
        let scored = library(&a, false, None);
        check(&a, &scored, None);
        on_boundary += reference(&a)
            .iter()
            .filter(|s| {
                let scaled = Q::new(s.score.n * 20_000, s.score.d);
                scaled.d == 1 && scaled.n % 2 == 1
            })
            .count();
    }
    assert!(on_boundary > 0, "no generated score sat on a boundary");
}

// ---------------------------------------------------------------- the binary

/// The same comparison through the real binary: a few hundred generated
/// answer sets as one JSON Lines stream on standard input.
#[test]
fn binary_jsonl_agrees_with_the_reference() {
    let mut runner = TestRunner::deterministic();
    let strategy = answers();
    let cases: Vec<Answers> = (0..300)
        .map(|i| {
            let mut a = strategy.new_tree(&mut runner).unwrap().current();
            a.id = Some(format!("case-{i}"));
            a
        })
        .collect();
    let mut input = String::new();
    for case in &cases {
        input.push_str(&serde_json::to_string(&case.to_value()).unwrap());
        input.push('\n');
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_rolefit"))
        .env_remove("ROLEFIT_ROLES")
        .args(["score", "-", "--jsonl", "--format", "jsonl", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), cases.len());
    for (case, line) in cases.iter().zip(&lines) {
        assert_eq!(line["id"].as_str(), case.id.as_deref());
        assert_eq!(line["path"], case.path.as_deref().unwrap_or("full"));
        let want = reference(case);
        let tied = ties(&want);
        let ranking = line["ranking"].as_array().unwrap();
        assert_eq!(ranking.len(), want.len(), "{case:?}");
        for (i, (got, want)) in ranking.iter().zip(&want).enumerate() {
            assert_eq!(got["rank"].as_u64(), Some(i as u64 + 1));
            assert_eq!(got["tied"], json!(tied[i]), "{} {case:?}", want.role_id);
            assert_eq!(got["role_id"], want.role_id.as_str(), "{case:?}");
            let rounded =
                |q: Option<Q>| q.map_or(Value::Null, |q| json!(q.units() as f64 / 10_000.0));
            for (field, value) in [
                ("score", Some(want.score)),
                ("competency", want.competency),
                ("growth", want.growth),
                ("work_style", want.work_style),
            ] {
                assert_eq!(
                    got[field],
                    rounded(value),
                    "{} {field} {case:?}",
                    want.role_id
                );
            }
            let matched: Vec<(String, u8)> = got["matched"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| {
                    (
                        m["tag"].as_str().unwrap().to_string(),
                        m["level"].as_u64().unwrap() as u8,
                    )
                })
                .collect();
            assert_eq!(matched, want.matched);
            assert_eq!(got["gaps"], json!(want.gaps));
        }
        // The person's own answers come back per axis.
        let own: BTreeMap<String, f64> = case
            .work_style
            .iter()
            .filter(|_| case.path.as_deref() != Some("competency"))
            .map(|(axis, h)| (axis.clone(), f64::from(*h) / 100.0))
            .collect();
        let got_own: BTreeMap<String, f64> = line["work_style"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_f64().unwrap()))
            .collect();
        assert_eq!(got_own, own, "{case:?}");
    }
}

#[test]
fn reference_rounds_halves_away_from_zero() {
    assert_eq!(Q::new(68375, 100_000).units(), 6838);
    assert_eq!(Q::new(68374, 100_000).units(), 6837);
    assert_eq!(Q::new(11, 15).units(), 7333);
    assert_eq!(Q::parse_decimal("0.60"), Q::new(3, 5));
    assert_eq!(
        normalise("  Error_Budgets -and\tSLOs "),
        "error budgets and slos"
    );
    assert_eq!(Q::new(1, 3).units(), 3333);
}
