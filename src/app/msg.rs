//! Everything that can change the reader's state arrives as a [`Msg`];
//! everything `update` wants done outside it leaves as an [`Effect`].

use crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::keymap::Action;
use crate::notes::NoteSet;

/// One input to [`update`](crate::app::update::update).
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key (or chord) the key map turned into an action.
    Action(Action),
    /// A key the key map does not bind in a text mode: text for the field.
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// The terminal's new size.
    Resize(Rect),
    /// The result of [`Effect::SaveNotes`]: the notes as committed (merged
    /// with what other sessions saved) and problems worth a word, or why
    /// nothing was saved.
    Saved(Result<(NoteSet, Vec<String>), String>),
    /// The result of saving the search history or the marks: why it
    /// failed, if it did.
    Stored(Result<(), String>),
    /// A mouse event, turned into an action or a focus by `app::input`.
    Mouse(crossterm::event::MouseEvent),
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
    /// Commit the notebook to the store; the result comes back as
    /// [`Msg::Saved`], and only then does the reader say "Saved".
    SaveNotes,
    /// The editor was closed without saving: forget any recovered draft.
    DiscardDraft,
    /// Write the search history (a query was added).
    SaveSearchHistory,
    /// Write this case study's marks.
    SaveMarks,
}
