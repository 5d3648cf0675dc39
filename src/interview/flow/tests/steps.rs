//! Which questions each path asks, in which order, under which step
//! indicator; presets skip theirs, and ticking no family is refused.

use crate::interview::fake::Reply;
use crate::interview::flow::Preset;
use crate::interview::flow::outcome::RESPONDENT_ID;
use crate::interview::prompt::Keys;

use super::fixtures::{
    all_families, catalog, no_name, no_target, path, preset, run_script, tags_of, varied,
};

#[test]
fn full_path_asks_everything_in_order() {
    let catalog = catalog();
    let n = catalog.questions.len();
    let mut script = vec![
        Reply::Pick(path(&catalog, "full")),
        all_families(&catalog),
        Reply::Picks(vec![0, 7]),
        Reply::Levels(vec![5, 2]),
        Reply::Picks(vec![0]),
    ];
    script.extend(varied(n));
    script.push(no_target());
    script.push(no_name());
    let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
    let outcome = outcome.expect("the interview ends");
    let r = &outcome.respondent;
    assert_eq!(r.path, path(&catalog, "full"));
    // Tags 0 and 7 of the list (catalog order), at levels 5 and 2.
    assert_eq!(r.strengths, vec![(0, 5), (7, 2)]);
    // Goal: the first tag that is not a strength.
    assert_eq!(r.goals, vec![1]);
    assert!(r.work_style.iter().all(Option::is_some));
    assert!(r.families.is_empty(), "all families ticked ranks all");
    assert!(outcome.notes.is_empty(), "{:?}", outcome.notes);
    assert_eq!(r.id, RESPONDENT_ID);
    assert_eq!(outcome.name, None);
    assert_eq!(outcome.statements.len(), n);

    let headers = prompter.headers();
    assert_eq!(headers[0], "Step 1 of 7 · Path");
    assert_eq!(headers[1], "Step 2 of 7 · Families");
    assert_eq!(headers[2], "Step 3 of 7 · Strengths");
    assert_eq!(headers[3], "Step 3 of 7 · Strengths · levels");
    assert_eq!(headers[4], "Step 4 of 7 · Growth goals");
    assert_eq!(
        headers[5],
        format!("Step 5 of 7 · Work style · statement 1 of {n}")
    );
    assert_eq!(headers[5 + n], "Step 6 of 7 · Your aim");
    assert_eq!(headers[6 + n], "Step 7 of 7 · Your name");
    assert_eq!(headers.len(), 7 + n);
    // The aim is optional: the first item skips it; the roles follow.
    let aims = &prompter.asked[5 + n].1;
    assert_eq!(aims[0], "No particular role");
    assert_eq!(aims.len(), catalog.roles.len() + 1);
    assert_eq!(r.target, None);
    assert!(prompter.asked[0].0.esc_quits);
    assert!(!prompter.asked[1].0.esc_quits);
    // Every path is offered with its description; work-style says who it is for.
    let paths = &prompter.asked[0].1;
    assert_eq!(paths.len(), catalog.paths.len());
    let work_style = &paths[path(&catalog, "work-style")];
    assert!(
        work_style.contains("non-technical professionals"),
        "{work_style}"
    );
    // Strengths are labelled with their family.
    assert!(
        prompter.asked[2].1[0].ends_with("Support"),
        "{:?}",
        prompter.asked[2].1[0]
    );
    // The levels screen has one row per strength, all starting on 3.
    assert_eq!(
        prompter.asked[3].1,
        [catalog.tags[0].name.clone(), catalog.tags[7].name.clone()]
    );
    assert_eq!(prompter.asked[3].2, "[3, 3]");
    // One progress line per part: the statements share one.
    assert_eq!(
        prompter.transcript,
        [
            "Path: Competency and work style".to_string(),
            "Families: all".into(),
            format!(
                "Strengths: {}, {}",
                catalog.tags[0].name, catalog.tags[7].name
            ),
            format!(
                "Levels: {} 5, {} 2",
                catalog.tags[0].name, catalog.tags[7].name
            ),
            format!("Growth goals: {}", catalog.tags[1].name),
            format!("Work style: {n} of {n} statements answered"),
            "Aiming for: no particular role".into(),
            "Name: none given".into(),
        ]
    );
}

#[test]
fn competency_path_asks_no_work_style() {
    let catalog = catalog();
    let sre = catalog.role_index("site-reliability-engineer").unwrap();
    let mut sre_tags = catalog.roles[sre].tags.clone();
    sre_tags.sort_unstable();
    // Only the support family: the strengths offered are its tags.
    let support = catalog.family_index("support").unwrap();
    let offered = tags_of(&catalog, support);
    let at = |t: &usize| offered.iter().position(|o| o == t).unwrap();
    let script = vec![
        Reply::Pick(path(&catalog, "competency")),
        Reply::Picks(vec![support]),
        Reply::Picks(sre_tags.iter().map(at).collect()),
        Reply::Levels(vec![5, 3, 3]),
        Reply::Picks(vec![]),
        no_target(),
        no_name(),
    ];
    let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
    let outcome = outcome.unwrap();
    let r = &outcome.respondent;
    assert_eq!(r.work_style, vec![None; catalog.axes.len()]);
    assert!(outcome.statements.is_empty());
    assert_eq!(r.families, vec![support]);
    let expected: Vec<(usize, u8)> = sre_tags.iter().copied().zip([5, 3, 3]).collect();
    assert_eq!(r.strengths, expected);
    assert!(r.goals.is_empty());
    // The strengths offered are the support family's only.
    let labels = &prompter.asked[2].1;
    assert_eq!(labels.len(), offered.len());
    assert!(labels.iter().all(|l| l.ends_with("Support")), "{labels:?}");
    // The count follows the path: before it is chosen, the default's.
    assert_eq!(prompter.headers()[0], "Step 1 of 7 · Path");
    assert_eq!(prompter.headers()[1], "Step 2 of 6 · Families");
    assert_eq!(r.target, None);
    assert_eq!(prompter.transcript[4], "Growth goals: none");
    // The ranking is the support family's.
    let scored = crate::score::assess(&catalog, r.clone(), None);
    assert_eq!(scored.ranking.len(), 6);
    assert_eq!(
        catalog.roles[scored.ranking[0].role].id,
        "site-reliability-engineer"
    );
}

#[test]
fn work_style_path_asks_only_the_items() {
    let catalog = catalog();
    let n = catalog.questions.len();
    let mut script = vec![Reply::Pick(path(&catalog, "work-style"))];
    script.extend(varied(n));
    script.push(no_target());
    script.push(no_name());
    let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
    let outcome = outcome.unwrap();
    assert!(outcome.respondent.strengths.is_empty());
    assert!(outcome.respondent.work_style.iter().all(Option::is_some));
    assert_eq!(
        prompter.headers()[1],
        format!("Step 2 of 4 · Work style · statement 1 of {n}")
    );
    assert!(outcome.notes.is_empty());
    // Each item shows its statement, starting on the middle answer.
    let (ask, _, start) = &prompter.asked[1];
    assert!(ask.intro[1].contains(&catalog.questions[0].text));
    assert_eq!(ask.keys, Keys::Scale);
    assert_eq!(start, "3");
}

#[test]
fn presets_skip_their_questions() {
    let catalog = catalog();
    let leadership = catalog.family_index("leadership").unwrap();
    let preset = preset(Some(path(&catalog, "competency")), Some(vec![leadership]));
    let script = vec![
        Reply::Picks(vec![0]),
        Reply::Levels(vec![2]),
        Reply::Picks(vec![]),
        no_target(),
        no_name(),
    ];
    let (outcome, prompter) = run_script(&catalog, &preset, script);
    let outcome = outcome.unwrap();
    assert_eq!(prompter.headers()[0], "Step 1 of 4 · Strengths");
    assert!(prompter.asked[0].0.esc_quits);
    assert_eq!(prompter.asked[0].1.len(), 9, "the leadership family's tags");
    assert_eq!(outcome.respondent.families, vec![leadership]);
    assert_eq!(outcome.respondent.path, path(&catalog, "competency"));
}

#[test]
fn no_family_ticked_is_refused_with_a_note() {
    let catalog = catalog();
    let script = vec![
        Reply::Pick(path(&catalog, "competency")),
        Reply::Picks(vec![]),
        Reply::Picks(vec![0]),
        Reply::Picks(vec![]),
        Reply::Picks(vec![]),
        no_target(),
        no_name(),
    ];
    let (outcome, prompter) = run_script(&catalog, &Preset::default(), script);
    assert_eq!(prompter.said.len(), 1);
    assert!(prompter.said[0].starts_with("Tick at least one family"));
    assert_eq!(prompter.headers()[1], prompter.headers()[2]);
    assert_eq!(outcome.unwrap().respondent.families, vec![0]);
}
