//! One home per view. Each view's file or folder holds its state, the
//! actions it handles ([`handles`]), its update for them, its drawing and
//! the hints its footer shows, built from the key map in force.
//!
//! The reader and the side pane are the base; the other views open over
//! them and stack (an entity's card over the entities list, a question over
//! the editor). Keys go to the view on top.

/// A list view's actions: the list moves of [`move_selection`], then its own.
macro_rules! list_view_handles {
    ($($action:ident),* $(,)?) => {
        &[
            Action::SelectDown,
            Action::SelectUp,
            Action::SelectPageDown,
            Action::SelectPageUp,
            Action::SelectFirst,
            Action::SelectLast,
            $(Action::$action,)*
        ]
    };
}

pub mod charts;
pub mod codes;
pub mod confirm;
pub mod editor;
pub mod entities;
pub mod entity;
pub mod help;
pub mod library;
pub mod links;
pub mod marks;
pub mod notes;
pub mod peek;
pub mod reader;
pub mod search;
pub mod select;
pub mod side;
pub mod toc;
pub mod warnings;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::input::Edit;
use crate::app::list::Selection;
use crate::app::msg::Effect;
use crate::app::state::App;
use crate::charts::ChartsState;
use crate::keymap::{Action, Keymap, Mode};
use crate::ui::theme::Theme;

/// Views laid over the reader; Esc closes the top one.
#[derive(Debug)]
pub enum Overlay {
    Help(help::Help),
    Toc(Selection),
    Peek(peek::Peek),
    /// The links of the focused item, to choose one to follow.
    Links(Selection),
    Entities(entities::EntityList),
    Entity(entity::EntityView),
    Charts(ChartsState),
    Search(search::SearchBox),
    Notes(notes::NotesList),
    Editor(Box<editor::NoteEditor>),
    Confirm(confirm::Confirm),
    /// Words being selected in the text.
    Select(select::Selection),
    CodePick(Box<codes::pick::CodePick>),
    Codes(codes::CodesView),
    Marks(marks::MarksView),
    Warnings(warnings::Warnings),
    Library(library::LibraryView),
}

impl Overlay {
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::Help(_) => Mode::Help,
            Overlay::Toc(_) => Mode::Toc,
            Overlay::Peek(_) => Mode::Peek,
            Overlay::Links(_) => Mode::Links,
            Overlay::Entities(_) => Mode::Entities,
            Overlay::Entity(_) => Mode::Entity,
            Overlay::Charts(_) => Mode::Charts,
            Overlay::Search(_) => Mode::Search,
            Overlay::Notes(_) => Mode::Notes,
            Overlay::Editor(_) => Mode::Editor,
            Overlay::Confirm(_) => Mode::Confirm,
            Overlay::Select(_) => Mode::Select,
            Overlay::CodePick(_) => Mode::CodePick,
            Overlay::Codes(_) => Mode::Codes,
            Overlay::Marks(_) => Mode::Marks,
            Overlay::Warnings(_) => Mode::Warnings,
            Overlay::Library(_) => Mode::Library,
        }
    }
}

/// What a view did with an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Handled {
    /// Not one of the view's actions (the shell may still know it).
    Not,
    Done,
    Effect(Effect),
}

impl From<Option<Effect>> for Handled {
    fn from(effect: Option<Effect>) -> Handled {
        effect.map_or(Handled::Done, Handled::Effect)
    }
}

/// The actions the view of `mode` handles: the key map binds nothing else
/// there (besides [`crate::app::update::GLOBAL`]), a test holds both to it.
pub fn handles(mode: Mode) -> &'static [Action] {
    match mode {
        Mode::Reader => reader::HANDLES,
        Mode::Side => side::HANDLES,
        Mode::Search => search::HANDLES,
        Mode::Entities => entities::HANDLES,
        Mode::Toc => toc::HANDLES,
        Mode::Entity => entity::HANDLES,
        Mode::Charts => charts::HANDLES,
        Mode::Notes => notes::HANDLES,
        Mode::Editor => editor::HANDLES,
        Mode::Links => links::HANDLES,
        Mode::Peek => peek::HANDLES,
        Mode::Help => help::HANDLES,
        Mode::Confirm => confirm::HANDLES,
        Mode::Select => select::HANDLES,
        Mode::CodePick => codes::pick::HANDLES,
        Mode::Codes => codes::HANDLES,
        Mode::Marks => marks::HANDLES,
        Mode::Warnings => warnings::HANDLES,
        Mode::Library => library::HANDLES,
    }
}

/// The hints a view shows in its footer (the reader: in the status bar).
pub fn hints(mode: Mode) -> &'static [Hint] {
    match mode {
        Mode::Reader | Mode::Side => reader::HINTS,
        Mode::Search => search::HINTS,
        Mode::Entities => entities::HINTS,
        Mode::Toc => toc::HINTS,
        Mode::Entity => entity::HINTS,
        Mode::Charts => charts::HINTS,
        Mode::Notes => notes::HINTS,
        Mode::Editor => editor::HINTS,
        Mode::Links => links::HINTS,
        Mode::Peek => peek::HINTS,
        Mode::Help => help::HINTS,
        Mode::Confirm => confirm::HINTS,
        Mode::Select => select::HINTS,
        Mode::CodePick => codes::pick::HINTS,
        Mode::Codes => codes::HINTS,
        Mode::Marks => marks::HINTS,
        Mode::Warnings => warnings::HINTS,
        Mode::Library => library::HINTS,
    }
}

/// Hands `action` to the view that has the keys now.
pub fn update(app: &mut App, action: Action) -> Handled {
    match app.mode() {
        Mode::Side => match side::update(app, action) {
            Handled::Not => reader::update(app, action),
            handled => handled,
        },
        Mode::Reader => reader::update(app, action),
        Mode::Help => help::update(app, action),
        Mode::Toc => toc::update(app, action),
        Mode::Peek => peek::update(app, action),
        Mode::Links => links::update(app, action),
        Mode::Entities => entities::update(app, action),
        Mode::Entity => entity::update(app, action),
        Mode::Charts => charts::update(app, action),
        Mode::Search => search::update(app, action),
        Mode::Notes => notes::update(app, action),
        Mode::Editor => editor::update(app, action),
        Mode::Confirm => confirm::update(app, action),
        Mode::Select => select::update(app, action),
        Mode::CodePick => codes::pick::update(app, action),
        Mode::Codes => codes::update(app, action),
        Mode::Marks => marks::update(app, action),
        Mode::Warnings => warnings::update(app, action),
        Mode::Library => library::update(app, action),
    }
}

/// Typed text for the one-line field of the view on top; a mark's letter
/// may ask for the marks to be saved.
pub fn edit_field(app: &mut App, edit: Edit) -> Option<Effect> {
    match app.mode() {
        Mode::Entities => entities::edit(app, edit),
        Mode::Search => search::edit(app, edit),
        Mode::Notes => notes::edit(app, edit),
        Mode::CodePick => codes::pick::edit(app, edit),
        Mode::Library => library::edit(app, edit),
        Mode::Marks => return marks::edit(app, edit),
        _ => {}
    }
    None
}

/// Draws an overlay over what is below it.
pub fn draw(area: Rect, buf: &mut Buffer, app: &App, overlay: &Overlay, theme: Theme) {
    match overlay {
        Overlay::Help(help) => help::draw(area, buf, app, help, theme),
        Overlay::Toc(sel) => toc::draw(area, buf, app, sel, theme),
        Overlay::Peek(peek) => peek::draw(area, buf, app, peek, theme),
        Overlay::Links(sel) => links::draw::draw(area, buf, app, sel, theme),
        Overlay::Entities(list) => entities::draw::draw(area, buf, app, list, theme),
        Overlay::Entity(view) => entity::draw::draw(area, buf, app, view, theme),
        Overlay::Charts(state) => charts::draw(area, buf, app, state, theme),
        Overlay::Search(search) => search::draw::draw(area, buf, app, search, theme),
        Overlay::Notes(list) => notes::draw::draw(area, buf, app, list, theme),
        Overlay::Editor(editor) => editor::draw::draw(area, buf, app, editor, theme),
        Overlay::Confirm(question) => confirm::draw(area, buf, app, question, theme),
        Overlay::Select(sel) => select::draw(area, buf, app, sel, theme),
        Overlay::CodePick(pick) => codes::pick::draw(area, buf, app, pick, theme),
        Overlay::Codes(view) => codes::draw(area, buf, app, view, theme),
        Overlay::Marks(view) => marks::draw::draw(area, buf, app, view, theme),
        Overlay::Warnings(w) => warnings::draw(area, buf, app, w, theme),
        Overlay::Library(view) => library::draw::draw(area, buf, app, view, theme),
    }
}

/// A footer or status-bar hint: the keys of one or more actions (`j/k`)
/// and a short label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub actions: &'static [Action],
    pub label: &'static str,
}

pub const fn hint(actions: &'static [Action], label: &'static str) -> Hint {
    Hint { actions, label }
}

impl Hint {
    /// `j/k scroll` with the keys bound in `mode`, or `None` when one of
    /// the actions has no key there (the hint would lie).
    pub fn text(&self, keymap: &Keymap, mode: Mode) -> Option<(String, &'static str)> {
        let keys: Option<Vec<String>> = self
            .actions
            .iter()
            .map(|&a| bound_key(keymap, mode, a).map(|k| short(&k)))
            .collect();
        Some((keys?.join("/"), self.label))
    }
}

/// Key notation made compact for a hint: `<Enter>` as `Enter`, `<C-s>` as
/// `^S`; chords and other keys as the key map writes them.
fn short(key: &str) -> String {
    let Some(name) = key.strip_prefix('<').and_then(|k| k.strip_suffix('>')) else {
        return key.to_string();
    };
    if name.contains(['<', '>', ' ']) {
        return key.to_string();
    }
    match name.strip_prefix("C-") {
        Some(c) if c.chars().count() == 1 => format!("^{}", c.to_uppercase()),
        _ => name.to_string(),
    }
}

/// The key shown for `action` in `mode`; the side pane falls back to the
/// reader's keys as its key table does.
pub fn bound_key(keymap: &Keymap, mode: Mode, action: Action) -> Option<String> {
    keymap.hint(mode, action).or_else(|| match mode {
        Mode::Side => keymap.hint(Mode::Reader, action),
        _ => None,
    })
}

/// A view's footer: an optional lead (`type to filter`), then its hints
/// with the keys in force, as `Enter go · Esc close`.
pub fn footer(app: &App, mode: Mode, lead: Option<&str>) -> String {
    footer_of(app, mode, lead, hints(mode))
}

/// As [`footer`], with some of the view's hints (a view whose offer
/// depends on its state).
pub fn footer_of(app: &App, mode: Mode, lead: Option<&str>, hints: &[Hint]) -> String {
    let mut parts: Vec<String> = lead.map(str::to_string).into_iter().collect();
    parts.extend(
        hints
            .iter()
            .filter_map(|h| h.text(&app.keymap, mode))
            .map(|(keys, label)| format!("{keys} {label}")),
    );
    parts.join(" · ")
}

/// List moves shared by every list view; true if the action was one.
pub fn move_selection(sel: &mut Selection, action: Action, page: usize) -> bool {
    match action {
        Action::SelectDown => sel.by(1),
        Action::SelectUp => sel.by(-1),
        Action::SelectPageDown => sel.by(page as isize),
        Action::SelectPageUp => sel.by(-(page as isize)),
        Action::SelectFirst => sel.first(),
        Action::SelectLast => sel.last(),
        _ => return false,
    }
    true
}

/// Rows a list view pages by at the current size.
pub fn list_page(app: &App) -> usize {
    app.area.height.saturating_sub(6).max(1) as usize
}
