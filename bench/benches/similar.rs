//! The `similar` layer's costs: parsing the compiled-in model (once per
//! process), embedding the catalog's texts (once per catalog) and reading
//! one phrase. Run: `cargo bench -p rolefit-bench --bench similar`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rolefit::catalog::Catalog;
use rolefit::similar::{Model, SimilarIndex};

const PHRASES: [&str; 4] = [
    "fixing broken laptops for staff",
    "positive attitude",
    "writing help center articles",
    "Kubernetes cluster upgrades and helm charts",
];

fn similar(c: &mut Criterion) {
    c.bench_function("similar: load the model", |b| b.iter(Model::load));
    let catalog = Catalog::builtin().unwrap();
    c.bench_function("similar: index the built-in catalog", |b| {
        b.iter(|| SimilarIndex::new(black_box(&catalog)))
    });
    let index = SimilarIndex::new(&catalog);
    c.bench_function("similar: read 4 phrases", |b| {
        b.iter(|| {
            PHRASES
                .iter()
                .filter(|p| index.best(black_box(p)).is_some())
                .count()
        })
    });
}

criterion_group!(benches, similar);
criterion_main!(benches);
