//! A question that must be answered before something is lost.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::app::msg::Effect;
use crate::app::state::App;
use crate::keymap::{Action, Mode};
use crate::ui::popup;
use crate::ui::text::owned;
use crate::ui::theme::Theme;
use crate::views::{footer, hint, Handled, Hint, Overlay};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Close the editor without saving its changes.
    Discard,
    /// Delete the note with this id.
    Delete(String),
}

impl Confirm {
    pub fn question(&self) -> &'static str {
        match self {
            Confirm::Discard => "Discard the changes to this note?",
            Confirm::Delete(_) => "Delete this note?",
        }
    }
}

pub const HANDLES: &[Action] = &[
    Action::ConfirmYes,
    Action::ConfirmNo,
    Action::Cancel,
    Action::Close,
];

pub const HINTS: &[Hint] = &[
    hint(&[Action::ConfirmYes], "yes"),
    hint(&[Action::ConfirmNo], "no"),
];

pub fn update(app: &mut App, action: Action) -> Handled {
    let Some(Overlay::Confirm(question)) = app.overlays.last() else {
        return Handled::Not;
    };
    let question = question.clone();
    match action {
        Action::ConfirmYes => {
            app.overlays.pop();
            match question {
                Confirm::Discard => {
                    app.overlays.pop();
                    return Handled::Effect(Effect::DiscardDraft);
                }
                Confirm::Delete(id) => {
                    app.notebook.delete(&id);
                    app.notes_changed();
                    return Handled::Effect(Effect::SaveNotes);
                }
            }
        }
        Action::ConfirmNo | Action::Cancel | Action::Close => {
            app.overlays.pop();
        }
        _ => return Handled::Not,
    }
    Handled::Done
}

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, question: &Confirm, theme: Theme) {
    let text = question.question();
    let width = (text.chars().count() as u16 + 6).min(area.width);
    let outer = popup::centered(area, width, 4);
    let footer = footer(app, Mode::Confirm, None);
    let inner = popup::frame(outer, buf, "Confirm", Some(&footer), theme);
    buf.set_line(
        inner.x + 1,
        inner.y,
        &Line::from(owned(text, theme.key())),
        inner.width.saturating_sub(1),
    );
}
