//! The interactive session: terminal events in, frames out, effects done.
//!
//! One synchronous loop. It blocks on the terminal, so an idle casebook uses
//! no CPU and writes nothing; a frame is drawn only when the rendered screen
//! differs from the last one, and goes out in one write.

use std::io::{self, Write};
use std::sync::Arc;

use crossterm::event::{self, Event};
use crossterm::queue;
use crossterm::terminal::{Clear, ClearType};
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::app::input;
use crate::app::state::App;
use crate::app::update::update;
use crate::app::{Effect, Msg};
use crate::keymap::KeyResolver;
use crate::rescue::SharedRescue;
use crate::storage::Storage;
use crate::term::guard::GuardedBackend;
use crate::term::{scroll, signals, terminal};
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

    /// Runs the reader until it quits; the screen moves on from whatever
    /// was drawn before.
    pub fn run(mut self, app: &mut App, storage: &mut Storage) -> io::Result<()> {
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
    fn event_loop(&mut self, app: &mut App, storage: &mut Storage) -> io::Result<()> {
        let mut resolver = KeyResolver::new(app.keymap.clone());
        self.draw(app)?;
        while !app.quit {
            let mut next = match event::read()? {
                Event::Key(key) => input::route(app, &mut resolver, key),
                Event::Paste(text) => Some(Msg::Paste(text)),
                Event::Resize(width, height) => {
                    // The terminal's own contents are unknown after a resize.
                    self.screen.forget();
                    Some(Msg::Resize(Rect::new(0, 0, width, height)))
                }
                _ => None,
            };
            if next.is_none() {
                continue;
            }
            while let Some(msg) = next.take() {
                match update(app, msg) {
                    Some(Effect::Quit) => return Ok(()),
                    Some(effect) => next = storage.perform(app, &effect),
                    None => {}
                }
            }
            if let Ok(mut rescue) = self.rescue.lock() {
                rescue.position = Some(app.position_key());
                rescue.draft = crate::views::editor::draft(app);
            }
            present(&mut self.out, app, &mut self.screen)?;
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
fn present(out: &mut terminal::Backend, app: &App, screen: &mut Screen) -> io::Result<()> {
    let area = Rect::new(0, 0, app.area.width, app.area.height);
    let mut next = Buffer::empty(area);
    ui::render(area, &mut next, app);
    screen.show(out, next)?;
    Ok(())
}

/// Cells go through the control-character guard to a crossterm writer
/// (standard output, or memory in tests and benches).
pub type Out<W> = GuardedBackend<CrosstermBackend<W>>;

/// What the terminal shows, and the cheapest way found to the next frame:
/// a scroll region for rows that only moved, then the changed cells.
pub struct Screen {
    shown: Buffer,
}

impl Default for Screen {
    fn default() -> Self {
        Self::new()
    }
}

impl Screen {
    /// The terminal's contents are unknown: the first frame clears it.
    pub fn new() -> Screen {
        Screen {
            shown: Buffer::empty(Rect::default()),
        }
    }

    /// After a resize the terminal's contents are unknown again.
    pub fn forget(&mut self) {
        self.shown = Buffer::empty(Rect::default());
    }

    /// Brings the terminal to `next` in one write; returns whether anything
    /// was written (nothing when the screen would not change).
    pub fn show<W: Write>(&mut self, out: &mut Out<W>, next: Buffer) -> io::Result<bool> {
        if next == self.shown {
            return Ok(false);
        }
        // Escapes go straight to the buffered writer (the backend's own
        // clear and scroll calls flush), so the frame leaves in one write.
        let changes = if next.area != self.shown.area {
            queue!(out.inner_mut(), Clear(ClearType::All))?;
            changes_from_blank(&next)
        } else {
            if let Some(shift) = scroll::detect(&self.shown, &next) {
                out.inner_mut().write_all(shift.escape().as_bytes())?;
                scroll::apply(&mut self.shown, &shift);
            }
            self.shown.diff(&next)
        };
        out.draw(with_cheap_gaps(changes, &next).into_iter())?;
        Backend::flush(out)?;
        self.shown = next;
        Ok(true)
    }
}

/// What ratatui's `Buffer::diff` finds between a blank screen and `next`,
/// without making the blank screen: the cells that are not blank, less those
/// covered by a wide character before them or marked to be skipped.
fn changes_from_blank(next: &Buffer) -> Vec<(u16, u16, &Cell)> {
    let width = next.area.width.max(1);
    let mut covered = 0;
    let mut changes = Vec::new();
    for (i, cell) in next.content.iter().enumerate() {
        if !cell.skip && covered == 0 && *cell != Cell::EMPTY {
            let (row, col) = (i / usize::from(width), i % usize::from(width));
            changes.push((next.area.x + col as u16, next.area.y + row as u16, cell));
        }
        // As the diff does: the count restarts at every cell.
        covered = cell.symbol().width().saturating_sub(1);
    }
    changes
}

/// Cell changes, with short runs of unchanged cells between two changes on
/// one row sent again when that is shorter than a cursor move.
fn with_cheap_gaps<'a>(
    changes: Vec<(u16, u16, &'a Cell)>,
    next: &'a Buffer,
) -> Vec<(u16, u16, &'a Cell)> {
    let mut out: Vec<(u16, u16, &Cell)> = Vec::with_capacity(changes.len());
    for (x, y, cell) in changes {
        if let Some(&(px, py, prev)) = out.last() {
            if py == y && x > px + 1 && gap_is_cheaper(next, prev, px + 1..x, y) {
                out.extend((px + 1..x).map(|gx| (gx, y, &next[(gx, y)])));
            }
        }
        out.push((x, y, cell));
    }
    out
}

/// Unchanged single-width cells in the style already set cost their text;
/// skipping them costs `ESC [ row ; col H`.
fn gap_is_cheaper(next: &Buffer, prev: &Cell, gap: std::ops::Range<u16>, y: u16) -> bool {
    let digits = |n: u16| n.checked_ilog10().map_or(1, |d| d as usize + 1);
    let move_cost = 4 + digits(y + 1) + digits(gap.end + 1);
    if prev.symbol().width() != 1 || gap.len() >= move_cost {
        return false;
    }
    let mut bytes = 0;
    for x in gap {
        let c = &next[(x, y)];
        if c.skip || c.symbol().width() != 1 || c.style() != prev.style() {
            return false;
        }
        bytes += c.symbol().len();
    }
    bytes < move_cost
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Style};

    #[test]
    fn changes_from_blank_are_the_diff_against_a_blank_buffer() {
        let area = Rect::new(2, 1, 12, 4);
        let mut next = Buffer::empty(area);
        next.set_string(2, 1, "wide 大連 and 🦀x", Style::new());
        next.set_string(3, 2, "   ", Style::new().bg(Color::Blue));
        next.set_string(2, 3, "三字", Style::new().fg(Color::Red));
        next[(9, 3)].skip = true;
        next[(10, 4)].set_symbol("\u{200b}");
        assert_eq!(changes_from_blank(&next), Buffer::empty(area).diff(&next));
        assert_eq!(
            changes_from_blank(&Buffer::empty(area)),
            Vec::<(u16, u16, &Cell)>::new()
        );
    }
}
