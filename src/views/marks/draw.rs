//! The marks popup: each mark's letter, where it is and how that place
//! begins.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::MarksView;
use crate::app::state::App;
use crate::keymap::Mode;
use crate::positions::find_item;
use crate::reader::view::item_text;
use crate::ui::text::{owned, truncate};
use crate::ui::theme::Theme;
use crate::ui::{popup, rows};
use crate::views::footer;

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, view: &MarksView, theme: Theme) {
    let height = (app.marks.len() as u16 + 4).max(5);
    let outer = popup::centered(area, 90, height.min(area.height.saturating_sub(2)));
    let title = match view.setting {
        true => "Mark this place: type a letter",
        false => "Go to a mark: type its letter",
    };
    let footer = footer(app, Mode::Marks, None);
    let inner = popup::frame(outer, buf, title, Some(&footer), theme);
    if app.marks.is_empty() {
        rows::message(inner, buf, "No marks yet", theme.dim());
        return;
    }
    let study = app.study;
    let width = inner.width as usize;
    let lines: Vec<(Option<usize>, Line)> = app
        .marks
        .iter()
        .enumerate()
        .map(|(i, (c, key))| {
            let place = match find_item(key, &study.doc, &study.outline) {
                Some(item) => {
                    let (text, _) = item_text(&study.doc, study.outline.items[item]);
                    let section = study
                        .outline
                        .section_of(&study.doc, item)
                        .and_then(|s| study.doc.sections[s].number.clone())
                        .map(|n| format!("§{n} "))
                        .unwrap_or_default();
                    format!("{section}{}", text.replace('\n', " "))
                }
                None => format!("{key} (no longer in the paper)"),
            };
            let line = Line::from(vec![
                owned(&format!(" {c}  "), theme.key()),
                Span::raw(truncate(&place, width.saturating_sub(5))),
            ]);
            (Some(i), line)
        })
        .collect();
    let mut sel = view.sel;
    sel.set_len(app.marks.len());
    rows::draw(inner, buf, &lines, Some(sel.index), theme.bar());
}
