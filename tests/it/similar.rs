//! The `similar` layer measured on the development vocabulary lists
//! (tests/vocabulary.yaml and tests/vocabulary-holdout.yaml), each phrase
//! read with its own catalog entry left out: how the layer reads words the
//! catalog does not list. A reading is RIGHT when it is a tag the advisor
//! accepts (and the phrase is not broad), WRONG otherwise; the ceiling kept
//! here: at most 3% of the phrases that are not broad read wrong (broad
//! phrases are hint words, which the reader reads by `related` first).
//! Run with `--nocapture` to see the readings and the threshold sweep.
//! Other lists in the same format (paths separated by `:` in
//! `ROLEFIT_SIMILAR_LISTS`) are measured and printed too, never asserted:
//! that is how a held-out list is read once, without tuning against it.

use crate::common::{Phrase as Entry, yaml_list};
use rolefit::catalog::Catalog;
use rolefit::similar::{MARGIN, Nearest, SimilarIndex, THRESHOLD};

fn development_entries() -> Vec<Entry> {
    ["vocabulary.yaml", "vocabulary-holdout.yaml"]
        .iter()
        .flat_map(|file| yaml_list::<Vec<Entry>>(file))
        .collect()
}

/// Whether reading the entry as `tag` is right.
fn accepts(catalog: &Catalog, entry: &Entry, tag: usize) -> bool {
    !entry.broad && !entry.none && entry.accept.contains(&catalog.tags[tag].name)
}

#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Counts {
    right: usize,
    wrong: usize,
    none: usize,
}

/// Right, wrong or no reading at a threshold and margin.
fn count(
    catalog: &Catalog,
    readings: &[(&Entry, Option<Nearest>)],
    threshold: f32,
    margin: f32,
) -> Counts {
    let mut counts = Counts::default();
    for (entry, nearest) in readings {
        let read = nearest
            .filter(|n| n.similarity >= threshold && n.margin >= margin)
            .and_then(|n| n.tag);
        match read {
            None => counts.none += 1,
            Some(tag) if accepts(catalog, entry, tag) => counts.right += 1,
            Some(_) => counts.wrong += 1,
        }
    }
    counts
}

/// The readings of phrases no exact name or alias reads (what the layer
/// sees behind `exact`), and their counts at the shipped threshold.
fn not_read_exactly<'e>(
    catalog: &Catalog,
    readings: &[(&'e Entry, Option<Nearest>)],
) -> (Vec<(&'e Entry, Option<Nearest>)>, Counts) {
    let unread: Vec<_> = readings
        .iter()
        .filter(|(e, _)| catalog.tag_index(&e.phrase).is_none())
        .copied()
        .collect();
    let counts = count(catalog, &unread, THRESHOLD, MARGIN);
    (unread, counts)
}

#[test]
fn unlisted_development_phrases_are_rarely_read_wrong() {
    let catalog = Catalog::builtin().unwrap();
    let index = SimilarIndex::new(&catalog);
    let entries = development_entries();
    let readings: Vec<(&Entry, Option<Nearest>)> = entries
        .iter()
        .map(|e| (e, index.nearest_unlisted(&e.phrase)))
        .collect();

    for (entry, nearest) in &readings {
        if let Some(n) = nearest.filter(|n| n.similarity >= THRESHOLD && n.margin >= MARGIN) {
            let read = n.tag.map_or("(a hint)", |t| catalog.tags[t].name.as_str());
            let verdict = match n.tag {
                None => "none ",
                Some(tag) if accepts(&catalog, entry, tag) => "right",
                Some(_) => "WRONG",
            };
            println!(
                "{verdict} {:?} -> {read:?} ({:.3}, margin {:.3})",
                entry.phrase, n.similarity, n.margin
            );
        }
    }
    // Broad phrases are hint words: the reader reads them by `related`
    // before this layer is asked, so the sweep shows both.
    let specific: Vec<(&Entry, Option<Nearest>)> =
        readings.iter().filter(|(e, _)| !e.broad).copied().collect();
    for threshold in [0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90] {
        for margin in [0.0, 0.02, 0.03, 0.04, 0.06] {
            let c = count(&catalog, &readings, threshold, margin);
            let s = count(&catalog, &specific, threshold, margin);
            println!(
                "sweep threshold {threshold:.2} margin {margin:.2}: right {} wrong {} none {}; \
                 without broad phrases: right {} wrong {} none {}",
                c.right, c.wrong, c.none, s.right, s.wrong, s.none
            );
        }
    }
    let total = readings.len();
    let shipped = count(&catalog, &readings, THRESHOLD, MARGIN);
    let fitting = entries.iter().filter(|e| !e.broad).count();
    println!(
        "{total} development phrases ({fitting} with a fitting tag), at threshold {THRESHOLD} \
         margin {MARGIN}: right {} wrong {} none {}",
        shipped.right, shipped.wrong, shipped.none
    );
    let (unread, rest) = not_read_exactly(&catalog, &readings);
    println!(
        "of them the {} that no exact name or alias reads: right {} wrong {} none {}",
        unread.len(),
        rest.right,
        rest.wrong,
        rest.none
    );
    let specific_shipped = count(&catalog, &specific, THRESHOLD, MARGIN);
    println!(
        "without broad phrases (read by `related` first): right {} wrong {} none {} of {}",
        specific_shipped.right,
        specific_shipped.wrong,
        specific_shipped.none,
        specific.len()
    );
    assert!(total >= 400, "only {total} phrases");
    // Each phrase with its own entry left out is a harsh stand-in for an
    // unseen word: the reader's own measure is tests/it/own_words.rs, where
    // the layer only sees what the other layers leave. Here: at most 3% of
    // the specific phrases read wrong.
    assert!(
        specific_shipped.wrong * 100 <= specific.len() * 3,
        "{} wrong readings of {} specific phrases",
        specific_shipped.wrong,
        specific.len()
    );
    // The layer must read something, or it is not worth its megabytes.
    assert!(shipped.right >= 10, "only {} right readings", shipped.right);
}

/// Every tag's own name reads as that tag (the index embeds names), and
/// every hint's word as no tag.
#[test]
fn catalog_words_read_as_themselves() {
    let catalog = Catalog::builtin().unwrap();
    let index = SimilarIndex::new(&catalog);
    for (t, tag) in catalog.tags.iter().enumerate() {
        let hit = index.nearest(&tag.name).unwrap();
        assert_eq!(hit.tag, Some(t), "{:?}", tag.name);
    }
    for hint in &catalog.hints {
        assert_eq!(index.best(&hint.term), None, "{:?}", hint.term);
    }
}

/// Lists named in `ROLEFIT_SIMILAR_LISTS`, measured at the shipped
/// threshold: as the layer reads them, and on the phrases the catalog's
/// exact names and aliases do not already read. Printed, not asserted.
#[test]
fn lists_named_in_the_environment_are_measured() {
    let Ok(lists) = std::env::var("ROLEFIT_SIMILAR_LISTS") else {
        return;
    };
    let catalog = Catalog::builtin().unwrap();
    let index = SimilarIndex::new(&catalog);
    for path in lists.split(':').filter(|p| !p.is_empty()) {
        let entries: Vec<Entry> = yaml_list(path);
        let readings: Vec<(&Entry, Option<Nearest>)> = entries
            .iter()
            .map(|e| (e, index.nearest(&e.phrase)))
            .collect();
        let all = count(&catalog, &readings, THRESHOLD, MARGIN);
        let (unread, rest) = not_read_exactly(&catalog, &readings);
        let fitting = entries.iter().filter(|e| !e.broad && !e.none).count();
        println!(
            "{path}: {} phrases ({fitting} with a fitting tag): right {} wrong {} none {}; \
             the {} not read exactly: right {} wrong {} none {}",
            entries.len(),
            all.right,
            all.wrong,
            all.none,
            unread.len(),
            rest.right,
            rest.wrong,
            rest.none
        );
        assert_eq!(all.right + all.wrong + all.none, entries.len());
    }
}
