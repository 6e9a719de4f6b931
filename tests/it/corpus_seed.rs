//! The bundled case study against the seed it was imported from.

use std::path::Path;

use casebook::corpus::{self, parse_meta, parse_paper, Source};
use casebook::import::import;
use casebook::model::{Document, PassageKind};

const SEED: &str = include_str!("../fixtures/seed_dalian.txt");
const PAPER: &str = include_str!("../../corpus/dalian/paper.md");
const META: &str = include_str!("../../corpus/dalian/meta.toml");

fn bundled() -> Document {
    corpus::open(&Source::Bundled)
        .expect("bundled corpus opens")
        .doc
}

#[test]
fn reimporting_the_seed_reproduces_the_committed_paper() {
    let imported = import(SEED, Path::new("seed.txt"), "dalian");
    assert!(
        imported.paper_md() == PAPER,
        "corpus/dalian/paper.md differs from a fresh import of the seed"
    );
    let meta = parse_meta(Path::new("meta.toml"), META).unwrap();
    assert_eq!(imported.meta.title, meta.title);
    assert_eq!(imported.meta.authors, meta.authors);
    assert_eq!(imported.meta.year, meta.year);
}

#[test]
fn loading_the_written_paper_gives_back_the_segmented_text() {
    let imported = import(SEED, Path::new("seed.txt"), "dalian");
    let (loaded, diags) = parse_paper(Path::new("paper.md"), &imported.paper_md());
    assert!(diags.is_empty(), "{diags:#?}");
    let a = &imported.doc;
    let sections = |d: &Document| {
        d.sections
            .iter()
            .map(|s| {
                (
                    s.id.clone(),
                    s.number.clone(),
                    s.title.clone(),
                    s.level,
                    s.parent,
                    s.passages.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(sections(a), sections(&loaded));
    assert_eq!(a.passages.len(), loaded.passages.len());
    for (x, y) in a.passages.iter().zip(&loaded.passages) {
        assert_eq!(
            (&x.id, x.kind, &x.text, &x.emphasis, x.section),
            (&y.id, y.kind, &y.text, &y.emphasis, y.section)
        );
        assert_eq!(x.footnote_refs, y.footnote_refs, "{}", x.id);
    }
    let notes = |d: &Document| {
        d.footnotes
            .iter()
            .map(|f| {
                (
                    f.label.clone(),
                    f.text.clone(),
                    f.emphasis.clone(),
                    f.passages.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(notes(a), notes(&loaded));
    let refs = |d: &Document| {
        d.references
            .iter()
            .map(|r| {
                (
                    r.id.clone(),
                    r.text.clone(),
                    r.author.clone(),
                    r.year,
                    r.emphasis.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(refs(a), refs(&loaded));
}

#[test]
fn bundled_paper_has_the_papers_structure() {
    let doc = bundled();
    let numbered: Vec<u8> = doc
        .sections
        .iter()
        .filter(|s| s.number.is_some())
        .map(|s| s.level)
        .collect();
    assert_eq!(numbered.len(), 26);
    let per_level: Vec<usize> = (1..=3)
        .map(|l| numbered.iter().filter(|&&x| x == l).count())
        .collect();
    assert_eq!(per_level, [5, 9, 12]);
    let refs = doc.section_index("references").expect("reference section");
    assert_eq!(
        (
            doc.sections[refs].level,
            doc.sections[refs].number.as_deref()
        ),
        (1, None)
    );
    let s = &doc.sections[doc.section_index("s3-1-1").unwrap()];
    assert_eq!(
        (s.number.as_deref(), s.title.as_str()),
        (
            Some("1)"),
            "Spin-Off and Foundation of DHC by the Dalian Information Center"
        )
    );
    assert_eq!(doc.sections[s.parent.unwrap()].id, "s3-1");
}

#[test]
fn every_footnote_is_linked_both_ways_to_its_marker() {
    let doc = bundled();
    assert_eq!(doc.footnotes.len(), 11);
    for (i, f) in doc.footnotes.iter().enumerate() {
        assert_eq!(f.label, (i + 1).to_string());
        assert!(
            !f.passages.is_empty(),
            "footnote {} has no passage",
            f.label
        );
        for &p in &f.passages {
            let passage = &doc.passages[p];
            let r = passage
                .footnote_refs
                .iter()
                .find(|r| r.footnote == i)
                .expect("back link");
            assert_eq!(
                &passage.text[r.span.clone()],
                casebook::corpus::markdown::superscript(&f.label)
            );
        }
    }
    assert_eq!(doc.passage("p2-1.1").unwrap().footnote_refs.len(), 1);
}

#[test]
fn references_are_one_entry_per_work() {
    let doc = bundled();
    assert_eq!(doc.references.len(), 41);
    let get = |id: &str| &doc.references[doc.reference_index(id).unwrap_or_else(|| panic!("{id}"))];
    assert_eq!(get("li-2009").author, "Li, P.");
    assert!(get("li-2009").text.starts_with("---. (2009)"));
    assert_eq!(get("saxenian-2008").surname(), "Saxenian");
    assert!(get("inoue-2009")
        .text
        .contains("[The Characteristics of Offshoring in Dalian]"));
    assert!(get("china-2010")
        .text
        .ends_with("Last accessed November 22, 2011."));
    assert!(get("organization-2007")
        .text
        .contains("Management Support Information Center (2007)"));
    assert!(doc
        .references
        .iter()
        .all(|r| !r.text.starts_with('*') && !r.text.contains("<u>")));
}

#[test]
fn no_passage_holds_footnote_text_a_source_line_or_half_a_paragraph() {
    let doc = bundled();
    for p in &doc.passages {
        let first = p.text.chars().next().unwrap();
        assert!(
            !casebook::corpus::markdown::is_superscript_digit(first),
            "footnote text in {}",
            p.id
        );
        assert!(
            doc.footnotes.iter().all(|f| !p.text.contains(&f.text)),
            "footnote text in {}",
            p.id
        );
        if p.kind == PassageKind::Paragraph {
            assert!(!p.text.contains("Source:"), "source line inside {}", p.id);
            assert!(!first.is_lowercase(), "{} starts mid-sentence", p.id);
            let end = p
                .text
                .trim_end_matches(|c: char| casebook::corpus::markdown::is_superscript_digit(c));
            assert!(
                end.ends_with(['.', ':', ')', '"']),
                "{} ends mid-sentence: {}",
                p.id,
                &p.text[p.text.len().saturating_sub(40)..]
            );
        }
    }
    let kinds = |k| doc.passages.iter().filter(|p| p.kind == k).count();
    // Each caption and its source line are one figure; Figure 1's caption
    // was part of its picture, so its source line stands alone.
    assert_eq!(
        (
            kinds(PassageKind::Figure),
            kinds(PassageKind::Caption) + kinds(PassageKind::Source)
        ),
        (3, 0)
    );
    let glued = doc
        .passages
        .iter()
        .find(|p| {
            p.text
                .starts_with("Research on China's information services")
        })
        .unwrap();
    assert_eq!(glued.kind, PassageKind::Paragraph);
}

#[test]
fn text_keeps_its_own_characters() {
    let doc = bundled();
    let all: String = doc.passages.iter().map(|p| p.text.as_str()).collect();
    for word in ["Xiàgăng", "Lùka", "Dàlián ruǎnjiàn yuán", "27.5%"] {
        assert!(all.contains(word), "{word}");
    }
    let p = doc
        .passages
        .iter()
        .find(|p| p.text.contains("Xiàgăng"))
        .unwrap();
    assert!(p.emphasis.iter().any(|r| &p.text[r.clone()] == "Xiàgăng"));
}

#[test]
fn bundled_corpus_checks_clean() {
    let diags = casebook::commands::check::diagnostics(&Source::Bundled);
    // Only the paper's own two citations of works missing from its reference list.
    assert_eq!(diags.len(), 2, "{diags:#?}");
    assert!(
        diags
            .iter()
            .all(|d| !d.is_error() && d.message.ends_with("matches no reference")),
        "{diags:#?}"
    );
}
