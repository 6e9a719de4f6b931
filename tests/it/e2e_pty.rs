//! End-to-end: the built binary in a real pseudo-terminal, read back
//! through a VT parser.

use crate::support;

use support::pty::Session;

const TITLE: &str = "The Formation of the Software";

#[test]
fn starts_shows_the_title_and_quits_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    s.wait_text(TITLE);
    s.wait_text("1/");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_malformed_user_key_map_is_set_aside_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    let bad = "[reader]\nkeymap = [\n  { on = \"j\", run = \"fly_away\" },\n]\n";
    std::fs::write(config.join("keymap.toml"), bad).unwrap();
    let mut s = Session::start(&[], 80, 24, dir.path(), &[]);
    let screen = s.wait_text("set aside");
    assert!(screen.contains(TITLE), "the reader opens: {screen}");
    s.send("w");
    let screen = s.wait_text("fly_away");
    assert!(screen.contains("keymap.toml:3"), "{screen}");
    s.send("q");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);

    // Asked for by name, a bad key map is still refused.
    let file = dir.path().join("mine.toml");
    std::fs::write(&file, bad).unwrap();
    let mut s = Session::start(
        &["--keymap", file.to_str().unwrap()],
        80,
        24,
        dir.path(),
        &[],
    );
    let screen = s.wait_text("fly_away");
    assert!(screen.contains("mine.toml:3"), "{screen}");
    assert_eq!(s.wait_exit(), 1, "a bad key map is bad input");
    assert!(!s.screen().contains(TITLE), "the reader never started");
}

#[test]
fn an_error_past_the_opening_is_reported_on_a_restored_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("case");
    std::fs::create_dir_all(&corpus).unwrap();
    let bundled = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/dalian");
    for f in ["meta.toml", "entities.toml", "series.toml"] {
        std::fs::copy(bundled.join(f), corpus.join(f)).unwrap();
    }
    // The opening (the first 16 KB) is fine; the last line is not.
    let mut paper = std::fs::read_to_string(bundled.join("paper.md")).unwrap();
    paper.push_str("\nA marker with no footnote.[^nowhere]\n");
    let last = paper.lines().count();
    std::fs::write(corpus.join("paper.md"), paper).unwrap();
    let mut s = Session::start(
        &["--corpus", corpus.to_str().unwrap()],
        100,
        30,
        dir.path(),
        &[],
    );
    assert_eq!(s.wait_exit(), 1, "a bad paper is bad input: {}", s.screen());
    let screen = s.screen();
    assert!(
        screen.contains(&format!("paper.md:{last}:")) && screen.contains("[^nowhere]"),
        "{screen}"
    );
    assert!(!screen.contains(TITLE), "the reader is gone: {screen}");
    let raw = String::from_utf8_lossy(&s.raw_output()).into_owned();
    let entered = raw.find("\x1b[?1049h");
    let left = raw.rfind("\x1b[?1049l");
    assert!(
        entered.is_some() && left > entered,
        "the opening was shown, then left"
    );
}

#[test]
fn dumb_terminal_is_refused_with_a_pointer_to_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 80, 24, dir.path(), &[("TERM", "dumb")]);
    s.wait_text("export --format markdown");
    assert_eq!(s.wait_exit(), 2, "no terminal to read on is a usage error");
}

#[test]
fn reading_position_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    s.wait_text(TITLE);
    s.send("]");
    s.send("j");
    let screen = s.wait_for("moved to the second subsection", |sc| {
        sc.contains("§1. (2)")
    });
    let status = screen.lines().last().unwrap().to_string();
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let s2 = Session::start(&[], 100, 30, dir.path(), &[]);
    let again = s2.wait_text("§1. (2)");
    let status2 = again.lines().last().unwrap().to_string();
    assert_eq!(
        status.split_whitespace().take(2).collect::<Vec<_>>(),
        status2.split_whitespace().take(2).collect::<Vec<_>>()
    );
}

#[test]
fn follow_an_entity_to_its_view_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    s.wait_text(TITLE);
    // Section 2, subsection (2) 2): the passage about Mayor Bo's plan.
    s.send("]]]");
    s.wait_text("§2. (2) 1)");
    s.send("]");
    let before = s.wait_text("§2. (2) 2)");
    let status = before.lines().last().unwrap().to_string();
    s.send("\r");
    s.wait_text("Follow");
    s.send("\r");
    s.wait_text("Northeast China · place");
    s.wait_text("Mentions");
    // Go to a mention, then back with Ctrl-O.
    s.send("G\r");
    s.wait_for("entity view closed", |sc| !sc.contains("· place"));
    s.send("\x0f");
    let back = s.wait_for("back at the passage", |sc| {
        sc.lines().last() == Some(status.as_str())
    });
    assert!(back.contains("Mayor Bo"), "{back}");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_note_survives_quitting_and_starting_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    s.wait_text(TITLE);
    s.send("a");
    s.wait_text("New note on p1-1.1");
    s.send("remember the purpose");
    s.send("\t");
    s.send("purpose");
    s.wait_text("purpose");
    s.send("\x13"); // Ctrl-S
    s.wait_text("Saved");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);

    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    s.wait_text(TITLE);
    s.send("m");
    let list = s.wait_text("Notes (1 shown)");
    assert!(list.contains("#purpose remember the purpose"), "{list}");
    s.send("\x1b");
    s.wait_for("notes list closed", |sc| !sc.contains("Notes (1 shown)"));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn hang_up_while_editing_keeps_a_draft_that_is_offered_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    s.wait_text(TITLE);
    s.send("j");
    s.wait_text("2/");
    s.send("a");
    s.wait_text("New note on p1-1.2");
    s.send("half-written thought");
    s.wait_text("half-written thought");
    let pid = s.pid().expect("child pid") as i32;
    // SIGHUP, as an SSH disconnect sends.
    assert_eq!(unsafe { libc_kill(pid, 1) }, 0);
    let code = s.wait_exit();
    assert_eq!(code, 128 + 1, "exits as hung up");

    // The reader starts as usual and says a draft waits; it opens on `r`.
    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    let screen = s.wait_text("a draft is waiting");
    assert!(!screen.contains("New note on"), "{screen}");
    s.send("r");
    let screen = s.wait_text("note on p1-1.2");
    assert!(screen.contains("half-written thought"), "{screen}");
}

extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, sig: i32) -> i32;
}
