//! Keys as a user types them: through the key map in force and the same
//! routing as the session, into `update`.

use casebook::app::input::route;
use casebook::app::state::App;
use casebook::app::update::update;
use casebook::app::Effect;
use casebook::keymap::{Key, KeyResolver};
use crossterm::event::KeyEvent;

/// Presses keys written in key-map notation, separated by spaces
/// (`"e <Enter> j"`); returns the effects asked for on the way.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut resolver = KeyResolver::new(app.keymap.clone());
    press_with(app, &mut resolver, keys)
}

/// As [`press`], with a resolver that lives across calls (half-typed chords).
pub fn press_with(app: &mut App, resolver: &mut KeyResolver, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for notation in keys.split_whitespace() {
        let key: Key = notation
            .parse()
            .unwrap_or_else(|e| panic!("{notation}: {e}"));
        if let Some(msg) = route(app, resolver, KeyEvent::from(key)) {
            effects.extend(update(app, msg));
        }
    }
    effects
}

/// Types text into the field of the view on top, a character at a time.
pub fn type_text(app: &mut App, text: &str) {
    let mut resolver = KeyResolver::new(app.keymap.clone());
    for c in text.chars() {
        if let Some(msg) = route(app, &mut resolver, KeyEvent::from(Key::char(c))) {
            update(app, msg);
        }
    }
}
