//! All notes of one case study plus the ids deleted from it, and how two copies merge.
//!
//! Merge rule: union by id; the version with the later `modified` wins; a
//! deletion is kept as a tombstone (id + time) and beats every version of the
//! note modified at or before it, so a stale copy cannot bring a deleted note
//! back. Equal times fall back to comparing content, so every copy converges.

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::Timestamp;

use super::model::Note;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteSet {
    /// Shared, so that a copy of the set (the one a save takes to its
    /// worker thread) costs a count per note, not the notes.
    notes: BTreeMap<String, Arc<Note>>,
    deleted: BTreeMap<String, Timestamp>,
}

impl NoteSet {
    pub fn new() -> NoteSet {
        NoteSet::default()
    }

    pub fn len(&self) -> usize {
        self.notes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Note> {
        self.notes.get(id).map(Arc::as_ref)
    }

    /// Notes in order of id, which is no order a reader sees.
    pub fn iter(&self) -> impl Iterator<Item = &Note> {
        self.notes.values().map(Arc::as_ref)
    }

    /// Notes in order of creation (ties by id).
    pub fn notes(&self) -> Vec<&Note> {
        let mut all: Vec<&Note> = self.notes.values().map(Arc::as_ref).collect();
        all.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        all
    }

    /// Deleted ids with the time of deletion.
    pub fn tombstones(&self) -> impl Iterator<Item = (&str, Timestamp)> {
        self.deleted.iter().map(|(id, t)| (id.as_str(), *t))
    }

    /// Adds or replaces a note, under the merge rule.
    pub fn upsert(&mut self, note: Note) {
        if self.takes(&note) {
            self.notes.insert(note.id.clone(), Arc::new(note));
        }
    }

    /// Whether `note` would change this set under the merge rule.
    fn takes(&self, note: &Note) -> bool {
        let buried = self
            .deleted
            .get(&note.id)
            .is_some_and(|&gone| note.modified <= gone);
        !buried && self.notes.get(&note.id).is_none_or(|old| newer(note, old))
    }

    /// Deletes a note, leaving a tombstone dated `at`. Returns whether it existed.
    pub fn delete(&mut self, id: &str, at: Timestamp) -> bool {
        let existed = self.notes.contains_key(id);
        self.bury(id, at);
        existed
    }

    fn bury(&mut self, id: &str, at: Timestamp) {
        let at = self.deleted.get(id).map_or(at, |&t| t.max(at));
        self.deleted.insert(id.to_string(), at);
        if self.notes.get(id).is_some_and(|n| n.modified <= at) {
            self.notes.remove(id);
        }
    }

    /// Folds `other` into `self` under the merge rule.
    pub fn merge(&mut self, other: &NoteSet) {
        for (id, &at) in &other.deleted {
            self.bury(id, at);
        }
        // Only what wins is taken: a save merges every note of the
        // session back, nearly all of them unchanged.
        for note in other.notes.values() {
            if self.takes(note) {
                self.notes.insert(note.id.clone(), Arc::clone(note));
            }
        }
    }
}

/// Whether `a` should replace `b` (same id): the later `modified`, then
/// `created`, then the content, so that every copy picks the same version.
fn newer(a: &Note, b: &Note) -> bool {
    fn key(n: &Note) -> (Timestamp, Timestamp, &String, &Vec<String>, &Vec<String>) {
        (n.modified, n.created, &n.text, &n.tags, &n.codes)
    }
    match key(a).cmp(&key(b)) {
        // Targets are compared as printed only when all else is equal and
        // they differ (never for the unchanged notes a save merges back).
        std::cmp::Ordering::Equal => {
            a.target != b.target && format!("{:?}", a.target) > format!("{:?}", b.target)
        }
        order => order == std::cmp::Ordering::Greater,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::model::Target;
    use jiff::SignedDuration;

    fn note(text: &str) -> Note {
        Note::new(Target::default(), text, vec![])
    }

    #[test]
    fn newer_version_wins_both_ways() {
        let a = note("v1");
        let mut b = a.clone();
        b.text = "v2".into();
        b.touch();
        let (mut left, mut right) = (NoteSet::new(), NoteSet::new());
        left.upsert(a.clone());
        right.upsert(b.clone());
        let mut l2 = left.clone();
        l2.merge(&right);
        right.merge(&left);
        assert_eq!(l2, right);
        assert_eq!(right.get(&a.id).unwrap().text, "v2");
    }

    #[test]
    fn stale_copy_does_not_resurrect_a_deletion() {
        let a = note("x");
        let mut mine = NoteSet::new();
        mine.upsert(a.clone());
        let stale = mine.clone();
        assert!(mine.delete(&a.id, Timestamp::now() + SignedDuration::from_nanos(1)));
        mine.merge(&stale);
        assert!(mine.get(&a.id).is_none());
        let mut theirs = stale.clone();
        theirs.merge(&mine);
        assert!(theirs.get(&a.id).is_none());
        assert_eq!(theirs.tombstones().count(), 1);
    }

    #[test]
    fn edit_after_deletion_survives() {
        let a = note("x");
        let mut mine = NoteSet::new();
        mine.upsert(a.clone());
        mine.delete(&a.id, a.modified);
        let mut edited = a.clone();
        edited.touch();
        mine.upsert(edited);
        assert!(mine.get(&a.id).is_some());
    }
}
