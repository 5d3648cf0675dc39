//! Which answer sets of a batch share an id, in about 20 bytes a set.
//!
//! Every id is kept as a hash and the number of its answer set in the run;
//! the place (input and line) of a number is found again from a short list
//! of runs of consecutive lines, so nothing is kept per set but the hash.
//!
//! Two different ids are taken for one only when both of two independent
//! hashes agree: 12 bits of one choose a shard and the 64 bits of the
//! other are compared, 76 bits in all. The odds that any two of n distinct
//! ids are mistaken for each other are below n² / 2⁷⁷: about 3 × 10⁻¹³ for
//! 200,000 sets, 7 × 10⁻¹² for a million and 7 × 10⁻¹⁰ for ten million.
//! Both hashes are SipHash with keys drawn afresh for each run, so no input
//! can be made to collide on purpose.

use std::hash::{BuildHasher, RandomState};

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;

use crate::answers::Input;

/// Where an answer set came from: its input's index in the batch, and its
/// line when the input holds many (JSON Lines records, survey rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Place {
    pub input: usize,
    pub line: Option<usize>,
}

/// The ids seen so far in a batch.
pub(super) struct SeenIds {
    choose: RandomState,
    compare: RandomState,
    shards: Vec<Shard>,
    /// The places of all answer sets noted, as runs of consecutive lines.
    runs: Vec<Run>,
    /// How many answer sets were noted: the number of the next one.
    noted: u32,
}

/// Answer sets from `first` on come from `place`'s input, one a line
/// from `place`'s line on, until the next run starts.
struct Run {
    first: u32,
    place: Place,
}

/// Bits of the choosing hash that pick a shard: each shard grows on its
/// own, so growing never holds two copies of the whole table.
const SHARD_BITS: u32 = 12;
/// Numbering stops before this: the last number is never handed out.
const EMPTY: u32 = u32::MAX;

impl SeenIds {
    pub fn new() -> Self {
        SeenIds {
            choose: RandomState::new(),
            compare: RandomState::new(),
            shards: (0..1 << SHARD_BITS).map(|_| Shard::default()).collect(),
            runs: Vec::new(),
            noted: 0,
        }
    }

    /// Notes the id of the answer set at `place`; returns where an earlier
    /// answer set with the same id came from. Answer sets are noted in the
    /// order they are written. After 4,294,967,294 answer sets in one run,
    /// ids are no longer compared.
    pub fn note(&mut self, id: &str, place: Place) -> Option<Place> {
        let number = self.noted;
        if number == EMPTY {
            return None;
        }
        self.noted += 1;
        self.extend_runs(number, place);
        let choose = self.choose.hash_one(id);
        let shard = &mut self.shards[(choose >> (64 - SHARD_BITS)) as usize];
        let earlier = shard.find_or_insert(self.compare.hash_one(id), number)?;
        Some(self.place_of(earlier))
    }

    fn extend_runs(&mut self, number: u32, place: Place) {
        if let Some(run) = self.runs.last() {
            let next_line = run
                .place
                .line
                .map(|line| line + (number - run.first) as usize);
            if run.place.input == place.input && next_line == place.line {
                return;
            }
        }
        self.runs.push(Run {
            first: number,
            place,
        });
    }

    fn place_of(&self, number: u32) -> Place {
        let run = &self.runs[self.runs.partition_point(|r| r.first <= number) - 1];
        Place {
            input: run.place.input,
            line: run
                .place
                .line
                .map(|line| line + (number - run.first) as usize),
        }
    }
}

/// The (comparing hash, answer set number) pairs of one shard. The
/// comparing hash is stored in two halves, keeping an entry at 12 bytes.
#[derive(Default)]
struct Shard {
    table: HashTable<([u32; 2], u32)>,
}

impl Shard {
    /// The number stored with `hash`, or None after storing `number`.
    fn find_or_insert(&mut self, hash: u64, number: u32) -> Option<u32> {
        let halves = [hash as u32, (hash >> 32) as u32];
        // The comparing hash is already uniform: it is its own table hash.
        let rehash = |&(h, _): &([u32; 2], u32)| u64::from(h[0]) | (u64::from(h[1]) << 32);
        match self.table.entry(hash, |&(h, _)| h == halves, rehash) {
            Entry::Occupied(found) => Some(found.get().1),
            Entry::Vacant(slot) => {
                slot.insert((halves, number));
                None
            }
        }
    }
}

/// Which input each answer set came from, without a note per set: the
/// reader marks where each input's jobs begin, the writer counts the
/// outcomes it writes (one a job, in the same order).
#[derive(Default)]
pub(super) struct InputOf {
    /// (number of the input's first job, the input), not yet reached.
    starts: std::collections::VecDeque<(u64, usize)>,
    queued: u64,
    written: u64,
    current: usize,
}

impl InputOf {
    /// Input `index` begins after `waiting` jobs not yet queued.
    pub fn begin(&mut self, index: usize, waiting: usize) {
        self.starts.push_back((self.queued + waiting as u64, index));
    }

    /// `count` more jobs were queued for scoring.
    pub fn queued(&mut self, count: usize) {
        self.queued += count as u64;
    }

    /// The input of the next outcome written.
    pub fn next(&mut self) -> usize {
        while let Some(&(first, index)) = self.starts.front() {
            if first > self.written {
                break;
            }
            self.current = index;
            self.starts.pop_front();
        }
        self.written += 1;
        self.current
    }
}

/// A place as shown to a person: `a.yaml`, `cohort.jsonl:3`, `<stdin>:2`.
pub(super) fn shown(inputs: &[Input], place: Place) -> String {
    let source = match &inputs[place.input] {
        Input::File(path, _) => path.display().to_string(),
        Input::Stdin(_) => "<stdin>".to_string(),
    };
    match place.line {
        Some(line) => format!("{source}:{line}"),
        None => source,
    }
}

/// The kind of the shared-id warning in summaries: its message with the
/// id and both places left out.
pub(super) const SHARED_ID: &str =
    "id \"…\" is also the id of an earlier answer set; tables show each one's source beside it";

#[cfg(test)]
mod tests {
    use super::*;

    fn at(input: usize, line: Option<usize>) -> Place {
        Place { input, line }
    }

    #[test]
    fn a_repeat_names_the_first_place_across_inputs_and_lines() {
        let mut ids = SeenIds::new();
        assert_eq!(ids.note("ann", at(0, None)), None);
        assert_eq!(ids.note("bob", at(1, Some(1))), None);
        assert_eq!(ids.note("cy", at(1, Some(2))), None);
        // A blank line and a failed record leave gaps in the lines.
        assert_eq!(ids.note("dee", at(1, Some(5))), None);
        assert_eq!(ids.note("ann", at(1, Some(6))), Some(at(0, None)));
        assert_eq!(ids.note("dee", at(2, Some(3))), Some(at(1, Some(5))));
        assert_eq!(ids.note("cy", at(3, None)), Some(at(1, Some(2))));
        assert_eq!(ids.note("ann", at(3, None)), Some(at(0, None)));
        assert_eq!(
            ids.note("Ann", at(3, None)),
            None,
            "ids are compared exactly"
        );
    }

    #[test]
    fn many_ids_are_kept_apart_and_each_repeat_is_found() {
        let mut ids = SeenIds::new();
        let count = 200_000;
        for n in 0..count {
            // Every seventh line blank: many runs, not one.
            let line = n + n / 7 + 1;
            assert_eq!(
                ids.note(&format!("p{n:06}"), at(n / 50_000, Some(line))),
                None
            );
        }
        for n in (0..count).step_by(997) {
            let first = at(n / 50_000, Some(n + n / 7 + 1));
            assert_eq!(ids.note(&format!("p{n:06}"), at(9, None)), Some(first));
        }
        let kept: usize = ids.shards.iter().map(|s| s.table.len()).sum();
        assert_eq!(kept, count);
    }

    #[test]
    fn outcomes_are_given_the_input_their_job_came_from() {
        let mut input_of = InputOf::default();
        input_of.begin(0, 0);
        // Input 0 gives two jobs, 1 none, 2 one; the chunk is queued after.
        input_of.begin(1, 2);
        input_of.begin(2, 2);
        input_of.queued(3);
        input_of.begin(3, 0);
        input_of.queued(1);
        let inputs: Vec<usize> = (0..4).map(|_| input_of.next()).collect();
        assert_eq!(inputs, [0, 0, 2, 3]);
    }
}
