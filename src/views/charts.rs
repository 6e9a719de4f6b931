//! The charts view over the whole screen but the bars: the paper's series
//! and timeline, a point at a time, each point one key from its passage;
//! and the most mentioned entities, each row one key from its card.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::list::Selection;
use crate::app::state::App;
use crate::charts::spark::Glyphs;
use crate::charts::{ChartsFocus, ChartsState};
use crate::keymap::{Action, Mode};
use crate::ui::charts::{ChartsView, EntityCounts};
use crate::ui::popup;
use crate::ui::theme::Theme;
use crate::views::{
    self, footer, footer_of, hint, list_page, move_selection, Handled, Hint, Overlay,
};

pub const HANDLES: &[Action] = &[
    Action::NextChart,
    Action::PrevChart,
    Action::SelectDown,
    Action::SelectUp,
    Action::NextHit,
    Action::PrevHit,
    Action::Open,
    Action::Close,
    Action::Cancel,
    Action::OpenCharts,
    Action::SwitchPane,
    Action::SelectPageDown,
    Action::SelectPageUp,
    Action::SelectFirst,
    Action::SelectLast,
];

pub const HINTS: &[Hint] = &[
    hint(&[Action::PrevChart, Action::NextChart], "chart"),
    hint(&[Action::SelectDown, Action::SelectUp], "point"),
    hint(&[Action::NextHit, Action::PrevHit], "passage"),
    hint(&[Action::Open], "go"),
    hint(&[Action::SwitchPane], "entities"),
    hint(&[Action::Close], "close"),
];

/// The footer while "Most mentioned" has the focus.
const LIST_HINTS: &[Hint] = &[
    hint(&[Action::SelectDown, Action::SelectUp], "entity"),
    hint(&[Action::Open], "card"),
    hint(&[Action::SwitchPane], "chart"),
    hint(&[Action::Close], "close"),
];

pub fn open(app: &mut App) {
    let study = app.study;
    let mut state = ChartsState::new(&study.timeline, &study.series, &study.doc);
    state.mentioned = Selection::new(study.catalog.len());
    app.overlays.push(Overlay::Charts(state));
    // The paper's figures that no series draws are said so, not left out
    // without a word.
    let figures = &study.links.figures;
    let charted: Vec<usize> = study
        .series
        .iter()
        .filter_map(|s| s.figure_in(figures))
        .collect();
    let missing: Vec<String> = figures
        .iter()
        .enumerate()
        .filter(|(f, figure)| figure.number.is_some() && !charted.contains(f))
        .map(|(_, figure)| figure.name())
        .collect();
    if !missing.is_empty() {
        app.message = Some(format!(
            "No chart for {} (no numbers in the text)",
            missing.join(", ")
        ));
    }
}

/// The charts view showing series `series` (a figure's link to its numbers).
pub fn open_at(app: &mut App, series: usize) {
    open(app);
    if let Some(Overlay::Charts(state)) = app.overlays.last_mut() {
        // Chart 0 is the timeline; the series follow.
        state.select_chart(series + 1);
    }
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let page = list_page(app);
    let study = app.study;
    let Some(Overlay::Charts(state)) = app.overlays.last_mut() else {
        return Handled::Not;
    };
    if state.focus == ChartsFocus::Mentioned {
        if move_selection(&mut state.mentioned, action, page) {
            return Handled::Done;
        }
        if action == Action::Open {
            // The same card the entities list opens; Esc comes back here.
            let row = state.mentioned.selected();
            if let Some(e) = row.and_then(|row| study.most_mentioned().get(row).copied()) {
                views::entity::open(app, e);
            }
            return Handled::Done;
        }
    }
    match action {
        Action::SwitchPane => state.switch_focus(),
        Action::NextChart => state.next_chart(),
        Action::PrevChart => state.prev_chart(),
        Action::SelectDown => state.next_point(),
        Action::SelectUp => state.prev_point(),
        // Paging and the ends move in the "Most mentioned" rows only.
        Action::SelectPageDown
        | Action::SelectPageUp
        | Action::SelectFirst
        | Action::SelectLast => {}
        Action::NextHit => state.next_target(),
        Action::PrevHit => state.prev_target(),
        Action::Open => {
            if let Some(p) = state.selected_target() {
                app.overlays.pop();
                app.jump_to_passage(p);
            }
        }
        Action::Close | Action::Cancel | Action::OpenCharts => {
            app.overlays.pop();
        }
        _ => return Handled::Not,
    }
    Handled::Done
}

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, state: &ChartsState, theme: Theme) {
    let study = app.study;
    let outer = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    let footer = match state.focus {
        ChartsFocus::Chart => footer(app, Mode::Charts, None),
        ChartsFocus::Mentioned => footer_of(app, Mode::Charts, None, LIST_HINTS),
    };
    let inner = popup::frame(outer, buf, "Charts", Some(&footer), theme);
    let entities: Vec<EntityCounts> = study
        .most_mentioned()
        .into_iter()
        .map(|i| EntityCounts {
            name: study.catalog.entities[i].name.clone(),
            mentions: study.mention_count(i),
            passages: study.sparks.get(i).cloned().unwrap_or_default(),
        })
        .collect();
    ChartsView {
        doc: &study.doc,
        timeline: &study.timeline,
        series: &study.series,
        entities: &entities,
        state,
        glyphs: if theme.ascii {
            Glyphs::Ascii
        } else {
            Glyphs::Unicode
        },
    }
    .render(inner, buf);
}
