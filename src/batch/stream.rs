//! Splitting streamed inputs (JSON Lines, survey rows) into jobs with
//! bounded memory: a chunk is handed on whenever it is full.

use std::io::{self, BufRead};
use std::path::Path;

use super::job::Job;
use crate::answers::{Format, MAX_ANSWER_BYTES};
use crate::diagnostics;
use crate::error::Located;
use crate::read::{io_problem, too_large};
use crate::survey::Rows;

/// Jobs scored together before their results are written in order; bounds
/// memory whatever the batch size.
pub(super) const CHUNK: usize = 1024;
/// Splits a survey into one job per row; what its headers hold that means
/// nothing is said once.
pub(super) fn stream_rows(
    rows: Result<Rows, Located>,
    chunk: &mut Vec<Job>,
    flush: &mut dyn FnMut(&mut Vec<Job>) -> io::Result<()>,
) -> io::Result<()> {
    // A survey whose skill questions cannot be placed is not scored on
    // the rest (a pipe, whose headers could not be checked beforehand).
    let mut rows = match rows {
        Ok(Rows {
            unplaced: Some(problem),
            ..
        })
        | Err(problem) => {
            chunk.push(Job::Failed(problem));
            return Ok(());
        }
        Ok(rows) => rows,
    };
    for note in &rows.notes {
        diagnostics::warning(note);
    }
    let mut any = false;
    while let Some(row) = rows.next_row() {
        any = true;
        chunk.push(match row {
            Ok(row) => Job::Row(row),
            Err(problem) => Job::Failed(problem),
        });
        if chunk.len() >= CHUNK {
            flush(chunk)?;
        }
    }
    if !any {
        diagnostics::warning(&rows.no_rows());
    }
    Ok(())
}

/// Splits JSON Lines into one job per non-blank line, a line longer than
/// the answer-file limit failing alone without being held in memory.
pub(super) fn stream_lines(
    mut reader: impl BufRead,
    source: &str,
    chunk: &mut Vec<Job>,
    flush: &mut dyn FnMut(&mut Vec<Job>) -> io::Result<()>,
) -> io::Result<()> {
    let stem = Path::new(source)
        .file_stem()
        .map_or_else(|| "stdin".to_string(), |s| s.to_string_lossy().into_owned());
    let stem = if source == "<stdin>" {
        "stdin".to_string()
    } else {
        stem
    };
    let mut line_number = 0;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        line_number += 1;
        let (read, overflow) = read_line_limited(&mut reader, &mut buf, MAX_ANSWER_BYTES as usize);
        match read {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                chunk.push(Job::Failed(
                    Located::new(source, io_problem(&e)).at_line(Some(line_number)),
                ));
                break;
            }
        }
        let job = if overflow {
            Job::Failed(
                Located::new(source, too_large(MAX_ANSWER_BYTES)).at_line(Some(line_number)),
            )
        } else {
            match String::from_utf8(std::mem::take(&mut buf)) {
                Ok(text) if text.trim().is_empty() => continue,
                Ok(text) => Job::Text {
                    source: source.to_string(),
                    text,
                    format: Format::JsonLines,
                    first_line: line_number,
                    default_id: format!("{stem}:{line_number}"),
                },
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    let message = crate::read::not_utf8(e.as_bytes(), at);
                    // The line within the record is always 1: say only the file's.
                    let message = message.replacen(" on line 1", "", 1);
                    Job::Failed(Located::new(source, message).at_line(Some(line_number)))
                }
            }
        };
        chunk.push(job);
        if chunk.len() >= CHUNK {
            flush(chunk)?;
        }
    }
    Ok(())
}

/// Reads one line into `buf`, keeping at most `limit` bytes; returns the
/// bytes consumed and whether the line was longer than `limit`.
fn read_line_limited(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> (io::Result<usize>, bool) {
    let mut consumed = 0;
    let mut overflow = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return (Err(e), overflow),
        };
        if available.is_empty() {
            return (Ok(consumed), overflow);
        }
        let (take, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !overflow {
            let room = limit.saturating_sub(buf.len());
            if take > room + usize::from(done) {
                overflow = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&available[..take]);
            }
        }
        reader.consume(take);
        consumed += take;
        if done {
            return (Ok(consumed), overflow);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_refused_without_being_kept() {
        let text = format!("{}\nshort\n", "x".repeat(100));
        let mut reader = io::Cursor::new(text.into_bytes());
        let mut buf = Vec::new();
        let (read, overflow) = read_line_limited(&mut reader, &mut buf, 10);
        assert_eq!((read.unwrap(), overflow), (101, true));
        assert!(buf.len() <= 10);
        buf.clear();
        let (read, overflow) = read_line_limited(&mut reader, &mut buf, 10);
        assert_eq!(
            (read.unwrap(), overflow, buf.as_slice()),
            (6, false, &b"short\n"[..])
        );
    }
}
