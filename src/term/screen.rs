//! What the terminal shows, and the cheapest way found to the next frame:
//! a scroll region for rows that only moved, then the changed cells.

use std::io::{self, Write};

use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::term::backend::FrameBackend;
use crate::term::pen::{self, Pen};
use crate::term::scroll;

/// The cells the terminal shows, as far as casebook has drawn them.
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
    pub fn show<W: Write>(&mut self, out: &mut FrameBackend<W>, next: Buffer) -> io::Result<bool> {
        if next == self.shown {
            return Ok(false);
        }
        let changes = if next.area != self.shown.area {
            out.clear()?;
            changes_from_blank(&next)
        } else {
            if let Some(shift) = scroll::detect(&self.shown, &next) {
                if shift.up {
                    out.scroll_region_up(shift.rows.clone(), shift.lines)?;
                } else {
                    out.scroll_region_down(shift.rows.clone(), shift.lines)?;
                }
                scroll::apply(&mut self.shown, &shift);
            }
            self.shown.diff(&next)
        };
        out.draw(with_cheap_gaps(changes, &next).into_iter())?;
        out.flush()?;
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
            if py == y && x > px + 1 && gap_is_cheaper(next, prev, px + 1..x, y, cell) {
                out.extend((px + 1..x).map(|gx| (gx, y, &next[(gx, y)])));
            }
        }
        out.push((x, y, cell));
    }
    out
}

/// Unchanged single-width cells in one style cost their text and the
/// renditions to and from theirs; skipping them costs `ESC [ row ; col H`.
fn gap_is_cheaper(
    next: &Buffer,
    prev: &Cell,
    gap: std::ops::Range<u16>,
    y: u16,
    after: &Cell,
) -> bool {
    let digits = |n: u16| n.checked_ilog10().map_or(1, |d| d as usize + 1);
    let move_cost = 4 + digits(y + 1) + digits(gap.end + 1);
    if prev.symbol().width() != 1 || gap.len() >= move_cost {
        return false;
    }
    let style = Pen::of(&next[(gap.start, y)]);
    let mut bytes = 0;
    for x in gap {
        let c = &next[(x, y)];
        if c.skip || c.symbol().width() != 1 || Pen::of(c) != style {
            return false;
        }
        bytes += c.symbol().len();
    }
    let (from, to) = (Pen::of(prev), Pen::of(after));
    bytes + pen::cost(&from, &style) + pen::cost(&style, &to) < move_cost + pen::cost(&from, &to)
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
