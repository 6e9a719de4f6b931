//! The charts view over the whole screen but the bars.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::state::App;
use crate::charts::spark::Glyphs;
use crate::charts::ChartsState;
use crate::ui::charts::ChartsView;
use crate::ui::popup;
use crate::ui::theme::Theme;

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, state: &ChartsState, theme: Theme) {
    let study = app.study;
    let outer = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    let inner = popup::frame(
        outer,
        buf,
        "Charts",
        Some("h/l chart · j/k point · n/N passage · Enter go · Esc close"),
        theme,
    );
    let entities: Vec<(String, Vec<u32>)> = study
        .catalog
        .entities
        .iter()
        .zip(&study.sparks)
        .map(|(e, counts)| (e.name.clone(), counts.clone()))
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
