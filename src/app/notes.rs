//! Notes in the reader: markers, the side pane's notes, the notes list,
//! the editor and the questions before discarding or deleting.

use crate::app::editor::NoteEditor;
use crate::app::notes_list::NotesList;
use crate::app::state::{App, Overlay};
use crate::app::update::{move_selection, Effect};
use crate::keymap::Action;
use crate::notes::{Anchor, Draft};
use crate::reader::outline::Item;

/// A question that must be answered before something is lost.
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

impl App<'_> {
    pub fn note_ids_for(&self, passage: usize) -> Vec<String> {
        self.notebook
            .notes_for_passage(passage)
            .into_iter()
            .map(|(n, _)| n.id.clone())
            .collect()
    }

    pub fn has_notes(&self, item: Item) -> bool {
        match item {
            Item::Passage(p) => self.notes_on.contains(&p),
            _ => false,
        }
    }

    /// Recomputes which passages carry notes (after the notebook changed).
    pub fn refresh_note_marks(&mut self) {
        self.notes_on = self
            .notebook
            .list(&Default::default())
            .into_iter()
            .filter_map(|(_, a)| a.passage())
            .collect();
    }

    /// One line about a note: state, tags and text.
    pub fn note_summary(&self, id: &str) -> String {
        let Some((note, anchor)) = self.notebook.get(id) else {
            return id.to_string();
        };
        let state = match anchor {
            Anchor::Anchored { .. } => "",
            Anchor::Drifted { .. } => "[drifted] ",
            Anchor::Orphaned => "[orphaned] ",
        };
        let tags: String = note.tags.iter().map(|t| format!("#{t} ")).collect();
        let text = note.text.lines().next().unwrap_or("");
        format!("{state}{tags}{text}")
    }

    /// `a`: a new note on the focused passage.
    pub fn annotate(&mut self) {
        match self.cursor_passage() {
            Some(p) => {
                let editor = NoteEditor::new_note(&self.study.doc.passages[p], p);
                self.overlays.push(Overlay::Editor(Box::new(editor)));
            }
            None => self.message = Some("Notes go on passages; move to one first".into()),
        }
    }

    pub fn edit_note(&mut self, id: &str) {
        if let Some((note, anchor)) = self.notebook.get(id) {
            let doc = &self.study.doc;
            let passage = anchor.passage().map(|p| (p, &doc.passages[p]));
            let editor = NoteEditor::open(note.clone(), Some(id.to_string()), passage);
            self.overlays.push(Overlay::Editor(Box::new(editor)));
        }
    }

    /// The editor's content, if a note is being edited (for crash safety).
    pub fn draft(&self) -> Option<Draft> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Editor(editor) if editor.changed() => {
                let passage = editor.passage.map(|p| &self.study.doc.passages[p]);
                Some(editor.draft(passage))
            }
            _ => None,
        })
    }

    /// Opens the editor on a draft recovered from an earlier session.
    pub fn offer_draft(&mut self, draft: Draft) {
        let doc = &self.study.doc;
        let passage = crate::notes::Anchorer::new(doc)
            .anchor(&draft.note.target)
            .passage()
            .map(|p| (p, &doc.passages[p]));
        let existing = (!draft.is_new).then(|| draft.note.id.clone());
        let mut editor = NoteEditor::open(draft.note, existing, passage);
        editor.recovered = true;
        self.overlays.push(Overlay::Editor(Box::new(editor)));
        self.message = Some("Recovered a note that was being edited when casebook stopped".into());
    }
}

pub fn notes_list(app: &mut App, action: Action) -> Option<Effect> {
    let page = app.area.height.saturating_sub(6).max(1) as usize;
    let Some(Overlay::Notes(list)) = app.overlays.last_mut() else {
        return None;
    };
    if move_selection(&mut list.sel, action, page) {
        return None;
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
                app.edit_note(&id);
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
                    return Some(Effect::SaveNotes);
                }
                app.message = Some("Only a drifted note can be accepted at its new place".into());
            }
        }
        _ => {}
    }
    None
}

pub fn editor(app: &mut App, action: Action) -> Option<Effect> {
    let doc = &app.study.doc;
    let Some(Overlay::Editor(editor)) = app.overlays.last_mut() else {
        return None;
    };
    match action {
        Action::ToggleTagsField => editor.next_field(),
        Action::Cancel | Action::Close => {
            if editor.changed() {
                app.overlays.push(Overlay::Confirm(Confirm::Discard));
            } else {
                app.overlays.pop();
            }
        }
        Action::Save => {
            let passage = editor.passage.map(|p| &doc.passages[p]);
            let target = match editor.target(passage) {
                Ok(t) => t,
                Err(why) => {
                    app.message = Some(why);
                    return None;
                }
            };
            let (text, tags) = (editor.body(), editor.tag_list());
            if text.is_empty() && tags.is_empty() {
                app.message = Some("Write a note or a tag first (Esc to leave)".into());
                return None;
            }
            match editor.note_id.clone() {
                Some(id) => {
                    if target != editor.original.target {
                        app.notebook.retarget(doc, &id, target);
                    }
                    app.notebook.update(doc, &id, &text, tags);
                }
                None => {
                    app.notebook.create(doc, target, &text, tags);
                }
            }
            app.overlays.pop();
            return Some(Effect::SaveNotes);
        }
        _ => {}
    }
    None
}

pub fn confirm(app: &mut App, action: Action) -> Option<Effect> {
    let Some(Overlay::Confirm(question)) = app.overlays.last() else {
        return None;
    };
    let question = question.clone();
    match action {
        Action::ConfirmYes => {
            app.overlays.pop();
            match question {
                Confirm::Discard => {
                    app.overlays.pop();
                    return Some(Effect::DiscardDraft);
                }
                Confirm::Delete(id) => {
                    app.notebook.delete(&id);
                    if let Some(Overlay::Notes(list)) = app.overlays.last_mut() {
                        list.refilter(&app.notebook);
                    }
                    return Some(Effect::SaveNotes);
                }
            }
        }
        Action::ConfirmNo | Action::Cancel | Action::Close => {
            app.overlays.pop();
        }
        _ => {}
    }
    None
}

impl App<'_> {
    pub fn open_notes(&mut self) {
        let list = NotesList::new(&self.notebook);
        self.overlays.push(Overlay::Notes(list));
    }
}
