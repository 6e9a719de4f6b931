//! The incremental frames (scroll regions, skipped and re-sent cells) leave
//! the terminal exactly as a full redraw would: both byte streams are fed to
//! a VT parser and the parsed screens are compared cell by cell, colours and
//! attributes included.

use std::sync::OnceLock;

use crate::support;

use support::tap::Tap;

use casebook::app::state::{App, UiOptions};
use casebook::app::update::update;
use casebook::app::Msg;
use casebook::corpus::Source;
use casebook::keymap::Action;
use casebook::study::Study;
use casebook::term::backend::FrameBackend;
use casebook::term::screen::Screen;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn study() -> &'static Study {
    static STUDY: OnceLock<Study> = OnceLock::new();
    STUDY.get_or_init(|| Study::open(&Source::Bundled).expect("bundled case study loads"))
}

/// A terminal writing through the same backend as the real one (classic
/// colours, minimal renditions, frames carrying on from the last) into `tap`.
fn terminal(tap: &Tap) -> FrameBackend<Tap> {
    FrameBackend::new(tap.clone())
}

fn render(app: &App, area: Rect) -> Buffer {
    let mut buf = Buffer::empty(area);
    casebook::ui::render(area, &mut buf, app);
    buf
}

/// What a terminal shows after a full redraw of `buf` on a fresh screen.
fn fresh(buf: &Buffer) -> vt100::Parser {
    let tap = Tap::default();
    let mut term = terminal(&tap);
    Screen::new().show(&mut term, buf.clone()).unwrap();
    let mut parser = vt100::Parser::new(buf.area.height, buf.area.width, 0);
    parser.process(&tap.take());
    parser
}

fn assert_same(got: &vt100::Screen, want: &vt100::Screen, step: &str) {
    let (rows, cols) = want.size();
    for r in 0..rows {
        for c in 0..cols {
            let (a, b) = (got.cell(r, c).unwrap(), want.cell(r, c).unwrap());
            // A cleared cell and a written space look the same.
            let attrs = |x: &vt100::Cell| {
                let text = x.contents();
                (
                    if text.is_empty() {
                        " ".to_string()
                    } else {
                        text
                    },
                    x.is_wide_continuation(),
                    x.fgcolor(),
                    x.bgcolor(),
                    x.bold(),
                    x.italic(),
                    x.underline(),
                    x.inverse(),
                )
            };
            assert_eq!(attrs(a), attrs(b), "cell {r},{c} after {step}");
        }
    }
}

/// Runs `actions` at `w`x`h`, checking the screen after every frame; returns
/// the bytes written and how many frames used a scroll region.
fn replay(actions: &[Action], w: u16, h: u16) -> (usize, usize) {
    replay_with(actions, w, h, true)
}

/// As [`replay`], with colour on or off (`NO_COLOR`: attributes only).
fn replay_with(actions: &[Action], w: u16, h: u16, color: bool) -> (usize, usize) {
    let area = Rect::new(0, 0, w, h);
    let mut app = App::new(
        study(),
        UiOptions {
            color,
            ascii: false,
            ..Default::default()
        },
    );
    update(&mut app, Msg::Resize(area));
    let tap = Tap::default();
    let mut term = terminal(&tap);
    let mut screen = Screen::new();
    let mut parser = vt100::Parser::new(h, w, 0);
    let (mut bytes, mut scrolled) = (0, 0);
    for (i, action) in std::iter::once(None)
        .chain(actions.iter().map(Some))
        .enumerate()
    {
        if let Some(a) = action {
            update(&mut app, *a);
        }
        let next = render(&app, area);
        screen.show(&mut term, next.clone()).unwrap();
        let out = tap.take();
        bytes += out.len();
        if scrolls(&out) {
            scrolled += 1;
        }
        eprintln!(
            "STEP {i} {}: {:?}",
            out.len(),
            String::from_utf8_lossy(&out)
        );
        parser.process(&out);
        let step = format!("step {i} ({action:?}) at {w}x{h}");
        assert_same(parser.screen(), fresh(&next).screen(), &step);
    }
    (bytes, scrolled)
}

/// Whether `out` scrolls a region: `ESC [ n S` or `ESC [ n T`.
fn scrolls(out: &[u8]) -> bool {
    out.windows(2).enumerate().any(|(i, w)| {
        w == b"\x1b[" && {
            let rest = &out[i + 2..];
            let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            matches!(rest.get(digits), Some(b'S' | b'T'))
        }
    })
}

const SCRIPT: &[Action] = &[
    Action::LineDown,
    Action::LineDown,
    Action::LineDown,
    Action::NextPassage,
    Action::NextPassage,
    Action::PageDown,
    Action::LineDown,
    Action::LineUp,
    Action::LineUp,
    Action::PageDown,
    Action::HalfPageDown,
    Action::PrevPassage,
    Action::PageUp,
    Action::NextSection,
    Action::LineDown,
    Action::OpenToc,
    Action::Close,
    Action::LineDown,
    Action::SwitchPane,
    Action::SelectDown,
    Action::SwitchPane,
    Action::GoToBottom,
    Action::LineUp,
    Action::LineUp,
    Action::PageUp,
    Action::GoToTop,
];

#[test]
fn scripted_reading_matches_a_full_redraw_at_every_size() {
    for (w, h) in [(80, 24), (200, 50), (100, 30), (40, 12)] {
        let (_, scrolled) = replay(SCRIPT, w, h);
        // The comparison must have covered frames drawn with a scroll region.
        assert!(scrolled >= 3, "{w}x{h}: only {scrolled} scrolled frames");
    }
}

#[test]
fn without_colour_the_selected_side_row_matches_a_full_redraw() {
    // g j Tab j: the side pane's selected row is drawn over a bold one.
    let keys = [
        Action::GoToTop,
        Action::NextPassage,
        Action::SwitchPane,
        Action::SelectDown,
    ];
    replay_with(&keys, 80, 24, false);
    for (w, h) in [(80, 24), (200, 50), (100, 30), (40, 12)] {
        replay_with(SCRIPT, w, h, false);
    }
}

#[test]
fn an_unchanged_screen_writes_nothing() {
    let area = Rect::new(0, 0, 80, 24);
    let app = App::new(study(), UiOptions::default());
    let tap = Tap::default();
    let mut term = terminal(&tap);
    let mut screen = Screen::new();
    assert!(screen.show(&mut term, render(&app, area)).unwrap());
    tap.take();
    assert!(!screen.show(&mut term, render(&app, area)).unwrap());
    assert!(tap.take().is_empty());
}

#[test]
fn a_line_scroll_costs_a_line_not_a_screen() {
    // At 200x50 the side pane scrolls with the passage it sits beside.
    for (w, h) in [(80, 24), (200, 50)] {
        let (full, _) = replay(&[], w, h);
        let (with_scroll, scrolled) = replay(&[Action::LineDown; 10], w, h);
        assert_eq!(scrolled, 10, "{w}x{h}");
        // Ten one-line scrolls together cost under three quarters of the
        // first full screen (a repainted side pane would cost about a
        // screen); at 200x50 they include drawing once the links of the
        // passage the focus passes to (p1-1.2: entities, citations, its
        // figure and that figure's charts).
        let scrolls = with_scroll - full;
        assert!(4 * scrolls < 3 * full, "{w}x{h}: {scrolls} vs {full}");
    }
}

fn moves() -> impl Strategy<Value = Action> {
    prop::sample::select(vec![
        Action::LineDown,
        Action::LineUp,
        Action::NextPassage,
        Action::PrevPassage,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageUp,
        Action::NextSection,
        Action::GoToBottom,
        Action::SwitchPane,
        Action::SelectDown,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn any_move_sequence_matches_a_full_redraw(
        actions in prop::collection::vec(moves(), 1..24),
        w in 24u16..220,
        h in 6u16..60,
    ) {
        replay(&actions, w, h);
    }

    #[test]
    fn any_move_sequence_without_colour_matches_a_full_redraw(
        actions in prop::collection::vec(moves(), 1..24),
        w in 24u16..220,
        h in 6u16..60,
    ) {
        replay_with(&actions, w, h, false);
    }
}
