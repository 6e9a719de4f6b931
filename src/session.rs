//! The interactive session: terminal events in, frames out, effects done.
//!
//! One synchronous loop. It blocks on the terminal, so an idle casebook uses
//! no CPU and writes nothing; a frame is drawn only when the rendered screen
//! differs from the last one, and goes out in one write.

use std::io;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::input;
use crate::app::state::App;
use crate::app::state::ShelfState;
use crate::app::update::update;
use crate::app::{Effect, Msg};
use crate::keymap::KeyResolver;
use crate::library::shelf::{load_in_background, ShelfEvent};
use crate::library::Library;
use crate::notes::{Draft, AUTOSAVE_EVERY};
use crate::rescue::SharedRescue;
use crate::storage::Storage;
use crate::term::screen::Screen;
use crate::term::{signals, terminal};
use crate::ui;

/// How often the loop looks for the result of a running save.
const SAVE_POLL: Duration = Duration::from_millis(20);

/// The full-screen terminal, from entering it to leaving it (also when
/// dropped early, for instance when loading fails after a first frame).
pub struct Session {
    out: terminal::Backend,
    screen: Screen,
    rescue: SharedRescue,
    watcher: Option<signals::Watcher>,
    /// The library loading on its thread, until it is loaded.
    shelf: Option<Receiver<ShelfEvent>>,
    library: Option<(Library, PathBuf)>,
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
            shelf: None,
            library: None,
        })
    }

    /// Sizes `app` to the terminal and shows it.
    pub fn draw(&mut self, app: &mut App) -> io::Result<()> {
        let size = self.out.size()?;
        update(app, Msg::Resize(Rect::new(0, 0, size.width, size.height)));
        present(&mut self.out, app, &mut self.screen)?;
        // Signals are caught from the start, acted on from the first frame.
        match self.watcher.take() {
            Some(watcher) => watcher.start(),
            None => Ok(()),
        }
    }

    /// The library to load when a view first needs it, and the data folder
    /// its notes are counted in.
    pub fn library(&mut self, library: Library, data: PathBuf) {
        self.library = Some((library, data));
    }

    /// Starts loading the library if a view wants it.
    fn load_shelf_if_wanted(&mut self, app: &mut App) {
        if !matches!(app.shelf, ShelfState::Wanted) {
            return;
        }
        app.shelf = match &self.library {
            Some((library, data)) => {
                self.shelf = Some(load_in_background(library.clone(), data.clone()));
                ShelfState::Loading(None)
            }
            None => ShelfState::Failed("no library".into()),
        };
    }

    /// From now on a hang-up saves what is unsaved in `case_id` (the reader
    /// went on to another case study).
    pub fn rescue_for(&self, case_id: &str) {
        if let Ok(mut rescue) = self.rescue.lock() {
            rescue.retarget(case_id);
        }
    }

    /// Runs the reader until it quits or leaves for another case study; the
    /// screen moves on from whatever was drawn before.
    pub fn run(&mut self, app: &mut App, storage: &mut Storage) -> io::Result<()> {
        let result = self.event_loop(app, storage);
        if result.is_err() {
            // A dead terminal: keep what was being written before giving up.
            if let Ok(rescue) = self.rescue.lock() {
                rescue.save();
            }
        }
        result
    }

    /// Terminal events become messages; effects are performed and their
    /// results come back as messages. Only `update` changes the state.
    ///
    /// The loop blocks on the terminal while nothing else is due, so an idle
    /// reader uses no CPU; while a note is being edited it wakes every few
    /// seconds (a [`Msg::Tick`], for its draft), and while a save runs it
    /// looks for the result often enough that it shows at once.
    fn event_loop(&mut self, app: &mut App, storage: &mut Storage) -> io::Result<()> {
        let mut resolver = KeyResolver::new(app.keymap.clone());
        self.load_shelf_if_wanted(app);
        self.draw(app)?;
        let mut next_tick = Instant::now() + AUTOSAVE_EVERY;
        while !app.quit {
            let editing = crate::views::editor::editing(app).is_some();
            let timeout = match (storage.saving() || self.shelf.is_some(), editing) {
                (true, _) => Some(SAVE_POLL),
                (false, true) => Some(next_tick.saturating_duration_since(Instant::now())),
                (false, false) => None,
            };
            let mut queue: Vec<Msg> = Vec::new();
            if timeout.is_none_or(|t| event::poll(t).unwrap_or(true)) {
                let msg = match event::read()? {
                    Event::Key(key) => input::route(app, &mut resolver, key),
                    Event::Paste(text) => Some(Msg::Paste(text)),
                    Event::Mouse(mouse) => Some(Msg::Mouse(mouse)),
                    Event::Resize(width, height) => {
                        // The terminal's own contents are unknown after a resize.
                        self.screen.forget();
                        Some(Msg::Resize(Rect::new(0, 0, width, height)))
                    }
                    _ => None,
                };
                queue.extend(msg);
            }
            queue.extend(storage.finished());
            self.shelf_events(&mut queue);
            if editing && Instant::now() >= next_tick {
                next_tick = Instant::now() + AUTOSAVE_EVERY;
                queue.push(Msg::Tick);
            }
            if !editing {
                next_tick = Instant::now() + AUTOSAVE_EVERY;
            }
            if queue.is_empty() {
                continue;
            }
            for msg in queue {
                let mut next = Some(msg);
                while let Some(msg) = next.take() {
                    match update(app, msg) {
                        Some(Effect::Quit) => return self.finish(app, storage),
                        Some(Effect::Copy(text)) => {
                            self.out.queue_modes(&crate::term::clipboard::osc52(&text))
                        }
                        Some(effect) => next = storage.perform(app, &effect),
                        None => {}
                    }
                }
            }
            self.load_shelf_if_wanted(app);
            self.keep_rescue(app);
            present(&mut self.out, app, &mut self.screen)?;
        }
        self.finish(app, storage)
    }

    /// What the library's loading said since the last look; the last
    /// progress report stands for those before it.
    fn shelf_events(&mut self, queue: &mut Vec<Msg>) {
        let Some(rx) = &self.shelf else { return };
        let mut progress = None;
        loop {
            match rx.try_recv() {
                Ok(ShelfEvent::Progress(p)) => progress = Some(p),
                Ok(ready) => {
                    queue.push(Msg::Shelf(ready));
                    self.shelf = None;
                    return;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.shelf = None;
                    break;
                }
            }
        }
        queue.extend(progress.map(|p| Msg::Shelf(ShelfEvent::Progress(p))));
    }

    /// What a hang-up must save: the place, the editor's content and the
    /// notes not yet saved.
    fn keep_rescue(&self, app: &App) {
        if let Ok(mut rescue) = self.rescue.lock() {
            rescue.position = Some(app.position_key());
            rescue.draft = crate::views::editor::draft(app);
            rescue.unsaved = app
                .unsaved
                .ids()
                .filter_map(|id| app.notebook.set().get(id))
                .map(|note| Draft {
                    note: note.clone(),
                    is_new: false,
                    saved: jiff::Timestamp::now(),
                })
                .collect();
        }
    }

    /// Quitting: a running save ends first (it is never cut off halfway),
    /// then the drafts match what is left unsaved.
    fn finish(&mut self, app: &mut App, storage: &mut Storage) -> io::Result<()> {
        if let Some(msg) = storage.wait() {
            update(app, msg);
        }
        let _ = storage.sync_drafts(app);
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        terminal::leave();
    }
}

/// Renders off-screen and sends a frame only if the screen would change.
fn present(out: &mut terminal::Backend, app: &App, screen: &mut Screen) -> io::Result<()> {
    let area = Rect::new(0, 0, app.area.width, app.area.height);
    let mut next = Buffer::empty(area);
    ui::render(area, &mut next, app);
    screen.show(out, next)?;
    Ok(())
}
