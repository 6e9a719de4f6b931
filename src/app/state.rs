//! The whole state of the reader application. `update` changes it; drawing
//! only reads it.

use std::collections::HashSet;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::app::jumps::{JumpList, Spot};
use crate::app::layout::Panes;
use crate::app::list::Selection;
use crate::app::unsaved::Unsaved;
use crate::keymap::{Action, Keymap, Mode};
use crate::library::index::Progress;
use crate::library::shelf::Shelf;
use crate::notes::{Access, Notebook, RecoveredDraft};
use crate::positions::MarkSet;
use crate::reader::outline::Item;
use crate::reader::view::{Pages, Viewport};
use crate::search::adapters::docs_from_notes;
use crate::search::history::SearchHistory;
use crate::search::{HitKind, Index};
use crate::study::Study;
use crate::views::search::TextHits;
use crate::views::Overlay;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Reader,
    Side,
}

/// Another case study to open: the reader closes this one (its notes
/// saved first) and opens that one in the same screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Switch {
    pub case: String,
    pub at: Arrive,
}

/// Where the reader arrives in the case study it switches to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arrive {
    /// Where it was left.
    Remembered,
    /// An outline item (from the jump list).
    Item(usize),
    /// An item's stable key (a passage id, `section:ID`, ...).
    Key(String),
}

/// The library, as far as it is loaded (on a thread of its own).
#[derive(Debug, Clone, Default)]
pub enum ShelfState {
    /// Not needed yet: nothing is read or indexed until a view needs it.
    #[default]
    Absent,
    /// A view needs it; the session starts loading it.
    Wanted,
    Loading(Option<Progress>),
    Ready(Arc<Shelf>),
    Failed(String),
}

impl ShelfState {
    pub fn ready(&self) -> Option<&Arc<Shelf>> {
        match self {
            ShelfState::Ready(shelf) => Some(shelf),
            _ => None,
        }
    }
}

/// Display choices fixed at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UiOptions {
    pub color: bool,
    pub ascii: bool,
    /// The widest text line in columns; 0 for no limit.
    pub measure: u16,
}

pub struct App<'s> {
    pub study: &'s Study,
    pub options: UiOptions,
    /// The key map in force: views build their hints from it.
    pub keymap: Keymap,
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
    /// Notes changed here and not yet committed, and the saves under way.
    pub unsaved: Unsaved,
    /// Drafts left by an earlier session, oldest first; one opens in the
    /// editor only when asked for.
    pub drafts_waiting: Vec<RecoveredDraft>,
    /// Whether notes can be saved in this session.
    pub access: Access,
    /// Damaged notes files kept aside and not yet recovered.
    pub kept_aside: usize,
    /// How quotations are cited and whether they may be copied.
    pub cite: crate::cite::CiteConfig,
    /// Queries of this and earlier sessions, for Up/Down in search.
    pub search_history: SearchHistory,
    /// This case study's marks, letter -> item key.
    pub marks: MarkSet,
    /// The item last peeked from and which of its links, so `p` goes on
    /// to the next.
    pub last_peek: Option<(usize, usize)>,
    /// Problems in optional files that were set aside, one line each.
    pub warnings: Vec<String>,
    /// The library of case studies, loaded in the background.
    pub shelf: ShelfState,
    /// Asked for by a view: open another case study ([`crate::app::update`]
    /// starts leaving this one).
    pub switch_request: Option<Switch>,
    /// The case study this one is being left for, once its notes are saved.
    pub leaving_for: Option<Switch>,
    /// Leaving has been asked for and not yet begun.
    pub leave_pending: bool,
}

impl<'s> App<'s> {
    pub fn new(study: &'s Study, options: UiOptions) -> Self {
        let mut view = Viewport::default();
        view.cursor = study.outline.focusable_near(0).unwrap_or(0);
        App {
            study,
            options,
            keymap: Keymap::default_map(),
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
            unsaved: Unsaved::default(),
            drafts_waiting: Vec::new(),
            access: Access::ReadWrite,
            kept_aside: 0,
            cite: crate::cite::CiteConfig::default(),
            search_history: SearchHistory::default(),
            marks: MarkSet::new(),
            warnings: Vec::new(),
            last_peek: None,
            shelf: ShelfState::Absent,
            switch_request: None,
            leaving_for: None,
            leave_pending: false,
        }
    }

    /// The reader as it opens: `keymap` in force and the notes loaded.
    pub fn open(study: &'s Study, options: UiOptions, keymap: Keymap, notebook: Notebook) -> Self {
        let mut app = App::new(study, options);
        app.keymap = keymap;
        app.notebook = notebook;
        app.notes_changed();
        app
    }

    pub fn pages(&self) -> Pages<'s> {
        Pages {
            doc: &self.study.doc,
            outline: &self.study.outline,
        }
    }

    pub fn panes(&self) -> Panes {
        Panes::new(self.area, self.focus == Focus::Side, self.options.measure)
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

    /// A view needs the library: it is loaded unless it is (or is being).
    pub fn want_shelf(&mut self) {
        if matches!(self.shelf, ShelfState::Absent) {
            self.shelf = ShelfState::Wanted;
        }
    }

    /// Where the reader stands, for the jump list.
    pub fn spot(&self) -> Spot {
        Spot {
            case: self.study.meta.id.clone(),
            item: self.view.cursor,
        }
    }

    /// Asks to open `case` (this one: just go there).
    pub fn open_case(&mut self, case: &str, at: Arrive) {
        if case != self.study.meta.id {
            self.jumps.record(self.spot());
            self.switch_request = Some(Switch {
                case: case.to_string(),
                at,
            });
            return;
        }
        let item = match at {
            Arrive::Remembered => return,
            Arrive::Item(item) => Some(item),
            Arrive::Key(key) => {
                crate::positions::find_item(&key, &self.study.doc, &self.study.outline)
            }
        };
        match item {
            Some(item) => self.jump_to(item),
            None => self.message = Some("That place is no longer in the paper".into()),
        }
    }

    /// Stable key of the focused item, for the saved reading position.
    pub fn position_key(&self) -> String {
        match self.cursor_item() {
            Some(item) => crate::positions::item_key(&self.study.doc, item),
            None => String::new(),
        }
    }

    /// The one place derived from the notebook: margin marks, the notes in
    /// the search index and the rows of an open notes list.
    pub fn notes_changed(&mut self) {
        self.notes_on = self
            .notebook
            .anchors()
            .filter_map(crate::notes::Anchor::passage)
            .collect();
        if let Some(index) = self.search_index.as_mut() {
            index.replace_kind(HitKind::Note, docs_from_notes(self.notebook.set().notes()));
        }
        for overlay in &mut self.overlays {
            if let Overlay::Notes(list) = overlay {
                list.refilter(&self.notebook);
            }
        }
    }

    /// What the status line says while no message is shown: unsaved
    /// notes, a waiting draft, a read-only store or a damaged file kept
    /// aside, with the key that deals with it.
    pub fn notice(&self) -> Option<String> {
        let key = |action| crate::views::bound_key(&self.keymap, Mode::Reader, action);
        if !self.unsaved.is_empty() {
            let n = self.unsaved.len();
            let what = if n == 1 {
                "1 note".to_string()
            } else {
                format!("{n} notes")
            };
            return Some(match (self.unsaved.saving, &self.unsaved.failure) {
                (true, _) => format!("saving {what}…"),
                (false, Some(why)) => match key(Action::Save) {
                    Some(k) => format!("{what} NOT saved ({why}); {k} tries again"),
                    None => format!("{what} NOT saved ({why})"),
                },
                (false, None) => format!("{what} not saved yet"),
            });
        }
        if let Some(first) = self.drafts_waiting.first() {
            let more = match self.drafts_waiting.len() {
                1 => String::new(),
                n => format!(" (1 of {n})"),
            };
            let words: String = first.draft.note.text.chars().take(24).collect();
            let open = key(Action::OpenDraft).map_or(String::new(), |k| format!(": {k} opens it"));
            return Some(format!("a draft is waiting{more}, “{words}”{open}"));
        }
        if self.access == Access::ReadOnly {
            return Some("read-only: notes can be read but not saved".into());
        }
        if self.kept_aside > 0 {
            let files = match self.kept_aside {
                1 => "a damaged notes file kept aside".to_string(),
                n => format!("{n} damaged notes files kept aside"),
            };
            return Some(format!(
                "{files} (its readable notes are here): casebook notes recover"
            ));
        }
        match &self.shelf {
            ShelfState::Loading(Some(p)) if p.done < p.total => Some(format!(
                "indexing the library: {} of {} case studies",
                p.done, p.total
            )),
            _ => None,
        }
    }

    /// Applies a terminal size; layout-dependent state is clamped here.
    pub(crate) fn resize(&mut self, area: Rect) {
        self.area = area;
        let (w, h) = self.panes().text_size();
        self.view.resize(w, h);
        let pages = self.pages();
        self.view.settle(pages);
    }
}
