//! The search overlay: the query, then ranked hits grouped by kind, each
//! with a snippet whose matched characters are highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::search::SearchBox;
use crate::search::HitKind;
use crate::ui::popup;
use crate::ui::text::{owned, styled, truncate};
use crate::ui::theme::{Mark, Theme};

pub fn draw(area: Rect, buf: &mut Buffer, search: &SearchBox, theme: Theme) {
    let outer = popup::centered(area, 110, area.height.saturating_sub(2));
    let title = format!("Search ({} hits)", search.hits.len());
    let footer =
        "@person @firm @place @org @passage @note · \"phrase\" · #tag · Enter go · Esc close";
    let inner = popup::frame(outer, buf, &title, Some(footer), theme);
    if inner.height < 2 {
        return;
    }
    let prompt = Line::from(vec![
        owned("/ ", theme.key()),
        owned(&search.query, Style::new()),
        owned("▏", theme.dim()),
    ]);
    buf.set_line(inner.x, inner.y, &prompt, inner.width);
    let body = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    if search.hits.is_empty() {
        let msg = if search.query.trim().is_empty() {
            "Type to search passages, entities, sections, footnotes, references and notes"
        } else {
            "No hits"
        };
        buf.set_line(
            body.x,
            body.y,
            &Line::from(owned(msg, theme.dim())),
            body.width,
        );
        return;
    }
    let width = body.width as usize;
    // Hits come grouped by kind; a heading starts each group.
    let mut rows: Vec<(Option<usize>, Line)> = Vec::new();
    let mut kind = None;
    for (rank, hit) in search.hits.iter().enumerate() {
        if kind != Some(hit.kind) {
            kind = Some(hit.kind);
            rows.push((
                None,
                Line::from(owned(kind_title(hit.kind), theme.heading(2))),
            ));
        }
        let label = truncate(&hit.title, 28.min(width / 3));
        let label = format!("{label:<28} ");
        let marks: Vec<_> = hit
            .highlights
            .iter()
            .map(|r| (r.clone(), theme.mark(Mark::SearchHit)))
            .collect();
        let room = width.saturating_sub(label.chars().count());
        let end = snippet_end(&hit.snippet, room);
        let snippet = styled(&hit.snippet, 0..end, &marks, Style::new());
        let mut spans = vec![owned(&label, theme.dim())];
        spans.extend(
            snippet
                .spans
                .into_iter()
                .map(|s| Span::styled(s.content.into_owned(), s.style)),
        );
        rows.push((Some(rank), Line::from(spans)));
    }
    let sel_row = rows
        .iter()
        .position(|(r, _)| *r == Some(search.sel.index))
        .unwrap_or(0);
    let height = body.height as usize;
    let first = sel_row.saturating_sub(height.saturating_sub(1));
    for (row, (rank, line)) in rows.iter().skip(first).take(height).enumerate() {
        let y = body.y + row as u16;
        buf.set_line(body.x, y, line, body.width);
        if *rank == Some(search.sel.index) {
            buf.set_style(
                Rect {
                    y,
                    height: 1,
                    ..body
                },
                theme.bar(),
            );
        }
    }
}

fn kind_title(kind: HitKind) -> &'static str {
    match kind {
        HitKind::Entity => "Entities",
        HitKind::Section => "Sections",
        HitKind::Passage => "Passages",
        HitKind::Footnote => "Footnotes",
        HitKind::Reference => "References",
        HitKind::Note => "Notes",
    }
}

/// Byte end of the longest prefix of `text` that fits `width` columns.
fn snippet_end(text: &str, width: usize) -> usize {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += crate::reader::wrap::char_width(c);
        if used > width {
            return i;
        }
    }
    text.len()
}
