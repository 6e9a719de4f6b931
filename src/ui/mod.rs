//! Drawing: a pure function of the application state. The views draw
//! themselves ([`crate::views`]); this is the frame around them and the
//! pieces they share.

pub mod bars;
pub mod charts;
pub mod popup;
pub mod rows;
pub mod text;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

use crate::app::layout::too_small;
use crate::app::state::App;
use crate::views;
use theme::Theme;

/// Renders the whole screen into `buf`.
pub fn render(area: Rect, buf: &mut Buffer, app: &App) {
    let theme = Theme::new(app.options.color, app.options.ascii);
    if too_small(area) {
        let msg = "terminal too small";
        let short = if (area.width as usize) < msg.len() {
            "small"
        } else {
            msg
        };
        Paragraph::new(short).render(
            Rect {
                height: area.height.min(1),
                ..area
            },
            buf,
        );
        return;
    }
    let panes = app.panes();
    bars::TitleBar { app, theme }.render(panes.title, buf);
    bars::Breadcrumb { app, theme }.render(panes.crumb, buf);
    if let Some(reader) = panes.reader {
        views::reader::draw::ReaderPane { app, theme }.render(reader, buf);
    }
    if let Some(side) = panes.side {
        views::side::draw::SidePane { app, theme }.render(side, buf);
    }
    bars::StatusBar { app, theme }.render(panes.status, buf);
    for overlay in &app.overlays {
        views::draw(area, buf, app, overlay, theme);
    }
    if theme.ascii {
        to_ascii(buf);
    }
}

/// `--ascii`: every typographic and symbol glyph on the screen, chrome or
/// paper, as its ASCII stand-in (one pass here, so no view can miss one).
fn to_ascii(buf: &mut Buffer) {
    for cell in buf.content.iter_mut() {
        let mut chars = cell.symbol().chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if let Some(plain) = text::ascii_stand_in(c) {
                cell.set_char(plain);
            }
        }
    }
}
