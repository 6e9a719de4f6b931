//! Marks: a letter names a place in the paper, as in less and vi. One view
//! both sets a mark (the reader's set key, then a letter) and goes to one
//! (the go key, then its letter), and lists the marks while it waits.
//! Marks are kept per case study beside the reading positions.

pub mod draw;

use crate::app::input::Edit;
use crate::app::list::Selection;
use crate::app::msg::Effect;
use crate::app::state::App;
use crate::keymap::Action;
use crate::positions::find_item;
use crate::views::{hint, list_page, move_selection, Handled, Hint, Overlay};

pub const HANDLES: &[Action] = list_view_handles![Open, Delete, Close, Cancel];

pub const HINTS: &[Hint] = &[
    hint(&[Action::Open], "go"),
    hint(&[Action::Delete], "delete"),
    hint(&[Action::Close], "close"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarksView {
    /// Setting a mark on the focused item (else going to one).
    pub setting: bool,
    pub sel: Selection,
}

/// The set key: waits for the letter that names the focused place.
pub fn open_set(app: &mut App) {
    if app.cursor_item().is_none() {
        return;
    }
    push(app, true);
}

/// The go key: waits for a mark's letter, listing the marks.
pub fn open_go(app: &mut App) {
    if app.marks.is_empty() {
        app.message = Some(
            match crate::views::bound_key(&app.keymap, crate::keymap::Mode::Reader, Action::SetMark)
            {
                Some(key) => format!("No marks yet: {key} and a letter marks a place"),
                None => "No marks yet".to_string(),
            },
        );
        return;
    }
    push(app, false);
}

fn push(app: &mut App, setting: bool) {
    let sel = Selection::new(app.marks.len());
    app.overlays
        .push(Overlay::Marks(MarksView { setting, sel }));
}

/// A mark's letter: ASCII letters only, so a mark is one key in every
/// key map.
fn letter(text: &str) -> Option<char> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => Some(c),
        _ => None,
    }
}

/// A letter typed into the view: sets or goes to that mark.
pub fn edit(app: &mut App, edit: Edit) -> Option<Effect> {
    let Edit::Insert(text) = edit else {
        return None;
    };
    let Some(Overlay::Marks(view)) = app.overlays.last() else {
        return None;
    };
    let setting = view.setting;
    let Some(c) = letter(text) else {
        app.message = Some("A mark is named by a letter, a-z or A-Z".into());
        return None;
    };
    app.overlays.pop();
    act_on(app, c, setting)
}

fn act_on(app: &mut App, c: char, setting: bool) -> Option<Effect> {
    if setting {
        let key = app.position_key();
        app.marks.insert(c, key);
        app.message = Some(format!("Marked as '{c}'"));
        return Some(Effect::SaveMarks);
    }
    let Some(key) = app.marks.get(&c) else {
        app.message = Some(format!("No mark '{c}'"));
        return None;
    };
    let study = app.study;
    match find_item(key, &study.doc, &study.outline) {
        Some(item) => app.jump_to(item),
        None => app.message = Some(format!("Mark '{c}' is on {key}, no longer in the paper")),
    }
    None
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let page = list_page(app);
    let Some(Overlay::Marks(view)) = app.overlays.last_mut() else {
        return Handled::Not;
    };
    view.sel.set_len(app.marks.len());
    if move_selection(&mut view.sel, action, page) {
        return Handled::Done;
    }
    let (setting, selected) = (view.setting, view.sel.selected());
    let chosen = selected.and_then(|i| app.marks.keys().nth(i).copied());
    match action {
        Action::Open => {
            let Some(c) = chosen else {
                return Handled::Done;
            };
            app.overlays.pop();
            return act_on(app, c, setting).into();
        }
        Action::Delete => {
            let Some(c) = chosen else {
                return Handled::Done;
            };
            app.marks.remove(&c);
            app.message = Some(format!("Mark '{c}' deleted"));
            if app.marks.is_empty() && !setting {
                app.overlays.pop();
            }
            return Handled::Effect(Effect::SaveMarks);
        }
        Action::Close | Action::Cancel => {
            app.overlays.pop();
        }
        _ => return Handled::Not,
    }
    Handled::Done
}
