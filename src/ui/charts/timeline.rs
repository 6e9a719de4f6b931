//! The timeline: passages per year as a sparkline over the years, with the
//! selected year's passages listed below it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Sparkline, Widget};
use unicode_width::UnicodeWidthStr;

use super::{bar_set, frame, marker, put, selected, year_axis};
use crate::charts::spark::Glyphs;
use crate::charts::timeline::Timeline;
use crate::charts::ChartsState;
use crate::model::Document;

pub struct TimelineChart<'a> {
    pub doc: &'a Document,
    pub timeline: &'a Timeline,
    /// Set when the timeline is the selected chart.
    pub selection: Option<&'a ChartsState>,
    /// Whether the keys move in this chart (not in "Most mentioned").
    pub focused: bool,
    pub glyphs: Glyphs,
}

impl Widget for TimelineChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = frame(
            self.glyphs,
            " Timeline ".into(),
            self.focused && self.selection.is_some(),
        );
        let inner = block.inner(area);
        block.render(area, buf);
        let counts = self.timeline.counts();
        let (Some(&(first, _)), Some(&(last, _))) = (counts.first(), counts.last()) else {
            put(buf, inner, 0, Line::from("no years mentioned"));
            return;
        };
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        let spark_rows = inner.height.saturating_sub(3).max(1);
        let width = usize::from(inner.width);
        // Years per column when they do not fit, columns per year when they do.
        let group = counts.len().div_ceil(width);
        let per = (width / counts.len()).max(1);
        let column = |year: i32| (year - first) as usize / group * per;
        let data: Vec<u64> = counts
            .chunks(group)
            .flat_map(|c| std::iter::repeat_n(c.iter().map(|&(_, n)| n as u64).sum(), per))
            .collect();
        Sparkline::default()
            .data(&data)
            .bar_set(bar_set(self.glyphs))
            .render(
                Rect {
                    height: spark_rows,
                    ..inner
                },
                buf,
            );

        let year = self
            .selection
            .and_then(|s| self.timeline.years.iter().nth(s.point()));
        let glyph = if self.glyphs == Glyphs::Ascii {
            '^'
        } else {
            '▲'
        };
        let mark = year.map(|(&y, _)| ((column(y) + per / 2).min(width - 1), glyph));
        // The axis ends where the bars end, so the last year sits under its bar.
        let axis = year_axis((first, last), data.len().min(width), column, mark);
        put(buf, inner, spark_rows, Line::from(axis));

        let (info, list) = match (year, self.selection) {
            (Some((&y, passages)), Some(state)) => (
                self.year_info(y, passages, state.target()),
                self.passage_list(passages, state.target(), width),
            ),
            _ => (self.summary(), Line::default()),
        };
        put(buf, inner, spark_rows + 1, info);
        put(buf, inner, spark_rows + 2, list);
    }
}

impl TimelineChart<'_> {
    fn summary(&self) -> Line<'static> {
        let years = &self.timeline.years;
        let busiest = years.iter().max_by_key(|(y, p)| (p.len(), -**y));
        let mut text = format!("{} years mentioned", years.len());
        if let Some((y, p)) = busiest {
            text.push_str(&format!("; most often {y} ({} passages)", p.len()));
        }
        Line::from(text)
    }

    fn year_info(&self, year: i32, passages: &[usize], target: usize) -> Line<'static> {
        let n = passages.len();
        let noun = if n == 1 { "passage" } else { "passages" };
        let mut text = format!("{year}: {n} {noun}");
        let section = passages
            .get(target)
            .and_then(|&p| self.doc.passages.get(p))
            .and_then(|p| self.doc.sections.get(p.section));
        if let Some(section) = section {
            text.push_str(&format!(" - {}", section.heading()));
        }
        Line::from(text)
    }

    /// Passage ids, the selected one marked, scrolled so it stays visible.
    fn passage_list(&self, passages: &[usize], target: usize, width: usize) -> Line<'static> {
        let ids: Vec<String> = passages
            .iter()
            .map(|&p| {
                self.doc
                    .passages
                    .get(p)
                    .map_or(String::new(), |p| p.id.clone())
            })
            .collect();
        let mut start = target.min(ids.len().saturating_sub(1));
        let mut used = ids.get(start).map_or(0, |s| s.width() + 2);
        while start > 0 && used + ids[start - 1].width() + 2 <= width {
            start -= 1;
            used += ids[start].width() + 2;
        }
        let spans = ids.into_iter().enumerate().skip(start).map(|(i, id)| {
            if i == target {
                Span::styled(format!("{}{id} ", marker(self.glyphs)), selected())
            } else {
                Span::raw(format!(" {id} "))
            }
        });
        Line::from(spans.collect::<Vec<_>>())
    }
}
