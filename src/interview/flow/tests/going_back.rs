//! Going back and starting again: Esc returns to the step asked before and
//! keeps every answer, and earlier answers are where each question starts.

use crate::error::Error;
use crate::interview::fake::{Reply, Scripted};
use crate::interview::flow::{Earlier, Preset};

use super::fixtures::{
    all_families, catalog, likerts, no_name, no_target, path, preset, run_script, tag_only_in,
    tags_of, varied,
};

#[test]
fn esc_at_the_first_step_quits() {
    let catalog = catalog();
    let (outcome, prompter) = run_script(&catalog, &Preset::default(), vec![Reply::Esc]);
    assert!(matches!(outcome, Err(Error::Interrupted)), "{outcome:?}");
    assert!(prompter.transcript.is_empty());

    // With the path preset, the first step asked is the first item.
    let preset = preset(Some(path(&catalog, "work-style")), None);
    let (outcome, prompter) = run_script(
        &catalog,
        &preset,
        vec![Reply::Likert(4), Reply::Esc, Reply::Esc],
    );
    assert!(matches!(outcome, Err(Error::Interrupted)), "{outcome:?}");
    assert_eq!(prompter.asked.len(), 3);
    assert!(prompter.asked[0].0.esc_quits);
    let n = catalog.questions.len();
    assert_eq!(
        prompter.headers()[1..],
        [
            format!("Step 1 of 3 · Work style · statement 2 of {n}"),
            format!("Step 1 of 3 · Work style · statement 1 of {n}"),
        ]
    );
}

#[test]
fn esc_goes_back_a_step_and_keeps_the_answers() {
    let catalog = catalog();
    let n = catalog.questions.len();
    let mut script = vec![
        Reply::Pick(path(&catalog, "full")),
        all_families(&catalog),
        Reply::Picks(vec![0, 1]),
        Reply::Levels(vec![4, 2]),
        // Back from goals to the levels, then to strengths.
        Reply::Esc,
        Reply::Esc,
        // Strengths again: the earlier ticks are shown; keep only the second.
        Reply::Picks(vec![1]),
        Reply::Levels(vec![1]),
        Reply::Picks(vec![]),
        Reply::Likert(5),
        Reply::Likert(4),
        // Back to the first statement: it starts on the earlier answer.
        Reply::Esc,
        Reply::Esc,
        Reply::Likert(2),
    ];
    script.extend(varied(n - 1));
    script.push(no_target());
    script.push(no_name());
    let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
    let outcome = outcome.unwrap();
    assert_eq!(outcome.respondent.strengths, vec![(1, 1)]);
    let headers = prompter.headers();
    assert_eq!(headers[4], "Step 4 of 7 · Growth goals");
    assert_eq!(headers[5], "Step 3 of 7 · Strengths · levels");
    assert_eq!(
        prompter.asked[5].2, "[4, 2]",
        "levels start where they were left"
    );
    assert_eq!(headers[6], "Step 3 of 7 · Strengths");
    assert_eq!(prompter.asked[6].2, "[0, 1]", "the earlier ticks are kept");
    assert_eq!(prompter.asked[7].2, "[2]", "tag 1 keeps its level");
    assert_eq!(
        prompter.asked[12].2, "4",
        "statement 2 starts on its earlier answer"
    );
    assert_eq!(
        prompter.asked[13].2, "5",
        "statement 1 starts on its earlier answer"
    );
    assert_eq!(prompter.transcript.len(), 8);
    assert_eq!(
        prompter.transcript[2],
        format!("Strengths: {}", catalog.tags[1].name)
    );
}

#[test]
fn ticks_made_before_esc_are_kept() {
    let catalog = catalog();
    let script = vec![
        Reply::Pick(path(&catalog, "competency")),
        all_families(&catalog),
        Reply::BackWith(vec![2, 5]),
        all_families(&catalog),
        Reply::Picks(vec![2, 5]),
        Reply::Levels(vec![3, 3]),
        Reply::Picks(vec![]),
        no_target(),
        no_name(),
    ];
    let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
    assert_eq!(prompter.asked[4].2, "[2, 5]");
    assert_eq!(outcome.unwrap().respondent.strengths, vec![(2, 3), (5, 3)]);
}

#[test]
fn a_family_change_keeps_the_strengths_still_in_view() {
    let catalog = catalog();
    let support = catalog.family_index("support").unwrap();
    let in_support = tag_only_in(&catalog, "support");
    let in_engineering = tag_only_in(&catalog, "engineering");
    let script = vec![
        Reply::Pick(path(&catalog, "competency")),
        all_families(&catalog),
        Reply::Picks(vec![in_support, in_engineering]),
        Reply::Levels(vec![5, 4]),
        // Back to the families; support alone.
        Reply::Esc,
        Reply::Esc,
        Reply::Esc,
        Reply::Picks(vec![support]),
        // The support strength is still ticked; back again, all families.
        Reply::Esc,
        all_families(&catalog),
        Reply::Picks(vec![in_support, in_engineering]),
        Reply::Levels(vec![5, 4]),
        Reply::Picks(vec![]),
        no_target(),
        no_name(),
    ];
    let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
    let support_only = tags_of(&catalog, support);
    let at = support_only.iter().position(|&t| t == in_support).unwrap();
    assert_eq!(prompter.asked[8].2, format!("[{at}]"));
    // With every family again, both strengths and their levels are back.
    let mut expected = [in_support, in_engineering];
    expected.sort_unstable();
    assert_eq!(prompter.asked[10].2, format!("{expected:?}"));
    assert_eq!(outcome.unwrap().respondent.strengths.len(), 2);
}

#[test]
fn going_back_to_the_path_can_change_it() {
    let catalog = catalog();
    let n = catalog.questions.len();
    let mut script = vec![
        Reply::Pick(path(&catalog, "competency")),
        Reply::Esc,
        Reply::Pick(path(&catalog, "work-style")),
    ];
    script.extend(varied(n));
    script.push(no_target());
    script.push(no_name());
    let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
    let outcome = outcome.unwrap();
    assert_eq!(outcome.respondent.path, path(&catalog, "work-style"));
    assert_eq!(prompter.headers()[1], "Step 2 of 6 · Families");
    assert_eq!(
        prompter.asked[2].2,
        path(&catalog, "competency").to_string()
    );
    assert_eq!(
        prompter.headers()[3],
        format!("Step 2 of 4 · Work style · statement 1 of {n}")
    );
}

#[test]
fn earlier_answers_are_where_each_question_starts() {
    let catalog = catalog();
    let engineering = catalog.family_index("engineering").unwrap();
    let strength = tag_only_in(&catalog, "engineering");
    let goal = tags_of(&catalog, engineering)
        .into_iter()
        .find(|&t| t != strength)
        .unwrap();
    let earlier = Earlier {
        name: Some("Ann".into()),
        path: path(&catalog, "full"),
        families: vec![engineering],
        strengths: vec![(strength, 4)],
        goals: vec![goal],
        statements: vec![(0, 5), (1, 1)],
        group: None,
        target: None,
    };
    let preset = Preset {
        earlier: Some(earlier),
        ..Preset::default()
    };
    let n = catalog.questions.len();
    let mut script = vec![
        Reply::Pick(path(&catalog, "full")),
        Reply::Picks(vec![engineering]),
    ];
    // Confirm whatever is ticked: the fake says what started ticked.
    let (_, asked) = run_script(&catalog, &preset, {
        let mut s = script.clone();
        s.push(Reply::Esc);
        s.push(Reply::Esc);
        s.push(Reply::Esc);
        s
    });
    let offered_at = |asked: &Scripted, i: usize, tag: usize| {
        asked.asked[i]
            .1
            .iter()
            .position(|l| l.starts_with(&catalog.tags[tag].name))
            .unwrap()
    };
    let at = offered_at(&asked, 2, strength);
    assert_eq!(asked.asked[0].2, path(&catalog, "full").to_string());
    assert_eq!(asked.asked[1].2, format!("[{engineering}]"));
    assert_eq!(asked.asked[2].2, format!("[{at}]"));

    script.extend([Reply::Picks(vec![at]), Reply::Levels(vec![4])]);
    let mut first = script.clone();
    first.extend([Reply::Esc, Reply::Esc, Reply::Esc, Reply::Esc, Reply::Esc]);
    let (_, asked) = run_script(&catalog, &preset, first);
    assert_eq!(asked.asked[3].2, "[4]", "the level given before");
    let goal_at = offered_at(&asked, 4, goal);
    assert_eq!(asked.asked[4].2, format!("[{goal_at}]"));

    script.push(Reply::Picks(vec![goal_at]));
    script.extend(likerts(&[5, 1]));
    script.extend(varied(n - 2));
    script.push(no_target());
    script.push(Reply::Text("Ann".into()));
    let (outcome, asked) = run_script(&catalog, &preset, script);
    assert_eq!(asked.asked[5].2, "5");
    assert_eq!(asked.asked[6].2, "1");
    assert_eq!(asked.asked[7].2, "3", "not answered before: the middle");
    assert_eq!(asked.asked.last().unwrap().2, "Ann");
    let r = outcome.unwrap().respondent;
    assert_eq!(r.strengths, vec![(strength, 4)]);
    assert_eq!(r.goals, vec![goal]);
    assert_eq!(r.families, vec![engineering]);
}
