//! The notes list, the note editor and the confirmation question.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Widget};

use crate::app::editor::{Field, NoteEditor};
use crate::app::notes::Confirm;
use crate::app::notes_list::NotesList;
use crate::app::state::App;
use crate::notes::Anchor;
use crate::ui::text::{owned, truncate};
use crate::ui::theme::Theme;
use crate::ui::{popup, rows};

pub fn draw_list(area: Rect, buf: &mut Buffer, app: &App, list: &NotesList, theme: Theme) {
    let outer = popup::centered(area, 100, area.height.saturating_sub(2));
    let title = format!("Notes ({} shown)", list.rows.len());
    let footer = "type text or #tag · Enter go · ^E edit · ^D delete · ^R accept moved";
    let inner = popup::frame(outer, buf, &title, Some(footer), theme);
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
        let head = format!("{place} “{}”", note.target.quote.exact);
        let tags: String = note.tags.iter().map(|t| format!("#{t} ")).collect();
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

pub fn draw_editor(area: Rect, buf: &mut Buffer, app: &App, editor: &NoteEditor, theme: Theme) {
    let outer = popup::centered(area, 84, 20.min(area.height));
    let title = if editor.note_id.is_some() {
        "Edit note"
    } else {
        "New note"
    };
    let where_ = editor
        .passage
        .map(|p| format!(" on {}", app.study.doc.passages[p].id))
        .unwrap_or_default();
    let inner = popup::frame(
        outer,
        buf,
        &format!("{title}{where_}"),
        Some("^S save · Tab next field · Esc cancel"),
        theme,
    );
    let [text_area, tags_area, quote_area] = Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(3),
        Constraint::Length(3),
    ])
    .areas(inner);
    let fields = [
        (Field::Text, &editor.text, text_area, "Note"),
        (
            Field::Tags,
            &editor.tags,
            tags_area,
            "Tags (comma separated; entity names welcome)",
        ),
        (
            Field::Quote,
            &editor.quote,
            quote_area,
            "Quote (empty: whole passage)",
        ),
    ];
    for (field, textarea, area, label) in fields {
        let active = field == editor.field;
        let style = if active { theme.key() } else { theme.dim() };
        let block = Block::default()
            .borders(Borders::TOP)
            .border_set(theme.border())
            .title(Line::from(owned(label, style)));
        let inside = block.inner(area);
        block.render(area, buf);
        let mut textarea = textarea.clone();
        let cursor = if active {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        textarea.set_cursor_style(cursor);
        textarea.set_cursor_line_style(Style::new());
        textarea.render(inside, buf);
    }
}

pub fn draw_confirm(area: Rect, buf: &mut Buffer, question: &Confirm, theme: Theme) {
    let text = question.question();
    let width = (text.chars().count() as u16 + 6).min(area.width);
    let outer = popup::centered(area, width, 4);
    let inner = popup::frame(outer, buf, "Confirm", Some("y yes · n no"), theme);
    buf.set_line(
        inner.x + 1,
        inner.y,
        &Line::from(owned(text, theme.key())),
        inner.width.saturating_sub(1),
    );
}
