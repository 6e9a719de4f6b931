//! What the focused item links to: the side pane's rows and the links menu.

use crate::app::state::{App, Overlay, PeekTarget};
use crate::entities::Place;
use crate::reader::outline::Item;

/// One door from the focused item to somewhere else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Entity(usize),
    Footnote(usize),
    /// Index into `Links::citations`.
    Citation(usize),
    /// A passage that refers here (a footnote's or reference's citing passage).
    Passage(usize),
    /// A note on the focused passage, by note id.
    Note(String),
}

impl Link {
    /// Heading of the group the link is listed under.
    pub fn group(&self) -> &'static str {
        match self {
            Link::Entity(_) => "Entities",
            Link::Footnote(_) => "Footnotes",
            Link::Citation(_) => "Citations",
            Link::Passage(_) => "Cited in",
            Link::Note(_) => "Notes",
        }
    }
}

impl App<'_> {
    /// Links of the focused item, grouped (entities, footnotes, citations,
    /// citing passages, notes), each group in text order.
    pub fn links_here(&self) -> Vec<Link> {
        let study = self.study;
        let mut links = Vec::new();
        let place = match self.cursor_item() {
            Some(Item::Passage(p)) => Some(Place::Passage(p)),
            Some(Item::Footnote(f)) => Some(Place::Footnote(f)),
            _ => None,
        };
        if let Some(place) = place {
            let mut seen = Vec::new();
            for m in study.links.mentions_in(place) {
                let e = study.links.entity_of(m);
                if !seen.contains(&e) {
                    seen.push(e);
                    links.push(Link::Entity(e));
                }
            }
            for linked in place.linked(&study.doc) {
                links.push(match linked {
                    Place::Footnote(f) => Link::Footnote(f),
                    Place::Passage(p) => Link::Passage(p),
                });
            }
            links.extend(study.links.citations_in(place).map(Link::Citation));
        }
        if let Some(Item::Reference(r)) = self.cursor_item() {
            let mut citing: Vec<usize> = study
                .links
                .citations
                .iter()
                .filter(|c| c.reference == Some(r))
                .filter_map(|c| match c.place {
                    Place::Passage(p) => Some(p),
                    Place::Footnote(f) => study.doc.footnotes[f].passages.first().copied(),
                })
                .collect();
            citing.dedup();
            links.extend(citing.into_iter().map(Link::Passage));
        }
        if let Some(p) = self.cursor_passage() {
            links.extend(self.note_ids_for(p).into_iter().map(Link::Note));
        }
        links
    }

    /// Follows a link: entities open their view, footnotes and references
    /// open as a peek, passages are jumped to.
    pub fn follow(&mut self, link: Link) {
        match link {
            Link::Entity(e) => self.open_entity(e),
            Link::Footnote(f) => self.overlays.push(Overlay::Peek(PeekTarget::Footnote(f))),
            Link::Citation(c) => match self.study.links.citations[c].reference {
                Some(r) => self.overlays.push(Overlay::Peek(PeekTarget::Reference(r))),
                None => {
                    self.message = Some(format!(
                        "No reference matches “{}”",
                        self.study.links.citations[c].text(&self.study.doc)
                    ))
                }
            },
            Link::Passage(p) => self.jump_to_passage(p),
            Link::Note(id) => self.edit_note(&id),
        }
    }

    pub fn open_entity(&mut self, entity: usize) {
        self.current_entity = Some(entity);
        let view = crate::app::entity::EntityView::new(self.study, &self.notebook, entity);
        self.overlays.push(Overlay::Entity(view));
    }
}
