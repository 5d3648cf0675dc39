//! The bottom layer: bytes from files and streams into text.
//!
//! Reading is bounded (a file over its limit is refused, never truncated
//! and never held whole). Text is UTF-8 with or without a byte-order mark,
//! or UTF-16 (little- or big-endian) with its byte-order mark, which is what
//! Windows PowerShell's `>` writes. Anything else is refused with a message
//! that names the encoding it looks like and how to save it as UTF-8.
//! Clean UTF-8 is never copied: the bytes read become the string.
//!
//! This module knows nothing of catalogs or answers; both read through it.

use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::Path;

use encoding_rs_io::{DecodeReaderBytes, DecodeReaderBytesBuilder};

use crate::error::Located;

/// How to fix a file in another encoding, said once for every such message.
const SAVE_AS_UTF8: &str =
    "save it as UTF-8 (most editors offer it under \"Save as\" → \"Encoding\")";

/// An I/O error in words, without "(os error 2)".
pub(crate) fn io_problem(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

/// Reads at most `limit` bytes of a file; more is an error, not a truncation.
pub(crate) fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let file = File::open(path).map_err(|e| io_problem(&e))?;
    let meta = file.metadata().map_err(|e| io_problem(&e))?;
    if meta.is_dir() {
        return Err("is a directory".into());
    }
    if meta.is_file() && meta.len() > limit {
        return Err(too_large(limit));
    }
    // Sized from the start: `take` hides the file's length from
    // `read_to_end`, which would otherwise grow the buffer from 32 bytes,
    // one read call per doubling (six for a typical answer file, not two).
    let expected = if meta.is_file() { meta.len() } else { 0 };
    read_into(Vec::with_capacity(expected as usize + 1), file, limit)
}

/// Reads a stream to its end, refusing it past `limit` bytes.
pub(crate) fn read_to_limit(reader: impl Read, limit: u64) -> Result<Vec<u8>, String> {
    read_into(Vec::new(), reader, limit)
}

fn read_into(mut bytes: Vec<u8>, reader: impl Read, limit: u64) -> Result<Vec<u8>, String> {
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_problem(&e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

pub(crate) fn too_large(limit: u64) -> String {
    format!("larger than {} KiB; refused", limit / 1024)
}

/// The encodings a byte-order mark announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bom {
    None,
    Utf8,
    Utf16Le,
    Utf16Be,
    /// UTF-32 is recognised only to be refused by name.
    Utf32,
    /// No mark, but the zero bytes of UTF-16: refused by name too.
    MissingUtf16,
}

impl Bom {
    fn sniff(bytes: &[u8]) -> Bom {
        match bytes {
            [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => Bom::Utf32,
            // Text starts with a character below U+0100: in UTF-16 without a
            // mark one of its first two bytes is zero, which UTF-8 text
            // never holds (it would decode, as control characters).
            [_, 0, _, 0, ..] | [0, _, 0, _, ..] => Bom::MissingUtf16,
            [0xEF, 0xBB, 0xBF, ..] => Bom::Utf8,
            [0xFF, 0xFE, ..] => Bom::Utf16Le,
            [0xFE, 0xFF, ..] => Bom::Utf16Be,
            _ => Bom::None,
        }
    }

    /// The encoding a UTF-16 mark names.
    fn encoding(self) -> &'static encoding_rs::Encoding {
        if self == Bom::Utf16Be {
            encoding_rs::UTF_16BE
        } else {
            encoding_rs::UTF_16LE
        }
    }

    fn len(self) -> usize {
        match self {
            Bom::None | Bom::MissingUtf16 => 0,
            Bom::Utf16Le | Bom::Utf16Be => 2,
            Bom::Utf8 => 3,
            Bom::Utf32 => 4,
        }
    }
}

/// The text of a whole file's bytes (see the module doc for what is read).
pub(crate) fn decode(mut bytes: Vec<u8>, source: &str) -> Result<String, Located> {
    if let Some(kind) = office_document(&bytes) {
        let message = format!(
            "this is {kind}, not a text file; rolefit reads YAML or JSON text \
             (`rolefit template > me.yaml` writes an answer file to fill in)"
        );
        return Err(Located::new(source, message));
    }
    let bom = Bom::sniff(&bytes);
    match bom {
        Bom::None | Bom::Utf8 => {
            // Shifts in place: no second buffer.
            bytes.drain(..bom.len());
            String::from_utf8(bytes).map_err(|e| {
                let bytes = e.as_bytes();
                let at = e.utf8_error().valid_up_to();
                Located::new(source, not_utf8(bytes, at)).at_line(Some(line_at(bytes, at)))
            })
        }
        Bom::Utf16Le | Bom::Utf16Be => {
            let encoding = bom.encoding();
            let body = &bytes[2..];
            match encoding.decode_without_bom_handling_and_without_replacement(body) {
                Some(text) => Ok(text.into_owned()),
                None => {
                    // The line of the first malformed unit, from a decoding
                    // that marks it.
                    let (marked, _) = encoding.decode_without_bom_handling(body);
                    let bad = marked.find('\u{FFFD}').unwrap_or(marked.len());
                    let line = marked[..bad].matches('\n').count() + 1;
                    let message =
                        format!("not valid UTF-16 despite its byte-order mark; {SAVE_AS_UTF8}");
                    Err(Located::new(source, message).at_line(Some(line)))
                }
            }
        }
        Bom::Utf32 | Bom::MissingUtf16 => Err(Located::new(source, refused(bom))),
    }
}

/// What an office document renamed to `.yaml` or `.json` is, by its first
/// bytes: a ZIP (Office Open XML, OpenDocument) or OLE (older Office) file,
/// or a PDF.
pub(crate) fn office_document(bytes: &[u8]) -> Option<&'static str> {
    let holds = |name: &[u8]| bytes.windows(name.len()).take(64 * 1024).any(|w| w == name);
    if bytes.starts_with(b"PK\x03\x04") {
        Some(if holds(b"word/") {
            "a Word document (.docx)"
        } else if holds(b"xl/") {
            "an Excel workbook (.xlsx)"
        } else if holds(b"opendocument") {
            "an OpenDocument file (.odt, .ods)"
        } else {
            "a ZIP archive"
        })
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some("a Word or Excel document in the old format (.doc, .xls)")
    } else if bytes.starts_with(b"%PDF-") {
        Some("a PDF document")
    } else {
        None
    }
}

/// Why a file in a recognised but unread encoding is refused.
fn refused(bom: Bom) -> String {
    let what = if bom == Bom::Utf32 {
        "the file is UTF-32, which is not read"
    } else {
        "the file looks like UTF-16 without a byte-order mark, which cannot be told apart reliably"
    };
    format!("{what}; {SAVE_AS_UTF8}")
}

/// Why bytes that stop being UTF-8 at `valid_up_to` are refused, with the
/// encoding they look like.
pub(crate) fn not_utf8(bytes: &[u8], valid_up_to: usize) -> String {
    let sample = &bytes[..bytes.len().min(4096)];
    let zeros = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = sample.len() / 2;
    let looks_like = if half > 0 && (zeros(0) * 3 > half || zeros(1) * 3 > half) {
        "UTF-16 without a byte-order mark"
    } else if bytes[valid_up_to..].iter().take(64).all(|&b| b != 0) {
        "Windows-1252 or Latin-1 (what older Windows editors and Excel write)"
    } else {
        "a binary file, not text"
    };
    format!(
        "not UTF-8 (byte {valid_up_to} on line {}): it looks like {looks_like}; {SAVE_AS_UTF8}",
        line_at(bytes, valid_up_to)
    )
}

fn line_at(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

/// A stream as UTF-8: a UTF-8 byte-order mark is dropped and UTF-16 (with
/// its mark) is decoded as it is read, so JSON Lines from any tool stream
/// line by line. Anything else passes through untouched.
pub(crate) enum TextStream<R> {
    Plain(R),
    Utf16(io::BufReader<DecodeReaderBytes<R, Vec<u8>>>),
}

impl<R: BufRead> TextStream<R> {
    pub(crate) fn new(mut reader: R) -> io::Result<TextStream<R>> {
        let start = peek(&mut reader, 4)?;
        let bom = Bom::sniff(&start);
        match bom {
            Bom::Utf8 => {
                reader.consume(3);
                Ok(TextStream::Plain(reader))
            }
            Bom::Utf16Le | Bom::Utf16Be => {
                reader.consume(2);
                // A broken surrogate becomes U+FFFD: the line holding it
                // then fails to parse with its own line number, while the
                // other lines still score.
                let decoder = DecodeReaderBytesBuilder::new()
                    .encoding(Some(bom.encoding()))
                    .build(reader);
                Ok(TextStream::Utf16(io::BufReader::with_capacity(
                    64 * 1024,
                    decoder,
                )))
            }
            Bom::Utf32 | Bom::MissingUtf16 => {
                Err(io::Error::new(io::ErrorKind::InvalidData, refused(bom)))
            }
            Bom::None => Ok(TextStream::Plain(reader)),
        }
    }
}

/// The first `n` bytes of a stream without consuming them (fewer at its end).
fn peek(reader: &mut impl BufRead, n: usize) -> io::Result<Vec<u8>> {
    loop {
        match reader.fill_buf() {
            Ok(buf) => return Ok(buf[..buf.len().min(n)].to_vec()),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

impl<R: BufRead> Read for TextStream<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            TextStream::Plain(r) => r.read(buf),
            TextStream::Utf16(r) => r.read(buf),
        }
    }
}

impl<R: BufRead> BufRead for TextStream<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match self {
            TextStream::Plain(r) => r.fill_buf(),
            TextStream::Utf16(r) => r.fill_buf(),
        }
    }
    fn consume(&mut self, amount: usize) {
        match self {
            TextStream::Plain(r) => r.consume(amount),
            TextStream::Utf16(r) => r.consume(amount),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
        let mut bytes = if little_endian {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        bytes
    }

    #[test]
    fn every_supported_encoding_decodes_to_the_same_text() {
        let text = "id: zoë 🦀\r\nstrengths: [SLO]\n";
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        for bytes in [
            text.as_bytes().to_vec(),
            bom,
            utf16(text, true),
            utf16(text, false),
        ] {
            assert_eq!(decode(bytes.clone(), "f").unwrap(), text);
            let mut streamed = String::new();
            TextStream::new(io::BufReader::with_capacity(5, &bytes[..]))
                .unwrap()
                .read_to_string(&mut streamed)
                .unwrap();
            assert_eq!(streamed, text);
        }
    }

    #[test]
    fn other_encodings_are_named() {
        let latin1 = b"id: caf\xe9\n".to_vec();
        let problem = decode(latin1, "f").unwrap_err();
        assert!(problem.message.contains("Windows-1252"), "{problem}");
        assert!(problem.message.contains("save it as UTF-8"), "{problem}");
        for little_endian in [true, false] {
            let mut no_bom = utf16("id: x\n", little_endian);
            no_bom.drain(..2);
            let problem = decode(no_bom.clone(), "f").unwrap_err();
            assert!(problem.message.contains("UTF-16 without"), "{problem}");
            assert!(TextStream::new(&no_bom[..]).is_err());
        }
        let utf32 = vec![0xFF, 0xFE, 0, 0, b'a', 0, 0, 0];
        assert!(decode(utf32, "f").unwrap_err().message.contains("UTF-32"));
    }
}
