//! Where each part of the screen goes, for a given terminal size.

use ratatui::layout::Rect;

/// Below this many columns the side pane folds away; Tab shows it full width.
pub const SIDE_BY_SIDE_MIN_WIDTH: u16 = 90;
/// Smaller than this, casebook only says the terminal is too small.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 6;
/// Columns left of the text: the focus bar and the note marker.
pub const MARGIN: u16 = 2;
/// The widest text line by default (`--measure`): longer lines are hard to
/// follow back to the next one's start.
pub const MEASURE: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub title: Rect,
    pub crumb: Rect,
    /// The reading pane, or `None` when the folded side pane covers it.
    pub reader: Option<Rect>,
    pub side: Option<Rect>,
    pub status: Rect,
}

impl Panes {
    /// `side_shown`: whether the folded side pane is shown instead of the
    /// text (only matters on narrow terminals). `measure`: the widest text
    /// line (0: no limit); beside a side pane, the side pane takes the rest.
    pub fn new(area: Rect, side_shown: bool, measure: u16) -> Panes {
        // The reading pane's widest: the text, its margin and a blank column.
        let widest = match measure {
            0 => u16::MAX,
            m => m.saturating_add(MARGIN + 1),
        };
        // Plain arithmetic, not a constraint solver: this runs on every frame,
        // the first one included. Rows past the bottom come out empty.
        let rows = |top: u16, height: u16| {
            let y = top.min(area.height);
            Rect {
                y: area.y + y,
                height: height.min(area.height - y),
                ..area
            }
        };
        let title = rows(0, 1);
        let crumb = rows(1, 1);
        let main = rows(2, area.height.saturating_sub(3));
        let status = rows(area.height.saturating_sub(1).max(2), 1);
        let (reader, side) = if area.width >= SIDE_BY_SIDE_MIN_WIDTH {
            let side_width = (area.width * 3 / 10)
                .clamp(30, 60)
                .max(area.width.saturating_sub(widest));
            let reader = Rect {
                width: area.width - side_width,
                ..main
            };
            let side = Rect {
                x: main.x + reader.width,
                width: side_width,
                ..main
            };
            (Some(reader), Some(side))
        } else if side_shown {
            (None, Some(main))
        } else {
            let reader = Rect {
                width: main.width.min(widest),
                ..main
            };
            (Some(reader), None)
        };
        Panes {
            title,
            crumb,
            reader,
            side,
            status,
        }
    }

    /// Width and height of the text column of the reading pane.
    pub fn text_size(&self) -> (usize, usize) {
        self.reader.map_or((0, 0), |r| {
            (
                r.width.saturating_sub(MARGIN + 1) as usize,
                r.height as usize,
            )
        })
    }
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::{Constraint, Layout};

    /// What the panes were when ratatui's constraint solver placed them.
    fn solved(area: Rect) -> [Rect; 6] {
        let [title, crumb, main, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area);
        let side_width = (area.width * 3 / 10).clamp(30, 60);
        let [reader, side] =
            Layout::horizontal([Constraint::Min(0), Constraint::Length(side_width)]).areas(main);
        [title, crumb, main, status, reader, side]
    }

    #[test]
    fn panes_match_the_constraint_layout() {
        for height in (3..12).chain([24, 50, 69]) {
            for width in (0..260).step_by(7).chain([89, 90, 91, 199, 200]) {
                let area = Rect::new(3, 2, width, height);
                let [title, crumb, main, status, reader, side] = solved(area);
                let panes = Panes::new(area, false, 0);
                assert_eq!(
                    (panes.title, panes.crumb, panes.status),
                    (title, crumb, status)
                );
                if width >= SIDE_BY_SIDE_MIN_WIDTH {
                    assert_eq!((panes.reader, panes.side), (Some(reader), Some(side)));
                } else {
                    assert_eq!((panes.reader, panes.side), (Some(main), None));
                    assert_eq!(Panes::new(area, true, 0).side, Some(main));
                }
            }
        }
    }

    #[test]
    fn the_measure_bounds_the_text_and_the_side_pane_takes_the_rest() {
        let wide = Panes::new(Rect::new(0, 0, 200, 50), false, MEASURE);
        assert_eq!(wide.text_size().0, MEASURE as usize);
        let (reader, side) = (wide.reader.unwrap(), wide.side.unwrap());
        assert_eq!(reader.width + side.width, 200, "no column unused");
        let narrow = Panes::new(Rect::new(0, 0, 80, 24), false, MEASURE);
        assert_eq!(narrow.text_size().0, 77, "below the measure: as before");
        let folded = Panes::new(Rect::new(0, 0, 89, 24), false, 40);
        assert_eq!(folded.text_size().0, 40);
        let unlimited = Panes::new(Rect::new(0, 0, 200, 50), false, 0);
        assert_eq!(unlimited.side.unwrap().width, 60);
    }

    #[test]
    fn tiny_areas_give_empty_rows_inside_them() {
        for height in 0..3 {
            let area = Rect::new(0, 5, 40, height);
            let p = Panes::new(area, false, 0);
            for r in [p.title, p.crumb, p.status, p.reader.unwrap()] {
                assert!(area.union(r) == area || r.is_empty(), "{r:?} in {area:?}");
            }
        }
    }
}
