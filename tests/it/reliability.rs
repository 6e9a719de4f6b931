//! Fault injection for the promises of README's "Reliability": each test
//! names the case it holds (damaged notes files, odd shapes, drafts, exact
//! text, guarded atomic writes, symbolic links, read-only folders, bounded
//! anchoring and reads, conflicting edits, lock waits).

use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use casebook::notes::{
    load_drafts, load_editor_drafts, save_draft, save_editor_draft, Access, Anchor, Autosave,
    Draft, Note, NoteSet, NoteStore, Notebook, StoreError, Target, CONFLICT_TAG,
};

use crate::support::notes::{base, P2};
use crate::support::reliability::{run_bounded, text, Case, Tmpfs};

fn note(text: &str) -> Note {
    let d = base();
    Note::new(Target::whole(&d.passages[1]), text, vec!["t".into()])
}

fn texts(set: &NoteSet) -> Vec<String> {
    let mut t: Vec<String> = set.notes().iter().map(|n| n.text.clone()).collect();
    t.sort();
    t
}

fn store(dir: &Path) -> NoteStore {
    NoteStore::new(dir, "demo").unwrap()
}

fn saved(dir: &Path, notes: &[&str]) -> NoteStore {
    let s = store(dir);
    let mut set = NoteSet::new();
    for n in notes {
        set.upsert(note(n));
    }
    s.commit(&mut set).unwrap();
    s
}

// 2. A damaged notes file: salvaged notes are saved at once, the file kept
// aside is reported on every load until it is recovered.

#[test]
fn damage_2_one_wrong_field_keeps_the_rest_saved_and_reported_until_recovered() {
    let case = Case::new();
    let s = saved(&case.data(), &["good one", "good two"]);
    let good = fs::read_to_string(s.path()).unwrap();
    let damaged = good.replacen("\"created\": \"", "\"created\": 12345, \"x\": \"", 1);
    fs::write(s.path(), &damaged).unwrap();

    // A read-only command: fails (scripts notice), but the readable note is saved.
    let out = case.run(&["notes", "list"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("kept aside"),
        "{}",
        text(&out.stderr)
    );
    let on_disk = store(&case.data()).load().unwrap();
    assert_eq!(on_disk.set.len(), 1, "{:?}", on_disk.diagnostics);
    assert_eq!(on_disk.kept_aside.len(), 1);

    // Every later run still says so, and lists the note that was saved.
    let out = case.run(&["notes", "list"]);
    assert!(out.status.success());
    assert!(
        text(&out.stderr).contains("notes recover"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(text(&out.stdout).lines().count(), 1);

    let aside = on_disk.kept_aside[0].clone();
    let out = case.run(&["notes", "recover"]);
    assert!(text(&out.stdout).contains(&*aside.to_string_lossy()));
    let out = case.run(&["notes", "recover", "--merge", aside.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!aside.exists());
    let after = store(&case.data()).load().unwrap();
    assert!(after.kept_aside.is_empty());
    assert!(after.diagnostics.is_empty(), "{:?}", after.diagnostics);
    assert_eq!(after.set.len(), 1);
}

#[test]
fn damage_2_a_truncated_file_gives_back_every_complete_note() {
    let dir = tempfile::tempdir().unwrap();
    let s = saved(dir.path(), &["n1", "n2", "n3", "n4"]);
    let full = fs::read(s.path()).unwrap();
    // Cut inside the fourth annotation, as a crash mid-write would.
    let cut = full.len() * 85 / 100;
    fs::write(s.path(), &full[..cut]).unwrap();
    let loaded = store(dir.path()).load().unwrap();
    assert!(loaded.diagnostics.iter().any(|d| d.is_error()));
    assert_eq!(texts(&loaded.set), ["n1", "n2", "n3"]);
    // Saved at once: the next load finds them without the damaged file.
    let again = store(dir.path()).load().unwrap();
    assert_eq!(texts(&again.set), ["n1", "n2", "n3"]);
    assert_eq!(again.kept_aside.len(), 1);
    assert_eq!(fs::read(&again.kept_aside[0]).unwrap(), &full[..cut]);
}

#[test]
fn damage_2_a_bom_is_skipped_and_an_empty_file_is_damage() {
    let dir = tempfile::tempdir().unwrap();
    let s = saved(dir.path(), &["kept"]);
    let mut with_bom = "\u{feff}".as_bytes().to_vec();
    with_bom.extend(fs::read(s.path()).unwrap());
    fs::write(s.path(), with_bom).unwrap();
    let loaded = store(dir.path()).load().unwrap();
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(texts(&loaded.set), ["kept"]);

    fs::write(s.path(), "").unwrap();
    let loaded = store(dir.path()).load().unwrap();
    let err = loaded.diagnostics.iter().find(|d| d.is_error()).unwrap();
    assert!(err.message.contains("empty"), "{err}");
    assert_eq!(loaded.kept_aside.len(), 1);
}

// 3. Valid JSON in an unexpected shape is damage, not emptiness.

#[test]
fn shapes_3_items_that_are_not_a_list_are_damage_and_kept() {
    for shape in [
        r#"{"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": {"id": "x"}}}"#,
        r#"{"type": "AnnotationCollection", "items": 5}"#,
        r#"{"items": [{"id": "n"}]}"#,
        r#"{"type": "AnnotationCollection", "first": 7}"#,
    ] {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        fs::create_dir_all(dir.path().join("notes")).unwrap();
        fs::write(s.path(), shape).unwrap();
        let loaded = s.load().unwrap();
        assert!(
            loaded.diagnostics.iter().any(|d| d.is_error()),
            "{shape}: {:?}",
            loaded.diagnostics
        );
        assert_eq!(loaded.kept_aside.len(), 1, "{shape}");
        assert_eq!(fs::read_to_string(&loaded.kept_aside[0]).unwrap(), shape);
    }
}

#[test]
fn shapes_3_a_linked_next_page_is_reported_on_import() {
    let case = Case::new();
    let file = case.root.path().join("page.json");
    fs::write(
        &file,
        r#"{"type": "AnnotationPage", "next": "https://example.org/page2",
            "items": [{"id": "n1", "bodyValue": "x",
              "target": {"selector": {"type": "TextQuoteSelector", "exact": "spin-off"}}}]}"#,
    )
    .unwrap();
    let out = case.run(&["notes", "import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("warning") && err.contains("page2"), "{err}");
}

// 4. Drafts are named by a random token, not the process id.

#[test]
fn drafts_4_two_notes_in_one_process_keep_two_drafts_not_named_by_pid() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (note("draft a"), note("draft b"));
    let draft = |n: &Note| Draft {
        note: n.clone(),
        is_new: true,
        saved: jiff::Timestamp::now(),
    };
    let pa = save_draft(dir.path(), "demo", &draft(&a)).unwrap();
    let pb = save_draft(dir.path(), "demo", &draft(&b)).unwrap();
    assert_ne!(pa, pb);
    let pid = std::process::id().to_string();
    for p in [&pa, &pb] {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        assert!(!name.contains(&format!(".{pid}.")), "{name}");
    }
    assert_eq!(load_drafts(dir.path(), "demo").0.len(), 2);
}

// 5. One draft per note; the older of two is removed; the quote field kept.

#[test]
fn drafts_5_one_draft_per_note_newest_kept_quote_field_kept() {
    let dir = tempfile::tempdir().unwrap();
    let n = note("first words");
    let mut d = Draft {
        note: n.clone(),
        is_new: false,
        saved: jiff::Timestamp::now(),
    };
    let p1 =
        save_editor_draft(dir.path(), "demo", &d, Some("a quote not yet in the text")).unwrap();
    d.note.text = "more words".into();
    d.saved = jiff::Timestamp::now();
    let p2 = save_editor_draft(dir.path(), "demo", &d, Some("typed quote")).unwrap();
    assert_eq!(p1, p2, "the note's draft is replaced, not copied");
    assert_eq!(fs::read_dir(dir.path().join("drafts")).unwrap().count(), 1);

    // Two drafts of one note (two crashes of older versions): newest kept.
    let older = dir.path().join("drafts/demo.0123abcd.json");
    let mut old = d.clone();
    old.note.text = "stale".into();
    old.saved = d.saved - jiff::SignedDuration::from_secs(60);
    let elsewhere = tempfile::tempdir().unwrap();
    let stale = save_draft(elsewhere.path(), "demo", &old).unwrap();
    fs::copy(stale, &older).unwrap();
    let (drafts, diags) = load_editor_drafts(dir.path(), "demo");
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].draft.note.text, "more words");
    assert_eq!(drafts[0].quote_field.as_deref(), Some("typed quote"));
    assert!(!older.exists(), "the older draft is removed");
    // Discarding it leaves nothing to come back.
    casebook::notes::clear_draft(&drafts[0].path).unwrap();
    assert!(load_drafts(dir.path(), "demo").0.is_empty());

    // A draft with an empty quote loads too.
    let mut empty = d.clone();
    empty.note.target.quote.exact.clear();
    save_draft(dir.path(), "demo", &empty).unwrap();
    let (drafts, diags) = load_drafts(dir.path(), "demo");
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(drafts[0].draft.note.target.quote.exact, "");
}

#[test]
fn drafts_5_autosave_writes_when_due_and_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut auto = Autosave::new(dir.path(), "demo", Duration::from_secs(3));
    let n = note("typing");
    let d = Draft {
        note: n,
        is_new: true,
        saved: jiff::Timestamp::now(),
    };
    let t0 = Instant::now();
    let make = || (d.clone(), Some("q".to_string()));
    assert!(auto.tick(t0, make).unwrap().is_some());
    assert!(auto
        .tick(t0 + Duration::from_secs(1), make)
        .unwrap()
        .is_none());
    assert!(
        auto.tick(t0 + Duration::from_secs(4), make)
            .unwrap()
            .is_none(),
        "unchanged"
    );
    let mut changed = d.clone();
    changed.note.text.push_str(" more");
    let path = auto
        .tick(t0 + Duration::from_secs(8), || (changed.clone(), None))
        .unwrap()
        .unwrap();
    assert_eq!(
        load_drafts(dir.path(), "demo").0[0].draft.note.text,
        "typing more"
    );
    auto.clear().unwrap();
    assert!(!path.exists());
}

// 6. The stored text never changes unless the user edited it.

#[test]
fn text_6_tabs_crlf_controls_and_trailing_blanks_survive_store_draft_and_export() {
    let exact = "col1\tcol2\r\nbell\u{7} esc\u{1b}[31m  \n\n  ";
    let case = Case::new();
    let doc =
        casebook::corpus::parse_paper(Path::new("paper.md"), crate::support::reliability::PAPER).0;
    let n = Note::new(Target::whole(&doc.passages[1]), exact, vec![]);
    let s = store(&case.data());
    let mut set = NoteSet::new();
    set.upsert(n.clone());
    s.commit(&mut set).unwrap();
    assert_eq!(s.load().unwrap().set.get(&n.id).unwrap().text, exact);

    let d = Draft {
        note: n.clone(),
        is_new: true,
        saved: jiff::Timestamp::now(),
    };
    save_draft(&case.data(), "demo", &d).unwrap();
    assert_eq!(
        load_drafts(&case.data(), "demo").0[0].draft.note.text,
        exact
    );

    for format in ["markdown", "json"] {
        let file = case.root.path().join(format!("out.{format}"));
        let out = case.run(&[
            "notes",
            "export",
            "--format",
            format,
            "--out",
            file.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let written = fs::read_to_string(&file).unwrap();
        let found = if format == "json" {
            let v: serde_json::Value = serde_json::from_str(&written).unwrap();
            v["first"]["items"][0]["body"][0]["value"]
                .as_str()
                .unwrap()
                .to_string()
        } else {
            written
        };
        assert!(found.contains(exact), "{format}: {found:?}");
    }
}

// 7. Writes outside the notes store: guarded and atomic.

#[test]
fn writes_7_import_refuses_to_replace_a_paper_without_force_then_keeps_a_backup() {
    let case = Case::new();
    let note_file = case.root.path().join("n.json");
    fs::write(
        &note_file,
        r#"[{"id": "n1", "bodyValue": "about DHC",
            "target": {"source": "casebook:demo#p2.1",
              "selector": {"type": "TextQuoteSelector", "exact": "as a spin-off"}}}]"#,
    )
    .unwrap();
    assert!(case
        .run(&["notes", "import", note_file.to_str().unwrap()])
        .status
        .success());
    let hand_edited = fs::read_to_string(case.case().join("paper.md")).unwrap();
    let src = case.root.path().join("new.txt");
    fs::write(
        &src,
        "1. Harbours\n\nThe port of Dalian grew quickly in the 1990s.\n",
    )
    .unwrap();

    let out = case.run(&[
        "import",
        src.to_str().unwrap(),
        "--out",
        case.case().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("--force"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        fs::read_to_string(case.case().join("paper.md")).unwrap(),
        hand_edited
    );

    let out = case.run(&[
        "import",
        src.to_str().unwrap(),
        "--out",
        case.case().to_str().unwrap(),
        "--force",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert_eq!(
        fs::read_to_string(case.case().join("paper.md.bak")).unwrap(),
        hand_edited
    );
    assert!(err.contains("note n1: anchored -> orphaned"), "{err}");
    assert!(err.contains("meta.toml: kept the existing file"), "{err}");
}

#[test]
fn writes_7_a_full_disk_leaves_the_previous_file_whole() {
    let Some(fs_) = Tmpfs::mount("256k") else {
        return;
    };
    let old = fs_.path().join("export.md");
    fs::write(&old, "previous export\n").unwrap();
    let positions = casebook::positions::Positions::new(fs_.path());
    positions.save("demo", "p1.1".into()).unwrap();
    fs_.fill(2048);
    let big = vec![b'x'; 64 * 1024];
    let err = casebook::durable::write_atomic(&old, &big, None).unwrap_err();
    assert!(matches!(err.raw_os_error(), Some(28)), "ENOSPC: {err}");
    assert_eq!(fs::read_to_string(&old).unwrap(), "previous export\n");
    let streamed = casebook::durable::write_atomic_with(&old, None, |w| {
        for _ in 0..64 {
            w.write_all(&[b'y'; 1024])?;
        }
        Ok(())
    });
    assert!(streamed.is_err());
    assert_eq!(fs::read_to_string(&old).unwrap(), "previous export\n");
    let long_key = "k".repeat(64 * 1024);
    assert!(positions.save("demo", long_key).is_err());
    assert_eq!(positions.saved("demo").as_deref(), Some("p1.1"));
    let names: Vec<String> = fs::read_dir(fs_.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".tmp-")), "{names:?}");
}

#[test]
fn writes_7_notes_export_on_a_full_disk_keeps_the_previous_export() {
    let Some(fs_) = Tmpfs::mount("256k") else {
        return;
    };
    let case = Case::new();
    let s = store(&case.data());
    let mut set = NoteSet::new();
    set.upsert(note(&"long note ".repeat(4000)));
    s.commit(&mut set).unwrap();
    let out_file = fs_.path().join("notes.md");
    fs::write(&out_file, "previous\n").unwrap();
    fs_.fill(4096);
    let out = case.run(&["notes", "export", "--out", out_file.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("notes.md"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fs::read_to_string(&out_file).unwrap(), "previous\n");
}

// 8. Symbolic links are followed; a loop is an error.

#[test]
fn links_8_a_symlinked_notes_file_stays_a_link_and_a_loop_fails() {
    let case = Case::new();
    let synced = case.root.path().join("sync");
    fs::create_dir_all(&synced).unwrap();
    fs::create_dir_all(case.data().join("notes")).unwrap();
    std::os::unix::fs::symlink(synced.join("demo.json"), case.notes_file()).unwrap();
    let s = saved(&case.data(), &["one"]);
    let mut set = s.load().unwrap().set;
    set.upsert(note("two"));
    s.commit(&mut set).unwrap();
    assert!(fs::symlink_metadata(case.notes_file())
        .unwrap()
        .file_type()
        .is_symlink());
    let real = fs::read_to_string(synced.join("demo.json")).unwrap();
    assert!(real.contains("\"two\""));

    fs::remove_file(case.notes_file()).unwrap();
    let other = case.data().join("notes/loop.json");
    std::os::unix::fs::symlink(&other, case.notes_file()).unwrap();
    std::os::unix::fs::symlink(case.notes_file(), &other).unwrap();
    let out = case.run(&["notes", "list"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("symbolic links"),
        "{}",
        text(&out.stderr)
    );
}

// 9. A read-only data folder gives a read-only session.

#[test]
fn readonly_9_reading_works_saving_says_why_not() {
    let Some(fs_) = Tmpfs::mount("1m") else {
        return;
    };
    let data = fs_.path();
    saved(data, &["readable"]);
    fs_.remount_read_only();
    let s = store(data);
    let loaded = s.load().unwrap();
    assert_eq!(loaded.access, Access::ReadOnly);
    assert_eq!(texts(&loaded.set), ["readable"]);
    let mut set = loaded.set;
    assert!(matches!(s.commit(&mut set), Err(StoreError::ReadOnly(_))));

    let case = Case::new();
    let out = run_bounded(
        std::process::Command::new(env!("CARGO_BIN_EXE_casebook"))
            .arg("--corpus")
            .arg(case.case())
            .arg("--data-dir")
            .arg(data)
            .args(["notes", "list"]),
        Duration::from_secs(20),
    )
    .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("read-only"));
    assert!(text(&out.stdout).contains("readable"));
}

// 10. Anchoring time does not grow with the square of the recorded context.

/// Only the context nearest the quote counts: pages of recorded prefix cost
/// no more than a line (`cargo bench --bench anchor` times both) and do not
/// drown the words that place the note.
#[test]
fn anchoring_10_a_ten_thousand_character_prefix_places_the_note_by_its_nearest_words() {
    let doc = base();
    let mut set = NoteSet::new();
    // "Dalian" opens P1 and follows "a spin-off of the" in P2.
    let mut n = Note::new(Target::whole(&doc.passages[1]), "long context", vec![]);
    n.target.passage = None;
    n.target.position = None;
    n.target.quote.exact = "Dalian".into();
    n.target.quote.prefix = "unrelated words ".repeat(625) + "as a spin-off of the ";
    n.target.quote.suffix = " Information Center, and it grew".into();
    assert_eq!(n.target.quote.prefix.chars().count(), 10_021);
    set.upsert(n.clone());
    let book = Notebook::new(set, &doc);
    let (_, anchor) = book.get(&n.id).unwrap();
    let at = P2.find("Dalian").unwrap();
    assert_eq!(
        anchor,
        &Anchor::Anchored {
            passage: 1,
            span: at..at + "Dalian".len(),
        }
    );
}

// 11. Bounded reads: FIFOs, devices and loops are refused, nothing hangs.

#[test]
fn reads_11_a_fifo_or_device_as_paper_or_notes_file_is_refused_not_waited_on() {
    let case = Case::new();
    let paper = case.case().join("paper.md");
    fs::remove_file(&paper).unwrap();
    let mkfifo = |p: &Path| {
        assert!(std::process::Command::new("mkfifo")
            .arg(p)
            .status()
            .unwrap()
            .success())
    };
    mkfifo(&paper);
    for args in [&["export"][..], &["check"][..], &["notes", "list"][..]] {
        let out = case.run(args);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            text(&out.stderr).contains("FIFO"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    fs::remove_file(&paper).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &paper).unwrap();
    let out = case.run(&["export"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("device"),
        "{}",
        text(&out.stderr)
    );

    fs::remove_file(&paper).unwrap();
    fs::write(&paper, crate::support::reliability::PAPER).unwrap();
    fs::create_dir_all(case.data().join("notes")).unwrap();
    mkfifo(&case.notes_file());
    let out = case.run(&["notes", "list"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("FIFO"), "{}", text(&out.stderr));
}

// 12. Conflicting edits of one note keep both versions.

#[test]
fn conflicts_12_two_sessions_editing_one_note_keep_both() {
    let dir = tempfile::tempdir().unwrap();
    let first = saved(dir.path(), &["original"]);
    let id = first.load().unwrap().set.notes()[0].id.clone();
    let (a, b) = (store(dir.path()), store(dir.path()));
    let mut sa = a.load().unwrap().set;
    let mut sb = b.load().unwrap().set;
    let edit = |set: &mut NoteSet, text: &str| {
        let mut n = set.get(&id).unwrap().clone();
        n.text = text.into();
        n.touch();
        set.upsert(n);
    };
    edit(&mut sa, "edited in A");
    edit(&mut sb, "edited in B");
    assert!(a.commit_report(&mut sa).unwrap().conflicts.is_empty());
    let report = b.commit_report(&mut sb).unwrap();
    assert_eq!(report.conflicts.len(), 1);
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.message.contains("conflict")));
    let c = &report.conflicts[0];
    assert!(c.mine_kept, "B's edit is the later one");
    let all = store(dir.path()).load().unwrap().set;
    assert_eq!(texts(&all), ["edited in A", "edited in B"]);
    assert_eq!(all.get(&c.id).unwrap().text, "edited in B");
    let copy = all.get(&c.copy_id).unwrap();
    assert_eq!(copy.text, "edited in A");
    assert!(copy.has_tag(CONFLICT_TAG));
    // A later save of B does not make another copy.
    assert!(b.commit_report(&mut sb).unwrap().conflicts.is_empty());
}

// 13. Lock waits follow the holder's progress, and say who holds it.

const HOLDER_DIR: &str = "CASEBOOK_LOCK_HOLDER_DIR";
const HOLDER_MODE: &str = "CASEBOOK_LOCK_HOLDER_MODE";

/// Run as a child by the lock tests: holds the notes lock for 1.5 s, either
/// writing a growing temporary file (a save in progress) or doing nothing.
#[test]
fn lock_holder_child() {
    let Ok(dir) = std::env::var(HOLDER_DIR) else {
        return;
    };
    let dir = Path::new(&dir).join("notes");
    fs::create_dir_all(&dir).unwrap();
    let lock = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join("demo.lock"))
        .unwrap();
    lock.lock().unwrap();
    lock.set_len(0).unwrap();
    writeln!(&lock, "pid {} on test since now", std::process::id()).unwrap();
    fs::write(dir.join("ready"), "").unwrap();
    let working = std::env::var(HOLDER_MODE).as_deref() == Ok("working");
    let mut tmp = fs::File::create(dir.join(".demo.json.tmp-child-0")).unwrap();
    for _ in 0..15 {
        std::thread::sleep(Duration::from_millis(100));
        if working {
            tmp.write_all(&[b' '; 4096]).unwrap();
        }
    }
    fs::remove_file(dir.join(".demo.json.tmp-child-0")).unwrap();
    lock.unlock().unwrap();
}

fn hold_lock(dir: &Path, mode: &str) -> std::process::Child {
    let child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "reliability::lock_holder_child",
            "--test-threads=1",
        ])
        .env(HOLDER_DIR, dir)
        .env(HOLDER_MODE, mode)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let ready = dir.join("notes/ready");
    let start = Instant::now();
    while !ready.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "holder did not start"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    child
}

#[test]
fn locks_13_a_working_holder_is_waited_for_a_stuck_one_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = hold_lock(dir.path(), "working");
    let s = store(dir.path()).with_lock_wait(Duration::from_millis(400));
    let start = Instant::now();
    let mut set = NoteSet::new();
    set.upsert(note("after the holder"));
    s.commit(&mut set).unwrap();
    assert!(
        start.elapsed() > Duration::from_millis(700),
        "it waited past the base wait"
    );
    assert!(child.wait().unwrap().success());

    let dir = tempfile::tempdir().unwrap();
    let mut child = hold_lock(dir.path(), "stuck");
    let s = store(dir.path()).with_lock_wait(Duration::from_millis(300));
    let err = s.commit(&mut NoteSet::new()).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, StoreError::Busy { .. }), "{msg}");
    assert!(msg.contains(&format!("pid {}", child.id())), "{msg}");
    assert!(child.wait().unwrap().success());
}

/// The reader's storage: a note is in a draft from the moment it is saved
/// in the editor until a commit took it, also when the commit fails.
#[test]
fn drafts_4_an_unsaved_note_stays_in_a_draft_until_a_save_succeeds() {
    use casebook::app::state::{App, UiOptions};
    use casebook::app::update::update;
    use casebook::app::{Effect, Msg};
    use casebook::keymap::Action;
    use casebook::storage::Storage;

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_path_buf();
    let study = casebook::study::Study::from_parts(
        casebook::model::Meta {
            id: "demo".into(),
            title: "Demo".into(),
            authors: vec![],
            year: None,
            series: None,
            source: None,
        },
        base(),
    );
    let notes = store(&data).with_lock_wait(Duration::from_millis(50));
    let mut storage = Storage::new(Some(notes), Some((data.clone(), "demo".into())), &[]);
    let mut app = App::new(&study, UiOptions::default());
    update(
        &mut app,
        Msg::Resize(ratatui::layout::Rect::new(0, 0, 80, 24)),
    );
    let drafts = || load_drafts(&data, "demo").0;
    // Settles every effect and message, waiting for saves.
    let mut run = |app: &mut App, first: Option<Effect>| {
        let mut effect = first;
        while let Some(e) = effect.take() {
            let mut msg = storage.perform(app, &e);
            if msg.is_none() && e == Effect::SaveNotes {
                msg = storage.wait();
            }
            effect = msg.and_then(|m| update(app, m));
        }
    };

    // Another process holds the lock: the save fails, the draft stays.
    fs::create_dir_all(data.join("notes")).unwrap();
    let lock = fs::File::create(data.join("notes/demo.lock")).unwrap();
    lock.lock().unwrap();
    update(&mut app, Action::Annotate);
    for c in "kept".chars() {
        update(
            &mut app,
            Msg::Key(crossterm::event::KeyEvent::from(
                crossterm::event::KeyCode::Char(c),
            )),
        );
    }
    let save = update(&mut app, Action::Save);
    run(&mut app, save);
    assert!(app.message.as_deref().unwrap().contains("NOT saved"));
    let kept = drafts();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].draft.note.text, "kept");

    // Once the lock is free, saving again commits it and the draft goes.
    drop(lock);
    let save = update(&mut app, Action::Save);
    run(&mut app, save);
    assert_eq!(app.message.as_deref(), Some("Saved"));
    assert!(app.unsaved.is_empty());
    assert!(drafts().is_empty());
    assert_eq!(texts(&store(&data).load().unwrap().set), ["kept"]);
}
