//! Selecting, coding, annotating and copying as a new user would, in a
//! real pseudo-terminal, then the same work through the command line.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use base64::Engine;

use crate::support::pty::Session;

const TITLE: &str = "The Formation of the Software";

fn casebook(data: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("CASEBOOK_CORPUS")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Starts the reader, moves four passages down and selects three words;
/// returns the session and the words as the selection bar shows them.
fn select_three_words(dir: &Path) -> (Session, String) {
    let mut s = Session::start(&[], 100, 30, dir, &[]);
    s.wait_text(TITLE);
    s.wait_text("1/");
    s.send("jjjj");
    s.wait_text("5/");
    s.send("v");
    s.wait_text("Selected: 1 word(s)");
    s.send("ww");
    let screen = s.wait_text("Selected: 3 word(s)");
    let quote = screen
        .split('\u{201c}')
        .nth(1)
        .and_then(|rest| rest.split('\u{201d}').next())
        .expect("the bar shows the quote")
        .to_string();
    assert_eq!(quote.split_whitespace().count(), 3, "{screen}");
    (s, quote)
}

#[test]
fn select_code_and_annotate_then_export_and_import_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, quote) = select_three_words(dir.path());
    s.send("c");
    s.wait_text("Code the selection");
    s.send("Local government");
    s.wait_text("+ new code \u{201c}Local government\u{201d}");
    s.send("\r");
    s.wait_text("Saved");
    // The words are still selected by the same keys; the note goes on the coding.
    s.send("vwwa");
    s.wait_text("Quote (empty");
    assert!(s.screen().contains(&quote), "the editor shows the words");
    s.send("Two early sources");
    s.send("\x13");
    s.wait_for("the editor to close", |sc| !sc.contains("Quote (empty"));
    s.wait_text("Saved");
    s.send("m");
    s.wait_text("Notes (");
    s.send("#loc");
    let list = s.wait_for("the filtered list", |sc| {
        sc.contains("filter: #loc") && sc.contains("Notes (1 shown)")
    });
    assert!(
        list.contains(&quote) && list.contains("Two early sources"),
        "{list}"
    );
    s.send("\x1b");
    s.wait_for("the list to close", |sc| !sc.contains("Notes ("));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);

    let data = dir.path().join("data");
    let rows: serde_json::Value =
        serde_json::from_str(&casebook(&data, &["notes", "list", "--json"])).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1, "{rows}");
    assert_eq!(rows[0]["quote"], quote.as_str());
    assert_eq!(rows[0]["codes"][0], "Local government");
    assert_eq!(rows[0]["text"], "Two early sources");
    let w3c: serde_json::Value =
        serde_json::from_str(&casebook(&data, &["notes", "export", "--format", "json"])).unwrap();
    let item = &w3c["first"]["items"][0];
    assert_eq!(item["target"]["selector"][0]["type"], "TextQuoteSelector");
    assert_eq!(item["target"]["selector"][0]["exact"], quote.as_str());
    assert!(casebook(&data, &["notes", "list", "--tag", "loc"]).contains(&quote));

    let file = dir.path().join("work.qdpx");
    casebook(
        &data,
        &[
            "notes",
            "export",
            "--format",
            "qdpx",
            "--out",
            file.to_str().unwrap(),
        ],
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut qde = String::new();
    zip.by_name("project.qde")
        .unwrap()
        .read_to_string(&mut qde)
        .unwrap();
    assert!(qde.contains("xmlns=\"urn:QDA-XML:project:1.0\""));
    let source_name = zip
        .file_names()
        .flatten()
        .find(|n| n.starts_with("Sources/"))
        .unwrap()
        .to_string();
    let mut source = String::new();
    zip.by_name(&source_name)
        .unwrap()
        .read_to_string(&mut source)
        .unwrap();
    let number = |key: &str| -> usize {
        let at = qde.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
        qde[at..].split('"').next().unwrap().parse().unwrap()
    };
    let picked: String = source
        .chars()
        .skip(number("startPosition"))
        .take(number("endPosition") - number("startPosition"))
        .collect();
    assert_eq!(picked, quote);

    let empty = dir.path().join("empty");
    casebook(&empty, &["notes", "import", file.to_str().unwrap()]);
    let rows: serde_json::Value =
        serde_json::from_str(&casebook(&empty, &["notes", "list", "--json"])).unwrap();
    assert_eq!(rows[0]["quote"], quote.as_str());
    assert_eq!(rows[0]["codes"][0], "Local government");
    assert_eq!(rows[0]["text"], "Two early sources");
    assert_eq!(rows[0]["state"], "anchored");
    assert!(casebook(&empty, &["codes", "list"]).starts_with("Local government"));
}

#[test]
fn the_copy_key_writes_one_osc52_sequence_with_quote_and_citation() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, quote) = select_three_words(dir.path());
    s.send("y");
    s.wait_text("Copied");
    s.send("\x1b");
    s.wait_for("the selection to close", |sc| !sc.contains("Selected:"));
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let raw = s.raw_output();
    let marker = b"\x1b]52;";
    let count = raw.windows(marker.len()).filter(|w| w == marker).count();
    assert_eq!(count, 1, "one clipboard sequence");
    let at = raw.windows(marker.len()).position(|w| w == marker).unwrap();
    let rest = &raw[at + b"\x1b]52;c;".len()..];
    let end = rest.iter().position(|&b| b == 0x07).expect("BEL ends it");
    let text = base64::engine::general_purpose::STANDARD
        .decode(&rest[..end])
        .unwrap();
    assert_eq!(
        String::from_utf8(text).unwrap(),
        format!("\u{201c}{quote}\u{201d} (Zhang & Kawabata, 2013)")
    );
}
