//! Cost of one frame on the bundled paper: render off-screen, find a scroll
//! shift, diff and encode the bytes, at 80x24 and 200x50; plus the time of a
//! key (update, render, output) on a synthetic case study of 10 MB, loaded
//! and linked as the reader loads it.

use std::io::{self, Write};

use casebook::app::state::{App, UiOptions};
use casebook::app::update::update;
use casebook::app::Msg;
use casebook::corpus::Source;
use casebook::keymap::Action;
use casebook::session::{Out, Screen};
use casebook::study::Study;
use casebook::term::guard::GuardedBackend;
use casebook::term::scroll;
use casebook::term::sgr::FrameWriter;
use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

mod support;

/// Counts bytes and drops them.
struct Sink;

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Writes through the terminal's own frame writer (colours, renditions).
fn terminal() -> Out<FrameWriter<Sink>> {
    GuardedBackend::new(CrosstermBackend::new(FrameWriter::new(Sink)))
}

fn render(app: &App) -> Buffer {
    let mut buf = Buffer::empty(app.area);
    casebook::ui::render(app.area, &mut buf, app);
    buf
}

/// Scrolls down and up in turn, so every iteration draws a real change.
fn keys(c: &mut Criterion, name: &str, study: &Study, w: u16, h: u16, step: [Action; 2]) {
    let mut app = App::new(study, UiOptions::default());
    update(&mut app, Msg::Resize(Rect::new(0, 0, w, h)));
    let mut term = terminal();
    let mut screen = Screen::new();
    screen.show(&mut term, render(&app)).unwrap();
    let mut i = 0;
    c.bench_function(name, |b| {
        b.iter(|| {
            update(&mut app, step[i % 2]);
            i += 1;
            screen.show(&mut term, render(&app)).unwrap()
        })
    });
}

fn bench(c: &mut Criterion) {
    let study = Study::open(&Source::Bundled).unwrap();
    for (w, h) in [(80, 24), (200, 50)] {
        let line = [Action::LineDown, Action::LineUp];
        keys(c, &format!("line_key_{w}x{h}"), &study, w, h, line);
        let page = [Action::PageDown, Action::PageUp];
        keys(c, &format!("page_key_{w}x{h}"), &study, w, h, page);
        let mut app = App::new(&study, UiOptions::default());
        update(&mut app, Msg::Resize(Rect::new(0, 0, w, h)));
        let before = render(&app);
        update(&mut app, Action::LineDown);
        let after = render(&app);
        c.bench_function(&format!("detect_shift_{w}x{h}"), |b| {
            b.iter(|| scroll::detect(&before, &after))
        });
    }
    let dir = tempfile::tempdir().unwrap();
    support::synthetic(dir.path(), 10_000_000);
    let big = Study::open(&Source::Dir(dir.path().to_path_buf())).unwrap();
    keys(
        c,
        "line_key_10mb_200x50",
        &big,
        200,
        50,
        [Action::LineDown, Action::LineUp],
    );
    keys(
        c,
        "end_key_10mb_200x50",
        &big,
        200,
        50,
        [Action::GoToBottom, Action::GoToTop],
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
