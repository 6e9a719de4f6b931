//! The whole state of the reader application. `update` changes it; drawing
//! only reads it.

use ratatui::layout::Rect;

use crate::app::jumps::JumpList;
use crate::app::layout::Panes;
use std::collections::HashSet;

use crate::app::editor::NoteEditor;
use crate::app::entity::EntityView;
use crate::app::entity_list::EntityList;
use crate::app::list::Selection;
use crate::app::notes::Confirm;
use crate::app::notes_list::NotesList;
use crate::app::search::{SearchBox, TextHits};
use crate::charts::ChartsState;
use crate::keymap::Mode;
use crate::notes::Notebook;
use crate::reader::outline::Item;
use crate::reader::view::{Pages, Viewport};
use crate::search::Index;
use crate::study::Study;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Reader,
    Side,
}

/// What a popup peeks at without moving the reading position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeekTarget {
    Footnote(usize),
    Reference(usize),
}

/// Views laid over the reader; they stack (an entity view over the
/// entities list, a confirmation over the editor) and Esc closes the top one.
#[derive(Debug)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Toc(Selection),
    Peek(PeekTarget),
    /// The links of the focused item, to choose one to follow.
    Links(Selection),
    Entities(EntityList),
    Entity(EntityView),
    Charts(ChartsState),
    Search(SearchBox),
    Notes(NotesList),
    Editor(Box<NoteEditor>),
    Confirm(Confirm),
}

impl Overlay {
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::Help { .. } => Mode::Help,
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
        }
    }
}

/// Display choices fixed at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UiOptions {
    pub color: bool,
    pub ascii: bool,
}

pub struct App<'s> {
    pub study: &'s Study,
    pub options: UiOptions,
    pub view: Viewport,
    pub focus: Focus,
    /// Selection in the side pane's list for the focused item.
    pub side: Selection,
    pub overlays: Vec<Overlay>,
    pub jumps: JumpList,
    pub notebook: Notebook,
    /// Built on the first search, so start-up never waits for it.
    pub search_index: Option<Index>,
    /// Hits of the last search, for n/N and highlights.
    pub text_hits: Option<TextHits>,
    /// Passages that carry at least one note (for margin markers).
    pub notes_on: HashSet<usize>,
    /// The entity whose mentions next/previous mention steps through.
    pub current_entity: Option<usize>,
    pub area: Rect,
    /// A one-line message for the status bar, cleared by the next key.
    pub message: Option<String>,
    pub quit: bool,
    /// Only the paper's opening is loaded yet: no links, no totals.
    pub preview: bool,
}

impl<'s> App<'s> {
    pub fn new(study: &'s Study, options: UiOptions) -> Self {
        let mut view = Viewport::default();
        view.cursor = study.outline.focusable_near(0).unwrap_or(0);
        App {
            study,
            options,
            view,
            focus: Focus::Reader,
            side: Selection::default(),
            overlays: Vec::new(),
            jumps: JumpList::default(),
            current_entity: None,
            notebook: Notebook::default(),
            search_index: None,
            text_hits: None,
            notes_on: HashSet::new(),
            area: Rect::default(),
            message: None,
            quit: false,
            preview: false,
        }
    }

    pub fn pages(&self) -> Pages<'s> {
        Pages {
            doc: &self.study.doc,
            outline: &self.study.outline,
        }
    }

    pub fn panes(&self) -> Panes {
        Panes::new(self.area, self.focus == Focus::Side)
    }

    /// The key map table that receives keys now.
    pub fn mode(&self) -> Mode {
        match (self.overlays.last(), self.focus) {
            (Some(o), _) => o.mode(),
            (None, Focus::Side) => Mode::Side,
            (None, Focus::Reader) => Mode::Reader,
        }
    }

    pub fn cursor_item(&self) -> Option<Item> {
        self.study.outline.items.get(self.view.cursor).copied()
    }

    /// Passage index under the cursor, if the cursor is on a passage.
    pub fn cursor_passage(&self) -> Option<usize> {
        match self.cursor_item()? {
            Item::Passage(p) => Some(p),
            _ => None,
        }
    }

    /// Stable key of the focused item, for the saved reading position.
    pub fn position_key(&self) -> String {
        match self.cursor_item() {
            Some(item) => crate::positions::item_key(&self.study.doc, item),
            None => String::new(),
        }
    }

    /// Applies a terminal size; layout-dependent state is clamped here.
    pub fn resize(&mut self, area: Rect) {
        self.area = area;
        let (w, h) = self.panes().text_size();
        self.view.resize(w, h);
        let pages = self.pages();
        self.view.reveal_cursor(pages);
    }
}
