//! PDF import per paper of the development set (scripts/devset.sh fetches
//! it into $CASEBOOK_DEVSET, default /tmp/casebook-devset); prints the time
//! per page beside each. Without the set there is nothing to measure.

use std::path::Path;

use casebook::import::pdf;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let dir = std::env::var("CASEBOOK_DEVSET").unwrap_or_else(|_| "/tmp/casebook-devset".into());
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no development set in {dir}: run scripts/devset.sh");
        return;
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    let mut group = c.benchmark_group("import_pdf");
    group.sample_size(10);
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let pages = pdf::import(bytes.clone(), &path, "b", &mut |_, _| {})
            .ok()
            .and_then(|i| i.pages)
            .unwrap_or(1);
        let start = std::time::Instant::now();
        let _ = pdf::import(bytes.clone(), Path::new("b.pdf"), "b", &mut |_, _| {});
        eprintln!(
            "{name}: {pages} pages, {:.1} ms/page (one run)",
            start.elapsed().as_secs_f64() * 1000.0 / pages as f64
        );
        group.bench_function(&name, |b| {
            b.iter(|| {
                pdf::import(
                    black_box(bytes.clone()),
                    Path::new("b.pdf"),
                    "b",
                    &mut |_, _| {},
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
