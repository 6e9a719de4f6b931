//! The built binary on the hostile case study in a real pseudo-terminal:
//! everything it writes over a session (start, reader, entity card, notes
//! list, a bracketed paste into the note editor, save, quit) is parsed as a
//! terminal would, and holds nothing but casebook's own sequences.

use crate::support;
use crate::support::hostile as hostile_support;

use hostile_support::{audit, fixture};
use support::pty::Session;

/// Lines end in CR, as terminals paste them.
const PASTE: &str = "osc52 \x1b]52;c;cm0gLXJmIH4=\x07 title \x1b]0;owned\x07\r\
    csi \x1b[2J \u{9b}31m dcs \x1bP+q\x1b\\ apc \x1b_x\x1b\\\r\
    bidi \u{202e}evil \u{feff}end";

#[test]
fn a_whole_session_on_hostile_text_sends_only_casebooks_own_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("data/notes");
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::copy(fixture("notes.json"), notes.join("hostile.json")).unwrap();
    let corpus = fixture("corpus");
    let args = ["--corpus", corpus.to_str().unwrap()];
    let mut s = Session::start(&args, 160, 48, dir.path(), &[]);
    s.wait_text("Hostile ␛]0;owned␇ title <U+202E>txet");
    s.wait_text("Raw bytes ␛[2J␛]0;heading␇");
    // Each wait looks for what only the overlay shows: the paper itself
    // holds the hostile strings, so they prove nothing about the keys.
    const LIST: &str = "type to filter";
    const CARD: &str = "next/prev mention";
    const NOTES: &str = "Notes (";
    s.send("e");
    s.wait_text(LIST);
    s.send("\r");
    s.wait_for("the entity card", |sc| {
        sc.contains(CARD) && sc.contains("A firm ␛]52;c;cm0gLXJmIH4=␇")
    });
    // Each Esc alone: followed at once by a key it would read as Alt+key.
    s.send("\x1b");
    s.wait_for("the card closed", |sc| {
        sc.contains(LIST) && !sc.contains(CARD)
    });
    s.send("\x1b");
    s.wait_for("entity list closed", |sc| !sc.contains(LIST));
    s.send("m");
    s.wait_for("the notes list", |sc| {
        sc.contains(NOTES) && sc.contains("Note ␛]52;c;")
    });
    s.send("\x1b");
    s.wait_for("notes list closed", |sc| !sc.contains(NOTES));
    s.send("j");
    s.send("a");
    s.wait_text("New note on");
    s.send(&format!("\x1b[200~{PASTE}\x1b[201~"));
    let screen = s.wait_text("bidi <U+202E>evil <U+FEFF>end");
    assert!(
        screen.contains("osc52 ␛]52;c;cm0gLXJmIH4=␇ title ␛]0;owned␇"),
        "{screen}"
    );
    assert!(
        screen.contains("csi ␛[2J <U+009B>31m dcs ␛P+q␛\\ apc ␛_x␛\\"),
        "{screen}"
    );
    s.send("\x13");
    s.send("q");
    assert_eq!(s.wait_exit(), 0, "{}", s.screen());
    let a = audit(&s.raw_output());
    a.assert_clean();
    assert!(a.extended_colours.is_empty(), "{:?}", a.extended_colours);
    let saved = std::fs::read_to_string(notes.join("hostile.json")).unwrap();
    assert!(saved.contains("osc52 ␛]52;c;cm0gLXJmIH4=␇"), "{saved}");
}

#[test]
fn export_shows_placeholders_on_a_terminal_and_exact_text_in_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = fixture("corpus");
    let args = [
        "--corpus",
        corpus.to_str().unwrap(),
        "export",
        "--format",
        "markdown",
    ];
    let mut s = Session::start(&args, 200, 60, dir.path(), &[]);
    assert_eq!(s.wait_exit(), 0);
    let raw = s.raw_output();
    let a = audit(&raw);
    // Plain text keeps its tabs; nothing else is executed.
    assert!(a.controls.iter().all(|&c| c == b'\t'), "{:?}", a.controls);
    assert!(a.forbidden.is_empty() && a.leaked.is_empty(), "{a:?}");
    assert!(a.csi_kinds.is_empty(), "{:?}", a.csi_kinds);
    assert!(String::from_utf8_lossy(&raw).contains("Raw bytes ␛[2J␛]0;heading␇"));

    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(args)
        .output()
        .unwrap();
    assert!(piped.status.success());
    let text = String::from_utf8(piped.stdout).unwrap();
    assert!(
        text.contains("Raw bytes \x1b[2J\x1b]0;heading\x07"),
        "{text}"
    );
}
