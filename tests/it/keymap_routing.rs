//! Key events through the key map: chords, text modes, normalisation, notation round trips.

use casebook::keymap::{Action, Key, KeyResolver, Keymap, Mode, Resolution};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use proptest::prelude::*;

fn ev(notation: &str) -> KeyEvent {
    notation.parse::<Key>().unwrap().into()
}

fn resolver(preset: &str) -> KeyResolver {
    KeyResolver::new(Keymap::load(Some(preset), None).unwrap())
}

#[test]
fn single_keys_resolve_in_their_mode() {
    let mut r = resolver("default");
    assert_eq!(
        r.feed(Mode::Reader, ev("j")),
        Resolution::Action(Action::NextPassage)
    );
    assert_eq!(
        r.feed(Mode::Reader, ev("G")),
        Resolution::Action(Action::GoToBottom)
    );
    assert_eq!(
        r.feed(Mode::Toc, ev("j")),
        Resolution::Action(Action::SelectDown)
    );
    assert_eq!(
        r.feed(Mode::Editor, ev("<C-s>")),
        Resolution::Action(Action::Save)
    );
    assert_eq!(
        r.feed(Mode::Reader, ev("<F9>")),
        Resolution::Unbound(ev("<F9>"))
    );
}

#[test]
fn terminal_events_are_normalised() {
    let mut r = resolver("default");
    // Terminals report G as a shifted uppercase letter, Shift-Tab as BackTab.
    let shifted_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(
        r.feed(Mode::Reader, shifted_g),
        Resolution::Action(Action::GoToBottom)
    );
    let back_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(
        r.feed(Mode::Editor, back_tab),
        Resolution::Action(Action::ToggleTagsField)
    );
    // Ctrl-I arrives as Tab in most terminals; it is distinct only with the kitty protocol.
    let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(
        r.feed(Mode::Reader, tab),
        Resolution::Action(Action::SwitchPane)
    );
    let ctrl_i = KeyEvent::new(KeyCode::Char('i'), KeyModifiers::CONTROL);
    assert_eq!(
        r.feed(Mode::Reader, ctrl_i),
        Resolution::Action(Action::JumpForward)
    );
}

#[test]
fn releases_are_ignored_and_do_not_break_chords() {
    let mut r = resolver("emacs");
    assert_eq!(r.feed(Mode::Reader, ev("<C-x>")), Resolution::Pending);
    let mut release = ev("<C-x>");
    release.kind = KeyEventKind::Release;
    assert_eq!(r.feed(Mode::Reader, release), Resolution::Ignored);
    assert_eq!(
        r.feed(Mode::Reader, ev("<C-c>")),
        Resolution::Action(Action::Quit)
    );
}

#[test]
fn chords_resolve_after_their_last_key() {
    let mut r = resolver("emacs");
    assert_eq!(r.feed(Mode::Reader, ev("<C-x>")), Resolution::Pending);
    assert_eq!(r.pending().len(), 1);
    assert_eq!(
        r.feed(Mode::Reader, ev("o")),
        Resolution::Action(Action::SwitchPane)
    );
    assert!(r.pending().is_empty());
    // A text mode can hold chords too; its other keys stay text.
    assert_eq!(r.feed(Mode::Editor, ev("<C-x>")), Resolution::Pending);
    assert_eq!(
        r.feed(Mode::Editor, ev("<C-s>")),
        Resolution::Action(Action::Save)
    );
    assert_eq!(r.feed(Mode::Editor, ev("x")), Resolution::Unbound(ev("x")));
    let mut less = resolver("less");
    assert_eq!(less.feed(Mode::Reader, ev(":")), Resolution::Pending);
    assert_eq!(
        less.feed(Mode::Reader, ev("q")),
        Resolution::Action(Action::Quit)
    );
}

#[test]
fn a_wrong_key_after_a_prefix_resets_and_is_unbound() {
    let mut r = resolver("emacs");
    assert_eq!(r.feed(Mode::Reader, ev("<C-x>")), Resolution::Pending);
    assert_eq!(r.feed(Mode::Reader, ev("j")), Resolution::Unbound(ev("j")));
    assert!(r.pending().is_empty());
    // The next key starts afresh.
    assert_eq!(
        r.feed(Mode::Reader, ev("j")),
        Resolution::Action(Action::NextPassage)
    );
}

#[test]
fn changing_mode_drops_a_half_typed_chord() {
    let mut r = resolver("emacs");
    assert_eq!(r.feed(Mode::Reader, ev("<C-x>")), Resolution::Pending);
    assert_eq!(
        r.feed(Mode::Help, ev("j")),
        Resolution::Action(Action::LineDown)
    );
    assert_eq!(r.feed(Mode::Reader, ev("o")), Resolution::Unbound(ev("o")));
    assert_eq!(r.feed(Mode::Reader, ev("<C-x>")), Resolution::Pending);
    r.reset();
    assert_eq!(
        r.feed(Mode::Reader, ev("<C-c>")),
        Resolution::Action(Action::Quit)
    );
}

#[test]
fn text_modes_give_unbound_keys_back_as_text() {
    let mut r = resolver("default");
    for mode in [Mode::Search, Mode::Entities, Mode::Notes, Mode::Editor] {
        assert!(mode.is_text());
        for c in ['j', 'q', '?', '/', 'G', ' '] {
            let key = Key::char(c);
            assert_eq!(
                r.feed(mode, key.into()),
                Resolution::Unbound(key.into()),
                "{mode:?} {c}"
            );
        }
        assert!(
            matches!(r.feed(mode, ev("<Esc>")), Resolution::Action(_)),
            "{mode:?}"
        );
    }
    assert_eq!(
        r.feed(Mode::Search, ev("<C-n>")),
        Resolution::Action(Action::SelectDown)
    );
    assert_eq!(
        r.feed(Mode::Search, ev("<Enter>")),
        Resolution::Action(Action::Open)
    );
    assert_eq!(
        r.feed(Mode::Editor, ev("<Esc>")),
        Resolution::Action(Action::Cancel)
    );
    assert!(!Mode::Reader.is_text());
}

#[test]
fn user_chords_work_once_the_prefix_is_free() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[reader]\nkeymap = [\n  { on = \"g\", run = \"noop\" },\n  { on = [\"g\", \"g\"], run = \"go_to_top\" },\n  { on = [\"g\", \"e\"], run = \"go_to_bottom\" },\n]\n";
    std::fs::write(dir.path().join("keymap.toml"), text).unwrap();
    let mut r = KeyResolver::new(Keymap::load(None, Some(dir.path())).unwrap());
    assert_eq!(r.feed(Mode::Reader, ev("g")), Resolution::Pending);
    assert_eq!(
        r.feed(Mode::Reader, ev("g")),
        Resolution::Action(Action::GoToTop)
    );
    assert_eq!(r.feed(Mode::Reader, ev("g")), Resolution::Pending);
    assert_eq!(
        r.feed(Mode::Reader, ev("e")),
        Resolution::Action(Action::GoToBottom)
    );
    // g no longer goes anywhere on its own in help either? It still does: modes are separate.
    assert_eq!(
        r.feed(Mode::Help, ev("g")),
        Resolution::Action(Action::GoToTop)
    );
}

fn any_key() -> impl Strategy<Value = Key> {
    let code = prop_oneof![
        // Any character, including ones printed as `<U+XXXX>`.
        any::<char>().prop_map(KeyCode::Char),
        (1u8..=24).prop_map(KeyCode::F),
        prop::sample::select(vec![
            KeyCode::Esc,
            KeyCode::Enter,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::Insert,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
        ]),
    ];
    (code, 0u8..8).prop_map(|(code, bits)| {
        let mut mods = KeyModifiers::NONE;
        for (bit, m) in [
            (1, KeyModifiers::CONTROL),
            (2, KeyModifiers::ALT),
            (4, KeyModifiers::SHIFT),
        ] {
            if bits & bit != 0 {
                mods |= m;
            }
        }
        Key::new(code, mods)
    })
}

proptest! {
    #[test]
    fn notation_round_trips(key in any_key()) {
        let shown = key.to_string();
        let back: Key = shown.parse().map_err(|e| TestCaseError::fail(format!("{shown}: {e}")))?;
        prop_assert_eq!(back, key, "{}", shown);
    }

    #[test]
    fn events_round_trip(key in any_key()) {
        prop_assert_eq!(Key::from(KeyEvent::from(key)), key);
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(s in ".{0,12}") {
        if let Ok(key) = s.parse::<Key>() {
            prop_assert_eq!(key.to_string().parse::<Key>().ok(), Some(key));
        }
    }
}
