//! Name normalisation: the one rule by which names, ids and aliases are
//! compared.

/// Names are compared after lower-casing, turning `-` and `_` into spaces and
/// collapsing runs of white space.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    normalize_into(name, &mut out);
    out
}

/// [`normalize`] into a buffer the caller reuses: lookups of every name of
/// every answer set then allocate nothing.
pub fn normalize_into(name: &str, out: &mut String) {
    out.clear();
    if name.is_ascii() {
        return normalize_ascii(name.as_bytes(), out);
    }
    // A separator is written only before the next word, so runs collapse
    // and the ends are trimmed in one pass.
    let mut pending_space = false;
    for c in name.chars() {
        if c.is_whitespace() || c == '-' || c == '_' {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// [`normalize_into`] for ASCII text (nearly every name), byte by byte.
fn normalize_ascii(name: &[u8], out: &mut String) {
    if is_normal_ascii(name) {
        // Catalog names and aliases are mostly written this way already.
        out.push_str(std::str::from_utf8(name).unwrap_or_default());
        return;
    }
    let mut pending_space = false;
    for &b in name {
        if b.is_ascii_whitespace() || b == b'\x0b' || b == b'-' || b == b'_' {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(char::from(b.to_ascii_lowercase()));
    }
}

/// Whether ASCII `name` is its own normal form: no capitals, `-`, `_` or
/// white space but single spaces between words.
fn is_normal_ascii(name: &[u8]) -> bool {
    let mut after_space = true;
    for &b in name {
        let space = b == b' ';
        if b.is_ascii_uppercase()
            || b == b'-'
            || b == b'_'
            || (b.is_ascii_whitespace() || b == b'\x0b') && !space
            || (space && after_space)
        {
            return false;
        }
        after_space = space;
    }
    !after_space || name.is_empty()
}

/// Looks `name` up by its normalised form without allocating: the name is
/// normalised into a buffer kept per thread.
pub fn with_normalized<R>(name: &str, look_up: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUFFER.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut buffer) => {
            normalize_into(name, &mut buffer);
            look_up(&buffer)
        }
        // Only a lookup nested in another one gets here.
        Err(_) => look_up(&normalize(name)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_case_separators_and_space() {
        assert_eq!(
            normalize("  Error_Budgets -and\tSLOs "),
            "error budgets and slos"
        );
        assert_eq!(normalize("blast-radius control"), "blast radius control");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("  Über_Straße -X "), "über straße x");
        // Vertical tab and form feed are white space to both paths.
        assert_eq!(normalize("a\x0b\x0cb"), normalize("a b"));
    }

    proptest::proptest! {
        /// Every fast path gives what the rule says: words split at white
        /// space, `-` and `_`, lower-cased, joined by one space.
        #[test]
        fn fast_paths_follow_the_rule(name in "[aAzZ09 _\\-\t\x0b\x0cé]{0,12}") {
            let words: Vec<String> = name
                .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            proptest::prop_assert_eq!(normalize(&name), words.join(" "));
        }
    }
}
