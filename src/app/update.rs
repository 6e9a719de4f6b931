//! The one entry point that changes state: an action in the current mode.

use crate::app::entity_list::EntityList;
use crate::app::links::Link;
use crate::app::list::Selection;
use crate::app::notes;
use crate::app::overlay_update::list_overlay;
use crate::app::search;
use crate::app::state::{App, Focus, Overlay, PeekTarget};
use crate::charts::ChartsState;
use crate::keymap::{Action, Mode};

/// I/O the caller performs after an update; `update` itself never touches
/// files or the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Commit the notebook to the store; say "saved" only when durable.
    SaveNotes,
    /// The editor was closed without saving: forget any recovered draft.
    DiscardDraft,
}

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    app.message = None;
    match app.mode() {
        Mode::Side if side(app, action) => None,
        Mode::Reader | Mode::Side => reader(app, action),
        Mode::Help => help(app, action),
        Mode::Links | Mode::Entities | Mode::Entity | Mode::Charts => {
            if action == Action::Quit {
                return quit(app);
            }
            if action == Action::OpenHelp {
                app.overlays.push(Overlay::Help { scroll: 0 });
            } else {
                list_overlay(app, action);
            }
            None
        }
        Mode::Toc => toc(app, action),
        Mode::Search => {
            match action {
                Action::OpenHelp => app.overlays.push(Overlay::Help { scroll: 0 }),
                _ => search::search(app, action),
            }
            None
        }
        Mode::Notes => notes::notes_list(app, action),
        Mode::Editor => notes::editor(app, action),
        Mode::Confirm => notes::confirm(app, action),
        Mode::Peek => peek(app, action),
    }
}

/// Actions that work the same in the reading pane and the side pane.
fn reader(app: &mut App, action: Action) -> Option<Effect> {
    match action {
        Action::Quit => {
            app.quit = true;
            return Some(Effect::Quit);
        }
        Action::NextPassage => app.step_passage(true),
        Action::PrevPassage => app.step_passage(false),
        Action::LineDown => app.scroll_lines(true, 1),
        Action::LineUp => app.scroll_lines(false, 1),
        Action::PageDown => app.page(true, 1),
        Action::PageUp => app.page(false, 1),
        Action::HalfPageDown => app.page(true, 2),
        Action::HalfPageUp => app.page(false, 2),
        Action::GoToTop => app.go_to_end(false),
        Action::GoToBottom => app.go_to_end(true),
        Action::NextSection => app.step_section(true),
        Action::PrevSection => app.step_section(false),
        Action::JumpBack => app.jump_back(),
        Action::JumpForward => app.jump_forward(),
        Action::SwitchPane => {
            app.focus = match app.focus {
                Focus::Reader => Focus::Side,
                Focus::Side => Focus::Reader,
            };
            // The folded side pane changes which pane has the text's size.
            let area = app.area;
            app.resize(area);
        }
        Action::OpenHelp => app.overlays.push(Overlay::Help { scroll: 0 }),
        Action::Open => {
            if app.links_here().is_empty() {
                app.message = Some("Nothing to follow here".into());
            } else {
                app.overlays.push(Overlay::Links(Selection::new(0)));
            }
        }
        Action::Peek => peek_first(app),
        Action::OpenEntities => app
            .overlays
            .push(Overlay::Entities(EntityList::new(app.study))),
        Action::OpenCharts => {
            let study = app.study;
            app.overlays.push(Overlay::Charts(ChartsState::new(
                &study.timeline,
                &study.series,
                &study.doc,
            )));
        }
        Action::Annotate => app.annotate(),
        Action::OpenSearch => app.open_search(),
        Action::NextHit => app.step_hit(true),
        Action::PrevHit => app.step_hit(false),
        Action::OpenNotes => app.open_notes(),
        Action::NextMention => app.step_mention(true),
        Action::PrevMention => app.step_mention(false),
        Action::OpenToc => {
            let mut sel = Selection::new(app.study.doc.sections.len());
            if let Some(s) = app
                .study
                .outline
                .section_of(&app.study.doc, app.view.cursor)
            {
                sel.index = s;
            }
            app.overlays.push(Overlay::Toc(sel));
        }
        Action::Close => {
            app.text_hits = None;
            if app.focus == Focus::Side {
                app.focus = Focus::Reader;
                let area = app.area;
                app.resize(area);
            }
        }
        _ => {}
    }
    None
}

/// The side pane's own keys (list moves and following); false if the
/// action is one the reader handles.
fn side(app: &mut App, action: Action) -> bool {
    let links = app.links_here();
    app.side.set_len(links.len());
    if move_selection(&mut app.side, action, 5) {
        if let Some(Link::Entity(e)) = app.side.selected().map(|i| &links[i]) {
            app.current_entity = Some(*e);
        }
        return true;
    }
    if action == Action::Open {
        match app.side.selected() {
            Some(i) => app.follow(links[i].clone()),
            None => app.message = Some("Nothing to follow here".into()),
        }
        return true;
    }
    false
}

/// Peeks at the focused passage's first footnote or resolved citation.
fn peek_first(app: &mut App) {
    let target = app.links_here().into_iter().find_map(|l| match l {
        Link::Footnote(f) => Some(PeekTarget::Footnote(f)),
        Link::Citation(c) => app.study.links.citations[c]
            .reference
            .map(PeekTarget::Reference),
        _ => None,
    });
    match target {
        Some(t) => app.overlays.push(Overlay::Peek(t)),
        None => app.message = Some("No footnote or citation here".into()),
    }
}

fn help(app: &mut App, action: Action) -> Option<Effect> {
    let Some(Overlay::Help { scroll }) = app.overlays.last_mut() else {
        return None;
    };
    match action {
        Action::SelectDown | Action::NextPassage | Action::LineDown => *scroll += 1,
        Action::SelectUp | Action::PrevPassage | Action::LineUp => {
            *scroll = scroll.saturating_sub(1)
        }
        Action::PageDown | Action::SelectPageDown => *scroll += 10,
        Action::PageUp | Action::SelectPageUp => *scroll = scroll.saturating_sub(10),
        Action::SelectFirst | Action::GoToTop => *scroll = 0,
        Action::Close | Action::OpenHelp | Action::Cancel => {
            app.overlays.pop();
        }
        Action::Quit => return quit(app),
        _ => {}
    }
    None
}

fn quit(app: &mut App) -> Option<Effect> {
    app.quit = true;
    Some(Effect::Quit)
}

/// List moves shared by every list overlay; true if the action was one.
pub fn move_selection(sel: &mut Selection, action: Action, page: usize) -> bool {
    match action {
        Action::SelectDown | Action::NextPassage => sel.by(1),
        Action::SelectUp | Action::PrevPassage => sel.by(-1),
        Action::SelectPageDown | Action::PageDown => sel.by(page as isize),
        Action::SelectPageUp | Action::PageUp => sel.by(-(page as isize)),
        Action::SelectFirst | Action::GoToTop => sel.first(),
        Action::SelectLast | Action::GoToBottom => sel.last(),
        _ => return false,
    }
    true
}

fn toc(app: &mut App, action: Action) -> Option<Effect> {
    let page = app.area.height.saturating_sub(4) as usize;
    let Some(Overlay::Toc(sel)) = app.overlays.last_mut() else {
        return None;
    };
    if move_selection(sel, action, page) {
        return None;
    }
    match action {
        Action::Open => {
            let section = sel.selected();
            app.overlays.pop();
            if let Some(s) = section {
                app.jump_to_section(s);
            }
        }
        Action::Close | Action::OpenToc | Action::Cancel => {
            app.overlays.pop();
        }
        Action::Quit => return quit(app),
        _ => {}
    }
    None
}

fn peek(app: &mut App, action: Action) -> Option<Effect> {
    let Some(&Overlay::Peek(target)) = app.overlays.last() else {
        return None;
    };
    match action {
        Action::Open => {
            app.overlays.pop();
            let outline = &app.study.outline;
            let item = match target {
                PeekTarget::Footnote(f) => outline.of_footnote(f),
                PeekTarget::Reference(r) => outline.of_reference(r),
            };
            app.jump_to(item);
        }
        Action::Close | Action::Cancel => {
            app.overlays.pop();
        }
        Action::Quit => return quit(app),
        _ => {}
    }
    None
}
