//! Views drawn over the reader.

mod help;
mod peek;
mod toc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::state::{App, Overlay};
use crate::keymap::Keymap;
use crate::ui::theme::Theme;

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, overlay: &Overlay, keymap: &Keymap, theme: Theme) {
    match overlay {
        Overlay::Help { scroll } => help::draw(area, buf, keymap, *scroll, theme),
        Overlay::Toc(sel) => toc::draw(area, buf, app, sel, theme),
        Overlay::Peek(target) => peek::draw(area, buf, app, *target, keymap, theme),
    }
}
