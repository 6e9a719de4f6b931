//! Re-anchoring and store costs on a real-sized paper.
//!
//! The text is `$CASEBOOK_BENCH_TEXT` (any plain text, split into passages at
//! blank lines) or else the bundled paper.md.

use std::hint::black_box;

use casebook::model::{Document, Passage, PassageKind, Section};
use casebook::notes::webanno::{collection_to_json, parse};
use casebook::notes::{Anchorer, Note, NoteSet, NoteStore, Target};
use criterion::{criterion_group, criterion_main, Criterion};

fn text() -> String {
    let path = std::env::var("CASEBOOK_BENCH_TEXT")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/dalian/paper.md").into());
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Passages at blank lines; `id_shift` renumbers them as an insertion would.
fn document(paras: &[String], id_shift: usize) -> Document {
    let passages = paras
        .iter()
        .enumerate()
        .map(|(i, t)| Passage {
            id: format!("p{}", i + id_shift),
            section: 0,
            kind: PassageKind::Paragraph,
            text: t.clone(),
            footnote_refs: vec![],
            emphasis: vec![],
            line: i + 1,
        })
        .collect();
    let section = Section {
        id: "s1".into(),
        number: None,
        title: "All".into(),
        level: 1,
        parent: None,
        passages: 0..paras.len(),
        line: 1,
    };
    Document::new(vec![section], passages, vec![], vec![])
}

/// One note of about 60 characters in the middle of each long passage, up to `n`.
fn notes(doc: &Document, n: usize) -> Vec<Note> {
    doc.passages
        .iter()
        .filter(|p| p.text.chars().count() > 120)
        .cycle()
        .take(n)
        .enumerate()
        .map(|(i, p)| {
            let chars: Vec<(usize, char)> = p.text.char_indices().collect();
            let at = (i * 7) % (chars.len() - 80);
            let start = chars[at].0;
            let end = chars[at + 60].0;
            Note::new(
                Target::from_span(p, start..end),
                format!("note {i}"),
                vec![],
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let paras: Vec<String> = text()
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect();
    let doc = document(&paras, 0);
    let notes = notes(&doc, 100);
    let anchor_all = |doc: &Document| {
        let a = Anchorer::new(doc);
        notes
            .iter()
            .map(|n| a.anchor(&n.target))
            .collect::<Vec<_>>()
    };
    let mut g = c.benchmark_group("anchor 100 notes");
    g.bench_function("unchanged", |b| b.iter(|| black_box(anchor_all(&doc))));
    let renumbered = document(&paras, 1);
    g.bench_function("ids renumbered", |b| {
        b.iter(|| black_box(anchor_all(&renumbered)))
    });
    // Every passage edited: one character changed in each note's quote region.
    let typo: Vec<String> = paras
        .iter()
        .map(|p| {
            p.replacen(" the ", " teh ", 3)
                .replacen(" and ", " adn ", 3)
        })
        .collect();
    let typo_doc = document(&typo, 0);
    g.bench_function("typos (fuzzy)", |b| {
        b.iter(|| black_box(anchor_all(&typo_doc)))
    });
    let gone = document(
        &paras
            .iter()
            .map(|p| p.chars().rev().collect())
            .collect::<Vec<_>>(),
        0,
    );
    g.bench_function("all orphaned", |b| b.iter(|| black_box(anchor_all(&gone))));
    g.finish();

    // A note from another tool that recorded pages of context, its passage
    // and position lost: placed by its quote and context alone.
    let mut g = c.benchmark_group("anchor one note by its context");
    for chars in [100, 10_000] {
        let mut target = notes[0].target.clone();
        target.passage = None;
        target.position = None;
        target.quote.prefix = "w".repeat(chars - 1) + " ";
        let a = Anchorer::new(&doc);
        g.bench_function(format!("{chars}-character prefix"), |b| {
            b.iter(|| black_box(a.anchor(&target)))
        });
    }
    g.finish();

    let mut set = NoteSet::new();
    for n in self::notes(&doc, 1000) {
        set.upsert(n);
    }
    let json = serde_json::to_string_pretty(&collection_to_json(&set, "bench")).unwrap();
    c.bench_function("parse 1000 notes", |b| {
        b.iter(|| black_box(parse(&json, std::path::Path::new("n.json"))))
    });
    let dir = tempfile::tempdir().unwrap();
    let store = NoteStore::new(dir.path(), "bench").unwrap();
    let mut counter = 0;
    c.bench_function("commit one change to 1000 notes (durable)", |b| {
        b.iter(|| {
            counter += 1;
            let mut mine = set.clone();
            mine.upsert(Note::new(
                Target::whole(&doc.passages[0]),
                format!("{counter}"),
                vec![],
            ));
            store.commit(&mut mine).unwrap();
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
