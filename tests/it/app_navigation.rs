//! Pure tests of navigation and the jump list: actions in, state out.

use casebook::app::state::{App, Focus, UiOptions};
use casebook::app::update::update;
use casebook::app::Msg;
use casebook::keymap::Action;
use casebook::model::Meta;
use casebook::reader::outline::Item;
use casebook::study::Study;
use casebook::views::Overlay;
use ratatui::layout::Rect;

fn study(sections: usize, per: usize, words: usize) -> Study {
    let meta = Meta {
        id: "t".into(),
        title: "Test paper".into(),
        authors: vec!["A. Author".into()],
        year: Some(2013),
        series: None,
        source: None,
    };
    Study::from_parts(meta, casebook::testing::synthetic_doc(sections, per, words))
}

fn app(study: &Study) -> App<'_> {
    let mut app = App::new(study, UiOptions::default());
    update(&mut app, Msg::Resize(Rect::new(0, 0, 80, 24)));
    app
}

fn passage(app: &App) -> usize {
    app.cursor_passage().expect("cursor on a passage")
}

#[test]
fn passage_steps_stop_at_the_ends() {
    let s = study(2, 3, 5);
    let mut a = app(&s);
    assert_eq!(passage(&a), 0);
    update(&mut a, Action::PrevPassage);
    assert_eq!(passage(&a), 0);
    for _ in 0..10 {
        update(&mut a, Action::NextPassage);
    }
    assert_eq!(passage(&a), 5);
}

#[test]
fn sections_step_forward_and_back() {
    let s = study(3, 2, 5);
    let mut a = app(&s);
    update(&mut a, Action::NextSection);
    assert_eq!(passage(&a), 2, "first passage of section 2");
    update(&mut a, Action::NextSection);
    assert_eq!(passage(&a), 4);
    update(&mut a, Action::NextPassage);
    update(&mut a, Action::PrevSection);
    assert_eq!(passage(&a), 4, "back to the start of the current section");
    update(&mut a, Action::PrevSection);
    assert_eq!(passage(&a), 2);
}

#[test]
fn jumps_go_back_and_forward() {
    let s = study(4, 3, 5);
    let mut a = app(&s);
    update(&mut a, Action::NextPassage); // passage 1, not a jump
    update(&mut a, Action::GoToBottom); // jump
    assert_eq!(passage(&a), 11);
    update(&mut a, Action::JumpBack);
    assert_eq!(passage(&a), 1);
    update(&mut a, Action::JumpForward);
    assert_eq!(passage(&a), 11);
    update(&mut a, Action::JumpForward);
    assert_eq!(passage(&a), 11);
    assert!(a.message.is_some(), "says there is no later position");
}

#[test]
fn toc_enter_jumps_to_the_section_and_records_it() {
    let s = study(4, 3, 5);
    let mut a = app(&s);
    update(&mut a, Action::OpenToc);
    assert!(matches!(a.overlays.last(), Some(Overlay::Toc(_))));
    update(&mut a, Action::SelectDown);
    update(&mut a, Action::SelectDown);
    update(&mut a, Action::Open);
    assert!(a.overlays.is_empty());
    assert_eq!(passage(&a), 6);
    update(&mut a, Action::JumpBack);
    assert_eq!(passage(&a), 0);
}

#[test]
fn scrolling_keeps_the_cursor_on_screen() {
    let s = study(2, 20, 40);
    let mut a = app(&s);
    for _ in 0..5 {
        update(&mut a, Action::PageDown);
    }
    let pages = a.pages();
    assert!(a.view.visible_items(pages).contains(&a.view.cursor));
    assert!(passage(&a) > 0);
    update(&mut a, Action::GoToTop);
    assert_eq!(passage(&a), 0);
    assert_eq!(a.view.top.item, 0);
}

#[test]
fn line_scroll_moves_one_line() {
    let s = study(2, 20, 40);
    let mut a = app(&s);
    let before = a.view.top;
    update(&mut a, Action::LineDown);
    assert_ne!(a.view.top, before);
    update(&mut a, Action::LineUp);
    assert_eq!(a.view.top, before);
}

#[test]
fn narrow_terminal_folds_the_side_pane_and_tab_shows_it() {
    let s = study(1, 2, 5);
    let mut a = app(&s);
    assert!(a.panes().side.is_none(), "80 columns: side folded");
    update(&mut a, Action::SwitchPane);
    assert_eq!(a.focus, Focus::Side);
    let panes = a.panes();
    assert!(panes.reader.is_none());
    assert_eq!(panes.side.unwrap().width, 80);
    update(&mut a, Action::SwitchPane);
    update(&mut a, Msg::Resize(Rect::new(0, 0, 200, 50)));
    assert!(a.panes().side.is_some() && a.panes().reader.is_some());
}

#[test]
fn help_opens_and_closes() {
    let s = study(1, 2, 5);
    let mut a = app(&s);
    update(&mut a, Action::OpenHelp);
    assert!(matches!(a.overlays.last(), Some(Overlay::Help { .. })));
    update(&mut a, Action::Close);
    assert!(a.overlays.is_empty());
}

#[test]
fn quit_sets_the_flag() {
    let s = study(1, 2, 5);
    let mut a = app(&s);
    update(&mut a, Action::Quit);
    assert!(a.quit);
}

#[test]
fn outline_puts_headings_before_their_passages() {
    let s = study(2, 2, 3);
    assert_eq!(
        s.outline.items[..4],
        [
            Item::Heading(0),
            Item::Passage(0),
            Item::Passage(1),
            Item::Heading(1)
        ]
    );
}

/// `[` from the end of the bundled paper reaches its start, moving back at
/// every press (a parent heading without text of its own once held it).
#[test]
fn prev_section_always_moves_back_to_the_start() {
    let study = Study::open(&casebook::corpus::Source::Bundled).unwrap();
    let mut a = app(&study);
    crate::support::keys::press(&mut a, "G");
    let first = study.outline.focusable_near(0).unwrap();
    let mut presses = 0;
    while a.view.cursor != first {
        let before = a.view.cursor;
        crate::support::keys::press(&mut a, "[");
        assert!(a.view.cursor < before, "[ stuck at item {before}");
        presses += 1;
    }
    assert!(presses > 10, "{presses}");
}

/// A card opened from a card, then Esc: `)` follows the card now shown.
#[test]
fn next_mention_follows_the_card_on_top_after_esc() {
    use casebook::views::entity::EntityRow;
    let study = Study::open(&casebook::corpus::Source::Bundled).unwrap();
    let mut a = app(&study);
    crate::support::keys::press(&mut a, "e <Enter>");
    let Some(Overlay::Entity(first)) = a.overlays.last() else {
        panic!("a card is open")
    };
    let (first_entity, rows) = (first.entity, first.rows.clone());
    let co = rows
        .iter()
        .position(|r| matches!(r, EntityRow::CoMention(..)))
        .expect("a co-mentioned entity");
    for _ in 0..co {
        crate::support::keys::press(&mut a, "j");
    }
    crate::support::keys::press(&mut a, "<Enter>");
    assert_ne!(a.current_entity, Some(first_entity), "the second card");
    crate::support::keys::press(&mut a, "<Esc> )");
    let name = &study.catalog.entities[first_entity].name;
    let said = a.message.clone().unwrap_or_default();
    assert!(said.starts_with(name.as_str()), "{said}");
}

/// The progress figure only grows from the start of the paper to its end,
/// through the references and footnotes.
#[test]
fn progress_never_goes_backwards() {
    let study = Study::open(&casebook::corpus::Source::Bundled).unwrap();
    let mut a = app(&study);
    let mut last = a.position().percent;
    for _ in 0..400 {
        crate::support::keys::press(&mut a, "j");
        let now = a.position().percent;
        assert!(now >= last, "{last}% then {now}% at item {}", a.view.cursor);
        last = now;
    }
    assert_eq!(last, 100);
}
