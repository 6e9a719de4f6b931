//! Plain-text and JSON output of `casebook series` and `casebook timeline`.

use crate::term::sanitize::caret;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::charts::series::{Series, SeriesKind};
use crate::charts::spark::Glyphs;
use crate::charts::timeline::Timeline;
use crate::model::Document;

/// One series per block: a heading line, then one line per point with the
/// passage that states it and the quote.
pub fn series_text(series: &[Series]) -> String {
    let mut out = String::new();
    for s in series {
        let kind = match s.kind {
            SeriesKind::Time => "over time",
            SeriesKind::Comparison => "compared",
        };
        out.push_str(&format!("{}: {} ({}, {kind})\n", s.id, s.title, s.unit));
        let x_width = s.points.iter().map(|p| p.x.width()).max().unwrap_or(0);
        let labels: Vec<String> = s.points.iter().map(|p| p.label(&s.unit)).collect();
        let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
        for (p, label) in s.points.iter().zip(&labels) {
            out.push_str(&format!(
                "  {}{}  {}{}  {}  \"{}\"\n",
                p.x,
                pad(&p.x, x_width),
                pad(label, label_width),
                label,
                p.passage,
                p.quote
            ));
        }
    }
    caret(&out).into_owned()
}

pub fn series_json(series: &[Series]) -> String {
    serde_json::to_string_pretty(series).unwrap_or_default()
}

/// One line per mentioned year: the year, the number of passages, a bar as
/// long as that number, and the passage ids.
pub fn timeline_text(timeline: &Timeline, doc: &Document, glyphs: Glyphs) -> String {
    let most = timeline.years.values().map(Vec::len).max().unwrap_or(0);
    let block = if glyphs == Glyphs::Ascii { "#" } else { "█" };
    let mut out = String::new();
    for (year, passages) in &timeline.years {
        let n = passages.len();
        let bar = format!("{}{}", block.repeat(n), " ".repeat(most - n));
        let ids: Vec<&str> = passages
            .iter()
            .map(|&p| doc.passages[p].id.as_str())
            .collect();
        out.push_str(&format!("{year}  {n:>3}  {bar}  {}\n", ids.join(" ")));
    }
    caret(&out).into_owned()
}

#[derive(Serialize)]
struct YearJson<'a> {
    year: i32,
    passages: Vec<&'a str>,
}

pub fn timeline_json(timeline: &Timeline, doc: &Document) -> String {
    let years: Vec<YearJson> = timeline
        .years
        .iter()
        .map(|(&year, passages)| YearJson {
            year,
            passages: passages
                .iter()
                .map(|&p| doc.passages[p].id.as_str())
                .collect(),
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({ "years": years })).unwrap_or_default()
}

fn pad(s: &str, width: usize) -> String {
    " ".repeat(width.saturating_sub(s.width()))
}
