//! Codes, highlights, citations and REFI-QDA projects through the binary.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

const META: &str = "id = \"demo\"\ntitle = \"Parks of Dalian\"\nauthors = [\"Yan Zhang\", \"Nozomu Kawabata\"]\nyear = 2013\n";
const PAPER: &str = "# 1. Introduction {#s1}\n\n<!-- passage p1.1 page=12 -->\nDalian opened its software park in 1998.\n\n\
    # 2. Firms {#s2}\n\n<!-- passage p2.1 page=13 -->\nDHC was founded in 1996 as a spin-off of the Green Card (Lùka) office.\n";

fn casebook(root: &Path, data: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook"))
        .arg("--corpus")
        .arg(root.join("case"))
        .arg("--data-dir")
        .arg(root.join(data))
        .arg("--config-dir")
        .arg(root.join("config"))
        .args(args)
        .env_remove("CASEBOOK_CORPUS")
        .output()
        .unwrap()
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn case() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let case = root.path().join("case");
    std::fs::create_dir_all(&case).unwrap();
    std::fs::write(case.join("meta.toml"), META).unwrap();
    std::fs::write(case.join("paper.md"), PAPER).unwrap();
    root
}

fn entry(zip: &mut zip::ZipArchive<std::fs::File>, name: &str) -> String {
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn attr(xml: &str, name: &str) -> usize {
    let at = xml.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    xml[at..].split('"').next().unwrap().parse().unwrap()
}

#[test]
fn qdpx_round_trips_into_an_empty_data_folder() {
    let root = case();
    let r = root.path();
    ok(casebook(
        r,
        "data",
        &[
            "notes",
            "add",
            "p2.1",
            "--quote",
            "Green Card (Lùka)",
            "--code",
            "Local  state",
            "--text",
            "who ran it?",
        ],
    ));
    ok(casebook(
        r,
        "data",
        &["notes", "add", "p1.1", "--quote", "software park"],
    ));
    let file = r.join("out.qdpx");
    ok(casebook(
        r,
        "data",
        &[
            "notes",
            "export",
            "--format",
            "qdpx",
            "--out",
            file.to_str().unwrap(),
        ],
    ));

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let qde = entry(&mut zip, "project.qde");
    assert!(
        qde.contains("<Project xmlns=\"urn:QDA-XML:project:1.0\""),
        "{qde}"
    );
    let source_name = zip
        .file_names()
        .flatten()
        .find(|n| n.starts_with("Sources/"))
        .unwrap()
        .to_string();
    let source: Vec<char> = entry(&mut zip, &source_name).chars().collect();
    assert!(qde.contains(&format!(
        "plainTextPath=\"internal://{}\"",
        &source_name["Sources/".len()..]
    )));
    // Selections in text order: the highlight on p1.1 first, then the coding.
    let second = qde.rfind("<PlainTextSelection").unwrap();
    let pick = |xml: &str| -> String {
        source[attr(xml, "startPosition")..attr(xml, "endPosition")]
            .iter()
            .collect()
    };
    assert_eq!(
        pick(&qde[qde.find("<PlainTextSelection").unwrap()..]),
        "software park"
    );
    assert_eq!(pick(&qde[second..]), "Green Card (Lùka)");
    assert!(
        qde.contains("name=\"Local state\" isCodable=\"true\""),
        "{qde}"
    );

    let out = ok(casebook(
        r,
        "empty",
        &["notes", "import", file.to_str().unwrap()],
    ));
    assert!(out.contains("2 selection(s) read: 2 new"), "{out}");
    let list: serde_json::Value =
        serde_json::from_str(&ok(casebook(r, "empty", &["notes", "list", "--json"]))).unwrap();
    assert_eq!(list[0]["quote"], "software park");
    assert_eq!(list[0]["kind"], "highlighting");
    assert_eq!(list[1]["quote"], "Green Card (Lùka)");
    assert_eq!(list[1]["codes"][0], "Local state");
    assert_eq!(list[1]["text"], "who ran it?");
    assert_eq!(list[1]["state"], "anchored");
    assert_eq!(list[1]["page"], "13");
    let codes = ok(casebook(r, "empty", &["codes", "list"]));
    assert!(codes.starts_with("Local state  [red]  1x"), "{codes}");
    let codes: serde_json::Value =
        serde_json::from_str(&ok(casebook(r, "empty", &["codes", "list", "--json"]))).unwrap();
    assert_eq!(codes[0]["applied"], 1);
    assert_eq!(
        codes[0]["spread"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n.as_u64() == Some(1))
            .count(),
        1
    );
    // Importing again changes nothing.
    let again = ok(casebook(
        r,
        "empty",
        &["notes", "import", file.to_str().unwrap()],
    ));
    assert!(
        again.contains("0 new, 0 updated, 2 unchanged; 0 new code(s)"),
        "{again}"
    );
}

#[test]
fn filters_find_codes_and_tags_by_prefix_without_accents() {
    let root = case();
    let r = root.path();
    ok(casebook(
        r,
        "data",
        &[
            "notes",
            "add",
            "p2.1",
            "--quote",
            "spin-off",
            "--code",
            "Public policy",
            "--tag",
            "Northeast China",
        ],
    ));
    for tag in ["pol", "publ", "northeast", "china"] {
        let out = ok(casebook(r, "data", &["notes", "list", "--tag", tag]));
        assert!(out.contains("spin-off"), "{tag}: {out}");
    }
    assert_eq!(
        ok(casebook(r, "data", &["notes", "list", "--tag", "olicy"])),
        ""
    );
    let out = ok(casebook(r, "data", &["notes", "list", "--text", "LUKA"]));
    assert_eq!(out, "", "the quote does not hold Lùka");
    let out = ok(casebook(r, "data", &["search", "#pol"]));
    assert!(out.contains("spin-off"), "{out}");
}

#[test]
fn cite_gives_author_year_and_page_in_three_formats() {
    let root = case();
    let r = root.path();
    let plain = ok(casebook(
        r,
        "data",
        &["cite", "p1.1", "--quote", "software park"],
    ));
    assert_eq!(
        plain,
        "\u{201c}software park\u{201d} (Zhang & Kawabata, 2013, p. 12)\n"
    );
    let own = ok(casebook(
        r,
        "data",
        &["cite", "p1.1", "--template", "{authors} {year}[: {page}]"],
    ));
    assert_eq!(own, "Zhang & Kawabata 2013: 12\n");
    std::fs::create_dir_all(r.join("config")).unwrap();
    std::fs::write(
        r.join("config/cite.toml"),
        "template = \"({authors} {year})\"\n",
    )
    .unwrap();
    assert_eq!(
        ok(casebook(r, "data", &["cite", "p1.1"])),
        "(Zhang & Kawabata 2013)\n"
    );
    let bib = ok(casebook(r, "data", &["cite", "p2.1", "--format", "bibtex"]));
    assert!(
        bib.starts_with("@misc{zhang2013parks,") && bib.contains("pages = {13}"),
        "{bib}"
    );
    let csl: serde_json::Value = serde_json::from_str(&ok(casebook(
        r,
        "data",
        &["cite", "p2.1", "--format", "csl-json"],
    )))
    .unwrap();
    assert_eq!(csl[0]["page"], "13");
    assert_eq!(csl[0]["author"][1]["family"], "Kawabata");
}

#[test]
fn bad_input_names_the_file_and_fails() {
    let root = case();
    let r = root.path();
    let out = casebook(r, "data", &["cite", "p1.1", "--quote", "not there"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let out = casebook(r, "data", &["cite", "p1.1", "--template", "{pgae}"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("unknown field {pgae}"),
        "{out:?}"
    );

    let bad = r.join("bad.qdpx");
    std::fs::write(&bad, b"PK\x03\x04 not really a zip").unwrap();
    let out = casebook(r, "data", &["notes", "import", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.qdpx") && err.contains("zip"), "{err}");

    // Positions outside the source: reported by selection, nothing imported.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("project.qde", opts).unwrap();
    std::io::Write::write_all(&mut zip, br#"<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><TextSource guid="s" name="s"><PlainTextContent>short</PlainTextContent><PlainTextSelection guid="g" startPosition="2" endPosition="99"/></TextSource></Sources></Project>"#).unwrap();
    std::fs::write(&bad, zip.finish().unwrap().into_inner()).unwrap();
    let out = casebook(r, "data", &["notes", "import", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("selection g: positions 2..99 are outside"),
        "{err}"
    );

    std::fs::create_dir_all(r.join("data/notes")).unwrap();
    std::fs::write(r.join("data/notes/demo.codes.json"), "{\"codes\": [}").unwrap();
    let out = casebook(r, "data", &["codes", "list"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("demo.codes.json:1:"), "{err}");
}

#[test]
fn reference_list_exports_for_zotero_and_pandoc() {
    let root = case();
    let bib = ok(casebook(
        root.path(),
        "data",
        &["export", "--format", "bibtex"],
    ));
    assert!(
        bib.starts_with("@misc{zhang2013parks,\n  author = {Yan Zhang and Nozomu Kawabata},"),
        "{bib}"
    );
    let csl: serde_json::Value = serde_json::from_str(&ok(casebook(
        root.path(),
        "data",
        &["export", "--format", "csl-json"],
    )))
    .unwrap();
    assert_eq!(csl[0]["type"], "report");
    assert_eq!(csl[0]["issued"]["date-parts"][0][0], 2013);
}
