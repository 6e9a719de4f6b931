//! The ratatui backend: cells straight to the bytes a terminal needs.
//!
//! A frame is collected in memory and sent in one write on `flush`, so it
//! crosses a slow link whole. The backend knows where the cursor is and
//! which rendition is in effect, from one frame to the next, so it sends a
//! cursor move only where the next cell is not under the cursor and an SGR
//! sequence only with what changes (or a reset, when that is shorter).
//! Control characters in a cell never reach the terminal, whatever a widget
//! did with its text: this is the second line behind `term::sanitize`.

use std::io::{self, Write};
use std::ops::Range;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

use crate::term::pen::{self, Params, Pen};
use crate::term::sanitize;

/// Writes frames to `out` (standard output, or memory in tests and benches).
pub struct FrameBackend<W: Write> {
    out: W,
    frame: Vec<u8>,
    /// The rendition in effect once `frame` is sent; unknown at the start.
    pen: Option<Pen>,
    /// Where the cursor is once `frame` is sent, when known.
    cursor: Option<Position>,
    /// The scroll region set by the last scroll, if any. Only full rows are
    /// drawn, never past a row's end, so it never makes the terminal scroll.
    region: Option<Range<u16>>,
    /// Scratch space for the two ways of writing an SGR sequence.
    changes: Vec<u8>,
    reset: Vec<u8>,
    /// Cells drawn with control characters removed (zero when the
    /// sanitizing boundary did its job).
    pub repaired: usize,
}

impl<W: Write> FrameBackend<W> {
    pub fn new(out: W) -> Self {
        FrameBackend {
            out,
            frame: Vec::with_capacity(1 << 16),
            pen: None,
            cursor: None,
            region: None,
            changes: Vec::new(),
            reset: Vec::new(),
            repaired: 0,
        }
    }

    /// Queues mode changes (such as entering full-screen mode) that leave
    /// the cursor and the rendition alone; they go out with the next frame.
    pub fn queue_modes(&mut self, sequences: &str) {
        self.frame.extend_from_slice(sequences.as_bytes());
    }

    fn move_to(&mut self, x: u16, y: u16) {
        let to = Position { x, y };
        if self.cursor == Some(to) {
            return;
        }
        self.frame.extend_from_slice(b"\x1b[");
        pen::push_number(&mut self.frame, y + 1);
        // The column defaults to the first.
        if x > 0 {
            self.frame.push(b';');
            pen::push_number(&mut self.frame, x + 1);
        }
        self.frame.push(b'H');
        self.cursor = Some(to);
    }

    fn set_pen(&mut self, next: Pen) {
        if self.pen == Some(next) {
            return;
        }
        self.reset.clear();
        pen::from_reset(&next, &mut Params(&mut self.reset));
        let shortest = match self.pen {
            Some(current) => {
                self.changes.clear();
                pen::changes(&current, &next, &mut Params(&mut self.changes));
                if self.changes.len() <= self.reset.len() {
                    &self.changes
                } else {
                    &self.reset
                }
            }
            None => &self.reset,
        };
        self.frame.extend_from_slice(b"\x1b[");
        self.frame.extend_from_slice(shortest);
        self.frame.push(b'm');
        self.pen = Some(next);
    }

    /// Erasing fills with the current background (and, in some terminals,
    /// attributes): the default rendition is set first.
    fn erase(&mut self, sequence: &str) {
        self.set_pen(Pen::default());
        self.frame.extend_from_slice(sequence.as_bytes());
    }

    /// Scrolls rows `region` (0-based, end exclusive) by `lines`: `S` up,
    /// `T` down. The rows uncovered take the current background, so only
    /// that must be the default. The region stays set for the next scroll
    /// (a line scroll then costs three bytes); setting it moves the cursor.
    fn scroll(&mut self, region: Range<u16>, lines: u16, verb: u8) {
        let pen = self.pen.unwrap_or_default();
        self.set_pen(Pen {
            bg: Color::Reset,
            ..pen
        });
        if self.region.as_ref() != Some(&region) {
            self.frame.extend_from_slice(b"\x1b[");
            pen::push_number(&mut self.frame, region.start + 1);
            self.frame.push(b';');
            pen::push_number(&mut self.frame, region.end);
            self.frame.push(b'r');
            self.region = Some(region);
            self.cursor = None;
        }
        self.frame.extend_from_slice(b"\x1b[");
        // The count defaults to one.
        if lines != 1 {
            pen::push_number(&mut self.frame, lines);
        }
        self.frame.push(verb);
    }
}

fn unsafe_symbol(symbol: &str) -> bool {
    symbol.chars().any(|c| sanitize::replacement(c).is_some())
}

impl<W: Write> Backend for FrameBackend<W> {
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        for (x, y, cell) in content {
            self.move_to(x, y);
            self.set_pen(Pen::of(cell));
            let symbol = cell.symbol();
            let width = if unsafe_symbol(symbol) {
                self.repaired += 1;
                let before = self.frame.len();
                for c in symbol.chars() {
                    if sanitize::replacement(c).is_none() {
                        let mut utf8 = [0; 4];
                        self.frame
                            .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
                    }
                }
                if self.frame.len() == before {
                    self.frame.push(b' ');
                }
                let clean = std::str::from_utf8(&self.frame[before..]).unwrap_or("");
                clean.width()
            } else {
                self.frame.extend_from_slice(symbol.as_bytes());
                symbol.width()
            };
            // Only after a single-width character is the cursor's column
            // certain: terminals disagree on the width of some wide ones.
            self.cursor = match (width, x.checked_add(1)) {
                (1, Some(x)) => Some(Position { x, y }),
                _ => None,
            };
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.queue_modes("\x1b[?25l");
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.queue_modes("\x1b[?25h");
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        match self.cursor {
            Some(position) => Ok(position),
            None => {
                self.flush()?;
                let (x, y) = crossterm::cursor::position()?;
                Ok(Position { x, y })
            }
        }
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        self.move_to(x, y);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.erase(match clear_type {
            ClearType::All => "\x1b[2J",
            ClearType::AfterCursor => "\x1b[J",
            ClearType::BeforeCursor => "\x1b[1J",
            ClearType::CurrentLine => "\x1b[2K",
            ClearType::UntilNewLine => "\x1b[K",
        });
        // After a resize the cursor may be anywhere and the region is
        // wrong: the next cell moves the cursor, the next scroll sets one.
        if self.region.take().is_some() {
            self.frame.extend_from_slice(b"\x1b[r");
        }
        self.cursor = None;
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = crossterm::terminal::size()?;
        Ok(Size { width, height })
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: size.columns,
                height: size.rows,
            },
            pixels: Size {
                width: size.width,
                height: size.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.frame.is_empty() {
            self.out.write_all(&self.frame)?;
            self.frame.clear();
        }
        self.out.flush()
    }

    fn scroll_region_up(&mut self, region: Range<u16>, line_count: u16) -> io::Result<()> {
        self.scroll(region, line_count, b'S');
        Ok(())
    }

    fn scroll_region_down(&mut self, region: Range<u16>, line_count: u16) -> io::Result<()> {
        self.scroll(region, line_count, b'T');
        Ok(())
    }
}

#[cfg(test)]
mod tests;
