//! Wide characters (CJK, full-width forms, emoji) and combining marks on a
//! real terminal: every frame is drawn as the session draws it (ratatui's
//! diff over the terminal backend) into one continuous byte stream,
//! which a VT emulator replays. After every scroll step the emulated screen
//! must equal the freshly rendered one cell for cell: no stale cells, no
//! shifted borders.

use crate::support;
use crate::support::hostile as hostile_support;

use support::tap::Tap;

use casebook::app::state::{App, UiOptions};
use casebook::app::update::update;
use casebook::app::Msg;
use casebook::corpus::Source;
use casebook::keymap::Action;
use casebook::study::Study;
use casebook::term::backend::FrameBackend;
use hostile_support::{audit, fixture};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// Differences between the emulated screen and `want`, as `(row, col, got, want)`.
fn differences(screen: &vt100::Screen, want: &Buffer) -> Vec<(u16, u16, String, String)> {
    let mut out = Vec::new();
    for y in 0..want.area.height {
        for x in 0..want.area.width {
            let cell = screen.cell(y, x).unwrap();
            if cell.is_wide_continuation() {
                continue;
            }
            let got = match cell.contents() {
                c if c.is_empty() => " ".to_string(),
                c => c,
            };
            let expected = want[(x, y)].symbol();
            if got != expected {
                out.push((y, x, got, expected.to_string()));
            }
        }
    }
    out
}

fn scroll_through(width: u16, height: u16, steps: &[Action]) {
    let study = Study::open(&Source::Dir(fixture("wide"))).expect("wide case study loads");
    let mut app = App::new(
        &study,
        UiOptions {
            color: true,
            ascii: false,
            ..Default::default()
        },
    );
    let area = Rect::new(0, 0, width, height);
    update(&mut app, Msg::Resize(area));
    let out = Tap::default();
    let backend = FrameBackend::new(out.clone());
    let options = TerminalOptions {
        viewport: Viewport::Fixed(area),
    };
    let mut terminal = Terminal::with_options(backend, options).unwrap();
    let mut vt = vt100::Parser::new(height, width, 0);
    let mut sent = 0;
    for (i, step) in std::iter::once(None)
        .chain(steps.iter().map(Some))
        .enumerate()
    {
        if let Some(action) = step {
            update(&mut app, *action);
        }
        let mut next = Buffer::empty(area);
        casebook::ui::render(area, &mut next, &app);
        terminal.draw(|f| *f.buffer_mut() = next.clone()).unwrap();
        let bytes = out.bytes();
        vt.process(&bytes[sent..]);
        sent = bytes.len();
        let diffs = differences(vt.screen(), &next);
        assert!(
            diffs.is_empty(),
            "{width}x{height}, step {i} ({step:?}): {:?}\nscreen:\n{}",
            &diffs[..diffs.len().min(8)],
            vt.screen().contents()
        );
    }
    let bytes = out.bytes();
    audit(&bytes).assert_clean();
    assert_eq!(terminal.backend().repaired, 0);
}

fn down_and_back() -> Vec<Action> {
    let mut steps = Vec::new();
    steps.extend(std::iter::repeat_n(Action::LineDown, 25));
    steps.extend(std::iter::repeat_n(Action::PageDown, 4));
    steps.extend(std::iter::repeat_n(Action::NextPassage, 10));
    steps.extend(std::iter::repeat_n(Action::LineUp, 15));
    steps.extend(std::iter::repeat_n(Action::HalfPageUp, 4));
    steps.push(Action::GoToBottom);
    steps.push(Action::GoToTop);
    steps
}

#[test]
fn scrolling_wide_text_leaves_no_stale_cells_narrow() {
    scroll_through(44, 16, &down_and_back());
}

#[test]
fn scrolling_wide_text_leaves_no_stale_cells_with_side_pane() {
    scroll_through(130, 30, &down_and_back());
}

#[test]
fn overlays_over_wide_text_leave_no_stale_cells() {
    let mut steps = vec![Action::NextPassage, Action::NextPassage, Action::OpenToc];
    steps.extend([Action::SelectDown, Action::SelectDown, Action::Close]);
    steps.extend([
        Action::OpenEntities,
        Action::Close,
        Action::OpenHelp,
        Action::Close,
    ]);
    steps.extend([
        Action::LineDown,
        Action::OpenSearch,
        Action::Close,
        Action::LineDown,
    ]);
    scroll_through(70, 20, &steps);
    scroll_through(130, 30, &steps);
}
