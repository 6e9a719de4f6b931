//! The one door: every change to the reader's state goes through [`update`].

use crate::app::input;
use crate::app::msg::{Committed, Effect, Msg, Saved};
use crate::app::state::{App, ShelfState};
use crate::keymap::Action;
use crate::library::shelf::ShelfEvent;
use crate::views::confirm::Confirm;
use crate::views::{self, Overlay};

/// Applies one message; returns the I/O to perform, whose result (if any)
/// comes back as another message.
pub fn update(app: &mut App, msg: impl Into<Msg>) -> Option<Effect> {
    let mut effect = apply(app, msg.into());
    // A view asked for another case study: leaving starts as soon as no
    // other effect (saving the search history, say) is under way.
    if let Some(switch) = app.switch_request.take() {
        app.leaving_for = Some(switch);
        app.leave_pending = true;
    }
    if app.leave_pending && effect.is_none() {
        app.leave_pending = false;
        effect = leave(app);
    }
    // Whatever view changed a note, it stays unsaved until a save takes it.
    for id in app.notebook.take_changed() {
        app.unsaved.mark(&id);
    }
    if effect == Some(Effect::SaveNotes) {
        app.unsaved.saving = true;
    }
    effect
}

fn apply(app: &mut App, msg: Msg) -> Option<Effect> {
    match msg {
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
        Msg::Tick => views::editor::autosave_due(app).then_some(Effect::Autosave),
        Msg::Saved(saved) => saved_notes(app, saved),
        Msg::Drafted(result) => drafted(app, result),
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
        Msg::Shelf(event) => {
            shelf_event(app, event);
            None
        }
    }
}

/// Progress of the library's loading, or its result.
fn shelf_event(app: &mut App, event: ShelfEvent) {
    app.shelf = match event {
        ShelfEvent::Progress(p) => ShelfState::Loading(Some(p)),
        ShelfEvent::Ready(Ok(shelf)) => {
            if let Some(remark) = &shelf.remark {
                app.message.get_or_insert_with(|| remark.clone());
            }
            ShelfState::Ready(shelf)
        }
        ShelfEvent::Ready(Err(why)) => {
            app.message = Some(format!("The library could not be opened: {why}"));
            ShelfState::Failed(why)
        }
    };
    views::library::shelf_changed(app);
    views::search::shelf_changed(app);
    views::entity::shelf_changed(app);
}

/// Leaves this case study for [`App::leaving_for`]: at once, or once the
/// unsaved notes are saved (a failed save asks, as quitting does).
fn leave(app: &mut App) -> Option<Effect> {
    if app.unsaved.is_empty() {
        app.quit = true;
        return Some(Effect::Quit);
    }
    app.unsaved.quit_when_saved = true;
    app.message = Some("Saving the notes before opening the other case study".into());
    (!app.unsaved.saving).then_some(Effect::SaveNotes)
}

/// Actions every view shares: quitting, help, saving the unsaved notes,
/// undoing the last change to them and opening a waiting draft. A view that handles one of them itself (help
/// closes on its own key, the editor saves its note) takes it first.
pub const GLOBAL: &[Action] = &[
    Action::Noop,
    Action::Quit,
    Action::OpenHelp,
    Action::Save,
    Action::Undo,
    Action::OpenDraft,
];

fn act(app: &mut App, action: Action) -> Option<Effect> {
    match views::update(app, action) {
        views::Handled::Done => None,
        views::Handled::Effect(effect) => Some(effect),
        views::Handled::Not => match action {
            Action::Quit => {
                app.leaving_for = None;
                quit(app)
            }
            Action::OpenHelp => {
                views::help::open(app);
                None
            }
            Action::Save if app.unsaved.is_empty() => {
                app.message = Some("Every note is saved".into());
                None
            }
            Action::Save => Some(Effect::SaveNotes),
            Action::Undo => match app.notebook.undo(&app.study.doc) {
                Some(what) => {
                    app.notes_changed();
                    app.message = Some(format!("Undid the {what}"));
                    Some(Effect::SaveNotes)
                }
                None => {
                    app.message = Some("Nothing to undo".into());
                    None
                }
            },
            Action::OpenDraft => {
                if !views::editor::open_waiting_draft(app) {
                    app.message = Some("No draft is waiting".into());
                }
                None
            }
            _ => None,
        },
    }
}

/// Quits, unless notes are unsaved: then asks what to do with them (or,
/// while they are being saved, quits once that succeeded).
pub fn quit(app: &mut App) -> Option<Effect> {
    if app.unsaved.is_empty() {
        app.quit = true;
        return Some(Effect::Quit);
    }
    if app.unsaved.saving && app.unsaved.failure.is_none() {
        // A save is under way: quit once it succeeded, ask if it fails.
        app.unsaved.quit_when_saved = true;
        app.message = Some("Saving; casebook quits once the notes are saved".into());
        return None;
    }
    if !matches!(app.overlays.last(), Some(Overlay::Confirm(Confirm::Quit))) {
        app.overlays.push(Overlay::Confirm(Confirm::Quit));
    }
    None
}

/// A save finished: the notebook takes what was committed (with what other
/// sessions saved meanwhile, and what changed here since the save began),
/// and the user is told.
fn saved_notes(
    app: &mut App,
    Saved {
        included,
        result,
        again,
    }: Saved,
) -> Option<Effect> {
    app.unsaved.saving = false;
    match result {
        Ok(Committed {
            mut set,
            problems,
            conflicts,
        }) => {
            app.unsaved.saved(&included, &app.notebook);
            // Changes made while the save ran are newer than what it wrote.
            set.merge(app.notebook.set());
            app.notebook.reload(set, &app.study.doc);
            app.notes_changed();
            app.message = Some(match (conflicts.first(), problems.first()) {
                (Some(c), _) => {
                    let whose = if c.mine_kept { "yours" } else { "the other" };
                    let more = match conflicts.len() {
                        1 => String::new(),
                        n => format!(" ({n} notes)"),
                    };
                    format!(
                        "Saved, with a conflict{more}: “{}” was also changed in another \
                         session; {whose} is kept, the other is a copy tagged #{}",
                        views::notes::summary(app, &c.id),
                        crate::notes::CONFLICT_TAG
                    )
                }
                (None, Some(p)) => format!("Saved. Note: {p}"),
                (None, None) => "Saved".to_string(),
            });
        }
        Err(e) => {
            app.message = Some(format!(
                "NOT saved: {e}. Your notes are kept in drafts; {} tries again",
                views::bound_key(&app.keymap, crate::keymap::Mode::Reader, Action::Save)
                    .unwrap_or_else(|| "save".into())
            ));
            app.unsaved.failure = Some(e);
            if std::mem::take(&mut app.unsaved.quit_when_saved) {
                return quit(app);
            }
            return Some(Effect::SyncDrafts);
        }
    }
    if (again || app.unsaved.quit_when_saved) && !app.unsaved.is_empty() {
        return Some(Effect::SaveNotes);
    }
    if app.unsaved.quit_when_saved && app.unsaved.is_empty() {
        app.quit = true;
        return Some(Effect::Quit);
    }
    Some(Effect::SyncDrafts)
}

/// Drafts were written before quitting (or could not be).
fn drafted(app: &mut App, result: Result<usize, String>) -> Option<Effect> {
    match result {
        Ok(_) => {
            app.quit = true;
            Some(Effect::Quit)
        }
        Err(e) => {
            app.message = Some(format!("Drafts NOT written: {e}"));
            None
        }
    }
}
