//! The entities list, grouped by kind, with its filter line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use crate::app::entity_list::EntityList;
use crate::app::links::Link;
use crate::app::state::App;
use crate::study::kind_tag;
use crate::ui::popup;
use crate::ui::side::link_line;
use crate::ui::text::owned;
use crate::ui::theme::Theme;

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, list: &EntityList, theme: Theme) {
    let outer = popup::centered(area, 80, area.height.saturating_sub(2));
    let title = format!(
        "Entities ({} of {})",
        list.rows.len(),
        app.study.catalog.len()
    );
    let inner = popup::frame(
        outer,
        buf,
        &title,
        Some("type to filter · Enter open · Esc close"),
        theme,
    );
    if inner.height < 2 {
        return;
    }
    let prompt = Line::from(vec![
        owned("filter: ", theme.dim()),
        owned(&list.filter, theme.key()),
        owned("▏", theme.dim()),
    ]);
    buf.set_line(inner.x, inner.y, &prompt, inner.width);
    let body = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    // Rows with a heading before each kind.
    let study = app.study;
    let mut rows: Vec<(Option<usize>, Line)> = Vec::new();
    let mut kind = "";
    for (i, &e) in list.rows.iter().enumerate() {
        let k = kind_tag(&study.catalog.entities[e].kind);
        if k != kind {
            kind = k;
            rows.push((None, Line::from(owned(&plural(k), theme.heading(2)))));
        }
        rows.push((
            Some(i),
            link_line(app, &Link::Entity(e), body.width as usize, theme),
        ));
    }
    let sel_row = rows
        .iter()
        .position(|(i, _)| *i == Some(list.sel.index))
        .unwrap_or(0);
    let height = body.height as usize;
    let first = sel_row.saturating_sub(height.saturating_sub(1));
    for (row, (index, line)) in rows.iter().skip(first).take(height).enumerate() {
        let y = body.y + row as u16;
        buf.set_line(body.x, y, line, body.width);
        if *index == Some(list.sel.index) {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..body
                },
                theme.selected(),
            );
        }
    }
    if rows.is_empty() {
        buf.set_line(
            body.x,
            body.y,
            &Line::from(owned("No entity matches", Style::new())),
            body.width,
        );
    }
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
