//! The library's index against the in-memory one, on the same library and
//! the same queries typed one keystroke at a time: a typo, an accent left
//! out, words typed without their space, a phrase.
//!
//! `CASEBOOK_BENCH_LIBRARY=DIR` names the library (make one with
//! `scripts/gen_library.py`); the tantivy index is kept in
//! `CASEBOOK_BENCH_CACHE` (default: a folder under the system's temp) so a
//! second run starts warm. Before timing, each engine's hits for the whole
//! queries, its build time and its memory are printed. Also timed: opening
//! the library as its view does, with a warm index.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use casebook::corpus;
use casebook::library::index::LibraryIndex;
use casebook::library::shelf::Shelf;
use casebook::library::Library;
use casebook::search::adapters::{docs_from_catalog, docs_from_document};
use casebook::search::{Index, Query};
use criterion::{criterion_group, criterion_main, Criterion};

const TYPED: [&str; 4] = ["regresion", "moglichst", "timeseries", "\"linear model\""];

fn library() -> Option<Library> {
    let root = PathBuf::from(std::env::var_os("CASEBOOK_BENCH_LIBRARY")?);
    let cache = std::env::var_os("CASEBOOK_BENCH_CACHE").map_or_else(
        || std::env::temp_dir().join("casebook-bench-cache"),
        PathBuf::from,
    );
    Some(Library::at(root, &cache))
}

fn keystrokes(c: &mut Criterion) {
    let Some(library) = library() else {
        eprintln!("CASEBOOK_BENCH_LIBRARY is not set: nothing to measure");
        return;
    };
    let (members, _) = library.members();
    let start = Instant::now();
    let (index, changes) = LibraryIndex::open(&library, &members, &mut |_| {}).unwrap();
    eprintln!(
        "tantivy: opened in {:.3} s ({} case studies, {:.1} MB indexed now)",
        start.elapsed().as_secs_f64(),
        members.len(),
        changes.bytes as f64 / 1e6
    );
    let start = Instant::now();
    let mut docs = Vec::new();
    for m in &members {
        let study = corpus::open(&m.source).unwrap();
        docs.extend(docs_from_document(&study.doc));
        if let Ok(catalog) = casebook::entities::case::catalog_of(&study) {
            docs.extend(docs_from_catalog(&catalog));
        }
    }
    let read = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let memory = Index::build(docs);
    eprintln!(
        "in-memory: read {read:.2} s, built in {:.2} s, {:.0} MB of heap",
        start.elapsed().as_secs_f64(),
        memory.heap_bytes() as f64 / 1e6
    );
    for q in TYPED {
        let query = Query::parse(q);
        let t = index.search(&query, 20);
        let m = memory.search(&query, 20);
        eprintln!(
            "{q:>16}: tantivy {} hits, first {:?}; in-memory {} hits, first {:?}",
            t.len(),
            t.first().map(|h| &h.snippet),
            m.len(),
            m.first().map(|h| &h.snippet)
        );
    }
    // What the library view waits for with a warm index: every case study's
    // facts and counts, and the entities joined across them.
    let data = std::env::temp_dir().join("casebook-bench-data");
    c.benchmark_group("library_view")
        .sample_size(10)
        .bench_function("shelf_open_warm", |b| {
            b.iter(|| black_box(Shelf::open(library.clone(), &data, &mut |_| {}).unwrap()))
        });
    let mut group = c.benchmark_group("library_keystroke");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for q in TYPED {
        let ends: Vec<usize> = q
            .char_indices()
            .map(|(i, ch)| i + ch.len_utf8())
            .skip(1)
            .collect();
        for end in ends {
            let typed = &q[..end];
            let query = Query::parse(typed);
            group.bench_function(format!("tantivy/{typed}"), |b| {
                b.iter(|| black_box(index.search(&query, 50)))
            });
            group.bench_function(format!("memory/{typed}"), |b| {
                b.iter(|| black_box(memory.search(&query, 50)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, keystrokes);
criterion_main!(benches);
