//! Import of the seed text and loading of the bundled paper.

use std::path::Path;

use casebook::corpus::{open, parse_paper, Source};
use casebook::import::import;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const SEED: &str = include_str!("../tests/fixtures/seed_dalian.txt");
const PAPER: &str = include_str!("../corpus/dalian/paper.md");

fn bench(c: &mut Criterion) {
    c.bench_function("import seed", |b| {
        b.iter(|| import(black_box(SEED), Path::new("seed.txt"), "dalian"))
    });
    c.bench_function("parse bundled paper.md", |b| {
        b.iter(|| parse_paper(Path::new("paper.md"), black_box(PAPER)))
    });
    c.bench_function("open bundled case study", |b| {
        b.iter(|| open(black_box(&Source::Bundled)).is_ok())
    });
    let big = PAPER
        .repeat(100)
        .replace("{#", "{#x")
        .replace("<!-- passage ", "<!-- ");
    let mut group = c.benchmark_group("large");
    group.sample_size(10);
    group.bench_function("parse paper.md x100", |b| {
        b.iter(|| parse_paper(Path::new("paper.md"), black_box(&big)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
