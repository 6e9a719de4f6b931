//! The library view: a filter line, a table of case studies, and the
//! library's most mentioned entities with a sparkline over its case studies.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::LibraryView;
use crate::app::state::{App, ShelfState};
use crate::charts::spark;
use crate::keymap::Mode;
use crate::library::shelf::{Row, Shelf};
use crate::ui::text::{owned, truncate};
use crate::ui::theme::Theme;
use crate::ui::{popup, rows};
use crate::views::footer;

/// Widths of the fixed columns: year, passages, entities, notes, last read.
const NUMBERS: usize = 4 + 1 + 8 + 1 + 8 + 1 + 5 + 1 + 10;
/// The authors column, shown when the title keeps at least [`TITLE_MIN`].
const AUTHORS: usize = 18;
const TITLE_MIN: usize = 24;

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, view: &LibraryView, theme: Theme) {
    let outer = popup::centered(area, 120, area.height.saturating_sub(2));
    let shelf = app.shelf.ready();
    let title = match shelf {
        Some(shelf) => format!(
            "Library ({} of {}, by {})",
            view.rows.len(),
            shelf.members.len(),
            view.sort.label()
        ),
        None => "Library".to_string(),
    };
    let footer = footer(app, Mode::Library, Some("type to filter"));
    let inner = popup::frame(outer, buf, &title, Some(&footer), theme);
    let Some(body) = rows::query_line(inner, buf, "filter: ", &view.filter, theme) else {
        return;
    };
    let Some(shelf) = shelf else {
        let why = match &app.shelf {
            ShelfState::Loading(Some(p)) => format!(
                "Indexing the library: {} of {} case studies…",
                p.done, p.total
            ),
            ShelfState::Failed(why) => format!("The library could not be opened: {why}"),
            _ => "Loading the library…".to_string(),
        };
        rows::message(body, buf, &why, theme.dim());
        return;
    };
    // The most mentioned entities take the foot when there is room.
    let top = top_entities(shelf, (body.height as usize).saturating_sub(8) / 3);
    let foot = if top.is_empty() {
        0
    } else {
        top.len() as u16 + 2
    };
    let list = Rect {
        height: body.height - foot,
        ..body
    };
    let width = list.width as usize;
    let with_authors = width >= NUMBERS + AUTHORS + TITLE_MIN + 2;
    let title_width = width
        .saturating_sub(NUMBERS + 1)
        .saturating_sub(if with_authors { AUTHORS + 1 } else { 0 });
    let mut lines: Vec<(Option<usize>, Line)> = vec![(
        None,
        Line::from(owned(
            &columns(
                "Title",
                "Authors",
                ["Year", "Passages", "Entities", "Notes", "Last read"],
                title_width,
                with_authors,
            ),
            theme.dim(),
        )),
    )];
    for (i, &m) in view.rows.iter().enumerate() {
        let row = &shelf.rows[m];
        lines.push((
            Some(i),
            Line::from(owned(
                &table_row(row, shelf, title_width, with_authors),
                Style::new(),
            )),
        ));
    }
    if view.rows.is_empty() {
        lines.push((
            None,
            Line::from(owned("No case study matches", theme.dim())),
        ));
    }
    rows::draw(list, buf, &lines, Some(view.sel.index), theme.selected());
    if foot > 0 {
        let at = Rect {
            y: list.y + list.height,
            height: foot,
            ..body
        };
        draw_top(at, buf, shelf, &top, theme);
    }
}

fn columns(
    title: &str,
    authors: &str,
    numbers: [&str; 5],
    title_width: usize,
    with_authors: bool,
) -> String {
    let [year, passages, entities, notes, last] = numbers;
    let mut line = format!("{:<title_width$} ", truncate(title, title_width));
    if with_authors {
        line.push_str(&format!("{:<AUTHORS$} ", truncate(authors, AUTHORS)));
    }
    line.push_str(&format!(
        "{year:>4} {passages:>8} {entities:>8} {notes:>5} {last:>10}"
    ));
    line
}

fn table_row(row: &Row, shelf: &Shelf, title_width: usize, with_authors: bool) -> String {
    let authors = match row.authors.as_slice() {
        [] => String::new(),
        [one] => surname(one).to_string(),
        [a, b] => format!("{} and {}", surname(a), surname(b)),
        [a, ..] => format!("{} et al.", surname(a)),
    };
    let title = if row.title.is_empty() {
        &row.id
    } else {
        &row.title
    };
    columns(
        title,
        &authors,
        [
            &row.year.map_or_else(|| "–".into(), |y| y.to_string()),
            &row.passages.to_string(),
            &row.entities.to_string(),
            &row.notes.to_string(),
            &last_read(shelf.last_read(&row.id)),
        ],
        title_width,
        with_authors,
    )
}

fn surname(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

/// The day a case study was last opened, or a dash.
fn last_read(at: Option<i64>) -> String {
    at.and_then(|s| jiff::Timestamp::from_second(s).ok())
        .map_or_else(|| "–".into(), |t| t.strftime("%Y-%m-%d").to_string())
}

/// The library entities mentioned most, at most `n`, that more than one
/// case study mentions when there are such.
fn top_entities(shelf: &Shelf, n: usize) -> Vec<usize> {
    let entities = &shelf.gathered.entities;
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| {
        let (ea, eb) = (&entities[a], &entities[b]);
        (eb.cases.len() > 1)
            .cmp(&(ea.cases.len() > 1))
            .then(eb.mentions.cmp(&ea.mentions))
            .then(a.cmp(&b))
    });
    order.truncate(n);
    order
}

fn draw_top(area: Rect, buf: &mut Buffer, shelf: &Shelf, top: &[usize], theme: Theme) {
    let heading = "Most mentioned across the library (mentions · case studies · spread)";
    buf.set_line(
        area.x,
        area.y + 1,
        &Line::from(owned(heading, theme.heading(2))),
        area.width,
    );
    let glyphs = if theme.ascii {
        spark::Glyphs::Ascii
    } else {
        spark::Glyphs::Unicode
    };
    let width = area.width as usize;
    for (row, &e) in top.iter().enumerate() {
        let entity = &shelf.gathered.entities[e];
        // One cell per case study, in the library's order.
        let per_case: Vec<u32> = shelf
            .members
            .iter()
            .map(|m| {
                entity
                    .cases
                    .iter()
                    .filter(|a| a.case == m.id())
                    .map(|a| a.mentions)
                    .sum()
            })
            .collect();
        let label = format!(
            "{} · {} · {:>4} · {:>3}  ",
            entity.name,
            entity.kind,
            entity.mentions,
            entity.cases.len()
        );
        let label = truncate(&label, width.saturating_sub(12).max(12));
        let room = width.saturating_sub(label.chars().count()).max(1);
        let mut cells = per_case;
        while cells.len() > room {
            cells = spark::halve(&cells);
        }
        let line = Line::from(vec![
            owned(&label, Style::new()),
            owned(&spark::render(&cells, glyphs), theme.dim()),
        ]);
        buf.set_line(area.x, area.y + 2 + row as u16, &line, area.width);
    }
}
