//! Small documents and the bundled catalogue for the entity tests.
#![allow(dead_code)]

use std::path::Path;

use casebook::entities::Catalog;
use casebook::model::{Document, Footnote, FootnoteRef, Passage, PassageKind, Reference};

pub fn bundled() -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/dalian/entities.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    Catalog::parse(&path, &text).unwrap_or_else(|e| panic!("{e:?}"))
}

pub fn passage(id: &str, kind: PassageKind, text: &str) -> Passage {
    Passage {
        id: id.to_string(),
        section: 0,
        kind,
        text: text.to_string(),
        footnote_refs: Vec::new(),
        emphasis: Vec::new(),
        line: 1,
    }
}

/// Paragraphs, then footnotes as (label, text, index of the passage citing it).
pub fn doc(
    paragraphs: &[&str],
    footnotes: &[(&str, &str, usize)],
    references: Vec<Reference>,
) -> Document {
    let mut passages: Vec<Passage> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, t)| passage(&format!("p{i}"), PassageKind::Paragraph, t))
        .collect();
    let footnotes = footnotes
        .iter()
        .enumerate()
        .map(|(f, &(label, text, at))| {
            let end = passages[at].text.len();
            passages[at].footnote_refs.push(FootnoteRef {
                footnote: f,
                span: end..end,
            });
            Footnote {
                label: label.to_string(),
                text: text.to_string(),
                emphasis: Vec::new(),
                passages: vec![at],
                line: 100 + f,
            }
        })
        .collect();
    Document::new(Vec::new(), passages, footnotes, references)
}

pub fn reference(id: &str, author: &str, year: i32) -> Reference {
    Reference {
        id: id.to_string(),
        text: format!("{author} ({year}), a work."),
        author: author.to_string(),
        year: Some(year),
        emphasis: Vec::new(),
        line: 1,
    }
}
