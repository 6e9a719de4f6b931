//! Which notes changed in this session and are not yet committed. A note
//! stays unsaved (listed as such, kept in a draft, asked about on quit)
//! until a save that included its current version succeeded.

use std::collections::BTreeSet;

use jiff::Timestamp;

use crate::notes::Notebook;

/// A note's version as a save took it: its `modified` time, `None` once
/// deleted.
pub type Version = (String, Option<Timestamp>);

#[derive(Debug, Default)]
pub struct Unsaved {
    /// Ids of notes changed or deleted here and not yet saved.
    changed: BTreeSet<String>,
    /// A save is running.
    pub saving: bool,
    /// Quit once everything is saved (the user chose "save again" on quit).
    pub quit_when_saved: bool,
    /// Why the last save failed, until one succeeds.
    pub failure: Option<String>,
}

impl Unsaved {
    /// Records a change to note `id`.
    pub fn mark(&mut self, id: &str) {
        self.changed.insert(id.to_string());
    }

    pub fn contains(&self, id: &str) -> bool {
        self.changed.contains(id)
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.changed.iter().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.changed.len()
    }

    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
    }

    /// The versions of the unsaved notes in `notebook`, as a save takes them.
    pub fn versions(&self, notebook: &Notebook) -> Vec<Version> {
        self.changed
            .iter()
            .map(|id| (id.clone(), notebook.set().get(id).map(|n| n.modified)))
            .collect()
    }

    /// A save of `included` succeeded: each note it took is saved unless it
    /// changed again since (then it waits for the next save).
    pub fn saved(&mut self, included: &[Version], notebook: &Notebook) {
        for (id, version) in included {
            if notebook.set().get(id).map(|n| n.modified) == *version {
                self.changed.remove(id);
            }
        }
        self.failure = None;
    }

    /// The user chose to drop every unsaved change.
    pub fn discard(&mut self) {
        self.changed.clear();
    }
}
