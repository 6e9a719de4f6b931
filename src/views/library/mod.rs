//! The library view: every case study of the library with its counts and
//! when it was last read, filtered as you type and sorted by a key; Enter
//! opens one where it was left. Below, the entities mentioned most across
//! the whole library, with how they spread over its case studies.

pub mod draw;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use crate::app::input::Edit;
use crate::app::list::Selection;
use crate::app::state::{App, Arrive, ShelfState};
use crate::keymap::Action;
use crate::library::shelf::Shelf;
use crate::views::{hint, list_page, move_selection, Handled, Hint, Overlay};

pub const HANDLES: &[Action] = list_view_handles![Open, CycleSort, ClearFilter, Close, Cancel];

pub const HINTS: &[Hint] = &[
    hint(&[Action::Open], "open"),
    hint(&[Action::CycleSort], "sort"),
    hint(&[Action::Close], "close"),
];

/// The orders the list can be sorted in, in the order a key cycles them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Last read first; case studies never read after, by title.
    #[default]
    Recent,
    Title,
    /// Newest first.
    Year,
    /// Longest first.
    Passages,
}

impl Sort {
    pub fn label(self) -> &'static str {
        match self {
            Sort::Recent => "last read",
            Sort::Title => "title",
            Sort::Year => "year",
            Sort::Passages => "length",
        }
    }

    fn next(self) -> Sort {
        match self {
            Sort::Recent => Sort::Title,
            Sort::Title => Sort::Year,
            Sort::Year => Sort::Passages,
            Sort::Passages => Sort::Recent,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct LibraryView {
    pub filter: String,
    pub sort: Sort,
    /// Indices into the shelf's members, in display order.
    pub rows: Vec<usize>,
    pub sel: Selection,
}

impl LibraryView {
    /// Recomputes the rows for the filter and the sort order; the selected
    /// case study stays selected when it is still listed.
    pub fn refilter(&mut self, shelf: &Shelf) {
        let kept = self.sel.selected().and_then(|i| self.rows.get(i).copied());
        let matcher = SkimMatcherV2::default().ignore_case();
        let query = self.filter.trim();
        let mut scored: Vec<(i64, usize)> = shelf
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, row)| {
                if query.is_empty() {
                    return Some((0, i));
                }
                let year = row.year.map(|y| y.to_string()).unwrap_or_default();
                let haystack = format!(
                    "{} {} {} {}",
                    row.title,
                    row.authors.join(" "),
                    year,
                    row.id
                );
                matcher.fuzzy_match(&haystack, query).map(|s| (s, i))
            })
            .collect();
        if !query.is_empty() {
            // Scattered subsequence matches score far below real ones.
            let best = scored.iter().map(|s| s.0).max().unwrap_or(0);
            scored.retain(|s| s.0 * 2 >= best);
        }
        let sort = self.sort;
        // Looked up once per filtering, not per comparison.
        let last_read: Vec<Option<i64>> = match sort {
            Sort::Recent => shelf.rows.iter().map(|r| shelf.last_read(&r.id)).collect(),
            _ => Vec::new(),
        };
        scored.sort_by(|&(sa, a), &(sb, b)| {
            let (ra, rb) = (&shelf.rows[a], &shelf.rows[b]);
            let by_sort = match sort {
                Sort::Recent => last_read[b]
                    .cmp(&last_read[a])
                    .then_with(|| ra.title.cmp(&rb.title)),
                Sort::Title => ra.title.to_lowercase().cmp(&rb.title.to_lowercase()),
                Sort::Year => rb.year.cmp(&ra.year),
                Sort::Passages => rb.passages.cmp(&ra.passages),
            };
            // A filter ranks by match first; the sort orders equals.
            sb.cmp(&sa).then(by_sort).then(a.cmp(&b))
        });
        self.rows = scored.into_iter().map(|(_, i)| i).collect();
        self.sel.set_len(self.rows.len());
        self.sel.index = kept
            .and_then(|k| self.rows.iter().position(|&r| r == k))
            .unwrap_or(0);
    }
}

/// Opens the library view (it lists the case studies once they are loaded).
pub fn open(app: &mut App) {
    app.want_shelf();
    let mut view = LibraryView::default();
    if let Some(shelf) = app.shelf.ready() {
        view.refilter(shelf);
    }
    app.overlays.push(Overlay::Library(view));
}

/// The library finished loading (or went on): an open view lists it.
pub fn shelf_changed(app: &mut App) {
    let ShelfState::Ready(shelf) = &app.shelf else {
        return;
    };
    for overlay in &mut app.overlays {
        if let Overlay::Library(view) = overlay {
            view.refilter(shelf);
        }
    }
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let page = list_page(app);
    let shelf = app.shelf.ready().cloned();
    let Some(Overlay::Library(view)) = app.overlays.last_mut() else {
        return Handled::Not;
    };
    if move_selection(&mut view.sel, action, page) {
        return Handled::Done;
    }
    match action {
        Action::Open => {
            let Some(shelf) = shelf else {
                app.message = Some("The library is still loading".into());
                return Handled::Done;
            };
            if let Some(i) = view.sel.selected().map(|s| view.rows[s]) {
                let case = shelf.members[i].id().to_string();
                app.overlays.clear();
                app.open_case(&case, Arrive::Remembered);
            }
        }
        Action::CycleSort => {
            view.sort = view.sort.next();
            if let Some(shelf) = shelf {
                view.refilter(&shelf);
            }
        }
        Action::ClearFilter => {
            view.filter.clear();
            if let Some(shelf) = shelf {
                view.refilter(&shelf);
            }
        }
        Action::Close | Action::Cancel => {
            app.overlays.pop();
        }
        _ => return Handled::Not,
    }
    Handled::Done
}

pub fn edit(app: &mut App, edit: Edit) {
    let shelf = app.shelf.ready().cloned();
    if let Some(Overlay::Library(view)) = app.overlays.last_mut() {
        edit.apply(&mut view.filter);
        if let Some(shelf) = shelf {
            view.refilter(&shelf);
        }
    }
}
