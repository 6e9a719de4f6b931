//! From terminal keys to messages, and typed text into the field of the
//! view on top. The session and the tests route keys the same way.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::msg::Msg;
use crate::app::state::App;
use crate::keymap::{KeyResolver, Mode, Resolution};
use crate::term::sanitize;
use crate::views::{self, Overlay};

/// What a key means now: an action of the key map in force, text for a
/// text mode's field, or nothing yet (half a chord).
pub fn route(app: &App, resolver: &mut KeyResolver, key: KeyEvent) -> Option<Msg> {
    let mode = app.mode();
    let mut resolution = resolver.feed(mode, key);
    // The side pane's table only overrides the reader's.
    if let (Resolution::Unbound(key), Mode::Side) = (&resolution, mode) {
        resolution = resolver.feed(Mode::Reader, *key);
    }
    match resolution {
        Resolution::Action(action) => Some(Msg::Action(action)),
        Resolution::Unbound(key) if mode.is_text() => Some(Msg::Key(key)),
        Resolution::Unbound(_) | Resolution::Pending | Resolution::Ignored => None,
    }
}

/// An edit of a one-line text field.
pub enum Edit<'t> {
    Insert(&'t str),
    Backspace,
}

impl Edit<'_> {
    pub fn apply(self, field: &mut String) {
        match self {
            Edit::Insert(text) => field.push_str(text),
            Edit::Backspace => {
                field.pop();
            }
        }
    }
}

/// A key typed into the field of the view on top.
pub(crate) fn typed(app: &mut App, key: KeyEvent) {
    if let Some(Overlay::Editor(editor)) = app.overlays.last_mut() {
        editor.type_key(key);
        return;
    }
    let mut buf = [0u8; 4];
    let edit = match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Edit::Insert(c.encode_utf8(&mut buf))
        }
        KeyCode::Backspace => Edit::Backspace,
        _ => return,
    };
    views::edit_field(app, edit);
}

/// Pasted text: the editor takes it whole; a one-line field takes it as one
/// line. Controls are made visible either way.
pub(crate) fn pasted(app: &mut App, text: &str) {
    if let Some(Overlay::Editor(editor)) = app.overlays.last_mut() {
        editor.paste(text);
        return;
    }
    let line = sanitize::editor_input(text).replace('\n', " ");
    views::edit_field(app, Edit::Insert(&line));
}
