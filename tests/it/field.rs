//! The reader's `field` layer (tool names from O*NET's Technology Skills
//! file, data/field-vocabulary.tsv): a tool no tag or hint names is
//! understood through it, credited at half and shown as `field` in every
//! output; the checked-in vocabulary is what data/commodity-tags.yaml says.

use std::collections::BTreeMap;

use rolefit::catalog::Catalog;
use rolefit::reader::{How, read};
use serde::Deserialize;

use crate::common::{Ran, Test};

/// `rolefit score tools.yaml ARGS` on [`TOOLS`], expecting success.
fn score(args: &[&str]) -> Ran {
    Test::new()
        .file("tools.yaml", TOOLS)
        .args(["score", "tools.yaml"])
        .args(args.iter().copied())
        .run()
}

const TOOLS: &str =
    "path: competency\nstrengths:\n  - {tag: NetBackup, level: 4}\n  - {tag: tcpdump, level: 3}\n";

#[test]
fn a_tool_name_no_tag_names_is_understood_through_the_field_vocabulary() {
    let catalog = Catalog::builtin().unwrap();
    for said in ["NetBackup", "tcpdump"] {
        assert!(catalog.tag_index(said).is_none() && catalog.hint(said).is_none());
    }
    let record = score(&["--format", "jsonl", "--explain"]).json();
    assert_eq!(
        record["understood"],
        serde_json::json!([
            {"said": "NetBackup", "tags": ["backup and restore execution"], "how": "field", "weight": 0.5},
            {"said": "tcpdump", "tags": ["DNS and network troubleshooting"], "how": "field", "weight": 0.5}
        ])
    );
    assert_eq!(record["not_understood"], serde_json::json!([]));
    let dba = (record["ranking"].as_array().unwrap().iter())
        .find(|r| r["role_id"] == "database-administrator")
        .unwrap();
    let points = dba["explain"]["competency"].as_array().unwrap();
    let netbackup = points.iter().find(|p| p["word"] == "NetBackup").unwrap();
    assert_eq!(netbackup["how"], "field", "{points:?}");

    let table = score(&[]).stdout;
    assert!(table.contains("Understood 2 of 2 words."), "{table}");
    for shown in [
        "\"NetBackup\" as backup and restore execution (field,",
        "\"tcpdump\" as DNS and network troubleshooting (field,",
    ] {
        assert!(table.contains(shown), "{shown}: {table}");
    }
}

#[test]
fn a_phrase_around_one_tool_reads_through_the_layer() {
    let catalog = Catalog::builtin().unwrap();
    let reading = read(&catalog, "Veritas NetBackup administration").unwrap();
    assert_eq!(reading.how, How::Field);
    assert_eq!(
        catalog.tags[reading.tags[0]].name,
        "backup and restore execution"
    );
    // Earlier layers win: a hint's word stays `related`.
    assert_eq!(read(&catalog, "Nagios").unwrap().how, How::Related);
}

#[derive(Deserialize)]
struct Mapping {
    vendors: Vec<String>,
    commodities: Vec<Commodity>,
}

#[derive(Deserialize)]
struct Commodity {
    commodity: String,
    tags: Vec<String>,
    #[serde(default)]
    except: Vec<String>,
}

/// Every line of data/field-vocabulary.tsv is a tool of a commodity that
/// data/commodity-tags.yaml maps, with the tags it maps it to (all tags of
/// the built-in catalog), and none of the tools it leaves out.
#[test]
fn the_checked_in_vocabulary_is_what_the_mapping_says() {
    let root = env!("CARGO_MANIFEST_DIR");
    let read_text = |path: &str| std::fs::read_to_string(format!("{root}/{path}")).unwrap();
    let mapping: Mapping = serde_yaml::from_str(&read_text("data/commodity-tags.yaml")).unwrap();
    assert!(!mapping.vendors.is_empty());
    let catalog = Catalog::builtin().unwrap();
    let by_title: BTreeMap<&str, &Commodity> = (mapping.commodities.iter())
        .map(|c| (c.commodity.as_str(), c))
        .collect();
    for c in &mapping.commodities {
        for tag in &c.tags {
            assert!(catalog.tag_index(tag).is_some(), "{tag} ({})", c.commodity);
        }
    }
    let text = read_text("data/field-vocabulary.tsv");
    assert!(text.contains("CC BY 4.0") && text.contains("USDOL/ETA"));
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let columns: Vec<&str> = line.split('\t').collect();
        let [name, commodity, tags] = columns[..] else {
            panic!("not three columns: {line:?}");
        };
        let mapped = by_title
            .get(commodity)
            .unwrap_or_else(|| panic!("{commodity} is not mapped: {line}"));
        assert_eq!(tags, mapped.tags.join("; "), "{line}");
        assert!(!mapped.except.iter().any(|e| e == name), "excepted: {line}");
        *seen.entry(commodity).or_default() += 1;
    }
    assert_eq!(
        seen.len(),
        mapping.commodities.len(),
        "a mapped commodity with no tool: {seen:?}"
    );
    assert!(text.len() < 64 * 1024, "{} bytes", text.len());
}
