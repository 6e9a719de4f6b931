//! A reader never hides text: stepping with `j` alone (or Space alone) from
//! the start to the end of any paper, at any size, draws every line of it.

use std::collections::HashSet;

use casebook::app::state::{App, UiOptions};
use casebook::app::update::update;
use casebook::app::Msg;
use casebook::model::Meta;
use casebook::study::Study;
use proptest::prelude::*;
use ratatui::layout::Rect;

use crate::support::keys::press;

/// Sections of passages with the given word counts (some far taller than
/// any screen).
fn study(lengths: &[usize], per_section: usize) -> Study {
    let sections = lengths.len().div_ceil(per_section).max(1);
    let mut doc = casebook::testing::synthetic_doc(sections, per_section, 1);
    doc.passages.truncate(lengths.len());
    for section in &mut doc.sections {
        section.passages.end = section.passages.end.min(lengths.len());
        section.passages.start = section.passages.start.min(section.passages.end);
    }
    for (p, &n) in doc.passages.iter_mut().zip(lengths) {
        p.text = (0..n)
            .map(|w| format!("w{w}"))
            .collect::<Vec<_>>()
            .join(" ");
    }
    let meta = Meta {
        id: "t".into(),
        title: "T".into(),
        authors: vec![],
        year: None,
        series: None,
        source: None,
    };
    Study::from_parts(meta, doc)
}

/// Every (item, line) drawn while pressing `key` until nothing changes.
fn drawn_by(app: &mut App, key: &str) -> HashSet<(usize, usize)> {
    let mut seen = HashSet::new();
    for _ in 0..10_000 {
        seen.extend(app.view.rows(app.pages()).into_iter().flatten());
        let before = (app.view.top, app.view.cursor);
        press(app, key);
        if (app.view.top, app.view.cursor) == before {
            return seen;
        }
    }
    panic!("{key} never reached the end");
}

fn every_line(app: &App) -> HashSet<(usize, usize)> {
    let pages = app.pages();
    (0..pages.outline.len())
        .flat_map(|i| (0..app.view.lines(pages, i).len()).map(move |l| (i, l)))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn j_alone_and_space_alone_draw_every_line(
        lengths in prop::collection::vec(1usize..400, 1..12),
        per_section in 1usize..5,
        w in 24u16..220,
        h in 6u16..60,
    ) {
        let study = study(&lengths, per_section);
        for key in ["j", "<Space>"] {
            let mut app = App::new(&study, UiOptions::default());
            update(&mut app, Msg::Resize(Rect::new(0, 0, w, h)));
            let seen = drawn_by(&mut app, key);
            let missing: Vec<_> = every_line(&app).difference(&seen).copied().collect();
            prop_assert!(missing.is_empty(), "{key} at {w}x{h} never drew {missing:?}");
        }
    }
}
