//! Whole numbers into text: rolefit's digit writer (`write_integer`, through
//! the `itoa` crate) against the standard library's `write!`, on the numbers
//! a CSV export writes (ranks, levels, the integer part of a score). Run:
//! `cargo bench -p rolefit-bench --bench digits`.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

/// Ranks 1–24 and levels 1–5, as a CSV export writes them, many times.
fn numbers() -> Vec<u64> {
    (0..1000u64).map(|i| 1 + i % 24).collect()
}

fn digits(c: &mut Criterion) {
    let numbers = numbers();
    c.bench_function("write_integer (itoa), 1,000 small numbers", |b| {
        let mut out = String::with_capacity(4096);
        b.iter(|| {
            out.clear();
            for &n in black_box(&numbers) {
                rolefit::report::write_integer(&mut out, n);
            }
            out.len()
        })
    });
    c.bench_function("std write!, 1,000 small numbers", |b| {
        let mut out = String::with_capacity(4096);
        b.iter(|| {
            out.clear();
            for &n in black_box(&numbers) {
                write!(out, "{n}").unwrap();
            }
            out.len()
        })
    });
}

criterion_group!(benches, digits);
criterion_main!(benches);
