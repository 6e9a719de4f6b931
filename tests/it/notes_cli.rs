//! `casebook notes ...` end to end, on a case-study folder written here.

use std::path::Path;
use std::process::{Command, Output};

const META: &str = "id = \"demo\"\ntitle = \"Demo\"\nauthors = [\"A. Author\"]\nyear = 2013\n";
const PAPER: &str = "# 1. Introduction {#s1}\n\n<!-- passage p1.1 -->\nDalian opened its software park in 1998.\n\n\
    # 2. Firms {#s2}\n\n<!-- passage p2.1 -->\nDHC was founded in 1996 as a spin-off of the Dalian Information Center.\n";
const NOTE: &str = r#"[{"id": "n1", "bodyValue": "spin-off",
  "body": {"type": "TextualBody", "purpose": "tagging", "value": "firm:dhc"},
  "target": {"selector": {"type": "TextQuoteSelector", "exact": "as a spin-off"}}}]"#;

fn casebook(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook"))
        .arg("--corpus")
        .arg(root.join("case"))
        .arg("--data-dir")
        .arg(root.join("data"))
        .args(args)
        .env_remove("CASEBOOK_CORPUS")
        .output()
        .unwrap()
}

#[test]
fn import_list_export_through_the_binary() {
    let root = tempfile::tempdir().unwrap();
    let case = root.path().join("case");
    std::fs::create_dir_all(&case).unwrap();
    std::fs::write(case.join("meta.toml"), META).unwrap();
    std::fs::write(case.join("paper.md"), PAPER).unwrap();
    let file = root.path().join("in.json");
    std::fs::write(&file, NOTE).unwrap();

    let out = casebook(root.path(), &["notes", "import", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(root.path().join("data/notes/demo.json").exists());

    let out = casebook(root.path(), &["notes", "list", "--tag", "firm:dhc"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("anchored  p2.1  \u{201c}as a spin-off\u{201d} #firm:dhc  spin-off"),
        "{text}"
    );

    let out = casebook(root.path(), &["notes", "export", "--format", "markdown"]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("## 2. Firms\n\n> as a spin-off\n>\n> \u{2014} ("),
        "{md}"
    );

    let out = casebook(root.path(), &["notes", "export", "--format", "csv"]);
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains(",anchored,2. Firms,p2.1,as a spin-off,firm:dhc,,spin-off,"));

    std::fs::write(&file, "{\"id\": ").unwrap();
    let out = casebook(root.path(), &["notes", "import", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("in.json:1:7: error: invalid JSON"), "{err}");
}

#[test]
fn a_damaged_notes_file_is_kept_aside_reported_and_fails_the_command() {
    let root = tempfile::tempdir().unwrap();
    let case = root.path().join("case");
    std::fs::create_dir_all(&case).unwrap();
    std::fs::write(case.join("meta.toml"), META).unwrap();
    std::fs::write(case.join("paper.md"), PAPER).unwrap();
    let notes = root.path().join("data/notes");
    std::fs::create_dir_all(&notes).unwrap();
    let damaged = "{\"first\": {\"items\": [\n  {\"id\": \"n1\",";
    std::fs::write(notes.join("demo.json"), damaged).unwrap();

    let out = casebook(root.path(), &["notes", "list"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("demo.json.damaged-"), "{stderr}");
    assert!(stderr.contains(":2:"), "names the line: {stderr}");
    // The damaged bytes are kept, unchanged, under the new name.
    let kept: Vec<_> = std::fs::read_dir(&notes)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("damaged"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(std::fs::read_to_string(kept[0].path()).unwrap(), damaged);
}
