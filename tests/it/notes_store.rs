//! The notes file: two writers, interrupted saves, damaged files, drafts.

use crate::support::notes as notes_fixture;

use std::fs;
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use casebook::notes::durable::WriteStep;
use casebook::notes::{
    clear_draft, load_drafts, save_draft, Draft, Note, NoteSet, NoteStore, Target,
};
use notes_fixture::*;

fn note(text: &str) -> Note {
    let d = base();
    Note::new(Target::whole(&d.passages[0]), text, vec!["t".into()])
}

fn texts(set: &NoteSet) -> Vec<String> {
    let mut t: Vec<String> = set.notes().iter().map(|n| n.text.clone()).collect();
    t.sort();
    t
}

#[test]
fn notes_round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = NoteStore::new(dir.path(), "dalian").unwrap();
    let mut set = NoteSet::new();
    set.upsert(note("first"));
    assert!(store.commit(&mut set).unwrap().is_empty());
    assert!(store.path().ends_with("notes/dalian.json"));
    let loaded = store.load().unwrap();
    assert!(loaded.diagnostics.is_empty());
    assert_eq!(loaded.set, set);
}

#[test]
fn two_handles_in_threads_keep_every_note() {
    let dir = tempfile::tempdir().unwrap();
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let path = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let store = NoteStore::new(&path, "dalian").unwrap();
                // Each writer works from its own stale copy, as a second session would.
                let mut mine = NoteSet::new();
                for i in 0..10 {
                    mine.upsert(note(&format!("w{w}-{i}")));
                    store.commit(&mut mine).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let set = NoteStore::new(dir.path(), "dalian")
        .unwrap()
        .load()
        .unwrap()
        .set;
    assert_eq!(set.len(), 40);
}

#[test]
fn a_stale_session_does_not_undo_a_deletion_or_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let a = NoteStore::new(dir.path(), "dalian").unwrap();
    let b = NoteStore::new(dir.path(), "dalian").unwrap();
    let (n1, n2) = (note("one"), note("two"));
    let mut sa = NoteSet::new();
    sa.upsert(n1.clone());
    sa.upsert(n2.clone());
    a.commit(&mut sa).unwrap();
    let mut sb = b.load().unwrap().set; // session B opens now
    sa.delete(&n1.id, jiff::Timestamp::now());
    let mut edited = n2.clone();
    edited.text = "two, edited".into();
    edited.touch();
    sa.upsert(edited);
    a.commit(&mut sa).unwrap();
    sb.upsert(note("three")); // B saves from its stale copy
    b.commit(&mut sb).unwrap();
    assert_eq!(texts(&sb), ["three", "two, edited"]);
    assert_eq!(texts(&a.load().unwrap().set), ["three", "two, edited"]);
}

const CHILD_DIR: &str = "CASEBOOK_NOTES_CHILD_DIR";

/// Run as a child process by `two_processes_keep_every_note`; a no-op otherwise.
#[test]
fn child_writer() {
    let Ok(dir) = std::env::var(CHILD_DIR) else {
        return;
    };
    let who = std::process::id();
    let store = NoteStore::new(Path::new(&dir), "dalian").unwrap();
    let mut mine = NoteSet::new();
    for i in 0..15 {
        mine.upsert(note(&format!("p{who}-{i}")));
        store.commit(&mut mine).unwrap();
    }
}

#[test]
fn two_processes_keep_every_note() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..2)
        .map(|_| {
            std::process::Command::new(&exe)
                .args(["--exact", "notes_store::child_writer", "--test-threads=1"])
                .env(CHILD_DIR, dir.path())
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let set = NoteStore::new(dir.path(), "dalian")
        .unwrap()
        .load()
        .unwrap()
        .set;
    assert_eq!(set.len(), 30);
}

#[test]
fn a_save_interrupted_at_any_step_leaves_old_or_new() {
    for step in WriteStep::ALL {
        let dir = tempfile::tempdir().unwrap();
        let plain = NoteStore::new(dir.path(), "dalian").unwrap();
        let mut old = NoteSet::new();
        old.upsert(note("old"));
        plain.commit(&mut old).unwrap();
        let old_bytes = fs::read(plain.path()).unwrap();

        let armed = Arc::new(AtomicBool::new(true));
        let flag = armed.clone();
        let failing = NoteStore::new(dir.path(), "dalian")
            .unwrap()
            .with_fault_hook(Arc::new(move |s| {
                if s == step && flag.load(Ordering::SeqCst) {
                    Err(io::Error::other(format!("power cut before {s:?}")))
                } else {
                    Ok(())
                }
            }));
        let mut new = old.clone();
        new.upsert(note("new"));
        assert!(
            failing.commit(&mut new).is_err(),
            "{step:?} must report failure"
        );

        let on_disk = plain.load().unwrap();
        assert!(
            on_disk.diagnostics.is_empty(),
            "{step:?}: {:?}",
            on_disk.diagnostics
        );
        let t = texts(&on_disk.set);
        assert!(t == ["old"] || t == ["new", "old"], "{step:?}: {t:?}");
        if t == ["old"] {
            assert_eq!(fs::read(plain.path()).unwrap(), old_bytes, "{step:?}");
        }
        let leftovers = fs::read_dir(dir.path().join("notes")).unwrap().count();
        assert_eq!(
            leftovers, 2,
            "{step:?}: only the notes and lock files remain"
        );

        armed.store(false, Ordering::SeqCst);
        failing.commit(&mut new).unwrap();
        assert_eq!(texts(&plain.load().unwrap().set), ["new", "old"]);
    }
}

#[test]
fn a_crash_leftover_temp_file_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let store = NoteStore::new(dir.path(), "dalian").unwrap();
    let mut set = NoteSet::new();
    set.upsert(note("kept"));
    store.commit(&mut set).unwrap();
    let stale = dir.path().join("notes/.dalian.json.tmp-99-0");
    fs::write(&stale, "{\"half").unwrap();
    let loaded = store.load().unwrap();
    assert!(loaded.diagnostics.is_empty());
    assert_eq!(texts(&loaded.set), ["kept"]);
    let mut set = loaded.set;
    store.commit(&mut set).unwrap();
    assert!(!stale.exists(), "the next writer clears it");
}

fn damaged_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir.join("notes"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".damaged-"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_damaged_file_is_kept_aside_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = NoteStore::new(dir.path(), "dalian").unwrap();
    fs::create_dir_all(dir.path().join("notes")).unwrap();
    let garbage =
        "{\n  \"type\": \"AnnotationCollection\",\n  \"first\": {\"items\": [\n    {\"id\": 3,,}\n";
    fs::write(store.path(), garbage).unwrap();

    let loaded = store.load().unwrap();
    let err = loaded
        .diagnostics
        .iter()
        .find(|d| d.is_error())
        .expect("an error");
    assert_eq!((err.line, err.col), (4, 14), "{err}"); // the second comma
    assert!(err.path.to_string_lossy().contains(".damaged-"), "{err}");
    assert!(loaded
        .diagnostics
        .iter()
        .any(|d| d.message.contains("kept aside")));
    let aside = damaged_files(dir.path());
    assert_eq!(aside.len(), 1);
    let aside_path = dir.path().join("notes").join(&aside[0]);
    assert_eq!(fs::read_to_string(&aside_path).unwrap(), garbage);

    let mut set = loaded.set;
    set.upsert(note("after"));
    store.commit(&mut set).unwrap();
    assert_eq!(fs::read_to_string(&aside_path).unwrap(), garbage);
    assert_eq!(texts(&store.load().unwrap().set), ["after"]);
}

#[test]
fn a_file_with_one_bad_note_is_kept_aside_and_the_rest_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let store = NoteStore::new(dir.path(), "dalian").unwrap();
    let mut set = NoteSet::new();
    set.upsert(note("good"));
    store.commit(&mut set).unwrap();
    let text = fs::read_to_string(store.path()).unwrap();
    let broken = text.replacen(
        "\"items\": [",
        "\"items\": [\n{\"id\": \"bad\", \"target\": \"http://x\"},",
        1,
    );
    fs::write(store.path(), &broken).unwrap();

    let mut mine = NoteSet::new();
    let diags = store.commit(&mut mine).unwrap();
    let err = diags.iter().find(|d| d.is_error()).unwrap();
    assert!(
        err.message.contains("bad") && err.message.contains("TextQuoteSelector"),
        "{err}"
    );
    assert!(err.line > 0);
    assert_eq!(texts(&mine), ["good"]);
    let aside = damaged_files(dir.path());
    assert_eq!(
        fs::read_to_string(dir.path().join("notes").join(&aside[0])).unwrap(),
        broken
    );
}

#[test]
fn drafts_saved_from_another_thread_come_back_and_clear() {
    let dir = tempfile::tempdir().unwrap();
    let draft = Draft {
        note: note("half-written\nsecond line"),
        is_new: true,
        saved: jiff::Timestamp::now(),
    };
    let (path, d2) = (dir.path().to_path_buf(), draft.clone());
    let saved = std::thread::spawn(move || save_draft(&path, "dalian", &d2).unwrap())
        .join()
        .unwrap();
    let (drafts, diags) = load_drafts(dir.path(), "dalian");
    assert!(diags.is_empty());
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].draft, draft);
    assert_eq!(drafts[0].path, saved);
    assert!(load_drafts(dir.path(), "other").0.is_empty());
    clear_draft(&saved).unwrap();
    assert!(load_drafts(dir.path(), "dalian").0.is_empty());
    assert!(save_draft(dir.path(), "../evil", &draft).is_err());
}

#[test]
fn a_damaged_draft_is_reported_and_kept_aside() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("drafts")).unwrap();
    fs::write(dir.path().join("drafts/dalian.42.json"), "{\"note\": [}").unwrap();
    let (drafts, diags) = load_drafts(dir.path(), "dalian");
    assert!(drafts.is_empty());
    assert_eq!((diags[0].line, diags[0].col), (1, 11), "{}", diags[0]);
    assert!(diags[0].message.contains("kept aside"));
    assert!(!dir.path().join("drafts/dalian.42.json").exists());
}

#[test]
fn case_ids_cannot_escape_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["", "../x", "a/b", ".hidden"] {
        assert!(NoteStore::new(dir.path(), bad).is_err(), "{bad:?}");
    }
}

#[test]
fn a_stuck_lock_holder_gives_busy_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let store = NoteStore::new(dir.path(), "dalian")
        .unwrap()
        .with_lock_wait(std::time::Duration::from_millis(50));
    let mut set = NoteSet::new();
    set.upsert(note("a"));
    store.commit(&mut set).unwrap();
    let holder = fs::File::open(dir.path().join("notes/dalian.lock")).unwrap();
    holder.lock().unwrap();
    let err = store.commit(&mut set).unwrap_err();
    assert!(
        matches!(err, casebook::notes::StoreError::Busy { .. }),
        "{err}"
    );
    holder.unlock().unwrap();
    store.commit(&mut set).unwrap();
}
