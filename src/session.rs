//! The interactive session: terminal events in, frames out, effects done.
//!
//! One synchronous loop. It blocks on the terminal, so an idle casebook uses
//! no CPU and writes nothing; a frame is drawn only when the rendered screen
//! differs from the last one, and goes out in one write.

use std::io;
use std::sync::Arc;

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::state::App;
use crate::app::update::{update, Effect};
use crate::keymap::{KeyResolver, Keymap, Mode, Resolution};
use crate::rescue::SharedRescue;
use crate::storage::Storage;
use crate::term::screen::Screen;
use crate::term::{signals, terminal};
use crate::ui;

/// The full-screen terminal, from entering it to leaving it (also when
/// dropped early, for instance when loading fails after a first frame).
pub struct Session {
    out: terminal::Backend,
    screen: Screen,
    rescue: SharedRescue,
    watcher: Option<signals::Watcher>,
}

impl Session {
    /// Enters full-screen mode; from now on a hang-up or termination saves
    /// what `rescue` holds and restores the terminal.
    pub fn enter(rescue: SharedRescue) -> io::Result<Session> {
        let out = terminal::enter()?;
        let on_signal = rescue.clone();
        let watcher = signals::catch(Arc::new(move || {
            if let Ok(rescue) = on_signal.lock() {
                rescue.save();
            }
        }))?;
        Ok(Session {
            out,
            screen: Screen::new(),
            rescue,
            watcher: Some(watcher),
        })
    }

    /// Sizes `app` to the terminal and shows it.
    pub fn draw(&mut self, app: &mut App, keymap: &Keymap) -> io::Result<()> {
        let size = self.out.size()?;
        app.resize(Rect::new(0, 0, size.width, size.height));
        present(&mut self.out, app, keymap, &mut self.screen)?;
        // Signals are caught from the start, acted on from the first frame.
        match self.watcher.take() {
            Some(watcher) => watcher.start(),
            None => Ok(()),
        }
    }

    /// Runs the reader until it quits; the screen moves on from whatever
    /// was drawn before.
    pub fn run(mut self, app: &mut App, keymap: &Keymap, storage: &mut Storage) -> io::Result<()> {
        let result = self.event_loop(app, keymap, storage);
        if result.is_err() {
            // A dead terminal: keep what was being written before giving up.
            if let Ok(rescue) = self.rescue.lock() {
                rescue.save();
            }
        }
        result
    }

    fn event_loop(
        &mut self,
        app: &mut App,
        keymap: &Keymap,
        storage: &mut Storage,
    ) -> io::Result<()> {
        let mut resolver = KeyResolver::new(keymap.clone());
        self.draw(app, keymap)?;
        while !app.quit {
            let changed = match event::read()? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    let mode = app.mode();
                    let mut resolution = resolver.feed(mode, key);
                    // The side pane's table only overrides the reader's.
                    if let (Resolution::Unbound(key), Mode::Side) = (&resolution, mode) {
                        resolution = resolver.feed(Mode::Reader, *key);
                    }
                    match resolution {
                        Resolution::Action(action) => {
                            match update(app, action) {
                                Some(Effect::Quit) => break,
                                Some(effect) => storage.perform(app, &effect),
                                None => {}
                            }
                            true
                        }
                        Resolution::Pending | Resolution::Ignored => false,
                        Resolution::Unbound(key) => app.text_input_key(key),
                    }
                }
                Event::Paste(text) => app.text_input_paste(&text),
                Event::Resize(width, height) => {
                    app.resize(Rect::new(0, 0, width, height));
                    // The terminal's own contents are unknown after a resize.
                    self.screen.forget();
                    true
                }
                _ => false,
            };
            if changed {
                if let Ok(mut rescue) = self.rescue.lock() {
                    rescue.position = Some(app.position_key());
                    rescue.draft = app.draft();
                }
                present(&mut self.out, app, keymap, &mut self.screen)?;
            }
        }
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        terminal::leave();
    }
}

/// Renders off-screen and sends a frame only if the screen would change.
fn present(
    out: &mut terminal::Backend,
    app: &App,
    keymap: &Keymap,
    screen: &mut Screen,
) -> io::Result<()> {
    let area = Rect::new(0, 0, app.area.width, app.area.height);
    let mut next = Buffer::empty(area);
    ui::render(area, &mut next, app, keymap);
    screen.show(out, next)?;
    Ok(())
}
