//! Saving a large notes store (50 MB) from the reader: how long the save
//! takes, and how long the reader's own thread is busy with it. Before
//! saves went to a worker thread, the reader was frozen for the commit and
//! the handling of its result; now only for taking the notes to save and
//! handling the result.

use std::hint::black_box;

use casebook::app::msg::{Committed, Saved};
use casebook::app::state::{App, UiOptions};
use casebook::app::update::update;
use casebook::app::Msg;
use casebook::corpus::Source;
use casebook::notes::{Note, NoteSet, NoteStore, Notebook, Target};
use casebook::study::Study;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};

/// A store of about `bytes` bytes of notes on the bundled paper.
fn big_store(dir: &std::path::Path, study: &Study, bytes: usize) -> (NoteStore, NoteSet) {
    let store = NoteStore::new(dir, &study.meta.id).unwrap();
    let mut set = NoteSet::new();
    let words = "a note on the passage, with the reasons for coding it so. ".repeat(8);
    let passages = &study.doc.passages;
    let mut i = 0;
    loop {
        let target = Target::whole(&passages[i % passages.len()]);
        set.upsert(Note::new(
            target,
            format!("{i} {words}"),
            vec!["coded".into()],
        ));
        i += 1;
        if i % 1000 == 0 {
            store.commit(&mut set).unwrap();
            if std::fs::metadata(store.path()).unwrap().len() as usize >= bytes {
                break;
            }
        }
    }
    (store, set)
}

fn save(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let study = Study::open(&Source::Bundled).unwrap();
    let (store, set) = big_store(dir.path(), &study, 50_000_000);
    let size = std::fs::metadata(store.path()).unwrap().len();
    eprintln!("store: {} notes, {:.1} MB", set.len(), size as f64 / 1e6);
    let mut app = App::open(
        &study,
        UiOptions::default(),
        casebook::keymap::Keymap::default_map(),
        Notebook::new(set, &study.doc),
    );
    let mut g = c.benchmark_group("save_50mb");
    g.sample_size(10);
    // One note changed, as after an edit.
    let change = |app: &mut App| {
        let id = app.notebook.set().notes()[0].id.clone();
        let doc = &study.doc;
        app.notebook.update(doc, &id, "changed", vec![]);
        app.unsaved.mark(&id);
    };
    // The whole save: the commit (on the worker now, on the reader's thread
    // before) and handling its result.
    g.bench_function("commit_and_result", |b| {
        b.iter(|| {
            change(&mut app);
            let included = app.unsaved.versions(&app.notebook);
            let mut set = app.notebook.set().clone();
            let report = store.commit_report(&mut set).unwrap();
            update(&mut app, saved(included, set, report));
        })
    });
    // What the reader's thread does now: take the notes to save, then
    // handle the result the worker sends back.
    let committed = {
        let mut set = app.notebook.set().clone();
        store.commit_report(&mut set).unwrap();
        set
    };
    g.bench_function("reader_thread", |b| {
        b.iter_custom(|iters| {
            let mut busy = Duration::ZERO;
            for _ in 0..iters {
                change(&mut app);
                let result = Saved {
                    included: app.unsaved.versions(&app.notebook),
                    result: Ok(Committed {
                        set: committed.clone(),
                        problems: vec![],
                        conflicts: vec![],
                    }),
                    again: false,
                };
                let start = Instant::now();
                // Taking the notes for the worker, later its result.
                black_box(app.notebook.set().clone());
                update(&mut app, Msg::Saved(result));
                busy += start.elapsed();
            }
            busy
        })
    });
    g.finish();
}

fn saved(
    included: Vec<casebook::app::unsaved::Version>,
    set: NoteSet,
    report: casebook::notes::Committed,
) -> Msg {
    Msg::Saved(Saved {
        included,
        result: Ok(Committed {
            set,
            problems: vec![],
            conflicts: report.conflicts,
        }),
        again: false,
    })
}

criterion_group!(benches, save);
criterion_main!(benches);
