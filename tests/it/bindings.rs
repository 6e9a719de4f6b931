//! The key map, the views and their hints agree: every key of every preset
//! reaches a view that handles its action, a view's update takes exactly the
//! actions it lists, and every hint a view shows names a key that is bound.

use casebook::app::state::{App, UiOptions};
use casebook::app::update::GLOBAL;
use casebook::corpus::Source;
use casebook::keymap::{Action, Keymap, Mode};
use casebook::study::Study;
use casebook::views::{self, Handled};
use ratatui::layout::Rect;

use crate::support::keys::{press, type_text};

fn study() -> Study {
    Study::open(&Source::Bundled).expect("bundled case study")
}

/// What the keys of `mode` may run there.
fn allowed(mode: Mode) -> Vec<Action> {
    let mut all: Vec<Action> = views::handles(mode).to_vec();
    all.extend(GLOBAL);
    if mode == Mode::Side {
        // The side pane's table only overrides the reader's.
        all.extend(views::handles(Mode::Reader));
    }
    all
}

#[test]
fn every_binding_of_every_preset_reaches_a_view_that_handles_it() {
    for preset in Keymap::presets() {
        let map = Keymap::load(Some(preset), None).unwrap();
        for &mode in Mode::ALL {
            let allowed = allowed(mode);
            for (chord, action, _) in map.bindings(mode) {
                assert!(
                    allowed.contains(&action),
                    "{preset}: `{chord}` in [{}] runs {}, which no view there handles",
                    mode.name(),
                    action.name()
                );
            }
        }
    }
}

#[test]
fn every_hint_a_view_shows_is_bound_and_handled() {
    let map = Keymap::default_map();
    for &mode in Mode::ALL {
        for hint in views::hints(mode) {
            for &action in hint.actions {
                assert!(
                    views::bound_key(&map, mode, action).is_some(),
                    "[{}] hints `{}` but nothing binds {}",
                    mode.name(),
                    hint.label,
                    action.name()
                );
                assert!(allowed(mode).contains(&action), "{mode:?} {action:?}");
            }
        }
    }
}

/// The reader with the view of `mode` on top, reached by keys.
fn app_in<'s>(study: &'s Study, mode: Mode) -> App<'s> {
    let mut app = App::new(study, UiOptions::default());
    casebook::app::update::update(
        &mut app,
        casebook::app::Msg::Resize(Rect::new(0, 0, 80, 24)),
    );
    let keys = match mode {
        Mode::Reader => "",
        Mode::Side => "<Tab>",
        Mode::Search => "/",
        Mode::Entities => "e",
        Mode::Toc => "t",
        Mode::Entity => "e <Enter>",
        Mode::Charts => "c",
        Mode::Notes => "m",
        Mode::Editor => "a",
        Mode::Help => "?",
        Mode::Confirm => "a",
        Mode::Links => "<Enter>",
        Mode::Peek => "p",
        Mode::Select => "v",
        Mode::CodePick => "v c",
        Mode::Codes => "C",
        Mode::Marks => "M",
        Mode::Warnings => "w",
        Mode::Library => "L",
    };
    if mode == Mode::Warnings {
        app.warnings = vec!["series.toml:3:1: error: a stale quote".into()];
    }
    for _ in 0..200 {
        press(&mut app, keys);
        if mode == Mode::Confirm {
            type_text(&mut app, "x");
            press(&mut app, "<Esc>");
        }
        if app.mode() == mode {
            return app;
        }
        // Links and footnotes are not everywhere: try the next passage.
        app.overlays.clear();
        press(&mut app, "j");
    }
    panic!("could not reach {mode:?}");
}

#[test]
fn each_view_updates_exactly_the_actions_it_lists() {
    let study = study();
    for &mode in Mode::ALL {
        let listed = match mode {
            Mode::Side => allowed(mode),
            _ => views::handles(mode).to_vec(),
        };
        for &action in Action::ALL {
            let mut app = app_in(&study, mode);
            let handled = views::update(&mut app, action) != Handled::Not;
            assert_eq!(
                handled,
                listed.contains(&action) && !(mode == Mode::Side && GLOBAL.contains(&action)),
                "[{}] {}: the update and the list of handled actions disagree",
                mode.name(),
                action.name()
            );
        }
    }
}

fn top<'a>(app: &'a App) -> &'a views::Overlay {
    app.overlays.last().expect("a view is open")
}

/// The peek's text scrolls with the keys its footer shows, within its length.
#[test]
fn a_long_peek_scrolls_and_stops_at_its_end() {
    let study = study();
    let mut app = app_in(&study, Mode::Peek);
    // A narrow, short terminal: the text does not fit.
    casebook::app::update::update(&mut app, casebook::app::Msg::Resize(Rect::new(0, 0, 30, 8)));
    let scroll = |app: &App| match top(app) {
        views::Overlay::Peek(p) => p.scroll,
        other => panic!("{other:?}"),
    };
    press(&mut app, "j");
    assert_eq!(scroll(&app), 1, "j scrolls the peek");
    press(&mut app, &"j ".repeat(200));
    let end = scroll(&app);
    assert!(end > 1 && end < 200, "clamped to the text: {end}");
    press(&mut app, "k");
    assert_eq!(scroll(&app), end - 1, "k works at once after the end");
    press(&mut app, "<Space>");
    assert_eq!(scroll(&app), end, "a page down stops at the end");
    press(&mut app, "b");
    assert!(
        scroll(&app) < end - 1,
        "a page up goes back more than a line"
    );
}

/// Help: G goes to the end, and k works at once from there.
#[test]
fn help_goes_to_its_end_and_back() {
    let study = study();
    let mut app = app_in(&study, Mode::Help);
    let scroll = |app: &App| match top(app) {
        views::Overlay::Help(h) => h.scroll,
        other => panic!("{other:?}"),
    };
    press(&mut app, "G");
    let end = scroll(&app);
    assert!(end > 10, "help is longer than a screen: {end}");
    press(&mut app, "j j j");
    assert_eq!(scroll(&app), end, "no scrolling past the end");
    press(&mut app, "k");
    assert_eq!(scroll(&app), end - 1);
    press(&mut app, "g");
    assert_eq!(scroll(&app), 0);
}

/// The charts footer offers n/N: they step through the point's passages.
#[test]
fn charts_n_steps_through_the_points_passages() {
    let study = study();
    let mut app = app_in(&study, Mode::Charts);
    // A timeline year mentioned in several passages has several targets.
    let target = |app: &App| match top(app) {
        views::Overlay::Charts(c) => (c.chart_index(), c.point(), c.target()),
        other => panic!("{other:?}"),
    };
    let mut moved = false;
    for _ in 0..40 {
        let before = target(&app);
        press(&mut app, "n");
        if target(&app) != before {
            moved = true;
            break;
        }
        press(&mut app, "j");
    }
    assert!(moved, "n moved to another passage of a point");
    assert!(views::footer(&app, Mode::Charts, None).contains("n/N passage"));
}
