//! The reading pane: wrapped text with the focus bar and note markers.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::app::layout::MARGIN;
use crate::app::state::App;
use crate::model::PassageKind;
use crate::reader::outline::Item;
use crate::reader::view::item_text;
use crate::ui::text::styled;
use crate::ui::theme::Theme;

pub struct ReaderPane<'a, 's> {
    pub app: &'a App<'s>,
    pub theme: Theme,
}

impl Widget for ReaderPane<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = self.theme;
        let pages = app.pages();
        let doc = pages.doc;
        let text_x = area.x + MARGIN;
        let text_width = area.width.saturating_sub(MARGIN + 1);
        if text_width == 0 {
            return;
        }
        for (row, slot) in app.view.rows(pages).into_iter().enumerate() {
            let y = area.y + row as u16;
            let Some((index, line)) = slot else { continue };
            let item = pages.outline.items[index];
            let focused = index == app.view.cursor;
            if focused {
                buf.set_string(area.x, y, theme.focus_bar(), theme.bar_style());
            }
            if line == 0 && app.has_notes(item) {
                buf.set_string(area.x + 1, y, theme.note_marker(), theme.bar_style());
            }
            let (text, offset) = item_text(doc, item);
            let lines = app.view.lines(pages, index);
            let range = lines[line].clone();
            let base = base_style(&theme, doc, item, focused);
            let marks = app.marks(index, offset, &theme);
            let rendered = styled(&text, range, &marks, base);
            buf.set_line(text_x, y, &rendered, text_width);
        }
    }
}

fn base_style(theme: &Theme, doc: &crate::model::Document, item: Item, focused: bool) -> Style {
    let style = match item {
        Item::Heading(s) => theme.heading(doc.sections[s].level),
        Item::FootnotesHeading => theme.heading(1),
        Item::Passage(p) => match doc.passages[p].kind {
            PassageKind::Caption | PassageKind::Source | PassageKind::Figure => theme.caption(),
            PassageKind::Quote => Style::new().add_modifier(ratatui::style::Modifier::ITALIC),
            PassageKind::Paragraph | PassageKind::Code | PassageKind::Table => Style::new(),
        },
        Item::Reference(_) | Item::Footnote(_) => Style::new(),
    };
    if focused {
        style.patch(theme.focused())
    } else {
        style
    }
}
