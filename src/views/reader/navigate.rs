//! Moving through the paper: passage steps, scrolling, sections, jumps.

use crate::app::jumps::Spot;
use crate::app::state::{App, Arrive, Switch};
use crate::reader::outline::Item;

impl App<'_> {
    /// `j` / `k`: the next or previous passage, paging first through what
    /// a passage taller than the pane has not shown yet.
    pub fn step_passage(&mut self, forward: bool) {
        let outline = &self.study.outline;
        let before = self.view.cursor;
        let pages = self.pages();
        if forward {
            self.view.step_down(pages, outline.next_focusable(before));
        } else {
            self.view.step_up(pages, outline.prev_focusable(before));
        }
        if self.view.cursor != before {
            self.side.set_len(0);
        }
    }

    /// Moves the cursor without recording a jump; the view follows.
    pub fn set_cursor(&mut self, item: usize) {
        self.view.cursor = item;
        let pages = self.pages();
        self.view.reveal_cursor(pages);
        self.side.set_len(0);
    }

    pub fn scroll_lines(&mut self, down: bool, lines: usize) {
        let before = self.view.cursor;
        let pages = self.pages();
        self.view.scroll(pages, down, lines);
        if self.view.cursor != before {
            self.side.set_len(0);
        }
    }

    pub fn page(&mut self, down: bool, fraction: usize) {
        let lines = (self.view.height / fraction).max(1);
        self.scroll_lines(down, lines);
    }

    /// Goes to `item` as a jump: the place we leave goes on the jump list,
    /// and the target is shown at the top of the pane.
    pub fn jump_to(&mut self, item: usize) {
        let outline = &self.study.outline;
        let Some(target) = outline.focusable_near(item) else {
            return;
        };
        if target != self.view.cursor {
            self.jumps.record(self.spot());
        }
        self.view.cursor = target;
        let pages = self.pages();
        // Show a section's heading with its first passage.
        let top = if item < target { item } else { target };
        self.view.show_at_top(pages, top);
        self.view.reveal_cursor(pages);
        self.side.set_len(0);
    }

    pub fn jump_to_passage(&mut self, passage: usize) {
        let item = self.study.outline.of_passage(passage);
        self.jump_to(item);
    }

    pub fn jump_to_section(&mut self, section: usize) {
        let item = self.study.outline.of_section(section);
        self.jump_to(item);
    }

    pub fn go_to_end(&mut self, end: bool) {
        let outline = &self.study.outline;
        let target = if end {
            outline.prev_focusable(outline.len())
        } else {
            outline.focusable_near(0)
        };
        if let Some(t) = target {
            if t != self.view.cursor {
                self.jumps.record(self.spot());
            }
            self.set_cursor(t);
            if !end {
                let pages = self.pages();
                self.view.show_at_top(pages, 0);
            }
        }
    }

    /// Next or previous heading of any level, as a jump. Back goes to the
    /// nearest heading whose section begins before the focus: the one we are
    /// in when past its first passage, else an earlier one (a parent heading
    /// with no text of its own leads to the same passage, so it is skipped).
    pub fn step_section(&mut self, forward: bool) {
        let outline = &self.study.outline;
        let items = &outline.items;
        let here = self.view.cursor;
        let is_heading = |i: &usize| matches!(items[*i], Item::Heading(_) | Item::FootnotesHeading);
        let target = if forward {
            (here + 1..items.len()).find(is_heading)
        } else {
            (0..here.min(items.len()))
                .rev()
                .filter(is_heading)
                .find(|&h| outline.next_focusable(h).is_some_and(|f| f < here))
        };
        if let Some(t) = target {
            self.jump_to(t);
        }
    }

    pub fn jump_back(&mut self) {
        if let Some(spot) = self.jumps.back(self.spot()) {
            self.travel(spot);
        } else {
            self.message = Some("No earlier position".into());
        }
    }

    pub fn jump_forward(&mut self) {
        if let Some(spot) = self.jumps.forward() {
            self.travel(spot);
        } else {
            self.message = Some("No later position".into());
        }
    }

    /// Moves through history without recording a new jump; a place in
    /// another case study opens it.
    fn travel(&mut self, Spot { case, item }: Spot) {
        if case != self.study.meta.id {
            self.switch_request = Some(Switch {
                case,
                at: Arrive::Item(item),
            });
            return;
        }
        self.view.cursor = item;
        let pages = self.pages();
        self.view.show_at_top(pages, item);
        self.view.reveal_cursor(pages);
        self.side.set_len(0);
    }

    /// Position for the status bar: section number, passage n of N, percent.
    pub fn position(&self) -> Position {
        let study = self.study;
        let passages = study.doc.passages.len();
        // Through the whole outline (paper, references, footnotes), so the
        // figure only grows as the reading goes on.
        let n = self.cursor_passage().map(|p| p + 1);
        let percent = (self.view.cursor + 1) * 100 / study.outline.len().max(1);
        // The numbers of the section path: "3. (1) 2)".
        let section = study
            .outline
            .section_of(&study.doc, self.view.cursor)
            .map(|s| {
                study
                    .doc
                    .section_path(s)
                    .into_iter()
                    .map(|i| {
                        let sec = &study.doc.sections[i];
                        sec.number.clone().unwrap_or_else(|| sec.title.clone())
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            });
        // The page the focused passage starts on, to cite it by.
        let page = self
            .cursor_passage()
            .and_then(|p| study.doc.page(p))
            .map(str::to_string);
        Position {
            section,
            passage: n,
            passages,
            percent,
            page,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub section: Option<String>,
    pub passage: Option<usize>,
    pub passages: usize,
    pub percent: usize,
    /// The page label of the focused passage, when the paper records pages.
    pub page: Option<String>,
}
