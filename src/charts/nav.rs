//! Keyboard selection in the charts view: which chart, which data point, and
//! for points stated by several passages (a timeline year), which passage.

use crate::app::list::Selection;
use crate::charts::series::Series;
use crate::charts::timeline::Timeline;
use crate::model::Document;

/// What a chart index refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartRef {
    Timeline,
    /// Index into the series list.
    Series(usize),
}

/// Which part of the charts view the list keys move in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ChartsFocus {
    /// The selected chart's points.
    #[default]
    Chart,
    /// The rows of "Most mentioned".
    Mentioned,
}

/// Pure selection state; it owns only the shape of the charts (the passage
/// indices behind every point), so it can be tested without a screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChartsState {
    /// `charts[c][p]` are the passages behind point `p` of chart `c`.
    charts: Vec<Vec<Vec<usize>>>,
    chart: usize,
    point: usize,
    target: usize,
    pub focus: ChartsFocus,
    /// The selected row of "Most mentioned" (rows most mentioned first).
    pub mentioned: Selection,
}

impl ChartsState {
    /// Chart 0 is the timeline (its points are the mentioned years), then one
    /// chart per series. Points naming unknown passages have no target.
    pub fn new(timeline: &Timeline, series: &[Series], doc: &Document) -> Self {
        let mut charts = vec![timeline.years.values().cloned().collect::<Vec<_>>()];
        charts.extend(series.iter().map(|s| {
            s.points
                .iter()
                .map(|p| doc.passage_index(&p.passage).into_iter().collect())
                .collect()
        }));
        ChartsState {
            charts,
            ..Self::default()
        }
    }

    /// Tab: between the chart's points and the "Most mentioned" rows.
    pub fn switch_focus(&mut self) {
        self.focus = match self.focus {
            ChartsFocus::Chart if self.mentioned.len > 0 => ChartsFocus::Mentioned,
            _ => ChartsFocus::Chart,
        };
    }

    pub fn chart_count(&self) -> usize {
        self.charts.len()
    }

    pub fn chart(&self) -> ChartRef {
        match self.chart {
            0 => ChartRef::Timeline,
            n => ChartRef::Series(n - 1),
        }
    }

    pub fn chart_index(&self) -> usize {
        self.chart
    }

    pub fn point(&self) -> usize {
        self.point
    }

    /// Position among the passages behind the selected point.
    pub fn target(&self) -> usize {
        self.target
    }

    fn points(&self) -> usize {
        self.charts.get(self.chart).map_or(0, Vec::len)
    }

    fn targets(&self) -> &[usize] {
        self.charts
            .get(self.chart)
            .and_then(|c| c.get(self.point))
            .map_or(&[], Vec::as_slice)
    }

    /// Charts cycle; a new chart starts at its first point.
    pub fn next_chart(&mut self) {
        if !self.charts.is_empty() {
            self.select_chart((self.chart + 1) % self.charts.len());
        }
    }

    pub fn prev_chart(&mut self) {
        if !self.charts.is_empty() {
            let n = self.charts.len();
            self.select_chart((self.chart + n - 1) % n);
        }
    }

    pub fn select_chart(&mut self, chart: usize) {
        self.chart = chart.min(self.charts.len().saturating_sub(1));
        self.point = 0;
        self.target = 0;
    }

    /// Points stop at the ends of a chart rather than wrap.
    pub fn next_point(&mut self) {
        if self.point + 1 < self.points() {
            self.point += 1;
            self.target = 0;
        }
    }

    pub fn prev_point(&mut self) {
        if self.point > 0 {
            self.point -= 1;
            self.target = 0;
        }
    }

    /// Next passage behind the selected point (a timeline year lists several).
    pub fn next_target(&mut self) {
        if self.target + 1 < self.targets().len() {
            self.target += 1;
        }
    }

    pub fn prev_target(&mut self) {
        self.target = self.target.saturating_sub(1);
    }

    /// The passage Enter jumps to.
    pub fn selected_target(&self) -> Option<usize> {
        self.targets().get(self.target).copied()
    }
}
