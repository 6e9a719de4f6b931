//! Plain-text and JSON output of `casebook series` and `casebook timeline`.

use crate::term::sanitize::caret;
use std::process::ExitCode;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::charts::series::{self, Series, SeriesKind};
use crate::charts::spark::Glyphs;
use crate::charts::timeline::Timeline;
use crate::corpus::{self, Source};
use crate::diag::Diagnostic;
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

/// What `casebook series` and `casebook timeline` print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Report {
    Series,
    Timeline,
}

/// Opens the case study and prints one report; problems go to stderr as
/// `path:line:col: message`.
pub fn run(source: &Source, report: Report, json: bool, glyphs: Glyphs) -> ExitCode {
    let fail = |diags: Vec<Diagnostic>| {
        for d in diags {
            eprintln!("{}", caret(&d.to_string()));
        }
        ExitCode::FAILURE
    };
    let study = match corpus::open(source) {
        Ok(study) => study,
        Err(diags) => return fail(diags),
    };
    let doc = &study.doc;
    let text = match report {
        Report::Series => match series::load(study.series_toml.as_ref(), doc) {
            Ok(all) if json => series_json(&all),
            Ok(all) => series_text(&all),
            Err(diags) => return fail(diags),
        },
        Report::Timeline => {
            let timeline = Timeline::build(doc);
            if json {
                timeline_json(&timeline, doc)
            } else {
                timeline_text(&timeline, doc, glyphs)
            }
        }
    };
    print!("{text}");
    if json {
        println!();
    }
    ExitCode::SUCCESS
}
