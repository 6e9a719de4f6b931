//! The note editor: the note's text, its tags and the quote it targets.
//!
//! The quote starts as the whole passage; typing a fragment of the passage
//! in the quote field narrows the note to that span.

pub mod draw;

use crossterm::event::{KeyCode, KeyEvent};
use tui_textarea::TextArea;

use crate::app::msg::Effect;
use crate::app::state::App;
use crate::keymap::Action;
use crate::model::Passage;
use crate::notes::{Draft, Note, Target};
use crate::term::sanitize;
use crate::views::confirm::Confirm;
use crate::views::{hint, Handled, Hint, Overlay};

pub const HANDLES: &[Action] = &[
    Action::Save,
    Action::ToggleTagsField,
    Action::Cancel,
    Action::Close,
];

pub const HINTS: &[Hint] = &[
    hint(&[Action::Save], "save"),
    hint(&[Action::ToggleTagsField], "next field"),
    hint(&[Action::Cancel], "cancel"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Text,
    Tags,
    Quote,
}

#[derive(Debug)]
pub struct NoteEditor {
    pub text: TextArea<'static>,
    pub tags: TextArea<'static>,
    pub quote: TextArea<'static>,
    pub field: Field,
    /// The note being changed; `None` for a new note.
    pub note_id: Option<String>,
    /// The note as it was when the editor opened (for drafts and "changed?").
    pub original: Note,
    /// The passage the note is on (index), if it is placed.
    pub passage: Option<usize>,
    /// Content recovered from a crashed session: unsaved even if untouched.
    pub recovered: bool,
    /// The note's line breaks are CR LF: they are kept so.
    crlf: bool,
    /// The tags field as it opened, so untouched tags are kept as they were.
    tags_shown: String,
}

/// A text area holding `text` exactly: split into lines at `\n` (or at
/// `\r\n` when `crlf`), everything else kept, tabs and control characters
/// too. They are shown as spaces and pictures when drawn ([`draw`]), never
/// changed in the text.
fn area(text: &str, crlf: bool) -> TextArea<'static> {
    let lines: Vec<String> = text.split(newline(crlf)).map(str::to_string).collect();
    let mut area = TextArea::new(lines);
    area.set_hard_tab_indent(true);
    area.move_cursor(tui_textarea::CursorMove::Bottom);
    area.move_cursor(tui_textarea::CursorMove::End);
    area
}

fn newline(crlf: bool) -> &'static str {
    if crlf {
        "\r\n"
    } else {
        "\n"
    }
}

/// Whether every line break of `text` is CR LF (and there is one).
fn uses_crlf(text: &str) -> bool {
    text.contains("\r\n") && text.matches('\n').count() == text.matches("\r\n").count()
}

impl NoteEditor {
    /// A new note on a whole passage.
    pub fn new_note(passage: &Passage, index: usize) -> NoteEditor {
        let note = Note::new(Target::whole(passage), "", Vec::new());
        NoteEditor::open(note, None, Some((index, passage)))
    }

    /// Edits `note`; `existing` is its id if it is already stored. A note on
    /// a whole passage shows an empty quote field.
    pub fn open(
        note: Note,
        existing: Option<String>,
        passage: Option<(usize, &Passage)>,
    ) -> NoteEditor {
        let quote = match passage {
            Some((_, p)) if note.target.quote.exact == p.text => String::new(),
            _ => note.target.quote.exact.clone(),
        };
        let crlf = uses_crlf(&note.text);
        let tags_shown = note.tags.join(", ");
        NoteEditor {
            text: area(&note.text, crlf),
            tags: area(&tags_shown, false),
            quote: area(&quote, false),
            field: Field::Text,
            note_id: existing,
            original: note,
            passage: passage.map(|(i, _)| i),
            recovered: false,
            crlf,
            tags_shown,
        }
    }

    pub fn next_field(&mut self) {
        self.field = match self.field {
            Field::Text => Field::Tags,
            Field::Tags => Field::Quote,
            Field::Quote => Field::Text,
        };
    }

    pub fn active(&mut self) -> &mut TextArea<'static> {
        match self.field {
            Field::Text => &mut self.text,
            Field::Tags => &mut self.tags,
            Field::Quote => &mut self.quote,
        }
    }

    /// The note's text exactly as in the field.
    pub fn body(&self) -> String {
        self.text.lines().join(newline(self.crlf))
    }

    /// Tags split on commas (and newlines), `#` prefixes dropped; the
    /// note's own tags, as stored, when the field was not touched.
    pub fn tag_list(&self) -> Vec<String> {
        if self.tags.lines().join("\n") == self.tags_shown {
            return self.original.tags.clone();
        }
        self.tags
            .lines()
            .join(",")
            .split(',')
            .map(|t| t.trim().trim_start_matches('#').trim().to_string())
            .filter(|t| !t.is_empty())
            .collect()
    }

    pub fn quote_text(&self) -> String {
        self.quote.lines().join(" ").trim().to_string()
    }

    /// The target the note will have: the typed quote's span in the passage,
    /// or the whole passage when the quote field is empty. `Err` when the
    /// quote is not in the passage.
    pub fn target(&self, passage: Option<&Passage>) -> Result<Target, String> {
        let quote = self.quote_text();
        let Some(passage) = passage else {
            return Ok(self.original.target.clone());
        };
        if quote == self.original.target.quote.exact {
            return Ok(self.original.target.clone());
        }
        if quote.is_empty() {
            return Ok(Target::whole(passage));
        }
        match passage.text.find(&quote) {
            Some(start) => Ok(Target::from_span(passage, start..start + quote.len())),
            None => {
                Err("the quote is not in the passage; copy it exactly or leave it empty".into())
            }
        }
    }

    pub fn changed(&self) -> bool {
        let quote = self.quote_text();
        let quote_changed = !(quote == self.original.target.quote.exact
            || (quote.is_empty() && self.quote_was_whole()));
        self.recovered
            || self.body() != self.original.text
            || self.tag_list() != self.original.tags
            || quote_changed
    }

    /// Whether the quote field started empty (the note is on a whole passage).
    fn quote_was_whole(&self) -> bool {
        self.original
            .target
            .position
            .as_ref()
            .is_some_and(|p| p.start == 0)
            && self.original.target.quote.prefix.is_empty()
            && self.original.target.quote.suffix.is_empty()
    }

    /// The editor's content as a draft, for crash safety.
    pub fn draft(&self, passage: Option<&Passage>) -> Draft {
        let mut note = self.original.clone();
        note.text = self.body();
        if self.tag_list() != self.original.tags {
            note.tags = crate::notes::model::clean_tags(self.tag_list());
        }
        if let Ok(target) = self.target(passage) {
            note.target = target;
        }
        Draft {
            note,
            is_new: self.note_id.is_none(),
            saved: jiff::Timestamp::now(),
        }
    }
}

impl NoteEditor {
    /// A key the key map left to the text: control characters typed raw
    /// become visible text.
    pub fn type_key(&mut self, key: KeyEvent) {
        if let KeyCode::Char(c) = key.code {
            if sanitize::replacement(c).is_some() {
                let shown = sanitize::editor_input(&c.to_string());
                self.active().insert_str(shown);
                return;
            }
        }
        self.active().input(key);
    }

    pub fn paste(&mut self, text: &str) {
        self.active().insert_str(sanitize::editor_input(text));
    }
}

/// `a`: a new note on the focused passage.
pub fn annotate(app: &mut App) {
    match app.cursor_passage() {
        Some(p) => {
            let editor = NoteEditor::new_note(&app.study.doc.passages[p], p);
            app.overlays.push(Overlay::Editor(Box::new(editor)));
        }
        None => app.message = Some("Notes go on passages; move to one first".into()),
    }
}

pub fn edit_note(app: &mut App, id: &str) {
    if let Some((note, anchor)) = app.notebook.get(id) {
        let doc = &app.study.doc;
        let passage = anchor.passage().map(|p| (p, &doc.passages[p]));
        let editor = NoteEditor::open(note.clone(), Some(id.to_string()), passage);
        app.overlays.push(Overlay::Editor(Box::new(editor)));
    }
}

/// The editor on top or below a question, if one is open.
fn open_editor<'a>(app: &'a App<'_>) -> Option<&'a NoteEditor> {
    app.overlays.iter().rev().find_map(|o| match o {
        Overlay::Editor(editor) => Some(&**editor),
        _ => None,
    })
}

/// The editor's content, if a note is being edited and changed (for crash
/// safety), with the quote field as typed.
pub fn draft(app: &App) -> Option<(Draft, Option<String>)> {
    let editor = open_editor(app).filter(|e| e.changed())?;
    let passage = editor.passage.map(|p| &app.study.doc.passages[p]);
    Some((editor.draft(passage), Some(editor.quote_text())))
}

/// The id of the note in the editor, if one is open.
pub fn editing<'a>(app: &'a App<'_>) -> Option<&'a str> {
    open_editor(app).map(|e| e.original.id.as_str())
}

/// Whether the editor holds changes worth a draft.
pub fn autosave_due(app: &App) -> bool {
    open_editor(app).is_some_and(NoteEditor::changed)
}

/// Opens the editor on the oldest draft left by an earlier session; false
/// when none is waiting.
pub fn open_waiting_draft(app: &mut App) -> bool {
    if app.drafts_waiting.is_empty() {
        return false;
    }
    let waiting = app.drafts_waiting.remove(0);
    let draft = waiting.draft;
    let doc = &app.study.doc;
    let passage = crate::notes::Anchorer::new(doc)
        .anchor(&draft.note.target)
        .passage()
        .map(|p| (p, &doc.passages[p]));
    let stored = app.notebook.get(&draft.note.id).is_some();
    let existing = (stored || !draft.is_new).then(|| draft.note.id.clone());
    let mut editor = NoteEditor::open(draft.note, existing, passage);
    if let Some(quote) = waiting.quote_field {
        editor.quote = area(&quote, false);
    }
    editor.recovered = true;
    app.overlays.push(Overlay::Editor(Box::new(editor)));
    app.message = Some("A draft from an earlier session: save it, or cancel to discard it".into());
    true
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let doc = &app.study.doc;
    let Some(Overlay::Editor(editor)) = app.overlays.last_mut() else {
        return Handled::Not;
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
                    return Handled::Done;
                }
            };
            let (text, tags) = (editor.body(), editor.tag_list());
            if text.trim().is_empty() && tags.is_empty() {
                app.message = Some("Write a note or a tag first (Esc to leave)".into());
                return Handled::Done;
            }
            let id = editor.original.id.clone();
            if !editor.changed() {
                app.overlays.pop();
                return Handled::Done;
            }
            if app.notebook.get(&id).is_some() {
                if target != editor.original.target {
                    app.notebook.retarget(doc, &id, target);
                }
                app.notebook.update(doc, &id, &text, tags);
            } else {
                // A new note keeps the id its drafts were written under.
                let mut note = editor.draft(passage).note;
                note.target = target;
                note.touch();
                app.notebook.add(doc, note);
            }
            app.overlays.pop();
            app.notes_changed();
            return Handled::Effect(Effect::SaveNotes);
        }
        _ => return Handled::Not,
    }
    Handled::Done
}
