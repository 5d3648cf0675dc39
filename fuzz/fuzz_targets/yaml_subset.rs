//! Differential: the fast YAML subset reader against serde_yaml on the same
//! bytes. Where the subset reader gives a value, serde_yaml must give the
//! same one; and a text serde_yaml reads is never refused by the depth
//! guard. (The subset reader declining is always allowed.)
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rolefit::differential::yaml_readers_agree(data));
