//! `casebook search` as a user runs it.

use std::process::{Command, Output};

use serde_json::Value;

fn search(args: &[&str]) -> Output {
    let data = tempfile::tempdir().expect("temporary data folder");
    Command::new(env!("CARGO_BIN_EXE_casebook"))
        .arg("search")
        .args(args)
        .env_remove("CASEBOOK_CORPUS")
        .env("CASEBOOK_DATA_DIR", data.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("casebook runs")
}

fn json(args: &[&str]) -> Vec<Value> {
    let out = search(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Vec<Value>>(&out.stdout).expect("JSON list of hits")
}

#[test]
fn json_hits_carry_kind_id_score_snippet_and_passage_text() {
    let hits = json(&["71,700", "--json"]);
    let first = &hits[0];
    assert_eq!(first["kind"], "passage");
    assert!(first["id"].as_str().is_some_and(|id| !id.is_empty()));
    assert!(first["score"].as_i64().is_some());
    assert!(first["snippet"].as_str().unwrap().contains("71,700"));
    assert!(first["text"].as_str().unwrap().contains("71,700"));
    let h = &first["text_highlights"][0];
    let (start, end) = (
        h["start"].as_u64().unwrap() as usize,
        h["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&first["text"].as_str().unwrap()[start..end], "71,700");
}

#[test]
fn kind_and_limit_restrict_the_list() {
    let hits = json(&["liu", "--kind", "person", "--limit", "1", "--json"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["kind"], "entity");
    assert_eq!(hits[0]["subkind"], "person");
    assert!(
        hits[0].get("text").is_none(),
        "only passage hits carry the full text"
    );
}

#[test]
fn several_words_form_one_query_and_text_output_is_grouped() {
    let out = search(&["who", "was", "Li", "Yuanming?"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("entity ("), "{text}");
    assert!(
        text.lines().nth(1).unwrap().contains("li-yuanming"),
        "{text}"
    );
    assert!(text.contains("\npassage ("), "{text}");
}

#[test]
fn an_unknown_kind_is_a_usage_error() {
    let out = search(&["liu", "--kind", "planet"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown kind \"planet\""));
}

#[test]
fn no_match_is_said_plainly() {
    let out = search(&["zzzqqqxxx"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "no matches\n");
}
