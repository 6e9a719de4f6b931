//! Keys that are not bound in a text mode: they edit the text field.

use crossterm::event::KeyEvent;

use crate::app::state::App;

impl App<'_> {
    /// Returns whether anything changed.
    pub fn text_input_key(&mut self, _key: KeyEvent) -> bool {
        false
    }

    pub fn text_input_paste(&mut self, _text: &str) -> bool {
        false
    }
}
