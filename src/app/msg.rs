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
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
}
