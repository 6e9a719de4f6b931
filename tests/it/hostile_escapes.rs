//! Hostile text through the real render path: the fixture case study,
//! notes file and key map carry every C0 control but newline, DEL, C1,
//! 7- and 8-bit CSI/OSC/DCS/APC/PM/SOS, bidi controls, zero-width characters
//! and the BOM, raw, as Markdown character references and as TOML/JSON
//! escapes. Each view is drawn as the session draws it (ratatui over the
//! terminal backend) into bytes; a VT parser then finds only
//! casebook's own cursor, colour and mode sequences, and the screen shows
//! the neutralised characters as counted placeholders.

use crate::support;
use crate::support::hostile as hostile_support;

use support::tap::Tap;

use std::collections::BTreeMap;
use std::path::PathBuf;

use casebook::app::state::{App, UiOptions};
use casebook::app::update::update;
use casebook::app::Msg;
use casebook::corpus::Source;
use casebook::keymap::{Action, Keymap};
use casebook::notes::{webanno, Notebook};
use casebook::study::Study;
use casebook::term::backend::FrameBackend;
use casebook::term::sanitize;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hostile_support::{audit, expected_placeholders, fixture, placeholders, screen};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const W: u16 = 220;
const H: u16 = 90;

/// What a user might paste: a line per kind of attack, CR LF line ends.
pub const PASTE: &str = "osc52 \x1b]52;c;cm0gLXJmIH4=\x07 done\r\n\
    csi \x1b[2J\x1b[?1049l \u{9b}31m done\r\n\
    dcs \x1bP+q544e\x1b\\ apc \x1b_x\x1b\\ done\r\n\
    bidi \u{202e}evil\u{202c} \u{2066}x\u{2069} zw \u{200b}\u{feff} done\r\n\
    c0 \x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13 done\r\n\
    c0 \x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f done";

fn study() -> Study {
    Study::open(&Source::Dir(fixture("corpus"))).expect("hostile case study loads")
}

fn keymap() -> Keymap {
    let text = std::fs::read_to_string(fixture("keymap.toml")).unwrap();
    let base = include_str!("../../keymaps/default.toml");
    Keymap::from_sources(&[
        (PathBuf::from("default.toml"), base),
        (fixture("keymap.toml"), &text),
    ])
    .expect("zero-width characters in a description are accepted")
}

fn app(study: &Study) -> App<'_> {
    let text = std::fs::read_to_string(fixture("notes.json")).unwrap();
    let parsed = webanno::parse(&text, &fixture("notes.json"));
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    let options = UiOptions {
        color: true,
        ascii: false,
        ..Default::default()
    };
    let notebook = Notebook::new(parsed.set, &study.doc);
    let mut app = App::open(study, options, keymap(), notebook);
    update(&mut app, Msg::Resize(Rect::new(0, 0, W, H)));
    app
}

/// One frame as `session::present` sends it, on a fresh terminal: the bytes
/// and how many cells the backend had to repair.
fn frame(app: &App) -> (Vec<u8>, usize) {
    let area = Rect::new(0, 0, W, H);
    let out = Tap::default();
    let backend = FrameBackend::new(out.clone());
    let options = TerminalOptions {
        viewport: Viewport::Fixed(area),
    };
    let mut terminal = Terminal::with_options(backend, options).unwrap();
    let mut next = Buffer::empty(area);
    casebook::ui::render(area, &mut next, app);
    terminal.draw(|f| *f.buffer_mut() = next.clone()).unwrap();
    let backend = terminal.backend();
    let bytes = out.bytes();
    (bytes, backend.repaired)
}

/// Draws the view, checks the stream and returns the screen it leaves.
fn view(name: &str, app: &App) -> String {
    let (bytes, repaired) = frame(app);
    let a = audit(&bytes);
    a.assert_clean();
    assert_eq!(repaired, 0, "{name}: cells reached the backend unsanitized");
    assert!(a.colour_sgr > 0, "{name}: a coloured frame sets colours");
    assert!(
        a.extended_colours.is_empty(),
        "{name}: {:?}",
        a.extended_colours
    );
    screen(&bytes, W, H)
}

fn at_least(name: &str, shown: &BTreeMap<String, usize>, want: &BTreeMap<String, usize>) {
    for (p, n) in want {
        let got = shown.get(p).copied().unwrap_or(0);
        assert!(
            got >= *n,
            "{name}: {p} shown {got} times, expected at least {n}"
        );
    }
}

fn key(app: &mut App, c: char) {
    update(
        app,
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
    );
}

#[test]
fn fixtures_carry_every_hostile_character() {
    let study = study();
    let all: String = study.doc.passages.iter().map(|p| p.text.as_str()).collect();
    let mut wanted: Vec<char> = (0x01..0x20u32)
        .chain([0x7f])
        .chain(0x80..0xa0)
        .chain(0x202a..=0x202e)
        .chain(0x2066..=0x2069)
        .chain([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff])
        .filter_map(char::from_u32)
        .collect();
    // Markdown ends a line at CR, and a tab is text.
    wanted.retain(|c| !matches!(c, '\n' | '\r' | '\t'));
    for c in &wanted {
        assert!(all.contains(*c), "paper lacks U+{:04X}", *c as u32);
    }
    let entity = &study.catalog.get("acme").unwrap().description;
    for c in wanted.iter().chain(&['\0', '\r']) {
        assert!(
            entity.contains(*c),
            "entities.toml lacks U+{:04X}",
            *c as u32
        );
    }
    // Raw in one section, character references in the other.
    let raw = std::fs::read_to_string(fixture("corpus/paper.md")).unwrap();
    assert!(raw.contains('\x1b') && raw.contains('\u{9b}') && raw.contains("&#27;"));
    for seq in [
        "\x1b]0;",
        "\x1b]8;;",
        "\x1b]52;",
        "\u{9d}52;",
        "\x1bP",
        "\u{90}",
        "\x1b_",
    ] {
        assert!(all.contains(seq), "paper lacks {seq:?}");
    }
    let toml = std::fs::read_to_string(fixture("corpus/meta.toml")).unwrap();
    assert!(toml.contains("\\u001b") && study.meta.title.contains('\x1b'));
    let notes = std::fs::read_to_string(fixture("notes.json")).unwrap();
    assert!(notes.contains("\\u001b") && notes.contains('\u{202e}'));
}

#[test]
fn reader_and_side_pane_show_only_placeholders() {
    let study = study();
    let app = app(&study);
    let shown = view("reader", &app);
    let mut want = BTreeMap::new();
    for p in &study.doc.passages {
        for (k, n) in expected_placeholders(&p.text) {
            *want.entry(k).or_insert(0) += n;
        }
    }
    let counts = placeholders(&shown);
    at_least("reader", &counts, &want);
    // All 32 C1 controls, both ways of writing them.
    for code in 0x80..0xa0 {
        assert!(counts[&format!("<U+{code:04X}>")] >= 2, "<U+{code:04X}>");
    }
    assert!(counts["␛"] >= 2 * 16, "ESC {}", counts["␛"]);
    // Section titles in the reader and the side pane's outline.
    assert!(
        shown.matches("Raw bytes ␛[2J␛]0;heading␇").count() >= 2,
        "{shown}"
    );
    assert!(
        shown.contains("Hostile ␛]0;owned␇ title <U+202E>txet"),
        "{shown}"
    );
}

#[test]
fn entity_view_shows_placeholders() {
    let study = study();
    let mut app = app(&study);
    update(&mut app, Action::OpenEntities);
    view("entity list", &app);
    update(&mut app, Action::Open);
    let shown = view("entity view", &app);
    assert!(shown.contains("␛]52;c;cm0gLXJmIH4=␇"), "{shown}");
    assert!(shown.contains("<U+009D>0;t<U+009C>"), "{shown}");
}

#[test]
fn search_notes_charts_and_help_show_placeholders() {
    let study = study();
    let mut app = app(&study);
    update(&mut app, Action::OpenSearch);
    for c in "sequences".chars() {
        key(&mut app, c);
    }
    let shown = view("search", &app);
    assert!(shown.contains('␛'), "{shown}");
    update(&mut app, Action::Close);

    update(&mut app, Action::OpenNotes);
    let shown = view("notes list", &app);
    assert!(shown.contains("␛]52;c;"), "{shown}");
    update(&mut app, Action::Close);

    update(&mut app, Action::OpenCharts);
    let shown = view("charts", &app);
    assert!(shown.contains("Sequences ␛]0;chart␇<U+202E>"), "{shown}");
    update(&mut app, Action::Close);

    update(&mut app, Action::OpenHelp);
    let shown = view("help", &app);
    assert!(
        shown.contains("Help<U+200B><U+200C><U+200D><U+2060><U+FEFF>me"),
        "{shown}"
    );
}

#[test]
fn pasted_text_in_the_note_editor_is_neutralised() {
    let study = study();
    let mut app = app(&study);
    update(&mut app, Action::NextPassage);
    update(&mut app, Action::Annotate);
    let before = view("editor", &app);
    update(&mut app, Msg::Paste(PASTE.into()));
    let shown = view("editor", &app);
    assert_ne!(before, shown, "the paste reached the editor");
    let want = placeholders(&sanitize::editor_input(PASTE));
    assert!(want.values().sum::<usize>() >= 40, "{want:?}");
    let counts = placeholders(&shown);
    at_least("editor", &counts, &want);
    assert!(shown.contains("osc52 ␛]52;c;cm0gLXJmIH4=␇ done"), "{shown}");
    assert!(
        shown.contains("bidi <U+202E>evil<U+202C> <U+2066>x<U+2069>"),
        "{shown}"
    );
}

#[test]
fn refused_key_map_diagnostics_print_safely() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args([
            "--keymap",
            fixture("keymap-refused.toml").to_str().unwrap(),
            "keys",
        ])
        .env("CASEBOOK_CONFIG_DIR", fixture("no-such-dir"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    audit(err.as_bytes()).assert_clean();
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(err.contains("invisible character U+001B"), "{err}");
    assert!(err.contains("malformed key `␛]52;c;eA==␇`"), "{err}");
    assert!(err.contains("unknown action `quit␛[2J`"), "{err}");
}
