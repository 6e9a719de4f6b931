//! An entity's card: description, relations, co-mentioned entities and
//! every place that mentions it, each a row that can be followed.

pub mod draw;

use crate::app::list::Selection;
use crate::app::state::App;
use crate::entities::Place;
use crate::keymap::Action;
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
    let view = EntityView::new(app.study, &app.notebook, entity);
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
}

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
        for &m in study.links.mentions_of(entity) {
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
        .iter()
        .map(|&m| match study.links.place_of(m) {
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
