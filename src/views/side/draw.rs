//! The side pane: what the focused passage links to. The links menu
//! (Enter on a passage) draws the same rows in a popup.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::state::{App, Focus};
use crate::charts::spark;
use crate::reader::view::superscript;
use crate::reader::wrap::str_width;
use crate::study::{kind_index, kind_tag};
use crate::ui::rows;
use crate::ui::text::{owned, truncate};
use crate::ui::theme::Theme;
use crate::views::links::{self, Link};

pub struct SidePane<'a, 's> {
    pub app: &'a App<'s>,
    pub theme: Theme,
}

impl Widget for SidePane<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = self.theme;
        // A rule on the left separates the panes.
        let rule = if theme.ascii { "|" } else { "│" };
        for y in area.top()..area.bottom() {
            buf.set_string(area.x, y, rule, theme.dim());
        }
        let inner = inside(area);
        // Beside the text, the links start level with the focused passage,
        // so they scroll with it: a line scroll moves both panes' rows.
        let links = links::here(app);
        if links.is_empty() {
            let msg = if app.preview {
                "Linking entities"
            } else {
                "Nothing linked here"
            };
            let line = [(None, Line::from(owned(msg, theme.dim())))];
            let level_with = match app.panes().reader {
                Some(_) => app.view.start_row(app.pages(), app.view.cursor),
                None => None,
            };
            let area = level(inner, level_with, line.len());
            rows::draw(area, buf, &line, None, Style::new());
            return;
        }
        let (area, lines, selected) = placed(app, &links, inner, theme);
        rows::draw(area, buf, &lines, selected, theme.selected());
    }
}

/// The inside of the side pane in `area` (right of the rule).
fn inside(area: Rect) -> Rect {
    Rect {
        x: area.x + 2,
        width: area.width.saturating_sub(2),
        ..area
    }
}

type Rows = Vec<(Option<usize>, Line<'static>)>;

/// Where the link rows go in `inner`, the rows, and the selected link.
fn placed(app: &App, links: &[Link], inner: Rect, theme: Theme) -> (Rect, Rows, Option<usize>) {
    let level_with = match app.panes().reader {
        Some(_) => app.view.start_row(app.pages(), app.view.cursor),
        None => None,
    };
    let mut sel = app.side;
    sel.set_len(links.len());
    let selected = (app.focus == Focus::Side).then_some(sel.index);
    let lines = link_lines(app, links, inner.width as usize, theme);
    let area = level(inner, level_with, lines.len());
    (area, lines, selected)
}

/// The link drawn on screen row `y` of the side pane in `area`, if any (a
/// mouse click there follows it).
pub fn link_at(app: &App, area: Rect, y: u16) -> Option<usize> {
    let links = links::here(app);
    let theme = crate::ui::theme::Theme::new(false, app.options.ascii);
    let (area, lines, selected) = placed(app, &links, inside(area), theme);
    if y < area.y || y >= area.bottom() {
        return None;
    }
    // The same window as rows::draw: scrolled so the selection shows.
    let sel_row = selected
        .and_then(|s| lines.iter().position(|(i, _)| *i == Some(s)))
        .unwrap_or(0);
    let first = sel_row.saturating_sub((area.height as usize).saturating_sub(1));
    lines.get(first + (y - area.y) as usize)?.0
}

/// The part of `area` below `row` when `rows` rows still fit under it, else
/// as far down as they fit.
fn level(area: Rect, row: Option<usize>, rows: usize) -> Rect {
    let room = (area.height as usize).saturating_sub(rows);
    let down = row.unwrap_or(0).min(room) as u16;
    Rect {
        y: area.y + down,
        height: area.height - down,
        ..area
    }
}

/// Links as rows under group headings (see [`rows::draw`]).
fn link_lines(
    app: &App,
    links: &[Link],
    width: usize,
    theme: Theme,
) -> Vec<(Option<usize>, Line<'static>)> {
    let mut lines = Vec::new();
    let mut group = "";
    for (i, link) in links.iter().enumerate() {
        if link.group() != group {
            group = link.group();
            lines.push((None, Line::from(owned(group, theme.heading(2)))));
        }
        lines.push((Some(i), link_line(app, link, width, theme)));
    }
    lines
}

/// Rows of links grouped under headings, with an optional selection.
pub struct LinkRows<'a, 's> {
    pub app: &'a App<'s>,
    pub links: &'a [Link],
    pub selected: Option<usize>,
    pub theme: Theme,
}

impl Widget for LinkRows<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines = link_lines(self.app, self.links, area.width as usize, self.theme);
        rows::draw(area, buf, &lines, self.selected, self.theme.selected());
    }
}

/// One link as a line: entities with kind, count and sparkline.
pub fn link_line(app: &App, link: &Link, width: usize, theme: Theme) -> Line<'static> {
    let study = app.study;
    match link {
        Link::Entity(e) => {
            let entity = &study.catalog.entities[*e];
            let style = theme.mention(kind_index(&entity.kind));
            let glyphs = if theme.ascii {
                spark::Glyphs::Ascii
            } else {
                spark::Glyphs::Unicode
            };
            let tag = format!("{:<7}", kind_tag(&entity.kind));
            let count = format!(" {:>3}", study.mention_count(*e));
            // On a narrow pane the sparkline halves its bars, then goes:
            // the name matters more.
            let fixed = str_width(&tag) + str_width(&count);
            let counts = &study.sparks[*e];
            let sparkline = [counts.clone(), spark::halve(counts)]
                .iter()
                .map(|c| format!(" {}", spark::render(c, glyphs)))
                .find(|s| width >= fixed + str_width(s) + 14)
                .unwrap_or_default();
            let room = width.saturating_sub(fixed + str_width(&sparkline));
            let name = truncate(&entity.name, room);
            let pad = room.saturating_sub(str_width(&name));
            Line::from(vec![
                owned(&tag, theme.dim()),
                owned(&name, style),
                Span::raw(" ".repeat(pad)),
                owned(&count, Style::new()),
                owned(&sparkline, style),
            ])
        }
        Link::Footnote(f) => {
            let note = &study.doc.footnotes[*f];
            let text = format!("{} {}", superscript(&note.label), note.text);
            Line::from(owned(&truncate(&text, width), Style::new()))
        }
        Link::Citation(c) => {
            let cite = &study.links.citations[*c];
            match cite.reference {
                Some(r) => {
                    let text = format!(
                        "{} → {}",
                        cite.text(&study.doc),
                        study.doc.references[r].text
                    );
                    Line::from(owned(
                        &truncate(&text, width),
                        theme.mark(crate::ui::theme::Mark::Citation),
                    ))
                }
                None => {
                    let text = format!("{} (no matching reference)", cite.text(&study.doc));
                    Line::from(owned(&truncate(&text, width), theme.dim()))
                }
            }
        }
        Link::Passage(p) => {
            let passage = &study.doc.passages[*p];
            let text = format!("{}: {}", passage.id, passage.text);
            Line::from(owned(&truncate(&text, width), Style::new()))
        }
        Link::Note(id) => Line::from(owned(
            &truncate(&crate::views::notes::summary(app, id), width),
            Style::new(),
        )),
        Link::Figure(f) => {
            let figure = &study.links.figures[*f];
            let text = &study.doc.passages[figure.passage].text;
            // The caption names the figure; a source line alone does not.
            let text = if text.starts_with(figure.label.name()) {
                text.replace('\n', " ")
            } else {
                format!("{}: {}", figure.name(), text.replace('\n', " "))
            };
            Line::from(owned(&truncate(&text, width), theme.caption()))
        }
        Link::Chart(s) => {
            let text = format!("Chart: {}", study.series[*s].title);
            Line::from(owned(&truncate(&text, width), Style::new()))
        }
    }
}
