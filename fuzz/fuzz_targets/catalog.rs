#![no_main]

// A custom catalog is untrusted input: parse and validate it, and if it is
// valid, score a fixed answer set against it.
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(catalog) = rolefit::catalog::Catalog::parse(text, "fuzz.yaml") else {
        return;
    };
    let answer = "work_style: {pace: 3}\n";
    let origin = rolefit::answers::Origin {
        source: "a.yaml",
        text: answer,
        first_line: 1,
        default_id: "a",
    };
    if let Ok(file) = rolefit::answers::parse(&origin, rolefit::answers::Format::Yaml) {
        if let Ok(respondent) = rolefit::answers::resolve(file, &catalog, &origin) {
            let _ = rolefit::score::assess(&catalog, respondent, Some(5));
        }
    }
});
