//! The prompts driven key by key, and drawn at several widths.

use console::Key;

use super::*;
use crate::interview::prompt::Choice;
use crate::text::width as text_width;

fn choices() -> Vec<Choice> {
    [
        (
            "error budgets and SLOs",
            "Support",
            "How much failure a service may spend",
            "SLO",
        ),
        (
            "incident command",
            "Support",
            "Leading the response to an outage",
            "",
        ),
        (
            "crash and ANR triage",
            "Engineering",
            "Sorting app crashes and freezes",
            "ANR",
        ),
        (
            "threat modeling",
            "Security",
            "Finding how a system could be attacked",
            "",
        ),
    ]
    .iter()
    .map(|&(name, note, description, alias)| Choice {
        name: name.into(),
        note: note.into(),
        description: description.into(),
        more: String::new(),
        aliases: if alias.is_empty() {
            vec![]
        } else {
            vec![alias.into()]
        },
        related: Vec::new(),
    })
    .collect()
}

fn keys(list: &mut TickList<'_>, text: &str) {
    for c in text.chars() {
        list.key(&Key::Char(c), 10);
    }
}

#[test]
fn typing_narrows_and_backspace_widens() {
    let items = choices();
    let mut list = TickList::new(&items, &[]);
    assert_eq!(list.shown().len(), 4);
    keys(&mut list, "cra");
    assert_eq!(list.shown(), [2]);
    // An alias and a description find items too.
    list.key(&Key::Escape, 10);
    assert_eq!(list.shown().len(), 4, "esc clears the filter");
    keys(&mut list, "slo");
    assert_eq!(list.shown(), [0]);
    list.key(&Key::Escape, 10);
    keys(&mut list, "outage");
    assert_eq!(list.shown(), [1]);
    for _ in 0..6 {
        list.key(&Key::Backspace, 10);
    }
    assert_eq!(list.shown().len(), 4);
    assert_eq!(
        list.key(&Key::Escape, 10),
        Flow::Back,
        "esc with no filter goes back"
    );
}

#[test]
fn letters_never_tick_and_ticks_survive_the_filter() {
    let items = choices();
    let mut list = TickList::new(&items, &[false, true]);
    keys(&mut list, "a");
    assert_eq!(list.picked(), [1], "letters only filter");
    keys(&mut list, "nr");
    assert_eq!(list.shown(), [2]);
    list.key(&Key::Tab, 10);
    // Esc clears the filter and stays on the item.
    list.key(&Key::Escape, 10);
    list.key(&Key::ArrowDown, 10);
    list.key(&Key::Tab, 10);
    assert_eq!(list.picked(), [1, 2, 3]);
    assert_eq!(list.key(&Key::Enter, 10), Flow::Done);
}

#[test]
fn a_space_is_part_of_the_filter_and_never_ticks() {
    let items = choices();
    let mut list = TickList::new(&items, &[]);
    keys(&mut list, "  a b ");
    assert_eq!(list.filter, "  a b ");
    assert!(list.picked().is_empty(), "spaces only filter");
    list.key(&Key::Tab, 10);
    list.key(&Key::Tab, 10);
    assert!(list.picked().is_empty(), "tab twice unticks");
}

#[test]
fn lines_fit_the_width_and_say_what_is_typed() {
    let items = choices();
    let mut list = TickList::new(&items, &[true]);
    keys(&mut list, "e");
    for unicode in [true, false] {
        let glyphs = Glyphs { unicode };
        for width in [30, 59, 80] {
            let lines = list.lines("Your strengths", width, 2, glyphs);
            for line in &lines {
                assert!(text_width(line) <= width, "{width}: {line:?}");
            }
            let text = console::strip_ansi_codes(&lines.join("\n")).into_owned();
            assert!(text.contains("filter: e_"), "{text}");
            if width >= 59 {
                assert!(text.contains("1 ticked"), "{text}");
            }
            assert_eq!(text.is_ascii(), !unicode, "{text}");
        }
    }
    let wide = console::strip_ansi_codes(
        &list
            .lines("S", 100, 10, Glyphs { unicode: true })
            .join("\n"),
    )
    .into_owned();
    assert!(
        wide.contains("How much failure a service may spend"),
        "{wide}"
    );
    keys(&mut list, "zzz");
    let none = list.lines("S", 80, 10, Glyphs { unicode: true }).join("\n");
    assert!(none.contains("nothing matches"), "{none}");
}

#[test]
fn a_name_cut_in_its_row_is_shown_whole_under_the_list() {
    let items = vec![Choice {
        name: "active directory and identity operations".into(),
        note: "Support".into(),
        ..Choice::default()
    }];
    let list = TickList::new(&items, &[]);
    let glyphs = Glyphs { unicode: false };
    let narrow = list.lines("S", 40, 5, glyphs).join("\n");
    let narrow = console::strip_ansi_codes(&narrow);
    assert!(
        narrow.contains("> [ ] active director...  Support"),
        "{narrow}"
    );
    assert!(
        narrow.contains("\n  active directory and identity\n  operations"),
        "{narrow}"
    );
    let wide = list.lines("S", 100, 5, glyphs).join("\n");
    assert_eq!(wide.matches("active directory").count(), 1, "{wide}");
}

#[test]
fn number_keys_answer_a_scale() {
    let items: Vec<String> = (1..=5).map(|n| n.to_string()).collect();
    let mut scale = Scale::new(&items, 2);
    assert_eq!(scale.key(&Key::Char('x')), Flow::Stay);
    assert_eq!(scale.key(&Key::Char('9')), Flow::Stay);
    assert_eq!(scale.key(&Key::Char('4')), Flow::Done);
    assert_eq!(scale.cursor, 3);
    let mut scale = Scale::new(&items, 2);
    scale.key(&Key::ArrowUp);
    assert_eq!(scale.key(&Key::Enter), Flow::Done);
    assert_eq!(scale.cursor, 1);
}

#[test]
fn levels_are_set_row_by_row_on_one_screen() {
    let rows: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
    let scale: Vec<String> = (1..=5).map(|n| format!("level{n}: meaning")).collect();
    let mut levels = Levels::new(&rows, &[3, 3, 3], &scale);
    levels.key(&Key::Char('4'), 10);
    levels.key(&Key::Char('2'), 10);
    levels.key(&Key::ArrowRight, 10);
    levels.key(&Key::ArrowRight, 10);
    levels.key(&Key::ArrowRight, 10);
    assert_eq!(levels.levels, [4, 2, 5], "capped at the top of the scale");
    levels.key(&Key::ArrowUp, 10);
    levels.key(&Key::ArrowLeft, 10);
    assert_eq!(levels.levels, [4, 1, 5]);
    assert_eq!(levels.key(&Key::Enter, 10), Flow::Done);
    let text = console::strip_ansi_codes(
        &levels
            .lines("Levels", 40, 10, Glyphs { unicode: false })
            .join("\n"),
    )
    .into_owned();
    assert!(text.contains("a  ####- 4 level4"), "{text}");
    assert!(text.contains("1 = level1: meaning"), "{text}");
}

#[test]
fn text_takes_typing_and_esc() {
    let mut input = TextInput::new("ab");
    input.key(&Key::Backspace);
    input.key(&Key::Char('x'));
    assert_eq!(input.text, "ax");
    assert_eq!(input.key(&Key::Escape), Flow::Back);
    assert_eq!(input.key(&Key::Enter), Flow::Done);
}

#[test]
fn fits_by_display_width_never_inside_a_character() {
    let glyphs = Glyphs { unicode: true };
    assert_eq!(fit("short", 10, glyphs), "short");
    assert_eq!(fit("error budgets", 8, glyphs), "error b…");
    let wide = fit("日本語のタグ", 7, glyphs);
    assert!(text_width(&wide) <= 7, "{wide}");
    assert!(wide.ends_with('…'));
    assert_eq!(fit("abcdef", 5, Glyphs { unicode: false }), "ab...");
}

#[test]
fn esc_glued_to_the_next_key_is_two_keys() {
    assert_eq!(
        split_escape(Key::UnknownEscSeq(vec!['\r'])),
        [Key::Escape, Key::Enter]
    );
    assert_eq!(
        split_escape(Key::UnknownEscSeq(vec!['p'])),
        [Key::Escape, Key::Char('p')]
    );
    assert_eq!(split_escape(Key::ArrowUp), [Key::ArrowUp]);
    assert_eq!(
        split_escape(Key::UnknownEscSeq(vec!['[', '9'])),
        [Key::UnknownEscSeq(vec!['[', '9'])]
    );
}

#[test]
fn the_locale_decides_the_glyphs() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    };
    assert!(locale_is_utf8(env(&[("LANG", "en_US.UTF-8")])));
    assert!(locale_is_utf8(env(&[
        ("LC_CTYPE", "C.utf8"),
        ("LANG", "C")
    ])));
    assert!(!locale_is_utf8(env(&[
        ("LC_ALL", "C"),
        ("LANG", "en_US.UTF-8")
    ])));
    assert!(!locale_is_utf8(env(&[("LANG", "C")])));
    assert!(!locale_is_utf8(env(&[])));
    assert!(locale_is_utf8(env(&[
        ("LC_ALL", ""),
        ("LANG", "de_DE.UTF-8")
    ])));
}
