//! Selecting, coding, the codes view and undo in the reader, by keys.

use casebook::app::state::{App, UiOptions};
use casebook::app::update::update;
use casebook::app::{Effect, Msg};
use casebook::corpus::Source;
use casebook::keymap::Mode;
use casebook::study::Study;
use casebook::views::{codes, select, Overlay};
use ratatui::layout::Rect;

use crate::support::keys::{press, type_text};

fn study() -> Study {
    Study::open(&Source::Bundled).expect("bundled case study")
}

fn app(study: &Study) -> App<'_> {
    let mut app = App::new(study, UiOptions::default());
    update(&mut app, Msg::Resize(Rect::new(0, 0, 100, 30)));
    app
}

/// Selects two words of the focused passage and codes them `code`.
fn code_two_words(app: &mut App, code: &str) -> String {
    press(app, "v w");
    let words = select::active(app).unwrap().text(&app.study.doc);
    press(app, "c");
    assert_eq!(app.mode(), Mode::CodePick);
    type_text(app, code);
    let effects = press(app, "<Enter>");
    assert_eq!(effects, [Effect::SaveNotes]);
    assert_eq!(app.mode(), Mode::Reader);
    words
}

#[test]
fn codes_view_counts_spreads_and_lists_entities_then_opens_segments() {
    let study = study();
    let mut app = app(&study);
    press(&mut app, "j j j j");
    let words = code_two_words(&mut app, "Local government");
    // The same code chosen by a prefix of a word of it, on other words.
    press(&mut app, "j j");
    press(&mut app, "v w c");
    type_text(&mut app, "gov");
    let Some(Overlay::CodePick(pick)) = app.overlays.last() else {
        panic!()
    };
    assert_eq!(
        pick.choices(&app)[0],
        codes::pick::Choice::Code("Local government".into())
    );
    press(&mut app, "<Enter>");

    let rows = codes::rows(&app);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].applied, 2);
    assert_eq!(rows[0].spread.iter().sum::<u32>(), 2);
    assert!(
        rows[0].entities.iter().any(|(name, _)| name == "Dalian"),
        "{:?}",
        rows[0].entities
    );

    press(&mut app, "C");
    assert_eq!(app.mode(), Mode::Codes);
    press(&mut app, "<Enter>");
    let Some(Overlay::Notes(list)) = app.overlays.last() else {
        panic!("the coded segments")
    };
    assert_eq!(list.rows.len(), 2);
    let (first, _) = app.notebook.get(&list.rows[0]).unwrap();
    assert_eq!(first.target.quote.exact, words);
}

#[test]
fn a_deletion_in_the_notes_list_is_undone_there() {
    let study = study();
    let mut app = app(&study);
    press(&mut app, "j");
    code_two_words(&mut app, "Firms");
    press(&mut app, "m");
    assert_eq!(app.mode(), Mode::Notes);
    press(&mut app, "<C-d>");
    press(&mut app, "y");
    assert_eq!(app.notebook.set().notes().len(), 0, "deleted");
    assert_eq!(app.mode(), Mode::Notes);
    assert_eq!(press(&mut app, "<C-z>"), [Effect::SaveNotes]);
    assert_eq!(app.notebook.set().notes().len(), 1, "back");
    let Some(Overlay::Notes(list)) = app.overlays.last() else {
        panic!("the list stays open")
    };
    assert_eq!(list.rows.len(), 1, "and listed again");
}

#[test]
fn undo_takes_back_a_coding_and_a_deletion() {
    let study = study();
    let mut app = app(&study);
    press(&mut app, "j");
    code_two_words(&mut app, "Firms");
    assert_eq!(app.notebook.set().len(), 1);
    assert_eq!(press(&mut app, "u"), [Effect::SaveNotes]);
    assert_eq!(app.notebook.set().len(), 0, "the coding is gone");
    assert_eq!(app.message.as_deref(), Some("Undid the creation"));

    code_two_words(&mut app, "Firms");
    let id = app.notebook.set().notes()[0].id.clone();
    app.notebook.delete(&id);
    app.notes_changed();
    press(&mut app, "u");
    let back = app.notebook.get(&id).expect("the deleted coding is back").0;
    assert_eq!(back.codes, ["Firms"]);
    press(&mut app, "u");
    press(&mut app, "u");
    assert_eq!(app.message.as_deref(), Some("Nothing to undo"));
}

#[test]
fn selection_is_drawn_without_relying_on_colour() {
    let study = study();
    let mut app = app(&study);
    press(&mut app, "j v w w");
    let theme = casebook::ui::theme::Theme::new(false, false);
    let marks = app.marks(app.view.cursor, 0, &theme);
    let style =
        casebook::ui::theme::Theme::new(false, false).mark(casebook::ui::theme::Mark::Selected);
    assert!(marks.iter().any(|(_, s)| *s == style));
    assert!(style
        .add_modifier
        .contains(ratatui::style::Modifier::UNDERLINED));
    assert_eq!(style.fg, None);
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Reader);
}

#[test]
fn a_whole_passage_is_coded_with_two_keys_and_a_name() {
    let study = study();
    let mut app = app(&study);
    press(&mut app, "j #");
    assert_eq!(app.mode(), Mode::CodePick);
    type_text(&mut app, "Firms");
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Reader);
    let p = app.cursor_passage().unwrap();
    let (note, _) = app.notebook.notes_for_passage(p)[0];
    assert_eq!(note.target.quote.exact, study.doc.passages[p].text.trim());
    assert_eq!(note.codes, ["Firms"]);
}
