//! What the answers become: exact axis means, the id, answer-quality notes,
//! the answer file, and answers out of range refused.

use crate::answers::Respondent;
use crate::answers::testing::resolve_text;
use crate::error::Error;
use crate::interview::fake::Reply;
use crate::interview::flow::Preset;

use super::fixtures::{
    all_families, catalog, likerts, no_name, no_target, path, preset, run_script, varied,
};

#[test]
fn axis_values_are_exact_means_with_reverse_items_flipped() {
    let catalog = catalog();
    let n = catalog.questions.len();
    let answers: Vec<u8> = (0..n).map(|i| [5, 4, 2, 1][i % 4]).collect();
    let mut script = vec![Reply::Pick(path(&catalog, "work-style"))];
    script.extend(likerts(&answers));
    script.push(no_target());
    script.push(no_name());
    let (outcome, _) = run_script(&catalog, &Preset::default(), script);
    let outcome = outcome.unwrap();
    let values = &outcome.respondent.work_style;
    for (a, axis) in catalog.axes.iter().enumerate() {
        let counted: Vec<f64> = catalog
            .questions
            .iter()
            .zip(&answers)
            .filter(|(q, _)| q.axis == a)
            .map(|(q, &x)| f64::from(if q.reverse { 6 - x } else { x }))
            .collect();
        let mean = counted.iter().sum::<f64>() / counted.len() as f64;
        assert_eq!(values[a], Some(mean), "axis {}", axis.id);
    }
    // Communication: items 1–3 answered 5, 4, 2; the third is
    // reverse-keyed: 13/3, not rounded.
    let communication = catalog.axis_index("communication").unwrap();
    assert!(catalog.questions[2].reverse);
    assert_eq!(values[communication], Some(13.0 / 3.0));
    // Each statement is kept as answered.
    let kept: Vec<u8> = outcome.statements.iter().map(|&(_, a)| a).collect();
    assert_eq!(kept, answers);
}

#[test]
fn a_name_given_is_the_id() {
    let catalog = catalog();
    let preset = preset(Some(path(&catalog, "work-style")), None);
    let n = catalog.questions.len();
    let mut script = varied(n);
    script.push(no_target());
    script.push(Reply::Text("  Ann Lee ".into()));
    let (outcome, prompter) = run_script(&catalog, &preset, script);
    let outcome = outcome.unwrap();
    assert_eq!(outcome.respondent.id, "Ann Lee");
    assert_eq!(outcome.name.as_deref(), Some("Ann Lee"));
    assert_eq!(prompter.transcript.last().unwrap(), "Name: Ann Lee");
    // Esc at the name goes back to the last statement.
    let mut script = varied(n);
    script.extend([Reply::Esc, Reply::Likert(1), no_target(), no_name()]);
    let (outcome, prompter) = run_script(&catalog, &preset, script);
    assert_eq!(outcome.unwrap().statements.last(), Some(&(n - 1, 1)));
    assert_eq!(prompter.asked[n + 1].2, ((n - 1) % 5 + 1).to_string());
}

#[test]
fn same_answer_to_every_item_is_pointed_out() {
    let catalog = catalog();
    let n = catalog.questions.len();
    let mut script = vec![Reply::Pick(path(&catalog, "work-style"))];
    script.extend(likerts(&vec![3; n]));
    script.push(no_target());
    script.push(no_name());
    let (outcome, _) = run_script(&catalog, &Preset::default(), script);
    let notes = outcome.unwrap().notes;
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].contains(&format!("all {n} work-style statements the same answer")));
    assert!(
        notes[0].contains("(3, neither agree nor disagree)"),
        "{}",
        notes[0]
    );
}

#[test]
fn no_strengths_on_a_competency_path_is_pointed_out() {
    let catalog = catalog();
    let n = catalog.questions.len();
    // Full path: no strengths, one goal, varied work style.
    let mut script = vec![
        Reply::Pick(path(&catalog, "full")),
        all_families(&catalog),
        Reply::Picks(vec![]),
        Reply::Picks(vec![5]),
    ];
    script.extend(varied(n));
    script.push(no_target());
    script.push(no_name());
    let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
    let notes = outcome.unwrap().notes;
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].starts_with("You chose no strengths"),
        "{}",
        notes[0]
    );
    assert!(
        notes[0].contains("growth goals and work style alone"),
        "{}",
        notes[0]
    );
    assert_eq!(prompter.transcript[2], "Strengths: none");

    // Competency path, nothing ticked at all: the ranking means nothing.
    let script = vec![
        Reply::Pick(path(&catalog, "competency")),
        all_families(&catalog),
        Reply::Picks(vec![]),
        Reply::Picks(vec![]),
        no_target(),
        no_name(),
    ];
    let (outcome, _) = run_script(&catalog, &Preset::default(), script);
    let outcome = outcome.unwrap();
    assert!(outcome.respondent.families.is_empty());
    assert_eq!(outcome.notes.len(), 1);
    assert!(
        outcome.notes[0].contains("not a match"),
        "{}",
        outcome.notes[0]
    );

    // Both notes at once.
    let mut script = vec![
        Reply::Pick(path(&catalog, "full")),
        all_families(&catalog),
        Reply::Picks(vec![]),
        Reply::Picks(vec![]),
    ];
    script.extend(likerts(&vec![5; n]));
    script.push(no_target());
    script.push(no_name());
    let (outcome, _) = run_script(&catalog, &Preset::default(), script);
    assert_eq!(outcome.unwrap().notes.len(), 2);
}

#[test]
fn the_respondent_is_what_its_answer_file_resolves_to() {
    let catalog = catalog();
    let n = catalog.questions.len();
    let engineering = catalog.family_index("engineering").unwrap();
    let architecture = catalog.family_index("architecture").unwrap();
    let mut script = vec![
        Reply::Pick(path(&catalog, "full")),
        Reply::Picks(vec![architecture, engineering]),
        Reply::Picks(vec![3, 0, 10]),
        Reply::Levels(vec![5, 1, 3]),
        Reply::Picks(vec![2, 4]),
    ];
    script.extend(likerts(
        &(0..n).map(|i| [4, 2, 5][i % 3]).collect::<Vec<_>>(),
    ));
    script.push(no_target());
    script.push(Reply::Text("Ann Lee".into()));
    let (outcome, _) = run_script(&catalog, &Preset::default(), script);
    let outcome = outcome.unwrap();
    let respondent = &outcome.respondent;
    assert_eq!(respondent.families, vec![engineering, architecture]);

    let file = outcome.answer_file(&catalog, "Ann Lee");
    assert!(file.work_style.is_empty(), "statements, not rounded means");
    assert_eq!(file.statements.iter().count(), n);
    let text = serde_yaml::to_string(&file).unwrap();
    let mut again = resolve_text(&catalog, "ann.yaml", &text);
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    again.source = respondent.source.clone();
    assert_eq!(&again, respondent);
    let ranked = |r: &Respondent| crate::score::assess(&catalog, r.clone(), Some(10)).ranking;
    assert_eq!(ranked(&again), ranked(respondent));
}

#[test]
fn out_of_range_answers_are_errors_not_panics() {
    let catalog = catalog();
    let (outcome, _) = run_script(&catalog, &Preset::default(), vec![Reply::Pick(99)]);
    assert!(matches!(outcome, Err(Error::Usage(_))), "{outcome:?}");
    let work_style = preset(Some(path(&catalog, "work-style")), None);
    let (outcome, _) = run_script(&catalog, &work_style, vec![Reply::Likert(6)]);
    assert!(matches!(outcome, Err(Error::Usage(_))), "{outcome:?}");
    let competency = preset(Some(path(&catalog, "competency")), Some(vec![0]));
    let (outcome, _) = run_script(&catalog, &competency, vec![Reply::Picks(vec![0, 500])]);
    assert!(matches!(outcome, Err(Error::Usage(_))), "{outcome:?}");
    let (outcome, _) = run_script(
        &catalog,
        &competency,
        vec![Reply::Picks(vec![0]), Reply::Levels(vec![6])],
    );
    assert!(matches!(outcome, Err(Error::Usage(_))), "{outcome:?}");
}

#[test]
fn a_role_picked_as_the_aim_is_the_target_and_is_saved() {
    let catalog = catalog();
    let preset = preset(Some(path(&catalog, "work-style")), None);
    let n = catalog.questions.len();
    let sre = catalog.find_role("sre").unwrap();
    let mut script = varied(n);
    // Item 0 of the list is "No particular role"; role r is item r + 1.
    script.push(Reply::Pick(sre + 1));
    script.push(no_name());
    let (outcome, prompter) = run_script(&catalog, &preset, script);
    let outcome = outcome.unwrap();
    assert_eq!(outcome.respondent.target, Some(sre));
    assert!(
        prompter
            .transcript
            .contains(&"Aiming for: Site Reliability Engineer".to_string()),
        "{:?}",
        prompter.transcript
    );
    let file = outcome.answer_file(&catalog, "ann");
    assert_eq!(file.target.as_deref(), Some("site-reliability-engineer"));
    // Asked again (Esc at the name), the question starts on the role, and
    // the first item takes the aim back.
    let mut script = varied(n);
    script.extend([Reply::Pick(sre + 1), Reply::Esc, no_target(), no_name()]);
    let (outcome, prompter) = run_script(&catalog, &preset, script);
    assert_eq!(prompter.asked[n + 2].2, (sre + 1).to_string());
    assert_eq!(outcome.unwrap().respondent.target, None);
}
