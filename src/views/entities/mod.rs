//! The entities list: every entity grouped by kind, with counts, filtered
//! as you type (fuzzy over names and aliases); Enter opens its card.

pub mod draw;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

use crate::app::input::Edit;
use crate::app::list::Selection;
use crate::app::state::App;
use crate::keymap::Action;
use crate::study::{kind_index, Study};
use crate::views::{self, hint, list_page, move_selection, Handled, Hint, Overlay};

pub const HANDLES: &[Action] = list_view_handles![Open, ClearFilter, Close, Cancel];

pub const HINTS: &[Hint] = &[
    hint(&[Action::Open], "open"),
    hint(&[Action::Close], "close"),
];

pub fn open(app: &mut App) {
    let list = EntityList::new(app.study);
    app.overlays.push(Overlay::Entities(list));
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let page = list_page(app);
    let study = app.study;
    let Some(Overlay::Entities(list)) = app.overlays.last_mut() else {
        return Handled::Not;
    };
    if move_selection(&mut list.sel, action, page) {
        return Handled::Done;
    }
    match action {
        Action::Open => {
            if let Some(e) = list.selected_entity() {
                views::entity::open(app, e);
            }
        }
        Action::ClearFilter => {
            list.filter.clear();
            list.refilter(study);
        }
        Action::Close | Action::Cancel => {
            app.overlays.pop();
        }
        _ => return Handled::Not,
    }
    Handled::Done
}

pub fn edit(app: &mut App, edit: Edit) {
    let study = app.study;
    if let Some(Overlay::Entities(list)) = app.overlays.last_mut() {
        edit.apply(&mut list.filter);
        list.refilter(study);
    }
}

#[derive(Debug, Clone)]
pub struct EntityList {
    pub filter: String,
    /// Entity indices in display order.
    pub rows: Vec<usize>,
    pub sel: Selection,
}

impl EntityList {
    pub fn new(study: &Study) -> EntityList {
        let mut list = EntityList {
            filter: String::new(),
            rows: Vec::new(),
            sel: Selection::default(),
        };
        list.refilter(study);
        list
    }

    /// Recomputes rows for the current filter: grouped by kind; within a
    /// kind, best match first (or most mentioned first without a filter).
    pub fn refilter(&mut self, study: &Study) {
        let matcher = SkimMatcherV2::default().ignore_case();
        let query = self.filter.trim();
        let mut scored: Vec<(u8, i64, usize)> = study
            .catalog
            .entities
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let score = if query.is_empty() {
                    study.mention_count(i) as i64
                } else {
                    e.names()
                        .filter_map(|n| matcher.fuzzy_match(n, query))
                        .max()?
                };
                Some((kind_index(&e.kind), score, i))
            })
            .collect();
        if !query.is_empty() {
            // Scattered subsequence matches score far below real ones: drop
            // them, and put the kind with the best match first.
            let best = scored.iter().map(|s| s.1).max().unwrap_or(0);
            scored.retain(|s| s.1 * 2 >= best);
            let mut kinds: Vec<(u8, i64)> = Vec::new();
            for &(k, score, _) in &scored {
                match kinds.iter_mut().find(|(kind, _)| *kind == k) {
                    Some((_, b)) => *b = (*b).max(score),
                    None => kinds.push((k, score)),
                }
            }
            kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for s in &mut scored {
                s.0 = kinds.iter().position(|(k, _)| *k == s.0).unwrap_or(0) as u8;
            }
        }
        scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        self.rows = scored.into_iter().map(|(_, _, i)| i).collect();
        self.sel.set_len(self.rows.len());
        self.sel.first();
    }

    pub fn selected_entity(&self) -> Option<usize> {
        self.sel.selected().map(|i| self.rows[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Catalog;
    use crate::model::Meta;

    #[test]
    fn filter_narrows_and_keeps_kind_groups() {
        let toml = r#"
[[entity]]
id = "dhc"
kind = "firm"
name = "Dalian Hi-Think Computer Technology"
aliases = ["DHC"]
description = "x"

[[entity]]
id = "liu-jun"
kind = "person"
name = "Liu Jun"
description = "x"

[[entity]]
id = "neusoft"
kind = "firm"
name = "Neusoft"
description = "x"
"#;
        let catalog = Catalog::parse(std::path::Path::new("e.toml"), toml).unwrap();
        let meta = Meta {
            id: "t".into(),
            title: "t".into(),
            authors: vec![],
            year: None,
            series: None,
            source: None,
        };
        let study = Study::assemble(
            meta,
            crate::testing::synthetic_doc(1, 1, 3),
            Some(catalog),
            vec![],
        );
        let mut list = EntityList::new(&study);
        assert_eq!(list.rows.len(), 3);
        list.filter = "dhc".into();
        list.refilter(&study);
        assert_eq!(list.rows, vec![0]);
        list.filter = "liu".into();
        list.refilter(&study);
        assert_eq!(list.selected_entity(), Some(1));
    }
}
