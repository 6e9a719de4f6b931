//! A footnote or reference shown over the text, without losing the place.
//! Long ones scroll; Enter goes there.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::state::App;
use crate::keymap::{Action, Mode};
use crate::reader::view::superscript;
use crate::reader::wrap::wrap;
use crate::ui::popup;
use crate::ui::text::line;
use crate::ui::theme::Theme;
use crate::views::links::{self, Link};
use crate::views::{footer, hint, Handled, Hint, Overlay};

/// What a peek shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeekTarget {
    Footnote(usize),
    Reference(usize),
    /// Index into `Links::figures`.
    Figure(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peek {
    pub target: PeekTarget,
    /// First line of the text shown.
    pub scroll: usize,
}

pub const HANDLES: &[Action] = &[
    Action::LineDown,
    Action::LineUp,
    Action::PageDown,
    Action::PageUp,
    Action::Open,
    Action::Peek,
    Action::Close,
    Action::Cancel,
];

pub const HINTS: &[Hint] = &[
    hint(&[Action::LineDown, Action::LineUp], "scroll"),
    hint(&[Action::Open], "go to it"),
    hint(&[Action::Peek], "next link"),
    hint(&[Action::Close], "close"),
];

pub fn open(app: &mut App, target: PeekTarget) {
    app.overlays.push(Overlay::Peek(Peek { target, scroll: 0 }));
}

/// What the focused item can be peeked at: its footnotes, resolved
/// citations and the figures it points at, in the order the side pane
/// lists them.
fn targets(app: &App) -> Vec<PeekTarget> {
    let study = app.study;
    links::here(app)
        .into_iter()
        .filter_map(|l| match l {
            Link::Footnote(f) => Some(PeekTarget::Footnote(f)),
            Link::Citation(c) => study.links.citations[c]
                .reference
                .map(PeekTarget::Reference),
            Link::Figure(f) => Some(PeekTarget::Figure(f)),
            _ => None,
        })
        .collect()
}

/// `p`: the focused passage's first footnote, citation or figure, then each press
/// the next one (around to the first again).
pub fn open_next(app: &mut App) {
    let targets = targets(app);
    if targets.is_empty() {
        app.message = Some("No footnote, citation or figure here".into());
        return;
    }
    let here = app.view.cursor;
    let next = match app.last_peek {
        Some((item, n)) if item == here => (n + 1) % targets.len(),
        _ => 0,
    };
    app.last_peek = Some((here, next));
    if matches!(app.overlays.last(), Some(Overlay::Peek(_))) {
        app.overlays.pop();
    }
    open(app, targets[next]);
    if targets.len() > 1 {
        app.message = Some(format!("Link {} of {}", next + 1, targets.len()));
    }
}

fn title_and_text<'s>(app: &App<'s>, target: PeekTarget) -> (String, &'s str) {
    let doc = &app.study.doc;
    match target {
        PeekTarget::Footnote(f) => (
            format!("Footnote {}", superscript(&doc.footnotes[f].label)),
            doc.footnotes[f].text.as_str(),
        ),
        PeekTarget::Reference(r) => ("Reference".to_string(), doc.references[r].text.as_str()),
        PeekTarget::Figure(f) => {
            let figure = &app.study.links.figures[f];
            (figure.name(), doc.passages[figure.passage].text.as_str())
        }
    }
}

/// Where the popup goes at the current size, and its text's wrapped lines.
fn layout(app: &App, target: PeekTarget) -> (Rect, Vec<std::ops::Range<usize>>) {
    let area = app.area;
    let (_, text) = title_and_text(app, target);
    let width = area.width.saturating_sub(4).min(80);
    let lines = wrap(text, width.saturating_sub(2) as usize);
    let height = (lines.len() as u16 + 2).min(area.height);
    (popup::centered(area, width, height), lines)
}

pub fn update(app: &mut App, action: Action) -> Handled {
    let Some(&Overlay::Peek(peek)) = app.overlays.last() else {
        return Handled::Not;
    };
    let (outer, lines) = layout(app, peek.target);
    let visible = outer.height.saturating_sub(2).max(1) as usize;
    let last_top = lines.len().saturating_sub(visible);
    let scroll = match action {
        Action::LineDown => peek.scroll + 1,
        Action::LineUp => peek.scroll.saturating_sub(1),
        Action::PageDown => peek.scroll + visible,
        Action::PageUp => peek.scroll.saturating_sub(visible),
        Action::Open => {
            app.overlays.pop();
            let outline = &app.study.outline;
            let item = match peek.target {
                PeekTarget::Footnote(f) => outline.of_footnote(f),
                PeekTarget::Reference(r) => outline.of_reference(r),
                PeekTarget::Figure(f) => outline.of_passage(app.study.links.figures[f].passage),
            };
            app.jump_to(item);
            return Handled::Done;
        }
        Action::Peek => {
            open_next(app);
            return Handled::Done;
        }
        Action::Close | Action::Cancel => {
            app.overlays.pop();
            return Handled::Done;
        }
        _ => return Handled::Not,
    };
    if let Some(Overlay::Peek(p)) = app.overlays.last_mut() {
        p.scroll = scroll.min(last_top);
    }
    Handled::Done
}

pub fn draw(area: Rect, buf: &mut Buffer, app: &App, peek: &Peek, theme: Theme) {
    let (title, text) = title_and_text(app, peek.target);
    let (outer, lines) = layout(app, peek.target);
    let outer = outer.intersection(area);
    let visible = outer.height.saturating_sub(2) as usize;
    // The title says where the window is when the text does not fit.
    let title = if lines.len() > visible {
        let last = (peek.scroll + visible).min(lines.len());
        format!("{title} ({}-{last} of {})", peek.scroll + 1, lines.len())
    } else {
        title
    };
    let footer = footer(app, Mode::Peek, None);
    let inner = popup::frame(outer, buf, &title, Some(&footer), theme);
    let shown = lines
        .into_iter()
        .skip(peek.scroll)
        .take(inner.height as usize);
    for (row, range) in shown.enumerate() {
        buf.set_line(
            inner.x,
            inner.y + row as u16,
            &line(&text[range], Style::new()),
            inner.width,
        );
    }
}
