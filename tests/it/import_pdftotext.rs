//! A text shaped like `pdftotext` output: hard-wrapped lines, form feeds,
//! running heads, page numbers, a dot-leader contents page, "Chapter N"
//! headings and hyphenated line ends.

use std::path::Path;

use casebook::corpus::parse_paper;
use casebook::import::import;
use casebook::model::PassageKind;

const TEXT: &str = include_str!("../fixtures/pdftotext_harbours.txt");

fn imported() -> casebook::import::Imported {
    import(TEXT, Path::new("harbours.txt"), "harbours")
}

#[test]
fn title_block_gives_the_meta() {
    let meta = imported().meta;
    assert_eq!(meta.title, "A History of Harbour Towns on the North Coast");
    assert_eq!(meta.authors, ["Maria Lindqvist", "Tomás Ortega"]);
    assert_eq!(meta.year, Some(2019));
    assert_eq!(meta.series.as_deref(), Some("Working Paper No. 7"));
}

#[test]
fn chapters_and_decimal_sections_take_three_levels() {
    let doc = imported().doc;
    let got: Vec<(String, u8)> = doc
        .sections
        .iter()
        .map(|s| (s.heading(), s.level))
        .collect();
    let want = [
        ("Chapter 1 Introduction", 1),
        ("1.1 Sources", 2),
        ("1.2 Method", 2),
        ("Chapter 2 Harbours and Trade", 1),
        ("2.1 Quays and Warehouses", 2),
        ("2.1.1 Timber Quays", 3),
        ("References", 1),
    ];
    let want: Vec<(String, u8)> = want.iter().map(|(h, l)| (h.to_string(), *l)).collect();
    assert_eq!(got, want);
    assert_eq!(doc.sections[5].id, "s2-1-1");
}

#[test]
fn page_furniture_and_contents_are_gone_and_split_text_rejoined() {
    let doc = imported().doc;
    for p in &doc.passages {
        assert!(
            !p.text.contains("Harbour Towns of the North Coast"),
            "running head in {}",
            p.id
        );
        assert!(!p.text.contains(". . ."), "contents line in {}", p.id);
        assert!(!p.text.contains('\u{c}'), "form feed in {}", p.id);
    }
    let sources = &doc.passages[doc.sections[1].passages.start];
    assert!(
        sources.text.contains("allow the development of trade"),
        "{}",
        sources.text
    );
    assert!(
        sources
            .text
            .contains("Where the registers are missing, customs accounts"),
        "{}",
        sources.text
    );
    assert!(
        sources.text.contains("A well-known weakness"),
        "{}",
        sources.text
    );
    let last = doc
        .passages
        .iter()
        .find(|p| p.text.starts_with("Timber quays"))
        .unwrap();
    assert!(last
        .text
        .ends_with("in most towns, and in the smallest towns even more."));
    let kinds: Vec<PassageKind> = doc.passages.iter().map(|p| p.kind).collect();
    let figure = doc
        .passages
        .iter()
        .find(|p| p.kind == PassageKind::Figure)
        .expect("a figure passage");
    assert!(
        figure.text.lines().count() == 2
            && figure.text.lines().nth(1).unwrap().starts_with("Source"),
        "caption and source in one figure passage: {:?}",
        figure.text
    );
    assert!(!kinds.contains(&PassageKind::Caption) && !kinds.contains(&PassageKind::Source));
}

#[test]
fn footnote_and_references_are_recognised() {
    let doc = imported().doc;
    assert_eq!(doc.footnotes.len(), 1);
    assert!(doc.footnotes[0]
        .text
        .ends_with("the well-known survey by Dahl and Moe (1999)."));
    assert_eq!(doc.footnotes[0].passages, [0]);
    let refs: Vec<&str> = doc.references.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(refs, ["berg-2004", "berg-2010", "dahl-1999"]);
    assert!(doc.references[0]
        .text
        .contains("Fisheries, 1800-1950. Oslo"));
}

#[test]
fn guessed_hyphen_is_a_warning_and_the_output_loads_cleanly() {
    let imported = imported();
    let msgs: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert!(
        msgs.iter()
            .any(|m| m.starts_with("harbours.txt:61:1: warning: hyphen") && m.contains("quayside")),
        "{msgs:#?}"
    );
    let (doc, diags) = parse_paper(Path::new("paper.md"), &imported.paper_md());
    assert!(diags.is_empty(), "{diags:#?}");
    assert_eq!(doc.passages.len(), imported.doc.passages.len());
}

/// The head of real `pdftotext` output (Springer's llncs instructions):
/// section numbers on lines of their own, paragraphs with no blank line
/// between them, ligature characters.
const LLNCS: &str = include_str!("../fixtures/pdftotext_llncsdoc_head.txt");

#[test]
fn numbers_on_their_own_line_head_sections_and_short_closing_lines_end_paragraphs() {
    let doc = import(LLNCS, Path::new("llncsdoc.txt"), "llncsdoc").doc;
    let headings: Vec<String> = doc.sections.iter().map(|s| s.heading()).collect();
    assert_eq!(
        headings,
        [
            "1 Installation",
            "2 Working with the llncs Document Class",
            "2.1 General Information"
        ]
    );
    let starts: Vec<&str> = doc.passages.iter().map(|p| &p.text[..20]).collect();
    assert_eq!(
        starts,
        [
            "Copy llncs.cls to a ",
            "The llncs class is a",
            "If you are already f",
            "For a more detailed "
        ]
    );
    assert!(doc.passages[2].text.contains("major difficulties"));
}

#[test]
fn a_text_with_no_heading_keeps_its_body_in_an_untitled_section() {
    let body: String = LLNCS
        .lines()
        .filter(|l| {
            !matches!(
                l.trim(),
                "1" | "2" | "2.1" | "Installation" | "General Information"
            )
        })
        .filter(|l| !l.starts_with("Working with"))
        .map(|l| format!("{l}\n"))
        .collect();
    let doc = import(&body, Path::new("llncsdoc.txt"), "llncsdoc").doc;
    assert_eq!(doc.sections.len(), 1);
    assert_eq!(doc.sections[0].title, "Text");
    assert!(doc.passages.len() >= 2, "{:#?}", doc.passages);
    assert!(doc
        .passages
        .iter()
        .any(|p| p.text.starts_with("If you are already")));
}
