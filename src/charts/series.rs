//! The paper's own figures as data series, read from `series.toml`, and the
//! checks that keep them honest: every point names a passage that states it.

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::charts::quantity::{format_value, quote_quantity, scale};
use crate::corpus::TomlFile;
use crate::diag::{self, Diagnostic};
use crate::entities::figures;
use crate::model::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeriesKind {
    /// Points over years: `x` is a year.
    Time,
    /// Points side by side: `x` is a label.
    Comparison,
}

/// How exact the paper is about a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// A lower bound: "over 200 million", "exceeded 40.27 billion".
    Over,
    /// "approximately 60%".
    About,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub x: String,
    pub value: f64,
    pub qualifier: Option<Qualifier>,
    /// Id of the passage that states the number.
    pub passage: String,
    /// The number as the paper writes it, e.g. "over 200 million yuan".
    pub quote: String,
    #[serde(skip)]
    spans: PointSpans,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct PointSpans {
    x: Range<usize>,
    value: Range<usize>,
    passage: Range<usize>,
    quote: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub id: String,
    pub title: String,
    pub unit: String,
    pub kind: SeriesKind,
    /// The paper's figure (or table) these numbers are drawn in: "Figure 1".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<String>,
    pub points: Vec<Point>,
    #[serde(skip)]
    id_span: Range<usize>,
    #[serde(skip)]
    figure_span: Range<usize>,
}

impl Series {
    /// The figure of `figures` this series draws, if it names one the paper has.
    pub fn figure_in(&self, figures: &[figures::Figure]) -> Option<usize> {
        let named = figures::refs_in(self.figure.as_deref()?);
        let first = named.first().filter(|r| r.span.start == 0)?;
        figures::resolve(figures, first.label, first.number)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    series: Vec<RawSeries>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeries {
    id: Spanned<String>,
    title: String,
    unit: String,
    kind: SeriesKind,
    #[serde(default)]
    figure: Option<Spanned<String>>,
    points: Vec<RawPoint>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPoint {
    x: Spanned<String>,
    value: Spanned<f64>,
    #[serde(default)]
    qualifier: Option<Qualifier>,
    passage: Spanned<String>,
    quote: Spanned<String>,
}

/// Reads `series.toml`; syntax and shape errors name the file, line and column.
pub fn parse(path: &Path, text: &str) -> Result<Vec<Series>, Diagnostic> {
    let raw: RawFile = toml::from_str(text).map_err(|e| diag::toml_error(path, text, &e))?;
    Ok(raw
        .series
        .into_iter()
        .map(|s| Series {
            id_span: s.id.span(),
            id: s.id.into_inner(),
            title: s.title,
            unit: s.unit,
            kind: s.kind,
            figure_span: s.figure.as_ref().map_or(0..0, Spanned::span),
            figure: s.figure.map(Spanned::into_inner),
            points: s.points.into_iter().map(Point::from_raw).collect(),
        })
        .collect())
}

impl Point {
    fn from_raw(p: RawPoint) -> Point {
        Point {
            spans: PointSpans {
                x: p.x.span(),
                value: p.value.span(),
                passage: p.passage.span(),
                quote: p.quote.span(),
            },
            x: p.x.into_inner(),
            value: p.value.into_inner(),
            qualifier: p.qualifier,
            passage: p.passage.into_inner(),
            quote: p.quote.into_inner(),
        }
    }

    /// The year of a time-series point.
    pub fn year(&self) -> Option<i32> {
        self.x.parse().ok().filter(|y| (1900..=2099).contains(y))
    }

    /// Value with its qualifier and unit: "over 40.27 billion yuan".
    pub fn label(&self, unit: &str) -> String {
        let q = match self.qualifier {
            Some(Qualifier::Over) => "over ",
            Some(Qualifier::About) => "about ",
            None => "",
        };
        format!("{q}{} {unit}", format_value(self.value))
    }
}

/// Parses and checks a case study's `series.toml`; no file means no series.
pub fn load(file: Option<&TomlFile>, doc: &Document) -> Result<Vec<Series>, Vec<Diagnostic>> {
    let Some(file) = file else {
        return Ok(Vec::new());
    };
    let series = parse(&file.path, &file.text).map_err(|d| vec![d])?;
    let problems = validate(&series, &file.path, &file.text, doc);
    if problems.is_empty() {
        Ok(series)
    } else {
        Err(problems)
    }
}

/// Checks every series against the paper: known passages, quotes found in
/// them, values equal to what the quotes say, years on time axes.
pub fn validate(series: &[Series], path: &Path, text: &str, doc: &Document) -> Vec<Diagnostic> {
    let at = |span: &Range<usize>, message: String| {
        let (line, col) = diag::line_col(text, span.start);
        Diagnostic::error(path, line, col, message)
    };
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    let figures = figures::index(doc);
    for s in series {
        if let Some(figure) = &s.figure {
            if s.figure_in(&figures).is_none() {
                let msg = format!(
                    "the paper has no figure or table \"{figure}\" (write it as the paper numbers it: \"Figure 2\", \"Table 1\")"
                );
                out.push(at(&s.figure_span, msg));
            }
        }
        if !ids.insert(s.id.as_str()) {
            out.push(at(&s.id_span, format!("duplicate series id `{}`", s.id)));
        }
        if s.points.is_empty() {
            out.push(at(&s.id_span, format!("series `{}` has no points", s.id)));
        }
        for p in &s.points {
            if s.kind == SeriesKind::Time && p.year().is_none() {
                let msg = format!(
                    "`{}` is not a year (1900-2099) in time series `{}`",
                    p.x, s.id
                );
                out.push(at(&p.spans.x, msg));
            }
            match doc.passage(&p.passage) {
                None => out.push(at(
                    &p.spans.passage,
                    format!("unknown passage `{}`", p.passage),
                )),
                Some(passage) if !contains_words(&passage.text, &p.quote) => {
                    let msg = format!("passage `{}` does not contain \"{}\"", p.passage, p.quote);
                    out.push(at(&p.spans.quote, msg));
                }
                Some(_) => {}
            }
            if let Some(msg) = value_mismatch(p, &s.unit) {
                out.push(at(&p.spans.value, msg));
            }
        }
    }
    out.sort_by_key(|d| (d.line, d.col));
    out
}

/// Whether `needle` occurs in `haystack`, with any run of whitespace equal to
/// one space (the loader joins wrapped lines).
fn contains_words(haystack: &str, needle: &str) -> bool {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    squash(haystack).contains(&squash(needle))
}

fn value_mismatch(p: &Point, unit: &str) -> Option<String> {
    let Some(stated) = quote_quantity(&p.quote) else {
        return Some(format!("quote \"{}\" states no number", p.quote));
    };
    let unit_scale = unit
        .split_whitespace()
        .next()
        .and_then(scale)
        .unwrap_or(1.0);
    let value = p.value * unit_scale;
    let close = (stated - value).abs() <= 1e-9 * stated.abs().max(1.0);
    (!close).then(|| {
        format!(
            "value {} {unit} does not match the quote \"{}\" ({} {unit})",
            format_value(p.value),
            p.quote,
            format_value(stated / unit_scale),
        )
    })
}
