//! `casebook notes list|export|import` on a synthetic case study.

use crate::support::notes as notes_fixture;

use std::path::Path;

use casebook::commands::args::{NotesCommand, NotesFormat as Format};
use casebook::commands::notes::on;
use casebook::commands::Console;
use casebook::model::Document;
use notes_fixture::*;

fn notes(cmd: NotesCommand, data: &Path, doc: &Document) -> (Result<(), String>, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut console = Console::new(&mut out, &mut err);
    // Failures are printed as the binary prints them; the result keeps the text.
    let meta = casebook::model::Meta {
        id: "dalian".into(),
        title: "Dalian".into(),
        authors: vec!["Yan Zhang".into()],
        year: Some(2013),
        series: None,
        source: None,
    };
    let r = on(&cmd, data, &meta, doc, &mut console).map_err(|failure| {
        let text = failure.to_string();
        console.finish(Err(failure));
        text
    });
    drop(console);
    (
        r,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

const FOREIGN: &str = r#"{"type": "AnnotationCollection", "items": [
  {"id": "http://ex.org/1", "type": "Annotation", "modified": "2025-01-02T00:00:00Z",
   "body": [{"type": "TextualBody", "purpose": "commenting", "value": "Origin of DHC\u001b[31m"},
            {"type": "TextualBody", "purpose": "tagging", "value": "firm:dhc"}],
   "target": {"source": "http://ex.org/paper",
              "selector": {"type": "TextQuoteSelector", "exact": "Dalian Information Center"}}},
  {"id": "http://ex.org/2", "type": "Annotation",
   "body": {"type": "TextualBody", "purpose": "tagging", "value": "jobs"},
   "target": {"selector": [{"type": "TextQuoteSelector", "exact": "nowhere in the paper"}]}}
]}"#;

#[test]
fn import_is_idempotent_then_list_and_export() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("in.json");
    std::fs::write(&file, FOREIGN).unwrap();
    let d = base();
    let (r, out, err) = notes(NotesCommand::Import { file: file.clone() }, data.path(), &d);
    assert_eq!(r, Ok(()), "{err}");
    assert_eq!(out.trim(), "2 note(s) read: 2 new, 0 updated, 0 unchanged");
    let store_bytes = std::fs::read(data.path().join("notes/dalian.json")).unwrap();
    let (r, out, _) = notes(NotesCommand::Import { file }, data.path(), &d);
    assert_eq!(r, Ok(()));
    assert_eq!(out.trim(), "2 note(s) read: 0 new, 0 updated, 2 unchanged");
    assert_eq!(
        std::fs::read(data.path().join("notes/dalian.json")).unwrap(),
        store_bytes
    );

    let (_, out, _) = notes(
        NotesCommand::List {
            tag: None,
            text: None,
            json: false,
        },
        data.path(),
        &d,
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("anchored  s1.2  \u{201c}Dalian Information Center\u{201d} #firm:dhc  Origin of DHC^[[31m"), "{}", lines[0]);
    assert!(
        lines[1].starts_with("orphaned  -  \u{201c}nowhere in the paper\u{201d} #jobs"),
        "{}",
        lines[1]
    );

    let (_, out, _) = notes(
        NotesCommand::List {
            tag: Some("FIRM:DHC".into()),
            text: None,
            json: true,
        },
        data.path(),
        &d,
    );
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["passage"], "s1.2");
    assert_eq!(rows[0]["section"], "s1");
    assert_eq!(rows[0]["state"], "anchored");

    let (_, json, _) = notes(
        NotesCommand::Export {
            format: Format::Json,
            out: None,
            all: false,
        },
        data.path(),
        &d,
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().unwrap();
    let placed = items.iter().find(|i| i["id"] == "http://ex.org/1").unwrap();
    assert_eq!(
        placed["target"]["source"], "casebook:dalian#s1.2",
        "import placed the quote"
    );
    assert_eq!(
        placed["target"]["selector"][0]["prefix"],
        "ed in 1996 as a spin-off of the "
    );
    let (_, csv, _) = notes(
        NotesCommand::Export {
            format: Format::Csv,
            out: None,
            all: false,
        },
        data.path(),
        &d,
    );
    assert_eq!(csv.lines().count(), 3);
    let out_file = data.path().join("notes.md");
    let (r, _, _) = notes(
        NotesCommand::Export {
            format: Format::Markdown,
            out: Some(out_file.clone()),
            all: false,
        },
        data.path(),
        &d,
    );
    assert_eq!(r, Ok(()));
    assert!(std::fs::read_to_string(out_file)
        .unwrap()
        .contains("> Dalian Information Center"));
}

#[test]
fn own_export_imports_back_into_an_empty_store() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = a.path().join("in.json");
    std::fs::write(&file, FOREIGN).unwrap();
    let d = base();
    notes(NotesCommand::Import { file }, a.path(), &d)
        .0
        .unwrap();
    let (_, json, _) = notes(
        NotesCommand::Export {
            format: Format::Json,
            out: None,
            all: false,
        },
        a.path(),
        &d,
    );
    let file = b.path().join("export.json");
    std::fs::write(&file, &json).unwrap();
    notes(NotesCommand::Import { file }, b.path(), &d)
        .0
        .unwrap();
    let (_, again, _) = notes(
        NotesCommand::Export {
            format: Format::Json,
            out: None,
            all: false,
        },
        b.path(),
        &d,
    );
    assert_eq!(json, again);
}

#[test]
fn bad_import_reports_and_fails_but_keeps_good_notes() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("in.json");
    std::fs::write(&file, "[{\"id\": \"x\", \"target\": {}},\n {\"bodyValue\": \"ok\", \"target\": {\"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"Hisoft\"}}}]").unwrap();
    let (r, out, err) = notes(NotesCommand::Import { file }, data.path(), &base());
    assert!(r.unwrap_err().contains("1 problem(s)"));
    assert!(
        err.contains("in.json:1:9: error: x: target has no TextQuoteSelector"),
        "{err}"
    );
    assert!(out.contains("1 new"));
    let file = data.path().join("broken.json");
    std::fs::write(&file, "[{").unwrap();
    let (r, _, err) = notes(NotesCommand::Import { file }, data.path(), &base());
    assert!(r.is_err());
    assert!(
        err.contains("broken.json:1:2: error: invalid JSON"),
        "{err}"
    );
}
