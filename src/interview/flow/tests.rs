//! The interview's steps driven by a scripted prompter, a module per
//! concern sharing the builders of `fixtures`.

mod fixtures {
    //! What every flow test builds on: the catalog, a path by id, scripted
    //! replies, presets, and running a script to its end.

    use crate::catalog::Catalog;
    use crate::error::Result;
    use crate::interview::fake::{Reply, Scripted};
    use crate::interview::flow::{Outcome, Preset, run};

    pub(super) fn catalog() -> Catalog {
        Catalog::builtin().expect("the built-in catalog is valid")
    }

    pub(super) fn path(catalog: &Catalog, id: &str) -> usize {
        catalog.path_index(id).expect("a built-in path")
    }

    pub(super) fn likerts(answers: &[u8]) -> Vec<Reply> {
        answers.iter().map(|&a| Reply::Likert(a)).collect()
    }

    /// Answers 1 2 3 4 5 1 2 … to the fifteen work-style items.
    pub(super) fn varied(n: usize) -> Vec<Reply> {
        likerts(&(0..n).map(|i| (i % 5) as u8 + 1).collect::<Vec<_>>())
    }

    pub(super) fn all_families(catalog: &Catalog) -> Reply {
        Reply::Picks((0..catalog.families.len()).collect())
    }

    /// No role aimed for: the first item of the target question.
    pub(super) fn no_target() -> Reply {
        Reply::Pick(0)
    }

    /// No name given.
    pub(super) fn no_name() -> Reply {
        Reply::Text(String::new())
    }

    pub(super) fn preset(path: Option<usize>, families: Option<Vec<usize>>) -> Preset {
        Preset {
            path,
            families,
            earlier: None,
        }
    }

    pub(super) fn run_script(
        catalog: &Catalog,
        preset: &Preset,
        replies: Vec<Reply>,
    ) -> (Result<Outcome>, Scripted) {
        let mut prompter = Scripted::new(replies);
        let outcome = run(catalog, preset, &mut prompter);
        assert!(
            prompter.replies.is_empty(),
            "the script was not used up: {:?}",
            prompter.replies
        );
        (outcome, prompter)
    }

    /// The tags offered when `family` alone is considered: those of any of its
    /// roles, in catalog order.
    pub(super) fn tags_of(catalog: &Catalog, family: usize) -> Vec<usize> {
        (0..catalog.tags.len())
            .filter(|&t| {
                catalog.tags[t]
                    .roles
                    .iter()
                    .any(|&r| catalog.roles[r].family == family)
            })
            .collect()
    }

    /// A tag offered only by roles of `family`.
    pub(super) fn tag_only_in(catalog: &Catalog, family: &str) -> usize {
        let family = catalog.family_index(family).unwrap();
        (0..catalog.tags.len())
            .find(|&t| {
                !catalog.tags[t].roles.is_empty()
                    && catalog.tags[t]
                        .roles
                        .iter()
                        .all(|&r| catalog.roles[r].family == family)
            })
            .expect("a tag of that family alone")
    }
}

mod going_back {
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
}

mod outcome {
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
}

mod steps {
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
}
