//! The table of contents: the section tree, indented by level; Enter goes
//! to the section.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::list::Selection;
use crate::app::state::App;
use crate::keymap::{Action, Mode};
use crate::ui::popup;
use crate::ui::text::{line, truncate};
use crate::ui::theme::Theme;
use crate::views::{footer, hint, move_selection, Handled, Hint, Overlay};

pub const HANDLES: &[Action] = list_view_handles![Open, Close, Cancel, OpenToc];

pub const HINTS: &[Hint] = &[
    hint(&[Action::Open], "jump"),
    hint(&[Action::Close], "close"),
];

/// Opens on the section being read.
pub fn open(app: &mut App) {
    let study = app.study;
    let mut sel = Selection::new(study.doc.sections.len());
    if let Some(s) = study.outline.section_of(&study.doc, app.view.cursor) {
        sel.index = s;
    }
    app.overlays.push(Overlay::Toc(sel));
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let page = app.area.height.saturating_sub(4) as usize;
    let Some(Overlay::Toc(sel)) = app.overlays.last_mut() else {
        return Handled::Not;
    };
    if move_selection(sel, action, page) {
        return Handled::Done;
    }
    match action {
        Action::Open => {
            let section = sel.selected();
            app.overlays.pop();
            if let Some(s) = section {
                app.jump_to_section(s);
            }
        }
        Action::Close | Action::OpenToc | Action::Cancel => {
            app.overlays.pop();
        }
        _ => return Handled::Not,
    }
    Handled::Done
}

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, sel: &Selection, theme: Theme) {
    let outer = popup::centered(area, 90, area.height.saturating_sub(2));
    let footer = footer(app, Mode::Toc, None);
    let inner = popup::frame(outer, buf, "Contents", Some(&footer), theme);
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
