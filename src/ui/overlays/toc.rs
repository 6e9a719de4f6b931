//! The table of contents: the section tree, indented by level.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::list::Selection;
use crate::app::state::App;
use crate::ui::popup;
use crate::ui::text::{line, truncate};
use crate::ui::theme::Theme;

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, sel: &Selection, theme: Theme) {
    let outer = popup::centered(area, 90, area.height.saturating_sub(2));
    let inner = popup::frame(
        outer,
        buf,
        "Contents",
        Some("Enter jump · Esc close"),
        theme,
    );
    let doc = &app.study.doc;
    let height = inner.height as usize;
    let first = sel.scrolled(height);
    for (row, s) in (first..doc.sections.len()).take(height).enumerate() {
        let section = &doc.sections[s];
        let indent = "  ".repeat(section.level.saturating_sub(1) as usize);
        let text = truncate(
            &format!("{indent}{}", section.heading()),
            inner.width as usize,
        );
        let style = if s == sel.index {
            theme.selected()
        } else {
            theme.heading(section.level.max(2))
        };
        let y = inner.y + row as u16;
        if s == sel.index {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
                style,
            );
        }
        buf.set_line(inner.x, y, &line(&text, style), inner.width);
    }
}
