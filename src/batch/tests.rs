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
