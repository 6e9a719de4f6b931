//! `casebook import`: a PDF-extracted plain text segmented into a case-study folder.
//!
//! Works by rules about extracted text in general: page furniture, hard
//! wrapping, hyphenation, footnote blocks, figure captions, split paragraphs.
//! Whatever it cannot decide becomes a warning with the input's line number.

mod blocks;
mod build;
mod classify;
mod figures;
mod footnotes;
mod front;
mod headings;
mod inline;
mod lines;
mod references;
mod rejoin;
pub mod writer;

use std::path::Path;

use crate::diag::Diagnostic;
use crate::model::{Document, Meta};

/// The result of importing one text.
pub struct Imported {
    pub meta: Meta,
    pub doc: Document,
    /// Warnings against the input text (`path:line:col`).
    pub warnings: Vec<Diagnostic>,
}

impl Imported {
    /// The index of the reference-list section, if the paper has one.
    pub fn references_section(&self) -> Option<usize> {
        let first = self.doc.references.first()?;
        self.doc.sections.iter().rposition(|s| s.line < first.line)
    }

    pub fn paper_md(&self) -> String {
        writer::paper(&self.doc, self.references_section())
    }

    pub fn meta_toml(&self) -> String {
        writer::meta(&self.meta)
    }
}

/// Segments `text`; `path` names the input in warnings, `id` becomes the case-study id.
pub fn import(text: &str, path: &Path, id: &str) -> Imported {
    let mut lines = lines::read(text);
    lines::strip_furniture(&mut lines);
    let vocab = blocks::Vocabulary::new(&lines);
    let mut blocks = blocks::split(lines);
    let toc = blocks::take_toc(&mut blocks);
    let classified = classify::classify(&blocks, &vocab, &toc);
    let mut guesses = classified.hyphen_guesses;
    let mut doubts = classified.doubts;
    let pieces = rejoin::rejoin(classified.pieces, &vocab, &mut guesses, &mut doubts);
    let built = build::build(pieces);
    doubts.extend(built.doubts);
    let (mut meta, unused) = front::read_meta(id, &built.front);
    for (text, line) in unused {
        let short: String = text.chars().take(60).collect();
        doubts.push((
            line,
            format!("front matter not used for meta.toml: {short:?}"),
        ));
    }
    if meta.title.is_empty() {
        doubts.push((1, "no title found; edit meta.toml".into()));
        meta.title = id.to_string();
    }
    if meta.authors.is_empty() {
        doubts.push((1, "no author line found; edit meta.toml".into()));
    }
    for g in guesses {
        doubts.push((
            g.line,
            format!(
                "hyphen at line end: joined as {:?}, the text has neither form elsewhere",
                g.word
            ),
        ));
    }
    doubts.sort();
    doubts.dedup();
    let warnings = doubts
        .into_iter()
        .map(|(line, m)| Diagnostic::warning(path, line, 1, m))
        .collect();
    Imported {
        meta,
        doc: built.doc,
        warnings,
    }
}
