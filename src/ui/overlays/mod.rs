//! Views drawn over the reader.

mod charts;
mod entities;
mod entity;
mod help;
mod links;
mod notes;
mod peek;
mod search;
mod toc;

pub use entity::context;
pub use help::help_lines;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::state::{App, Overlay};
use crate::keymap::Keymap;
use crate::ui::theme::Theme;

pub fn draw(
    area: Rect,
    buf: &mut Buffer,
    app: &App,
    overlay: &Overlay,
    keymap: &Keymap,
    theme: Theme,
) {
    match overlay {
        Overlay::Help { scroll } => help::draw(area, buf, keymap, *scroll, theme),
        Overlay::Toc(sel) => toc::draw(area, buf, app, sel, theme),
        Overlay::Peek(target) => peek::draw(area, buf, app, *target, keymap, theme),
        Overlay::Links(sel) => links::draw(area, buf, app, sel, theme),
        Overlay::Entities(list) => entities::draw(area, buf, app, list, theme),
        Overlay::Entity(view) => entity::draw(area, buf, app, view, theme),
        Overlay::Charts(state) => charts::draw(area, buf, app, state, theme),
        Overlay::Search(search) => search::draw(area, buf, search, theme),
        Overlay::Notes(list) => notes::draw_list(area, buf, app, list, theme),
        Overlay::Editor(editor) => notes::draw_editor(area, buf, app, editor, theme),
        Overlay::Confirm(question) => notes::draw_confirm(area, buf, question, theme),
    }
}
