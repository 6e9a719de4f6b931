//! Everything that can change the reader's state arrives as a [`Msg`];
//! everything `update` wants done outside it leaves as an [`Effect`].

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::app::unsaved::Version;
use crate::keymap::Action;
use crate::library::shelf::ShelfEvent;
use crate::notes::{Conflict, NoteSet};

/// One input to [`update`](crate::app::update::update).
#[derive(Debug)]
pub enum Msg {
    /// A key (or chord) the key map turned into an action.
    Action(Action),
    /// A key the key map does not bind in a text mode: text for the field.
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// The terminal's new size.
    Resize(Rect),
    /// Time passed: the session sends this every few seconds while a note
    /// is being edited, with or without input, so its draft is kept.
    Tick,
    /// The result of [`Effect::SaveNotes`], done off the UI thread.
    Saved(Saved),
    /// Drafts of unsaved notes were written (how many), or why not.
    Drafted(Result<usize, String>),
    /// The result of saving the search history or the marks: why it
    /// failed, if it did.
    Stored(Result<(), String>),
    /// A mouse event, turned into an action or a focus by `app::input`.
    Mouse(crossterm::event::MouseEvent),
    /// The library's loading went on, or ended.
    Shelf(ShelfEvent),
}

/// What a save gave: the notes as committed (merged with what other
/// sessions saved) and what is worth a word, or why nothing was saved.
#[derive(Debug, Clone)]
pub struct Saved {
    /// The unsaved notes the save took, each at the version it took.
    pub included: Vec<Version>,
    pub result: Result<Committed, String>,
    /// Another save was asked for while this one ran.
    pub again: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Committed {
    pub set: NoteSet,
    /// Problems in the file on disk, already handled.
    pub problems: Vec<String>,
    /// Notes also changed in another session: both versions are kept.
    pub conflicts: Vec<Conflict>,
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Action(action)
    }
}

/// I/O the session performs after an update; `update` itself never touches
/// files or the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Commit the notebook to the store, off the UI thread; the result comes
    /// back as [`Msg::Saved`], and only then does the reader say "Saved".
    /// Until then every unsaved note is kept in a draft. Asked for while a
    /// save runs, it follows that one.
    SaveNotes,
    /// Write the open editor's draft if it changed (at most every few seconds).
    Autosave,
    /// Bring the drafts on disk in line with the notes: a draft for every
    /// unsaved note, none for a note saved or discarded.
    SyncDrafts,
    /// As [`Effect::SyncDrafts`], answered by [`Msg::Drafted`] (before quitting).
    KeepDrafts,
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Write the search history (a query was added).
    SaveSearchHistory,
    /// Write this case study's marks.
    SaveMarks,
}
