//! Merging imported annotations into the stored notes.

use super::webanno::Parsed;
use super::{Anchor, Anchorer, NoteSet, NoteStore, StoreError, Target};
use crate::diag::Diagnostic;
use crate::model::Document;

/// What an import did, by note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merged {
    pub read: usize,
    pub added: usize,
    pub updated: usize,
}

impl Merged {
    pub fn unchanged(&self) -> usize {
        self.read - self.added - self.updated
    }
}

/// Commits the parsed notes (and deletions) to the store, by id. Quote-only
/// annotations get the passage they uniquely match, so they stay put later.
/// Also returns the store's own problems, such as a damaged file set aside.
pub fn merge(
    store: &NoteStore,
    parsed: &Parsed,
    doc: &Document,
) -> Result<(Merged, Vec<Diagnostic>), StoreError> {
    let anchorer = Anchorer::new(doc);
    let mut incoming = NoteSet::new();
    for (id, at) in parsed.set.tombstones() {
        incoming.delete(id, at);
    }
    for note in parsed.set.notes() {
        let mut note = note.clone();
        if note.target.passage.is_none() {
            if let Anchor::Anchored { passage, span } = anchorer.anchor(&note.target) {
                note.target = Target::from_span(&doc.passages[passage], span);
            }
        }
        incoming.upsert(note);
    }
    let before = store.load()?.set;
    let mut merged = incoming.clone();
    let problems = store.commit(&mut merged)?;
    let mut counts = Merged {
        read: incoming.len(),
        added: 0,
        updated: 0,
    };
    for note in incoming.notes() {
        match (before.get(&note.id), merged.get(&note.id)) {
            (None, Some(_)) => counts.added += 1,
            (Some(old), Some(new)) if old != new => counts.updated += 1,
            _ => {}
        }
    }
    Ok((counts, problems))
}
