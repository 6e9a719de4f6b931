//! Problems found in the case study's optional files (entities, series, the
//! user's key map): what was set aside so the rest could open, one
//! diagnostic per line, scrolled like a peek.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::state::App;
use crate::keymap::{Action, Mode};
use crate::reader::wrap::wrap;
use crate::ui::popup;
use crate::ui::text::line;
use crate::ui::theme::Theme;
use crate::views::{footer, hint, Handled, Hint, Overlay};

pub const HANDLES: &[Action] = &[
    Action::LineDown,
    Action::LineUp,
    Action::PageDown,
    Action::PageUp,
    Action::Close,
    Action::OpenWarnings,
    Action::Cancel,
];

pub const HINTS: &[Hint] = &[
    hint(&[Action::LineDown, Action::LineUp], "scroll"),
    hint(&[Action::Close], "close"),
];

/// First line shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Warnings {
    pub scroll: usize,
}

pub fn open(app: &mut App) {
    if app.warnings.is_empty() {
        app.message = Some("No problems in this case study's files".into());
        return;
    }
    app.overlays.push(Overlay::Warnings(Warnings::default()));
}

/// The popup and the warnings' wrapped lines at the current size.
fn layout<'a>(app: &'a App) -> (Rect, Vec<&'a str>) {
    let area = app.area;
    let width = area.width.saturating_sub(4).min(100);
    let lines: Vec<&str> = app
        .warnings
        .iter()
        .flat_map(|w| {
            wrap(w, width.saturating_sub(2) as usize)
                .into_iter()
                .map(|r| &w[r])
        })
        .collect();
    let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    (popup::centered(area, width, height), lines)
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let Some(&Overlay::Warnings(w)) = app.overlays.last() else {
        return Handled::Not;
    };
    let (outer, lines) = layout(app);
    let visible = outer.height.saturating_sub(2).max(1) as usize;
    let last_top = lines.len().saturating_sub(visible);
    let scroll = match action {
        Action::LineDown => w.scroll + 1,
        Action::LineUp => w.scroll.saturating_sub(1),
        Action::PageDown => w.scroll + visible,
        Action::PageUp => w.scroll.saturating_sub(visible),
        Action::Close | Action::Cancel | Action::OpenWarnings => {
            app.overlays.pop();
            return Handled::Done;
        }
        _ => return Handled::Not,
    };
    if let Some(Overlay::Warnings(w)) = app.overlays.last_mut() {
        w.scroll = scroll.min(last_top);
    }
    Handled::Done
}

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, w: &Warnings, theme: Theme) {
    let (outer, lines) = layout(app);
    let outer = outer.intersection(area);
    let title = format!(
        "Problems in the case study's files ({})",
        app.warnings.len()
    );
    let footer = footer(app, Mode::Warnings, None);
    let inner = popup::frame(outer, buf, &title, Some(&footer), theme);
    for (row, piece) in lines
        .into_iter()
        .skip(w.scroll)
        .take(inner.height as usize)
        .enumerate()
    {
        buf.set_line(
            inner.x,
            inner.y + row as u16,
            &line(piece, Style::new()),
            inner.width,
        );
    }
}
