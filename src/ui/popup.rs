//! A bordered box centred over the screen, its interior cleared.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::ui::text::span;
use crate::ui::theme::Theme;

/// A rectangle of at most `width` x `height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clears `area`, draws the frame with `title` and returns the inside.
pub fn frame(
    area: Rect,
    buf: &mut Buffer,
    title: &str,
    footer: Option<&str>,
    theme: Theme,
) -> Rect {
    Clear.render(area, buf);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border())
        .title(Line::from(span(title, theme.key())));
    if let Some(footer) = footer {
        block = block.title_bottom(Line::from(span(footer, theme.dim())));
    }
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}
