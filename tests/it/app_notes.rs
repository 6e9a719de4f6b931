//! Pure tests of annotating in the reader: editor, saving as an effect,
//! confirmations before anything is lost.

use casebook::app::state::{App, UiOptions};
use casebook::app::update::update;
use casebook::app::{Effect, Msg};
use casebook::keymap::Action;
use casebook::model::Meta;
use casebook::study::Study;
use casebook::views::Overlay;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

fn meta() -> Meta {
    Meta {
        id: "t".into(),
        title: "Test".into(),
        authors: vec![],
        year: None,
        series: None,
        source: None,
    }
}

fn study() -> Study {
    Study::from_parts(meta(), casebook::testing::synthetic_doc(2, 3, 8))
}

fn app(study: &Study) -> App<'_> {
    let mut app = App::new(study, UiOptions::default());
    update(&mut app, Msg::Resize(Rect::new(0, 0, 80, 24)));
    app
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(
            app,
            Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
}

#[test]
fn annotate_type_and_save_creates_a_note() {
    let s = study();
    let mut a = app(&s);
    update(&mut a, Action::NextPassage);
    update(&mut a, Action::Annotate);
    assert!(matches!(a.overlays.last(), Some(Overlay::Editor(_))));
    type_text(&mut a, "spin-off story");
    update(&mut a, Action::ToggleTagsField);
    type_text(&mut a, "spin-off, #government");
    assert_eq!(update(&mut a, Action::Save), Some(Effect::SaveNotes));
    assert!(a.overlays.is_empty());
    let ids = note_ids_for(&a, 1);
    assert_eq!(ids.len(), 1);
    let (note, _) = a.notebook.get(&ids[0]).unwrap();
    assert_eq!(note.text, "spin-off story");
    assert_eq!(
        note.tags,
        vec!["spin-off".to_string(), "government".to_string()]
    );
    assert_eq!(note.target.quote.exact, s.doc.passages[1].text);
}

#[test]
fn a_quote_narrows_the_target_and_must_be_in_the_passage() {
    let s = study();
    let mut a = app(&s);
    update(&mut a, Action::Annotate);
    type_text(&mut a, "note");
    update(&mut a, Action::ToggleTagsField);
    update(&mut a, Action::ToggleTagsField);
    type_text(&mut a, "not in the text");
    assert_eq!(update(&mut a, Action::Save), None, "refused");
    assert!(a.message.as_deref().unwrap().contains("quote"));
    if let Some(Overlay::Editor(e)) = a.overlays.last_mut() {
        e.quote = tui_textarea::TextArea::new(vec!["w0x2 w0x3".to_string()]);
    }
    assert_eq!(update(&mut a, Action::Save), Some(Effect::SaveNotes));
    let id = &note_ids_for(&a, 0)[0];
    let (note, anchor) = a.notebook.get(id).unwrap();
    assert_eq!(note.target.quote.exact, "w0x2 w0x3");
    assert_eq!(anchor.span().map(|r| r.len()), Some("w0x2 w0x3".len()));
}

#[test]
fn escape_with_changes_asks_and_no_keeps_editing() {
    let s = study();
    let mut a = app(&s);
    update(&mut a, Action::Annotate);
    type_text(&mut a, "draft");
    update(&mut a, Action::Cancel);
    assert!(matches!(a.overlays.last(), Some(Overlay::Confirm(_))));
    update(&mut a, Action::ConfirmNo);
    assert!(matches!(a.overlays.last(), Some(Overlay::Editor(_))));
    assert!(
        casebook::views::editor::draft(&a).is_some(),
        "unsaved content is available as a draft"
    );
    update(&mut a, Action::Cancel);
    assert_eq!(update(&mut a, Action::ConfirmYes), Some(Effect::SyncDrafts));
    assert!(a.overlays.is_empty());
    assert!(a.notebook.set().is_empty());
}

#[test]
fn escape_without_changes_closes_at_once() {
    let s = study();
    let mut a = app(&s);
    update(&mut a, Action::Annotate);
    update(&mut a, Action::Cancel);
    assert!(a.overlays.is_empty());
}

#[test]
fn notes_list_filters_edits_and_deletes_with_confirmation() {
    let s = study();
    let mut a = app(&s);
    for (text, tag) in [("alpha", "policy"), ("beta", "spin-off")] {
        update(&mut a, Action::Annotate);
        type_text(&mut a, text);
        update(&mut a, Action::ToggleTagsField);
        type_text(&mut a, tag);
        update(&mut a, Action::Save);
        update(&mut a, Action::NextPassage);
    }
    update(&mut a, Action::OpenNotes);
    let Some(Overlay::Notes(list)) = a.overlays.last() else {
        panic!()
    };
    assert_eq!(list.rows.len(), 2);
    type_text(&mut a, "#spin-off");
    let Some(Overlay::Notes(list)) = a.overlays.last() else {
        panic!()
    };
    assert_eq!(list.rows.len(), 1);
    update(&mut a, Action::Delete);
    assert!(matches!(a.overlays.last(), Some(Overlay::Confirm(_))));
    assert_eq!(update(&mut a, Action::ConfirmYes), Some(Effect::SaveNotes));
    assert_eq!(a.notebook.set().len(), 1);
    update(&mut a, Action::ClearFilter);
    update(&mut a, Action::Open);
    assert!(a.overlays.is_empty());
    assert_eq!(a.cursor_passage(), Some(0), "jumped to the remaining note");
}

#[test]
fn pasted_escape_sequences_become_visible_text() {
    let s = study();
    let mut a = app(&s);
    update(&mut a, Action::Annotate);
    update(&mut a, Msg::Paste("a\u{1b}]52;c;eA==\u{7}b".into()));
    let Some(Overlay::Editor(e)) = a.overlays.last() else {
        panic!()
    };
    let body = e.body();
    assert!(!body.chars().any(|c| c.is_control()), "{body:?}");
    assert!(body.contains('␛'));
}

#[test]
fn a_note_tagged_with_an_entity_shows_in_its_view() {
    let toml = r#"
[[entity]]
id = "neusoft"
kind = "firm"
name = "Neusoft Corporation"
aliases = ["Neusoft"]
description = "x"
"#;
    let catalog = casebook::entities::Catalog::parse(std::path::Path::new("e.toml"), toml).unwrap();
    let s = Study::assemble(
        meta(),
        casebook::testing::synthetic_doc(1, 2, 4),
        Some(catalog),
        vec![],
    );
    let mut a = app(&s);
    update(&mut a, Action::Annotate);
    type_text(&mut a, "coded");
    update(&mut a, Action::ToggleTagsField);
    type_text(&mut a, "neusoft");
    update(&mut a, Action::Save);
    casebook::views::entity::open(&mut a, 0);
    let Some(Overlay::Entity(view)) = a.overlays.last() else {
        panic!()
    };
    assert!(view
        .rows
        .iter()
        .any(|r| matches!(r, casebook::views::entity::EntityRow::Note(_))));
}

fn note_ids_for(a: &App, passage: usize) -> Vec<String> {
    a.notebook
        .notes_for_passage(passage)
        .into_iter()
        .map(|(n, _)| n.id.clone())
        .collect()
}

// A note imported from another tool: tab, CR LF, a control character and
// trailing blanks.
const FOREIGN: &str = "first\tcolumn\r\nbell \u{7} here  \r\ntrailing blanks   \r\n\r\n";

fn with_foreign_note(s: &Study) -> (App<'_>, String) {
    let mut a = app(s);
    let target = casebook::notes::Target::whole(&s.doc.passages[0]);
    let id = a
        .notebook
        .create(&s.doc, target, FOREIGN, vec!["imported".into()]);
    a.notes_changed();
    (a, id)
}

fn screen_text(a: &App) -> String {
    let area = Rect::new(0, 0, 80, 24);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    casebook::ui::render(area, &mut buf, a);
    buf.content().iter().map(|c| c.symbol()).collect()
}

#[test]
fn text_6_changing_only_the_tags_keeps_the_text_byte_for_byte() {
    let s = study();
    let (mut a, id) = with_foreign_note(&s);
    casebook::views::editor::edit_note(&mut a, &id);
    // Shown with pictures, never sent raw.
    let screen = screen_text(&a);
    assert!(screen.contains("bell ␇ here"), "{screen}");
    assert!(!screen.contains('\u{7}'));
    update(&mut a, Action::ToggleTagsField);
    type_text(&mut a, ", coded");
    assert_eq!(update(&mut a, Action::Save), Some(Effect::SaveNotes));
    let (note, _) = a.notebook.get(&id).unwrap();
    assert_eq!(note.text, FOREIGN);
    assert_eq!(note.tags, ["imported", "coded"]);
    assert!(a.unsaved.contains(&id));
}

#[test]
fn text_6_an_untouched_note_is_not_changed_and_an_edit_keeps_the_rest() {
    let s = study();
    let (mut a, id) = with_foreign_note(&s);
    let before = a.notebook.get(&id).unwrap().0.clone();
    casebook::views::editor::edit_note(&mut a, &id);
    assert!(
        casebook::views::editor::draft(&a).is_none(),
        "nothing changed"
    );
    assert_eq!(update(&mut a, Action::Save), None);
    assert_eq!(a.notebook.get(&id).unwrap().0, &before);
    // Typing at the end changes the end only; the CR LF breaks stay.
    casebook::views::editor::edit_note(&mut a, &id);
    type_text(&mut a, "x");
    update(&mut a, Action::Save);
    assert_eq!(a.notebook.get(&id).unwrap().0.text, format!("{FOREIGN}x"));
}

fn failed(a: &mut App) -> Option<Effect> {
    update(
        a,
        Msg::Saved(casebook::app::msg::Saved {
            included: a.unsaved.versions(&a.notebook),
            result: Err("the disk is full".into()),
            again: false,
        }),
    )
}

/// Writes a note and saves it, and the save fails.
fn note_whose_save_failed(a: &mut App) {
    update(a, Action::Annotate);
    type_text(a, "precious");
    update(a, Action::Save);
    failed(a);
}

#[test]
fn a_failed_save_keeps_the_note_unsaved_and_quit_asks() {
    let s = study();
    let mut a = app(&s);
    update(&mut a, Action::Annotate);
    type_text(&mut a, "precious");
    assert_eq!(update(&mut a, Action::Save), Some(Effect::SaveNotes));
    assert!(a.unsaved.saving);
    assert_eq!(failed(&mut a), Some(Effect::SyncDrafts));
    assert_eq!(a.unsaved.len(), 1);
    assert!(a.message.as_deref().unwrap().contains("NOT saved"));
    assert!(
        a.notice().unwrap().contains("NOT saved"),
        "{:?}",
        a.notice()
    );
    // Save works from the reader.
    assert_eq!(update(&mut a, Action::Save), Some(Effect::SaveNotes));
    failed(&mut a);
    // q asks; each answer does what it says.
    assert_eq!(update(&mut a, Action::Quit), None);
    assert!(matches!(
        a.overlays.last(),
        Some(Overlay::Confirm(casebook::views::confirm::Confirm::Quit))
    ));
    assert_eq!(update(&mut a, Action::KeepDraft), Some(Effect::KeepDrafts));
    assert_eq!(
        update(&mut a, Msg::Drafted(Ok(1))),
        Some(Effect::Quit),
        "quits once the drafts are written"
    );
    assert!(a.quit);
}

#[test]
fn save_again_on_quit_quits_only_when_saved_and_discard_forgets() {
    let s = study();
    let mut a = app(&s);
    note_whose_save_failed(&mut a);
    update(&mut a, Action::Quit);
    assert_eq!(update(&mut a, Action::Save), Some(Effect::SaveNotes));
    // It fails again: the question comes back.
    assert_eq!(failed(&mut a), None);
    assert!(matches!(a.overlays.last(), Some(Overlay::Confirm(_))));
    assert!(!a.quit);
    assert_eq!(update(&mut a, Action::Discard), Some(Effect::Quit));
    assert!(a.unsaved.is_empty());
}

#[test]
fn a_save_marks_saved_only_the_versions_it_took_and_reports_conflicts() {
    let s = study();
    let mut a = app(&s);
    update(&mut a, Action::Annotate);
    type_text(&mut a, "one");
    update(&mut a, Action::Save);
    let included = a.unsaved.versions(&a.notebook);
    let set = a.notebook.set().clone();
    let id = included[0].0.clone();
    // Edited again while the save ran.
    casebook::views::editor::edit_note(&mut a, &id);
    type_text(&mut a, " more");
    update(&mut a, Action::Save);
    let conflict = casebook::notes::Conflict {
        id: id.clone(),
        copy_id: "copy".into(),
        mine_kept: true,
    };
    let effect = update(
        &mut a,
        Msg::Saved(casebook::app::msg::Saved {
            included,
            result: Ok(casebook::app::msg::Committed {
                set,
                problems: vec![],
                conflicts: vec![conflict],
            }),
            again: true,
        }),
    );
    assert_eq!(effect, Some(Effect::SaveNotes), "the newer version follows");
    assert!(a.unsaved.contains(&id));
    assert_eq!(a.notebook.get(&id).unwrap().0.text, "one more");
    let message = a.message.clone().unwrap();
    assert!(
        message.contains("conflict") && message.contains("#conflict"),
        "{message}"
    );
}

#[test]
fn autosave_is_asked_for_only_while_an_editor_holds_changes() {
    let s = study();
    let mut a = app(&s);
    assert_eq!(update(&mut a, Msg::Tick), None);
    update(&mut a, Action::Annotate);
    assert_eq!(update(&mut a, Msg::Tick), None, "nothing typed yet");
    type_text(&mut a, "x");
    assert_eq!(update(&mut a, Msg::Tick), Some(Effect::Autosave));
}

#[test]
fn leaving_for_another_case_study_saves_first_and_a_failure_asks() {
    use casebook::app::state::Arrive;
    let s = study();
    let mut a = app(&s);
    note_whose_save_failed(&mut a);
    assert_eq!(a.unsaved.len(), 1);
    // The other case study waits for the save.
    a.open_case("elsewhere", Arrive::Remembered);
    assert_eq!(
        update(&mut a, Msg::Resize(Rect::new(0, 0, 80, 24))),
        Some(Effect::SaveNotes)
    );
    assert!(!a.quit, "not before the notes are saved");
    // The save fails: the reader asks, as quitting does; staying stays.
    assert_eq!(failed(&mut a), None);
    assert!(matches!(a.overlays.last(), Some(Overlay::Confirm(_))));
    update(&mut a, Action::ConfirmNo);
    assert!(a.leaving_for.is_none() && !a.quit);
    // Asked again and saved: the reader leaves for it.
    a.open_case("elsewhere", Arrive::Remembered);
    assert_eq!(
        update(&mut a, Msg::Resize(Rect::new(0, 0, 80, 24))),
        Some(Effect::SaveNotes)
    );
    let set = a.notebook.set().clone();
    let included = a.unsaved.versions(&a.notebook);
    let done = update(
        &mut a,
        Msg::Saved(casebook::app::msg::Saved {
            included,
            result: Ok(casebook::app::msg::Committed {
                set,
                ..Default::default()
            }),
            again: false,
        }),
    );
    assert_eq!(done, Some(Effect::Quit));
    assert_eq!(
        a.leaving_for.as_ref().map(|s| s.case.as_str()),
        Some("elsewhere")
    );
}
