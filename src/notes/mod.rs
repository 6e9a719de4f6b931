//! Notes on passages: the model, the store, re-anchoring, import and export.
//!
//! A reader holds a [`Notebook`] (notes plus where each sits in the current
//! document), changes it in memory, then calls [`NoteStore::commit`] and
//! [`Notebook::reload`] with the merged result; "saved" may be shown once
//! `commit` returned `Ok`.

pub mod anchor;
pub mod draft;
pub mod durable;
pub mod export;
pub mod merge;
pub mod model;
pub mod recover;
pub mod set;
pub mod store;
pub mod text;
pub mod webanno;

use std::collections::HashMap;

use jiff::Timestamp;

use crate::model::Document;

pub use anchor::Anchorer;
pub use draft::{
    clear_draft, load_drafts, load_editor_drafts, save_draft, save_editor_draft, Autosave, Draft,
    RecoveredDraft, StoredDraft, AUTOSAVE_EVERY,
};
pub use model::{Anchor, Note, Quote, Target};
pub use set::NoteSet;
pub use store::{
    Access, Committed, Conflict, Loaded, NoteStore, Recovered, StoreError, CONFLICT_TAG,
};

/// Which notes to list: all given conditions must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A tag, compared without regard to ASCII case.
    pub tag: Option<String>,
    /// Text found (case-insensitively) in the note, its quote or its tags.
    pub text: Option<String>,
}

impl Filter {
    pub fn matches(&self, note: &Note) -> bool {
        let tag_ok = self.tag.as_deref().is_none_or(|t| note.has_tag(t));
        let text_ok = self.text.as_deref().is_none_or(|q| {
            let q = q.to_lowercase();
            note.text.to_lowercase().contains(&q)
                || note.target.quote.exact.to_lowercase().contains(&q)
                || note.tags.iter().any(|t| t.to_lowercase().contains(&q))
        });
        tag_ok && text_ok
    }
}

/// The notes of one case study, each placed in the current document.
#[derive(Debug, Clone, Default)]
pub struct Notebook {
    set: NoteSet,
    anchors: HashMap<String, Anchor>,
}

impl Notebook {
    pub fn new(set: NoteSet, doc: &Document) -> Notebook {
        let mut book = Notebook {
            set: NoteSet::new(),
            anchors: HashMap::new(),
        };
        book.reload(set, doc);
        book
    }

    /// Replaces the notes (after a commit) and re-anchors those whose target
    /// changed. `doc` must be the document the notebook was made for; after
    /// the text itself changed, build a new notebook.
    pub fn reload(&mut self, set: NoteSet, doc: &Document) {
        let anchorer = Anchorer::new(doc);
        let mut anchors = HashMap::with_capacity(set.len());
        for note in set.notes() {
            let unchanged = self
                .set
                .get(&note.id)
                .is_some_and(|old| old.target == note.target);
            let anchor = match self.anchors.get(&note.id) {
                Some(a) if unchanged => a.clone(),
                _ => anchorer.anchor(&note.target),
            };
            anchors.insert(note.id.clone(), anchor);
        }
        self.set = set;
        self.anchors = anchors;
    }

    /// The notes as they should be committed.
    pub fn set(&self) -> &NoteSet {
        &self.set
    }

    pub fn get(&self, id: &str) -> Option<(&Note, &Anchor)> {
        let note = self.set.get(id)?;
        Some((note, self.anchors.get(id).unwrap_or(&Anchor::Orphaned)))
    }

    /// Notes placed on passage `passage` (index), in text order.
    pub fn notes_for_passage(&self, passage: usize) -> Vec<(&Note, &Anchor)> {
        let mut found: Vec<_> = self
            .entries()
            .filter(|(_, a)| a.passage() == Some(passage))
            .collect();
        found.sort_by_key(|(n, a)| (a.span().map_or(0, |s| s.start), n.created));
        found
    }

    /// Notes matching `filter`, in reading order; orphaned ones last.
    pub fn list(&self, filter: &Filter) -> Vec<(&Note, &Anchor)> {
        let mut found: Vec<_> = self.entries().filter(|(n, _)| filter.matches(n)).collect();
        found.sort_by_key(|(n, a)| {
            let place = a
                .passage()
                .map_or((usize::MAX, 0), |p| (p, a.span().map_or(0, |s| s.start)));
            (place, n.created)
        });
        found
    }

    /// All distinct tags (ignoring ASCII case; first spelling shown) with how
    /// many notes carry each, most used first.
    pub fn tags(&self) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for note in self.set.notes() {
            for tag in &note.tags {
                match out.iter_mut().find(|(t, _)| t.eq_ignore_ascii_case(tag)) {
                    Some((_, n)) => *n += 1,
                    None => out.push((tag.clone(), 1)),
                }
            }
        }
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }

    fn entries(&self) -> impl Iterator<Item = (&Note, &Anchor)> {
        self.set
            .notes()
            .into_iter()
            .map(|n| (n, self.anchors.get(&n.id).unwrap_or(&Anchor::Orphaned)))
    }

    /// Adds a new note on `target`; returns its id.
    pub fn create(
        &mut self,
        doc: &Document,
        target: Target,
        text: &str,
        tags: Vec<String>,
    ) -> String {
        let note = Note::new(target, text, tags);
        let id = note.id.clone();
        self.put(note, doc);
        id
    }

    /// Adds `note` as it is (made elsewhere, as the editor makes a new
    /// note and its drafts under one id).
    pub fn insert(&mut self, doc: &Document, note: Note) {
        self.put(note, doc);
    }

    /// Changes a note's text and tags. Returns false if there is no such note.
    pub fn update(&mut self, doc: &Document, id: &str, text: &str, tags: Vec<String>) -> bool {
        let Some(mut note) = self.set.get(id).cloned() else {
            return false;
        };
        note.text = text.to_string();
        note.tags = model::clean_tags(tags);
        note.touch();
        self.put(note, doc);
        true
    }

    /// Moves a note to another quote. Returns false if there is no such note.
    pub fn retarget(&mut self, doc: &Document, id: &str, target: Target) -> bool {
        let Some(mut note) = self.set.get(id).cloned() else {
            return false;
        };
        note.target = target;
        note.touch();
        self.put(note, doc);
        true
    }

    /// Deletes a note (a tombstone keeps it deleted in other copies).
    pub fn delete(&mut self, id: &str) -> bool {
        let at = self.set.get(id).map_or_else(Timestamp::now, |n| {
            Timestamp::now().max(n.modified + jiff::SignedDuration::from_nanos(1))
        });
        self.anchors.remove(id);
        self.set.delete(id, at)
    }

    /// Accepts a drifted note's new place: its target becomes the text found
    /// there. Returns false unless the note is drifted.
    pub fn accept_drift(&mut self, doc: &Document, id: &str) -> bool {
        let (Some(note), Some(Anchor::Drifted { passage, span, .. })) =
            (self.set.get(id), self.anchors.get(id))
        else {
            return false;
        };
        let mut note = note.clone();
        note.target = Target::from_span(&doc.passages[*passage], span.clone());
        note.touch();
        self.put(note, doc);
        true
    }

    fn put(&mut self, note: Note, doc: &Document) {
        let anchor = Anchorer::new(doc).anchor(&note.target);
        self.anchors.insert(note.id.clone(), anchor);
        self.set.upsert(note);
    }
}
