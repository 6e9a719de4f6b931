//! Output into a pipe that its reader closes early (`casebook series | head`):
//! the command stops quietly and exits 0.

use crate::support::cli::{closed_early, command, run};

use std::path::Path;

/// Checks `args` both ways: the pipe closed after the first line, and
/// before anything was written.
fn quiet_when_closed(dir: &Path, args: &[&str], first_line: &str) {
    let after_one = closed_early(command(dir, args), true);
    assert_eq!(after_one.first_line.trim_end(), first_line, "{args:?}");
    let at_once = closed_early(command(dir, args), false);
    for closed in [after_one, at_once] {
        assert_eq!(closed.code, Some(0), "{args:?}: {}", closed.stderr);
        assert_eq!(closed.stderr, "", "{args:?}");
    }
}

#[test]
fn series_json_stops_quietly() {
    let dir = tempfile::tempdir().unwrap();
    quiet_when_closed(dir.path(), &["series", "--json"], "[");
}

#[test]
fn timeline_stops_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let first = String::from_utf8(run(dir.path(), &["timeline"]).stdout).unwrap();
    let first = first.lines().next().unwrap().to_string();
    assert!(first.starts_with("19"), "{first}");
    quiet_when_closed(dir.path(), &["timeline"], &first);
}

#[test]
fn keys_stop_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let first = String::from_utf8(run(dir.path(), &["keys"]).stdout).unwrap();
    let first = first.lines().next().unwrap().to_string();
    quiet_when_closed(dir.path(), &["keys"], &first);
}

#[test]
fn notes_list_stops_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("in.json");
    let notes: Vec<String> = (0..400)
        .map(|i| {
            format!(
                r#"{{"id": "n{i}", "bodyValue": "note {i}",
                   "target": {{"selector": {{"type": "TextQuoteSelector", "exact": "software park"}}}}}}"#
            )
        })
        .collect();
    std::fs::write(&file, format!("[{}]", notes.join(","))).unwrap();
    let imported = run(dir.path(), &["notes", "import", file.to_str().unwrap()]);
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let all = String::from_utf8(run(dir.path(), &["notes", "list"]).stdout).unwrap();
    assert_eq!(all.lines().count(), 400);
    let first = all.lines().next().unwrap();
    quiet_when_closed(dir.path(), &["notes", "list"], first);
}

#[test]
fn entities_search_and_export_stop_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["entities"][..],
        &["search", "software"],
        &["export", "--format", "markdown"],
    ] {
        let closed = closed_early(command(dir.path(), args), false);
        assert_eq!(closed.code, Some(0), "{args:?}: {}", closed.stderr);
        assert_eq!(closed.stderr, "", "{args:?}");
    }
}
