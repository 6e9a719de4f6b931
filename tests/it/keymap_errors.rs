//! Bad key map files are reported with file, line and what is wrong.

use std::path::{Path, PathBuf};

use casebook::diag::Diagnostic;
use casebook::keymap::{Action, Keymap, Mode};

/// Loads the default patched by a user keymap.toml holding `text`; returns the errors.
fn user_errors(text: &str) -> Vec<Diagnostic> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keymap.toml"), text).unwrap();
    match Keymap::load(None, Some(dir.path())) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(d) => d,
    }
}

fn only(diags: Vec<Diagnostic>) -> Diagnostic {
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = diags.into_iter().next().unwrap();
    assert!(d.is_error());
    assert_eq!(d.path.file_name().unwrap(), "keymap.toml", "{d}");
    d
}

#[test]
fn unknown_action_names_line_and_suggests() {
    let d = only(user_errors(
        "[reader]\nkeymap = [\n  { on = \"j\", run = \"next_pasage\" },\n]\n",
    ));
    assert_eq!((d.line, d.col), (3, 21), "{d}");
    assert!(d.message.contains("unknown action `next_pasage`"), "{d}");
    assert!(d.message.contains("did you mean `next_passage`"), "{d}");
}

#[test]
fn unknown_mode_names_line() {
    let d = only(user_errors(
        "[reader]\nkeymap = []\n\n[raeder]\nkeymap = [{ on = \"j\", run = \"quit\" }]\n",
    ));
    assert_eq!(d.line, 4, "{d}");
    assert!(d.message.contains("unknown mode `raeder`"), "{d}");
}

#[test]
fn malformed_keys_name_line_and_key() {
    let d = only(user_errors(
        "[reader]\nkeymap = [\n  { on = \"j\", run = \"quit\" },\n  { on = \"<C-dd>\", run = \"quit\" },\n]\n",
    ));
    assert_eq!(d.line, 4, "{d}");
    assert!(d.message.contains("`<C-dd>`"), "{d}");
    let d = only(user_errors(
        "[reader]\nkeymap = [{ on = \"jj\", run = \"quit\" }]\n",
    ));
    assert!(d.message.contains("chord is a list"), "{d}");
    let d = only(user_errors(
        "[reader]\nkeymap = [{ on = [], run = \"quit\" }]\n",
    ));
    assert!(d.message.contains("at least one key"), "{d}");
    let d = only(user_errors(
        "[reader]\nkeymap = [{ on = 7, run = \"quit\" }]\n",
    ));
    assert!(d.message.contains("not integer"), "{d}");
    let d = only(user_errors(
        "[reader]\nkeymap = [{ on = [\"g\", \"<Nope>\"], run = \"quit\" }]\n",
    ));
    assert!(d.message.contains("unknown key name `Nope`"), "{d}");
}

#[test]
fn duplicate_keys_in_one_file_name_both_lines() {
    let text = "[reader]\nkeymap = [\n  { on = \"G\", run = \"quit\" },\n  { on = \"x\", run = \"quit\" },\n  { on = \"<S-g>\", run = \"go_to_top\" },\n]\n";
    let d = only(user_errors(text));
    assert_eq!(d.line, 5, "{d}");
    assert!(
        d.message.contains("bound twice") && d.message.contains("line 3"),
        "{d}"
    );
}

#[test]
fn the_same_key_in_two_modes_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[toc]\n[reader]\nkeymap = [{ on = \"x\", run = \"quit\" }]\n[help]\nkeymap = [{ on = \"x\", run = \"close\" }]\n";
    std::fs::write(dir.path().join("keymap.toml"), text).unwrap();
    Keymap::load(None, Some(dir.path())).unwrap();
}

#[test]
fn prefix_conflict_after_merging_points_at_the_user_entry() {
    // The default binds `g` alone, so a user chord starting with `g` could never be typed.
    let d = only(user_errors(
        "[reader]\nkeymap = [\n  { on = [\"g\", \"g\"], run = \"go_to_top\" },\n]\n",
    ));
    assert_eq!(d.line, 3, "{d}");
    assert!(
        d.message.contains("`g` (go_to_top) starts the chord `g g`"),
        "{d}"
    );
    assert!(d.message.contains("keymaps/default.toml:"), "{d}");
    assert_eq!(d.col, 3, "{d}");
    // And the other way round: a key that a preset uses as a chord prefix.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("keymap.toml"),
        "[reader]\nkeymap = [{ on = \"<C-x>\", run = \"quit\" }]\n",
    )
    .unwrap();
    let diags = Keymap::load(Some("emacs"), Some(dir.path())).unwrap_err();
    // One per emacs chord on <C-x>: switch pane, quit, save.
    assert_eq!(diags.len(), 3, "{diags:#?}");
    for d in diags {
        assert_eq!(
            (d.path.file_name().unwrap().to_str(), d.line),
            (Some("keymap.toml"), 2)
        );
        assert!(d.message.contains("keymaps/emacs.toml:"), "{d}");
    }
}

#[test]
fn prefix_conflict_is_solved_by_unbinding_the_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[reader]\nkeymap = [\n  { on = \"g\", run = \"noop\" },\n  { on = [\"g\", \"g\"], run = \"go_to_top\" },\n]\n";
    std::fs::write(dir.path().join("keymap.toml"), text).unwrap();
    let km = Keymap::load(None, Some(dir.path())).unwrap();
    assert_eq!(
        km.hint(Mode::Reader, Action::GoToTop).as_deref(),
        Some("g g")
    );
    assert!(km
        .bindings(Mode::Reader)
        .any(|(c, a, _)| c.to_string() == "g g" && a == Action::GoToTop));
}

#[test]
fn malformed_toml_names_line() {
    let d = only(user_errors(
        "[reader]\nkeymap = [\n  { on = \"j\" run = \"quit\" },\n]\n",
    ));
    assert_eq!(d.line, 3, "{d}");
    let d = only(user_errors(
        "[reader]\nkeymap = [{ on = \"j\", run = \"quit\", color = \"red\" }]\n",
    ));
    assert_eq!(d.line, 2, "{d}");
    assert!(d.message.contains("color"), "{d}");
    let d = only(user_errors("[reader]\nkeys = []\n"));
    assert!(d.message.contains("keys"), "{d}");
    assert!(d.line > 0, "{d}");
}

#[test]
fn all_errors_of_a_file_are_reported_at_once() {
    let text = "[reader]\nkeymap = [\n  { on = \"<Foo>\", run = \"quit\" },\n  { on = \"x\", run = \"fly\" },\n]\n";
    let diags = user_errors(text);
    let lines: Vec<_> = diags.iter().map(|d| d.line).collect();
    assert_eq!(lines, vec![3, 4], "{diags:#?}");
    let shown = diags[0].to_string();
    assert!(shown.contains("keymap.toml:3:"), "{shown}");
}

#[test]
fn unknown_preset_and_missing_file() {
    let d = Keymap::load(Some("vimish"), None).unwrap_err();
    assert!(
        d[0].message.contains("unknown key map `vimish`"),
        "{}",
        d[0]
    );
    assert!(d[0].message.contains("emacs"), "{}", d[0]);
    let d = Keymap::load(Some("/nonexistent/keys.toml"), None).unwrap_err();
    assert_eq!(d[0].path, Path::new("/nonexistent/keys.toml"));
}

#[test]
fn preset_file_errors_name_that_file() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("mine.toml");
    std::fs::write(
        &path,
        "[reader]\nkeymap = [{ on = \"j\", run = \"jump\" }]\n",
    )
    .unwrap();
    let d = Keymap::load(Some(path.to_str().unwrap()), None).unwrap_err();
    assert_eq!(d[0].path, path);
    assert_eq!(d[0].line, 2);
}

#[test]
fn a_missing_user_file_is_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(
        Keymap::load(None, Some(dir.path())).unwrap(),
        Keymap::default_map()
    );
}

#[test]
fn invisible_characters_in_desc_or_keys_are_refused() {
    let d = only(user_errors(
        "[reader]\nkeymap = [{ on = \"x\", run = \"quit\", desc = \"bye\\u001b]52;c;aGk=\\u0007\" }]\n",
    ));
    assert_eq!(d.line, 2, "{d}");
    assert!(d.message.contains("U+001B"), "{d}");
    let d = only(user_errors(
        "[reader]\nkeymap = [{ on = \"\\u202e\", run = \"quit\" }]\n",
    ));
    assert!(d.message.contains("U+202E"), "{d}");
}

#[test]
fn unreadable_user_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("keymap.toml"),
        b"[reader]\nkeymap = [\xff]\n",
    )
    .unwrap();
    let d = Keymap::load(None, Some(dir.path())).unwrap_err();
    assert!(d[0].message.contains("cannot read key map"), "{}", d[0]);
    std::fs::remove_file(dir.path().join("keymap.toml")).unwrap();
    std::fs::create_dir(dir.path().join("keymap.toml")).unwrap();
    let d = Keymap::load(None, Some(dir.path())).unwrap_err();
    assert!(d[0].to_string().contains("keymap.toml:0:0"), "{}", d[0]);
}

#[test]
fn suggestions_only_when_close() {
    let suggest = |run: &str| {
        let d = only(user_errors(&format!(
            "[reader]\nkeymap = [{{ on = \"x\", run = \"{run}\" }}]\n"
        )));
        d.message
    };
    assert!(suggest("top").contains("did you mean `go_to_top`"));
    assert!(suggest("Quit").contains("did you mean `quit`"));
    assert!(!suggest("fly").contains("did you mean"));
}
