//! One of the paper's series: a sparkline over the years for a time series,
//! horizontal bars for a comparison, every value labelled with its unit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Sparkline, SparklineBar, Widget};
use unicode_width::UnicodeWidthStr;

use super::{bar_set, clip, frame, marker, put, selected, year_axis};
use crate::charts::series::{Series, SeriesKind};
use crate::charts::spark::Glyphs;
use crate::charts::ChartsState;

pub struct SeriesChart<'a> {
    pub series: &'a [Series],
    /// Index of the series to draw.
    pub shown: usize,
    /// Set when this series is the selected chart.
    pub selection: Option<&'a ChartsState>,
    /// Whether the keys move in this chart (not in "Most mentioned").
    pub focused: bool,
    pub glyphs: Glyphs,
}

impl Widget for SeriesChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let title = format!(" Series {}/{} ", self.shown + 1, self.series.len());
        let block = frame(self.glyphs, title, self.focused && self.selection.is_some());
        let inner = block.inner(area);
        block.render(area, buf);
        let Some(series) = self.series.get(self.shown) else {
            put(buf, inner, 0, Line::from("no series"));
            return;
        };
        let point = self.selection.map(ChartsState::point);
        let kind = match series.kind {
            SeriesKind::Time => "over time",
            SeriesKind::Comparison => "compared",
        };
        let width = usize::from(inner.width);
        let title = clip(&series.title, width, self.glyphs);
        put(buf, inner, 0, Line::styled(title, Style::new().bold()));
        let unit = match &series.figure {
            Some(figure) => format!("{}, {kind} ({figure})", series.unit),
            None => format!("{}, {kind}", series.unit),
        };
        put(buf, inner, 1, Line::from(clip(&unit, width, self.glyphs)));
        let mut y = 2;
        if series.kind == SeriesKind::Time && inner.height > 8 {
            y += self.sparkline(
                series,
                point,
                Rect {
                    y: inner.y + y,
                    height: 3,
                    ..inner
                },
                buf,
            );
        }
        // The rows left after the source line of the selected point.
        let rows = inner.height.saturating_sub(y + 2);
        let first = point.map_or(0, |p| (p + 1).saturating_sub(rows.into()));
        for (row, (i, _)) in series
            .points
            .iter()
            .enumerate()
            .skip(first)
            .take(rows.into())
            .enumerate()
        {
            put(
                buf,
                inner,
                y + row as u16,
                self.point_row(series, i, point, inner.width),
            );
        }
        if let Some(p) = point.and_then(|p| series.points.get(p)) {
            let source = format!("{}: \"{}\"", p.passage, p.quote);
            let line = Line::from(clip(&source, inner.width.into(), self.glyphs));
            put(buf, inner, inner.height.saturating_sub(1), line);
        }
    }
}

impl SeriesChart<'_> {
    /// Years from the first point to the last, absent years marked; returns
    /// the rows used.
    fn sparkline(&self, s: &Series, point: Option<usize>, area: Rect, buf: &mut Buffer) -> u16 {
        let years: Vec<i32> = s.points.iter().filter_map(|p| p.year()).collect();
        let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) else {
            return 0;
        };
        let span = (last - first + 1) as usize;
        let per = (usize::from(area.width) / span).clamp(1, 4);
        let max = s.points.iter().map(|p| p.value).fold(0.0, f64::max);
        let mut bars = vec![SparklineBar::from(None); span * per];
        for (i, p) in s.points.iter().enumerate() {
            let Some(year) = p.year() else { continue };
            // At least one eighth of the lower row, so small values stay visible.
            let height = if max > 0.0 {
                (p.value / max * 64.0).ceil().max(4.0)
            } else {
                0.0
            };
            let style = (point == Some(i)).then(selected);
            for k in 0..per {
                bars[(year - first) as usize * per + k] =
                    SparklineBar::from(Some(height as u64)).style(style);
            }
        }
        let absent = if self.glyphs == Glyphs::Ascii {
            "_"
        } else {
            "·"
        };
        Sparkline::default()
            .data(bars)
            .max(64)
            .bar_set(bar_set(self.glyphs))
            .absent_value_symbol(absent)
            .render(Rect { height: 2, ..area }, buf);
        let width = (span * per).min(area.width.into());
        let axis = year_axis((first, last), width, |y| (y - first) as usize * per, None);
        put(buf, area, 2, Line::from(axis));
        3
    }

    fn point_row(&self, s: &Series, i: usize, point: Option<usize>, width: u16) -> Line<'static> {
        let p = &s.points[i];
        let x_width = s
            .points
            .iter()
            .map(|p| p.x.width())
            .max()
            .unwrap_or(0)
            .min(16);
        let value_width = s
            .points
            .iter()
            .map(|p| p.label(&s.unit).width())
            .max()
            .unwrap_or(0);
        let is_selected = point == Some(i);
        let lead = if is_selected {
            marker(self.glyphs)
        } else {
            " "
        };
        let x = clip(&p.x, x_width, self.glyphs);
        let mut spans = vec![Span::raw(format!("{lead} {x:<x_width$} "))];
        if s.kind == SeriesKind::Comparison {
            let room = usize::from(width).saturating_sub(x_width + value_width + 5);
            let max = s.points.iter().map(|p| p.value).fold(0.0, f64::max);
            spans.push(Span::raw(bar(p.value / max, room, self.glyphs)));
            spans.push(Span::raw(" "));
        }
        let label = p.label(&s.unit);
        spans.push(Span::raw(format!("{label:>value_width$}")));
        let line = Line::from(spans);
        if is_selected {
            line.style(selected())
        } else {
            line
        }
    }
}

/// A horizontal bar `fraction` of `width` long, padded to `width`; eighths of
/// a cell in Unicode, whole cells in ASCII.
fn bar(fraction: f64, width: usize, glyphs: Glyphs) -> String {
    let fraction = if fraction.is_finite() {
        fraction.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let eighths = (fraction * width as f64 * 8.0).round() as usize;
    let mut out = match glyphs {
        Glyphs::Unicode => {
            let mut s = "█".repeat(eighths / 8);
            if !eighths.is_multiple_of(8) {
                s.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8]);
            }
            s
        }
        Glyphs::Ascii => "#".repeat(eighths.div_ceil(8)),
    };
    let pad = width.saturating_sub(out.width());
    out.push_str(&" ".repeat(pad));
    out
}
