//! Answer files: from the text people write to a respondent whose names
//! are catalog indices. This module only gathers the parts and what they
//! offer.
//!
//! Each part uses only the parts listed before it: `source` (the inputs,
//! their formats, where a document came from), `file` (the answer file as
//! written, and parsing it), `respondent` (the answers resolved),
//! `collected` (a document's problems, the first few spelled out) and
//! `resolve` (names into indices, every problem located).

mod date;
mod file;
mod resolve;
mod respondent;
mod source;

pub use crate::document::UniqueMap;
pub use date::Date;
pub use file::{AnswerFile, DEFAULT_LEVEL, Strength, parse};
pub use resolve::{MAX_REPORTED, UnknownTags, resolve, resolve_with};
pub use respondent::{Answered, Meta, Respondent, Tags, Understood, Words};
pub use source::{Format, Input, MAX_ANSWER_BYTES, Origin};

#[cfg(test)]
pub(crate) mod testing {
    //! For tests anywhere in the crate: an answer file's text parsed and
    //! resolved in one step, as `score` reads a file.

    use std::path::Path;

    use crate::catalog::Catalog;
    use crate::error::Located;

    use super::file::parse;
    use super::resolve::resolve;
    use super::respondent::Respondent;
    use super::source::{Format, Origin};

    /// `text` read as the file named `source`: its format from the extension
    /// (YAML without one), its default id the name without the extension.
    /// The respondent, or every problem found.
    pub(crate) fn try_resolve_text(
        catalog: &Catalog,
        source: &str,
        text: &str,
    ) -> Result<Respondent, Vec<Located>> {
        let path = Path::new(source);
        let default_id = path
            .file_stem()
            .map_or(source.into(), |s| s.to_string_lossy());
        let origin = Origin {
            source,
            text,
            first_line: 1,
            default_id: &default_id,
        };
        let format = Format::from_extension(path).unwrap_or(Format::Yaml);
        let file = parse(&origin, format).map_err(|problem| vec![problem])?;
        resolve(file, catalog, &origin)
    }

    /// Like [`try_resolve_text`] for text that must resolve: the first
    /// problem fails the test, with the text it was found in.
    pub(crate) fn resolve_text(catalog: &Catalog, source: &str, text: &str) -> Respondent {
        try_resolve_text(catalog, source, text)
            .unwrap_or_else(|problems| panic!("{}\n{text}", problems[0]))
    }
}

#[cfg(test)]
mod tests {
    //! Parsing and resolving answer files: every problem located, every key read.

    use crate::catalog::Catalog;
    use crate::document::Number;
    use crate::error::Located;

    use super::testing::try_resolve_text;
    use super::{Format, Origin, Respondent, parse};

    fn origin(text: &str) -> Origin<'_> {
        Origin {
            source: "answers.yaml",
            text,
            first_line: 1,
            default_id: "answers",
        }
    }

    fn resolve_yaml(text: &str) -> Result<Respondent, Vec<Located>> {
        try_resolve_text(&Catalog::builtin().unwrap(), "answers.yaml", text)
    }

    #[test]
    fn unknown_tag_names_file_line_entry_and_suggestion() {
        let text = "id: jane\npath: full\nstrengths:\n  - error budgts\n";
        let problems = resolve_yaml(text).unwrap_err();
        let message = problems[0].to_string();
        assert!(
            message.starts_with(
                "unknown tag \"error budgts\" at strengths[0] (answers.yaml:4): did you mean"
            ) && message.contains("\"error budgets and SLOs\""),
            "{message}"
        );
    }

    #[test]
    fn duplicates_count_once_at_highest_level_with_a_warning() {
        let text = "strengths:\n  - SLO\n  - tag: error budgets and SLOs\n    level: 5\n  - error-budget\n";
        let respondent = resolve_yaml(text).unwrap();
        assert_eq!(respondent.strengths.len(), 1);
        assert_eq!(respondent.strengths[0].1, 5);
        assert_eq!(respondent.warnings.len(), 2);
        assert_eq!(respondent.warnings[0].line, Some(3));
        assert_eq!(respondent.id, "answers");
    }

    #[test]
    fn unknown_keys_and_bad_values_are_errors() {
        let unknown = resolve_yaml("strenghts: [SLO]\n").unwrap_err();
        assert!(
            unknown[0].message.contains("unknown key \"strenghts\""),
            "{:?}",
            unknown[0]
        );
        assert_eq!(unknown[0].line, Some(1));
        assert_eq!(
            unknown[0].hint.as_deref(),
            Some("did you mean \"strengths\"?")
        );
        let nested = resolve_yaml("strengths:\n  - {tag: SLO, levle: 4}\n").unwrap_err();
        assert_eq!(nested[0].hint.as_deref(), Some("did you mean \"level\"?"));
        let level = resolve_yaml("strengths:\n  - {tag: SLO, level: 2.5}\n").unwrap_err();
        assert!(
            level[0]
                .to_string()
                .contains("strengths[0].level (answers.yaml:2)"),
            "{}",
            level[0]
        );
        let axis = resolve_yaml("work_style:\n  pace: 7\n  plannning: 2\n").unwrap_err();
        assert_eq!(axis.len(), 2);
        assert!(
            axis[1].to_string().ends_with("did you mean \"planning\"?"),
            "{}",
            axis[1]
        );
        let twice = resolve_yaml("work_style:\n  pace: 2\n  pace: 3\n").unwrap_err();
        assert!(twice[0].message.contains("duplicate"), "{:?}", twice[0]);
    }

    #[test]
    fn work_style_path_needs_an_axis_and_ignores_strengths() {
        let none = resolve_yaml("path: work-style\nstrengths: [SLO]\n").unwrap_err();
        assert!(
            none[0]
                .message
                .contains("needs at least one work_style answer")
        );
        let ok =
            resolve_yaml("path: work-style\nstrengths: [SLO]\nwork_style: {pace: 2}\n").unwrap();
        assert!(ok.strengths.is_empty());
        assert_eq!(ok.warnings.len(), 1);
    }

    #[test]
    fn statements_give_the_exact_mean_of_their_axis() {
        // ws-pace-3 is reverse-keyed: 2 counts as 4; the mean of 5 and 4 is 4.5.
        let r =
            resolve_yaml("statements:\n  ws-pace-1: 5\n  WS_Pace_3: 2\n  ws-scope-1: 4\n").unwrap();
        let catalog = Catalog::builtin().unwrap();
        let axis = |id: &str| r.work_style[catalog.axis_index(id).unwrap()];
        assert_eq!(axis("pace"), Some(4.5));
        assert_eq!(axis("scope"), Some(4.0));
        assert_eq!(axis("planning"), None);
        // Three statements whose mean is not a short decimal stay unrounded.
        let thirds =
            resolve_yaml("statements: {ws-planning-1: 4, ws-planning-2: 4, ws-planning-3: 4}\n")
                .unwrap();
        assert_eq!(
            thirds.work_style[catalog.axis_index("planning").unwrap()],
            Some(10.0 / 3.0)
        );
    }

    #[test]
    fn statements_problems_are_named() {
        let both = resolve_yaml("work_style: {pace: 3}\nstatements: {ws-pace-1: 4}\n").unwrap_err();
        assert!(
            both[0]
                .message
                .contains("both in work_style and through statements"),
            "{:?}",
            both[0]
        );
        assert_eq!(both[0].line, Some(1));
        let bad = resolve_yaml("statements:\n  ws-pace-1: 6\n  ws-pace-9: 2\n").unwrap_err();
        assert_eq!(bad.len(), 2);
        assert!(
            bad[0]
                .to_string()
                .contains("statements.ws-pace-1 (answers.yaml:2)"),
            "{}",
            bad[0]
        );
        assert!(
            bad[1].message.contains("unknown statement \"ws-pace-9\""),
            "{:?}",
            bad[1]
        );
        assert!(
            bad[1]
                .hint
                .as_deref()
                .unwrap_or("")
                .contains("did you mean"),
            "{:?}",
            bad[1]
        );
        let ignored =
            resolve_yaml("path: competency\nstrengths: [SLO]\nstatements: {ws-pace-1: 4}\n")
                .unwrap();
        assert!(ignored.work_style.iter().all(Option::is_none));
        assert_eq!(ignored.warnings.len(), 1);
    }

    #[test]
    fn every_key_is_read_and_unknown_ones_are_kept() {
        let text = "id: x\npath: full\nstrengths: [SLO]\ngoals: [pager]\nwork_style: {pace: \"2\"}\nstatements: {ws-scope-1: 4}\nfamilies: [support]\ncolour: blue\n";
        let file = parse(&origin(text), Format::Yaml).unwrap();
        assert_eq!(file.id.as_deref(), Some("x"));
        assert_eq!(file.path.as_deref(), Some("full"));
        assert_eq!(file.strengths.len(), 1);
        assert_eq!(file.goals, ["pager"]);
        assert_eq!(
            file.work_style.0,
            [("pace".to_string(), Number::Value(2.0))]
        );
        assert_eq!(file.statements.0.len(), 1);
        assert_eq!(file.families, Some(vec!["support".to_string()]));
        assert_eq!(file.unknown_keys, ["colour"]);
        let twice = parse(&origin("id: x\nid: y\n"), Format::Yaml).unwrap_err();
        assert!(twice.message.contains("duplicate key \"id\""), "{twice}");
    }

    #[test]
    fn saved_answer_file_resolves_to_the_same_respondent() {
        let catalog = Catalog::builtin().unwrap();
        let text = "id: x\nstrengths: [SLO, {tag: pager, level: 5}]\ngoals: [threat modeling depth]\nwork_style: {pace: 4.5}\nfamilies: [support]\n";
        let first = resolve_yaml(text).unwrap();
        let saved = serde_yaml::to_string(&first.to_answer_file(&catalog)).unwrap();
        let again = resolve_yaml(&saved).unwrap();
        assert_eq!(first, again);
    }

    /// The fast YAML subset reader gives answer files exactly as serde_yaml
    /// does, or declines: on every YAML file shipped or tested with, and on
    /// generated ones, changed and not.
    mod read_alike {
        use proptest::prelude::*;

        use crate::answers::AnswerFile;
        use crate::document::subset_tests::{agrees, answer_texts, yaml_files};

        #[test]
        fn every_yaml_fixture() {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
            let mut files = Vec::new();
            for dir in ["tests", "examples"] {
                yaml_files(&root.join(dir), &mut files);
            }
            let read = files
                .iter()
                .filter(|file| agrees::<AnswerFile>(&std::fs::read_to_string(file).unwrap()))
                .count();
            assert!(read > files.len() / 2, "{read} of {}", files.len());
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn generated((text, changed) in answer_texts()) {
                agrees::<AnswerFile>(&text);
                agrees::<AnswerFile>(&changed);
            }
        }
    }

    #[test]
    fn a_target_is_found_by_id_name_prefix_or_initials() {
        let catalog = Catalog::builtin().unwrap();
        let sre = catalog.role_index("site-reliability-engineer").unwrap();
        for given in [
            "site-reliability-engineer",
            "Site Reliability Engineer",
            "site reli",
            "SRE",
        ] {
            let respondent = resolve_yaml(&format!("target: {given}\n")).unwrap();
            assert_eq!(respondent.target, Some(sre), "{given}");
        }
        let dba = catalog.role_index("database-administrator").unwrap();
        assert_eq!(resolve_yaml("target: DBA\n").unwrap().target, Some(dba));
        assert_eq!(resolve_yaml("id: x\n").unwrap().target, None);
    }

    #[test]
    fn a_target_that_is_no_role_names_its_line_and_the_closest_roles() {
        let problems = resolve_yaml("id: x\ntarget: Data Architekt\n").unwrap_err();
        let message = problems[0].to_string();
        assert!(
            message.starts_with(
                "unknown role \"Data Architekt\" at target (answers.yaml:2): \
             did you mean one of \"data-architect\""
            ),
            "{message}"
        );
        let problems = resolve_yaml("target: data\n").unwrap_err();
        let message = problems[0].to_string();
        assert!(message.contains("is ambiguous"), "{message}");
        assert!(message.contains("data-engineer"), "{message}");
    }
}
