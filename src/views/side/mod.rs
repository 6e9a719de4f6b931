//! The side pane: what the focused passage links to (entities, footnotes,
//! citations, citing passages, notes). With the keys (Tab) its rows can be
//! selected and followed; keys it does not bind work as in the reader.

pub mod draw;

use crate::app::state::App;
use crate::keymap::Action;
use crate::views::links::{self, Link};
use crate::views::{move_selection, Handled};

pub const HANDLES: &[Action] = list_view_handles![Open];

pub fn update(app: &mut App, action: Action) -> Handled {
    let here = links::here(app);
    app.side.set_len(here.len());
    if move_selection(&mut app.side, action, 5) {
        if let Some(Link::Entity(e)) = app.side.selected().map(|i| &here[i]) {
            app.current_entity = Some(*e);
        }
        return Handled::Done;
    }
    if action != Action::Open {
        return Handled::Not;
    }
    match app.side.selected() {
        Some(i) => links::follow(app, here[i].clone()),
        None => app.message = Some("Nothing to follow here".into()),
    }
    Handled::Done
}
