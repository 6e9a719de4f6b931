//! Search in the reader: the overlay that follows every key press, and the
//! hits kept afterwards for n/N with highlights, as in less.

use std::ops::Range;

use crate::app::list::Selection;
use crate::app::state::{App, Overlay};
use crate::app::update::move_selection;
use crate::keymap::Action;
use crate::search::adapters::{
    docs_from_catalog, docs_from_document, docs_from_notes, footnote_id,
};
use crate::search::{group_by_kind, Hit, HitKind, Index, Query};

/// Results shown in the overlay at most.
const LIMIT: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct SearchBox {
    pub query: String,
    pub hits: Vec<Hit>,
    pub sel: Selection,
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

impl App<'_> {
    /// Builds the index on first use, so start-up never waits for it.
    pub fn index(&mut self) -> &Index {
        if self.search_index.is_none() {
            let study = self.study;
            let mut docs = docs_from_catalog(&study.catalog);
            docs.extend(docs_from_document(&study.doc));
            docs.extend(docs_from_notes(self.notebook.set().notes()));
            self.search_index = Some(Index::build(docs));
        }
        self.search_index.as_ref().expect("built above")
    }

    /// Keeps the notes in the index in step with the notebook.
    pub fn reindex_notes(&mut self) {
        let notes = docs_from_notes(self.notebook.set().notes());
        if let Some(index) = self.search_index.as_mut() {
            index.replace_kind(HitKind::Note, notes);
        }
    }

    pub fn open_search(&mut self) {
        let mut search = SearchBox::default();
        if let Some(hits) = &self.text_hits {
            search.query = hits.query.clone();
        }
        self.overlays.push(Overlay::Search(search));
        self.run_search();
    }

    /// Re-runs the query in the open search box.
    pub fn run_search(&mut self) {
        let query = match self.overlays.last() {
            Some(Overlay::Search(s)) => Query::parse(&s.query),
            _ => return,
        };
        let hits = if query.is_empty() {
            Vec::new()
        } else {
            self.index().search(&query, LIMIT)
        };
        if let Some(Overlay::Search(s)) = self.overlays.last_mut() {
            // Shown grouped by kind; the best hit is selected wherever it lands.
            let best = hits.first().map(|h| (h.kind, h.doc));
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

    /// The outline item a hit points at, if it is in the text.
    fn hit_item(&self, hit: &Hit) -> Option<usize> {
        let doc = &self.study.doc;
        let outline = &self.study.outline;
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
            HitKind::Note => self
                .notebook
                .get(&hit.id)
                .and_then(|(_, a)| a.passage())
                .map(|p| outline.of_passage(p)),
            HitKind::Entity => None,
        }
    }

    /// Remembers every text hit of the search for n/N.
    fn keep_text_hits(&mut self, query: &str, hits: &[Hit]) {
        let mut items: Vec<(usize, Vec<Range<usize>>)> = hits
            .iter()
            .filter(|h| {
                matches!(
                    h.kind,
                    HitKind::Passage | HitKind::Footnote | HitKind::Reference
                )
            })
            .filter_map(|h| Some((self.hit_item(h)?, h.text_highlights.clone())))
            .collect();
        items.sort_by_key(|(i, _)| *i);
        items.dedup_by_key(|(i, _)| *i);
        self.text_hits = Some(TextHits {
            query: query.to_string(),
            items,
        });
    }

    /// n / N: the next or previous item with hits, from the cursor.
    pub fn step_hit(&mut self, forward: bool) {
        let Some(hits) = &self.text_hits else {
            self.message = Some("No search yet: press / to search".into());
            return;
        };
        let here = self.view.cursor;
        let items = &hits.items;
        let target = if forward {
            items.iter().find(|(i, _)| *i > here).or(items.first())
        } else {
            items.iter().rev().find(|(i, _)| *i < here).or(items.last())
        };
        let Some(&(item, _)) = target else {
            self.message = Some(format!("No text hits for “{}”", hits.query));
            return;
        };
        let n = items.iter().position(|(i, _)| *i == item).unwrap_or(0) + 1;
        let wrapped = (forward && item <= here) || (!forward && item >= here);
        let total = items.len();
        let query = hits.query.clone();
        self.jump_to(item);
        self.message = Some(format!(
            "“{query}”: {n} of {total}{}",
            if wrapped { " (wrapped)" } else { "" }
        ));
    }
}

pub fn search(app: &mut App, action: Action) {
    let page = app.area.height.saturating_sub(6).max(1) as usize;
    let Some(Overlay::Search(search)) = app.overlays.last_mut() else {
        return;
    };
    if move_selection(&mut search.sel, action, page) {
        return;
    }
    match action {
        Action::ClearFilter => {
            search.query.clear();
            app.run_search();
        }
        Action::Close | Action::Cancel => {
            app.overlays.pop();
        }
        Action::Open => {
            let Some(hit) = search.sel.selected().map(|i| search.hits[i].clone()) else {
                return;
            };
            let (query, hits) = (search.query.clone(), search.hits.clone());
            app.overlays.pop();
            app.keep_text_hits(&query, &hits);
            match hit.kind {
                HitKind::Entity => match app.study.catalog.index(&hit.id) {
                    Some(e) => app.open_entity(e),
                    None => app.message = Some(format!("No entity {}", hit.id)),
                },
                _ => match app.hit_item(&hit) {
                    Some(item) => app.jump_to(item),
                    None => {
                        app.message =
                            Some("This note is orphaned: open it from the notes list".into())
                    }
                },
            }
        }
        _ => {}
    }
}
