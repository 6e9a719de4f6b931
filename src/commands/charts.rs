//! `casebook series` and `casebook timeline`.

use super::{Console, Failure};
use crate::charts::report::{series_json, series_text, timeline_json, timeline_text};
use crate::charts::series;
use crate::charts::spark::Glyphs;
use crate::charts::timeline::Timeline;
use crate::corpus::{self, Source};

/// The paper's figures as data series; a bad `series.toml` fails with its lines.
pub fn series(source: &Source, json: bool, console: &mut Console) -> Result<(), Failure> {
    let study = corpus::open(source)?;
    let all = series::load(study.series_toml.as_ref(), &study.doc)?;
    console.print(&if json {
        series_json(&all) + "\n"
    } else {
        series_text(&all)
    })
}

/// The years the paper mentions, each with the passages mentioning it.
pub fn timeline(
    source: &Source,
    json: bool,
    glyphs: Glyphs,
    console: &mut Console,
) -> Result<(), Failure> {
    let study = corpus::open(source)?;
    let timeline = Timeline::build(&study.doc);
    console.print(&if json {
        timeline_json(&timeline, &study.doc) + "\n"
    } else {
        timeline_text(&timeline, &study.doc, glyphs)
    })
}
