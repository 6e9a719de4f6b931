//! Cost of building the timeline and checking the series on the bundled
//! paper, and of the timeline on a paper 100 times its size.

use casebook::charts::series;
use casebook::charts::timeline::Timeline;
use casebook::corpus::{self, Source};
use casebook::model::Document;
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let study = corpus::open(&Source::Bundled).expect("bundled case study");
    let doc = &study.doc;
    c.bench_function("timeline_build_1x", |b| b.iter(|| Timeline::build(doc)));
    let big_passages = (0..100)
        .flat_map(|k| {
            doc.passages.iter().map(move |p| {
                let mut p = p.clone();
                p.id = format!("{}-{k}", p.id);
                p
            })
        })
        .collect();
    let big = Document::new(doc.sections.clone(), big_passages, Vec::new(), Vec::new());
    c.bench_function("timeline_build_100x", |b| b.iter(|| Timeline::build(&big)));
    c.bench_function("series_load_and_check", |b| {
        b.iter(|| series::load(study.series_toml.as_ref(), doc).expect("valid series"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
