//! Finding a vertical shift between the screen shown and the next one, so the
//! terminal can move those rows itself (a scroll region) instead of being
//! sent them again.
//!
//! Detection is only a cost estimate: whatever shift is chosen, the caller
//! applies the same shift to its record of the screen with [`apply`] and then
//! sends the cell difference, so the final screen is exact either way.

use std::hash::{Hash, Hasher};
use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};

/// Rows `rows` of the screen move by `lines`, up (content towards the top)
/// or down; the rows uncovered are left blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shift {
    pub rows: Range<u16>,
    pub lines: u16,
    pub up: bool,
}

/// Cells a shift must save before it is worth its escape sequence and the
/// cursor moves around the rows it uncovers.
const MIN_GAIN: i64 = 24;

/// The shift of a band of rows that turns the most cells of `shown` into
/// those of `next`, if it saves enough. Buffers of different areas never
/// shift.
pub fn detect(shown: &Buffer, next: &Buffer) -> Option<Shift> {
    if shown.area != next.area || shown.area.x != 0 || shown.area.y != 0 {
        return None;
    }
    let w = next.area.width as usize;
    let h = next.area.height as usize;
    if w == 0 || h < 2 {
        return None;
    }
    let old = hashes(shown);
    let new = hashes(next);
    let row = |y: usize| y * w..(y + 1) * w;
    let matches = |y_new: usize, y_old: usize| saved(&new[row(y_new)], &old[row(y_old)]);
    let same: Vec<i64> = (0..h).map(|y| matches(y, y)).collect();
    let blank_row = vec![cell_hash(&Cell::EMPTY); w];
    let blank_gain: Vec<i64> = (0..h)
        .map(|y| saved(&new[row(y)], &blank_row) - same[y])
        .collect();
    let mut best: Option<(i64, Shift)> = None;
    for k in 1..h {
        // Up: new row y shows old row y + k.
        let gains: Vec<i64> = (0..h - k).map(|y| matches(y, y + k) - same[y]).collect();
        if let Some((kept, g)) = best_run(&gains) {
            let uncovered: i64 = blank_gain[kept.end..kept.end + k].iter().sum();
            consider(&mut best, g + uncovered, kept.start..kept.end + k, k, true);
        }
        // Down: new row y shows old row y - k.
        let gains: Vec<i64> = (k..h).map(|y| matches(y, y - k) - same[y]).collect();
        if let Some((kept, g)) = best_run(&gains) {
            let (start, end) = (kept.start + k, kept.end + k);
            let uncovered: i64 = blank_gain[start - k..start].iter().sum();
            consider(&mut best, g + uncovered, start - k..end, k, false);
        }
    }
    best.filter(|(gain, _)| *gain >= MIN_GAIN).map(|(_, s)| s)
}

/// Cells that need not be sent when `shown` is on screen and `next` is
/// wanted: equal cells in runs long enough to be worth a cursor move over
/// them (shorter runs are sent again anyway).
fn saved(next: &[u64], shown: &[u64]) -> i64 {
    const MIN_RUN: i64 = 6;
    let (mut total, mut run) = (0, 0);
    for (a, b) in next.iter().zip(shown) {
        if a == b {
            run += 1;
        } else {
            total += if run >= MIN_RUN { run } else { 0 };
            run = 0;
        }
    }
    total + if run >= MIN_RUN { run } else { 0 }
}

fn consider(best: &mut Option<(i64, Shift)>, gain: i64, rows: Range<usize>, k: usize, up: bool) {
    if best.as_ref().is_none_or(|(g, _)| gain > *g) {
        let shift = Shift {
            rows: rows.start as u16..rows.end as u16,
            lines: k as u16,
            up,
        };
        *best = Some((gain, shift));
    }
}

/// The consecutive run with the largest positive sum (Kadane).
fn best_run(gains: &[i64]) -> Option<(Range<usize>, i64)> {
    let mut best: Option<(Range<usize>, i64)> = None;
    let (mut start, mut sum) = (0, 0i64);
    for (i, &g) in gains.iter().enumerate() {
        if sum <= 0 {
            start = i;
            sum = 0;
        }
        sum += g;
        if sum > 0 && best.as_ref().is_none_or(|(_, b)| sum > *b) {
            best = Some((start..i + 1, sum));
        }
    }
    best
}

/// Applies `shift` to `buf` exactly as the terminal does to its screen.
pub fn apply(buf: &mut Buffer, shift: &Shift) {
    let w = buf.area.width as usize;
    let (top, bottom) = (shift.rows.start as usize, shift.rows.end as usize);
    let k = (shift.lines as usize).min(bottom - top);
    let band = &mut buf.content[top * w..bottom * w];
    let blanks = if shift.up {
        band.rotate_left(k * w);
        (bottom - top - k) * w..(bottom - top) * w
    } else {
        band.rotate_right(k * w);
        0..k * w
    };
    band[blanks].fill(Cell::EMPTY);
}

fn hashes(buf: &Buffer) -> Vec<u64> {
    buf.content.iter().map(cell_hash).collect()
}

fn cell_hash(cell: &Cell) -> u64 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    cell.hash(&mut h);
    h.finish()
}

/// FNV-1a: cells are a few bytes each, where SipHash's setup would dominate.
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn lines(rows: &[&str], width: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, rows.len() as u16));
        for (y, text) in rows.iter().enumerate() {
            buf.set_string(0, y as u16, text, ratatui::style::Style::default());
        }
        buf
    }

    fn row_text(i: usize) -> String {
        // Rows differ in most cells, as wrapped prose does.
        let c = char::from(b'a' + (i % 26) as u8);
        format!("{i:02} {}", c.to_string().repeat(57))
    }

    #[test]
    fn a_one_line_scroll_below_a_fixed_title_is_found_and_reproduced() {
        let body: Vec<String> = (0..30).map(row_text).collect();
        let screen = |first: usize| {
            let mut rows = vec!["TITLE".to_string()];
            rows.extend(body[first..first + 8].iter().cloned());
            rows.push(format!("status {first}"));
            rows
        };
        let (a, b) = (screen(3), screen(4));
        let shown = lines(&a.iter().map(String::as_str).collect::<Vec<_>>(), 60);
        let next = lines(&b.iter().map(String::as_str).collect::<Vec<_>>(), 60);
        let shift = detect(&shown, &next).expect("a shift");
        assert_eq!(
            shift,
            Shift {
                rows: 1..9,
                lines: 1,
                up: true
            }
        );
        let mut moved = shown.clone();
        apply(&mut moved, &shift);
        // Everything but the uncovered row and the status line now matches.
        let differing: Vec<u16> = (0..10)
            .filter(|&y| (0..60).any(|x| moved[(x, y)] != next[(x, y)]))
            .collect();
        assert_eq!(differing, vec![8, 9]);
        assert_eq!(detect(&next, &shown).map(|s| s.up), Some(false));
    }

    #[test]
    fn unrelated_screens_and_tiny_changes_do_not_shift() {
        let a: Vec<String> = (0..10).map(row_text).collect();
        // Full rows: blank rows uncovered by a scroll would save cells too.
        let b: Vec<String> = (50..60)
            .map(|i| format!("{i} something else entirely ").repeat(3))
            .collect();
        let buf = |v: &[String]| lines(&v.iter().map(String::as_str).collect::<Vec<_>>(), 60);
        assert_eq!(detect(&buf(&a), &buf(&b)), None);
        let mut c = a.clone();
        c[9] = "status changed".into();
        assert_eq!(detect(&buf(&a), &buf(&c)), None);
    }
}
