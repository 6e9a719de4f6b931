//! From terminal keys to messages, and typed text into the field of the
//! view on top. The session and the tests route keys the same way.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use crate::app::msg::{Effect, Msg};
use crate::app::state::App;
use crate::keymap::{Action, KeyResolver, Mode, Resolution};
use crate::term::sanitize;
use crate::views::{self, Overlay};

/// What a key means now: an action of the key map in force, text for a
/// text mode's field, or nothing yet (half a chord).
pub fn route(app: &App, resolver: &mut KeyResolver, key: KeyEvent) -> Option<Msg> {
    let mode = app.mode();
    let mut resolution = resolver.feed(mode, key);
    // The side pane's table only overrides the reader's.
    if let (Resolution::Unbound(key), Mode::Side) = (&resolution, mode) {
        resolution = resolver.feed(Mode::Reader, *key);
    }
    match resolution {
        Resolution::Action(action) => Some(Msg::Action(action)),
        Resolution::Unbound(key) if mode.is_text() => Some(Msg::Key(key)),
        Resolution::Unbound(_) | Resolution::Pending | Resolution::Ignored => None,
    }
}

/// Lines the wheel scrolls per notch, as most terminal programs do.
const WHEEL_LINES: usize = 3;

/// A mouse event: the wheel scrolls the text by lines (or moves a list's
/// selection); a click on the text focuses that passage, a click on the
/// focused passage or on a row of the side pane follows its link.
pub(crate) fn mouse(app: &mut App, event: MouseEvent) {
    let down = match event.kind {
        MouseEventKind::ScrollDown => true,
        MouseEventKind::ScrollUp => false,
        MouseEventKind::Down(MouseButton::Left) => return click(app, event.column, event.row),
        _ => return,
    };
    if app.overlays.is_empty() {
        app.message = None;
        app.scroll_lines(down, WHEEL_LINES);
        return;
    }
    // Over a view: its own line or list moves, whichever it takes.
    let mode = app.mode();
    let [line, select] = match down {
        true => [Action::LineDown, Action::SelectDown],
        false => [Action::LineUp, Action::SelectUp],
    };
    let handled = views::handles(mode);
    if let Some(&action) = [line, select].iter().find(|a| handled.contains(a)) {
        for _ in 0..WHEEL_LINES {
            views::update(app, action);
        }
    }
}

fn click(app: &mut App, x: u16, y: u16) {
    if !app.overlays.is_empty() {
        return;
    }
    app.message = None;
    let panes = app.panes();
    let inside = |r: Rect| x >= r.x && x < r.right() && y >= r.y && y < r.bottom();
    if let Some(side) = panes.side.filter(|&r| inside(r)) {
        let links = views::links::here(app);
        if let Some(i) = views::side::draw::link_at(app, side, y) {
            app.side.set_len(links.len());
            app.side.index = i;
            views::links::follow(app, links[i].clone());
        }
        return;
    }
    let Some(reader) = panes.reader.filter(|&r| inside(r)) else {
        return;
    };
    let pages = app.pages();
    let Some(Some((item, _))) = app.view.rows(pages).get((y - reader.y) as usize).copied() else {
        return;
    };
    if item == app.view.cursor {
        views::links::open_menu(app);
    } else if let Some(target) = app.study.outline.focusable_near(item) {
        app.set_cursor(target);
    }
}

/// An edit of a one-line text field.
pub enum Edit<'t> {
    Insert(&'t str),
    Backspace,
}

impl Edit<'_> {
    pub fn apply(self, field: &mut String) {
        match self {
            Edit::Insert(text) => field.push_str(text),
            Edit::Backspace => {
                field.pop();
            }
        }
    }
}

/// A key typed into the field of the view on top.
pub(crate) fn typed(app: &mut App, key: KeyEvent) -> Option<Effect> {
    if let Some(Overlay::Editor(editor)) = app.overlays.last_mut() {
        editor.type_key(key);
        return None;
    }
    let mut buf = [0u8; 4];
    let edit = match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Edit::Insert(c.encode_utf8(&mut buf))
        }
        KeyCode::Backspace => Edit::Backspace,
        _ => return None,
    };
    views::edit_field(app, edit)
}

/// Pasted text: the editor takes it whole; a one-line field takes it as one
/// line. Controls are made visible either way.
pub(crate) fn pasted(app: &mut App, text: &str) {
    if let Some(Overlay::Editor(editor)) = app.overlays.last_mut() {
        editor.paste(text);
        return;
    }
    let line = sanitize::editor_input(text).replace('\n', " ");
    // A pasted letter is not a mark: only typed keys set or go to marks.
    if app.mode() != Mode::Marks {
        views::edit_field(app, Edit::Insert(&line));
    }
}
