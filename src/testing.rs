//! Small synthetic documents for tests of layout and navigation.
#![doc(hidden)]

use crate::model::{Document, Passage, PassageKind, Section};

/// A paper with `sections` top-level sections of `per_section` passages each;
/// passage `i` has `words` words.
pub fn synthetic_doc(sections: usize, per_section: usize, words: usize) -> Document {
    let mut secs = Vec::new();
    let mut passages = Vec::new();
    for s in 0..sections {
        let start = passages.len();
        for k in 0..per_section {
            let i = passages.len();
            let text = (0..words)
                .map(|w| format!("w{i}x{w}"))
                .collect::<Vec<_>>()
                .join(" ");
            passages.push(Passage {
                id: format!("p{}.{}", s + 1, k + 1),
                section: s,
                kind: PassageKind::Paragraph,
                text,
                footnote_refs: Vec::new(),
                emphasis: Vec::new(),
                line: i + 1,
            });
        }
        secs.push(Section {
            id: format!("s{}", s + 1),
            number: Some(format!("{}.", s + 1)),
            title: format!("Section {}", s + 1),
            level: 1,
            parent: None,
            passages: start..passages.len(),
            line: 1,
        });
    }
    Document::new(secs, passages, Vec::new(), Vec::new())
}
