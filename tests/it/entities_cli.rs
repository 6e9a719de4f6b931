//! `casebook entities`, `show`, and the entity parts of `export`, `check` and `import`.

use std::path::Path;
use std::process::{Command, Output};

use casebook::entities::Catalog;
use serde_json::Value;

fn casebook(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(args)
        .env_remove("CASEBOOK_CORPUS")
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn bundled(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus/dalian")
            .join(name),
    )
    .unwrap()
}

#[test]
fn entities_json_offsets_are_characters_of_the_exported_passages() {
    let entities: Value =
        serde_json::from_str(&stdout(&casebook(&["entities", "--json"]))).unwrap();
    let export: Value =
        serde_json::from_str(&stdout(&casebook(&["export", "--format", "json"]))).unwrap();
    let passage = |id: &str| -> String {
        let all = export["passages"].as_array().unwrap();
        all.iter().find(|p| p["id"] == id).unwrap()["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let dhc = entities
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "dhc")
        .unwrap();
    assert_eq!(dhc["kind"], "firm");
    assert_eq!(dhc["aliases"], serde_json::json!(["DHC"]));
    assert!(dhc["relations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["kind"] == "spun_off_from"));
    let mentions = dhc["mentions"].as_array().unwrap();
    assert!(mentions.len() >= 5);
    for m in mentions {
        let text: Vec<char> = passage(m["passage"].as_str().unwrap()).chars().collect();
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..e].iter().collect::<String>(),
            m["text"].as_str().unwrap()
        );
    }
    // The export carries the same links.
    assert_eq!(
        export["entities"].as_array().unwrap().len(),
        entities.as_array().unwrap().len()
    );
    assert!(export["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["entity"] == "dhc"));
    let seki = export["citations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"] == "Seki 1993")
        .unwrap();
    assert_eq!(seki["reference"], Value::Null);
    assert_eq!(seki["passage"], "p2-1.1");
}

#[test]
fn entities_by_kind_and_show_by_alias() {
    let firms = stdout(&casebook(&["entities", "--kind", "firm"]));
    assert!(firms.lines().count() > 20);
    assert!(
        firms
            .lines()
            .all(|l| l.split_whitespace().nth(2) == Some("firm")),
        "{firms}"
    );

    let card = stdout(&casebook(&["show", "Mayor Bo"]));
    assert!(card.starts_with("Bo Xilai (bo-xilai, person)\n"), "{card}");
    assert!(card.contains("Mentions: 3\n"), "{card}");
    assert!(card.contains("then-«Mayor Bo Xilai» began"), "{card}");

    let missing = casebook(&["show", "Nobody"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no entity named \"Nobody\""));
}

#[test]
fn check_reports_catalogue_problems_against_the_paper() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("meta.toml"), bundled("meta.toml")).unwrap();
    std::fs::write(dir.path().join("paper.md"), bundled("paper.md")).unwrap();
    let entities = r#"[[entity]]
id = "dlsp"
kind = "organisation"
name = "Dalian Software Park"
aliases = ["DLSP", "Software City"]
relations = [{ kind = "founded_by", target = "yida" }]

[[entity]]
id = "atlantis"
kind = "place"
name = "Atlantis"
aliases = ["dlsp"]
"#;
    std::fs::write(dir.path().join("entities.toml"), entities).unwrap();
    let out = casebook(&["check", dir.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    for want in [
        "entities.toml:5:20: warning: alias \"Software City\" of `dlsp` matches nothing",
        "entities.toml:6:14: warning: relation `founded_by` of `dlsp` names unknown entity `yida`",
        "entities.toml:9:6: warning: entity `atlantis` is never mentioned",
        "entities.toml:12:12: warning: \"dlsp\" names both `dlsp` and `atlantis`",
        "paper.md:38:1: warning: citation \"Seki 1993\" in passage p2-1.1 matches no reference",
    ] {
        assert!(err.contains(want), "missing {want:?} in\n{err}");
    }

    std::fs::write(
        dir.path().join("entities.toml"),
        "[[entity]]\nid = \"x\"\nkind = \"firm\"\n",
    )
    .unwrap();
    let out = casebook(&["check", dir.path().to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("entities.toml:1:1: error: missing field `name`"),
        "{err}"
    );
}

#[test]
fn import_writes_a_draft_catalogue_and_keeps_an_edited_one() {
    let dir = tempfile::tempdir().unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed_dalian.txt");
    let out_dir = dir.path().join("dalian");
    let out = casebook(&[
        "import",
        seed.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = out_dir.join("entities.toml");
    let draft = std::fs::read_to_string(&path).unwrap();
    let cat = Catalog::parse(&path, &draft).unwrap();
    let find = |name: &str| {
        cat.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    assert_eq!(find("Dalian Software Park").aliases, ["DLSP"]);
    assert_eq!(find("Dalian Software Park").kind.as_str(), "organisation");
    assert_eq!(find("Dalian Xinhua Infotech Co., Ltd").aliases, ["DXC"]);
    assert_eq!(find("Kawasaki Heavy Industries").kind.as_str(), "unknown");
    assert!(cat.len() > 60, "{}", cat.len());

    std::fs::write(&path, "# curated\n").unwrap();
    let out = casebook(&[
        "import",
        seed.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--force",
    ]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# curated\n");
}

#[test]
fn a_figure_gives_the_draft_its_source_line_not_its_caption() {
    let text = "Harbour Towns of the North\n\nMaria Lindqvist\n\n1 Introduction\n\n\
                The harbours grew fast in the nineteenth century, and the trade with \
                Bergen made them rich.\n\n\
                Figure 1: Tonnage Landed At The Great Harbours\n\
                Source: Registers of the Norwegian Harbour Authority.\n\n\
                The towns kept their registers well.\n";
    let imported = casebook::import::import(text, Path::new("harbours.txt"), "harbours");
    assert!(imported
        .doc
        .passages
        .iter()
        .any(|p| p.kind == casebook::model::PassageKind::Figure));
    let draft = imported.entities_toml();
    let cat = Catalog::parse(Path::new("entities.toml"), &draft).unwrap();
    let names: Vec<&str> = cat.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Norwegian Harbour Authority"], "{draft}");
}
