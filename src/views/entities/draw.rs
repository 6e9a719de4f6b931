//! The entities list, grouped by kind, with its filter line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::EntityList;
use crate::app::state::App;
use crate::keymap::Mode;
use crate::study::kind_tag;
use crate::ui::text::owned;
use crate::ui::theme::Theme;
use crate::ui::{popup, rows};
use crate::views::footer;
use crate::views::links::Link;
use crate::views::side::draw::link_line;

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, list: &EntityList, theme: Theme) {
    let outer = popup::centered(area, 80, area.height.saturating_sub(2));
    let title = format!(
        "Entities ({} of {})",
        list.rows.len(),
        app.study.catalog.len()
    );
    let footer = footer(app, Mode::Entities, Some("type to filter"));
    let inner = popup::frame(outer, buf, &title, Some(&footer), theme);
    let Some(body) = rows::query_line(inner, buf, "filter: ", &list.filter, theme) else {
        return;
    };
    // Rows with a heading before each kind.
    let study = app.study;
    let mut lines: Vec<(Option<usize>, Line)> = Vec::new();
    let mut kind = "";
    for (i, &e) in list.rows.iter().enumerate() {
        let k = kind_tag(&study.catalog.entities[e].kind);
        if k != kind {
            kind = k;
            lines.push((None, Line::from(owned(&plural(k), theme.heading(2)))));
        }
        lines.push((
            Some(i),
            link_line(app, &Link::Entity(e), body.width as usize, theme),
        ));
    }
    if lines.is_empty() {
        rows::message(body, buf, "No entity matches", Style::new());
    }
    rows::draw(body, buf, &lines, Some(list.sel.index), theme.selected());
}

fn plural(kind: &str) -> String {
    match kind {
        "person" => "People".into(),
        "org" => "Organisations".into(),
        "firm" => "Firms".into(),
        "place" => "Places".into(),
        other => {
            let mut s = other.to_string();
            if let Some(first) = s.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            s
        }
    }
}
