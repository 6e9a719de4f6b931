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
    let title = match search.library {
        true => format!("Search the library ({} hits)", search.library_hits.len()),
        false => format!("Search ({} hits)", search.hits.len()),
    };
    let lead = "@kind · \"phrase\" · #tag";
    let footer = footer(app, Mode::Search, Some(lead));
    let inner = popup::frame(outer, buf, &title, Some(&footer), theme);
    let prompt = if search.library { "library / " } else { "/ " };
    let Some(body) = rows::query_line(inner, buf, prompt, &search.query, theme) else {
        return;
    };
    if search.library {
        return draw_library(body, buf, app, search, theme);
    }
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
        lines.push((
            Some(rank),
            hit_line(&hit.title, &hit.snippet, &hit.highlights, width, theme),
        ));
    }
    rows::draw(body, buf, &lines, Some(search.sel.index), theme.bar());
}

/// Library hits under a heading per case study.
fn draw_library(body: Rect, buf: &mut Buffer, app: &App, search: &SearchBox, theme: Theme) {
    let Some(shelf) = app.shelf.ready() else {
        rows::message(body, buf, "Loading the library…", theme.dim());
        return;
    };
    if search.library_hits.is_empty() {
        let msg = match search.query.trim().is_empty() {
            true => "Type to search every case study of the library",
            false => "No hits in the library",
        };
        rows::message(body, buf, msg, theme.dim());
        return;
    }
    let width = body.width as usize;
    let mut lines: Vec<(Option<usize>, Line)> = Vec::new();
    let mut case = "";
    for (rank, hit) in search.library_hits.iter().enumerate() {
        if hit.case != case {
            case = &hit.case;
            let here = if hit.case == app.study.meta.id {
                " (this one)"
            } else {
                ""
            };
            let heading = format!("{}{here}", shelf.title(case));
            lines.push((
                None,
                Line::from(owned(&truncate(&heading, width), theme.heading(2))),
            ));
        }
        lines.push((
            Some(rank),
            hit_line(&hit.title, &hit.snippet, &hit.highlights, width, theme),
        ));
    }
    rows::draw(body, buf, &lines, Some(search.sel.index), theme.bar());
}

/// A hit: its label, then as much of its snippet as fits, matches marked.
fn hit_line(
    title: &str,
    snippet: &str,
    highlights: &[std::ops::Range<usize>],
    width: usize,
    theme: Theme,
) -> Line<'static> {
    let label = truncate(title, 28.min(width / 3));
    let label = format!("{label:<28} ");
    let marks: Vec<_> = highlights
        .iter()
        .map(|r| (r.clone(), theme.mark(Mark::SearchHit)))
        .collect();
    let room = width.saturating_sub(label.chars().count());
    let end = snippet_end(snippet, room);
    let snippet = styled(snippet, 0..end, &marks, Style::new());
    let mut spans = vec![owned(&label, theme.dim())];
    spans.extend(
        snippet
            .spans
            .into_iter()
            .map(|s| Span::styled(s.content.into_owned(), s.style)),
    );
    Line::from(spans)
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
