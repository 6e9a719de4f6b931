//! Time per keystroke on the bundled case study and on synthetic corpora 100x
//! and 1000x its size, plus index build time and memory.
//!
//! The synthetic corpora repeat the paper's passages with about one word in
//! eight altered per copy (a letter replaced), so the vocabulary grows as a
//! real larger corpus's would instead of staying that of one paper.
//! `CASEBOOK_CORPUS=DIR` benches another case study.

use std::hint::black_box;
use std::time::{Duration, Instant};

use casebook::corpus::{open, Source};
use casebook::entities::Catalog;
use casebook::search::adapters::{docs_from_catalog, docs_from_document};
use casebook::search::{HitKind, Index, Query, SearchDoc};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// What a reader types, one keystroke at a time.
const TYPED: [&str; 6] = [
    "where did they talk about the postal savings project?",
    "neusfot",
    "nec",
    "71,700",
    "@person liu",
    "\"green card\" lùka",
];

/// Names and words typed without their spaces, one with a typo: timed apart
/// so the figures for [`TYPED`] stay comparable with earlier runs.
const JOINED: [&str; 4] = [
    "liujun",
    "postalsavings",
    "dalianhithink",
    "presidentliujnu",
];

fn paper_docs() -> Vec<SearchDoc> {
    let source =
        std::env::var_os("CASEBOOK_CORPUS").map_or(Source::Bundled, |d| Source::Dir(d.into()));
    let study = open(&source).unwrap_or_else(|e| panic!("cannot open the case study: {e:?}"));
    let mut docs = docs_from_document(&study.doc);
    if let Some(file) = &study.entities_toml {
        let catalog = Catalog::parse(&file.path, &file.text).expect("entity catalogue parses");
        docs.extend(docs_from_catalog(&catalog));
    }
    docs
}

/// The paper with its passages repeated `times` times, altered per copy.
fn synthetic(docs: &[SearchDoc], times: usize) -> Vec<SearchDoc> {
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut out: Vec<SearchDoc> = docs
        .iter()
        .filter(|d| d.kind != HitKind::Passage)
        .cloned()
        .collect();
    for copy in 0..times {
        for d in docs.iter().filter(|d| d.kind == HitKind::Passage) {
            let text = if copy == 0 {
                d.text.clone()
            } else {
                alter(&d.text, &mut rng)
            };
            out.push(SearchDoc {
                id: format!("{}~{copy}", d.id),
                text,
                ..d.clone()
            });
        }
    }
    out
}

fn alter(text: &str, rng: &mut u64) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        let letters = word.chars().filter(char::is_ascii_lowercase).count();
        if !(*rng).is_multiple_of(8) || letters < 4 {
            out.push_str(word);
            continue;
        }
        let target = (*rng >> 8) as usize % letters;
        let replacement = (b'a' + ((*rng >> 20) % 26) as u8) as char;
        let mut seen = 0;
        for c in word.chars() {
            if c.is_ascii_lowercase() {
                out.push(if seen == target { replacement } else { c });
                seen += 1;
            } else {
                out.push(c);
            }
        }
    }
    out
}

fn prefixes(typed: &str) -> Vec<&str> {
    typed
        .char_indices()
        .skip(1)
        .map(|(i, _)| &typed[..i])
        .chain([typed])
        .collect()
}

fn rss_kib() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .unwrap_or("");
    line.split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn report(label: &str, docs: Vec<SearchDoc>) -> Index {
    let text_mb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6;
    let n = docs.len();
    let rss_before = rss_kib();
    let start = Instant::now();
    let index = Index::build(docs);
    let build = start.elapsed();
    let rss_after = rss_kib();
    let worst = slowest(&index, &TYPED);
    let joined = slowest(&index, &JOINED);
    eprintln!(
        "{label}: {n} docs, {text_mb:.1} MB text, {} words; build {build:.2?}; index ~{:.1} MB \
         (RSS +{:.1} MB); slowest keystroke {:.2?} at {:?}; joined words {:.2?} at {:?}",
        index.vocabulary_len(),
        index.heap_bytes() as f64 / 1e6,
        rss_after.saturating_sub(rss_before) as f64 / 1024.0,
        worst.0,
        worst.1,
        joined.0,
        joined.1,
    );
    index
}

/// The slowest keystroke typing each of `typed`, one key at a time.
fn slowest<'a>(index: &Index, typed: &[&'a str]) -> (Duration, &'a str) {
    let mut worst = (Duration::ZERO, "");
    for typed in typed {
        for prefix in prefixes(typed) {
            let t = Instant::now();
            black_box(index.search(&Query::parse(prefix), 50));
            let took = t.elapsed();
            if took > worst.0 {
                worst = (took, prefix);
            }
        }
    }
    worst
}

fn keystrokes(c: &mut Criterion) {
    let paper = paper_docs();
    for (label, times) in [("1x", 1), ("100x", 100), ("1000x", 1000)] {
        let index = report(label, synthetic(&paper, times));
        let mut group = c.benchmark_group(format!("keystroke/{label}"));
        if times >= 100 {
            group.sample_size(10);
        }
        for &typed in TYPED.iter().chain(&JOINED) {
            let keys = prefixes(typed);
            group.throughput(Throughput::Elements(keys.len() as u64));
            group.bench_function(typed, |b| {
                b.iter(|| {
                    for k in &keys {
                        black_box(index.search(&Query::parse(k), 50));
                    }
                })
            });
        }
        group.finish();
    }
}

fn build(c: &mut Criterion) {
    let paper = paper_docs();
    c.bench_function("build/1x", |b| {
        b.iter(|| Index::build(black_box(paper.clone())))
    });
}

criterion_group!(benches, keystrokes, build);
criterion_main!(benches);
