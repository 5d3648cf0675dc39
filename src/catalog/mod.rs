//! The role catalog: loading it, the built-in `roles.yaml` (compiled in and
//! parsed at start by the same loader as a custom catalog, about a
//! millisecond) or a file within its size limit, and what it offers.
//!
//! Its parts, each using only those before it: `model`, `lookup`, `check`.

use std::path::Path;

use crate::error::{Error, Located, Result};

mod check;
mod lookup;
mod model;

pub use model::{
    AXIS_RANGE, Axis, Behaviors, Catalog, Family, Hint, LEVELS, MAX_LEVEL, PathDef, Question, Role,
    Tag, TagMiss, Weights,
};

/// The built-in catalog, compiled into the binary.
pub const BUILTIN_SOURCE: &str = include_str!("../../roles.yaml");
pub const BUILTIN_NAME: &str = "<built-in roles.yaml>";

impl Catalog {
    /// The catalog compiled into the binary.
    pub fn builtin() -> Result<Catalog> {
        Catalog::parse(BUILTIN_SOURCE, BUILTIN_NAME)
    }
}

/// A catalog bigger than this is refused, like an oversized answer file.
pub const MAX_CATALOG_BYTES: u64 = 16 * 1024 * 1024;

impl Catalog {
    /// The built-in catalog, or the one at `path`.
    pub fn load(path: Option<&Path>) -> Result<Catalog> {
        let Some(path) = path else {
            return Catalog::builtin();
        };
        let shown = path.display().to_string();
        let bytes = crate::read::read_limited(path, MAX_CATALOG_BYTES)
            .map_err(|problem| Error::Catalog(vec![Located::new(&shown, problem)]))?;
        let text = crate::read::decode(bytes, &shown).map_err(|e| Error::Catalog(vec![e]))?;
        Catalog::parse(&text, &shown)
    }
}

#[cfg(test)]
mod tests {
    //! The catalog: the built-in one complete and equal to `roles.yaml`, names
    //! resolved, and every problem of a custom one located.

    use crate::catalog::{AXIS_RANGE, BUILTIN_SOURCE, Catalog, TagMiss};
    use crate::error::Error;

    #[test]
    fn builtin_catalog_is_valid_and_complete() {
        let catalog = Catalog::builtin().unwrap();
        assert_eq!(catalog.roles.len(), 24);
        assert_eq!(catalog.families.len(), 4);
        assert_eq!(catalog.axes.len(), 5);
        for role in &catalog.roles {
            assert!(role.tags.len() >= 3, "{} has too few tags", role.id);
            assert!(role.targets.iter().all(|t| AXIS_RANGE.contains(t)));
        }
        for axis in 0..catalog.axes.len() {
            let items: Vec<_> = catalog
                .questions
                .iter()
                .filter(|q| q.axis == axis)
                .collect();
            assert!(items.len() >= 2);
            assert!(items.iter().any(|q| q.reverse));
        }
        // Every family has roles, and every role is in one of them.
        let counts: Vec<usize> = (0..catalog.families.len())
            .map(|f| catalog.roles.iter().filter(|r| r.family == f).count())
            .collect();
        assert!(counts.iter().all(|&n| n > 0), "{counts:?}");
        assert_eq!(counts.iter().sum::<usize>(), catalog.roles.len());
    }

    #[test]
    fn tags_resolve_by_name_and_alias() {
        let catalog = Catalog::builtin().unwrap();
        let slo = catalog.tag_index("error budgets and SLOs").unwrap();
        assert_eq!(catalog.tag_index("  ERROR_budgets and slos"), Some(slo));
        assert_eq!(catalog.tag_index("SLO"), Some(slo));
        assert_eq!(
            catalog.suggest_tags("error budget and SLO"),
            vec!["error budgets and SLOs"]
        );
    }

    #[test]
    fn builtin_tags_are_described_in_one_sentence() {
        let catalog = Catalog::builtin().unwrap();
        for tag in &catalog.tags {
            let d = &tag.description;
            assert!(d.ends_with('.'), "{:?} needs a description", tag.name);
            assert!(!d[..d.len() - 1].contains(". "), "{d:?} is one sentence");
        }
        assert!(catalog.hints.len() >= 20);
    }

    #[test]
    fn a_hint_never_resolves_and_names_its_tags() {
        let catalog = Catalog::builtin().unwrap();
        assert_eq!(catalog.tag_index("Kubernetes"), None);
        let hint = catalog.hint("  kubernetes ").unwrap();
        assert_eq!(hint.term, "Kubernetes");
        assert_eq!(catalog.hint("K8s"), Some(hint));
        let (message, related) = catalog.unknown_tag("kubernetes");
        assert_eq!(message, "\"kubernetes\" is not a tag of its own");
        assert_eq!(
            related,
            "related tags: \"deployment and rollback strategy\", \
         \"infrastructure as code operations\", \"platform guardrails\", \
         \"model-serving architecture\""
        );
        let (message, hint) = catalog.unknown_tag("error budgest");
        assert_eq!(message, "unknown tag \"error budgest\"");
        assert!(hint.starts_with("did you mean"), "{hint}");
        let (_, hint) = catalog.unknown_tag("zzzz");
        assert_eq!(hint, "see `rolefit tags` for every tag");
    }

    #[test]
    fn known_bad_suggestions_are_gone() {
        let catalog = Catalog::builtin().unwrap();
        for (word, wrong) in [
            ("mentoring", "DNS and network troubleshooting"),
            ("IAM", "infrastructure as code operations"),
            ("SSO", "error budgets and SLOs"),
            ("MLOps", "error budgets and SLOs"),
            ("API design", "organizational design decisions"),
        ] {
            let suggested = catalog.suggest_tags(word);
            assert!(!suggested.contains(&wrong), "{word}: {suggested:?}");
        }
        assert_eq!(
            catalog.suggest_tags("API design")[..2],
            ["API contract design", "integration and API design"]
        );
        // A hint's words count for its related tags, so a typo of a broad
        // word still finds them.
        let near = catalog.suggest_tags("kubernets");
        let related = &catalog.hint("kubernetes").unwrap().tags;
        assert_eq!(near.len(), 3, "{near:?}");
        for tag in near {
            assert!(related.contains(&catalog.tag_index(tag).unwrap()), "{tag}");
        }
    }

    /// The catalog's problems, each as displayed.
    fn problems_of(text: &str) -> Vec<String> {
        match Catalog::parse(text, "custom.yaml") {
            Err(Error::Catalog(problems)) => problems.iter().map(ToString::to_string).collect(),
            other => panic!("expected catalog problems, got {other:?}"),
        }
    }

    #[test]
    fn hints_are_validated_with_their_lines() {
        let with_hints =
            |hints: &str| BUILTIN_SOURCE.replacen("\nhints:\n", &format!("\nhints:\n{hints}"), 1);
        let shown = problems_of(&with_hints(
            "  - {term: pager duty, aliases: [SLO], tags: [error budgets and SLOs]}\n",
        ));
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert!(
            shown[0].starts_with(
                "hint \"SLO\" is already a tag name or alias at hints[0].aliases[0] (custom.yaml:"
            ),
            "{}",
            shown[0]
        );
        assert!(
            shown[0].contains("it names \"error budgets and SLOs\""),
            "{}",
            shown[0]
        );

        let shown = problems_of(&with_hints(
            "  - {term: K8S, tags: [platform guardrails]}\n  - {term: x, tags: [platfrom guardrails]}\n  - {term: y, tags: []}\n",
        ));
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(
            shown[0].starts_with("unknown tag \"platfrom guardrails\" at hints[1].tags[0]"),
            "{}",
            shown[0]
        );
        assert!(
            shown[0].ends_with("did you mean \"platform guardrails\"?"),
            "{}",
            shown[0]
        );
        assert!(
            shown[1].starts_with("a hint needs at least one related tag at hints[2].tags"),
            "{}",
            shown[1]
        );
        // The built-in hint that has K8s as an alias comes later.
        assert!(
            shown[2].starts_with("hint \"K8s\" is listed twice at hints["),
            "{}",
            shown[2]
        );
        assert!(
            shown[2].ends_with("it already names the hint \"K8S\""),
            "{}",
            shown[2]
        );
    }

    #[test]
    fn descriptions_and_hints_are_optional_in_a_custom_catalog() {
        let start = BUILTIN_SOURCE.find("\nhints:\n").unwrap();
        let end = BUILTIN_SOURCE.find("\nroles:\n").unwrap();
        let without_hints = format!("{}{}", &BUILTIN_SOURCE[..start], &BUILTIN_SOURCE[end..]);
        let builtin = Catalog::builtin().unwrap();
        let described: Vec<String> = builtin
            .tags
            .iter()
            .map(|t| format!("    description: {:?}", t.description))
            .collect();
        let bare: String = without_hints
            .lines()
            .filter(|line| !described.iter().any(|d| d == line))
            .map(|line| format!("{line}\n"))
            .collect();
        let catalog = Catalog::parse(&bare, "custom.yaml").unwrap();
        assert!(catalog.hints.is_empty());
        assert!(catalog.tags.iter().all(|t| t.description.is_empty()));
        assert_eq!(catalog.tag_index("kubernetes"), None);
        assert!(matches!(catalog.tag_miss("kubernetes"), TagMiss::Near(_)));
    }

    #[test]
    fn roles_resolve_by_id_or_name() {
        let catalog = Catalog::builtin().unwrap();
        let sre = catalog.role_index("site-reliability-engineer").unwrap();
        assert_eq!(catalog.role_index("site reliability ENGINEER"), Some(sre));
        assert!(catalog.find_role("site reliabilty engineer").is_err());
        let message = catalog
            .find_role("site reliabilty engineer")
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("did you mean \"site-reliability-engineer\"?"),
            "{message}"
        );
    }

    #[test]
    fn invalid_catalog_names_every_problem_with_its_line() {
        let text = BUILTIN_SOURCE.replacen("family: support", "family: suport", 1);
        let Err(Error::Catalog(problems)) = Catalog::parse(&text, "custom.yaml") else {
            panic!("a misspelt family must be rejected");
        };
        let shown = problems[0].to_string();
        assert!(
            shown.starts_with("unknown family \"suport\" at roles[0].family (custom.yaml:"),
            "{shown}"
        );
        assert!(shown.ends_with("did you mean \"support\"?"), "{shown}");
    }
}
