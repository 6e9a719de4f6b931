//! An entity's view: card on top, then relations, co-mentions and mentions.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::{EntityRow, EntityView};
use crate::app::state::{App, ShelfState};
use crate::charts::spark;
use crate::entities::Place;
use crate::keymap::Mode;
use crate::reader::wrap::wrap;
use crate::study::{kind_index, kind_tag};
use crate::ui::text::{owned, styled, truncate};
use crate::ui::theme::{Mark, Theme};
use crate::ui::{popup, rows};
use crate::views::footer;

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, view: &EntityView, theme: Theme) {
    let study = app.study;
    let entity = &study.catalog.entities[view.entity];
    let outer = popup::centered(area, 100, area.height.saturating_sub(2));
    let title = format!("{} · {}", entity.name, kind_tag(&entity.kind));
    let footer = footer(app, Mode::Entity, None);
    let inner = popup::frame(outer, buf, &title, Some(&footer), theme);
    let width = inner.width as usize;
    let mut card: Vec<Line> = Vec::new();
    if !entity.aliases.is_empty() {
        card.push(Line::from(vec![
            owned("Also: ", theme.dim()),
            owned(
                &truncate(&entity.aliases.join(", "), width.saturating_sub(6)),
                Style::new(),
            ),
        ]));
    }
    for range in wrap(&entity.description, width).into_iter().take(4) {
        card.push(Line::from(owned(&entity.description[range], Style::new())));
    }
    let glyphs = if theme.ascii {
        spark::Glyphs::Ascii
    } else {
        spark::Glyphs::Unicode
    };
    card.push(Line::from(vec![
        owned(
            &mentions_label(study.mention_count(view.entity)),
            theme.dim(),
        ),
        owned(
            &spark::render(&study.sparks[view.entity], glyphs),
            theme.mention(kind_index(&entity.kind)),
        ),
        owned("  (start → end of the paper)", theme.dim()),
    ]));
    let card_height = (card.len() as u16 + 1).min(inner.height / 2);
    for (row, line) in card.iter().take(card_height as usize).enumerate() {
        buf.set_line(inner.x, inner.y + row as u16, line, inner.width);
    }
    let body = Rect {
        y: inner.y + card_height,
        height: inner.height.saturating_sub(card_height),
        ..inner
    };
    let mut lines: Vec<(Option<usize>, Line)> = Vec::new();
    let mut heading = "";
    for (i, row) in view.rows.iter().enumerate() {
        let h = match row {
            EntityRow::Relation(..) => "Relations",
            EntityRow::CoMention(..) => "Named in the same passages",
            EntityRow::Mention(..) => "Mentions",
            EntityRow::Note(..) => "Notes coded with it",
            EntityRow::CaseStudy { .. } | EntityRow::Elsewhere { .. } => {
                "In other case studies of the library"
            }
        };
        if h != heading {
            heading = h;
            lines.push((None, Line::from(owned(h, theme.heading(2)))));
        }
        lines.push((Some(i), row_line(app, row, width, theme)));
    }
    if matches!(app.shelf, ShelfState::Loading(_)) {
        let looking = "Looking for it in the other case studies of the library…";
        lines.push((None, Line::from(owned(looking, theme.dim()))));
    }
    rows::draw(body, buf, &lines, Some(view.sel.index), theme.selected());
}

fn row_line(app: &App, row: &EntityRow, width: usize, theme: Theme) -> Line<'static> {
    let study = app.study;
    match row {
        EntityRow::Relation(kind, target, id) => {
            let name = target.map_or(id.as_str(), |e| study.catalog.entities[e].name.as_str());
            let text = format!("  {} {name}", kind.replace('_', " "));
            Line::from(owned(&truncate(&text, width), Style::new()))
        }
        EntityRow::CoMention(e, n) => {
            let text = format!("  {} ({n})", study.catalog.entities[*e].name);
            Line::from(owned(
                &truncate(&text, width),
                theme.mention(kind_index(&study.catalog.entities[*e].kind)),
            ))
        }
        EntityRow::Note(id) => {
            let text = format!("  {}", crate::views::notes::summary(app, id));
            Line::from(owned(&truncate(&text, width), Style::new()))
        }
        EntityRow::CaseStudy {
            title,
            mentions,
            spark,
        } => {
            let glyphs = if theme.ascii {
                spark::Glyphs::Ascii
            } else {
                spark::Glyphs::Unicode
            };
            let tail = format!(
                " {}  {}",
                mentions_label(*mentions as usize),
                spark::render(spark, glyphs)
            );
            let room = width.saturating_sub(tail.chars().count() + 2);
            Line::from(vec![
                owned(&format!("  {}", truncate(title, room)), theme.heading(3)),
                owned(&tail, theme.dim()),
            ])
        }
        EntityRow::Elsewhere {
            passage,
            count,
            snippet,
            ..
        } => {
            let times = if *count > 1 {
                format!(" {count}×")
            } else {
                String::new()
            };
            let label = format!("    {passage:<10}{times} ");
            let room = width.saturating_sub(label.chars().count());
            Line::from(vec![
                owned(&label, theme.dim()),
                owned(&truncate(snippet, room), Style::new()),
            ])
        }
        EntityRow::Mention(place, m) => {
            let text = place.text(&study.doc);
            let span = study.links.mention(*m).span;
            let label = match place {
                Place::Passage(p) => format!("  {:<10} ", study.doc.passages[*p].id),
                Place::Footnote(f) => format!("  fn {:<7} ", study.doc.footnotes[*f].label),
            };
            let room = width.saturating_sub(label.chars().count());
            let window = context(text, span.clone(), room);
            let mark = (
                span.start.max(window.start)..span.end.min(window.end),
                theme.mark(Mark::SearchHit),
            );
            let mut line = styled(text, window, &[mark], Style::new());
            let mut spans = vec![owned(&label, theme.dim())];
            spans.extend(
                line.spans
                    .drain(..)
                    .map(|s| ratatui::text::Span::styled(s.content.into_owned(), s.style)),
            );
            Line::from(spans)
        }
    }
}

/// A byte window of `text` around `span` of about `width` characters.
pub fn context(text: &str, span: std::ops::Range<usize>, width: usize) -> std::ops::Range<usize> {
    let before = width.saturating_sub(span.end - span.start) / 3;
    let mut start = span.start;
    for _ in 0..before {
        match text[..start].chars().next_back() {
            Some(c) => start -= c.len_utf8(),
            None => break,
        }
    }
    let end = start
        + text[start..]
            .chars()
            .take(width)
            .map(char::len_utf8)
            .sum::<usize>();
    start..end.max(span.end.min(text.len()))
}

fn mentions_label(n: usize) -> String {
    match n {
        1 => "1 mention  ".to_string(),
        n => format!("{n} mentions  "),
    }
}
