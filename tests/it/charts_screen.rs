//! Screens of the charts view on the synthetic paper, at 80x24 and 200x50,
//! in Unicode and ASCII.

use crate::support::charts as charts_common;

use std::path::Path;

use casebook::charts::series::{self, Series};
use casebook::charts::spark::Glyphs;
use casebook::charts::timeline::Timeline;
use casebook::charts::ChartsState;
use casebook::model::Document;
use casebook::ui::charts::{ChartsView, EntityCounts, MentionList};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::Widget;
use ratatui::Terminal;

struct Fixture {
    doc: Document,
    timeline: Timeline,
    series: Vec<Series>,
    entities: Vec<EntityCounts>,
}

fn fixture() -> Fixture {
    let doc = charts_common::paper();
    let timeline = Timeline::build(&doc);
    let series = series::parse(Path::new("series.toml"), charts_common::SERIES).unwrap();
    Fixture {
        doc,
        timeline,
        series,
        entities: charts_common::entities(),
    }
}

fn screen(f: &Fixture, state: &ChartsState, glyphs: Glyphs, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            let view = ChartsView {
                doc: &f.doc,
                timeline: &f.timeline,
                series: &f.series,
                entities: &f.entities,
                state,
                glyphs,
            };
            frame.render_widget(view, frame.area());
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let row: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn state_on(f: &Fixture, chart: usize, point: usize, target: usize) -> ChartsState {
    let mut s = ChartsState::new(&f.timeline, &f.series, &f.doc);
    s.select_chart(chart);
    for _ in 0..point {
        s.next_point();
    }
    for _ in 0..target {
        s.next_target();
    }
    s
}

#[test]
fn timeline_selected_80x24() {
    let f = fixture();
    // 1998, second of its two passages.
    let s = state_on(&f, 0, 4, 1);
    insta::assert_snapshot!(text(&screen(&f, &s, Glyphs::Unicode, 80, 24)));
}

#[test]
fn time_series_selected_80x24() {
    let f = fixture();
    let s = state_on(&f, 1, 1, 0);
    insta::assert_snapshot!(text(&screen(&f, &s, Glyphs::Unicode, 80, 24)));
}

#[test]
fn comparison_selected_80x24_ascii() {
    let f = fixture();
    let s = state_on(&f, 2, 1, 0);
    let shown = text(&screen(&f, &s, Glyphs::Ascii, 80, 24));
    assert!(shown.is_ascii(), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn time_series_selected_200x50() {
    let f = fixture();
    let s = state_on(&f, 1, 2, 0);
    insta::assert_snapshot!(text(&screen(&f, &s, Glyphs::Unicode, 200, 50)));
}

#[test]
fn tiny_and_empty_screens_do_not_panic() {
    let f = fixture();
    let s = state_on(&f, 2, 1, 0);
    for (w, h) in [(0, 0), (1, 1), (10, 3), (20, 8), (33, 12)] {
        screen(&f, &s, Glyphs::Unicode, w, h);
    }
    let empty = Fixture {
        doc: Document::default(),
        timeline: Timeline::default(),
        series: Vec::new(),
        entities: Vec::new(),
    };
    let shown = text(&screen(
        &empty,
        &ChartsState::default(),
        Glyphs::Unicode,
        80,
        24,
    ));
    assert!(shown.contains("no years mentioned"), "{shown}");
    assert!(shown.contains("no series"), "{shown}");
    assert!(shown.contains("no entities"), "{shown}");
}

#[test]
fn the_selected_point_is_marked_by_a_character_and_a_style() {
    let f = fixture();
    let s = state_on(&f, 2, 1, 0);
    let buf = screen(&f, &s, Glyphs::Unicode, 80, 24);
    let shown = text(&buf);
    let (y, line) = shown
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("▶ DLSP"))
        .unwrap();
    let x = line.chars().position(|c| c == '▶').unwrap() as u16;
    let style = buf[(x, y as u16)].style();
    assert!(style
        .add_modifier
        .contains(Modifier::REVERSED | Modifier::BOLD));
}

#[test]
fn mention_list_rows_are_exact() {
    let entities = charts_common::entities();
    let mut buf = Buffer::empty(Rect::new(0, 0, 24, 5));
    MentionList {
        entities: &entities,
        glyphs: Glyphs::Unicode,
        selected: None,
    }
    .render(buf.area, &mut buf);
    assert_eq!(
        buf,
        Buffer::with_lines([
            // Narrow, the sparkline goes before a name is cut.
            "┌ Most mentioned ──────┐",
            "│Gao Lihua            6│",
            "│DLSP                 3│",
            "│Dalian Software P…   1│",
            "└──────────────────────┘",
        ])
    );
}
