//! The key hints, the cuts and the errors of the terminal prompter.

use super::look::hints;
use super::*;
use crate::interview::prompt::Keys;

fn ask(keys: Keys, esc_quits: bool) -> Ask {
    Ask {
        header: "Step 1 of 2 · Path".into(),
        intro: vec![],
        prompt: "Path".into(),
        keys,
        esc_quits,
    }
}

const UNICODE: Glyphs = Glyphs { unicode: true };

#[test]
fn cuts_by_bytes_and_marks_the_cut() {
    assert_eq!(cut("short", 10, UNICODE), "short");
    let long = cut("error budgets and SLOs", 12, UNICODE);
    assert!(long.len() <= 12, "{long}");
    assert!(long.ends_with('…'));
    let wide = cut("ééééééééé", 9, UNICODE);
    assert!(wide.len() <= 9 && wide.ends_with('…'), "{wide}");
    assert_eq!(cut("abc", 0, UNICODE), "…");
    assert_eq!(cut("abcdefgh", 6, Glyphs { unicode: false }), "abc...");
}

#[test]
fn hints_name_the_keys_of_the_screen() {
    assert_eq!(
        hints(&ask(Keys::Select, true), false, UNICODE),
        "↑↓ move · enter choose · esc quit"
    );
    assert_eq!(
        hints(&ask(Keys::MultiSelect, false), true, UNICODE),
        "type to filter · ↑↓ move · tab tick · enter confirm · esc back"
    );
    assert_eq!(
        hints(&ask(Keys::Scale, false), false, Glyphs { unicode: false }),
        "1-5 answer | up/down move | enter choose | esc back"
    );
    assert!(hints(&ask(Keys::Levels, false), false, UNICODE).contains("←→ or 1-5 level"));
    assert!(hints(&ask(Keys::Text, false), false, UNICODE).contains("esc back"));
    assert!(!hints(&ask(Keys::YesNo, false), false, UNICODE).contains("esc"));
}

#[test]
fn an_interrupted_read_is_an_interruption() {
    let e = terminal_error(io::Error::new(
        io::ErrorKind::Interrupted,
        "read interrupted",
    ));
    assert!(matches!(e, Error::Interrupted));
    assert_eq!(e.exit_code(), 130);
    let other = terminal_error(io::Error::other("gone"));
    assert_eq!(other.exit_code(), 2);
}

#[test]
fn hint_lines_break_between_hints_never_inside_one() {
    let ask = ask(Keys::MultiSelect, false);
    let lines = hint_lines(&ask, true, UNICODE, 59);
    assert_eq!(
        lines,
        [
            "type to filter · ↑↓ move · tab tick · enter confirm",
            "esc back"
        ]
    );
    assert_eq!(hint_lines(&ask, true, UNICODE, 200).len(), 1);
}
