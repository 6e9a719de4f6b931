//! The charts view: the timeline of years, the paper's series and the most
//! mentioned entities, drawn from borrowed data and a [`ChartsState`].
//!
//! Every widget here has an ASCII mode, and marks the selection with a
//! character as well as a style, so it survives `NO_COLOR` and plain terminals.

mod series;
mod timeline;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::list::Selection;
use crate::charts::series::Series;
use crate::charts::spark::{self, Glyphs};
use crate::charts::timeline::Timeline;
use crate::charts::{ChartRef, ChartsFocus, ChartsState};
use crate::model::Document;

pub use series::SeriesChart;
pub use timeline::TimelineChart;

/// An entity in the "Most mentioned" list: its name, how often the text
/// names it ([`crate::study::Study::mention_count`]) and the passages naming
/// it per stretch of the paper (see [`spark::bucket_mentions`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityCounts {
    pub name: String,
    pub mentions: usize,
    pub passages: Vec<u32>,
}

/// The whole charts screen.
pub struct ChartsView<'a> {
    pub doc: &'a Document,
    pub timeline: &'a Timeline,
    pub series: &'a [Series],
    pub entities: &'a [EntityCounts],
    pub state: &'a ChartsState,
    pub glyphs: Glyphs,
}

impl Widget for ChartsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let top = (area.height / 3).clamp(7, 14);
        let [top_area, bottom] =
            Layout::vertical([Constraint::Length(top), Constraint::Min(0)]).areas(area);
        // Narrow, "Most mentioned" takes a little more, so names stay readable.
        let list = if area.width < 100 { 42 } else { 36 };
        let [left, right] = Layout::horizontal([
            Constraint::Percentage(100 - list),
            Constraint::Percentage(list),
        ])
        .areas(bottom);
        let chart = self.state.chart();
        let on_list = self.state.focus == ChartsFocus::Mentioned;
        TimelineChart {
            doc: self.doc,
            timeline: self.timeline,
            selection: (chart == ChartRef::Timeline).then_some(self.state),
            focused: !on_list,
            glyphs: self.glyphs,
        }
        .render(top_area, buf);
        let (shown, selection) = match chart {
            ChartRef::Series(i) => (i, Some(self.state)),
            ChartRef::Timeline => (0, None),
        };
        SeriesChart {
            series: self.series,
            shown,
            selection,
            focused: !on_list,
            glyphs: self.glyphs,
        }
        .render(left, buf);
        MentionList {
            entities: self.entities,
            glyphs: self.glyphs,
            selected: on_list.then_some(self.state.mentioned),
        }
        .render(right, buf);
    }
}

/// Columns a name keeps before the sparkline gives way.
const MIN_NAME: usize = 14;

/// Entities with a sparkline of their mentions, most mentioned first.
pub struct MentionList<'a> {
    pub entities: &'a [EntityCounts],
    pub glyphs: Glyphs,
    /// The selected row, when the list has the focus.
    pub selected: Option<Selection>,
}

impl Widget for MentionList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = frame(
            self.glyphs,
            " Most mentioned ".into(),
            self.selected.is_some(),
        );
        let inner = block.inner(area);
        block.render(area, buf);
        let mut rows: Vec<&EntityCounts> = self.entities.iter().collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.mentions));
        if rows.is_empty() {
            put(buf, inner, 0, Line::from("no entities"));
        }
        let height = usize::from(inner.height);
        let first = self.selected.map_or(0, |s| s.scrolled(height));
        // The sparkline halves its bars, then goes, before a shown name is
        // cut (to no fewer than MIN_NAME columns; past 32 a name may be cut).
        let longest = rows
            .iter()
            .skip(first)
            .take(height)
            .map(|r| crate::term::sanitize::display(&r.name).width())
            .max()
            .unwrap_or(0);
        let lead = usize::from(self.selected.is_some());
        let names = longest.clamp(MIN_NAME, 32) + lead;
        let chosen = self.selected.and_then(|s| s.selected());
        let shown = rows.into_iter().enumerate().skip(first).take(height);
        for (y, (index, row)) in shown.enumerate() {
            let total = row.mentions;
            // Narrow, the sparkline halves its bars, then goes: names first.
            let width = usize::from(inner.width);
            let tail = [row.passages.clone(), spark::halve(&row.passages)]
                .iter()
                .map(|c| format!(" {} {total:>3}", spark::render(c, self.glyphs)))
                .find(|t| width >= t.width() + names)
                .unwrap_or_else(|| format!(" {total:>3}"));
            // With the focus, a column for the selection's marker: a
            // character as well as reverse video, so NO_COLOR shows it.
            let here = chosen == Some(index);
            let lead = match (self.selected, here) {
                (None, _) => "",
                (Some(_), true) => marker(self.glyphs),
                (Some(_), false) => " ",
            };
            let room = width.saturating_sub(tail.width() + lead.width());
            let line = Line::from(vec![
                Span::raw(lead),
                Span::raw(format!("{:<room$}", clip(&row.name, room, self.glyphs))),
                Span::raw(tail),
            ]);
            let line = if here { line.style(selected()) } else { line };
            put(buf, inner, y as u16, line);
        }
    }
}

/// A bordered block; the focused one has a bold title with a marker.
fn frame(glyphs: Glyphs, title: String, focused: bool) -> Block<'static> {
    let border = match glyphs {
        Glyphs::Unicode => symbols::border::PLAIN,
        Glyphs::Ascii => crate::ui::theme::ASCII_BORDER,
    };
    let title = if focused {
        Span::styled(format!("{}{title}", marker(glyphs)), Style::new().bold())
    } else {
        Span::raw(title)
    };
    Block::bordered().border_set(border).title(title)
}

/// Bar set for ratatui's `Sparkline`, the same ramp as [`spark::render`].
fn bar_set(glyphs: Glyphs) -> symbols::bar::Set {
    match glyphs {
        Glyphs::Unicode => symbols::bar::NINE_LEVELS,
        Glyphs::Ascii => symbols::bar::Set {
            full: "#",
            seven_eighths: "#",
            three_quarters: "*",
            five_eighths: "+",
            half: "=",
            three_eighths: "-",
            one_quarter: ":",
            one_eighth: ".",
            empty: " ",
        },
    }
}

fn marker(glyphs: Glyphs) -> &'static str {
    match glyphs {
        Glyphs::Unicode => "▶",
        Glyphs::Ascii => ">",
    }
}

fn selected() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
}

/// A year axis `width` columns wide: the first and last year at the ends,
/// decades in between where they fit, and `mark` (a column and its glyph)
/// that no label may cover.
fn year_axis(
    (first, last): (i32, i32),
    width: usize,
    column: impl Fn(i32) -> usize,
    mark: Option<(usize, char)>,
) -> String {
    let mut axis = vec![' '; width];
    let mut place = |at: usize, label: &str, limit: usize| {
        let covers = mark.is_some_and(|(m, _)| (at..at + label.len()).contains(&m));
        // Blank under the label and just before it: labels never touch.
        let fits = at + label.len() <= limit
            && axis[at.saturating_sub(1)..at + label.len()]
                .iter()
                .all(|&c| c == ' ');
        if fits && !covers {
            for (i, c) in label.chars().enumerate() {
                axis[at + i] = c;
            }
        }
    };
    let end = last.to_string();
    let end_at = width.saturating_sub(end.len());
    place(end_at, &end, width);
    for year in (first..last).filter(|y| *y == first || y % 10 == 0) {
        // One blank column must separate two labels.
        let label = format!("{year} ");
        place(column(year), &label, end_at);
    }
    if let Some((at, glyph)) = mark.filter(|(at, _)| *at < width) {
        axis[at] = glyph;
    }
    axis.into_iter().collect()
}

/// Draws `line` on row `y` of `area`, clipped to its width.
fn put(buf: &mut Buffer, area: Rect, y: u16, mut line: Line) {
    // Titles, units and labels come from series.toml: untrusted text.
    for span in &mut line.spans {
        if let std::borrow::Cow::Owned(safe) = crate::term::sanitize::display(&span.content) {
            span.content = safe.into();
        }
    }
    if y < area.height {
        buf.set_line(area.x, area.y + y, &line, area.width);
    }
}

/// The longest prefix of `s` that fits in `width` columns, marked if cut.
fn clip(s: &str, width: usize, glyphs: Glyphs) -> String {
    let s = crate::term::sanitize::display(s);
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.to_string().width() + 1 > width {
            break;
        }
        out.push(c);
    }
    if width > 0 {
        out.push(match glyphs {
            Glyphs::Unicode => '…',
            Glyphs::Ascii => '~',
        });
    }
    out
}
