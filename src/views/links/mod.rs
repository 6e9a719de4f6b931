//! Links of the focused item (the side pane's rows) and the links menu
//! that Enter opens over the text to choose one to follow.

pub mod draw;

use crate::app::list::Selection;
use crate::app::state::App;
use crate::entities::Place;
use crate::keymap::Action;
use crate::reader::outline::Item;
use crate::views::peek::PeekTarget;
use crate::views::{self, hint, list_page, move_selection, Handled, Hint, Overlay};

pub const HANDLES: &[Action] = list_view_handles![Open, Close, Cancel];

pub const HINTS: &[Hint] = &[
    hint(&[Action::Open], "follow"),
    hint(&[Action::Close], "close"),
];
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
    /// A figure the text points at ("Figure 2"), by index into `Links::figures`.
    Figure(usize),
    /// The chart of a series drawn in a figure, by index into the series.
    Chart(usize),
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
            Link::Figure(_) => "Figures",
            Link::Chart(_) => "Charts",
        }
    }
}

/// Links of the focused item, grouped (entities, footnotes, citations,
/// citing passages, notes), each group in text order.
pub fn here(app: &App) -> Vec<Link> {
    let study = app.study;
    let mut links = Vec::new();
    let place = match app.cursor_item() {
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
        // The figures the text points at, then the charts of their numbers
        // (and of the figure itself, on a figure passage).
        let mut figures: Vec<usize> = Vec::new();
        for f in study
            .links
            .figure_links_in(place)
            .iter()
            .filter_map(|l| l.figure)
        {
            if !figures.contains(&f) {
                figures.push(f);
            }
        }
        links.extend(figures.iter().map(|&f| Link::Figure(f)));
        if let Place::Passage(p) = place {
            figures.extend(study.links.figure_at(p));
        }
        let figures_of = |s: &crate::charts::series::Series| s.figure_in(&study.links.figures);
        links.extend(
            study
                .series
                .iter()
                .enumerate()
                .filter(|(_, s)| figures_of(s).is_some_and(|f| figures.contains(&f)))
                .map(|(i, _)| Link::Chart(i)),
        );
    }
    if let Some(Item::Reference(r)) = app.cursor_item() {
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
    if let Some(p) = app.cursor_passage() {
        links.extend(
            app.notebook
                .notes_for_passage(p)
                .into_iter()
                .map(|(n, _)| Link::Note(n.id.clone())),
        );
    }
    links
}

/// Follows a link: entities open their card, footnotes and references
/// open as a peek, passages are jumped to, notes open in the editor.
pub fn follow(app: &mut App, link: Link) {
    match link {
        Link::Entity(e) => views::entity::open(app, e),
        Link::Footnote(f) => views::peek::open(app, PeekTarget::Footnote(f)),
        Link::Citation(c) => match app.study.links.citations[c].reference {
            Some(r) => views::peek::open(app, PeekTarget::Reference(r)),
            None => {
                app.message = Some(format!(
                    "No reference matches “{}”",
                    app.study.links.citations[c].text(&app.study.doc)
                ))
            }
        },
        Link::Passage(p) => app.jump_to_passage(p),
        Link::Note(id) => views::editor::edit_note(app, &id),
        Link::Figure(f) => app.jump_to_passage(app.study.links.figures[f].passage),
        Link::Chart(s) => views::charts::open_at(app, s),
    }
}

/// Enter in the reader: the menu of the focused item's links.
pub fn open_menu(app: &mut App) {
    if here(app).is_empty() {
        app.message = Some("Nothing to follow here".into());
    } else {
        app.overlays.push(Overlay::Links(Selection::new(0)));
    }
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let page = list_page(app);
    let links = here(app);
    let Some(Overlay::Links(sel)) = app.overlays.last_mut() else {
        return Handled::Not;
    };
    sel.set_len(links.len());
    if move_selection(sel, action, page) {
        return Handled::Done;
    }
    let chosen = sel.selected().map(|i| links[i].clone());
    match action {
        Action::Open => {
            app.overlays.pop();
            if let Some(link) = chosen {
                follow(app, link);
            }
        }
        Action::Close | Action::Cancel => {
            app.overlays.pop();
        }
        _ => return Handled::Not,
    }
    Handled::Done
}
