//! Pieces every list view shares: a query line over a body, and rows under
//! group headings with one selected row kept in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use crate::ui::text::owned;
use crate::ui::theme::Theme;

/// Draws `prefix` and the typed `query` with a cursor on the first line of
/// `inner`; returns the rest, or `None` when there is no room for a body.
pub fn query_line(
    inner: Rect,
    buf: &mut Buffer,
    prefix: &str,
    query: &str,
    theme: Theme,
) -> Option<Rect> {
    if inner.height < 2 {
        return None;
    }
    let prompt = Line::from(vec![
        owned(prefix, theme.dim()),
        owned(query, theme.key()),
        owned("▏", theme.dim()),
    ]);
    buf.set_line(inner.x, inner.y, &prompt, inner.width);
    Some(Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    })
}

/// A one-line message in the body (for empty lists).
pub fn message(area: Rect, buf: &mut Buffer, text: &str, style: Style) {
    if area.height > 0 {
        buf.set_line(area.x, area.y, &Line::from(owned(text, style)), area.width);
    }
}

/// Rows are `(Some(index), line)` for selectable items and `(None, line)`
/// for headings. The window scrolls so the row of `selected` is visible,
/// and that row is drawn with `highlight`.
pub fn draw(
    area: Rect,
    buf: &mut Buffer,
    rows: &[(Option<usize>, Line)],
    selected: Option<usize>,
    highlight: Style,
) {
    let sel_row = selected
        .and_then(|s| rows.iter().position(|(i, _)| *i == Some(s)))
        .unwrap_or(0);
    let height = area.height as usize;
    let first = sel_row.saturating_sub(height.saturating_sub(1));
    for (row, (index, line)) in rows.iter().skip(first).take(height).enumerate() {
        let y = area.y + row as u16;
        buf.set_line(area.x, y, line, area.width);
        if index.is_some() && *index == selected {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                highlight,
            );
        }
    }
}
