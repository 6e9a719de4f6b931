//! Start-up cost by stage, on the bundled paper and on a synthetic paper of
//! about 10 MB (the bundled one repeated with fresh ids): reading and parsing
//! the folder, linking and charting (`Study::assemble`), and the first frame
//! (`App::new` plus one render at 80x24); and what the reader shows first,
//! the paper's opening read and drawn while the rest loads.

use casebook::app::state::{App, UiOptions};
use casebook::app::update::update;
use casebook::app::Msg;
use casebook::corpus::{self, Source};
use casebook::entities::Catalog;
use casebook::study::Study;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

mod support;

use support::synthetic;

fn first_frame(study: &Study) -> Buffer {
    let mut app = App::new(study, UiOptions::default());
    let area = Rect::new(0, 0, 80, 24);
    update(&mut app, Msg::Resize(area));
    let mut buf = Buffer::empty(area);
    casebook::ui::render(area, &mut buf, &app);
    buf
}

fn stages(c: &mut Criterion, name: &str, source: &Source) {
    let mut g = c.benchmark_group(name);
    g.sample_size(10);
    g.bench_function("open_and_parse", |b| {
        b.iter(|| corpus::open(source).unwrap())
    });
    let opened = corpus::open(source).unwrap();
    let extras = || {
        opened
            .entities_toml
            .as_ref()
            .map(|f| Catalog::parse(&f.path, &f.text).unwrap())
    };
    g.bench_function("assemble", |b| {
        b.iter_batched(
            || (opened.meta.clone(), opened.doc.clone(), extras()),
            |(meta, doc, catalog)| Study::assemble(meta, doc, catalog, Vec::new()),
            BatchSize::LargeInput,
        )
    });
    let study = Study::open(source).unwrap();
    g.bench_function("first_frame", |b| b.iter(|| first_frame(&study)));
    g.bench_function("opening_first_frame", |b| {
        b.iter(|| {
            let (meta, doc) = corpus::preview(source, corpus::screenful(80, 24)).unwrap();
            first_frame(&Study::opening(meta, doc))
        })
    });
    g.bench_function("whole_start", |b| {
        b.iter(|| first_frame(&Study::open(source).unwrap()))
    });
    g.finish();
}

fn bench(c: &mut Criterion) {
    stages(c, "bundled", &Source::Bundled);
    let dir = tempfile::tempdir().unwrap();
    synthetic(dir.path(), 10_000_000);
    stages(c, "synthetic_10mb", &Source::Dir(dir.path().to_path_buf()));
}

criterion_group!(benches, bench);
criterion_main!(benches);
