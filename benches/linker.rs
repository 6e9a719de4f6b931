//! Linking the bundled paper: what the reader pays at every start.

use std::path::Path;

use casebook::entities::{link_with, Catalog, Linker};
use casebook::model::{Document, Passage, PassageKind};
use criterion::{criterion_group, criterion_main, Criterion};

fn paper() -> Document {
    let text = std::fs::read_to_string("/work/shared/seeds/000_619f6f75d9406d94.txt").unwrap();
    let passages = text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .enumerate()
        .map(|(i, t)| Passage {
            id: format!("p{i}"),
            section: 0,
            kind: PassageKind::Paragraph,
            text: t.trim().to_string(),
            footnote_refs: Vec::new(),
            emphasis: Vec::new(),
            line: i,
        })
        .collect();
    Document::new(Vec::new(), passages, Vec::new(), Vec::new())
}

fn bench(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/dalian/entities.toml");
    let toml = std::fs::read_to_string(&path).unwrap();
    let doc = paper();
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
