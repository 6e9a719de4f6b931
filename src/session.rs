//! The interactive session: terminal events in, frames out, effects done.
//!
//! One synchronous loop. It blocks on the terminal, so an idle casebook uses
//! no CPU and writes nothing; a frame is drawn only when the rendered screen
//! differs from the last one, and goes out in one write.

use std::io;
use std::sync::Arc;

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Terminal;

use crate::app::state::App;
use crate::app::update::{update, Effect};
use crate::keymap::{KeyResolver, Keymap, Mode, Resolution};
use crate::rescue::SharedRescue;
use crate::storage::Storage;
use crate::term::{signals, terminal};
use crate::ui;

pub fn run(
    app: &mut App,
    keymap: &Keymap,
    storage: &mut Storage,
    rescue: SharedRescue,
) -> io::Result<()> {
    let mut terminal = terminal::enter()?;
    let on_signal = rescue.clone();
    signals::watch(Arc::new(move || {
        if let Ok(rescue) = on_signal.lock() {
            rescue.save();
        }
    }))?;
    let result = event_loop(&mut terminal, app, keymap, storage, &rescue);
    if result.is_err() {
        // A dead terminal: keep what was being written before giving up.
        if let Ok(rescue) = rescue.lock() {
            rescue.save();
        }
    }
    terminal::leave();
    result
}

fn event_loop(
    terminal: &mut Terminal<terminal::Backend>,
    app: &mut App,
    keymap: &Keymap,
    storage: &mut Storage,
    rescue: &SharedRescue,
) -> io::Result<()> {
    let mut resolver = KeyResolver::new(keymap.clone());
    let size = terminal.size()?;
    app.resize(Rect::new(0, 0, size.width, size.height));
    let mut shown = Buffer::empty(Rect::default());
    present(terminal, app, keymap, &mut shown)?;
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
                terminal.autoresize()?;
                shown = Buffer::empty(Rect::default());
                true
            }
            _ => false,
        };
        if changed {
            if let Ok(mut rescue) = rescue.lock() {
                rescue.position = Some(app.position_key());
                rescue.draft = app.draft();
            }
            present(terminal, app, keymap, &mut shown)?;
        }
    }
    Ok(())
}

/// Renders off-screen and sends a frame only if the screen would change.
fn present(
    terminal: &mut Terminal<terminal::Backend>,
    app: &App,
    keymap: &Keymap,
    shown: &mut Buffer,
) -> io::Result<()> {
    let area = Rect::new(0, 0, app.area.width, app.area.height);
    let mut next = Buffer::empty(area);
    ui::render(area, &mut next, app, keymap);
    if next == *shown {
        return Ok(());
    }
    terminal.draw(|frame| {
        *frame.buffer_mut() = next.clone();
    })?;
    *shown = next;
    Ok(())
}
