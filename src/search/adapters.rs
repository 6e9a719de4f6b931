//! Turning what casebook knows into [`SearchDoc`]s.

use crate::entities::Catalog;
use crate::model::Document;
use crate::notes::Note;

use super::{HitKind, SearchDoc};

/// Sections (by heading), passages, footnotes and references of a paper.
/// A passage's title is its section heading, shown as context, not searched.
pub fn docs_from_document(doc: &Document) -> Vec<SearchDoc> {
    let heading = |section: usize| {
        doc.sections
            .get(section)
            .map(|s| s.heading())
            .unwrap_or_default()
    };
    let sections = doc.sections.iter().map(|s| SearchDoc {
        kind: HitKind::Section,
        id: s.id.clone(),
        title: s.heading(),
        text: s.heading(),
        ..SearchDoc::default()
    });
    let passages = doc.passages.iter().map(|p| SearchDoc {
        kind: HitKind::Passage,
        id: p.id.clone(),
        title: heading(p.section),
        text: p.text.clone(),
        subkind: Some(p.kind.name().to_string()),
        ..SearchDoc::default()
    });
    let footnotes = doc.footnotes.iter().map(|f| SearchDoc {
        kind: HitKind::Footnote,
        id: footnote_id(&f.label),
        title: format!("Footnote {}", f.label),
        text: f.text.clone(),
        ..SearchDoc::default()
    });
    let references = doc.references.iter().map(|r| SearchDoc {
        kind: HitKind::Reference,
        id: r.id.clone(),
        title: match r.year {
            Some(year) => format!("{} ({year})", r.surname()),
            None => r.surname().to_string(),
        },
        text: r.text.clone(),
        ..SearchDoc::default()
    });
    sections
        .chain(passages)
        .chain(footnotes)
        .chain(references)
        .collect()
}

/// The id a footnote hit carries: `fn` and the label (`fn5`).
pub fn footnote_id(label: &str) -> String {
    format!("fn{label}")
}

/// Entities, searched by name and aliases first, then by description.
pub fn docs_from_catalog(catalog: &Catalog) -> Vec<SearchDoc> {
    catalog
        .entities
        .iter()
        .map(|e| SearchDoc {
            kind: HitKind::Entity,
            id: e.id.clone(),
            title: e.name.clone(),
            text: e.description.clone(),
            subkind: Some(e.kind.short().to_string()),
            names: e.names().map(str::to_string).collect(),
            ..SearchDoc::default()
        })
        .collect()
}

/// Notes, searched by their text, tags and codes and found by `#tag` or
/// `#code` (so `#Northeast China` finds the tag with a space); the title is
/// the quoted passage text they are about.
pub fn docs_from_notes<'a>(notes: impl IntoIterator<Item = &'a Note>) -> Vec<SearchDoc> {
    notes
        .into_iter()
        .map(|n| SearchDoc {
            kind: HitKind::Note,
            id: n.id.clone(),
            title: n.target.quote.exact.clone(),
            text: [n.text.as_str()]
                .into_iter()
                .chain(n.tags.iter().chain(&n.codes).map(String::as_str))
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
            tags: n.tags.iter().chain(&n.codes).cloned().collect(),
            ..SearchDoc::default()
        })
        .collect()
}
