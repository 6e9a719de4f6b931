//! Words typed without the space between them: a person's full name as one
//! word, a firm's two-word or hyphenated name run together.

use std::sync::OnceLock;

use casebook::corpus::{open, Source};
use casebook::entities::Catalog;
use casebook::search::adapters::{docs_from_catalog, docs_from_document};
use casebook::search::{HitKind, Index, Query, SearchDoc};

fn passage(id: &str, text: &str) -> SearchDoc {
    SearchDoc {
        kind: HitKind::Passage,
        id: id.into(),
        title: id.into(),
        text: text.into(),
        ..SearchDoc::default()
    }
}

fn person(id: &str, names: &[&str], text: &str) -> SearchDoc {
    SearchDoc {
        kind: HitKind::Entity,
        subkind: Some("person".into()),
        names: names.iter().map(|n| n.to_string()).collect(),
        ..passage(id, text)
    }
}

fn ids(index: &Index, q: &str) -> Vec<String> {
    index
        .search(&Query::parse(q), 20)
        .into_iter()
        .map(|h| h.id)
        .collect()
}

fn small() -> Index {
    Index::build(vec![
        person("liu-jun", &["Liu Jun", "President Liu Jun"], "entrepreneur"),
        passage(
            "founding",
            "In 1996 Liu Jun founded Dalian Hi-Think Computer.",
        ),
        passage("postal", "the postal savings system of 1994"),
        passage(
            "apart",
            "Liu said that Jun was elsewhere; postal work, savings",
        ),
    ])
}

#[test]
fn two_words_typed_as_one_match_in_names_and_passages() {
    let index = small();
    assert_eq!(ids(&index, "liujun"), ["liu-jun", "founding"]);
    assert_eq!(ids(&index, "LiuJun founded"), ["founding"]);
    assert_eq!(ids(&index, "postalsavings"), ["postal"]);
    assert_eq!(ids(&index, "postalsav"), ["postal"], "while typing");
}

#[test]
fn hyphenated_and_three_word_names_typed_as_one() {
    let index = small();
    assert_eq!(ids(&index, "hithink"), ["founding"]);
    assert_eq!(ids(&index, "dalianhi"), ["founding"]);
    assert_eq!(ids(&index, "dalianhithink"), ["founding"]);
    assert_eq!(ids(&index, "presidentliujun"), ["liu-jun"]);
}

#[test]
fn a_typo_in_a_long_joined_word_still_finds_it() {
    let index = small();
    assert_eq!(ids(&index, "postalsavigns"), ["postal"]);
    assert_eq!(ids(&index, "postlasavings"), ["postal"]);
    assert_eq!(ids(&index, "postalsvings"), ["postal"]);
    assert_eq!(ids(&index, "presidentliujnu"), ["liu-jun"]);
}

#[test]
fn joined_words_are_highlighted_where_they_stand() {
    let index = small();
    let hit = &index.search(&Query::parse("@passage liujun"), 1)[0];
    let text = &index.doc(hit.doc).text;
    let marked: Vec<&str> = hit
        .text_highlights
        .iter()
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(marked, ["Liu Jun"]);
}

fn paper() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let study = open(&Source::Bundled).expect("bundled case study opens");
        let file = study.entities_toml.as_ref().expect("entity catalogue");
        let catalog = Catalog::parse(&file.path, &file.text).expect("catalogue parses");
        let mut docs = docs_from_catalog(&catalog);
        docs.extend(docs_from_document(&study.doc));
        Index::build(docs)
    })
}

#[test]
fn on_the_paper_names_typed_without_spaces_find_the_entity_first() {
    let table = [
        ("liujun", "liu-jun"),
        ("xiaderen", "xia-deren"),
        ("boxilai", "bo-xilai"),
        ("liyuanming", "li-yuanming"),
        ("hithink", "dhc"),
        ("@firm dalianhi", "dhc"),
    ];
    let failures: Vec<String> = table
        .iter()
        .filter_map(|(q, want)| {
            let hits = paper().search(&Query::parse(q), 10);
            let first = hits.first().map(|h| h.id.as_str());
            (first != Some(want)).then(|| format!("{q:?}: first {first:?}, want {want}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn on_the_paper_postalsavings_finds_the_passages() {
    let hits = paper().search(&Query::parse("postalsavings"), 20);
    assert!(hits.len() >= 2, "{hits:?}");
    let text = &paper().doc(hits[0].doc).text;
    assert_eq!(hits[0].kind, HitKind::Passage);
    assert!(text.to_lowercase().contains("postal savings"), "{text}");
}
