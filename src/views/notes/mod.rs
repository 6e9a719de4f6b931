//! The notes list: every note, filtered by text or `#tag` as you type;
//! Enter goes to a note's passage, other keys edit, delete or accept.

pub mod draw;

use crate::app::input::Edit;
use crate::app::list::Selection;
use crate::app::msg::Effect;
use crate::app::state::App;
use crate::keymap::Action;
use crate::notes::{Anchor, Filter, Notebook};
use crate::views::confirm::Confirm;
use crate::views::{self, hint, list_page, move_selection, Handled, Hint, Overlay};

pub const HANDLES: &[Action] =
    list_view_handles![Open, Edit, Delete, AcceptDrift, ClearFilter, Close, Cancel];

pub const HINTS: &[Hint] = &[
    hint(&[Action::Open], "go"),
    hint(&[Action::Edit], "edit"),
    hint(&[Action::Delete], "delete"),
    hint(&[Action::AcceptDrift], "accept moved"),
];

pub fn open(app: &mut App) {
    let list = NotesList::new(&app.notebook);
    app.overlays.push(Overlay::Notes(list));
}

pub fn edit(app: &mut App, edit: Edit) {
    if let Some(Overlay::Notes(list)) = app.overlays.last_mut() {
        edit.apply(&mut list.filter);
        list.refilter(&app.notebook);
    }
}

/// One line about a note: state, tags and text.
pub fn summary(app: &App, id: &str) -> String {
    let Some((note, anchor)) = app.notebook.get(id) else {
        return id.to_string();
    };
    let state = match anchor {
        Anchor::Anchored { .. } => "",
        Anchor::Drifted { .. } => "[drifted] ",
        Anchor::Orphaned => "[orphaned] ",
    };
    let tags: String = note
        .tags
        .iter()
        .chain(&note.codes)
        .map(|t| format!("#{t} "))
        .collect();
    let text = note.text.lines().next().unwrap_or("");
    format!("{}{state}{tags}{text}", marks(app, note))
}

/// What the list says about a note beyond its place: not saved yet, or a
/// copy kept from a conflicting edit.
pub fn marks(app: &App, note: &crate::notes::Note) -> String {
    let mut out = String::new();
    if app.unsaved.contains(&note.id) {
        out.push_str("[unsaved] ");
    }
    if note.has_tag(crate::notes::CONFLICT_TAG) {
        out.push_str("[conflict copy] ");
    }
    out
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let page = list_page(app);
    let Some(Overlay::Notes(list)) = app.overlays.last_mut() else {
        return Handled::Not;
    };
    if move_selection(&mut list.sel, action, page) {
        return Handled::Done;
    }
    let selected = list.selected().map(str::to_string);
    match action {
        Action::ClearFilter => {
            list.filter.clear();
            list.refilter(&app.notebook);
        }
        Action::Close | Action::Cancel => {
            app.overlays.pop();
        }
        Action::Open => {
            let passage = selected
                .as_deref()
                .and_then(|id| app.notebook.get(id))
                .and_then(|(_, a)| a.passage());
            match passage {
                Some(p) => {
                    app.overlays.clear();
                    app.jump_to_passage(p);
                }
                None if selected.is_some() => {
                    app.message =
                        Some("This note is orphaned: its passage is gone; edit or delete it".into())
                }
                None => {}
            }
        }
        Action::Edit => {
            if let Some(id) = selected {
                views::editor::edit_note(app, &id);
            }
        }
        Action::Delete => {
            if let Some(id) = selected {
                app.overlays.push(Overlay::Confirm(Confirm::Delete(id)));
            }
        }
        Action::AcceptDrift => {
            if let Some(id) = selected {
                if app.notebook.accept_drift(&app.study.doc, &id) {
                    return Handled::Effect(Effect::SaveNotes);
                }
                app.message = Some("Only a drifted note can be accepted at its new place".into());
            }
        }
        _ => return Handled::Not,
    }
    Handled::Done
}

#[derive(Debug, Clone, Default)]
pub struct NotesList {
    pub filter: String,
    /// Note ids in display order.
    pub rows: Vec<String>,
    pub sel: Selection,
}

impl NotesList {
    pub fn new(notebook: &Notebook) -> NotesList {
        let mut list = NotesList::default();
        list.refilter(notebook);
        list
    }

    /// `#tag` words filter by tag or code (by prefix); the other words by text.
    pub fn parsed_filter(&self) -> Filter {
        Filter::parse(&self.filter)
    }

    pub fn refilter(&mut self, notebook: &Notebook) {
        let selected = self.selected().map(str::to_string);
        self.rows = notebook
            .list(&self.parsed_filter())
            .into_iter()
            .map(|(n, _)| n.id.clone())
            .collect();
        self.sel.set_len(self.rows.len());
        if let Some(id) = selected {
            if let Some(i) = self.rows.iter().position(|r| *r == id) {
                self.sel.index = i;
            }
        }
    }

    pub fn selected(&self) -> Option<&str> {
        self.sel.selected().map(|i| self.rows[i].as_str())
    }
}
