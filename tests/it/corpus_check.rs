//! `casebook check`, `export` and `import` as a user runs them: messages on
//! stderr as path:line:col, non-zero exit on errors, never a panic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn casebook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(args)
        .env_remove("CASEBOOK_CORPUS")
        .output()
        .expect("binary runs")
}

fn damaged(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/damaged")
        .join(name)
        .display()
        .to_string()
}

/// Runs `check DIR`; returns exit code and stderr.
fn check(dir: &str) -> (i32, String) {
    let out = casebook(&["check", dir]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (out.status.code().unwrap_or(-1), stderr)
}

#[test]
fn truncated_toml_names_file_line_and_column() {
    let (code, err) = check(&damaged("truncated_toml"));
    assert_eq!(code, 1);
    assert!(
        err.contains("truncated_toml/meta.toml:2:17: error:"),
        "{err}"
    );
}

#[test]
fn binary_paper_is_reported_as_not_text() {
    let (code, err) = check(&damaged("binary_paper"));
    assert_eq!(code, 1);
    assert!(
        err.contains("binary_paper/paper.md:1:1: error: invalid UTF-8"),
        "{err}"
    );
}

#[test]
fn empty_folder_lists_the_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = check(dir.path().to_str().unwrap());
    assert_eq!(code, 1);
    assert!(
        err.contains("meta.toml:0:0: error: missing meta.toml"),
        "{err}"
    );
    assert!(
        err.contains("paper.md:0:0: error: missing paper.md"),
        "{err}"
    );
    let (code, err) = check("/no/such/folder");
    assert_eq!(code, 1);
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn footnote_without_text_and_stray_markers_are_errors() {
    let (code, err) = check(&damaged("footnote_without_text"));
    assert_eq!(code, 1);
    assert!(
        err.contains("footnote_without_text/paper.md:6:1: error: footnote [^1] has no text"),
        "{err}"
    );
    let (code, err) = check(&damaged("marker_without_footnote"));
    assert_eq!(code, 1);
    assert!(
        err.contains("paper.md:4:18: error: footnote marker [^2] has no footnote"),
        "{err}"
    );
    assert!(
        err.contains("paper.md:6:1: error: footnote [^1] is never cited"),
        "{err}"
    );
}

#[test]
fn check_api_agrees_with_the_command() {
    let diags = casebook::commands::check::diagnostics(&casebook::corpus::Source::Dir(
        PathBuf::from(damaged("footnote_without_text")),
    ));
    assert_eq!(
        diags.iter().filter(|d| d.is_error()).count(),
        1,
        "{diags:#?}"
    );
    let err = casebook::corpus::open(&casebook::corpus::Source::Dir(PathBuf::from(damaged(
        "binary_paper",
    ))))
    .unwrap_err();
    assert_eq!(err.len(), 1);
}

#[test]
fn bundled_corpus_checks_and_exports() {
    let (code, err) = check_default();
    // The paper cites two works its reference list does not hold.
    let unresolved = "corpus/dalian/paper.md:38:1: warning: citation \"Seki 1993\" in passage p2-1.1 matches no reference\n\
        corpus/dalian/paper.md:268:1: warning: citation \"Yan and Nozomu Kawabata,(2012)\" in passage p-notes.3 matches no reference\n";
    assert_eq!((code, err.as_str()), (0, unresolved));
    let out = casebook(&["export"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["title"],
        "The Formation of the Software and Information Services Industry in Dalian, China"
    );
    assert_eq!(json["authors"].as_array().unwrap().len(), 2);
    assert_eq!(json["year"], 2013);
    let sections = json["sections"].as_array().unwrap();
    assert_eq!(
        sections.iter().filter(|s| !s["number"].is_null()).count(),
        26
    );
    let s = sections.iter().find(|s| s["id"] == "s3-1-1").unwrap();
    assert_eq!(
        (
            s["number"].as_str(),
            s["level"].as_u64(),
            s["parent"].as_str()
        ),
        (Some("1)"), Some(3), Some("s3-1"))
    );
    let p = &json["passages"][0];
    assert_eq!(
        (p["id"].as_str(), p["section"].as_str(), p["kind"].as_str()),
        (Some("p1-1.1"), Some("s1-1"), Some("paragraph"))
    );
    let notes = json["footnotes"].as_array().unwrap();
    assert_eq!(notes.len(), 11);
    assert_eq!(notes[1]["passages"], serde_json::json!(["p2-1.1"]));
    let refs = json["references"].as_array().unwrap();
    assert_eq!(refs.len(), 41);
    let li = refs.iter().find(|r| r["id"] == "li-2009").unwrap();
    assert_eq!(
        (li["first_author"].as_str(), li["year"].as_i64()),
        (Some("Li"), Some(2009))
    );
}

fn check_default() -> (i32, String) {
    let out = casebook(&["check"]);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn markdown_export_is_the_clean_paper() {
    let out = casebook(&["export", "--format", "markdown"]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.starts_with("# The Formation of the Software"),
        "{}",
        &md[..80]
    );
    assert!(md.contains("\n## 3. Process of Industry Formation\n"));
    assert!(md.contains("\n#### 1) Spin-Off and Foundation of DHC"));
    assert!(md.contains("(*Xiàgăng*)"));
    assert!(md.contains("the northeast region[^2] played"));
    assert!(md.contains("\n[^11]: Descriptions in this paragraph"));
    assert!(!md.contains("<!--") && !md.contains("{#"));
    let (doc, _) = casebook::corpus::parse_paper(Path::new("export.md"), &md);
    assert_eq!(doc.footnotes.len(), 11);
}

#[test]
fn export_and_import_fail_cleanly_on_bad_input() {
    let out = casebook(&["--corpus", &damaged("truncated_toml"), "export"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("meta.toml:2:17: error"));
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing.txt");
    let out = casebook(&[
        "import",
        missing.to_str().unwrap(),
        "--out",
        dir.path().join("o").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing.txt:0:0: error: cannot read"));
}

#[test]
fn imported_folder_opens_with_corpus_and_env() {
    let dir = tempfile::tempdir().unwrap();
    let outdir = dir.path().join("harbours");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdftotext_harbours.txt");
    let out = casebook(&[
        "import",
        fixture.to_str().unwrap(),
        "--out",
        outdir.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let warnings = String::from_utf8(out.stderr).unwrap();
    assert!(
        warnings.contains("pdftotext_harbours.txt:61:1: warning: hyphen"),
        "{warnings}"
    );
    let (code, err) = check(outdir.to_str().unwrap());
    assert_eq!((code, err.as_str()), (0, ""));
    let out = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .arg("export")
        .env("CASEBOOK_CORPUS", &outdir)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["id"], "harbours");
    assert_eq!(json["sections"][0]["number"], "Chapter 1");
}

#[test]
fn a_derived_id_steps_around_an_explicit_one_and_check_warns() {
    let dir = damaged("derived_id_taken");
    let (code, err) = check(&dir);
    // Only warnings: the paper opens.
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("derived_id_taken/paper.md:3:1: warning:")
            && err.contains(
                "would get id p1.1, which the passage on line 6 has; it gets p1.2 instead"
            ),
        "{err}"
    );
    let source = casebook::corpus::Source::Dir(PathBuf::from(&dir));
    let study = casebook::study::Study::open(&source).expect("opens");
    let ids: Vec<&str> = study.doc.passages.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["p1.2", "p1.1", "p1.3"]);
}
