//! The promises of README's "Reliability" that live in the reader, held end
//! to end: the built binary in a pseudo-terminal, keys as a user types them,
//! files as it leaves them. Each test names the case it holds.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use casebook::corpus::Source;
use casebook::notes::{Note, NoteSet, NoteStore, Target};
use casebook::study::Study;

use crate::support::pty::Session;

const TITLE: &str = "The Formation of the Software";

fn drafts(data: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(data.join("drafts"))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// Waits for `cond` on the file system, with the pty tests' deadline.
fn wait_until(what: &str, cond: impl Fn() -> bool) {
    let start = Instant::now();
    while !cond() {
        assert!(
            start.elapsed() < crate::support::pty::DEADLINE,
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The status line: the screen's last line.
fn status(screen: &str) -> String {
    screen.lines().last().unwrap_or("").to_string()
}

fn kill(pid: u32, signal: i32) {
    extern "C" {
        fn kill(pid: i32, sig: i32) -> i32;
    }
    assert_eq!(unsafe { kill(pid as i32, signal) }, 0, "kill {pid}");
}

const SIGKILL: i32 = 9;

/// Opens the editor on the second passage and types `text`.
fn write_note(s: &mut Session, text: &str) {
    s.wait_text(TITLE);
    s.send("j");
    s.wait_for("the second passage", |sc| status(sc).contains(" 2/"));
    s.send("a");
    s.wait_text("New note on p1-1.2");
    s.send(text);
    s.wait_text(text);
}

// 1. A failed save keeps the note: the reader stays responsive while the
// save waits, says it failed, marks the note unsaved, asks on quit, and a
// draft kept on quit is waiting at the next start.

#[test]
fn case_1_a_failed_save_keeps_the_note_asks_on_quit_and_leaves_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    s.wait_for("the whole paper", |sc| {
        sc.contains(TITLE) && !status(sc).contains("loading")
    });
    // Another process takes the notes lock and keeps it beyond the wait.
    let lock_path = data.join("notes/dalian.lock");
    wait_until("the lock file", || lock_path.exists());
    let lock = fs::File::open(&lock_path).unwrap();
    lock.lock().unwrap();
    write_note(&mut s, "kept through a failed save");
    s.send("\x13");
    s.wait_for("saving", |sc| status(sc).contains("saving 1 note"));
    // The save waits on another thread: keys still move the reader.
    s.send("j");
    s.wait_for("a move during the save", |sc| {
        let line = status(sc);
        line.contains(" 3/") && line.contains("saving 1 note")
    });
    let screen = s.wait_text("NOT saved");
    assert!(screen.contains("dalian.lock"), "{screen}");
    s.send("m");
    s.wait_for("the note marked unsaved", |sc| {
        sc.contains("1 unsaved") && sc.contains("[unsaved]")
    });
    s.send("\x1b");
    s.wait_for("the list closed", |sc| !sc.contains("unsaved)"));
    s.send("q");
    let screen = s.wait_text("1 note is not saved. Quit?");
    assert!(screen.contains("keep as drafts"), "{screen}");
    s.send("k");
    assert_eq!(s.wait_exit(), 0, "{}", s.screen());
    assert_eq!(drafts(&data).len(), 1, "the note is in a draft");
    drop(lock);

    // The next start says a draft waits; it opens on request and saves.
    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    s.wait_text("a draft is waiting");
    s.send("r");
    let screen = s.wait_text("note on p1-1.2");
    assert!(screen.contains("kept through a failed save"), "{screen}");
    s.send("\x13");
    s.wait_for("saved", |sc| status(sc).contains("Saved"));
    s.send("q");
    assert_eq!(s.wait_exit(), 0, "quits without asking: {}", s.screen());
    let notes = fs::read_to_string(data.join("notes/dalian.json")).unwrap();
    assert!(notes.contains("kept through a failed save"));
    assert!(drafts(&data).is_empty(), "{:?}", drafts(&data));
}

// 2. A damaged notes file is reported at start, and stays reported while
// the file is kept aside; the notes that could be read are there.

#[test]
fn case_2_a_damaged_notes_file_is_reported_and_its_readable_notes_shown() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let study = Study::open(&Source::Bundled).unwrap();
    let store = NoteStore::new(&data, &study.meta.id).unwrap();
    let mut set = NoteSet::new();
    for (i, text) in ["salvaged note", "damaged note"].iter().enumerate() {
        let target = Target::whole(&study.doc.passages[i + 1]);
        set.upsert(Note::new(target, *text, vec![]));
    }
    store.commit(&mut set).unwrap();
    let good = fs::read_to_string(store.path()).unwrap();
    // One wrong field in the second note.
    let at = good.find("damaged note").unwrap();
    let created = at + good[at..].find("\"created\": \"").unwrap();
    let damaged = format!(
        "{}\"created\": 12345, \"x\": \"{}",
        &good[..created],
        &good[created + "\"created\": \"".len()..]
    );
    fs::write(store.path(), damaged).unwrap();

    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    s.wait_for("the damage reported", |sc| {
        status(sc).contains("damaged notes file kept aside")
    });
    // It stays said while the file is kept aside.
    s.send("j");
    s.wait_for("the notice after a key", |sc| {
        let line = status(sc);
        line.contains(" 2/") && line.contains("damaged notes file kept aside")
    });
    s.send("m");
    let screen = s.wait_text("Notes (1 shown)");
    assert!(screen.contains("salvaged note"), "{screen}");
    s.send("\x1b");
    s.wait_for("the list closed", |sc| !sc.contains("Notes ("));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

// 4. Two sessions sharing one data folder from separate pid namespaces
// (containers on one volume) keep one draft each.

fn unshare_works() -> Result<(), String> {
    let out = std::process::Command::new("unshare")
        .args(["--user", "--map-root-user", "--pid", "--fork", "true"])
        .output()
        .map_err(|e| format!("cannot run unshare: {e}"))?;
    match out.status.success() {
        true => Ok(()),
        false => Err(String::from_utf8_lossy(&out.stderr).trim().to_string()),
    }
}

#[test]
fn case_4_sessions_in_separate_pid_namespaces_keep_their_own_drafts() {
    if let Err(why) = unshare_works() {
        println!("skipped: this machine does not allow pid namespaces: {why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let wrapper = [
        "unshare",
        "--user",
        "--map-root-user",
        "--pid",
        "--fork",
        "--kill-child",
    ];
    let mut first = Session::start_wrapped(&wrapper, &[], 100, 30, dir.path(), &[]);
    let mut second = Session::start_wrapped(&wrapper, &[], 100, 30, dir.path(), &[]);
    write_note(&mut first, "written in the first container");
    write_note(&mut second, "written in the second container");
    // Both autosave; each casebook is pid 1 of its namespace.
    wait_until("two drafts", || drafts(&data).len() == 2);
    for s in [&mut first, &mut second] {
        kill(s.pid().unwrap(), SIGKILL);
        s.wait_exit();
    }
    let texts: Vec<String> = drafts(&data)
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    assert!(texts.iter().any(|t| t.contains("first container")));
    assert!(texts.iter().any(|t| t.contains("second container")));
    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    s.wait_text("a draft is waiting (1 of 2)");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

// 5. After a crash while editing, the reader starts in the reader, says a
// draft waits, opens it on request; a second crash does not duplicate it.

#[test]
fn case_5_after_a_crash_the_draft_waits_opens_on_request_and_stays_one() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    write_note(&mut s, "typed before the crash");
    wait_until("the autosaved draft", || drafts(&data).len() == 1);
    kill(s.pid().unwrap(), SIGKILL);
    s.wait_exit();

    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    let screen = s.wait_text("a draft is waiting");
    assert!(
        !screen.contains("note on p1-1.2"),
        "not in the editor: {screen}"
    );
    // Keys go to the reader, not to an editor.
    s.send("j");
    s.wait_for("the reader moved", |sc| status(sc).contains(" 2/"));
    s.send("r");
    let screen = s.wait_text("note on p1-1.2");
    assert!(screen.contains("typed before the crash"), "{screen}");
    s.send(" and after");
    s.wait_text("and after");
    let draft = drafts(&data)[0].clone();
    wait_until("the draft updated", || {
        fs::read_to_string(&draft).is_ok_and(|t| t.contains("and after"))
    });
    kill(s.pid().unwrap(), SIGKILL);
    s.wait_exit();

    assert_eq!(drafts(&data), vec![draft], "one draft for the note");
    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    let screen = s.wait_text("a draft is waiting");
    assert!(!screen.contains("1 of 2"), "{screen}");
    // Discarding it removes it for good.
    s.send("r");
    s.wait_text("note on p1-1.2");
    s.send("\x1b");
    s.wait_text("Discard the changes");
    s.send("y");
    s.wait_for("the editor closed", |sc| !sc.contains("note on p1-1.2"));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(drafts(&data).is_empty(), "{:?}", drafts(&data));
}
