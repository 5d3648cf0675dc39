//! Converts the built-in catalog to JSON at build time: the binary parses
//! JSON several times faster than YAML, and start-up is most of the time
//! it takes to score one answer file. `roles.yaml` stays the source.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=roles.yaml");
    // A position-dependent binary needs none of the loader's ~4,000
    // relative relocations at every start (and the table scoring of one
    // file is mostly start-up).
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
    let yaml = std::fs::read_to_string("roles.yaml").expect("roles.yaml is readable");
    let value: serde_json::Value =
        serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("roles.yaml is not valid YAML: {e}"));
    let json = serde_json::to_string(&value).expect("a YAML value converts to JSON");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("roles.json"), json).expect("OUT_DIR is writable");
}
