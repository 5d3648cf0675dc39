//! What a person's own words were read as, in plain sentences that every
//! human format (table, Markdown, HTML) shows: "understood 7 of 9 words",
//! the words read by `near`, `related`, `field` or `similar`, and those not
//! read.

use serde::Serialize;

use crate::answers::Respondent;
use crate::catalog::Catalog;

/// A word the reader read, for JSON: as written, its tags, how, and its
/// share of a direct claim.
#[derive(Serialize)]
pub struct UnderstoodOut<'a> {
    said: &'a str,
    tags: Vec<&'a str>,
    how: &'static str,
    weight: f64,
}

/// Every word read, in the file's order, for JSON.
pub fn understood<'a>(catalog: &'a Catalog, r: &'a Respondent) -> Vec<UnderstoodOut<'a>> {
    (r.words.understood.iter())
        .map(|u| UnderstoodOut {
            said: &u.said,
            tags: (u.tags.as_slice().iter())
                .map(|&t| catalog.tags[t].name.as_str())
                .collect(),
            how: u.how.as_str(),
            weight: u.how.weight(),
        })
        .collect()
}

/// The sentences, each word passed through `quote` (each format escapes
/// its own way); nothing when no strength or goal word was given.
pub fn summary(catalog: &Catalog, r: &Respondent, quote: &dyn Fn(&str) -> String) -> Vec<String> {
    let words = &r.words;
    if words.given() == 0 {
        return Vec::new();
    }
    let mut lines = vec![format!(
        "Understood {} of {} words.",
        words.understood.len(),
        words.given()
    )];
    let read: Vec<String> = words
        .not_exact()
        .map(|u| {
            let tags: Vec<&str> = (u.tags.as_slice().iter())
                .map(|&t| catalog.tags[t].name.as_str())
                .collect();
            let credit = if u.how.is_direct() {
                ""
            } else {
                ", half credit"
            };
            format!(
                "{} as {} ({}{credit})",
                quote(&u.said),
                tags.join(", "),
                u.how.as_str()
            )
        })
        .collect();
    if !read.is_empty() {
        lines.push(format!("Read from your words: {}.", read.join("; ")));
    }
    if !words.not_understood.is_empty() {
        let not: Vec<String> = words.not_understood.iter().map(|w| quote(w)).collect();
        lines.push(format!(
            "Not understood (left out of the score): {}.",
            not.join(", ")
        ));
    }
    lines
}
