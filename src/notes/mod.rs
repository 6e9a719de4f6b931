//! Notes on passages: the model, the store, re-anchoring, import and export.
//!
//! A reader holds a [`Notebook`] (notes plus where each sits in the current
//! document), changes it in memory, then calls [`NoteStore::commit`] and
//! [`Notebook::reload`] with the merged result; "saved" may be shown once
//! `commit` returned `Ok`.

pub mod anchor;
pub mod codebook;
pub mod draft;
pub mod durable;
pub mod export;
pub mod filter;
pub mod merge;
pub mod model;
pub mod qdpx;
pub mod recover;
pub mod set;
pub mod store;

pub mod text;
pub mod webanno;

use std::collections::HashMap;

use jiff::Timestamp;

use crate::model::Document;

pub use anchor::Anchorer;
pub use codebook::{Code, CodeBook, Colour};
pub use draft::{
    clear_draft, load_drafts, load_editor_drafts, save_draft, save_editor_draft, Autosave, Draft,
    RecoveredDraft, StoredDraft, AUTOSAVE_EVERY,
};
pub use filter::Filter;
pub use model::{Anchor, Note, NoteKind, Quote, Target};
pub use set::NoteSet;
pub use store::{
    Access, Committed, Conflict, Loaded, NoteStore, Recovered, StoreError, CONFLICT_TAG,
};

/// The notes of one case study, each placed in the current document.
#[derive(Debug, Clone, Default)]
pub struct Notebook {
    set: NoteSet,
    anchors: HashMap<String, Anchor>,
    /// This session's changes, latest last, for [`Notebook::undo`].
    history: Vec<Change>,
    /// The codes in force (the case study's and the library's).
    codes: CodeBook,
    /// Ids of notes changed here since [`Notebook::take_changed`] last asked.
    changed: Vec<String>,
}

/// One change as it can be taken back: the note before it (`None`: it was new).
#[derive(Debug, Clone)]
struct Change {
    id: String,
    before: Option<Note>,
    what: &'static str,
}

/// Changes kept for undo; older ones are forgotten.
const UNDO_DEPTH: usize = 200;

impl Notebook {
    pub fn new(set: NoteSet, doc: &Document) -> Notebook {
        let mut book = Notebook {
            set: NoteSet::new(),
            anchors: HashMap::new(),
            history: Vec::new(),
            codes: CodeBook::default(),
            changed: Vec::new(),
        };
        book.reload(set, doc);
        book
    }

    /// Replaces the notes (after a commit) and re-anchors those whose target
    /// changed. `doc` must be the document the notebook was made for; after
    /// the text itself changed, build a new notebook.
    pub fn reload(&mut self, set: NoteSet, doc: &Document) {
        let anchorer = Anchorer::new(doc);
        // In place: after a save nearly every note is unchanged, and its
        // anchor and id stay where they are.
        self.anchors.retain(|id, _| set.get(id).is_some());
        for note in set.iter() {
            let unchanged = self
                .set
                .get(&note.id)
                .is_some_and(|old| old.target == note.target);
            if !(unchanged && self.anchors.contains_key(&note.id)) {
                let anchor = anchorer.anchor(&note.target);
                self.anchors.insert(note.id.clone(), anchor);
            }
        }
        self.set = set;
    }

    pub fn codebook(&self) -> &CodeBook {
        &self.codes
    }

    /// The code book read from disk (or as saved).
    pub fn set_codebook(&mut self, codes: CodeBook) {
        self.codes = codes;
    }

    /// Defines a new code in this session; it is saved with the notes.
    pub fn define_code(&mut self, code: Code) -> Result<(), codebook::CodeBookError> {
        self.codes.define(code)
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

    /// Every note applying `code` (ignoring case), in reading order.
    pub fn coded(&self, code: &str) -> Vec<(&Note, &Anchor)> {
        let mut found = self.list(&Filter::default());
        found.retain(|(n, _)| n.has_code(code));
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

    /// Where every note is, in no particular order.
    pub fn anchors(&self) -> impl Iterator<Item = &Anchor> {
        self.anchors
            .iter()
            .filter(|(id, _)| self.set.get(id).is_some())
            .map(|(_, anchor)| anchor)
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
        self.add(doc, Note::new(target, text, tags))
    }

    /// Adds a new note (a highlight, a coding or a comment); returns its id.
    pub fn add(&mut self, doc: &Document, note: Note) -> String {
        let id = note.id.clone();
        self.remember(&id, "creation");
        self.put(note, doc);
        id
    }

    /// Replaces the codes applied by a note. Returns false if there is no such note.
    pub fn set_codes(&mut self, doc: &Document, id: &str, codes: Vec<String>) -> bool {
        let Some(mut note) = self.set.get(id).cloned() else {
            return false;
        };
        self.remember(id, "code change");
        note.codes = model::clean_tags(codes);
        note.touch();
        self.put(note, doc);
        true
    }

    /// Renames a code on every note that applies it; returns how many changed.
    pub fn rename_code(&mut self, doc: &Document, from: &str, to: &str) -> usize {
        let ids: Vec<String> = self
            .set
            .notes()
            .iter()
            .filter(|n| n.has_code(from))
            .map(|n| n.id.clone())
            .collect();
        for id in &ids {
            let codes = self.set.get(id).map_or_else(Vec::new, |n| {
                n.codes
                    .iter()
                    .map(|c| {
                        if c.eq_ignore_ascii_case(from) {
                            to.to_string()
                        } else {
                            c.clone()
                        }
                    })
                    .collect()
            });
            self.set_codes(doc, id, codes);
        }
        ids.len()
    }

    /// Takes back this session's latest change to the notes; says what was
    /// undone, or `None` when there is nothing left to undo.
    pub fn undo(&mut self, doc: &Document) -> Option<&'static str> {
        let Change { id, before, what } = self.history.pop()?;
        match before {
            None => {
                self.delete_quietly(&id);
            }
            Some(mut note) => {
                // Later than the change (or the deletion's tombstone), so it wins every merge.
                let now = self.set.get(&id).map_or(note.modified, |n| n.modified);
                note.modified = note.modified.max(now);
                note.touch();
                self.put(note, doc);
            }
        }
        Some(what)
    }

    /// Whether there is a change to undo.
    pub fn can_undo(&self) -> bool {
        !self.history.is_empty()
    }

    fn remember(&mut self, id: &str, what: &'static str) {
        if self.history.len() == UNDO_DEPTH {
            self.history.remove(0);
        }
        self.history.push(Change {
            id: id.to_string(),
            before: self.set.get(id).cloned(),
            what,
        });
    }

    /// Changes a note's text and tags. Returns false if there is no such note.
    pub fn update(&mut self, doc: &Document, id: &str, text: &str, tags: Vec<String>) -> bool {
        let Some(mut note) = self.set.get(id).cloned() else {
            return false;
        };
        self.remember(id, "edit");
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
        self.remember(id, "move");
        note.target = target;
        note.touch();
        self.put(note, doc);
        true
    }

    /// Deletes a note (a tombstone keeps it deleted in other copies).
    pub fn delete(&mut self, id: &str) -> bool {
        if self.set.get(id).is_some() {
            self.remember(id, "deletion");
        }
        self.delete_quietly(id)
    }

    fn delete_quietly(&mut self, id: &str) -> bool {
        let at = self.set.get(id).map_or_else(Timestamp::now, |n| {
            Timestamp::now().max(n.modified + jiff::SignedDuration::from_nanos(1))
        });
        self.anchors.remove(id);
        self.changed.push(id.to_string());
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
        self.remember(id, "move");
        note.touch();
        self.put(note, doc);
        true
    }

    /// The notes changed (created, edited, coded, deleted, undone) since the
    /// last call: every change goes through `put` or `delete_quietly`.
    pub fn take_changed(&mut self) -> Vec<String> {
        std::mem::take(&mut self.changed)
    }

    fn put(&mut self, note: Note, doc: &Document) {
        let anchor = Anchorer::new(doc).anchor(&note.target);
        self.anchors.insert(note.id.clone(), anchor);
        self.changed.push(note.id.clone());
        self.set.upsert(note);
    }
}
