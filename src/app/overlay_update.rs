//! Updates for the list-like overlays: links menu, entities list, entity
//! view and charts. Each takes the action in its own mode.

use crate::app::entity::EntityRow;
use crate::app::links::Link;
use crate::app::state::{App, Overlay};
use crate::app::update::move_selection;
use crate::entities::Place;
use crate::keymap::Action;

/// What an overlay asks for, done once its own borrow has ended.
enum Then {
    Nothing,
    Pop,
    PopAnd(Step),
    Do(Step),
}

enum Step {
    Follow(Link),
    OpenEntity(usize),
    /// Close every overlay and go to the place.
    GoTo(Place),
    GoToPassage(usize),
    /// Close every overlay and step to the next (true) or previous mention.
    Mention(bool),
    /// Close every overlay and go back in the jump list.
    Back,
}

impl Step {
    fn run(self, app: &mut App) {
        match self {
            Step::Follow(link) => app.follow(link),
            Step::OpenEntity(e) => app.open_entity(e),
            Step::GoTo(place) => {
                app.overlays.clear();
                let outline = &app.study.outline;
                let item = match place {
                    Place::Passage(p) => outline.of_passage(p),
                    Place::Footnote(f) => outline.of_footnote(f),
                };
                app.jump_to(item);
            }
            Step::GoToPassage(p) => app.jump_to_passage(p),
            Step::Mention(forward) => {
                app.overlays.clear();
                app.step_mention(forward);
            }
            Step::Back => {
                app.overlays.clear();
                app.jump_back();
            }
        }
    }
}

pub fn list_overlay(app: &mut App, action: Action) {
    let page = app.area.height.saturating_sub(6).max(1) as usize;
    let links = app.links_here();
    let study = app.study;
    let Some(top) = app.overlays.last_mut() else {
        return;
    };
    let then = match top {
        Overlay::Links(sel) => {
            sel.set_len(links.len());
            if move_selection(sel, action, page) {
                Then::Nothing
            } else {
                match (action, sel.selected()) {
                    (Action::Open, Some(i)) => Then::PopAnd(Step::Follow(links[i].clone())),
                    (Action::Close | Action::Cancel | Action::Open, _) => Then::Pop,
                    _ => Then::Nothing,
                }
            }
        }
        Overlay::Entities(list) => {
            if move_selection(&mut list.sel, action, page) {
                Then::Nothing
            } else {
                match action {
                    Action::Open => match list.selected_entity() {
                        Some(e) => Then::Do(Step::OpenEntity(e)),
                        None => Then::Nothing,
                    },
                    Action::ClearFilter => {
                        list.filter.clear();
                        list.refilter(study);
                        Then::Nothing
                    }
                    Action::Close | Action::Cancel => Then::Pop,
                    _ => Then::Nothing,
                }
            }
        }
        Overlay::Entity(view) => {
            if move_selection(&mut view.sel, action, page) {
                Then::Nothing
            } else {
                let row = view.sel.selected().map(|i| view.rows[i].clone());
                match (action, row) {
                    (Action::Open, Some(EntityRow::Relation(_, Some(e), _)))
                    | (Action::Open, Some(EntityRow::CoMention(e, _))) => {
                        Then::Do(Step::OpenEntity(e))
                    }
                    (Action::Open, Some(EntityRow::Mention(place, _))) => {
                        Then::Do(Step::GoTo(place))
                    }
                    (Action::NextMention, _) => Then::Do(Step::Mention(true)),
                    (Action::PrevMention, _) => Then::Do(Step::Mention(false)),
                    (Action::JumpBack, _) => Then::Do(Step::Back),
                    (Action::Close | Action::Cancel, _) => Then::Pop,
                    _ => Then::Nothing,
                }
            }
        }
        Overlay::Charts(state) => match action {
            Action::NextChart => {
                state.next_chart();
                Then::Nothing
            }
            Action::PrevChart => {
                state.prev_chart();
                Then::Nothing
            }
            Action::SelectDown => {
                state.next_point();
                Then::Nothing
            }
            Action::SelectUp => {
                state.prev_point();
                Then::Nothing
            }
            Action::NextHit => {
                state.next_target();
                Then::Nothing
            }
            Action::PrevHit => {
                state.prev_target();
                Then::Nothing
            }
            Action::Open => match state.selected_target() {
                Some(p) => Then::PopAnd(Step::GoToPassage(p)),
                None => Then::Nothing,
            },
            Action::Close | Action::Cancel | Action::OpenCharts => Then::Pop,
            _ => Then::Nothing,
        },
        _ => Then::Nothing,
    };
    match then {
        Then::Nothing => {}
        Then::Pop => {
            app.overlays.pop();
        }
        Then::PopAnd(step) => {
            app.overlays.pop();
            step.run(app);
        }
        Then::Do(step) => step.run(app),
    }
}
