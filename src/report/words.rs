//! What a person's own words were read as, in plain sentences that every
//! human format (table, Markdown, HTML) shows: "understood 7 of 9 words",
//! the words read by `near`, `related`, `field` or `similar`, and those not
//! read.

use serde::Serialize;

use crate::answers::{Respondent, Understood};
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
            let (tags, how) = tags_and_how(catalog, u);
            format!("{} as {tags} ({how})", quote(&u.said))
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

/// People with words not understood named in a cohort's summary; past
/// this, counted (JSON lists every person's).
const PEOPLE_NAMED: usize = 10;
/// Words not understood named for each person named; past this, counted.
const WORDS_NAMED: usize = 5;
/// Words not understood listed as the cohort's most common.
const COMMON_UNREAD: usize = 8;
/// Distinct words not understood counted: past this, new ones are left
/// out of the most common list, so memory stays flat however many come.
const DISTINCT_COUNTED: usize = 10_000;

/// What a cohort's people wrote, in counts that stay small however many
/// people come: words given and understood, how the others were read, who
/// has words not understood (the first few, named) and which words.
#[derive(Clone, Default)]
pub(crate) struct WordTally {
    /// Words written by the people counted.
    pub given: usize,
    pub understood: usize,
    /// Words read `near`, `related`, `field` and `similar`.
    pub by_how: [usize; 4],
    /// People with at least one word not understood.
    pub people_unread: usize,
    /// The first of them: (id, their words not understood).
    pub named: Vec<(String, Vec<String>)>,
    /// Per word not understood (case folded): as first written, and how
    /// many people wrote it.
    unread: std::collections::HashMap<String, (String, usize)>,
}

impl WordTally {
    pub fn add(&mut self, r: &Respondent) {
        let words = &r.words;
        self.given += words.given();
        self.understood += words.understood.len();
        for u in words.not_exact() {
            use crate::reader::How;
            let i = match u.how {
                How::Exact | How::Near => 0,
                How::Related => 1,
                How::Field => 2,
                How::Similar => 3,
            };
            self.by_how[i] += 1;
        }
        if words.not_understood.is_empty() {
            return;
        }
        self.people_unread += 1;
        if self.named.len() < PEOPLE_NAMED {
            self.named
                .push((r.id.clone(), words.not_understood.clone()));
        }
        let mut seen = std::collections::HashSet::new();
        for word in &words.not_understood {
            let key = word.trim().to_lowercase();
            if !seen.insert(key.clone()) {
                continue;
            }
            if let Some(entry) = self.unread.get_mut(&key) {
                entry.1 += 1;
            } else if self.unread.len() < DISTINCT_COUNTED {
                self.unread.insert(key, (word.trim().to_string(), 1));
            }
        }
    }

    /// Adds another's counts (a group's, to the whole cohort's).
    pub fn merge(&mut self, other: &WordTally) {
        self.given += other.given;
        self.understood += other.understood;
        for (a, b) in self.by_how.iter_mut().zip(other.by_how) {
            *a += b;
        }
        self.people_unread += other.people_unread;
        let room = PEOPLE_NAMED.saturating_sub(self.named.len());
        self.named.extend(other.named.iter().take(room).cloned());
        for (key, (word, n)) in &other.unread {
            if let Some(entry) = self.unread.get_mut(key) {
                entry.1 += n;
            } else if self.unread.len() < DISTINCT_COUNTED {
                self.unread.insert(key.clone(), (word.clone(), *n));
            }
        }
    }

    /// The words not understood with how many people wrote each, most
    /// first, then alphabetically; only those `min` or more wrote.
    fn common(&self, min: usize) -> Vec<(&str, usize)> {
        let mut list: Vec<(&str, usize, &str)> = (self.unread.iter())
            .filter(|(_, (_, n))| *n >= min)
            .map(|(key, (word, n))| (word.as_str(), *n, key.as_str()))
            .collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(b.2)));
        list.into_iter()
            .take(COMMON_UNREAD)
            .map(|(word, n, _)| (word, n))
            .collect()
    }

    /// `40 of 48 words understood (83%)`, or nothing when no word was
    /// given.
    fn understood_share(&self) -> Option<String> {
        (self.given > 0).then(|| {
            format!(
                "{} of {} {} understood ({})",
                crate::diagnostics::thousands(self.understood),
                crate::diagnostics::thousands(self.given),
                crate::text::noun(self.given, "word", "words"),
                super::numbers::percent(Some(self.understood as f64 / self.given as f64))
            )
        })
    }

    /// `3 people have words not understood`.
    fn who_have(&self) -> String {
        let n = self.people_unread;
        let have = if n == 1 { "has" } else { "have" };
        format!("{} {have} words not understood", people(n))
    }

    /// A group's line: how much of its words was understood and how many
    /// people have words not understood (no person or word named).
    pub fn group_line(&self) -> Option<String> {
        let share = self.understood_share()?;
        let mut line = share;
        if self.people_unread > 0 {
            line.push_str(&format!("; {}", self.who_have()));
        }
        line.push('.');
        Some(line)
    }

    /// The cohort summary's lines on its people's own words: the first a
    /// headline (`11 of 12 words understood (92%): …`), the others
    /// details. Each word is passed through `quote`. `anonymous`: no
    /// person is named, and a word is listed only when at least `min`
    /// people wrote it (a word one person wrote can name them).
    pub fn lines(
        &self,
        anonymous: bool,
        min: usize,
        quote: &dyn Fn(&str) -> String,
    ) -> Vec<String> {
        let Some(share) = self.understood_share() else {
            return Vec::new();
        };
        let mut head = share;
        let exact = self.understood - self.by_how.iter().sum::<usize>();
        if exact < self.understood {
            let how: Vec<String> = std::iter::once(exact)
                .chain(self.by_how)
                .zip(["exact", "near", "related", "field", "similar"])
                .filter(|&(n, _)| n > 0)
                .map(|(n, how)| format!("{} {how}", crate::diagnostics::thousands(n)))
                .collect();
            head.push_str(&format!(": {}", how.join(", ")));
            let partial: Vec<&str> = ["related", "field", "similar"]
                .into_iter()
                .zip(&self.by_how[1..])
                .filter(|&(_, &n)| n > 0)
                .map(|(how, _)| how)
                .collect();
            if !partial.is_empty() {
                let (last, rest) = partial.split_last().expect("not empty");
                let list = match rest {
                    [] => last.to_string(),
                    _ => format!("{} and {last}", rest.join(", ")),
                };
                head.push_str(&format!(" ({list} at half credit)"));
            }
        }
        head.push('.');
        let mut lines = vec![head];
        if self.people_unread == 0 {
            return lines;
        }
        let mut who = self.who_have();
        let named: Vec<String> = (self.named.iter())
            .map(|(id, words)| {
                let mut listed: Vec<String> =
                    words.iter().take(WORDS_NAMED).map(|w| quote(w)).collect();
                if words.len() > WORDS_NAMED {
                    listed.push(format!("{} more", words.len() - WORDS_NAMED));
                }
                format!("{id} ({})", listed.join(", "))
            })
            .collect();
        // Everyone named fits on the line; else the most common words
        // come first and the first people after them.
        let all_named = !anonymous && self.people_unread <= named.len();
        if all_named {
            who.push_str(&format!(": {}", named.join("; ")));
        }
        who.push('.');
        lines.push(who);
        let common = self.common(if anonymous { min.max(2) } else { 2 });
        if self.people_unread > 1 && !common.is_empty() {
            let listed: Vec<String> = (common.iter().enumerate())
                .map(|(i, &(word, n))| {
                    let n = if i == 0 {
                        people(n)
                    } else {
                        crate::diagnostics::thousands(n)
                    };
                    format!("{} ({n})", quote(word))
                })
                .collect();
            lines.push(format!("Most often not understood: {}.", listed.join(", ")));
        }
        if !anonymous && !all_named {
            lines.push(format!(
                "The first {}: {}; the JSON output lists every person's.",
                named.len(),
                named.join("; ")
            ));
        }
        lines
    }
}

/// `1 person`, `1,200 people`.
fn people(n: usize) -> String {
    format!(
        "{} {}",
        crate::diagnostics::thousands(n),
        crate::text::noun(n, "person", "people")
    )
}

/// A word's tags by name, joined, and how it was read with its credit
/// (`related, half credit`): the two parts every reading line shows.
fn tags_and_how(catalog: &Catalog, u: &Understood) -> (String, String) {
    let tags: Vec<&str> = (u.tags.as_slice().iter())
        .map(|&t| catalog.tags[t].name.as_str())
        .collect();
    let credit = if u.how.is_direct() {
        ""
    } else {
        ", half credit"
    };
    (tags.join(", "), format!("{}{credit}", u.how.as_str()))
}

/// How each word of an answer set that was not an exact catalog name was
/// read, one line each (`"restoring backups" → backup and restore
/// execution (near)`), then the words not understood with the reader's
/// suggestion: what `rolefit validate` lists. Nothing when every word was
/// a catalog name.
pub fn readings(catalog: &Catalog, r: &Respondent, arrow: &str) -> Vec<String> {
    let quoted = |w: &str| format!("\"{}\"", crate::text::escape_control(w));
    let mut lines: Vec<String> = (r.words.not_exact())
        .map(|u| {
            let (tags, how) = tags_and_how(catalog, u);
            format!(
                "{} {arrow} {} ({how})",
                quoted(&u.said),
                crate::text::escape_control(&tags)
            )
        })
        .collect();
    for word in &r.words.not_understood {
        let (_, hint) = crate::reader::not_understood(catalog, word);
        lines.push(format!(
            "{}: not understood; {}",
            quoted(word),
            crate::text::escape_control(&hint)
        ));
    }
    lines
}
