//! The reading pane's viewport: which wrapped line is at the top, where the
//! passage cursor is, and keeping the cursor in sight.
//!
//! Passages are wrapped only when the viewport reaches them, and the result is
//! cached per width, so opening or scrolling a large paper never wraps it all.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use crate::model::Document;
use crate::reader::outline::{Item, Outline};
use crate::reader::wrap;

/// A wrapped line of the pane: item index and line within the item. The line
/// equal to the item's line count is the blank spacer after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub item: usize,
    pub line: usize,
}

/// Text of an item as shown, and where the model's own text starts in it.
pub fn item_text<'d>(doc: &'d Document, item: Item) -> (Cow<'d, str>, usize) {
    match item {
        Item::Heading(s) => (Cow::Owned(doc.sections[s].heading()), 0),
        Item::Passage(p) => (Cow::Borrowed(doc.passages[p].text.as_str()), 0),
        Item::Reference(r) => (Cow::Borrowed(doc.references[r].text.as_str()), 0),
        Item::FootnotesHeading => (Cow::Borrowed("Footnotes"), 0),
        Item::Footnote(f) => {
            let note = &doc.footnotes[f];
            let prefix = format!("{} ", superscript(&note.label));
            let offset = prefix.len();
            (Cow::Owned(prefix + &note.text), offset)
        }
    }
}

/// `"11"` as `"¹¹"`; labels that are not numbers are bracketed.
pub fn superscript(label: &str) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    if !label.is_empty() && label.chars().all(|c| c.is_ascii_digit()) {
        label
            .chars()
            .map(|c| DIGITS[c as usize - '0' as usize])
            .collect()
    } else {
        format!("[{label}]")
    }
}

#[derive(Debug, Default)]
struct WrapCache {
    width: usize,
    lines: HashMap<usize, Rc<Vec<Range<usize>>>>,
}

/// Viewport over an outline.
#[derive(Debug, Default)]
pub struct Viewport {
    pub top: Pos,
    /// Outline index of the focused item.
    pub cursor: usize,
    pub width: usize,
    pub height: usize,
    cache: RefCell<WrapCache>,
}

impl Clone for Viewport {
    fn clone(&self) -> Self {
        Viewport {
            top: self.top,
            cursor: self.cursor,
            width: self.width,
            height: self.height,
            cache: RefCell::default(),
        }
    }
}

/// The document and its outline, borrowed together for layout questions.
#[derive(Clone, Copy)]
pub struct Pages<'a> {
    pub doc: &'a Document,
    pub outline: &'a Outline,
}

impl Viewport {
    pub fn resize(&mut self, width: usize, height: usize) {
        self.width = width.max(1);
        self.height = height;
    }

    /// Wrapped lines of an item at the current width.
    pub fn lines(&self, pages: Pages<'_>, item: usize) -> Rc<Vec<Range<usize>>> {
        let mut cache = self.cache.borrow_mut();
        if cache.width != self.width {
            cache.width = self.width;
            cache.lines.clear();
        }
        cache
            .lines
            .entry(item)
            .or_insert_with(|| {
                let (text, _) = item_text(pages.doc, pages.outline.items[item]);
                Rc::new(wrap::wrap(&text, self.width))
            })
            .clone()
    }

    /// Lines an item takes including the blank line after it.
    fn span(&self, pages: Pages<'_>, item: usize) -> usize {
        self.lines(pages, item).len() + 1
    }

    fn last_pos(&self, pages: Pages<'_>) -> Pos {
        let last = pages.outline.len().saturating_sub(1);
        Pos {
            item: last,
            line: self.span(pages, last).saturating_sub(1),
        }
    }

    /// `pos` moved down by `n` lines, stopping at the last line.
    fn advance(&self, pages: Pages<'_>, mut pos: Pos, mut n: usize) -> Pos {
        while n > 0 {
            let span = self.span(pages, pos.item);
            let room = span - 1 - pos.line.min(span - 1);
            if n <= room {
                pos.line += n;
                return pos;
            }
            if pos.item + 1 >= pages.outline.len() {
                pos.line = span - 1;
                return pos;
            }
            n -= room + 1;
            pos = Pos {
                item: pos.item + 1,
                line: 0,
            };
        }
        pos
    }

    /// `pos` moved up by `n` lines, stopping at the first line.
    fn retreat(&self, pages: Pages<'_>, mut pos: Pos, mut n: usize) -> Pos {
        while n > 0 {
            if n <= pos.line {
                pos.line -= n;
                return pos;
            }
            if pos.item == 0 {
                return Pos::default();
            }
            n -= pos.line + 1;
            let item = pos.item - 1;
            pos = Pos {
                item,
                line: self.span(pages, item) - 1,
            };
        }
        pos
    }

    /// The highest top that still fills the pane (the end of the paper at the bottom).
    fn max_top(&self, pages: Pages<'_>) -> Pos {
        if pages.outline.is_empty() {
            return Pos::default();
        }
        let last = self.last_pos(pages);
        self.retreat(pages, last, self.height.saturating_sub(1))
    }

    fn clamp_top(&mut self, pages: Pages<'_>) {
        // After a width change the top item may have fewer lines than before.
        if self.top.item < pages.outline.len() {
            let last_line = self.span(pages, self.top.item) - 1;
            self.top.line = self.top.line.min(last_line);
        } else {
            self.top = Pos::default();
        }
        let max = self.max_top(pages);
        if self.top > max {
            self.top = max;
        }
    }

    /// Lines from the top of the pane to the first line of `item`, if it
    /// starts within `limit` lines of the top (None if above the top).
    fn distance_to(&self, pages: Pages<'_>, item: usize, limit: usize) -> Option<usize> {
        self.lines_between(pages, self.top, item, limit)
    }

    /// Lines from `from` down to the first line of `item`, counted up to
    /// just past `limit` (None if `item` begins before `from`).
    fn lines_between(
        &self,
        pages: Pages<'_>,
        from: Pos,
        item: usize,
        limit: usize,
    ) -> Option<usize> {
        if item < from.item || (item == from.item && from.line > 0) {
            return None;
        }
        let mut dist = 0;
        let mut at = from;
        while at.item < item {
            dist += self.span(pages, at.item).saturating_sub(at.line);
            if dist > limit {
                return Some(dist);
            }
            at = Pos {
                item: at.item + 1,
                line: 0,
            };
        }
        Some(dist)
    }

    /// Scrolls as little as needed to show the whole cursor item (or its start).
    pub fn reveal_cursor(&mut self, pages: Pages<'_>) {
        if pages.outline.is_empty() {
            return;
        }
        self.clamp_top(pages);
        let height = self.height.max(1);
        let lines = self.span(pages, self.cursor) - 1;
        match self.distance_to(pages, self.cursor, height) {
            None => {
                self.top = Pos {
                    item: self.cursor,
                    line: 0,
                }
            }
            // Taller than the pane and already begun in it: stay, as
            // scrolling to its start would hide what comes before.
            Some(dist) if lines >= height && dist < height => {}
            Some(dist) if dist + lines > height => {
                self.top = if lines >= height {
                    Pos {
                        item: self.cursor,
                        line: 0,
                    }
                } else {
                    let end = Pos {
                        item: self.cursor,
                        line: lines - 1,
                    };
                    self.retreat(pages, end, height - 1)
                };
            }
            Some(_) => {}
        }
        self.clamp_top(pages);
    }

    /// `j` as a pager does it: focus `next` (the next focusable item, if
    /// any) when that skips no line the pane has not shown; otherwise show
    /// the next page first. Every line is drawn on the way down.
    pub fn step_down(&mut self, pages: Pages<'_>, next: Option<usize>) {
        let height = self.height.max(1);
        let Some(next) = next else {
            // The last passage: page on to the end of the paper.
            self.scroll(pages, true, height);
            return;
        };
        match self.distance_to(pages, next, 2 * height) {
            // It begins in the pane or on the next page: focus it, scrolled
            // no further than the first line not shown yet.
            Some(dist) if dist < 2 * height => {
                let unseen = self.advance(pages, self.top, height);
                self.cursor = next;
                self.reveal_cursor(pages);
                if self.top > unseen {
                    self.top = unseen;
                    self.clamp_top(pages);
                }
            }
            _ => self.scroll(pages, true, height),
        }
    }

    /// `k` as a pager does it: focus `prev` when its beginning and every
    /// line down to the pane fit on one page; otherwise page up toward it.
    pub fn step_up(&mut self, pages: Pages<'_>, prev: Option<usize>) {
        let height = self.height.max(1);
        let Some(prev) = prev else {
            self.scroll(pages, false, height);
            return;
        };
        let start = Pos {
            item: prev,
            line: 0,
        };
        if start >= self.top {
            self.cursor = prev;
            self.reveal_cursor(pages);
            return;
        }
        let above = self
            .lines_between(pages, start, self.top.item, height)
            .unwrap_or(0)
            + self.top.line;
        if above <= height {
            self.top = start;
            self.clamp_top(pages);
            self.cursor = prev;
        } else {
            self.scroll(pages, false, height);
        }
    }

    /// After a resize: the top stays where it is (within the paper), and
    /// moves only if the cursor is no longer in the pane.
    pub fn settle(&mut self, pages: Pages<'_>) {
        self.clamp_top(pages);
        if !self.visible_items(pages).contains(&self.cursor) {
            self.reveal_cursor(pages);
        }
    }

    /// Puts `item` at the top of the pane (as far as the end of the paper allows).
    pub fn show_at_top(&mut self, pages: Pages<'_>, item: usize) {
        self.top = Pos { item, line: 0 };
        self.clamp_top(pages);
    }

    /// Scrolls by lines; the cursor follows when it would leave the pane.
    pub fn scroll(&mut self, pages: Pages<'_>, down: bool, n: usize) {
        if pages.outline.is_empty() {
            return;
        }
        self.top = if down {
            self.advance(pages, self.top, n)
        } else {
            self.retreat(pages, self.top, n)
        };
        self.clamp_top(pages);
        self.keep_cursor_inside(pages);
    }

    /// Row of the pane where `item` begins, if it begins in the pane.
    pub fn start_row(&self, pages: Pages<'_>, item: usize) -> Option<usize> {
        self.distance_to(pages, item, self.height)
            .filter(|&row| row < self.height)
    }

    /// Moves the cursor to a visible focusable item if it scrolled out of
    /// view. Once its beginning has scrolled above the pane, the focus
    /// passes to the next item that begins in the pane's upper half: the
    /// focus is the passage being read, and the side pane stays level with
    /// its beginning.
    fn keep_cursor_inside(&mut self, pages: Pages<'_>) {
        let visible = self.visible_items(pages);
        let (Some(&first), Some(&last)) = (visible.first(), visible.last()) else {
            return;
        };
        let inside = |i: &usize| pages.outline.items[*i].is_focusable();
        if self.cursor >= first && self.cursor <= last {
            if self.start_row(pages, self.cursor).is_none() {
                let upper_half = self.height.div_ceil(2);
                if let Some(&next) = visible.iter().find(|&&i| {
                    i > self.cursor
                        && inside(&i)
                        && self.start_row(pages, i).is_some_and(|row| row < upper_half)
                }) {
                    self.cursor = next;
                }
            }
            return;
        }
        let target = if self.cursor < first {
            visible.iter().find(|i| inside(i))
        } else {
            visible.iter().rev().find(|i| inside(i))
        };
        if let Some(&t) = target {
            self.cursor = t;
        }
    }

    /// Items with at least one line in the pane, in order.
    pub fn visible_items(&self, pages: Pages<'_>) -> Vec<usize> {
        let mut items = Vec::new();
        let mut remaining = self.height;
        let mut at = self.top;
        while remaining > 0 && at.item < pages.outline.len() {
            let span = self.span(pages, at.item);
            if at.line < span - 1 || span == 1 {
                items.push(at.item);
            }
            remaining = remaining.saturating_sub(span.saturating_sub(at.line));
            at = Pos {
                item: at.item + 1,
                line: 0,
            };
        }
        items
    }

    /// The rows of the pane: (item, line within item); spacer rows are `None`.
    pub fn rows(&self, pages: Pages<'_>) -> Vec<Option<(usize, usize)>> {
        let mut rows = Vec::with_capacity(self.height);
        let mut at = self.top;
        while rows.len() < self.height && at.item < pages.outline.len() {
            let lines = self.span(pages, at.item) - 1;
            for line in at.line..=lines {
                if rows.len() == self.height {
                    break;
                }
                rows.push((line < lines).then_some((at.item, line)));
            }
            at = Pos {
                item: at.item + 1,
                line: 0,
            };
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::synthetic_doc;

    fn setup(doc: &Document) -> (Outline, Viewport) {
        let outline = Outline::new(doc);
        let mut v = Viewport::default();
        v.resize(20, 10);
        v.cursor = outline.focusable_near(0).unwrap();
        (outline, v)
    }

    #[test]
    fn cursor_far_below_scrolls_it_into_view() {
        let doc = synthetic_doc(3, 5, 8);
        let (outline, mut v) = setup(&doc);
        let pages = Pages {
            doc: &doc,
            outline: &outline,
        };
        v.cursor = outline.of_passage(9);
        v.reveal_cursor(pages);
        let visible = v.visible_items(pages);
        assert!(visible.contains(&v.cursor), "{visible:?} {:?}", v.top);
        // The whole cursor item fits: its last line is on screen.
        let rows = v.rows(pages);
        let lines = v.lines(pages, v.cursor).len();
        assert!(rows.contains(&Some((v.cursor, lines - 1))));
    }

    #[test]
    fn scrolling_never_passes_the_end_and_cursor_follows() {
        let doc = synthetic_doc(2, 4, 6);
        let (outline, mut v) = setup(&doc);
        let pages = Pages {
            doc: &doc,
            outline: &outline,
        };
        v.scroll(pages, true, 10_000);
        let rows = v.rows(pages);
        assert_eq!(rows.len(), 10, "the pane stays full at the end");
        assert!(v.visible_items(pages).contains(&v.cursor));
        v.scroll(pages, false, 10_000);
        assert_eq!(v.top, Pos::default());
        assert!(v.visible_items(pages).contains(&v.cursor));
    }

    #[test]
    fn focus_passes_on_once_its_beginning_scrolls_away() {
        let doc = synthetic_doc(2, 4, 6);
        let (outline, mut v) = setup(&doc);
        let pages = Pages {
            doc: &doc,
            outline: &outline,
        };
        let mut passed_while_visible = 0;
        for _ in 0..60 {
            let before = v.cursor;
            v.scroll(pages, true, 1);
            let visible = v.visible_items(pages);
            assert!(visible.contains(&v.cursor));
            if v.cursor != before && visible.contains(&before) {
                passed_while_visible += 1;
            }
            if v.start_row(pages, v.cursor).is_none() {
                // Kept only while no later item begins in the upper half.
                assert!(!visible.iter().any(|&i| i > v.cursor
                    && outline.items[i].is_focusable()
                    && v.start_row(pages, i).is_some_and(|row| row < 5)));
            }
        }
        assert!(passed_while_visible > 2, "{passed_while_visible}");
    }

    #[test]
    fn one_line_scroll_moves_rows_by_one() {
        let doc = synthetic_doc(2, 4, 6);
        let (outline, mut v) = setup(&doc);
        let pages = Pages {
            doc: &doc,
            outline: &outline,
        };
        let before = v.rows(pages);
        v.scroll(pages, true, 1);
        let after = v.rows(pages);
        assert_eq!(&before[1..], &after[..9]);
    }

    #[test]
    fn empty_outline_is_harmless() {
        let doc = Document::default();
        let outline = Outline::new(&doc);
        let mut v = Viewport::default();
        v.resize(0, 0);
        let pages = Pages {
            doc: &doc,
            outline: &outline,
        };
        v.scroll(pages, true, 3);
        v.reveal_cursor(pages);
        assert!(v.rows(pages).is_empty());
    }
}
