//! The shipped key map files: they load, merge with the default and cover every action.

use std::collections::HashSet;
use std::path::PathBuf;

use casebook::keymap::{Action, Keymap, Mode};

fn shipped() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("keymaps");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 2,
        "expected the default and at least one preset"
    );
    files
}

fn listing(km: &Keymap, mode: Mode) -> Vec<(String, Action, String)> {
    km.bindings(mode)
        .map(|(c, a, d)| (c.to_string(), a, d.to_string()))
        .collect()
}

#[test]
fn every_shipped_file_merges_with_the_default() {
    for path in shipped() {
        let km = Keymap::load(Some(path.to_str().unwrap()), None)
            .unwrap_or_else(|d| panic!("{}: {d:#?}", path.display()));
        for &mode in Mode::ALL {
            assert!(
                km.bindings(mode).next().is_some(),
                "{} leaves [{}] empty",
                path.display(),
                mode.name()
            );
        }
    }
}

#[test]
fn embedded_presets_match_the_files() {
    let names: Vec<_> = Keymap::presets().collect();
    assert!(names.contains(&"default") && names.contains(&"emacs"));
    let files = shipped();
    assert_eq!(
        files.len(),
        names.len(),
        "every file in keymaps/ is embedded"
    );
    for path in files {
        let name = path.file_stem().unwrap().to_str().unwrap();
        let from_file = Keymap::load(Some(path.to_str().unwrap()), None).unwrap();
        let by_name = Keymap::load(Some(name), None)
            .unwrap_or_else(|d| panic!("{name} is not embedded: {d:?}"));
        for &mode in Mode::ALL {
            assert_eq!(
                listing(&from_file, mode),
                listing(&by_name, mode),
                "{name} [{}]",
                mode.name()
            );
        }
    }
}

#[test]
fn presets_change_something() {
    let default = Keymap::default_map();
    for name in Keymap::presets().filter(|n| *n != "default") {
        let km = Keymap::load(Some(name), None).unwrap();
        assert_ne!(km, default, "{name} changes nothing");
    }
}

#[test]
fn every_action_is_bound_in_the_default() {
    let km = Keymap::default_map();
    let bound: HashSet<Action> = Mode::ALL
        .iter()
        .flat_map(|&m| km.bindings(m).map(|(_, a, _)| a))
        .collect();
    let missing: Vec<_> = Action::ALL
        .iter()
        .filter(|a| **a != Action::Noop && !bound.contains(a))
        .map(|a| a.name())
        .collect();
    assert!(missing.is_empty(), "unbound actions: {missing:?}");
    assert!(!bound.contains(&Action::Noop));
}

#[test]
fn every_mode_has_a_way_out() {
    for name in Keymap::presets() {
        let km = Keymap::load(Some(name), None).unwrap();
        for &mode in Mode::ALL {
            let leaves = km.bindings(mode).any(|(_, a, _)| {
                matches!(
                    a,
                    Action::Close | Action::Cancel | Action::ConfirmNo | Action::Quit
                )
            });
            assert!(leaves, "{name}: no way out of [{}]", mode.name());
        }
    }
}

#[test]
fn text_modes_leave_typed_characters_to_the_text() {
    for name in Keymap::presets() {
        let km = Keymap::load(Some(name), None).unwrap();
        for &mode in Mode::ALL.iter().filter(|m| m.is_text()) {
            for (chord, _, _) in km.bindings(mode) {
                assert!(
                    chord.keys()[0].text().is_none(),
                    "{name} [{}] takes the typed character `{chord}`",
                    mode.name()
                );
            }
        }
    }
}

#[test]
fn documented_default_keys() {
    let km = Keymap::default_map();
    let expect = [
        ("j", Action::NextPassage),
        ("<Down>", Action::NextPassage),
        ("k", Action::PrevPassage),
        ("<Up>", Action::PrevPassage),
        ("<C-e>", Action::LineDown),
        ("<C-y>", Action::LineUp),
        ("<Space>", Action::PageDown),
        ("<PageDown>", Action::PageDown),
        ("b", Action::PageUp),
        ("<PageUp>", Action::PageUp),
        ("g", Action::GoToTop),
        ("<Home>", Action::GoToTop),
        ("G", Action::GoToBottom),
        ("<End>", Action::GoToBottom),
        ("]", Action::NextSection),
        ("[", Action::PrevSection),
        ("t", Action::OpenToc),
        ("e", Action::OpenEntities),
        ("<Tab>", Action::SwitchPane),
        ("<Enter>", Action::Open),
        ("<Esc>", Action::Close),
        ("<C-o>", Action::JumpBack),
        ("<C-i>", Action::JumpForward),
        ("<C-l>", Action::JumpForward),
        ("M", Action::SetMark),
        ("'", Action::OpenMarks),
        ("w", Action::OpenWarnings),
        ("<A-Right>", Action::JumpForward),
        ("/", Action::OpenSearch),
        ("n", Action::NextHit),
        ("N", Action::PrevHit),
        ("c", Action::OpenCharts),
        ("a", Action::Annotate),
        ("m", Action::OpenNotes),
        ("?", Action::OpenHelp),
        ("q", Action::Quit),
    ];
    let reader = listing(&km, Mode::Reader);
    for (key, action) in expect {
        let found: Vec<_> = reader
            .iter()
            .filter(|(c, _, _)| c == key)
            .map(|(_, a, _)| *a)
            .collect();
        assert_eq!(found, vec![action], "reader `{key}`");
    }
    assert_eq!(
        km.hint(Mode::Reader, Action::OpenHelp).as_deref(),
        Some("?")
    );
    assert_eq!(
        km.hint(Mode::Editor, Action::Save).as_deref(),
        Some("<C-s>")
    );
    assert_eq!(
        km.hint(Mode::Editor, Action::Cancel).as_deref(),
        Some("<Esc>")
    );
    assert_eq!(
        km.hint(Mode::Editor, Action::ToggleTagsField).as_deref(),
        Some("<Tab>")
    );
    assert_eq!(
        km.hint(Mode::Search, Action::SelectDown).as_deref(),
        Some("<C-n>")
    );
    assert_eq!(
        km.hint(Mode::Search, Action::HistoryOlder).as_deref(),
        Some("<Up>")
    );
    assert_eq!(
        km.hint(Mode::Search, Action::OpenEntityHit).as_deref(),
        Some("<C-e>")
    );
    assert_eq!(
        km.hint(Mode::Search, Action::Open).as_deref(),
        Some("<Enter>")
    );
    assert_eq!(km.hint(Mode::Confirm, Action::Quit), None);
}

#[test]
fn descriptions_default_to_the_action() {
    let km = Keymap::default_map();
    let quit = listing(&km, Mode::Reader)
        .into_iter()
        .find(|(_, a, _)| *a == Action::Quit)
        .unwrap();
    assert_eq!(quit.2, Action::Quit.description());
    let close = listing(&km, Mode::Search)
        .into_iter()
        .find(|(_, a, _)| *a == Action::Close)
        .unwrap();
    assert_eq!(close.2, "Close search");
}

#[test]
fn user_file_patches_per_key_and_noop_unbinds() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"
[reader]
keymap = [
  { on = "j", run = "line_down", desc = "Down a line" },
  { on = "x", run = "quit" },
  { on = "q", run = "noop" },
  { on = "<F5>", run = "noop" },
]
"#;
    std::fs::write(dir.path().join("keymap.toml"), text).unwrap();
    let km = Keymap::load(Some("emacs"), Some(dir.path())).unwrap();
    let reader = listing(&km, Mode::Reader);
    let default = listing(&Keymap::default_map(), Mode::Reader);
    // `j` keeps its place in the listing, with the new action and description.
    let pos = |l: &[(String, Action, String)], k: &str| l.iter().position(|(c, _, _)| c == k);
    assert_eq!(pos(&reader, "j"), pos(&default, "j"));
    assert!(reader.contains(&("j".into(), Action::LineDown, "Down a line".into())));
    assert!(reader.contains(&("x".into(), Action::Quit, Action::Quit.description().into())));
    assert_eq!(pos(&reader, "q"), None);
    // The emacs preset underneath still counts, and so does the default.
    assert!(reader
        .iter()
        .any(|(c, a, _)| c == "<C-x> <C-c>" && *a == Action::Quit));
    assert!(reader
        .iter()
        .any(|(c, a, _)| c == "k" && *a == Action::PrevPassage));
    assert_eq!(km.hint(Mode::Reader, Action::Quit).as_deref(), Some("x"));
    // Hints prefer the latest file that binds the action: emacs keys under emacs.
    assert_eq!(
        km.hint(Mode::Reader, Action::PageDown).as_deref(),
        Some("<C-v>")
    );
    assert_eq!(
        km.hint(Mode::Reader, Action::PrevPassage).as_deref(),
        Some("<C-p>")
    );
}

#[test]
fn keys_command_prints_the_merged_map_or_the_errors() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
            .arg("--config-dir")
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["keys", "--keymap", "emacs"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("<C-x> <C-c>") && text.contains("[confirm]"),
        "{text}"
    );

    std::fs::write(
        dir.path().join("keymap.toml"),
        "[reader]\nkeymap = [{ on = \"x\", run = \"fly\" }]\n",
    )
    .unwrap();
    let out = run(&["keys"]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("keymap.toml:2:") && err.contains("unknown action `fly`"),
        "{err}"
    );
}
