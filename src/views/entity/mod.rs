//! An entity's card: description, relations, co-mentioned entities and
//! every place that mentions it, each a row that can be followed.

pub mod draw;

use crate::app::list::Selection;
use crate::app::state::{App, Arrive};
use crate::entities::Place;
use crate::keymap::Action;
use crate::library::shelf::Shelf;
use crate::notes::Notebook;
use crate::study::Study;
use crate::views::{hint, list_page, move_selection, Handled, Hint, Overlay};

pub const HANDLES: &[Action] =
    list_view_handles![Open, NextMention, PrevMention, JumpBack, Close, Cancel];

pub const HINTS: &[Hint] = &[
    hint(&[Action::Open], "go"),
    hint(
        &[Action::NextMention, Action::PrevMention],
        "next/prev mention",
    ),
    hint(&[Action::Close], "back"),
];

/// Opens the card of `entity`; `)` and `(` then step through its mentions.
pub fn open(app: &mut App, entity: usize) {
    app.current_entity = Some(entity);
    // Other case studies mentioning it are listed once the library is there.
    app.want_shelf();
    let mut view = EntityView::new(app.study, &app.notebook, entity);
    if let Some(shelf) = app.shelf.ready() {
        view.add_elsewhere(app.study, shelf);
    }
    app.overlays.push(Overlay::Entity(view));
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let page = list_page(app);
    let Some(Overlay::Entity(view)) = app.overlays.last_mut() else {
        return Handled::Not;
    };
    if move_selection(&mut view.sel, action, page) {
        return Handled::Done;
    }
    let row = view.sel.selected().map(|i| view.rows[i].clone());
    match (action, row) {
        (Action::Open, Some(EntityRow::Relation(_, Some(e), _)))
        | (Action::Open, Some(EntityRow::CoMention(e, _))) => open(app, e),
        (Action::Open, Some(EntityRow::Mention(place, _))) => {
            app.overlays.clear();
            let outline = &app.study.outline;
            let item = match place {
                Place::Passage(p) => outline.of_passage(p),
                Place::Footnote(f) => outline.of_footnote(f),
            };
            app.jump_to(item);
        }
        (Action::Open, Some(EntityRow::Elsewhere { case, passage, .. })) => {
            app.overlays.clear();
            app.open_case(&case, Arrive::Key(passage));
        }
        (Action::Open, _) => {}
        (Action::NextMention | Action::PrevMention, _) => {
            app.overlays.clear();
            step_mention(app, action == Action::NextMention);
        }
        (Action::JumpBack, _) => {
            app.overlays.clear();
            app.jump_back();
        }
        (Action::Close | Action::Cancel, _) => {
            app.overlays.pop();
            // `)` follows the card now on top, or the one last opened.
            if let Some(Overlay::Entity(below)) = app.overlays.last() {
                app.current_entity = Some(below.entity);
            }
        }
        _ => return Handled::Not,
    }
    Handled::Done
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntityRow {
    /// Relation kind (as written, e.g. `spun_off_from`) and the other entity,
    /// `None` when the target id is not in the catalogue.
    Relation(String, Option<usize>, String),
    /// Another entity named in the same places, and in how many.
    CoMention(usize, usize),
    /// A place naming the entity; the index of its first mention there.
    Mention(Place, usize),
    /// A note coded with the entity: one of its tags is the entity's id, name or alias.
    Note(String),
    /// Another case study of the library: how often it mentions the entity
    /// and where in the paper (a sparkline, start to end).
    CaseStudy {
        title: String,
        mentions: u32,
        spark: Vec<u32>,
    },
    /// A passage of another case study mentioning the entity, `count` times.
    Elsewhere {
        case: String,
        passage: String,
        count: u32,
        snippet: String,
    },
}

/// Cells of the sparkline of an entity in another case study.
const SPARK_CELLS: usize = 24;

#[derive(Debug, Clone)]
pub struct EntityView {
    pub entity: usize,
    pub rows: Vec<EntityRow>,
    pub sel: Selection,
}

impl EntityView {
    pub fn new(study: &Study, notebook: &Notebook, entity: usize) -> EntityView {
        let e = &study.catalog.entities[entity];
        let mut rows: Vec<EntityRow> = e
            .relations
            .iter()
            .map(|r| {
                EntityRow::Relation(
                    r.kind.clone(),
                    study.catalog.index(&r.target),
                    r.target.clone(),
                )
            })
            .collect();
        let mut co = study.links.co_mentions(entity);
        co.truncate(12);
        rows.extend(
            co.into_iter()
                .map(|(other, n)| EntityRow::CoMention(other, n)),
        );
        let mut places: Vec<Place> = Vec::new();
        for m in study.links.mentions_of(entity) {
            let place = study.links.place_of(m);
            if !places.contains(&place) {
                places.push(place);
                rows.push(EntityRow::Mention(place, m));
            }
        }
        let names: Vec<String> = std::iter::once(e.id.as_str())
            .chain(e.names())
            .map(str::to_lowercase)
            .collect();
        rows.extend(
            notebook
                .list(&Default::default())
                .into_iter()
                .filter(|(n, _)| n.tags.iter().any(|t| names.contains(&t.to_lowercase())))
                .map(|(n, _)| EntityRow::Note(n.id.clone())),
        );
        let sel = Selection::new(rows.len());
        EntityView { entity, rows, sel }
    }
}

impl EntityView {
    /// The other case studies of the library that mention the entity (the
    /// same by id, `same_as` or Wikidata), each passage a row to follow.
    pub fn add_elsewhere(&mut self, study: &Study, shelf: &Shelf) {
        let here = &study.meta.id;
        let id = &study.catalog.entities[self.entity].id;
        let Some(entity) = shelf
            .gathered
            .entities
            .iter()
            .find(|e| e.cases.iter().any(|a| a.case == *here && a.id == *id))
        else {
            return;
        };
        for appearance in entity.cases.iter().filter(|a| a.case != *here) {
            let mut spark = vec![0; SPARK_CELLS];
            let total = appearance.passages_in_case.max(1) as usize;
            for m in &appearance.passages {
                spark[(m.index as usize * SPARK_CELLS / total).min(SPARK_CELLS - 1)] += m.count;
            }
            self.rows.push(EntityRow::CaseStudy {
                title: shelf.title(&appearance.case).to_string(),
                mentions: appearance.mentions,
                spark,
            });
            self.rows
                .extend(appearance.passages.iter().map(|m| EntityRow::Elsewhere {
                    case: appearance.case.clone(),
                    passage: m.passage.clone(),
                    count: m.count,
                    snippet: m.snippet.clone(),
                }));
        }
        self.sel.set_len(self.rows.len());
    }
}

/// The library finished loading: open cards list the other case studies.
pub fn shelf_changed(app: &mut App) {
    let Some(shelf) = app.shelf.ready().cloned() else {
        return;
    };
    for overlay in &mut app.overlays {
        if let Overlay::Entity(view) = overlay {
            view.add_elsewhere(app.study, &shelf);
        }
    }
}

/// Steps to the next or previous place mentioning the current entity.
pub fn step_mention(app: &mut App, forward: bool) {
    let Some(entity) = app.current_entity else {
        app.message = Some("Select an entity first (side pane or entities list)".into());
        return;
    };
    let study = app.study;
    let outline = &study.outline;
    let mut items: Vec<usize> = study
        .links
        .mentions_of(entity)
        .map(|m| match study.links.place_of(m) {
            Place::Passage(p) => outline.of_passage(p),
            Place::Footnote(f) => outline.of_footnote(f),
        })
        .collect();
    items.sort_unstable();
    items.dedup();
    let here = app.view.cursor;
    let target = if forward {
        items.iter().copied().find(|&i| i > here)
    } else {
        items.iter().rev().copied().find(|&i| i < here)
    };
    let name = &study.catalog.entities[entity].name;
    match target {
        Some(item) => {
            let n = items.iter().position(|&i| i == item).unwrap_or(0) + 1;
            app.jump_to(item);
            app.message = Some(format!("{name}: {n} of {} passages naming it", items.len()));
        }
        None => {
            app.message = Some(format!(
                "No {} passage names {name}",
                if forward { "later" } else { "earlier" }
            ))
        }
    }
}
