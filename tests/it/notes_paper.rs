//! Notes on the bundled paper, re-anchored after edits of its Markdown.

use std::path::Path;

use casebook::corpus::{open, parse_paper, Source};
use casebook::model::Document;
use casebook::notes::{Anchor, Filter, NoteSet, Notebook, Target};

fn paper() -> (String, Document) {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/dalian/paper.md"
    ))
    .unwrap();
    let case = open(&Source::Bundled).unwrap();
    (src, case.doc)
}

fn reparse(src: &str) -> Document {
    let (doc, diags) = parse_paper(Path::new("paper.md"), src);
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
    doc
}

/// A note on 40 characters in the middle of every passage long enough.
fn annotate(doc: &Document) -> Notebook {
    let mut book = Notebook::new(NoteSet::new(), doc);
    for p in doc
        .passages
        .iter()
        .filter(|p| p.text.chars().count() >= 120)
    {
        let idx: Vec<usize> = p.text.char_indices().map(|(i, _)| i).collect();
        let mid = idx.len() / 2;
        let target = Target::from_span(p, idx[mid]..idx[mid + 40]);
        book.create(doc, target, "n", vec![]);
    }
    book
}

fn states(book: &Notebook) -> Vec<&'static str> {
    book.list(&Filter::default())
        .iter()
        .map(|(_, a)| a.state())
        .collect()
}

#[test]
fn every_note_on_the_paper_anchors_where_it_was_made() {
    let (_, doc) = paper();
    let book = annotate(&doc);
    assert!(
        book.set().len() >= 30,
        "the bundled paper has real passages"
    );
    assert!(states(&book).iter().all(|s| *s == "anchored"));
}

#[test]
fn rewrapped_markdown_keeps_every_note_anchored() {
    let (src, doc) = paper();
    let book = annotate(&doc);
    // Break every long line after each sentence, as an editor's re-wrap would.
    let wrapped: String = src
        .lines()
        .map(|l| {
            if l.len() > 100 {
                l.replace(". ", ".\n")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let edited = reparse(&wrapped);
    let again = Notebook::new(book.set().clone(), &edited);
    assert!(
        states(&again).iter().all(|s| *s == "anchored"),
        "{:?}",
        states(&again)
    );
}

#[test]
fn deleting_a_passage_orphans_only_its_notes() {
    let (src, doc) = paper();
    let book = annotate(&doc);
    let victim = "<!-- passage p1-2.2 -->";
    let start = src.find(victim).unwrap();
    let end = start + src[start..].find("\n\n").unwrap() + 2;
    let edited = reparse(&format!("{}{}", &src[..start], &src[end..]));
    let again = Notebook::new(book.set().clone(), &edited);
    let lost: Vec<&str> = again
        .list(&Filter::default())
        .iter()
        .filter(|(_, a)| matches!(a, Anchor::Orphaned))
        .map(|(n, _)| n.target.passage.as_deref().unwrap())
        .collect();
    assert_eq!(lost, ["p1-2.2"]);
    assert_eq!(
        states(&again).iter().filter(|s| **s == "anchored").count(),
        book.set().len() - 1
    );
}
