//! The ranking table and the cohort table, on the example answer file.

use crate::answers::testing::resolve_text;
use crate::catalog::Catalog;
use crate::report::theme::Theme;
use crate::score::Scored;

use super::{TABLE_TOP, ranking_block};

fn jane(catalog: &Catalog) -> Scored {
    let text = include_str!("../../../examples/jane-sre.yaml");
    let respondent = resolve_text(catalog, "jane-sre.yaml", text);
    crate::score::assess(catalog, respondent, Some(TABLE_TOP))
}

fn block(catalog: &Catalog, scored: &Scored, width: usize) -> String {
    let theme = Theme {
        color: false,
        unicode: true,
        width,
    };
    let mut out = Vec::new();
    ranking_block(catalog, scored, theme, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn narrow_tables_drop_bars_then_growth_then_tags_then_family() {
    let catalog = Catalog::builtin().unwrap();
    let scored = jane(&catalog);
    let header = |width: usize| {
        let text = block(&catalog, &scored, width);
        text.lines()
            .find(|l| l.contains("# Role"))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    assert!(block(&catalog, &scored, 80).contains('█'), "bars at 80");
    assert_eq!(header(80), "# Role Family Score Skills Growth Style Tags");
    assert!(!block(&catalog, &scored, 79).contains('█'), "bars go first");
    assert_eq!(header(74), "# Role Family Score Skills Growth Style Tags");
    assert_eq!(header(73), "# Role Family Score Skills Style Tags");
    assert_eq!(header(66), "# Role Family Score Skills Style");
    assert_eq!(header(61), "# Role Score Skills Style");
    assert_eq!(header(60), "# Role Score Skills Style");
    // Below 60 columns: a list, one role per line (wrapped).
    assert_eq!(header(59), "");
    let list = block(&catalog, &scored, 59);
    assert!(
        list.contains(" 1. Site Reliability Engineer (Support) 68%, skills 73%,"),
        "{list}"
    );
}

#[test]
fn role_names_are_whole_at_every_width() {
    let catalog = Catalog::builtin().unwrap();
    let scored = jane(&catalog);
    for width in 40..=120 {
        let text = block(&catalog, &scored, width);
        for line in text.lines() {
            assert!(crate::text::width(line) <= width, "{width}: {line:?}");
        }
        for s in &scored.ranking {
            let name = &catalog.roles[s.role].name;
            assert!(
                text.lines().any(|l| l.contains(name.as_str())),
                "{width}: {name} is broken:\n{text}"
            );
        }
    }
}

#[test]
fn without_unicode_the_whole_ranking_is_ascii() {
    let catalog = Catalog::builtin().unwrap();
    let scored = jane(&catalog);
    for width in [40, 60, 80, 120] {
        let theme = Theme {
            color: false,
            unicode: false,
            width,
        };
        let mut out = Vec::new();
        ranking_block(&catalog, &scored, theme, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let odd: String = text.chars().filter(|c| !c.is_ascii()).collect();
        assert!(odd.is_empty(), "at {width} columns: {odd:?} in\n{text}");
    }
}
