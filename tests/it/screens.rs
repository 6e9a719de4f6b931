//! Whole-screen snapshots of every view on the bundled case study, at
//! 80x24 and 200x50, plus style checks where colour or emphasis carries
//! meaning (snapshots record only text). Keys go through the key map, as
//! a user's do.

use casebook::app::state::{App, UiOptions};
use casebook::app::update::update;
use casebook::app::Msg;
use casebook::corpus::Source;
use casebook::study::Study;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use std::sync::OnceLock;

use crate::support::keys::{press, type_text};

fn study() -> &'static Study {
    static STUDY: OnceLock<Study> = OnceLock::new();
    STUDY.get_or_init(|| Study::open(&Source::Bundled).expect("bundled case study loads"))
}

/// The reader on the bundled paper, sized `w` x `h`.
fn app(options: UiOptions, w: u16, h: u16) -> App<'static> {
    let mut app = App::new(study(), options);
    update(&mut app, Msg::Resize(Rect::new(0, 0, w, h)));
    app
}

fn render(app: &App, w: u16, h: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    casebook::ui::render(buf.area, &mut buf, app);
    buf
}

fn text(buf: &Buffer) -> String {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let line: String = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Presses keys (and types text) on a fresh app and snapshots the screen
/// at both sizes.
fn snap(name: &str, steps: &[Step]) {
    for (w, h) in [(80, 24), (200, 50)] {
        let mut app = app(
            UiOptions {
                color: true,
                ascii: false,
                ..Default::default()
            },
            w,
            h,
        );
        for step in steps {
            match step {
                Step::Keys(keys) => {
                    press(&mut app, keys);
                }
                Step::Type(text) => type_text(&mut app, text),
            }
        }
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text(&render(&app, w, h)));
    }
}

enum Step {
    /// Keys in key-map notation, separated by spaces.
    Keys(&'static str),
    /// Text typed into the field of the view on top.
    Type(&'static str),
}
use Step::{Keys, Type};

#[test]
fn reader_at_start() {
    snap("reader_start", &[]);
}

#[test]
fn reader_in_a_subsection() {
    snap("reader_section", &[Keys("] ] ] j")]);
}

#[test]
fn side_pane_focused() {
    snap("side", &[Keys("] ] ] j <Tab>")]);
}

#[test]
fn links_menu() {
    snap("links", &[Keys("] ] ] j <Enter>")]);
}

#[test]
fn table_of_contents() {
    snap("toc", &[Keys("t")]);
}

#[test]
fn entities_list_filtered() {
    snap("entities", &[Keys("e"), Type("neu")]);
}

#[test]
fn entity_view() {
    snap("entity", &[Keys("e"), Type("DHC"), Keys("<Enter>")]);
}

#[test]
fn search_overlay() {
    snap("search", &[Keys("/"), Type("postal savings")]);
}

#[test]
fn charts_view() {
    snap("charts", &[Keys("c")]);
}

#[test]
fn help_screen() {
    snap("help", &[Keys("?")]);
}

#[test]
fn footnote_peek() {
    // Passage p1-2.3 carries footnote 1.
    snap("peek", &[Keys("j j j j j j j p")]);
}

#[test]
fn note_editor_and_notes_list() {
    snap("editor", &[Keys("a"), Type("a first note")]);
    snap("notes", &[Keys("a"), Type("a first note"), Keys("<C-s> m")]);
}

#[test]
fn too_small() {
    let mut app = App::new(study(), UiOptions::default());
    update(&mut app, Msg::Resize(Rect::new(0, 0, 20, 4)));
    assert_eq!(
        text(&render(&app, 20, 4)).lines().next(),
        Some("terminal too small")
    );
}

/// Without colour the focused passage is still marked: bar and bold text.
#[test]
fn focus_survives_no_color() {
    let app = app(
        UiOptions {
            color: false,
            ascii: false,
            ..Default::default()
        },
        80,
        24,
    );
    let buf = render(&app, 80, 24);
    let row = (0..24)
        .find(|&y| buf[(0, y)].symbol() == "▌")
        .expect("focus bar drawn");
    assert!(buf[(2, row)].modifier.contains(Modifier::BOLD));
    // Mentions stay visible without colour: underlined.
    let underlined =
        (0..24).any(|y| (2..78).any(|x| buf[(x, y)].modifier.contains(Modifier::UNDERLINED)));
    assert!(underlined, "entity mentions are underlined");
}

#[test]
fn ascii_mode_draws_no_box_drawing_or_blocks() {
    let mut app = app(
        UiOptions {
            color: false,
            ascii: true,
            ..Default::default()
        },
        120,
        40,
    );
    press(&mut app, "c");
    let screen = text(&render(&app, 120, 40));
    let fancy = screen
        .chars()
        .filter(|c| ('\u{2500}'..='\u{259F}').contains(c))
        .count();
    assert_eq!(fancy, 0, "{screen}");
}

/// After a search, the hits in the text are highlighted (reversed, bold),
/// and n moves to the next passage with hits.
#[test]
fn search_hits_are_highlighted_in_the_text() {
    let mut app = app(
        UiOptions {
            color: false,
            ascii: false,
            ..Default::default()
        },
        80,
        24,
    );
    press(&mut app, "/");
    type_text(&mut app, "@passage Alpine");
    press(&mut app, "<Enter>");
    let first = app.cursor_passage();
    press(&mut app, "n");
    assert_ne!(
        app.cursor_passage(),
        first,
        "n goes to the next passage with hits"
    );
    let buf = render(&app, 80, 24);
    let hit: String = (0..24)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].modifier.contains(Modifier::REVERSED))
        .map(|(x, y)| buf[(x, y)].symbol().to_string())
        .collect();
    assert!(hit.contains("Alpine"), "highlighted: {hit:?}");
}

/// `--ascii` screens hold no typographic or symbol character, in any view,
/// chrome or text (letters with accents, and CJK, are letters and stay).
#[test]
fn ascii_mode_shows_only_ascii_punctuation_everywhere() {
    let views = [
        "",
        "<Tab>",
        "] ] ] j <Enter>",
        "t",
        "e",
        "e <Enter>",
        "/",
        "c",
        "?",
        "m",
        "a",
        "j j j j j j j p",
        "G",
    ];
    for (w, h) in [(80, 24), (200, 50)] {
        for keys in views {
            let mut app = app(
                UiOptions {
                    color: false,
                    ascii: true,
                    ..Default::default()
                },
                w,
                h,
            );
            press(&mut app, keys);
            if keys == "/" {
                type_text(&mut app, "dalian software");
            }
            let screen = text(&render(&app, w, h));
            let odd: String = screen
                .chars()
                .filter(|c| !c.is_ascii() && !c.is_alphabetic())
                .collect();
            assert!(odd.is_empty(), "{keys:?} at {w}x{h}: {odd:?}\n{screen}");
        }
    }
}
