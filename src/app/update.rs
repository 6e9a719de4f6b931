//! The one door: every change to the reader's state goes through [`update`].

use crate::app::input;
use crate::app::msg::{Effect, Msg};
use crate::app::state::App;
use crate::keymap::Action;
use crate::notes::NoteSet;
use crate::views;

/// Applies one message; returns the I/O to perform, whose result (if any)
/// comes back as another message.
pub fn update(app: &mut App, msg: impl Into<Msg>) -> Option<Effect> {
    match msg.into() {
        Msg::Action(action) => {
            app.message = None;
            act(app, action)
        }
        Msg::Key(key) => {
            app.message = None;
            input::typed(app, key)
        }
        Msg::Paste(text) => {
            input::pasted(app, &text);
            None
        }
        Msg::Resize(area) => {
            app.resize(area);
            None
        }
        Msg::Saved(result) => {
            saved(app, result);
            None
        }
        Msg::Stored(result) => {
            if let Err(why) = result {
                app.message = Some(why);
            }
            None
        }
        Msg::Mouse(event) => {
            input::mouse(app, event);
            None
        }
    }
}

/// Actions every view shares: quitting and help. A view that handles one
/// of them itself (help closes on its own key) takes it first.
pub const GLOBAL: &[Action] = &[Action::Noop, Action::Quit, Action::OpenHelp];

fn act(app: &mut App, action: Action) -> Option<Effect> {
    match views::update(app, action) {
        views::Handled::Done => None,
        views::Handled::Effect(effect) => Some(effect),
        views::Handled::Not => match action {
            Action::Quit => {
                app.quit = true;
                Some(Effect::Quit)
            }
            Action::OpenHelp => {
                views::help::open(app);
                None
            }
            _ => None,
        },
    }
}

/// A save finished: the notebook takes what was committed (with what other
/// sessions saved meanwhile), and the user is told.
fn saved(app: &mut App, result: Result<(NoteSet, Vec<String>), String>) {
    match result {
        Ok((set, problems)) => {
            app.notebook.reload(set, &app.study.doc);
            app.notes_changed();
            app.message = Some(match problems.first() {
                Some(p) => format!("Saved. Note: {p}"),
                None => "Saved".to_string(),
            });
        }
        Err(e) => {
            app.message = Some(format!(
                "NOT saved: {e}. Your note is kept in memory; try ^S again"
            ))
        }
    }
}
