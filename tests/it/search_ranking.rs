//! How matches are ordered: what was typed (exactly or as a beginning) before
//! what merely resembles it, and an entity's names before its description.

use std::sync::OnceLock;

use casebook::corpus::{open, Source};
use casebook::entities::Catalog;
use casebook::search::adapters::{docs_from_catalog, docs_from_document};
use casebook::search::{Hit, HitKind, Index, Query, SearchDoc};

fn doc(kind: HitKind, id: &str, names: &[&str], text: &str) -> SearchDoc {
    SearchDoc {
        kind,
        id: id.into(),
        title: id.into(),
        text: text.into(),
        names: names.iter().map(|n| n.to_string()).collect(),
        subkind: (kind == HitKind::Entity).then(|| "place".into()),
        ..SearchDoc::default()
    }
}

fn ids(index: &Index, q: &str) -> Vec<String> {
    index
        .search(&Query::parse(q), 20)
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn exact_and_prefix_matches_rank_above_fuzzy_ones_always() {
    // An entity name, repeated in its description, against one plain mention.
    let index = Index::build(vec![
        doc(
            HitKind::Entity,
            "zhongguancun",
            &["Zhongguancun"],
            "Zhongguancun, the model; Zhongguancun again",
        ),
        doc(HitKind::Reference, "zhang", &[], "Zhang, Yan (2012)"),
    ]);
    assert_eq!(ids(&index, "zhang"), ["zhang", "zhongguancun"]);
    assert_eq!(ids(&index, "zhan"), ["zhang", "zhongguancun"], "a prefix");
    let hits = index.search(&Query::parse("zhang"), 5);
    assert!(hits[0].score > 0);
}

#[test]
fn names_outrank_descriptions_and_descriptions_rank_below_passages() {
    // Entities come first, as the reader builds its index, so ties favoured them.
    let index = Index::build(vec![
        doc(
            HitKind::Entity,
            "partner",
            &["Alpine"],
            "Partner of NEC; NEC bought a share",
        ),
        doc(HitKind::Entity, "nec", &["NEC"], "Japanese firm"),
        doc(HitKind::Passage, "passage", &[], "NEC opened an office"),
        doc(HitKind::Footnote, "note", &[], "see NEC"),
    ]);
    assert_eq!(ids(&index, "nec"), ["nec", "passage", "note", "partner"]);
}

fn paper() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let study = open(&Source::Bundled).expect("bundled case study opens");
        let file = study.entities_toml.as_ref().expect("entity catalogue");
        let catalog = Catalog::parse(&file.path, &file.text).expect("catalogue parses");
        // The reader's order: entities first.
        let mut docs = docs_from_catalog(&catalog);
        docs.extend(docs_from_document(&study.doc));
        Index::build(docs)
    })
}

fn has_word(hit: &Hit, word: &str) -> bool {
    let d = paper().doc(hit.doc);
    d.names
        .iter()
        .chain([&d.text])
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .any(|w| w.eq_ignore_ascii_case(word))
}

#[test]
fn on_the_paper_zhang_finds_zhang_before_zhongguancun() {
    let hits = paper().search(&Query::parse("zhang"), 50);
    assert!(has_word(&hits[0], "zhang"), "first: {}", hits[0].id);
    let first_fuzzy = hits.iter().position(|h| !has_word(h, "zhang"));
    let first_fuzzy = first_fuzzy.unwrap_or(hits.len());
    assert!(
        hits[first_fuzzy..].iter().all(|h| !has_word(h, "zhang")),
        "an exact match below a fuzzy one: {:?}",
        hits.iter().map(|h| &h.id).collect::<Vec<_>>()
    );
}

#[test]
fn on_the_paper_description_only_entities_follow_the_passages() {
    let hits = paper().search(&Query::parse("postal savings"), 100);
    // No entity is named "postal savings"; some describe it.
    let described = |h: &Hit| h.kind == HitKind::Entity;
    let last_passage = hits.iter().rposition(|h| h.kind == HitKind::Passage);
    let first_described = hits.iter().position(described);
    assert!(first_described.is_some() && last_passage.is_some());
    assert!(
        last_passage < first_described,
        "{:?}",
        hits.iter().map(|h| (&h.id, h.kind)).collect::<Vec<_>>()
    );
}
