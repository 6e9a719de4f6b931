//! Drawing: a pure function of the application state and the key map.

pub mod bars;
pub mod charts;
pub mod overlays;
pub mod popup;
pub mod reader;
pub mod rows;
pub mod side;
pub mod text;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};
use ratatui::Frame;

use crate::app::layout::too_small;
use crate::app::state::App;
use crate::keymap::Keymap;
use theme::Theme;

pub fn draw(frame: &mut Frame, app: &App, keymap: &Keymap) {
    let area = frame.area();
    render(area, frame.buffer_mut(), app, keymap);
}

/// Renders the whole screen into `buf`.
pub fn render(area: Rect, buf: &mut Buffer, app: &App, keymap: &Keymap) {
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
        reader::ReaderPane { app, theme }.render(reader, buf);
    }
    if let Some(side) = panes.side {
        side::SidePane { app, theme }.render(side, buf);
    }
    bars::StatusBar { app, theme, keymap }.render(panes.status, buf);
    for overlay in &app.overlays {
        overlays::draw(area, buf, app, overlay, keymap, theme);
    }
}
