//! The `similar` reading layer: meaning-level similarity of a phrase to the
//! catalog's tags (name, description, aliases), from a static embedding
//! table distilled from all-MiniLM-L6-v2 that is compiled into the binary.
//! Offline and deterministic; it reads a phrase only above a calibrated
//! similarity and margin over the next candidate (docs/similar.md).
//!
//! ```no_run
//! # use rolefit::{catalog::Catalog, similar::SimilarIndex};
//! let catalog = Catalog::builtin().unwrap();
//! let index = SimilarIndex::new(&catalog); // or similar::index_for(&catalog)
//! if let Some(hit) = index.best("fixing broken laptops") {
//!     println!("{} ({:.2})", catalog.tags[hit.tag].name, hit.similarity);
//! }
//! ```

mod table;
mod wordpiece;

use std::sync::{Arc, Mutex, OnceLock};

use crate::catalog::Catalog;
use crate::matching::normalize;
use table::Table;
use wordpiece::Vocabulary;

/// The lowest cosine similarity read as a tag (calibrated on the
/// development lists: docs/similar.md).
pub const THRESHOLD: f32 = 0.80;
/// The least lead of the best tag over the next candidate.
pub const MARGIN: f32 = 0.04;

static TABLE_BYTES: &[u8] = include_bytes!("../../models/minilm-static.bin");
static VOCABULARY_TEXT: &str = include_str!("../../models/vocab.txt");

/// The embedding model: vocabulary and table, parsed once on first use.
#[derive(Debug)]
pub struct Model {
    vocabulary: Vocabulary,
    table: Table,
}

impl Model {
    /// The model compiled into the binary; `None` only if its files do not
    /// match each other (a broken build, caught by the tests).
    pub fn get() -> Option<&'static Model> {
        static MODEL: OnceLock<Option<Model>> = OnceLock::new();
        MODEL.get_or_init(Model::load).as_ref()
    }

    /// Parses the compiled-in files afresh: what [`Model::get`] does once
    /// (the benchmark measures it).
    pub fn load() -> Option<Model> {
        let vocabulary = Vocabulary::parse(VOCABULARY_TEXT)?;
        let table = Table::parse(TABLE_BYTES, vocabulary.len())?;
        Some(Model { vocabulary, table })
    }

    /// The phrase's unit vector: the mean of its pieces' vectors,
    /// normalised; `None` when no piece of it is known.
    pub fn embed(&self, phrase: &str) -> Option<Vec<f32>> {
        let mut pieces = Vec::new();
        self.vocabulary.pieces(phrase, &mut pieces);
        let mut sum = vec![0.0f32; self.table.dims()];
        for &id in &pieces {
            self.table.add(id, &mut sum);
        }
        let norm = sum.iter().map(|v| v * v).sum::<f32>().sqrt();
        (norm > 0.0 && norm.is_finite()).then(|| sum.into_iter().map(|v| v / norm).collect())
    }
}

/// The index of `catalog`, built on first use and kept for the catalogs
/// used last (by [`Catalog::serial`], so a clone shares it): a reader can
/// call this per word without building anything twice. A run has one
/// catalog; a few are kept so that catalogs used side by side (tests on
/// several threads) do not rebuild each other's index.
pub fn index_for(catalog: &Catalog) -> Arc<SimilarIndex> {
    const KEPT: usize = 16;
    static RECENT: Mutex<Vec<(u64, Arc<SimilarIndex>)>> = Mutex::new(Vec::new());
    let mut recent = RECENT
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, index)) = recent
        .iter()
        .find(|(serial, _)| *serial == catalog.serial())
    {
        return Arc::clone(index);
    }
    let index = Arc::new(SimilarIndex::new(catalog));
    if recent.len() == KEPT {
        recent.remove(0);
    }
    recent.push((catalog.serial(), Arc::clone(&index)));
    index
}

/// A phrase read as a tag.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimilarHit {
    /// Index into [`Catalog::tags`].
    pub tag: usize,
    /// Cosine similarity to the tag's closest text, at least [`THRESHOLD`].
    pub similarity: f32,
    /// Lead over the next candidate, at least [`MARGIN`].
    pub margin: f32,
}

/// What a phrase is closest to, before any threshold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nearest {
    /// The closest tag, or `None` when a hint's broad word is closest:
    /// such a phrase is for the `related` layer, never read as one tag.
    pub tag: Option<usize>,
    pub similarity: f32,
    /// Lead over the next tag or hint (the whole similarity when there
    /// is no other).
    pub margin: f32,
}

/// Who a text of the index speaks for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Owner {
    Tag(usize),
    Hint(usize),
}

/// The catalog's tag texts and hint words, embedded once.
#[derive(Debug)]
pub struct SimilarIndex {
    model: Option<&'static Model>,
    dims: usize,
    /// Unit vectors, `dims` values each, one per text.
    vectors: Vec<f32>,
    owners: Vec<Owner>,
    /// Each text normalised (the catalog's rule), to leave a phrase's own
    /// entry out when calibrating.
    texts: Vec<String>,
    /// Best similarity per tag then per hint, reused by each reading.
    owner_count: usize,
    tag_count: usize,
}

impl SimilarIndex {
    /// Embeds every tag's name, description and aliases, and every hint's
    /// term and aliases.
    pub fn new(catalog: &Catalog) -> SimilarIndex {
        let model = Model::get();
        let mut index = SimilarIndex {
            model,
            dims: model.map_or(0, |m| m.table.dims()),
            vectors: Vec::new(),
            owners: Vec::new(),
            texts: Vec::new(),
            owner_count: catalog.tags.len() + catalog.hints.len(),
            tag_count: catalog.tags.len(),
        };
        for (t, tag) in catalog.tags.iter().enumerate() {
            let texts = [&tag.name, &tag.description]
                .into_iter()
                .chain(&tag.aliases);
            for text in texts {
                index.add(Owner::Tag(t), text);
            }
        }
        for (h, hint) in catalog.hints.iter().enumerate() {
            for text in std::iter::once(&hint.term).chain(&hint.aliases) {
                index.add(Owner::Hint(h), text);
            }
        }
        index
    }

    fn add(&mut self, owner: Owner, text: &str) {
        let Some(vector) = self.model.and_then(|m| m.embed(text)) else {
            return;
        };
        self.vectors.extend(vector);
        self.owners.push(owner);
        self.texts.push(normalize(text));
    }

    /// The tag `phrase` means, when the model is sure enough: similarity
    /// at least [`THRESHOLD`] and a lead of at least [`MARGIN`] over the
    /// next tag or hint. `None` for a phrase closest to a hint's broad
    /// word, and for generic words such as "positive attitude".
    pub fn best(&self, phrase: &str) -> Option<SimilarHit> {
        let nearest = self.nearest(phrase)?;
        let tag = nearest.tag?;
        (nearest.similarity >= THRESHOLD && nearest.margin >= MARGIN).then_some(SimilarHit {
            tag,
            similarity: nearest.similarity,
            margin: nearest.margin,
        })
    }

    /// The closest tag or hint, with no threshold.
    pub fn nearest(&self, phrase: &str) -> Option<Nearest> {
        self.closest(phrase, false)
    }

    /// [`SimilarIndex::nearest`] with the phrase's own entries left out
    /// (texts that normalise to the same words): how the layer would read
    /// the phrase if the catalog did not list it. For calibration.
    pub fn nearest_unlisted(&self, phrase: &str) -> Option<Nearest> {
        self.closest(phrase, true)
    }

    /// Which of `tags` the phrase is closest to (by each tag's closest
    /// text), with its similarity and its lead over the next of them.
    pub fn closest_of(&self, phrase: &str, tags: &[usize]) -> Option<SimilarHit> {
        let query = self.model?.embed(phrase)?;
        let mut best = vec![f32::NEG_INFINITY; tags.len()];
        for (i, vector) in self.vectors.chunks_exact(self.dims).enumerate() {
            let Owner::Tag(t) = self.owners[i] else {
                continue;
            };
            if let Some(slot) = tags.iter().position(|&x| x == t) {
                let similarity = dot(vector, &query);
                best[slot] = best[slot].max(similarity);
            }
        }
        let (first, &similarity) = (best.iter().enumerate())
            .filter(|(_, s)| s.is_finite())
            .fold(None, |top: Option<(usize, &f32)>, (i, s)| match top {
                Some((_, t)) if *t >= *s => top,
                _ => Some((i, s)),
            })?;
        let runner_up = (best.iter().enumerate())
            .filter(|&(i, s)| i != first && s.is_finite())
            .map(|(_, &s)| s)
            .fold(f32::NEG_INFINITY, f32::max);
        Some(SimilarHit {
            tag: tags[first],
            similarity,
            margin: if runner_up.is_finite() {
                similarity - runner_up
            } else {
                similarity
            },
        })
    }

    fn closest(&self, phrase: &str, leave_out_own: bool) -> Option<Nearest> {
        let query = self.model?.embed(phrase)?;
        let own = leave_out_own.then(|| normalize(phrase));
        let mut best = vec![f32::NEG_INFINITY; self.owner_count];
        for (i, vector) in self.vectors.chunks_exact(self.dims).enumerate() {
            if own.as_deref() == Some(self.texts[i].as_str()) {
                continue;
            }
            let similarity = dot(vector, &query);
            let slot = match self.owners[i] {
                Owner::Tag(t) => t,
                Owner::Hint(h) => self.tag_count + h,
            };
            best[slot] = best[slot].max(similarity);
        }
        // The first of equals wins: catalog order, so readings are stable.
        let (first, &similarity) = best
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_finite())
            .fold(None, |top: Option<(usize, &f32)>, (i, s)| match top {
                Some((_, t)) if *t >= *s => top,
                _ => Some((i, s)),
            })?;
        let runner_up = best
            .iter()
            .enumerate()
            .filter(|&(i, s)| i != first && s.is_finite())
            .map(|(_, &s)| s)
            .fold(None, |top: Option<f32>, s| {
                Some(top.map_or(s, |t| t.max(s)))
            });
        Some(Nearest {
            tag: (first < self.tag_count).then_some(first),
            similarity,
            margin: similarity - runner_up.unwrap_or(0.0),
        })
    }
}

/// Plain indexing four at a time, not `zip().map().sum()`: the tests run
/// an unoptimised build, where the iterator adapters made this loop the
/// bulk of a long input's run (8.8 s of CPU, 2.9 s like this).
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (mut sum, mut i) = (0.0, 0);
    while i + 4 <= n {
        sum += a[i] * b[i] + a[i + 1] * b[i + 1] + a[i + 2] * b[i + 2] + a[i + 3] * b[i + 3];
        i += 4;
    }
    while i < n {
        sum += a[i] * b[i];
        i += 1;
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> &'static SimilarIndex {
        static INDEX: OnceLock<SimilarIndex> = OnceLock::new();
        INDEX.get_or_init(|| SimilarIndex::new(&Catalog::builtin().unwrap()))
    }

    fn read(phrase: &str) -> Option<&'static str> {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        let catalog = CATALOG.get_or_init(|| Catalog::builtin().unwrap());
        index()
            .best(phrase)
            .map(|hit| catalog.tags[hit.tag].name.as_str())
    }

    fn pieces(phrase: &str) -> Vec<&'static str> {
        let model = Model::get().unwrap();
        let mut ids = Vec::new();
        model.vocabulary.pieces(phrase, &mut ids);
        let names: Vec<&'static str> = VOCABULARY_TEXT.lines().collect();
        ids.iter().map(|&id| names[id as usize]).collect()
    }

    #[test]
    fn the_compiled_model_loads() {
        let model = Model::get().expect("models/ files match");
        assert_eq!(model.vocabulary.len(), 30522);
        assert!(model.table.dims() >= 32);
    }

    #[test]
    fn words_are_cut_into_pieces_as_bert_does() {
        assert_eq!(pieces("Restoring BACKUPS"), ["restoring", "backup", "##s"]);
        assert_eq!(
            pieces("TCP/IP, DNS!"),
            ["tc", "##p", "/", "ip", ",", "d", "##ns", "!"]
        );
        // Accents are stripped; control and zero-width characters dropped.
        assert_eq!(pieces("Café\u{200b} naïve\u{7}"), ["cafe", "naive"]);
        // A word no pieces cover is left out whole.
        assert_eq!(pieces("ǅx"), Vec::<&str>::new());
        assert_eq!(pieces("中国人"), ["中", "国", "人"]);
        assert_eq!(pieces("İstanbul 🙂"), ["istanbul"]);
    }

    #[test]
    fn the_same_phrase_reads_the_same() {
        let phrase = "fixing broken laptops for staff";
        let first = index().nearest(phrase);
        assert!(first.is_some());
        for _ in 0..3 {
            assert_eq!(index().nearest(phrase), first);
        }
        // A second index over the same catalog agrees.
        let again = SimilarIndex::new(&Catalog::builtin().unwrap());
        assert_eq!(again.nearest(phrase), first);
    }

    #[test]
    fn an_index_is_built_once_per_catalog_load() {
        let catalog = Catalog::builtin().unwrap();
        let first = index_for(&catalog);
        assert!(Arc::ptr_eq(&first, &index_for(&catalog.clone())));
        let reloaded = Catalog::builtin().unwrap();
        assert!(!Arc::ptr_eq(&first, &index_for(&reloaded)));
    }

    #[test]
    fn clear_phrases_read_as_their_tag() {
        // None of these is a name or alias as written.
        assert_eq!(read("resetting passwords"), Some("MFA and access recovery"));
        assert_eq!(
            read("restoring backups"),
            Some("backup and restore execution")
        );
        assert_eq!(
            read("writing knowledge base articles"),
            Some("knowledge-base authoring")
        );
        assert_eq!(read("SLO error budget"), Some("error budgets and SLOs"));
    }

    #[test]
    fn generic_soft_skills_read_as_nothing() {
        for phrase in [
            "positive attitude",
            "punctuality",
            "hard working",
            "team player",
        ] {
            assert_eq!(read(phrase), None, "{phrase:?}");
        }
    }

    #[test]
    fn hostile_input_reads_nothing_or_a_tag_and_never_panics() {
        let huge = "backup ".repeat(100_000);
        let long_word = "a".repeat(10_000);
        let inputs = [
            "",
            " \t\n\r ",
            "\0\u{1b}[31m\u{7f}",
            "\u{fffd}\u{feff}\u{200d}",
            "データベース管理",
            "Администрирование баз данных",
            "إدارة قواعد البيانات",
            "🙂🔥💾",
            &huge,
            &long_word,
            "!!!???...",
        ];
        for input in inputs {
            if let Some(hit) = index().best(input) {
                assert!(hit.similarity >= THRESHOLD && hit.margin >= MARGIN);
                assert!(hit.similarity.is_finite() && hit.similarity <= 1.0 + 1e-4);
            }
        }
        assert_eq!(index().nearest(""), None);
        assert_eq!(index().nearest(&long_word), None);
    }
}
