//! Cohort summaries by group, and the privacy of a cohort report: which
//! groups may be shown (`--min-group`, with complementary suppression), who
//! counts in the whole-cohort totals, and the group views as plain blocks.

use std::collections::BTreeMap;

use super::blocks::{Block, Chart};
use super::numbers::percent;
use crate::catalog::Catalog;
use crate::score::Scored;

/// Groups below this size are not shown unless `--min-group` says otherwise.
pub const MIN_GROUP: usize = 5;

/// Roles in the groups × roles table: the most often best match first.
const ROLES_BY_GROUP: usize = 8;
/// Gaps listed for each group.
const GAPS_BY_GROUP: usize = 5;

/// What a group's summary is drawn from: the cohort's tally, which the
/// cohort module implements this for (so this module does not use it).
pub trait Tally: Sized {
    fn new(catalog: &Catalog) -> Self;
    fn add(&mut self, catalog: &Catalog, scored: &Scored);
    /// Adds another's counts.
    fn merge(&mut self, other: &Self);
    /// People counted.
    fn people(&self) -> usize;
    /// (role, people whose best match it is), most first.
    fn best_counts(&self) -> Vec<(usize, usize)>;
    /// (tag, people missing it in their best match), most first.
    fn common_gaps(&self) -> Vec<(usize, usize)>;
    /// A role's mean score over the people whose ranking holds it.
    fn mean_score(&self, role: usize) -> Option<f64>;
    /// How much of the people's own words was understood, naming no one.
    fn words_line(&self) -> Option<String> {
        None
    }
}

/// What a cohort report may show of its people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Privacy {
    /// No id or name of a person anywhere: aggregates only.
    pub anonymous: bool,
    /// Summaries split by group (`--by group`).
    pub by_group: bool,
    /// A group smaller than this is not shown or named on its own.
    pub min_group: usize,
}

impl Default for Privacy {
    fn default() -> Self {
        Privacy {
            anonymous: false,
            by_group: false,
            min_group: MIN_GROUP,
        }
    }
}

impl Privacy {
    /// A report that must show the cohort view, even of one person.
    pub fn cohort_only(&self) -> bool {
        self.anonymous || self.by_group
    }
}

/// Which groups a report shows and who counts in its totals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// Indices of the groups shown on their own.
    pub shown: Vec<usize>,
    /// Indices of the groups whose people count in the whole-cohort totals.
    pub in_totals: Vec<usize>,
    /// People in no group shown.
    pub left_out: usize,
}

/// The suppression rule, over the groups' sizes: a group of fewer than
/// `min` people is not shown. If the people not shown are fewer than `min`
/// (but some), the totals minus the shown groups would give them away: the
/// smallest shown group is suppressed too while two or more are shown;
/// with one shown group left, they are left out of the totals instead.
pub fn split(sizes: &[usize], min: usize) -> Split {
    let mut shown: Vec<usize> = (0..sizes.len()).filter(|&g| sizes[g] >= min).collect();
    let hidden = |shown: &[usize]| -> usize {
        (0..sizes.len())
            .filter(|g| !shown.contains(g))
            .map(|g| sizes[g])
            .sum()
    };
    if (1..min).contains(&hidden(&shown)) && shown.len() >= 2 {
        // The smallest, the last of equals: the earlier names stay.
        let smallest = (0..shown.len()).min_by_key(|&i| (sizes[shown[i]], std::cmp::Reverse(i)));
        if let Some(i) = smallest {
            shown.remove(i);
        }
    }
    let left_out = hidden(&shown);
    let in_totals = if (1..min).contains(&left_out) && !shown.is_empty() {
        shown.clone()
    } else {
        (0..sizes.len()).collect()
    };
    Split {
        shown,
        in_totals,
        left_out,
    }
}

/// The group a respondent's summary goes to (`None`: no group given).
pub type GroupKey = Option<String>;

/// How a group is named in a report.
pub fn group_name(key: &GroupKey) -> &str {
    key.as_deref().unwrap_or("(no group given)")
}

/// A tally per group, as respondents come.
pub struct GroupTallies<T> {
    pub groups: BTreeMap<GroupKey, T>,
}

impl<T: Tally> GroupTallies<T> {
    pub fn new() -> Self {
        GroupTallies {
            groups: BTreeMap::new(),
        }
    }

    pub fn add(&mut self, catalog: &Catalog, scored: &Scored) {
        let key = scored.respondent.meta.group.clone();
        self.groups
            .entry(key)
            .or_insert_with(|| T::new(catalog))
            .add(catalog, scored);
    }

    /// The split of these groups.
    pub fn split(&self, min: usize) -> Split {
        let sizes: Vec<usize> = self.groups.values().map(T::people).collect();
        split(&sizes, min)
    }

    /// The whole-cohort tally of the groups in the totals.
    pub fn totals(&self, catalog: &Catalog, split: &Split) -> T {
        let mut whole = T::new(catalog);
        for (g, tally) in self.groups.values().enumerate() {
            if split.in_totals.contains(&g) {
                whole.merge(tally);
            }
        }
        whole
    }

    /// The group views: each shown group's best matches and common gaps,
    /// a groups × roles table of mean scores, and how many were left out.
    pub fn blocks(&self, catalog: &Catalog, split: &Split, min: usize) -> Vec<Block> {
        let groups: Vec<(&GroupKey, &T)> = self.groups.iter().collect();
        let mut blocks = vec![Block::Heading("By group".into())];
        let mut note = format!("Groups of fewer than {min} people are not shown on their own.");
        if split.left_out > 0 {
            note.push_str(&format!(
                " {} people are left out of the group views",
                crate::diagnostics::thousands(split.left_out)
            ));
            if split.in_totals.len() < groups.len() {
                note.push_str(", and out of the whole-cohort totals above");
            }
            note.push('.');
        }
        let covering = (0..groups.len())
            .filter(|g| !split.shown.contains(g) && groups[*g].1.people() >= min)
            .count();
        if covering > 0 {
            note.push_str(&format!(
                " One group of {min} or more is not shown either, so that no total gives a smaller one away."
            ));
        }
        blocks.push(Block::Paragraph(note));
        let shown: Vec<(&GroupKey, &T)> = split.shown.iter().map(|&g| groups[g]).collect();
        for &(key, tally) in &shown {
            let name = group_name(key);
            let best = tally.best_counts();
            let rows = (best.iter())
                .map(|&(role, n)| {
                    vec![
                        catalog.roles[role].name.clone(),
                        n.to_string(),
                        percent(Some(n as f64 / tally.people().max(1) as f64)),
                    ]
                })
                .collect();
            let counts = best
                .iter()
                .map(|&(role, n)| (catalog.roles[role].name.clone(), n))
                .collect();
            blocks.push(Block::Table {
                caption: format!(
                    "{name}: best matches ({} people)",
                    crate::diagnostics::thousands(tally.people())
                ),
                header: vec!["Best match".into(), "People".into(), "Share".into()],
                rows,
                numeric: vec![1, 2],
                chart: Some(Chart::Counts(counts)),
            });
            if let Some(line) = tally.words_line() {
                blocks.push(Block::Paragraph(format!("{name}: {line}")));
            }
            let gaps: Vec<Vec<String>> = (tally.common_gaps().into_iter().take(GAPS_BY_GROUP))
                .map(|(tag, n)| vec![catalog.tags[tag].name.clone(), n.to_string()])
                .collect();
            if !gaps.is_empty() {
                blocks.push(Block::Table {
                    caption: format!("{name}: most common gaps in the best match"),
                    header: vec!["Gap".into(), "People".into()],
                    rows: gaps,
                    numeric: vec![1],
                    chart: None,
                });
            }
        }
        if !shown.is_empty() {
            blocks.push(means_by_group(catalog, &shown));
        }
        blocks
    }
}

/// Mean score of the roles most often a best match: a row per role, a
/// column per group (role names are long, group names usually short).
fn means_by_group<T: Tally>(catalog: &Catalog, shown: &[(&GroupKey, &T)]) -> Block {
    let mut whole = T::new(catalog);
    for (_, tally) in shown {
        whole.merge(tally);
    }
    let mut roles: Vec<usize> = whole.best_counts().into_iter().map(|(r, _)| r).collect();
    roles.truncate(ROLES_BY_GROUP);
    let mut header = vec!["Role".to_string()];
    header.extend(shown.iter().map(|(key, _)| group_name(key).to_string()));
    let mut cells = Vec::new();
    let rows = (roles.iter())
        .map(|&role| {
            let means: Vec<Option<f64>> = shown.iter().map(|(_, t)| t.mean_score(role)).collect();
            let mut row = vec![catalog.roles[role].name.clone()];
            row.extend(means.iter().map(|&m| percent(m)));
            cells.push(means);
            row
        })
        .collect();
    Block::Table {
        caption: "Mean score by group".into(),
        header,
        rows,
        numeric: (1..=shown.len()).collect(),
        chart: Some(Chart::Heat(cells)),
    }
}

#[cfg(test)]
mod tests {
    use super::split;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Whatever the sizes: a shown group has `min` people or more, and
        /// the people counted in the totals but in no shown group are none
        /// or `min` or more, so no subtraction isolates a small group.
        #[test]
        fn no_small_group_is_shown_or_left_to_subtraction(
            sizes in prop::collection::vec(1usize..12, 0..8),
            min in 1usize..8,
        ) {
            let s = split(&sizes, min);
            for &g in &s.shown {
                prop_assert!(sizes[g] >= min);
            }
            let hidden_in_totals: usize = (s.in_totals.iter())
                .filter(|g| !s.shown.contains(g))
                .map(|&g| sizes[g])
                .sum();
            prop_assert!(s.shown.is_empty() || hidden_in_totals == 0 || hidden_in_totals >= min);
            let not_shown: usize = (0..sizes.len()).filter(|g| !s.shown.contains(g)).map(|g| sizes[g]).sum();
            prop_assert_eq!(s.left_out, not_shown);
            // A group big enough is hidden only to cover a small one.
            let small: usize = sizes.iter().filter(|&&n| n < min).sum();
            let big_hidden = (0..sizes.len()).filter(|&g| sizes[g] >= min && !s.shown.contains(&g)).count();
            prop_assert!(big_hidden <= usize::from((1..min).contains(&small)));
        }
    }

    #[test]
    fn small_groups_are_hidden_and_never_left_to_subtraction() {
        // 6 and 2: the 2 are not shown, and not in the totals either.
        let s = split(&[6, 2], 5);
        assert_eq!((s.shown, s.in_totals, s.left_out), (vec![0], vec![0], 2));
        // 6, 7 and 2: the 6 go too, so the 8 left out are a safe remainder.
        let s = split(&[6, 7, 2], 5);
        assert_eq!(
            (s.shown, s.in_totals, s.left_out),
            (vec![1], vec![0, 1, 2], 8)
        );
        // 3 and 3 left out: 6 together, safe.
        let s = split(&[5, 3, 3], 5);
        assert_eq!(
            (s.shown, s.in_totals, s.left_out),
            (vec![0], vec![0, 1, 2], 6)
        );
        // Nothing small: everything shown and counted.
        let s = split(&[5, 9], 5);
        assert_eq!(
            (s.shown, s.in_totals, s.left_out),
            (vec![0, 1], vec![0, 1], 0)
        );
        // Nothing shown: nothing to subtract from the totals.
        let s = split(&[2, 1], 5);
        assert_eq!((s.shown, s.in_totals, s.left_out), (vec![], vec![0, 1], 3));
    }
}
