//! The search overlay: the query, then ranked hits grouped by kind, each
//! with a snippet whose matched characters are highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::SearchBox;
use crate::app::state::App;
use crate::keymap::Mode;
use crate::search::HitKind;
use crate::ui::text::{owned, styled, truncate};
use crate::ui::theme::{Mark, Theme};
use crate::ui::{popup, rows};
use crate::views::footer;

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, search: &SearchBox, theme: Theme) {
    let outer = popup::centered(area, 110, area.height.saturating_sub(2));
    let title = format!("Search ({} hits)", search.hits.len());
    let lead = "@person @firm @place @org @note · \"phrase\" · #tag";
    let footer = footer(app, Mode::Search, Some(lead));
    let inner = popup::frame(outer, buf, &title, Some(&footer), theme);
    let Some(body) = rows::query_line(inner, buf, "/ ", &search.query, theme) else {
        return;
    };
    if search.hits.is_empty() {
        let msg = if search.query.trim().is_empty() {
            "Type to search passages, entities, sections, footnotes, references and notes"
        } else {
            "No hits"
        };
        rows::message(body, buf, msg, theme.dim());
        return;
    }
    let width = body.width as usize;
    // Hits come grouped by kind; a heading starts each group.
    let mut lines: Vec<(Option<usize>, Line)> = Vec::new();
    let mut kind = None;
    for (rank, hit) in search.hits.iter().enumerate() {
        if kind != Some(hit.kind) {
            kind = Some(hit.kind);
            lines.push((
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
        lines.push((Some(rank), Line::from(spans)));
    }
    rows::draw(body, buf, &lines, Some(search.sel.index), theme.bar());
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
