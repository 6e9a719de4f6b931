//! The links menu: the focused passage's links in a popup.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::list::Selection;
use crate::app::state::App;
use crate::keymap::Mode;
use crate::ui::popup;
use crate::ui::theme::Theme;
use crate::views::footer;
use crate::views::side::draw::LinkRows;

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, sel: &Selection, theme: Theme) {
    let links = super::here(app);
    let groups = {
        let mut g: Vec<&str> = links.iter().map(|l| l.group()).collect();
        g.dedup();
        g.len()
    };
    let height = (links.len() + groups + 2) as u16;
    let outer = popup::centered(area, 72, height.min(area.height.saturating_sub(2)));
    let footer = footer(app, Mode::Links, None);
    let inner = popup::frame(outer, buf, "Follow", Some(&footer), theme);
    let mut sel = *sel;
    sel.set_len(links.len());
    LinkRows {
        app,
        links: &links,
        selected: sel.selected(),
        theme,
    }
    .render(inner, buf);
}
