//! Where each part of the screen goes, for a given terminal size.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this many columns the side pane folds away; Tab shows it full width.
pub const SIDE_BY_SIDE_MIN_WIDTH: u16 = 90;
/// Smaller than this, casebook only says the terminal is too small.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 6;
/// Columns left of the text: the focus bar and the note marker.
pub const MARGIN: u16 = 2;

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
    /// text (only matters on narrow terminals).
    pub fn new(area: Rect, side_shown: bool) -> Panes {
        let [title, crumb, main, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area);
        let (reader, side) = if area.width >= SIDE_BY_SIDE_MIN_WIDTH {
            let side_width = (area.width * 3 / 10).clamp(30, 60);
            let [reader, side] =
                Layout::horizontal([Constraint::Min(0), Constraint::Length(side_width)])
                    .areas(main);
            (Some(reader), Some(side))
        } else if side_shown {
            (None, Some(main))
        } else {
            (Some(main), None)
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
