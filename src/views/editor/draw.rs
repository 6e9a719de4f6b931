//! Drawing the note editor: the note, its tags and its quote, one field
//! active.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Widget};

use tui_textarea::{CursorMove, TextArea};

use super::{Field, NoteEditor};
use crate::app::state::App;
use crate::keymap::Mode;
use crate::term::sanitize;
use crate::ui::popup;
use crate::ui::text::owned;
use crate::ui::theme::Theme;
use crate::views::footer;

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, editor: &NoteEditor, theme: Theme) {
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
        Some(&footer(app, Mode::Editor, None)),
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
        let mut textarea = shown(textarea);
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

/// A copy of `textarea` as it may be shown: control and invisible characters
/// as their pictures or code points (the widget would send them to the
/// terminal as they are), the cursor on the same character.
fn shown(textarea: &TextArea<'static>) -> TextArea<'static> {
    let lines = textarea.lines();
    if !lines.iter().any(|l| sanitize::count_neutralised(l) > 0) {
        return textarea.clone();
    }
    let (row, col) = textarea.cursor();
    let mut shown_col = col;
    let shown_lines: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let mut out = String::with_capacity(line.len());
            for (j, c) in line.chars().enumerate() {
                if i == row && j == col {
                    shown_col = out.chars().count();
                }
                match c {
                    '\t' => out.push(c),
                    _ => sanitize::display_char(c, &mut out),
                }
            }
            if i == row && col >= line.chars().count() {
                shown_col = out.chars().count();
            }
            out
        })
        .collect();
    let mut copy = TextArea::new(shown_lines);
    copy.set_hard_tab_indent(true);
    copy.move_cursor(CursorMove::Jump(row as u16, shown_col as u16));
    copy
}
