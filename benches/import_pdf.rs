//! PDF import per paper of the development and held-out sets
//! (scripts/devset.sh fetches them into $CASEBOOK_DEVSET, default
//! /tmp/casebook-devset, and its heldout/ folder), beside `pdftotext` on the
//! same file when it is installed: the peer the import is measured against.
//! Prints the time per page of both and their ratio, per paper and in total.
//! Without the sets there is nothing to measure.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use casebook::import::pdf;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn papers(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = [dir.to_path_buf(), dir.join("heldout")]
        .iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    files
}

fn pdftotext(path: &Path) -> bool {
    Command::new("pdftotext")
        .arg(path)
        .arg("/dev/null")
        .status()
        .is_ok_and(|s| s.success())
}

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn bench(c: &mut Criterion) {
    let dir = std::env::var("CASEBOOK_DEVSET").unwrap_or_else(|_| "/tmp/casebook-devset".into());
    let files = papers(Path::new(&dir));
    if files.is_empty() {
        eprintln!("no development set in {dir}: run scripts/devset.sh");
        return;
    }
    let peer = files.first().is_some_and(|f| pdftotext(f));
    if !peer {
        eprintln!("pdftotext is not installed (poppler-utils): no ratio");
    }
    let mut group = c.benchmark_group("import_pdf");
    group.sample_size(10);
    let (mut ours, mut theirs) = (Duration::ZERO, Duration::ZERO);
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let pages = pdf::import(bytes.clone(), &path, "b", &mut |_, _| {})
            .ok()
            .and_then(|i| i.pages)
            .unwrap_or(1);
        let import = || {
            let _ = pdf::import(bytes.clone(), Path::new("b.pdf"), "b", &mut |_, _| {});
        };
        let t_ours = median(5, import);
        ours += t_ours;
        let per_page = |t: Duration| t.as_secs_f64() * 1000.0 / pages as f64;
        if peer {
            let t_theirs = median(5, || {
                pdftotext(&path);
            });
            theirs += t_theirs;
            eprintln!(
                "{name}: {pages} pages, {:.1} ms/page, pdftotext {:.1} ms/page, {:.2}x",
                per_page(t_ours),
                per_page(t_theirs),
                t_ours.as_secs_f64() / t_theirs.as_secs_f64()
            );
        } else {
            eprintln!("{name}: {pages} pages, {:.1} ms/page", per_page(t_ours));
        }
        group.bench_function(format!("{name}/casebook"), |b| {
            b.iter(|| {
                pdf::import(
                    black_box(bytes.clone()),
                    Path::new("b.pdf"),
                    "b",
                    &mut |_, _| {},
                )
            })
        });
        if peer {
            group.bench_function(format!("{name}/pdftotext"), |b| b.iter(|| pdftotext(&path)));
        }
    }
    if peer {
        eprintln!(
            "total: casebook {:.0} ms, pdftotext {:.0} ms, {:.2}x",
            ours.as_secs_f64() * 1000.0,
            theirs.as_secs_f64() * 1000.0,
            ours.as_secs_f64() / theirs.as_secs_f64()
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
