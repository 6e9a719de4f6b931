//! Timeline counts, mention buckets, series checks and chart navigation on a
//! small synthetic paper.

use crate::support::charts as charts_common;

use std::path::Path;

use casebook::charts::series::{self, Qualifier, SeriesKind};
use casebook::charts::spark::{self, Bucketing, Glyphs};
use casebook::charts::timeline::Timeline;
use casebook::charts::{ChartRef, ChartsState};
use charts_common::{paper, SERIES};

#[test]
fn timeline_counts_passages_per_year() {
    let t = Timeline::build(&paper());
    let got: Vec<(i32, Vec<usize>)> = t.years.into_iter().collect();
    assert_eq!(
        got,
        vec![
            (1990, vec![0]),
            (1991, vec![1]),
            (1992, vec![0]),
            (1996, vec![1]),
            (1998, vec![2, 3]),
            (2009, vec![3, 6]),
            (2010, vec![5]),
            (2011, vec![6]),
        ]
    );
}

#[test]
fn timeline_counts_fill_the_gaps_with_zero() {
    let counts = Timeline::build(&paper()).counts();
    assert_eq!(counts.len(), 2011 - 1990 + 1);
    assert_eq!(counts[0], (1990, 1));
    assert_eq!(counts[3], (1993, 0));
    assert_eq!(counts[8], (1998, 2));
    assert!(Timeline::default().counts().is_empty());
}

#[test]
fn mentions_bucket_by_top_section_and_by_slice() {
    let doc = paper();
    // Passage 3 twice: one passage, counted once.
    let mentions = [0, 3, 3, 4, 6];
    assert_eq!(
        spark::bucket_mentions(&doc, &mentions, Bucketing::TopSections),
        [1, 2, 1]
    );
    assert_eq!(
        spark::bucket_mentions(&doc, &mentions, Bucketing::Slices(7)),
        [1, 0, 0, 1, 1, 0, 1]
    );
    assert_eq!(
        spark::bucket_mentions(&doc, &mentions, Bucketing::Slices(2)),
        [2, 2]
    );
    // More slices than passages: one per passage.
    assert_eq!(spark::bucket_count(&doc, Bucketing::Slices(50)), 7);
    assert_eq!(
        spark::bucket_mentions(&doc, &[99], Bucketing::Slices(3)),
        [0, 0, 0]
    );
    let counts = spark::bucket_mentions(&doc, &mentions, Bucketing::TopSections);
    assert_eq!(spark::render(&counts, Glyphs::Unicode), "▅█▅");
    assert_eq!(spark::render(&counts, Glyphs::Ascii), "=#=");
}

#[test]
fn series_parse_and_pass_their_checks() {
    let path = Path::new("series.toml");
    let all = series::parse(path, SERIES).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].kind, SeriesKind::Time);
    assert_eq!(all[0].points[0].qualifier, Some(Qualifier::Over));
    assert_eq!(
        all[0].points[0].label(&all[0].unit),
        "over 0.2 billion yuan"
    );
    assert_eq!(series::validate(&all, path, SERIES, &paper()), []);
}

fn problems(text: &str) -> Vec<String> {
    let path = Path::new("s.toml");
    match series::parse(path, text) {
        Err(d) => vec![d.to_string()],
        Ok(all) => series::validate(&all, path, text, &paper())
            .iter()
            .map(ToString::to_string)
            .collect(),
    }
}

#[test]
fn series_checks_name_the_line_and_column_of_each_problem() {
    let bad = SERIES
        .replace(
            "passage = \"p3.1\", quote = \"50.6 billion yuan\" },\n]",
            "passage = \"p9\", quote = \"50.6 billion yuan\" },\n]",
        )
        .replace("value = 28,", "value = 29,")
        .replace("x = \"2009\"", "x = \"2009s\"")
        .replace("quote = \"exceeded 40.27", "quote = \"passed 40.27");
    let got = problems(&bad);
    assert_eq!(
        got,
        [
            "s.toml:9:9: error: `2009s` is not a year (1900-2099) in time series `sales`",
            "s.toml:9:81: error: passage `p2-1.2` does not contain \"passed 40.27 billion yuan\"",
            "s.toml:10:41: error: unknown passage `p9`",
            "s.toml:20:25: error: value 29 billion yuan does not match the quote \"28 billion yuan\" (28 billion yuan)",
        ]
    );
}

#[test]
fn malformed_series_files_are_diagnostics_not_panics() {
    let syntax = problems("[[series]]\nid = \n");
    assert!(syntax[0].starts_with("s.toml:2:6: error: "), "{syntax:?}");
    let unknown = problems(
        "[[series]]\nid = \"a\"\ntitle = \"t\"\nunit = \"u\"\nkind = \"pie\"\npoints = []\n",
    );
    assert!(
        unknown[0].starts_with("s.toml:5:8: error: unknown variant `pie`"),
        "{unknown:?}"
    );
    let dup = format!("{SERIES}\n[[series]]\nid = \"sales\"\ntitle = \"t\"\nunit = \"u\"\nkind = \"time\"\npoints = []\n");
    let got = problems(&dup);
    assert_eq!(
        got,
        [
            "s.toml:24:6: error: duplicate series id `sales`",
            "s.toml:24:6: error: series `sales` has no points"
        ]
    );
    let vague = SERIES.replace(
        "quote = \"28 billion yuan\"",
        "quote = \"several billion yuan\"",
    );
    assert_eq!(
        problems(&vague),
        [
            "s.toml:20:25: error: quote \"several billion yuan\" states no number",
            "s.toml:20:55: error: passage `p3.1` does not contain \"several billion yuan\"",
        ]
    );
}

#[test]
fn charts_state_moves_between_charts_points_and_passages() {
    let doc = paper();
    let timeline = Timeline::build(&doc);
    let all = series::parse(Path::new("s"), SERIES).unwrap();
    let mut s = ChartsState::new(&timeline, &all, &doc);
    assert_eq!(s.chart_count(), 3);
    assert_eq!(s.chart(), ChartRef::Timeline);
    assert_eq!(s.selected_target(), Some(0)); // 1990
    for _ in 0..4 {
        s.next_point();
    }
    assert_eq!(s.selected_target(), Some(2)); // 1998: passages 2 and 3
    s.next_target();
    assert_eq!(s.selected_target(), Some(3));
    s.next_target();
    assert_eq!(s.selected_target(), Some(3), "stays on the last passage");
    s.prev_point();
    assert_eq!((s.point(), s.target()), (3, 0));
    for _ in 0..20 {
        s.next_point();
    }
    assert_eq!(s.selected_target(), Some(6), "stops at 2011");
    s.next_chart();
    assert_eq!(s.chart(), ChartRef::Series(0));
    assert_eq!(s.selected_target(), Some(2));
    s.next_point();
    s.next_point();
    assert_eq!(s.selected_target(), Some(5));
    s.next_chart();
    s.next_chart();
    assert_eq!(s.chart(), ChartRef::Timeline, "charts wrap around");
    s.prev_chart();
    assert_eq!((s.chart(), s.point()), (ChartRef::Series(1), 0));
    assert_eq!(ChartsState::default().selected_target(), None);
}

#[test]
fn cli_reports_list_points_and_years() {
    let doc = paper();
    let all = series::parse(Path::new("s"), SERIES).unwrap();
    assert_eq!(
        casebook::charts::report::series_text(&all),
        "sales: Sales (billion yuan, over time)\n\
         \x20 1998    over 0.2 billion yuan  p2-1.1  \"over 200 million yuan\"\n\
         \x20 2009  over 40.27 billion yuan  p2-1.2  \"exceeded 40.27 billion yuan\"\n\
         \x20 2010        50.6 billion yuan  p3.1  \"50.6 billion yuan\"\n\
         zone: Sales in 2010 (billion yuan, compared)\n\
         \x20 Zone  50.6 billion yuan  p3.1  \"50.6 billion yuan\"\n\
         \x20 DLSP    28 billion yuan  p3.1  \"28 billion yuan\"\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&casebook::charts::report::series_json(&all)).unwrap();
    assert_eq!(json[0]["points"][0]["qualifier"], "over");
    assert_eq!(json[1]["points"][1]["value"], 28.0);

    let t = Timeline::build(&doc);
    let text = casebook::charts::report::timeline_text(&t, &doc, Glyphs::Ascii);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 8);
    assert_eq!(lines[4], "1998    2  ##  p2-1.1 p2-1.2");
    assert_eq!(lines[6], "2010    1  #   p3.1");
    let json: serde_json::Value =
        serde_json::from_str(&casebook::charts::report::timeline_json(&t, &doc)).unwrap();
    assert_eq!(json["years"][4]["year"], 1998);
    assert_eq!(
        json["years"][4]["passages"],
        serde_json::json!(["p2-1.1", "p2-1.2"])
    );
}
