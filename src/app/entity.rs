//! An entity's view: description, relations, co-mentioned entities and
//! every place that mentions it, each a row that can be followed.

use crate::app::list::Selection;
use crate::app::state::App;
use crate::entities::Place;
use crate::notes::Notebook;
use crate::study::Study;

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

impl App<'_> {
    /// Steps to the next or previous place mentioning the current entity.
    pub fn step_mention(&mut self, forward: bool) {
        let Some(entity) = self.current_entity else {
            self.message = Some("Select an entity first (side pane or entities list)".into());
            return;
        };
        let study = self.study;
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
        let here = self.view.cursor;
        let target = if forward {
            items.iter().copied().find(|&i| i > here)
        } else {
            items.iter().rev().copied().find(|&i| i < here)
        };
        let name = &study.catalog.entities[entity].name;
        match target {
            Some(item) => {
                let n = items.iter().position(|&i| i == item).unwrap_or(0) + 1;
                self.jump_to(item);
                self.message = Some(format!("{name}: mention {n} of {}", items.len()));
            }
            None => {
                self.message = Some(format!(
                    "No {} mention of {name}",
                    if forward { "later" } else { "earlier" }
                ))
            }
        }
    }
}
