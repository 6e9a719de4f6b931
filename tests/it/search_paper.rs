//! Real queries against the bundled case study, with the hit a reader
//! expects first.

use std::sync::OnceLock;

use casebook::corpus::{open, Source};
use casebook::entities::Catalog;
use casebook::search::adapters::{docs_from_catalog, docs_from_document};
use casebook::search::{Hit, HitKind, Index, Query};

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let study = open(&Source::Bundled).expect("bundled case study opens");
        let mut docs = docs_from_document(&study.doc);
        let file = study
            .entities_toml
            .as_ref()
            .expect("bundled entity catalogue");
        docs.extend(docs_from_catalog(
            &Catalog::parse(&file.path, &file.text).expect("catalogue parses"),
        ));
        Index::build(docs)
    })
}

/// What the first hit must be.
enum Expect {
    Entity(&'static str),
    /// A passage whose text contains this.
    PassageWith(&'static str),
}

fn check(query: &str, expect: &Expect, hit: &Hit) -> Result<(), String> {
    let doc = index().doc(hit.doc);
    let ok = match expect {
        Expect::Entity(id) => hit.kind == HitKind::Entity && hit.id == *id,
        Expect::PassageWith(s) => hit.kind == HitKind::Passage && doc.text.contains(s),
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{query:?}: first hit {:?} {} ({})",
            hit.kind, hit.id, hit.snippet
        ))
    }
}

#[test]
fn real_queries_find_the_expected_first_hit() {
    use Expect::*;
    let table = [
        (
            "where did they talk about the postal savings project?",
            PassageWith("Green Card (Lùka)"),
        ),
        ("who was Li Yuanming?", Entity("li-yuanming")),
        ("what did Neusoft get from Alpine?", Entity("alpine")),
        ("luka", Entity("green-card-project")),
        ("@passage luka", PassageWith("Green Card (Lùka)")),
        ("xiagang", PassageWith("Xiàgăng")),
        ("nec", Entity("nec")),
        ("@passage nec", PassageWith("NEC")),
        ("neusfot", Entity("neusoft")),
        ("71,700", PassageWith("71,700")),
        ("27.5%", PassageWith("27.5%")),
        (
            "\"postal savings system\"",
            PassageWith("postal savings system"),
        ),
        (
            "\"green card (lùka)\" project",
            PassageWith("Green Card (Lùka)"),
        ),
        (
            "Dalian Software Park anchor tenant",
            PassageWith("anchor tenant"),
        ),
    ];
    let failures: Vec<String> = table
        .iter()
        .filter_map(
            |(q, expect)| match index().search(&Query::parse(q), 10).first() {
                Some(hit) => check(q, expect, hit).err(),
                None => Some(format!("{q:?}: no hits")),
            },
        )
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn person_filter_lists_only_people() {
    let hits = index().search(&Query::parse("@person liu"), 20);
    assert!(hits.len() >= 2, "{hits:?}");
    for hit in &hits {
        let doc = index().doc(hit.doc);
        assert_eq!(doc.subkind.as_deref(), Some("person"), "{}", hit.id);
        assert!(doc.names.iter().any(|n| n.starts_with("Liu")), "{}", hit.id);
    }
}

#[test]
fn passages_naming_nec_come_before_passages_with_necessary() {
    let hits = index().search(&Query::parse("@passage nec"), 200);
    let names_nec = |h: &Hit| {
        index()
            .doc(h.doc)
            .text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "NEC")
    };
    let first_other = hits
        .iter()
        .position(|h| !names_nec(h))
        .unwrap_or(hits.len());
    assert!(first_other >= 2, "only {first_other} NEC passages first");
    assert!(
        hits[first_other..].iter().all(|h| !names_nec(h)),
        "an NEC passage ranks below a fragment match"
    );
}

#[test]
fn highlights_point_at_the_matched_words_in_the_passage() {
    let hit = &index().search(&Query::parse("@passage xiagang"), 1)[0];
    let text = &index().doc(hit.doc).text;
    let marked: Vec<&str> = hit
        .text_highlights
        .iter()
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(marked, ["Xiàgăng"]);
}
