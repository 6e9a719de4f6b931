//! One convention for every command: 0 done, 1 bad input (with file and
//! line), 2 a command line that cannot be run; and one vocabulary of
//! entity kinds for `--kind`, search and `check`.

use crate::support::cli::run;

use std::path::Path;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn entities_take_every_name_of_a_kind() {
    let dir = tempfile::tempdir().unwrap();
    let orgs = run(dir.path(), &["entities", "--kind", "org"]);
    assert_eq!(orgs.status.code(), Some(0), "{}", stderr(&orgs));
    let text = String::from_utf8(orgs.stdout).unwrap();
    assert!(text.lines().count() > 20, "{text}");
    assert!(
        text.lines()
            .all(|l| l.split_whitespace().nth(2) == Some("organisation")),
        "{text}"
    );
    let spelt_out = run(dir.path(), &["entities", "--kind", "Organization"]);
    assert_eq!(String::from_utf8(spelt_out.stdout).unwrap(), text);
}

#[test]
fn an_unknown_kind_is_a_usage_error_listing_the_kinds() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["entities", "--kind", "frim"][..],
        &["search", "dalian", "--kind", "frim"],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("\"frim\"") && err.contains("firm, person, place"),
            "{err}"
        );
    }
}

#[test]
fn search_takes_the_catalogue_names_of_kinds() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["search", "software", "--kind", "organisation", "--json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["subkind"] == "org"), "{hits:?}");
}

#[test]
fn check_names_the_line_of_a_misspelt_kind() {
    let dir = tempfile::tempdir().unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/dalian");
    for f in ["meta.toml", "paper.md"] {
        std::fs::copy(bundled.join(f), dir.path().join(f)).unwrap();
    }
    std::fs::write(
        dir.path().join("entities.toml"),
        "[[entity]]\nid = \"dhc\"\nkind = \"frim\"\nname = \"DHC\"\n",
    )
    .unwrap();
    let out = run(dir.path(), &["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "entities.toml:3:8: error: entity `dhc` has unknown kind `frim`; expected one of firm,"
        ),
        "{err}"
    );
}

#[test]
fn show_suggests_the_closest_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["show", "liu"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("no entity named \"liu\"; did you mean Liu Jiren (liu-jiren)"),
        "{err}"
    );
}

#[test]
fn bad_input_is_1_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let corpus = missing.to_str().unwrap();
    for args in [
        &["series"][..],
        &["timeline"],
        &["entities"],
        &["search", "x"],
        &["export"],
        &["notes", "list"],
        &["check"],
    ] {
        let mut with_corpus = vec!["--corpus", corpus];
        with_corpus.extend_from_slice(args);
        let out = run(dir.path(), &with_corpus);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("nowhere:0:0: error: no case-study folder"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let config = dir.path().join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("keymap.toml"), "[reader\n").unwrap();
    let out = run(dir.path(), &["keys"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("keymap.toml:1:"), "{}", stderr(&out));
}

#[test]
fn usage_errors_are_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["frobnicate"][..], &["series", "--yaml"], &["show"]] {
        assert_eq!(run(dir.path(), args).status.code(), Some(2), "{args:?}");
    }
}
