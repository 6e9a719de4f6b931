//! Linking the bundled paper: what the reader pays at every start.

use casebook::corpus::{open, Source};
use casebook::entities::{link_with, Catalog, Linker};
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let study = open(&Source::Bundled).unwrap();
    let file = study.entities_toml.clone().unwrap();
    let (path, toml, doc) = (file.path, file.text, study.doc);
    let catalog = Catalog::parse(&path, &toml).unwrap();
    let linker = Linker::new(&catalog);

    c.bench_function("parse catalogue", |b| {
        b.iter(|| Catalog::parse(&path, &toml).unwrap())
    });
    c.bench_function("build automaton", |b| b.iter(|| Linker::new(&catalog)));
    c.bench_function("parse catalogue and build automaton", |b| {
        b.iter(|| Linker::new(&Catalog::parse(&path, &toml).unwrap()))
    });
    c.bench_function("link whole paper (mentions and citations)", |b| {
        b.iter(|| link_with(&linker, catalog.len(), &doc))
    });
    c.bench_function("start-up: parse, build and link", |b| {
        b.iter(|| {
            let catalog = Catalog::parse(&path, &toml).unwrap();
            link_with(&Linker::new(&catalog), catalog.len(), &doc)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
