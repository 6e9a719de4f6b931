//! The charts view over the whole screen but the bars: the paper's series
//! and timeline, a point at a time, each point one key from its passage.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::state::App;
use crate::charts::spark::Glyphs;
use crate::charts::ChartsState;
use crate::keymap::{Action, Mode};
use crate::ui::charts::{ChartsView, EntityCounts};
use crate::ui::popup;
use crate::ui::theme::Theme;
use crate::views::{footer, hint, Handled, Hint, Overlay};

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
];

pub const HINTS: &[Hint] = &[
    hint(&[Action::PrevChart, Action::NextChart], "chart"),
    hint(&[Action::SelectDown, Action::SelectUp], "point"),
    hint(&[Action::NextHit, Action::PrevHit], "passage"),
    hint(&[Action::Open], "go"),
    hint(&[Action::Close], "close"),
];

pub fn open(app: &mut App) {
    let study = app.study;
    let state = ChartsState::new(&study.timeline, &study.series, &study.doc);
    app.overlays.push(Overlay::Charts(state));
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let Some(Overlay::Charts(state)) = app.overlays.last_mut() else {
        return Handled::Not;
    };
    match action {
        Action::NextChart => state.next_chart(),
        Action::PrevChart => state.prev_chart(),
        Action::SelectDown => state.next_point(),
        Action::SelectUp => state.prev_point(),
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
    let footer = footer(app, Mode::Charts, None);
    let inner = popup::frame(outer, buf, "Charts", Some(&footer), theme);
    let entities: Vec<EntityCounts> = study
        .catalog
        .entities
        .iter()
        .zip(&study.sparks)
        .enumerate()
        .map(|(i, (e, passages))| EntityCounts {
            name: e.name.clone(),
            mentions: study.mention_count(i),
            passages: passages.clone(),
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
