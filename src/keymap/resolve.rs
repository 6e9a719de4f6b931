//! Turning key events into actions, one key at a time, with chords.
//!
//! There is no timeout: after a chord's first key the resolver waits for the
//! next one as long as it takes. A key that continues no chord ends the wait
//! and is reported unbound (the keys typed before it are dropped).

use crossterm::event::{KeyEvent, KeyEventKind};

use super::{Action, Key, Keymap, Lookup, Mode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    Action(Action),
    /// The key started (or continued) a chord.
    Pending,
    /// Nothing is bound: in a text mode the key is text for the field.
    Unbound(KeyEvent),
    /// A key release (reported by some terminals); the UI should not act on it.
    Ignored,
}

/// Holds the key map and the keys typed so far of an unfinished chord.
#[derive(Debug, Clone)]
pub struct KeyResolver {
    keymap: Keymap,
    pending: Vec<Key>,
    mode: Mode,
}

impl KeyResolver {
    pub fn new(keymap: Keymap) -> KeyResolver {
        KeyResolver {
            keymap,
            pending: Vec::new(),
            mode: Mode::Reader,
        }
    }

    /// Keys of the chord typed so far, for a "g-" indicator or a which-key popup.
    pub fn pending(&self) -> &[Key] {
        &self.pending
    }

    /// Forgets a half-typed chord (e.g. when the view changes under it).
    pub fn reset(&mut self) {
        self.pending.clear();
    }

    pub fn feed(&mut self, mode: Mode, event: KeyEvent) -> Resolution {
        if event.kind == KeyEventKind::Release {
            return Resolution::Ignored;
        }
        if mode != self.mode {
            self.mode = mode;
            self.pending.clear();
        }
        self.pending.push(Key::from(event));
        match self.keymap.lookup(mode, &self.pending) {
            Lookup::Prefix => Resolution::Pending,
            Lookup::Action(action) => {
                self.pending.clear();
                Resolution::Action(action)
            }
            Lookup::None => {
                self.pending.clear();
                Resolution::Unbound(event)
            }
        }
    }
}
