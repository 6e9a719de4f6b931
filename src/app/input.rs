//! Keys that are not bound in a text mode: they edit the text field.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::state::{App, Overlay};
use crate::term::sanitize;

/// An edit of a one-line text field.
enum Edit<'t> {
    Insert(&'t str),
    Backspace,
}

impl App<'_> {
    /// Returns whether anything changed.
    pub fn text_input_key(&mut self, key: KeyEvent) -> bool {
        if let Some(Overlay::Editor(editor)) = self.overlays.last_mut() {
            // Control characters typed raw become visible text.
            if let KeyCode::Char(c) = key.code {
                if sanitize::replacement(c).is_some() {
                    let shown = sanitize::editor_input(&c.to_string());
                    editor.active().insert_str(shown);
                    return true;
                }
            }
            return editor.active().input(key);
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
            _ => return false,
        };
        self.edit_field(edit)
    }

    pub fn text_input_paste(&mut self, text: &str) -> bool {
        if let Some(Overlay::Editor(editor)) = self.overlays.last_mut() {
            return editor.active().insert_str(sanitize::editor_input(text));
        }
        // One-line fields take the paste as one line, controls made visible.
        let line = sanitize::editor_input(text).replace('\n', " ");
        self.edit_field(Edit::Insert(&line))
    }

    fn edit_field(&mut self, edit: Edit) -> bool {
        let study = self.study;
        match self.overlays.last_mut() {
            Some(Overlay::Entities(list)) => {
                apply(&mut list.filter, edit);
                list.refilter(study);
                true
            }
            Some(Overlay::Search(search)) => {
                apply(&mut search.query, edit);
                self.run_search();
                true
            }
            Some(Overlay::Notes(list)) => {
                apply(&mut list.filter, edit);
                list.refilter(&self.notebook);
                true
            }
            _ => false,
        }
    }
}

fn apply(field: &mut String, edit: Edit) {
    match edit {
        Edit::Insert(text) => field.push_str(text),
        Edit::Backspace => {
            field.pop();
        }
    }
}
