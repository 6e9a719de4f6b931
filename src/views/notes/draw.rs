//! Drawing the notes list: two lines a note, where and what.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::NotesList;
use crate::app::state::App;
use crate::keymap::Mode;
use crate::notes::Anchor;
use crate::ui::text::{owned, truncate};
use crate::ui::theme::Theme;
use crate::ui::{popup, rows};
use crate::views::footer;

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, list: &NotesList, theme: Theme) {
    let outer = popup::centered(area, 100, area.height.saturating_sub(2));
    let mut title = format!("Notes ({} shown", list.rows.len());
    if !app.unsaved.is_empty() {
        title.push_str(&format!(", {} unsaved", app.unsaved.len()));
    }
    if app.access == crate::notes::Access::ReadOnly {
        title.push_str(", read-only");
    }
    title.push(')');
    let footer = footer(app, Mode::Notes, Some("type text or #tag"));
    let inner = popup::frame(outer, buf, &title, Some(&footer), theme);
    let Some(body) = rows::query_line(inner, buf, "filter: ", &list.filter, theme) else {
        return;
    };
    if list.rows.is_empty() {
        let msg = if app.notebook.set().is_empty() {
            "No notes yet: press a on a passage to write one"
        } else {
            "No note matches"
        };
        rows::message(body, buf, msg, theme.dim());
        return;
    }
    // Two lines per note: where and state; tags and text.
    let per = 2usize;
    let visible = (body.height as usize / per).max(1);
    let first = list.sel.scrolled(visible);
    let width = body.width as usize;
    for (row, id) in list.rows.iter().enumerate().skip(first).take(visible) {
        let Some((note, anchor)) = app.notebook.get(id) else {
            continue;
        };
        let y = body.y + ((row - first) * per) as u16;
        let place = match anchor {
            Anchor::Anchored { passage, .. } => app.study.doc.passages[*passage].id.clone(),
            Anchor::Drifted { passage, from, .. } => format!(
                "{} [drifted from {}]",
                app.study.doc.passages[*passage].id,
                from.as_deref().unwrap_or("?")
            ),
            Anchor::Orphaned => "[orphaned]".to_string(),
        };
        let head = format!(
            "{}{place} “{}”",
            super::marks(app, note),
            note.target.quote.exact
        );
        let tags: String = note
            .tags
            .iter()
            .chain(&note.codes)
            .map(|t| format!("#{t} "))
            .collect();
        let text = format!("  {tags}{}", note.text.replace('\n', " "));
        let selected = row == list.sel.index;
        let style = if selected {
            theme.selected()
        } else {
            Style::new()
        };
        buf.set_line(
            body.x,
            y,
            &Line::from(owned(&truncate(&head, width), theme.dim())),
            body.width,
        );
        if y + 1 < body.bottom() {
            buf.set_line(
                body.x,
                y + 1,
                &Line::from(owned(&truncate(&text, width), Style::new())),
                body.width,
            );
        }
        if selected {
            let h = if y + 1 < body.bottom() { 2 } else { 1 };
            buf.set_style(
                Rect {
                    y,
                    height: h,
                    ..body
                },
                style,
            );
        }
    }
}
