//! Whole numbers into text: rolefit's own digit writer against the `itoa`
//! crate, on the numbers a CSV export writes (ranks, levels, the integer
//! part of a score). Run: `cargo bench --bench digits`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

/// Ranks 1–24 and levels 1–5, as a CSV export writes them, many times.
fn numbers() -> Vec<u64> {
    (0..1000u64).map(|i| 1 + i % 24).collect()
}

fn digits(c: &mut Criterion) {
    let numbers = numbers();
    c.bench_function("write_integer (hand-written), 1,000 small numbers", |b| {
        let mut out = String::with_capacity(4096);
        b.iter(|| {
            out.clear();
            for &n in black_box(&numbers) {
                rolefit::report::write_integer(&mut out, n);
            }
            out.len()
        })
    });
    c.bench_function("itoa, 1,000 small numbers", |b| {
        let mut out = String::with_capacity(4096);
        let mut buffer = itoa::Buffer::new();
        b.iter(|| {
            out.clear();
            for &n in black_box(&numbers) {
                out.push_str(buffer.format(n));
            }
            out.len()
        })
    });
}

criterion_group!(benches, digits);
criterion_main!(benches);
