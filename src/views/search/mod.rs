//! Search in the reader: the view that follows every key press, and the
//! hits kept afterwards for n/N with highlights, as in less.

pub mod draw;

use std::ops::Range;

use crate::app::input::Edit;
use crate::app::list::Selection;
use crate::app::msg::Effect;
use crate::app::state::{App, Arrive};
use crate::keymap::Action;
use crate::library::search::{group_by_case, LibraryHit};
use crate::search::adapters::{
    docs_from_catalog, docs_from_document, docs_from_notes, footnote_id,
};
use crate::search::history::Recall;
use crate::search::{group_by_kind, Hit, HitKind, Index, Query};
use crate::views::{self, hint, list_page, move_selection, Handled, Hint, Overlay};

/// Results shown at most.
const LIMIT: usize = 200;

pub const HANDLES: &[Action] = list_view_handles![
    Open,
    OpenEntityHit,
    HistoryOlder,
    HistoryNewer,
    ToggleScope,
    ClearFilter,
    Close,
    Cancel
];

pub const HINTS: &[Hint] = &[
    hint(&[Action::Open], "go"),
    hint(&[Action::OpenEntityHit], "entity"),
    hint(&[Action::ToggleScope], "library"),
    hint(&[Action::Close], "close"),
    hint(&[Action::HistoryOlder, Action::HistoryNewer], "history"),
];

#[derive(Debug, Clone, Default)]
pub struct SearchBox {
    pub query: String,
    pub hits: Vec<Hit>,
    pub sel: Selection,
    /// Where Up and Down stand in the search history.
    pub recall: Recall,
    /// Searching the whole library rather than this case study.
    pub library: bool,
    /// Hits in the library, grouped by case study (with `library`).
    pub library_hits: Vec<LibraryHit>,
}

/// Hits in the text after a search: items in reading order with the byte
/// ranges to highlight in each item's model text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextHits {
    pub query: String,
    pub items: Vec<(usize, Vec<Range<usize>>)>,
}

impl TextHits {
    pub fn ranges(&self, item: usize) -> &[Range<usize>] {
        self.items
            .binary_search_by_key(&item, |(i, _)| *i)
            .map_or(&[], |k| self.items[k].1.as_slice())
    }
}

/// Builds the index on first use, so start-up never waits for it.
fn index<'a>(app: &'a mut App) -> &'a Index {
    let study = app.study;
    let notebook = &app.notebook;
    app.search_index.get_or_insert_with(|| {
        let mut docs = docs_from_catalog(&study.catalog);
        docs.extend(docs_from_document(&study.doc));
        docs.extend(docs_from_notes(notebook.set().notes()));
        Index::build(docs)
    })
}

/// `/`: opens with the last query, if any.
pub fn open(app: &mut App) {
    let mut search = SearchBox::default();
    if let Some(hits) = &app.text_hits {
        search.query = hits.query.clone();
    }
    app.overlays.push(Overlay::Search(search));
    run(app);
}

/// Re-runs the query in the open search box.
fn run(app: &mut App) {
    let (query, library) = match app.overlays.last() {
        Some(Overlay::Search(s)) => (Query::parse(&s.query), s.library),
        _ => return,
    };
    if library {
        return run_in_library(app, &query);
    }
    let hits = if query.is_empty() {
        Vec::new()
    } else {
        index(app).search(&query, LIMIT)
    };
    if let Some(Overlay::Search(s)) = app.overlays.last_mut() {
        // Shown grouped by kind; the best hit in the text is selected
        // wherever it lands (Enter reads on from there, as in less), else
        // the best hit of any kind.
        let best = hits
            .iter()
            .find(|h| h.kind != HitKind::Entity)
            .or(hits.first())
            .map(|h| (h.kind, h.doc));
        s.hits = group_by_kind(&hits)
            .into_iter()
            .flat_map(|(_, g)| g)
            .cloned()
            .collect();
        s.sel = Selection::new(s.hits.len());
        s.sel.index = best
            .and_then(|b| s.hits.iter().position(|h| (h.kind, h.doc) == b))
            .unwrap_or(0);
    }
}

/// The query over every case study of the library, hits grouped by case
/// study (this one's first).
fn run_in_library(app: &mut App, query: &Query) {
    let hits = match (app.shelf.ready(), query.is_empty()) {
        (Some(shelf), false) => shelf.index.search(query, LIMIT),
        _ => Vec::new(),
    };
    let here = app.study.meta.id.clone();
    let Some(Overlay::Search(s)) = app.overlays.last_mut() else {
        return;
    };
    let mut groups = group_by_case(&hits);
    groups.sort_by_key(|(case, _)| *case != here);
    s.library_hits = groups.into_iter().flat_map(|(_, g)| g).cloned().collect();
    s.sel = Selection::new(s.library_hits.len());
}

/// The library finished loading: a search over it runs again.
pub fn shelf_changed(app: &mut App) {
    if let Some(Overlay::Search(s)) = app.overlays.last() {
        if s.library {
            run(app);
        }
    }
}

/// Where a library hit is in its case study.
fn arrival(app: &App, hit: &LibraryHit) -> Arrive {
    let key = match hit.kind.as_str() {
        "passage" => hit.id.clone(),
        "section" | "reference" => format!("{}:{}", hit.kind, hit.id),
        "footnote" => format!("footnote:{}", hit.id.strip_prefix("fn").unwrap_or(&hit.id)),
        // An entity: its first mention there.
        _ => match app
            .shelf
            .ready()
            .and_then(|shelf| shelf.summary(&hit.case)?.entity(&hit.id)?.passages.first())
        {
            Some(first) => first.passage.clone(),
            None => return Arrive::Remembered,
        },
    };
    Arrive::Key(key)
}

pub fn edit(app: &mut App, edit: Edit) {
    if let Some(Overlay::Search(search)) = app.overlays.last_mut() {
        edit.apply(&mut search.query);
        search.recall.reset();
        run(app);
    }
}

/// The outline item a hit points at, if it is in the text.
fn hit_item(app: &App, hit: &Hit) -> Option<usize> {
    let doc = &app.study.doc;
    let outline = &app.study.outline;
    match hit.kind {
        HitKind::Passage => doc.passage_index(&hit.id).map(|p| outline.of_passage(p)),
        HitKind::Section => doc.section_index(&hit.id).map(|s| outline.of_section(s)),
        HitKind::Reference => doc
            .reference_index(&hit.id)
            .map(|r| outline.of_reference(r)),
        HitKind::Footnote => doc
            .footnotes
            .iter()
            .position(|f| footnote_id(&f.label) == hit.id)
            .map(|f| outline.of_footnote(f)),
        HitKind::Note => app
            .notebook
            .get(&hit.id)
            .and_then(|(_, a)| a.passage())
            .map(|p| outline.of_passage(p)),
        HitKind::Entity => None,
    }
}

/// Remembers every text hit of the search for n/N.
fn keep_text_hits(app: &mut App, query: &str, hits: &[Hit]) {
    let mut items: Vec<(usize, Vec<Range<usize>>)> = hits
        .iter()
        .filter(|h| {
            matches!(
                h.kind,
                HitKind::Passage | HitKind::Footnote | HitKind::Reference
            )
        })
        .filter_map(|h| Some((hit_item(app, h)?, h.text_highlights.clone())))
        .collect();
    items.sort_by_key(|(i, _)| *i);
    items.dedup_by_key(|(i, _)| *i);
    app.text_hits = Some(TextHits {
        query: query.to_string(),
        items,
    });
}

/// n / N: the next or previous item with hits, from the cursor.
pub fn step_hit(app: &mut App, forward: bool) {
    let Some(hits) = &app.text_hits else {
        app.message = Some("No search yet: press / to search".into());
        return;
    };
    let here = app.view.cursor;
    let items = &hits.items;
    let target = if forward {
        items.iter().find(|(i, _)| *i > here).or(items.first())
    } else {
        items.iter().rev().find(|(i, _)| *i < here).or(items.last())
    };
    let Some(&(item, _)) = target else {
        app.message = Some(format!("No text hits for “{}”", hits.query));
        return;
    };
    let n = items.iter().position(|(i, _)| *i == item).unwrap_or(0) + 1;
    let wrapped = (forward && item <= here) || (!forward && item >= here);
    let total = items.len();
    let query = hits.query.clone();
    app.jump_to(item);
    app.message = Some(format!(
        "“{query}”: {n} of {total}{}",
        if wrapped { " (wrapped)" } else { "" }
    ));
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let page = list_page(app);
    let history = &app.search_history;
    let Some(Overlay::Search(search)) = app.overlays.last_mut() else {
        return Handled::Not;
    };
    if move_selection(&mut search.sel, action, page) {
        return Handled::Done;
    }
    match action {
        Action::ToggleScope => {
            search.library = !search.library;
            if search.library {
                app.want_shelf();
            }
            if matches!(app.overlays.last(), Some(Overlay::Search(s)) if s.library)
                && app.shelf.ready().is_none()
            {
                app.message = Some("The library is still loading; its hits come when it is".into());
            }
            run(app);
        }
        Action::Open if search.library => {
            let Some(hit) = search
                .sel
                .selected()
                .map(|i| search.library_hits[i].clone())
            else {
                return Handled::Done;
            };
            let query = search.query.clone();
            app.overlays.pop();
            let effect = finish(app, &query, &[]);
            let at = arrival(app, &hit);
            app.open_case(&hit.case, at);
            return effect;
        }
        Action::ClearFilter => {
            search.query.clear();
            search.recall.reset();
            run(app);
        }
        Action::HistoryOlder | Action::HistoryNewer => {
            let recalled = match action {
                Action::HistoryOlder => search.recall.older(history, &search.query),
                _ => search.recall.newer(history),
            };
            match recalled {
                Some(query) => {
                    search.query = query;
                    run(app);
                }
                None if history.is_empty() => app.message = Some("No earlier searches".into()),
                None => {}
            }
        }
        Action::Close | Action::Cancel => {
            let (query, hits) = (search.query.clone(), search.hits.clone());
            app.overlays.pop();
            // The query outlives the box, so n/N go on from here.
            return finish(app, &query, &hits);
        }
        Action::Open | Action::OpenEntityHit => {
            let chosen = match action {
                Action::Open => search.sel.selected().map(|i| &search.hits[i]),
                _ => search.hits.iter().find(|h| h.kind == HitKind::Entity),
            };
            let Some(hit) = chosen.cloned() else {
                if action == Action::OpenEntityHit {
                    app.message = Some("No entity among the hits".into());
                }
                return Handled::Done;
            };
            let (query, hits) = (search.query.clone(), search.hits.clone());
            app.overlays.pop();
            let effect = finish(app, &query, &hits);
            match hit.kind {
                HitKind::Entity => match app.study.catalog.index(&hit.id) {
                    Some(e) => views::entity::open(app, e),
                    None => app.message = Some(format!("No entity {}", hit.id)),
                },
                _ => match hit_item(app, &hit) {
                    Some(item) => app.jump_to(item),
                    None => {
                        app.message =
                            Some("This note is orphaned: open it from the notes list".into())
                    }
                },
            }
            return effect;
        }
        _ => return Handled::Not,
    }
    Handled::Done
}

/// The search box closed with `query`: its text hits stay for n/N and the
/// query goes into the history, saved if it changed.
fn finish(app: &mut App, query: &str, hits: &[Hit]) -> Handled {
    if query.trim().is_empty() {
        return Handled::Done;
    }
    keep_text_hits(app, query, hits);
    match app.search_history.push(query) {
        true => Handled::Effect(Effect::SaveSearchHistory),
        false => Handled::Done,
    }
}
