//! BERT's uncased WordPiece tokenizer, as all-MiniLM-L6-v2 uses it: clean
//! the text, lower-case it and strip accents, split on white space and
//! punctuation (each CJK ideograph a word of its own), then cut each word
//! into the longest vocabulary pieces, continuations marked `##`.

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// BERT's limit: a longer word is one unknown token.
const MAX_WORD_CHARS: usize = 100;
/// Pieces read from one phrase at most (BERT reads 512 positions); a
/// longer text is cut there, so hostile input costs bounded time.
pub const MAX_PIECES: usize = 512;

/// A vocabulary: each piece's id, in the model's order.
#[derive(Debug)]
pub struct Vocabulary {
    ids: FxHashMap<&'static str, u32>,
    unknown: u32,
}

impl Vocabulary {
    /// One piece a line, line N being id N (the model's vocab.txt).
    pub fn parse(text: &'static str) -> Option<Vocabulary> {
        let mut ids = FxHashMap::default();
        ids.reserve(text.len() / 8);
        for (id, piece) in text.lines().enumerate() {
            ids.insert(piece, u32::try_from(id).ok()?);
        }
        let unknown = *ids.get("[UNK]")?;
        Some(Vocabulary { ids, unknown })
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// The ids of the phrase's pieces, unknown words left out (a static
    /// model has nothing to say about them), at most [`MAX_PIECES`].
    pub fn pieces(&self, phrase: &str, out: &mut Vec<u32>) {
        out.clear();
        let mut word = String::new();
        for c in phrase.nfd() {
            if out.len() >= MAX_PIECES {
                break;
            }
            if is_dropped(c) || is_combining_mark(c) {
                continue;
            }
            if c.is_whitespace() {
                self.word(&word, out);
                word.clear();
            } else if is_punctuation(c) || is_cjk(c) {
                self.word(&word, out);
                word.clear();
                let mut single = [0u8; 4];
                self.word(c.encode_utf8(&mut single), out);
            } else if word.len() <= MAX_WORD_CHARS * 4 {
                // Past 400 bytes a word has over 100 characters: it is
                // unknown already, and a huge one costs no memory.
                word.extend(c.to_lowercase());
            }
        }
        self.word(&word, out);
        out.truncate(MAX_PIECES);
    }

    /// Greedy longest-match-first, as BERT does: a word with a part no
    /// piece covers is unknown as a whole.
    fn word(&self, word: &str, out: &mut Vec<u32>) {
        if word.is_empty() {
            return;
        }
        if word.chars().count() > MAX_WORD_CHARS {
            return;
        }
        let start_len = out.len();
        let mut piece = String::with_capacity(word.len() + 2);
        let mut start = 0;
        while start < word.len() {
            let mut end = word.len();
            let mut found = None;
            while end > start {
                piece.clear();
                if start > 0 {
                    piece.push_str("##");
                }
                piece.push_str(&word[start..end]);
                if let Some(&id) = self.ids.get(piece.as_str()) {
                    found = Some(id);
                    break;
                }
                end = previous_boundary(word, end, start);
            }
            match found {
                Some(id) => out.push(id),
                None => {
                    out.truncate(start_len);
                    return;
                }
            }
            start = end;
        }
        debug_assert!(out[start_len..].iter().all(|&id| id != self.unknown));
    }
}

/// The char boundary before `end` (and after `start`).
fn previous_boundary(word: &str, end: usize, start: usize) -> usize {
    let mut at = end - 1;
    while at > start && !word.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// BERT's text cleaning drops NUL, the replacement character, control
/// characters other than white space and invisible format characters
/// (zero-width spaces and joiners, direction marks, soft hyphens, BOM).
fn is_dropped(c: char) -> bool {
    (c.is_control() && !c.is_whitespace())
        || matches!(c as u32,
            0xFFFD | 0xAD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFEFF)
}

/// ASCII punctuation as BERT counts it (symbols such as `$` and `+`
/// included), and any other character that is neither a letter, a digit
/// nor white space: std has no Unicode categories, so a symbol such as `€`
/// or an emoji splits off as a word of its own, where BERT keeps it in the
/// word. Tested pieces agree with the model's own tokenizer otherwise.
fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_punctuation()
    } else {
        !c.is_alphanumeric() && !c.is_whitespace()
    }
}

/// The CJK ideograph blocks BERT splits into single characters.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B820..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}
