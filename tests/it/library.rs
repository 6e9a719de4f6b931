//! The library: folders in and out, its index (incremental, rebuilt when
//! damaged), entities joined across case studies, and the `--all` commands.

use std::path::{Path, PathBuf};

use casebook::library::entities::gather;
use casebook::library::index::LibraryIndex;
use casebook::library::Library;
use casebook::search::Query;
use serde_json::Value;

use crate::support::cli::run;

/// Writes a small case study folder.
pub fn case_study(root: &Path, id: &str, paper: &str, entities: &str) -> PathBuf {
    let dir = root.join(format!("src-{id}"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("meta.toml"),
        format!(
            "id = \"{id}\"\ntitle = \"The case of {id}\"\nauthors = [\"A. Author\"]\nyear = 2020\n"
        ),
    )
    .unwrap();
    std::fs::write(dir.join("paper.md"), paper).unwrap();
    std::fs::write(dir.join("entities.toml"), entities).unwrap();
    dir
}

fn firm(id: &str, name: &str, extra: &str) -> String {
    format!("[[entity]]\nid = \"{id}\"\nkind = \"firm\"\nname = \"{name}\"\n{extra}\n")
}

const SHENYANG: &str =
    "# 1. Origins\n\nNeusoft Group grew out of a university laboratory in Shenyang.\n\n\
    Neusoft Group later opened a campus in the software park of Dalian.\n";
const HSINCHU: &str =
    "# 1. Park\n\nThe science park of Hsinchu hosts Neusoft Group as a small tenant.\n";
const BANGALORE: &str =
    "# 1. Firms\n\nInfosys and Neusoft competed for outsourcing contracts in Bangalore.\n";

fn json(out: &std::process::Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn library(dir: &Path) -> Library {
    Library::at(dir.join("data/library"), &dir.join("cache"))
}

fn open(lib: &Library) -> (LibraryIndex, casebook::library::index::Changes) {
    let (members, diags) = lib.members();
    assert!(diags.is_empty(), "{diags:?}");
    LibraryIndex::open(lib, &members, &mut |_| {}).unwrap()
}

#[test]
fn folders_are_added_listed_and_removed_with_the_bundled_one_always_there() {
    let dir = tempfile::tempdir().unwrap();
    let empty = json(&run(dir.path(), &["library", "list", "--json"]));
    let ids: Vec<&str> = empty
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["dalian"]);

    let src = case_study(
        dir.path(),
        "shenyang",
        SHENYANG,
        &firm("neusoft", "Neusoft Group", ""),
    );
    let added = run(dir.path(), &["library", "add", src.to_str().unwrap()]);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert!(dir.path().join("data/library/shenyang/paper.md").is_file());
    let again = run(dir.path(), &["library", "add", src.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already has a case study `shenyang`"));

    let list = json(&run(dir.path(), &["library", "list", "--json"]));
    let row = &list[1];
    assert_eq!(row["id"], "shenyang");
    assert_eq!(row["title"], "The case of shenyang");
    assert_eq!(row["authors"][0], "A. Author");
    assert_eq!(row["year"], 2020);
    assert_eq!(row["passages"], 2);
    assert_eq!(row["entities"], 1);
    assert_eq!(row["notes"], 0);

    let bundled = run(dir.path(), &["library", "remove", "dalian"]);
    assert_eq!(bundled.status.code(), Some(1));
    let removed = run(dir.path(), &["library", "remove", "shenyang"]);
    assert!(removed.status.success());
    assert!(!dir.path().join("data/library/shenyang").exists());
    let list = json(&run(dir.path(), &["library", "list", "--json"]));
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[test]
fn import_adds_to_the_library_unless_told_where() {
    let dir = tempfile::tempdir().unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed_dalian.txt");
    let copy = dir.path().join("Seed Paper.txt");
    std::fs::copy(&seed, &copy).unwrap();
    let out = run(dir.path(), &["import", copy.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir
        .path()
        .join("data/library/seed-paper/paper.md")
        .is_file());
    let list = json(&run(dir.path(), &["library", "list", "--json"]));
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "seed-paper"));
}

#[test]
fn entities_are_one_by_id_same_as_or_wikidata_and_only_proposed_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library(dir.path());
    let cases = [
        ("shenyang", SHENYANG, firm("neusoft", "Neusoft Group", "")),
        // Same id: one entity.
        ("hsinchu", HSINCHU, firm("neusoft", "Neusoft Group", "")),
        // Another id, same name and kind, nothing said: proposed only.
        (
            "bangalore",
            BANGALORE,
            firm(
                "neusoft-bangalore",
                "Neusoft",
                "aliases = [\"Neusoft Group\"]",
            ),
        ),
    ];
    for (id, paper, entities) in &cases {
        lib.add(&case_study(dir.path(), id, paper, entities))
            .unwrap();
    }
    let (index, _) = open(&lib);
    let summaries: Vec<_> = ["bangalore", "hsinchu", "shenyang"]
        .iter()
        .map(|id| index.summary(id).unwrap())
        .collect();
    let all = gather(&summaries);
    let neusoft = all.lookup("shenyang:neusoft").unwrap();
    let mut cases: Vec<(&str, u32)> = neusoft
        .cases
        .iter()
        .map(|a| (a.case.as_str(), a.mentions))
        .collect();
    cases.sort();
    assert_eq!(cases, [("hsinchu", 1), ("shenyang", 2)]);
    assert_eq!(neusoft.because, ["id"]);
    let bangalore = all.lookup("bangalore:neusoft-bangalore").unwrap();
    assert_eq!(bangalore.cases.len(), 1, "not merged without being told");
    assert_eq!(all.candidates.len(), 1);
    let mut proposed = all.candidates[0].entities.clone();
    proposed.sort();
    assert_eq!(proposed, ["bangalore:neusoft-bangalore", "hsinchu:neusoft"]);

    // Confirmed by same_as in one of them: one entity, no longer proposed.
    let folder = lib.folder_for("bangalore");
    std::fs::write(
        folder.join("entities.toml"),
        firm(
            "neusoft-bangalore",
            "Neusoft",
            "same_as = [\"shenyang:neusoft\"]",
        ),
    )
    .unwrap();
    let (index, changes) = open(&lib);
    assert_eq!(changes.updated, ["bangalore"]);
    let summaries: Vec<_> = ["bangalore", "hsinchu", "shenyang"]
        .iter()
        .map(|id| index.summary(id).unwrap())
        .collect();
    let all = gather(&summaries);
    let neusoft = all.lookup("Neusoft Group").unwrap();
    assert_eq!(neusoft.cases.len(), 3);
    assert_eq!(neusoft.because, ["id", "same_as"]);
    assert!(all.candidates.is_empty());

    // A shared Wikidata id joins too; a same_as naming nothing is reported.
    let mut two = vec![summaries[0].clone(), summaries[1].clone()];
    two[0].entities[0].same_as = vec!["nowhere:nothing".into()];
    two[0].entities[0].wikidata = Some("Q42".into());
    two[1].entities[0].id = "other-id".into();
    two[1].entities[0].wikidata = Some("Q42".into());
    let joined = gather(&two);
    assert_eq!(joined.entities.len(), 1);
    assert_eq!(joined.entities[0].because, ["wikidata"]);
    assert_eq!(joined.dangling.len(), 1);
}

#[test]
fn a_bad_same_as_or_wikidata_is_an_error_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let src = case_study(
        dir.path(),
        "bad",
        SHENYANG,
        &firm(
            "neusoft",
            "Neusoft Group",
            "same_as = [\"no-colon\"]\nwikidata = \"95\"",
        ),
    );
    let out = run(dir.path(), &["check", src.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("entities.toml:5:"), "{err}");
    assert!(err.contains("is not `case-id:entity-id`"), "{err}");
    assert!(err.contains("is not a QID"), "{err}");
}

#[test]
fn reindex_after_a_change_touches_only_that_case_study() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library(dir.path());
    for (id, paper) in [
        ("shenyang", SHENYANG),
        ("hsinchu", HSINCHU),
        ("bangalore", BANGALORE),
    ] {
        lib.add(&case_study(dir.path(), id, paper, "")).unwrap();
    }
    let (_, first) = open(&lib);
    assert!(first.rebuilt.is_some());
    assert_eq!(first.added.len(), 4, "three and the bundled one");

    let (_, quiet) = open(&lib);
    assert!(quiet.is_quiet(), "{quiet:?}");

    // Touched but not changed: nothing indexed again.
    let paper = lib.folder_for("hsinchu").join("paper.md");
    std::fs::write(&paper, HSINCHU).unwrap();
    let (_, touched) = open(&lib);
    assert!(touched.updated.is_empty(), "{touched:?}");

    std::fs::write(
        &paper,
        "# 1. Park\n\nSemiconductor foundries cluster around Hsinchu.\n",
    )
    .unwrap();
    let (index, changed) = open(&lib);
    assert_eq!(changed.updated, ["hsinchu"]);
    assert!(changed.added.is_empty() && changed.removed.is_empty());
    let cases = |q: &str| -> Vec<String> {
        index
            .search(&Query::parse(q), 20)
            .into_iter()
            .map(|h| h.case)
            .collect()
    };
    assert_eq!(cases("foundries")[0], "hsinchu");
    assert!(
        !cases("tenant").contains(&"hsinchu".to_string()),
        "the old text is gone"
    );
    assert_eq!(cases("laboratory"), ["shenyang"]);

    std::fs::remove_dir_all(lib.folder_for("bangalore")).unwrap();
    let (index, removed) = open(&lib);
    assert_eq!(removed.removed, ["bangalore"]);
    assert!(index.search(&Query::parse("infosys"), 5).is_empty());
}

#[test]
fn a_damaged_or_deleted_index_is_rebuilt_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library(dir.path());
    lib.add(&case_study(dir.path(), "shenyang", SHENYANG, ""))
        .unwrap();
    let (index, _) = open(&lib);
    let cache = index.dir().to_path_buf();
    drop(index);

    // A segment file cut short.
    let segment = std::fs::read_dir(cache.join("tantivy"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "idx" || e == "term"))
        .expect("a segment file");
    std::fs::write(&segment, b"cut").unwrap();
    let (index, changes) = open(&lib);
    let why = changes.rebuilt.expect("rebuilt");
    assert!(why.contains("damaged"), "{why}");
    assert_eq!(index.search(&Query::parse("laboratory"), 5).len(), 1);
    drop(index);

    // A manifest that is not JSON.
    std::fs::write(cache.join("manifest.json"), b"{ not json").unwrap();
    let (_, changes) = open(&lib);
    assert!(changes.rebuilt.unwrap().contains("manifest.json"));

    // Deleted: built again, through the command line too.
    std::fs::remove_dir_all(&cache).unwrap();
    let out = run(dir.path(), &["search", "--all", "laboratory", "--json"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no library index yet"));
    let hits = json(&out);
    assert_eq!(hits[0]["case"], "shenyang");
}

#[test]
fn search_entities_and_show_across_the_library_print_the_documented_json() {
    let dir = tempfile::tempdir().unwrap();
    for (id, paper) in [("shenyang", SHENYANG), ("hsinchu", HSINCHU)] {
        // Not `neusoft`: the bundled case study has that id, for Neusoft Corporation.
        let src = case_study(
            dir.path(),
            id,
            paper,
            &firm("neusoft-group", "Neusoft Group", ""),
        );
        assert!(run(dir.path(), &["library", "add", src.to_str().unwrap()])
            .status
            .success());
    }
    // A typo, an accent-free spelling of an accented word, a joined word, a phrase.
    let hits = json(&run(
        dir.path(),
        &["search", "--all", "nuesoft", "laboratory", "--json"],
    ));
    let hit = &hits[0];
    assert_eq!(hit["case"], "shenyang");
    assert_eq!(hit["kind"], "passage");
    assert!(!hit["id"].as_str().unwrap().is_empty());
    assert!(hit["snippet"].as_str().unwrap().contains("Neusoft"));
    assert!(hit["highlights"].is_array() && hit["score"].is_number());
    let lu = json(&run(dir.path(), &["search", "--all", "luka", "--json"]));
    assert!(
        lu.as_array().unwrap().iter().any(|h| h["case"] == "dalian"),
        "Lùka"
    );
    let joined = json(&run(
        dir.path(),
        &["search", "--all", "sciencepark", "--json"],
    ));
    assert_eq!(joined[0]["case"], "hsinchu");
    let phrase = json(&run(
        dir.path(),
        &["search", "--all", "\"software park\"", "--json"],
    ));
    let cases: Vec<&str> = phrase
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["case"].as_str().unwrap())
        .collect();
    assert!(
        cases.contains(&"shenyang") && !cases.contains(&"hsinchu"),
        "{cases:?}"
    );

    let all = json(&run(dir.path(), &["entities", "--all", "--json"]));
    let neusoft = all["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Neusoft Group")
        .unwrap();
    assert_eq!(neusoft["kind"], "firm");
    assert_eq!(neusoft["mentions"], 3);
    assert_eq!(neusoft["cases"].as_array().unwrap().len(), 2);
    assert!(neusoft["cases"][0]["passages"][0]["passage"].is_string());
    assert!(all["candidates"].is_array());

    let show = run(dir.path(), &["show", "--all", "neusoft group"]);
    let text = String::from_utf8_lossy(&show.stdout);
    assert!(text.contains("3 mentions in 2 case studies"), "{text}");
    assert!(
        text.contains("hsinchu (hsinchu:neusoft-group), 1 mentions"),
        "{text}"
    );
    let none = run(dir.path(), &["show", "--all", "nobody at all"]);
    assert_eq!(none.status.code(), Some(1));
}
