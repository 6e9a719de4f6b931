//! The bundled paper linked against the bundled catalogue.

use std::path::Path;

use casebook::corpus::{open, Source};
use casebook::entities::{case, link, lint, Catalog, Links, Place};
use casebook::model::Document;

fn paper() -> (Document, Catalog, Links) {
    let study = open(&Source::Bundled).unwrap();
    let catalog = case::catalog_of(&study).unwrap();
    let links = link(&study.doc, &catalog);
    (study.doc, catalog, links)
}

fn places(doc: &Document) -> Vec<Place> {
    (0..doc.passages.len())
        .map(Place::Passage)
        .chain((0..doc.footnotes.len()).map(Place::Footnote))
        .collect()
}

/// An independent, slow matcher: every occurrence of every name by plain
/// search, then leftmost-longest. The linker must agree with it exactly.
fn naive(text: &str, catalog: &Catalog) -> Vec<(usize, std::ops::Range<usize>)> {
    let lower = text.to_ascii_lowercase();
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut hits = Vec::new();
    for (e, entity) in catalog.entities.iter().enumerate() {
        for name in entity.names() {
            let exact = !name.chars().any(char::is_lowercase);
            let (hay, needle) = if exact {
                (text.to_string(), name.to_string())
            } else {
                (lower.clone(), name.to_ascii_lowercase())
            };
            for (s, _) in hay.match_indices(&needle) {
                let end = s + needle.len();
                let inner_start = word(name.chars().next()) && word(text[..s].chars().next_back());
                let inner_end = word(name.chars().next_back()) && word(text[end..].chars().next());
                if !inner_start && !inner_end {
                    hits.push((s, end, e));
                }
            }
        }
    }
    hits.sort_by_key(|&(s, end, e)| (s, std::cmp::Reverse(end), e));
    let mut out = Vec::new();
    let mut last = 0;
    for (s, end, e) in hits {
        if s >= last {
            out.push((e, s..end));
            last = end;
        }
    }
    out
}

#[test]
fn every_name_is_linked_where_the_text_uses_it_and_never_inside_a_longer_one() {
    let (doc, catalog, links) = paper();
    for place in places(&doc) {
        let got: Vec<(usize, std::ops::Range<usize>)> = links
            .mentions_in(place)
            .map(|m| (links.entity_of(m), links.mention(m).span))
            .collect();
        assert_eq!(got, naive(place.text(&doc), &catalog), "{place:?}");
    }
    assert!(
        links.mentions().count() > 300,
        "{} mentions",
        links.mentions().count()
    );
}

#[test]
fn every_entity_and_alias_is_used_and_only_two_citations_are_unresolved() {
    let (doc, catalog, links) = paper();
    let warnings: Vec<String> = lint::lint(&catalog, &doc, &links, Path::new("paper.md"))
        .iter()
        .map(ToString::to_string)
        .collect();
    // Seki's works are of 2003 and 2006; the Japanese original of this paper is not listed.
    assert_eq!(
        warnings,
        [
            "paper.md:38:1: warning: citation \"Seki 1993\" in passage p2-1.1 matches no reference",
            "paper.md:268:1: warning: citation \"Yan and Nozomu Kawabata,(2012)\" in passage p-notes.3 matches no reference",
        ]
    );
}

fn texts(doc: &Document, catalog: &Catalog, links: &Links, id: &str) -> Vec<String> {
    let e = catalog.index(id).unwrap();
    links
        .mentions_of(e)
        .map(|m| {
            let m = links.mention(m);
            m.place.text(doc)[m.span.clone()].to_string()
        })
        .collect()
}

#[test]
fn tricky_names_in_the_paper() {
    let (doc, catalog, links) = paper();
    let t = |id: &str| texts(&doc, &catalog, &links, id);
    assert_eq!(t("nec"), ["NEC", "NEC"]);
    assert_eq!(t("nec-soft"), ["NEC Soft"]);
    assert_eq!(t("ge"), ["GE", "GE"]);
    assert_eq!(t("bo-xilai"), ["Mayor Bo Xilai", "Mayor Bo", "Mayor Bo"]);
    assert_eq!(t("sun-yinhuan"), ["Sun Yinhuan", "President Sun"]);
    assert_eq!(t("gao-lihua"), ["Gao Lihua", "Gao Lihua"]);
    assert_eq!(
        t("neusoft-institute"),
        [
            "Dalian Neusoft Institute of Information",
            "Neusoft Institute of Information",
            "Neusoft Institute of Information"
        ]
    );
    assert_eq!(
        t("dalian-maritime-university"),
        [
            "Dalian Maritime College",
            "Dalian Maritime University",
            "Maritime University"
        ]
    );
    assert!(t("hisoft").contains(&"HiSoft Technology International Limited".to_string()));
    assert!(t("alpine").starts_with(&[
        "Alpine Electronics, Inc.".to_string(),
        "Alpine Electronics".to_string()
    ]));
    assert!(t("dalian-information-center")
        .iter()
        .all(|m| m.ends_with("Information Center") || m == "Xinxizhongxin"));
    // The possessive form is a mention.
    let neusoft = catalog.index("neusoft").unwrap();
    assert!(links.mentions_of(neusoft).any(|m| {
        let m = links.mention(m);
        m.place.text(&doc)[m.span.end..].starts_with("'s")
    }));
}

#[test]
fn citations_of_the_paper_resolve_ditto_entries_and_shared_surnames() {
    let (doc, _, links) = paper();
    let resolved = |text: &str| -> Vec<String> {
        links
            .citations
            .iter()
            .filter(|c| c.text(&doc) == text)
            .map(|c| {
                c.reference
                    .map_or("-".into(), |r| doc.references[r].id.clone())
            })
            .collect()
    };
    assert_eq!(resolved("Li 2010, p. 6"), ["li-2010"]);
    assert_eq!(resolved("Li 2008, p. 93"), ["li-2008"]);
    assert_eq!(resolved("Li 2009, pp. 82, 89"), ["li-2009"]);
    assert_eq!(resolved("Seki 2006, p. 199"), ["seki-2006"]);
    assert_eq!(
        resolved("Saxenian (2004, 2006, 2008)"),
        ["saxenian-2004", "saxenian-2006", "saxenian-2008"]
    );
    assert_eq!(
        resolved("Gregory et al., 2009, Chapter 4"),
        ["gregory-2009"]
    );
    assert_eq!(resolved("Kondo 2009"), ["kondo-2009"]);
    assert_eq!(resolved("Takahashi 2009"), ["takahashi-2009"]);
    // Cited by the report's year, listed by its publication year.
    assert_eq!(resolved("Neusoft Corporation 2010"), ["neusoft-2011"]);
    assert!(links.citations.len() >= 55, "{}", links.citations.len());
    // Footnote citations are found too.
    assert!(links
        .citations
        .iter()
        .any(|c| matches!(c.place, Place::Footnote(_)) && c.text(&doc) == "Sato, 2007, p.10"));
}

#[test]
fn every_mention_knows_its_place_and_all_are_listed_once() {
    let (doc, _, links) = paper();
    let mut seen = 0;
    for place in places(&doc) {
        for m in links.mentions_in(place) {
            let mention = links.mention(m);
            assert_eq!(links.place_of(m), place);
            assert_eq!(mention.place, place);
            assert_eq!(mention.entity, links.entity_of(m));
            assert!(place.text(&doc).get(mention.span.clone()).is_some());
            seen += 1;
        }
    }
    assert!(places(&doc)
        .iter()
        .any(|&p| links.mentions_in(p).is_empty()));
    assert_eq!(seen, links.mentions().count());
}
