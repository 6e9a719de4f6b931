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
use crate::views::{footer_of, hint, Handled, Hint, Overlay};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Close the editor without saving its changes.
    Discard,
    /// Delete the note with this id.
    Delete(String),
    /// Quit with notes not yet saved: save again, keep them as drafts or
    /// discard them.
    Quit,
}

impl Confirm {
    pub fn question(&self, app: &App) -> String {
        match self {
            Confirm::Discard => "Discard the changes to this note?".into(),
            Confirm::Delete(_) => "Delete this note?".into(),
            Confirm::Quit => match app.unsaved.len() {
                1 => "1 note is not saved. Quit?".into(),
                n => format!("{n} notes are not saved. Quit?"),
            },
        }
    }

    /// The answers this question takes, for its footer.
    fn hints(&self) -> &'static [Hint] {
        match self {
            Confirm::Discard | Confirm::Delete(_) => &HINTS[..2],
            Confirm::Quit => &HINTS[2..],
        }
    }
}

pub const HANDLES: &[Action] = &[
    Action::ConfirmYes,
    Action::ConfirmNo,
    Action::Cancel,
    Action::Close,
    Action::Save,
    Action::KeepDraft,
    Action::Discard,
];

/// Yes/no questions show the first two, the quit question the rest.
pub const HINTS: &[Hint] = &[
    hint(&[Action::ConfirmYes], "yes"),
    hint(&[Action::ConfirmNo], "no"),
    hint(&[Action::Save], "save again"),
    hint(&[Action::KeepDraft], "keep as drafts"),
    hint(&[Action::Discard], "discard"),
    hint(&[Action::ConfirmNo], "stay"),
];

pub fn update(app: &mut App, action: Action) -> Handled {
    let Some(Overlay::Confirm(question)) = app.overlays.last() else {
        return Handled::Not;
    };
    let question = question.clone();
    if matches!(action, Action::ConfirmNo | Action::Cancel | Action::Close) {
        app.overlays.pop();
        // Staying: nor is the case study left for another.
        app.leaving_for = None;
        return Handled::Done;
    }
    match (question, action) {
        (Confirm::Discard, Action::ConfirmYes | Action::Discard) => {
            app.overlays.pop();
            app.overlays.pop();
            Handled::Effect(Effect::SyncDrafts)
        }
        (Confirm::Delete(id), Action::ConfirmYes) => {
            app.overlays.pop();
            app.notebook.delete(&id);
            app.notes_changed();
            Handled::Effect(Effect::SaveNotes)
        }
        (Confirm::Quit, Action::Save) => {
            app.overlays.pop();
            app.unsaved.quit_when_saved = true;
            Handled::Effect(Effect::SaveNotes)
        }
        (Confirm::Quit, Action::KeepDraft) => {
            app.overlays.pop();
            Handled::Effect(Effect::KeepDrafts)
        }
        (Confirm::Quit, Action::Discard) => {
            app.overlays.pop();
            app.unsaved.discard();
            app.quit = true;
            Handled::Effect(Effect::Quit)
        }
        // An answer this question does not take: it stays until answered.
        (_, action) if HANDLES.contains(&action) => Handled::Done,
        _ => Handled::Not,
    }
}

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, question: &Confirm, theme: Theme) {
    let text = question.question(app);
    let footer = footer_of(app, Mode::Confirm, None, question.hints());
    let width = (text.chars().count().max(footer.chars().count()) as u16 + 6).min(area.width);
    let outer = popup::centered(area, width, 4);
    let inner = popup::frame(outer, buf, "Confirm", Some(&footer), theme);
    buf.set_line(
        inner.x + 1,
        inner.y,
        &Line::from(owned(&text, theme.key())),
        inner.width.saturating_sub(1),
    );
}
